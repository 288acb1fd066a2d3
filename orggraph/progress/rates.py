"""The headline rates of an audit, written once, and how they moved between two audits.

:data:`HEADLINES` lists the figures the field reports quote, each with where it sits in
``AuditResult.rates`` and its label in both languages; the diff, the trend table, the chart and
the summary sentences all read this one list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from orggraph.i18n import Lang, both
from orggraph.metrics import COVERAGE_LEVELS


@dataclass(frozen=True)
class Headline:
    """One headline figure: ``key`` names it, ``path`` finds it in the rates dict."""

    key: str
    path: tuple[str, ...]
    label: dict[Lang, str]
    percent: bool = True

    def value(self, rates: dict[str, Any]) -> float | None:
        """The figure in ``rates``, ``None`` where the dataset has nothing to count."""
        v: Any = rates
        for part in self.path:
            if not isinstance(v, dict) or part not in v:
                return None
            v = v[part]
        return None if v is None else float(v)

    def text(self, v: float | None) -> str:
        """``v`` as a report prints it: ``96.3%``, ``81``, or ``—`` when unknown."""
        if v is None:
            return "—"
        return f"{v:g}%" if self.percent else f"{v:g}"


COVERAGE_LABEL: dict[str, dict[Lang, str]] = {
    "community": both("community coverage"),
    "village": both("village coverage"),
    "compound": both("compound coverage"),
    "grid": both("grid coverage"),
}

HEADLINES: tuple[Headline, ...] = (
    *(
        Headline(f"coverage.{lvl}", ("coverage", lvl, "rate"), COVERAGE_LABEL[lvl])
        for lvl in COVERAGE_LEVELS
    ),
    Headline(
        "two_new.single_build_rate",
        ("two_new", "single_build_rate"),
        both("two-new single-build rate"),
    ),
    Headline("two_new.coverage_rate", ("two_new", "coverage_rate"), both("two-new coverage rate")),
    Headline("communities_paired.rate", ("communities_paired", "rate"), both("communities paired")),
    Headline(
        "compound_branches",
        ("compound_branches",),
        both("compound Party organisations"),
        percent=False,
    ),
    Headline(
        "members_reported",
        ("members_reported",),
        both("serving members reported"),
        percent=False,
    ),
)
HEADLINE_BY_KEY = {h.key: h for h in HEADLINES}

RATE_COLUMNS = (
    "scope",
    "street_id",
    "street_old",
    "street_new",
    "street_change",
    "rate",
    "old",
    "new",
    "change",
)


def _delta(old: float | None, new: float | None) -> float | None:
    return None if old is None or new is None else round(new - old, 1)


def _street_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    if old is None:
        return "added"
    if new is None:
        return "removed"
    return "renamed" if old.get("street") != new.get("street") else "kept"


def rate_changes(old: dict[str, Any], new: dict[str, Any]) -> pd.DataFrame:
    """Every headline figure, then every street's coverage per level, old → new.

    A street is matched by its id, so a renamed street keeps its row (``street_change``
    ``renamed``); a street only one side has is ``added`` or ``removed`` with the other side's
    figures empty.  Columns: :data:`RATE_COLUMNS`.

    Examples
    --------
    >>> old = {"communities_paired": {"rate": 96.3}}
    >>> new = {"communities_paired": {"rate": 100.0}}
    >>> row = rate_changes(old, new).set_index("rate").loc["communities_paired.rate"]
    >>> float(row["old"]), float(row["new"]), float(row["change"])
    (96.3, 100.0, 3.7)
    """
    rows: list[tuple[Any, ...]] = []
    for h in HEADLINES:
        a, b = h.value(old), h.value(new)
        if a is not None or b is not None:
            rows.append(("district", None, None, None, None, h.key, a, b, _delta(a, b)))
    before = {s["street_id"]: s for s in old.get("coverage_by_street", [])}
    after = {s["street_id"]: s for s in new.get("coverage_by_street", [])}
    for sid in sorted(before.keys() | after.keys()):
        o, n = before.get(sid), after.get(sid)
        status = _street_change(o, n)
        names = ((o or {}).get("street"), (n or {}).get("street"))
        for lvl in COVERAGE_LEVELS:
            a = ((o or {}).get(lvl) or {}).get("rate")
            b = ((n or {}).get(lvl) or {}).get("rate")
            if (o or {}).get(lvl) is None and (n or {}).get(lvl) is None:
                continue
            rows.append(("street", sid, *names, status, f"coverage.{lvl}", a, b, _delta(a, b)))
    frame = pd.DataFrame(rows, columns=list(RATE_COLUMNS))
    return frame.astype(object).where(frame.notna(), None)

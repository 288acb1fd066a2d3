"""The headline rates, worded once as the field reports word them.

Every output that shows the rates (the terminal table, Markdown, the report's cards, the
workbook's 主要指标 sheet) takes them from :func:`headlines`; none words them itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orggraph.i18n import Lang, both, lang, tr
from orggraph.schema import ZH


@dataclass(frozen=True)
class Headline:
    """One headline figure.

    ``key`` is where the figure sits in the JSON ``rates`` (``coverage.community``,
    ``two_new.single_build_rate``, ``members_reported``…); ``value`` is a percentage when
    ``unit`` is ``"%"``, else a count; ``part`` and ``total`` are what a percentage is made of.
    """

    key: str
    label: str
    value: float | int | None
    unit: str
    part: int | None = None
    total: int | None = None

    @property
    def shown(self) -> bool:
        """Whether the figure says something (a rate of nothing is left out of documents)."""
        return self.total != 0

    @property
    def value_text(self) -> str:
        if self.value is None:
            return "—"
        if self.unit == "%":
            return f"{self.value:g}%"
        return f"{self.value}{self.unit}"

    @property
    def detail(self) -> str:
        return f"{self.part}/{self.total}" if self.total is not None else ""

    @property
    def text(self) -> str:
        """``75% (3/4)`` or ``80个``."""
        return f"{self.value_text} ({self.detail})" if self.detail else self.value_text


def _say(in_lang: Lang | None, message: str, **fields: object) -> str:
    return tr(message, **fields) if in_lang is None else both(message, **fields)[in_lang]


def level_word(level: str, in_lang: Lang | None = None) -> str:
    """An area level as the output language names it (社区, or ``community``)."""
    return ZH.get(level, level) if (in_lang or lang()) == "zh" else level


def headlines(rates: dict[str, Any], in_lang: Lang | None = None) -> list[Headline]:
    """Every headline figure of an audit's ``rates``, labelled in ``in_lang`` (default: the
    language in force).

    Examples
    --------
    >>> h = headlines({"communities_paired": {"total": 4, "paired": 3, "rate": 75.0}}, "zh")
    >>> h[0].label, h[0].text
    ('社区/村结对率', '75% (3/4)')
    """
    out: list[Headline] = []
    for level, share in (rates.get("coverage") or {}).items():
        out.append(
            Headline(
                f"coverage.{level}",
                _say(
                    in_lang,
                    "Party organisation coverage: {level}",
                    level=level_word(level, in_lang),
                ),
                share.get("rate"),
                "%",
                share.get("covered"),
                share.get("total"),
            )
        )
    two_new = rates.get("two_new")
    if two_new is not None:
        out.append(
            Headline(
                "two_new.single_build_rate",
                _say(in_lang, "Two-new organisations: single-build rate"),
                two_new.get("single_build_rate"),
                "%",
                two_new.get("single_built"),
                two_new.get("total"),
            )
        )
        out.append(
            Headline(
                "two_new.coverage_rate",
                _say(in_lang, "Two-new organisations: coverage rate"),
                two_new.get("coverage_rate"),
                "%",
                two_new.get("covered"),
                two_new.get("total"),
            )
        )
    paired = rates.get("communities_paired")
    if paired is not None:
        out.append(
            Headline(
                "communities_paired",
                _say(in_lang, "Communities and villages paired"),
                paired.get("rate"),
                "%",
                paired.get("paired"),
                paired.get("total"),
            )
        )
    if rates.get("compound_branches") is not None:
        out.append(
            Headline(
                "compound_branches",
                _say(in_lang, "Compound Party organisations"),
                rates["compound_branches"],
                _say(in_lang, " organisations"),
            )
        )
    if rates.get("members_reported") is not None:
        out.append(
            Headline(
                "members_reported",
                _say(in_lang, "Serving members reported"),
                rates["members_reported"],
                _say(in_lang, " members"),
            )
        )
    return out

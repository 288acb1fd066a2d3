"""Two snapshots of one district, compared: findings, rates and entities.

Both snapshots are audited with the same configuration.  Findings are keyed by
``(rule, subject_id)``: *resolved* ones are in the old audit only, *new* ones in the new audit
only, *persisting* ones in both (with any field that changed, such as the severity or the
message, shown old → new).  Rates are every headline figure and every street's coverage, old →
new.  Entities are compared table by table (:mod:`orggraph.progress.entities`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pandas as pd

from orggraph.findings import AuditResult, Finding
from orggraph.progress.entities import TableChanges, diff_entities, entities_frame
from orggraph.progress.parallel import audit_elsewhere, parallel_pays
from orggraph.progress.rates import rate_changes
from orggraph.schema import NODE_LABEL

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset

FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
FINDING_CHANGES = ("resolved", "new", "persisting")
Key = tuple[str, str]


def finding_key(f: Finding) -> Key:
    """What identifies a finding across snapshots: its rule and its subject."""
    return (f.rule, f.subject_id)


@dataclass
class ProgressDiff:
    """The comparison of an old and a new snapshot (see the module docstring).

    ``persisting`` holds ``(old, new)`` pairs; ``subject_levels`` the area level of every
    finding's subject that is an area (the summary counts blanks filled by level);
    ``subjects_gone`` the subjects of resolved findings that NEW no longer has (a blank whose
    area was removed was not filled).
    """

    old: AuditResult
    new: AuditResult
    resolved: list[Finding] = field(default_factory=list)
    appeared: list[Finding] = field(default_factory=list)
    persisting: list[tuple[Finding, Finding]] = field(default_factory=list)
    entities: dict[str, TableChanges] = field(default_factory=dict)
    subject_levels: dict[str, str] = field(default_factory=dict)
    subjects_gone: set[str] = field(default_factory=set)

    @cached_property
    def rates(self) -> pd.DataFrame:
        """Headline and per-street rates old → new (:func:`~.rates.rate_changes`)."""
        return rate_changes(self.old.rates, self.new.rates)

    def counts(self) -> dict[str, int]:
        """How many findings are in each group of :data:`FINDING_CHANGES`."""
        sizes = (len(self.resolved), len(self.appeared), len(self.persisting))
        return dict(zip(FINDING_CHANGES, sizes, strict=True))

    def findings_frame(self) -> pd.DataFrame:
        """One row per finding: ``change`` (resolved, new, persisting), the finding's fields
        (the new ones for a persisting finding), and ``changes``: what changed, as text."""
        rows = [("resolved", *_values(f), "") for f in self.resolved]
        rows += [("new", *_values(f), "") for f in self.appeared]
        rows += [
            (
                "persisting",
                *_values(n),
                "; ".join(f"{k}: {v['old']} → {v['new']}" for k, v in _changes(o, n).items()),
            )
            for o, n in self.persisting
        ]
        return pd.DataFrame(rows, columns=["change", *FINDING_FIELDS, "changes"])

    def entities_frame(self) -> pd.DataFrame:
        """One row per added or removed entity and per changed field (see
        :func:`~.entities.entities_frame`)."""
        return entities_frame(self.entities)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The whole diff as tables: ``findings``, ``rates``, ``entities`` (one sheet each)."""
        return {
            "findings": self.findings_frame(),
            "rates": self.rates,
            "entities": self.entities_frame(),
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON document (its shape is described in docs/PROGRESS.md)."""
        from orggraph.progress.summary import summary_both

        return {
            "old": self.old.dataset,
            "new": self.new.dataset,
            "findings": dict(
                zip(
                    FINDING_CHANGES,
                    (
                        [_fields(f) for f in self.resolved],
                        [_fields(f) for f in self.appeared],
                        [{**_fields(n), "changes": _changes(o, n)} for o, n in self.persisting],
                    ),
                    strict=True,
                )
            ),
            "counts": self.counts(),
            "rates": {
                "old": self.old.rates,
                "new": self.new.rates,
                "changes": self.rates.to_dict(orient="records"),
            },
            "entities": {name: tc.to_dict() for name, tc in self.entities.items()},
            "summary": summary_both(self),
        }

    def is_empty(self) -> bool:
        """No finding resolved or new, no persisting finding changed, no entity changed."""
        return (
            not self.resolved
            and not self.appeared
            and not any(_changes(o, n) for o, n in self.persisting)
            and not any(len(tc) for tc in self.entities.values())
        )


def _values(f: Finding) -> tuple[Any, ...]:
    return tuple(getattr(f, k) for k in FINDING_FIELDS)


def _fields(f: Finding) -> dict[str, Any]:
    """``f.to_dict()`` without ``asdict``'s deep copy (the fields are plain values)."""
    return {k: getattr(f, k) for k in FINDING_FIELDS}


def _changes(old: Finding, new: Finding) -> dict[str, dict[str, Any]]:
    return {
        k: {"old": getattr(old, k), "new": getattr(new, k)}
        for k in FINDING_FIELDS
        if getattr(old, k) != getattr(new, k)
    }


def _area_levels(ds: Dataset, ids: set[str]) -> dict[str, str]:
    areas = ds.areas
    hit = areas[areas["id"].isin(ids)]
    return dict(zip(hit["id"], hit["level"], strict=True))


def _ids_present(ds: Dataset, ids: set[str]) -> set[str]:
    found: set[str] = set()
    for table in NODE_LABEL:
        column = ds[table]["id"]
        found |= set(column[column.isin(ids)])
    return found


def compare_results(
    old_ds: Dataset,
    old: AuditResult,
    new_ds: Dataset,
    new: AuditResult,
    entities: dict[str, TableChanges] | None = None,
) -> ProgressDiff:
    """Compare two snapshots already audited (with the same configuration).

    Parameters
    ----------
    old_ds, old
        The earlier snapshot and its audit.
    new_ds, new
        The later snapshot and its audit.
    entities
        :func:`~orggraph.progress.entities.diff_entities` of the two, if already computed.
    """
    before = {finding_key(f): f for f in old.findings}
    after = {finding_key(f): f for f in new.findings}
    diff = ProgressDiff(old, new)
    diff.resolved = [f for k, f in before.items() if k not in after]
    diff.appeared = [f for k, f in after.items() if k not in before]
    diff.persisting = [(before[k], f) for k, f in after.items() if k in before]
    diff.entities = entities if entities is not None else diff_entities(old_ds, new_ds)
    subjects = {f.subject_id for f in diff.resolved} | {f.subject_id for f in diff.appeared}
    diff.subject_levels = {**_area_levels(old_ds, subjects), **_area_levels(new_ds, subjects)}
    resolved = {f.subject_id for f in diff.resolved}
    diff.subjects_gone = resolved - _ids_present(new_ds, resolved)
    return diff


def diff_datasets(
    old: Dataset, new: Dataset, cfg: AuditConfig | None = None, parallel: bool | None = None
) -> ProgressDiff:
    """Audit both snapshots with ``cfg`` and compare them.

    Parameters
    ----------
    old, new
        The earlier and the later snapshot.
    cfg
        The audit configuration both are audited with.
    parallel
        Audit OLD in a second process while this one audits NEW and compares the tables.
        ``None`` (default): where it pays (:func:`~orggraph.progress.parallel.parallel_pays`:
        Linux, large snapshots, a CPU idle).

    Examples
    --------
    >>> from orggraph.io import load
    >>> d = diff_datasets(load("datasets/yuzhou"), load("datasets/yuzhou-2025"))
    >>> sorted(d.counts())
    ['new', 'persisting', 'resolved']
    """
    from orggraph.audit import run_audit

    if parallel is None:
        parallel = parallel_pays(old, new)
    pending = audit_elsewhere(old, cfg) if parallel else None
    new_result = run_audit(new, cfg)
    entities = diff_entities(old, new)
    old_result = pending.result() if pending else None
    if old_result is None:  # serial, or the second process failed: audit here
        old_result = run_audit(old, cfg)
    return compare_results(old, old_result, new, new_result, entities)

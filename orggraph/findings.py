"""What an audit returns: findings, rates and metrics."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The severities, worst first: the one list every ordering, count and choice derives from.
SEVERITIES = ("error", "warning", "info")
SEVERITY_ORDER = {s: rank for rank, s in enumerate(SEVERITIES)}
# What a reader sees for each severity, per language.
SEVERITY_WORDS: dict[str, dict[str, str]] = {
    "zh": dict(zip(SEVERITIES, ("错误", "警告", "提示"), strict=True)),
    "en": {s: s for s in SEVERITIES},
}


@dataclass(frozen=True)
class Finding:
    """One audit finding about one subject (an entity of the dataset).

    ``area_path`` is the subject's place in the area hierarchy, top first, joined by ``/``
    (``城区/凤山街道/金湖社区``); ``street`` is the street or town it falls in (``None`` above
    street level or where the dataset does not say).
    """

    rule: str
    severity: str
    subject_id: str
    subject_name: str
    subject_label: str
    area_path: str
    street: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def sort_key(self) -> tuple[int, str, str, str]:
        return (SEVERITY_ORDER[self.severity], self.rule, self.area_path, self.subject_id)


@dataclass
class AuditResult:
    """The full audit of one dataset.

    ``rates`` holds the coverage percentages the field reports quote; ``metrics`` holds the
    network measures.  ``notes`` says how anything was approximated (sampled betweenness).
    """

    dataset: str
    findings: list[Finding] = field(default_factory=list)
    rates: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # Betweenness of every alliance member (maps size members by it); not part of to_dict().
    brokerage: dict[str, float] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "findings": [f.to_dict() for f in self.findings],
            "counts": self.counts(),
            "rates": self.rates,
            "metrics": self.metrics,
            "notes": self.notes,
        }

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            out[f.severity] += 1
        return out

    def by_subject(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.subject_id, []).append(f)
        return out

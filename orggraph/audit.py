"""Run every enabled rule over a dataset and gather findings, rates and metrics."""

from __future__ import annotations

import pandas as pd

from orggraph.areas import AreaIndex
from orggraph.audit_context import AuditContext
from orggraph.config import AuditConfig
from orggraph.dataset import Dataset
from orggraph.findings import SEVERITY_ORDER, AuditResult, Finding
from orggraph.metrics import compute_brokerage, compute_metrics, compute_rates
from orggraph.rules import RULES
from orggraph.schema import NODE_LABEL


def _subjects(ds: Dataset) -> pd.DataFrame:
    """Name and graph label of every entity, indexed by id."""
    parts = [
        pd.DataFrame(
            {"name": ds[t]["name"].to_numpy(), "label": label}, index=ds[t]["id"].to_numpy()
        )
        for t, label in NODE_LABEL.items()
    ]
    out = pd.concat(parts)
    return out[~out.index.duplicated()]


def _findings(raw: pd.DataFrame, ds: Dataset, index: AreaIndex) -> list[Finding]:
    if raw.empty:
        return []
    subjects = _subjects(ds)
    sid = raw["subject_id"]
    area = sid.map(index.entity_area)
    areas_needed = pd.Index(area.dropna().unique())
    paths = index.path(areas_needed)
    streets = index.street(areas_needed)
    frame = pd.DataFrame(
        {
            "rule": raw["rule"],
            "severity": raw["severity"],
            "subject_id": sid,
            "subject_name": sid.map(subjects["name"]).fillna(""),
            "subject_label": sid.map(subjects["label"]).fillna(""),
            "area_path": area.map(paths).astype(object).fillna(""),
            "street": area.map(streets).astype(object),
            "message": raw["message"],
        }
    )
    frame["street"] = frame["street"].where(frame["street"].notna(), None)
    frame["_sev"] = frame["severity"].map(SEVERITY_ORDER)
    frame = frame.sort_values(["_sev", "rule", "area_path", "subject_id"], kind="stable")
    cols = [
        "rule",
        "severity",
        "subject_id",
        "subject_name",
        "subject_label",
        "area_path",
        "street",
        "message",
    ]
    return [Finding(*row) for row in frame[cols].itertuples(index=False, name=None)]


def run_audit(ds: Dataset, cfg: AuditConfig | None = None, metrics: bool = True) -> AuditResult:
    """The full audit: every enabled rule, the headline rates and the network metrics.

    Parameters
    ----------
    ds
        A validated dataset (from :func:`orggraph.io.load` or read back from Neo4j).
    cfg
        Thresholds and rule overrides; DOMAIN.md's defaults when omitted.
    metrics
        Also measure the network (brokerage, components); findings and rates only when false.

    Examples
    --------
    >>> from orggraph.io import load
    >>> result = run_audit(load("datasets/yuzhou"))
    >>> result.counts()
    {'error': 4, 'warning': 8, 'info': 16}
    """
    cfg = cfg or AuditConfig()
    ctx = AuditContext(ds, cfg)
    parts = []
    for rule in RULES.values():
        if rule.id in cfg.disabled:
            continue
        found = rule.function(ctx)
        if len(found):
            found = found.assign(rule=rule.id, severity=cfg.severity[rule.id])
            parts.append(found)
    raw = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["subject_id", "message", "rule", "severity"])
    )
    result = AuditResult(
        dataset=ds.name, findings=_findings(raw, ds, ctx.area_index), rates=compute_rates(ctx)
    )
    if not metrics:
        return result
    broker = compute_brokerage(ctx)
    result.metrics = compute_metrics(ctx, broker)
    result.brokerage = broker.scores
    if broker.note:
        result.notes.append(broker.note)
    return result

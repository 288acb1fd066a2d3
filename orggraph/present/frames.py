"""An audit as plain tables (pandas DataFrames), in the output language.

The CSV writer and the workbook writer both take these frames: the findings list (问题清单), the
headline rates (主要指标), coverage per street and level (分街道), the rules in force (规则) and
the network metrics (网络指标).  Column headers and enum words (severity, level, entity kind)
follow :func:`orggraph.i18n.lang`: Chinese words, or the English codes that the JSON output uses.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from orggraph.catalogue.outputs import HEADERS, SEVERITY_WORDS, SHEETS
from orggraph.i18n import lang, tr
from orggraph.present.rates import headlines, level_word
from orggraph.schema import NODE_LABEL, TABLE_BY_NAME

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.findings import AuditResult


@dataclass(frozen=True)
class Column:
    """One output column: its key (the JSON field it comes from) and what kind of cell it is.

    ``text`` columns are stored as text whatever they look like (ids keep leading zeros and
    never turn into numbers); the others keep their type.
    """

    key: str
    text: bool = True


FINDING_COLUMNS = (
    Column("severity"),
    Column("rule_title"),
    Column("rule"),
    Column("subject_id"),
    Column("subject_name"),
    Column("subject_label"),
    Column("street"),
    Column("area_path"),
    Column("message"),
)
HEADLINE_COLUMNS = (
    Column("indicator"),
    Column("value", text=False),
    Column("unit"),
    Column("part", text=False),
    Column("total", text=False),
    Column("key"),
)
STREET_COLUMNS = (
    Column("street_id"),
    Column("street"),
    Column("level"),
    Column("covered", text=False),
    Column("total", text=False),
    Column("rate", text=False),
)
RULE_COLUMNS = (
    Column("rule"),
    Column("rule_title"),
    Column("severity"),
    Column("enabled"),
    Column("thresholds"),
    Column("findings", text=False),
    Column("explanation"),
    Column("source"),
)
METRIC_COLUMNS = (Column("key"), Column("value", text=False))

_SUBJECT_WORDS = {label: TABLE_BY_NAME[table].label for table, label in NODE_LABEL.items()}


def header(key: str) -> str:
    """The header of column ``key`` in the output language."""
    return HEADERS[key] if lang() == "zh" else key


def sheet_name(key: str) -> str:
    """The name of a workbook sheet (always the Chinese one the planners know)."""
    return SHEETS[key]


def severity_word(severity: str) -> str:
    """``error`` as the output language says it (错误)."""
    return SEVERITY_WORDS.get(severity, severity) if lang() == "zh" else severity


def counts_text(counts: dict[str, int]) -> str:
    """``错误 4，警告 8，提示 16`` (or ``error 4, warning 8, info 16``)."""
    sep = "，" if lang() == "zh" else ", "
    return sep.join(f"{severity_word(s)} {n}" for s, n in counts.items())


def rule_title(rule_id: str) -> str:
    """The rule's title in the output language (the id for a rule the registry lacks)."""
    from orggraph.rules import RULES

    r = RULES.get(rule_id)
    if r is None:
        return rule_id
    return r.title()


def _frame(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> pd.DataFrame:
    keys = [c.key for c in columns]
    frame = pd.DataFrame(rows, columns=keys).astype(object)
    frame.columns = pd.Index([header(k) for k in keys])
    return frame.where(frame.notna(), None)


def text_headers(columns: tuple[Column, ...]) -> list[str]:
    """Headers of the columns stored as text."""
    return [header(c.key) for c in columns if c.text]


def findings_frame(result: AuditResult) -> pd.DataFrame:
    """One row per finding, worst first (the order of the JSON ``findings``)."""
    zh = lang() == "zh"
    titles = {rid: rule_title(rid) for rid in {f.rule for f in result.findings}}
    rows = [
        {
            "severity": severity_word(f.severity),
            "rule_title": titles[f.rule],
            "rule": f.rule,
            "subject_id": f.subject_id,
            "subject_name": f.subject_name,
            "subject_label": _SUBJECT_WORDS.get(f.subject_label, f.subject_label)
            if zh
            else f.subject_label,
            "street": f.street,
            "area_path": f.area_path,
            "message": f.message,
        }
        for f in result.findings
    ]
    return _frame(FINDING_COLUMNS, rows)


def headline_frame(rates: dict[str, Any]) -> pd.DataFrame:
    """Every headline figure, with the JSON key it comes from."""
    rows = [
        {
            "indicator": h.label,
            "value": h.value,
            "unit": h.unit.strip(),
            "part": h.part,
            "total": h.total,
            "key": h.key,
        }
        for h in headlines(rates)
    ]
    return _frame(HEADLINE_COLUMNS, rows)


def street_frame(rates: dict[str, Any]) -> pd.DataFrame:
    """Coverage per street and level, one row per (street, level) that has areas."""
    rows = []
    for street in rates.get("coverage_by_street") or []:
        for level, share in street.items():
            if isinstance(share, dict):
                rows.append(
                    {
                        "street_id": street.get("street_id"),
                        "street": street.get("street"),
                        "level": level_word(level),
                        "covered": share.get("covered"),
                        "total": share.get("total"),
                        "rate": share.get("rate"),
                    }
                )
    return _frame(STREET_COLUMNS, rows)


def rules_frame(result: AuditResult | None, cfg: AuditConfig | None) -> pd.DataFrame:
    """Every rule with the severity and thresholds in force, how many findings, and its source."""
    from orggraph.config import AuditConfig
    from orggraph.rules import RULES

    cfg = cfg or AuditConfig()
    found = Counter(f.rule for f in result.findings) if result is not None else Counter()
    rows = [
        {
            "rule": r.id,
            "rule_title": rule_title(r.id),
            "severity": severity_word(cfg.severity.get(r.id, r.severity)),
            "enabled": tr("enabled") if r.id not in cfg.disabled else tr("disabled"),
            "thresholds": ", ".join(f"{k}={cfg[k]:g}" for k in r.thresholds),
            "findings": found.get(r.id, 0) if result is not None else None,
            "explanation": r.explain(cfg),
            "source": r.source,
        }
        for r in RULES.values()
    ]
    return _frame(RULE_COLUMNS, rows)


def _leaves(value: Any, key: str) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [row for k, v in value.items() for row in _leaves(v, f"{key}.{k}" if key else k)]
    if isinstance(value, list | tuple):
        return [{"key": key, "value": json.dumps(value, ensure_ascii=False)}]
    return [{"key": key, "value": value}]


def metrics_frame(metrics: dict[str, Any]) -> pd.DataFrame:
    """The network metrics flattened to ``key.path = value`` rows (lists as JSON text)."""
    return _frame(METRIC_COLUMNS, _leaves(metrics, ""))

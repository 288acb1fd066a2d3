"""The sheets of the audit and metrics workbooks (``--format xlsx``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from orggraph.present.frames import (
    FINDING_COLUMNS,
    HEADLINE_COLUMNS,
    METRIC_COLUMNS,
    RULE_COLUMNS,
    STREET_COLUMNS,
    findings_frame,
    header,
    headline_frame,
    metrics_frame,
    rules_frame,
    sheet_name,
    street_frame,
    text_headers,
)
from orggraph.present.workbook import Sheet

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.findings import AuditResult


def rate_sheets(result: AuditResult, cfg: AuditConfig | None) -> list[Sheet]:
    """主要指标, 分街道, 规则 and 网络指标: what both ``audit`` and ``metrics`` write."""
    return [
        Sheet(sheet_name("headline"), headline_frame(result.rates), text_headers(HEADLINE_COLUMNS)),
        Sheet(sheet_name("by_street"), street_frame(result.rates), text_headers(STREET_COLUMNS)),
        Sheet(
            sheet_name("rules"),
            rules_frame(result, cfg),
            text_headers(RULE_COLUMNS),
            severity_column=header("severity"),
        ),
        Sheet(sheet_name("metrics"), metrics_frame(result.metrics), text_headers(METRIC_COLUMNS)),
    ]


def audit_sheets(result: AuditResult, cfg: AuditConfig | None = None) -> list[Sheet]:
    """问题清单 (every finding), then the :func:`rate_sheets`."""
    findings = Sheet(
        sheet_name("findings"),
        findings_frame(result),
        text_headers(FINDING_COLUMNS),
        severity_column=header("severity"),
    )
    return [findings, *rate_sheets(result, cfg)]

"""Audit results for people and machines: a terminal table, JSON, CSV, Markdown or a workbook.

:data:`AUDIT_FORMATS` is the one list of what ``--format`` offers; :func:`render` turns an
audit into any of them.  Text formats come back as ``str``, ``xlsx`` as ``bytes``, and ``csv``
as bytes when an encoding is given (the command line gives UTF-8 with a BOM by default).  Write
either with :func:`orggraph.output.write_output`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orggraph.present.safe import display_width, safe_text

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.findings import AuditResult

AUDIT_FORMATS = ("table", "json", "csv", "markdown", "xlsx")
METRICS_FORMATS = ("json", "xlsx")
# orggraph plan: the same formats as the audit (orggraph.plan.present renders them).
PLAN_FORMATS = AUDIT_FORMATS
# Formats that are files, not text for a terminal: written with -o only.
FILE_ONLY_FORMATS = ("xlsx",)
# What --encoding offers for CSV: UTF-8 with a BOM (Excel on Chinese Windows needs the BOM to
# read UTF-8), plain UTF-8, and the two Chinese code pages older tools expect.
CSV_ENCODINGS = ("utf-8-sig", "utf-8", "gbk", "gb18030")
DEFAULT_CSV_ENCODING = "utf-8-sig"


def render(
    result: AuditResult,
    fmt: str,
    *,
    cfg: AuditConfig | None = None,
    width: int | None = None,
    color: bool = False,
    encoding: str | None = None,
) -> str | bytes:
    """``result`` in the format ``fmt`` (one of :data:`AUDIT_FORMATS`).

    Parameters
    ----------
    result
        The audit (:func:`orggraph.audit.run_audit`).
    fmt
        ``table``, ``json``, ``csv``, ``markdown`` or ``xlsx``.
    cfg
        The configuration the audit ran with (the workbook's 规则 sheet shows its thresholds).
    width, color
        For ``table``: the columns to fit, and whether to colour it (a TTY).
    encoding
        For ``csv``: one of :data:`CSV_ENCODINGS`; the CSV then comes back encoded (bytes).

    Examples
    --------
    >>> from orggraph.findings import AuditResult
    >>> render(AuditResult("demo"), "json").startswith('{\\n  "dataset": "demo"')
    True
    """
    if fmt == "table":
        from orggraph.present.table import render_table

        return render_table(result, width=width, color=color)
    if fmt == "json":
        from orggraph.present.documents import render_json

        return render_json(result)
    if fmt == "csv":
        from orggraph.present.documents import render_csv

        return render_csv(result, encoding)
    if fmt == "markdown":
        from orggraph.present.documents import render_markdown

        return render_markdown(result)
    if fmt == "xlsx":
        from orggraph.present.sheets import audit_sheets
        from orggraph.present.workbook import workbook_bytes

        return workbook_bytes(audit_sheets(result, cfg))
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(AUDIT_FORMATS)}")


def render_metrics(result: AuditResult, fmt: str, *, cfg: AuditConfig | None = None) -> str | bytes:
    """The rates and metrics of ``result`` as JSON, or as a workbook (``fmt="xlsx"``)."""
    if fmt == "json":
        import json

        doc = {
            "dataset": result.dataset,
            "rates": result.rates,
            "metrics": result.metrics,
            "notes": result.notes,
        }
        from orggraph.present.safe import json_text

        return json_text(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"
    if fmt == "xlsx":
        from orggraph.present.sheets import rate_sheets
        from orggraph.present.workbook import workbook_bytes

        return workbook_bytes(rate_sheets(result, cfg))
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(METRICS_FORMATS)}")


__all__ = [
    "AUDIT_FORMATS",
    "CSV_ENCODINGS",
    "DEFAULT_CSV_ENCODING",
    "FILE_ONLY_FORMATS",
    "METRICS_FORMATS",
    "display_width",
    "render",
    "render_metrics",
    "safe_text",
]

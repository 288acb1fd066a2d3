"""Audit results for people and machines: an aligned table, JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import unicodedata
from typing import Any

from orggraph.findings import SEVERITY_ORDER, SEVERITY_WORDS, AuditResult, Finding
from orggraph.schema import ZH

FORMATS = ("table", "json", "csv", "markdown")
SEVERITY_ZH = SEVERITY_WORDS["zh"]
COLUMNS = ("rule", "subject_id", "subject_name", "area_path", "message")
HEADERS_ZH = {
    "rule": "规则",
    "subject_id": "编号",
    "subject_name": "名称",
    "area_path": "区域",
    "message": "说明",
}


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: CJK characters are two columns wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _aligned(rows: list[tuple[str, ...]], headers: tuple[str, ...]) -> list[str]:
    widths = [max(display_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return lines


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:g}%"


def rates_lines(result: AuditResult) -> list[str]:
    """The headline rates, worded as the field reports word them."""
    r = result.rates
    lines = []
    cov = r.get("coverage", {})
    parts = [
        f"{ZH[lvl]} {_pct(s['rate'])} ({s['covered']}/{s['total']})"
        for lvl, s in cov.items()
        if s["total"]
    ]
    if parts:
        lines.append("党组织覆盖率: " + "，".join(parts))
    tn = r.get("two_new")
    if tn and tn["total"]:
        lines.append(
            f"两新组织: 单建率 {_pct(tn['single_build_rate'])}，覆盖率 "
            f"{_pct(tn['coverage_rate'])} ({tn['covered']}/{tn['total']})"
        )
    cp = r.get("communities_paired")
    if cp and cp["total"]:
        lines.append(
            f"社区/村结对: {cp['paired']}/{cp['total']} ({_pct(cp['rate'])})，"
            f"报到党员 {r.get('members_reported', 0)} 名"
        )
    if "compound_branches" in r:
        lines.append(f"小区党组织: {r['compound_branches']} 个")
    return lines


def render_table(result: AuditResult) -> str:
    counts = result.counts()
    out = [
        f"orggraph audit — {result.dataset}: "
        + "，".join(f"{SEVERITY_ZH[s]} {n}" for s, n in counts.items())
    ]
    by_sev: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_sev.setdefault(f.severity, []).append(f)
    headers = tuple(HEADERS_ZH[c] for c in COLUMNS)
    for sev in SEVERITY_ORDER:
        found = by_sev.get(sev)
        if not found:
            continue
        out += ["", f"== {SEVERITY_ZH[sev]} {sev} ({len(found)}) =="]
        out += _aligned([tuple(str(getattr(f, c) or "") for c in COLUMNS) for f in found], headers)
    out += ["", *rates_lines(result), *(f"注: {n}" for n in result.notes)]
    return "\n".join(out) + "\n"


_encode_str = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses


def _indented(v: Any, pad: str) -> str:
    """``v`` exactly as ``json.dumps(v, ensure_ascii=False, indent=2)`` writes it at ``pad``.

    The standard encoder falls back to its slow pure-Python path whenever ``indent`` is set;
    this writes the same text with one join per container.
    """
    if isinstance(v, str):
        return _encode_str(v)
    if v is None:
        return "null"
    if isinstance(v, dict):
        if not v:
            return "{}"
        if not all(isinstance(k, str) for k in v):
            return json.dumps(v, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
        inner = pad + "  "
        sep = ",\n" + inner
        body = sep.join(
            _encode_str(k)
            + ": "
            + (_encode_str(x) if type(x) is str else "null" if x is None else _indented(x, inner))
            for k, x in v.items()
        )
        return "{\n" + inner + body + "\n" + pad + "}"
    if isinstance(v, list | tuple):
        if not v:
            return "[]"
        inner = pad + "  "
        sep = ",\n" + inner
        return "[\n" + inner + sep.join(_indented(x, inner) for x in v) + "\n" + pad + "]"
    if type(v) is int:  # not bool
        return int.__repr__(v)
    if type(v) is float and math.isfinite(v):
        return float.__repr__(v)
    return json.dumps(v, ensure_ascii=False)


_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


def render_json(result: AuditResult) -> str:
    # ``to_dict`` without its findings (``dataclasses.asdict`` deep-copies every one), then
    # the findings as the plain dicts ``asdict`` makes of their plain fields.
    doc = dataclasses.replace(result, findings=[]).to_dict()
    if "findings" in doc:
        doc["findings"] = [{k: getattr(f, k) for k in _FINDING_FIELDS} for f in result.findings]
        doc["counts"] = result.counts()
    else:
        doc = result.to_dict()
    return _indented(doc, "") + "\n"


def render_csv(result: AuditResult) -> str:
    buf = io.StringIO()
    fields = list(Finding.__dataclass_fields__)
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for f in result.findings:
        w.writerow(f.to_dict())
    return buf.getvalue()


def _md_cell(text: Any) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(result: AuditResult) -> str:
    counts = result.counts()
    out = [
        f"# 审计结果：{result.dataset}",
        "",
        "，".join(f"{SEVERITY_ZH[s]} {n}" for s, n in counts.items()),
        "",
    ]
    out += [f"- {line}" for line in rates_lines(result)]
    for sev in SEVERITY_ORDER:
        found = [f for f in result.findings if f.severity == sev]
        if not found:
            continue
        out += [
            "",
            f"## {SEVERITY_ZH[sev]}（{sev}，{len(found)}）",
            "",
            "| " + " | ".join(HEADERS_ZH[c] for c in COLUMNS) + " |",
            "|" + "---|" * len(COLUMNS),
        ]
        out += ["| " + " | ".join(_md_cell(getattr(f, c)) for c in COLUMNS) + " |" for f in found]
    if result.notes:
        out += ["", *(f"> 注：{n}" for n in result.notes)]
    return "\n".join(out) + "\n"


def render(result: AuditResult, fmt: str) -> str:
    """``result`` as ``table``, ``json``, ``csv`` or ``markdown``."""
    return {
        "table": render_table,
        "json": render_json,
        "csv": render_csv,
        "markdown": render_markdown,
    }[fmt](result)

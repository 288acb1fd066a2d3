"""Headline rates and finding counts over two or more snapshots, as a table or an offline chart.

The HTML page is self-contained: inline SVG and inline CSS, no script at all, and a
Content-Security-Policy that forbids every request (the same stance as the maps).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from orggraph.findings import SEVERITY_ORDER
from orggraph.i18n import lang, tr
from orggraph.present.documents import csv_text
from orggraph.present.safe import markdown_text
from orggraph.progress.formats import TREND_FORMATS
from orggraph.progress.rates import HEADLINES

if TYPE_CHECKING:
    from orggraph.findings import AuditResult

COUNT_COLUMNS = (*SEVERITY_ORDER, "findings")


def trend_frame(results: Sequence[AuditResult]) -> pd.DataFrame:
    """One row per snapshot, in the order given: every headline figure, then finding counts.

    Columns: ``snapshot``, the keys of :data:`~orggraph.progress.rates.HEADLINES`, then
    :data:`COUNT_COLUMNS` (findings per severity and in all).
    """
    rows = []
    for r in results:
        counts = r.counts()
        rows.append(
            {
                "snapshot": r.dataset,
                **{h.key: h.value(r.rates) for h in HEADLINES},
                **counts,
                "findings": sum(counts.values()),
            }
        )
    frame = pd.DataFrame(rows, columns=["snapshot", *(h.key for h in HEADLINES), *COUNT_COLUMNS])
    return frame.astype(object).where(frame.notna(), None)


def headers() -> dict[str, str]:
    """Column headings in the language in force."""
    la = lang()
    return {
        "snapshot": tr("Snapshot"),
        **{h.key: h.label[la] for h in HEADLINES},
        "error": tr("error findings"),
        "warning": tr("warning findings"),
        "info": tr("info findings"),
        "findings": tr("findings in all"),
    }


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    shown = frame.dropna(axis=1, how="all").copy()  # a figure no snapshot has (villages) goes
    for h in HEADLINES:
        if h.key in shown:
            shown[h.key] = shown[h.key].map(h.text)
    return shown.rename(columns=headers())


def render_table(frame: pd.DataFrame) -> str:
    with pd.option_context(
        "display.unicode.east_asian_width", True, "display.width", None, "display.max_columns", None
    ):
        return _readable(frame).T.to_string(header=False) + "\n"


def render_markdown(frame: pd.DataFrame) -> str:
    shown = _readable(frame)
    out = ["| " + " | ".join(shown.columns) + " |", "|" + "---|" * len(shown.columns)]
    out += [
        "| " + " | ".join(markdown_text(v) for v in row) + " |"
        for row in shown.itertuples(index=False)
    ]
    return "\n".join(out) + "\n"


def render_csv(frame: pd.DataFrame) -> str:
    return csv_text(frame)


def render_json(frame: pd.DataFrame) -> str:
    doc = {"snapshots": frame.to_dict(orient="records")}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


PAGE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="orggraph">
<title>{{ title }}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; }
h1 small { font-size: 0.55em; color: #666; margin-left: 0.8em; }
figure { margin: 0 0 24px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #d5d8dc; padding: 4px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
{{ body }}
</body>
</html>
"""


def standalone_page(title: str, body: str) -> str:
    """A whole offline document around ``body`` (already HTML); it runs no script."""
    from jinja2 import Environment
    from markupsafe import Markup

    tmpl = Environment(autoescape=True).from_string(PAGE)
    return tmpl.render(title=title, body=Markup(body), lang="zh-CN" if lang() == "zh" else "en")


def trend_charts(frame: pd.DataFrame) -> str:
    """The rates chart and the findings chart, as inline SVG."""
    from orggraph.progress.svg import line_chart

    names = [str(s) for s in frame["snapshot"]]
    heads = headers()
    percent = {
        heads[h.key]: list(frame[h.key])
        for h in HEADLINES
        if h.percent and frame[h.key].notna().any()
    }
    counts = {heads[c]: list(frame[c]) for c in COUNT_COLUMNS}
    return line_chart(
        names, percent, title=tr("Headline rates over time"), percent=True
    ) + line_chart(names, counts, title=tr("Finding counts"), percent=False)


def render_html(frame: pd.DataFrame) -> str:
    """The self-contained trend page: both charts, then the table."""
    from markupsafe import escape

    first, last = frame["snapshot"].iloc[0], frame["snapshot"].iloc[-1]
    title = tr("Trend of the headline rates")
    table = _readable(frame).to_html(index=False, border=0, classes="og-trend")
    body = (
        f"<h1>{escape(title)}<small>{escape(first)} → {escape(last)}</small></h1>"
        f"<figure>{trend_charts(frame)}</figure>{table}"
    )
    return standalone_page(f"{title} · {first} → {last}", body)


RENDERERS: dict[str, Callable[[pd.DataFrame], str]] = dict(
    zip(
        TREND_FORMATS,
        (render_table, render_json, render_csv, render_markdown, render_html),
        strict=True,
    )
)


def render_trend(frame: pd.DataFrame, fmt: str) -> str:
    """The trend of :func:`trend_frame` in one of ``TREND_FORMATS`` (html: the chart page)."""
    return RENDERERS[fmt](frame)


def trend(results: Sequence[AuditResult], fmt: str = "table") -> str:
    """:func:`trend_frame` of ``results`` (audits in time order), rendered."""
    return render_trend(trend_frame(results), fmt)

"""The progress section of the meeting report (``report NEW --compare OLD``).

The summary sentences, before/after bars of coverage per street (inline SVG, no script), and
the resolved and new findings.  It is an HTML fragment the report places after its headline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orggraph.i18n import Lang, both
from orggraph.metrics import COVERAGE_LEVELS

if TYPE_CHECKING:
    from orggraph.findings import Finding
    from orggraph.progress.diff import ProgressDiff

TEMPLATE = """<section class="rp-section og-progress" id="og-progress">
<h2>{{ heading }}<small> {{ old }} → {{ new }}</small></h2>
<ul class="og-summary">{% for s in sentences %}<li>{{ s }}</li>{% endfor %}</ul>
{% if bars %}<figure>{{ bars }}</figure>{% endif %}
{% for block in blocks %}<h3>{{ block.title }} ({{ block.rows|length }})</h3>
{% if block.rows %}<table class="rp-table og-{{ block.name }}">
<thead><tr>{% for h in columns %}<th>{{ h }}</th>{% endfor %}</tr></thead>
<tbody>
{% for r in block.rows %}<tr>
<td><span class="rp-sev rp-{{ r.severity }}">{{ r.severity_text }}</span></td>
<td title="{{ r.rule_id }}">{{ r.rule }}</td><td title="{{ r.subject_id }}">{{ r.subject }}</td>
<td>{{ r.area_path }}</td><td>{{ r.message }}</td></tr>
{% endfor %}</tbody>
</table>{% endif %}
{% endfor %}</section>
"""


def street_coverage(rates: dict[str, Any]) -> dict[str, tuple[str, float | None]]:
    """Each street's name and its coverage over every level counted (covered / total, %).

    Examples
    --------
    >>> street_coverage({"coverage_by_street": [{"street_id": "S1", "street": "凤山街道",
    ...     "community": {"total": 2, "covered": 1}, "grid": {"total": 2, "covered": 2}}]})
    {'S1': ('凤山街道', 75.0)}
    """
    out: dict[str, tuple[str, float | None]] = {}
    for row in rates.get("coverage_by_street", []):
        shares = [row[lvl] for lvl in COVERAGE_LEVELS if row.get(lvl)]
        total = sum(s["total"] for s in shares)
        covered = sum(s["covered"] for s in shares)
        rate = round(100.0 * covered / total, 1) if total else None
        out[row["street_id"]] = (row.get("street") or row["street_id"], rate)
    return out


def coverage_bars(d: ProgressDiff, la: Lang) -> str:
    """Before/after bars of coverage per street; a street only one side has gets one bar."""
    from orggraph.progress.svg import paired_bars

    before, after = street_coverage(d.old.rates), street_coverage(d.new.rates)
    rows = []
    for sid in sorted(before.keys() | after.keys()):
        name = (after.get(sid) or before[sid])[0]
        rows.append((name, (before.get(sid) or ("", None))[1], (after.get(sid) or ("", None))[1]))
    if not rows:
        return ""
    return paired_bars(
        rows,
        title=both("Coverage per street or town")[la],
        old_label=d.old.dataset,
        new_label=d.new.dataset,
    )


def _finding_rows(found: list[Finding], la: Lang) -> list[dict[str, Any]]:
    from orggraph.maps import rule_titles
    from orggraph.report import SEVERITY_TEXT

    titles = rule_titles(la)
    return [
        {
            "severity": f.severity,
            "severity_text": SEVERITY_TEXT[la][f.severity],
            "rule": titles.get(f.rule, f.rule),
            "rule_id": f.rule,
            "subject": f.subject_name or f.subject_id,
            "subject_id": f.subject_id,
            "area_path": f.area_path,
            "message": f.message,
        }
        for f in sorted(found, key=lambda f: f.sort_key)
    ]


def progress_section(d: ProgressDiff, la: Lang = "zh") -> str:
    """The section as HTML (a fragment; the report supplies the page and its styles).

    Parameters
    ----------
    d
        The comparison of the earlier snapshot with the one the report is about.
    la
        The report's language.
    """
    from jinja2 import Environment
    from markupsafe import Markup

    from orggraph.progress.summary import summary
    from orggraph.report import report_text

    blocks = [
        {
            "name": "resolved",
            "title": both("Resolved findings")[la],
            "rows": _finding_rows(d.resolved, la),
        },
        {"name": "new", "title": both("New findings")[la], "rows": _finding_rows(d.appeared, la)},
    ]
    text = report_text(la)
    columns = [text[k] for k in ("severity", "rule", "subject", "area_path", "message")]
    return (
        Environment(autoescape=True)
        .from_string(TEMPLATE)
        .render(
            heading=both("Progress since the last snapshot")[la],
            old=d.old.dataset,
            new=d.new.dataset,
            sentences=summary(d, la),
            bars=Markup(coverage_bars(d, la)),
            blocks=blocks,
            columns=columns,
        )
    )

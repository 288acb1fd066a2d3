"""The meeting report: one offline HTML page with the headline rates, the findings and two maps.

The rates are the ones the field reports quote (党建覆盖率, 单建率, communities paired, compound
branches); findings are counted by severity and by street and listed in a sortable table; the
rule explanations come from the rule registry; the alliance and coverage maps are embedded.
Everything is inline (vis-network once for both maps) and the page prints cleanly.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from orggraph.findings import SEVERITY_ORDER, SEVERITY_WORDS
from orggraph.i18n import Lang, both

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset
    from orggraph.findings import AuditResult

LANGS = ("zh", "en")
# What `report -o FILE` writes, by suffix: the HTML page, or that page printed to PDF.
REPORT_SUFFIXES = (".html", ".htm", ".pdf")


def report_text(lang: str) -> dict[str, str]:
    """The report's headings in ``lang`` (``zh`` or ``en``), from the catalogue."""
    code: Lang = "zh" if lang == "zh" else "en"
    return {
        "title": both("Party organisation audit report")[code],
        "headline": both("Headline rates")[code],
        "findings": both("Findings")[code],
        "by_severity": both("By severity")[code],
        "by_street": both("By street or town")[code],
        "street": both("Street / town")[code],
        "no_street": both("(above street level)")[code],
        "total": both("Total")[code],
        "severity": both("Severity")[code],
        "rule": both("Rule")[code],
        "subject": both("Subject")[code],
        "area_path": both("Area")[code],
        "message": both("Message")[code],
        "rules": both("Rules")[code],
        "source": both("Source")[code],
        "default_severity": both("Default severity")[code],
        "count": both("Number of findings")[code],
        "maps": both("Maps")[code],
        "sort_hint": both("Click a column heading to sort.")[code],
        "none": both("No findings.")[code],
        "notes": both("Notes")[code],
    }


SEVERITY_TEXT = SEVERITY_WORDS
REPORT_MAPS = ("alliances", "coverage")  # of orggraph.maps.MAP_VIEWS
MAP_HEIGHT = "150mm"


def headline(rates: dict[str, Any], lang: str) -> list[dict[str, str]]:
    """The headline figures as ``{"label", "value", "detail"}`` cards.

    The wording is :func:`orggraph.present.rates.headlines`', the one every output shares.

    Examples
    --------
    >>> cards = headline({"communities_paired": {"total": 4, "paired": 3, "rate": 75.0}}, "zh")
    >>> cards[0]["label"], cards[0]["value"], cards[0]["detail"]
    ('社区/村结对率', '75%', '3/4')
    """
    from orggraph.present.rates import headlines

    return [
        {"label": h.label, "value": h.value_text, "detail": h.detail}
        for h in headlines(rates, "zh" if lang == "zh" else "en")
        if h.shown
    ]


def by_street(result: AuditResult, lang: str) -> list[dict[str, Any]]:
    """Findings counted per street and severity, worst streets first."""
    counts: dict[str, Counter[str]] = {}
    for f in result.findings:
        street = f.street or report_text(lang)["no_street"]
        counts.setdefault(street, Counter())[f.severity] += 1
    rows: list[dict[str, Any]] = [
        {"street": s, **{sev: c.get(sev, 0) for sev in SEVERITY_ORDER}, "total": sum(c.values())}
        for s, c in counts.items()
    ]
    rows.sort(key=lambda r: (-r["error"], -r["warning"], -r["total"], r["street"]))
    return rows


def rule_rows(
    result: AuditResult, lang: str, cfg: AuditConfig | None = None
) -> list[dict[str, Any]]:
    """Every registered rule with its explanation (thresholds of ``cfg``) and its finding count."""
    from orggraph.rules import RULES

    n = Counter(f.rule for f in result.findings)
    return [
        {
            "id": r.id,
            "title": r.title(lang),
            "explain": r.explain(cfg, lang),
            "source": r.source,
            "severity": SEVERITY_TEXT[lang].get(r.severity, r.severity),
            "count": n.get(r.id, 0),
        }
        for r in RULES.values()
    ]


def render_report(
    ds: Dataset,
    result: AuditResult,
    lang: str = "zh",
    *,
    budget: int | None = None,
    cfg: AuditConfig | None = None,
    progress: str = "",
    extra_html: str = "",
) -> str:
    """The meeting report of ``ds`` as one self-contained offline HTML page.

    Parameters
    ----------
    ds, result
        The dataset and its audit (:func:`orggraph.audit.run_audit`).
    lang
        ``"zh"`` (default) or ``"en"``: headings and rule explanations.  Names and map labels
        stay as the planners wrote them.
    budget
        Node budget of the embedded maps (see :func:`orggraph.maps.build_map`).
    cfg
        The audit configuration the result came from.
    progress
        HTML placed after the headline: ``report --compare``'s progress section.
    extra_html
        A section appended to the report (``orggraph report --plan``: the plan by street).

    Examples
    --------
    >>> from orggraph.audit import run_audit
    >>> from orggraph.io import load
    >>> ds = load("datasets/chengdong")
    >>> render_report(ds, run_audit(ds), "en").startswith("<!DOCTYPE html>")
    True
    """
    from jinja2 import Environment
    from markupsafe import Markup

    from orggraph.audit_context import AuditContext
    from orggraph.config import AuditConfig
    from orggraph.maps import DEFAULT_NODE_BUDGET, MAP_VIEWS, area_places, build_map, rule_titles
    from orggraph.maps.graph import build_graph
    from orggraph.maps.html import asset, map_fragment, page

    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}' (choose from {', '.join(LANGS)})")
    t = report_text(lang)
    titles = rule_titles(lang)
    # Both maps draw on the same graph and the same area paths: build them once per report.
    graph = build_graph(ds)
    context = AuditContext(ds, cfg or AuditConfig())
    places = area_places(context.area_index)
    maps = []
    for view in REPORT_MAPS:
        spec = build_map(
            ds,
            result,
            view,
            budget=budget or DEFAULT_NODE_BUDGET,
            cfg=cfg,
            graph=graph,
            places=places,
            context=context,
        )
        maps.append(
            {
                "title": MAP_VIEWS[view] if lang == "zh" else view.capitalize(),
                # The printed height too (report.css), so a PDF shows the map as drawn.
                "html": map_fragment(spec, f"map-{view}", height=MAP_HEIGHT),
            }
        )
    findings = [
        {
            "severity": f.severity,
            "severity_text": SEVERITY_TEXT[lang][f.severity],
            "rank": SEVERITY_ORDER[f.severity],
            "rule": titles.get(f.rule, f.rule),
            "rule_id": f.rule,
            "subject": f.subject_name or f.subject_id,
            "subject_id": f.subject_id,
            "area_path": f.area_path,
            "street": f.street or "",
            "message": f.message,
        }
        for f in sorted(result.findings, key=lambda f: f.sort_key)
    ]
    env = Environment(autoescape=True)
    body = env.from_string(asset("report.html")).render(
        t=t,
        lang=lang,
        dataset=ds.name,
        cards=headline(result.rates, lang),
        counts=result.counts(),
        severity_text=SEVERITY_TEXT[lang],
        streets=by_street(result, lang),
        findings=findings,
        rules=rule_rows(result, lang, cfg),
        maps=maps,
        notes=result.notes,
        severities=list(SEVERITY_ORDER),
        progress=Markup(progress),
    )
    return page(
        f"{t['title']} · {ds.name}",
        body + extra_html,
        extra_css=asset("report.css"),
        lang="zh-CN" if lang == "zh" else "en",
        extra_js=asset("report.js"),
    )

"""The meeting report: one offline HTML page with the headline rates, the findings and two maps.

The rates are the ones the field reports quote (党建覆盖率, 单建率, communities paired, compound
branches); findings are counted by severity and by street and listed in a sortable table; the
rule explanations come from the rule registry; the alliance and coverage maps are embedded.
Everything is inline (vis-network once for both maps) and the page prints cleanly.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from orggraph.findings import SEVERITY_ORDER

if TYPE_CHECKING:
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset
    from orggraph.findings import AuditResult

LANGS = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "党建组织体系审计报告",
        "headline": "主要指标",
        "coverage": "党组织覆盖率",
        "two_new": "两新组织",
        "single_build_rate": "单建率",
        "coverage_rate": "覆盖率",
        "communities_paired": "社区/村结对率",
        "compound_branches": "小区党组织",
        "members_reported": "在职党员报到人数",
        "findings": "问题清单",
        "by_severity": "按严重程度",
        "by_street": "按街道（镇）",
        "street": "街道（镇）",
        "no_street": "（街道以上）",
        "total": "合计",
        "severity": "严重程度",
        "rule": "规则",
        "subject": "对象",
        "area_path": "所在区域",
        "message": "说明",
        "rules": "规则说明",
        "source": "依据",
        "default_severity": "默认级别",
        "count": "问题数",
        "maps": "网络图",
        "sort_hint": "点击表头排序。",
        "none": "未发现问题。",
        "of": "共",
        "unit_count": "个",
        "notes": "说明",
    },
    "en": {
        "title": "Party organisation audit report",
        "headline": "Headline rates",
        "coverage": "Party organisation coverage",
        "two_new": "Two-new organisations",
        "single_build_rate": "own-organisation rate (单建率)",
        "coverage_rate": "coverage rate (覆盖率)",
        "communities_paired": "Communities and villages paired",
        "compound_branches": "Compound Party organisations",
        "members_reported": "Serving members reported (双报到)",
        "findings": "Findings",
        "by_severity": "By severity",
        "by_street": "By street or town",
        "street": "Street / town",
        "no_street": "(above street level)",
        "total": "Total",
        "severity": "Severity",
        "rule": "Rule",
        "subject": "Subject",
        "area_path": "Area",
        "message": "Message",
        "rules": "Rules",
        "source": "Source",
        "default_severity": "Default severity",
        "count": "Findings",
        "maps": "Maps",
        "sort_hint": "Click a column heading to sort.",
        "none": "No findings.",
        "of": "of",
        "unit_count": "",
        "notes": "Notes",
    },
}
SEVERITY_TEXT = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
LEVEL_TEXT = {
    "zh": {"community": "社区", "village": "村", "compound": "小区", "grid": "网格"},
    "en": {
        "community": "communities",
        "village": "villages",
        "compound": "compounds",
        "grid": "grids",
    },
}
MAP_VIEWS = ("alliances", "coverage")


def _pct(rate: Any) -> str:
    return "—" if rate is None else f"{rate:g}%"


def headline(rates: dict[str, Any], lang: str) -> list[dict[str, str]]:
    """The headline figures as ``{"label", "value", "detail"}`` cards, in the reports' wording.

    Examples
    --------
    >>> cards = headline({"communities_paired": {"total": 4, "paired": 3, "rate": 75.0}}, "zh")
    >>> cards[0]["value"], cards[0]["detail"]
    ('75%', '3/4')
    """
    t = TEXT[lang]
    cards: list[dict[str, str]] = []
    for level, share in (rates.get("coverage") or {}).items():
        if share.get("total"):
            cards.append(
                {
                    "label": f"{LEVEL_TEXT[lang].get(level, level)} · {t['coverage']}",
                    "value": _pct(share.get("rate")),
                    "detail": f"{share.get('covered')}/{share.get('total')}",
                }
            )
    two_new = rates.get("two_new") or {}
    if two_new.get("total"):
        cards.append(
            {
                "label": f"{t['two_new']} · {t['single_build_rate']}",
                "value": _pct(two_new.get("single_build_rate")),
                "detail": f"{two_new.get('single_built')}/{two_new.get('total')}",
            }
        )
        cards.append(
            {
                "label": f"{t['two_new']} · {t['coverage_rate']}",
                "value": _pct(two_new.get("coverage_rate")),
                "detail": f"{two_new.get('covered')}/{two_new.get('total')}",
            }
        )
    paired = rates.get("communities_paired") or {}
    if paired.get("total"):
        cards.append(
            {
                "label": t["communities_paired"],
                "value": _pct(paired.get("rate")),
                "detail": f"{paired.get('paired')}/{paired.get('total')}",
            }
        )
    if rates.get("compound_branches") is not None:
        cards.append(
            {
                "label": t["compound_branches"],
                "value": f"{rates['compound_branches']}{t['unit_count']}",
                "detail": "",
            }
        )
    if rates.get("members_reported"):
        cards.append(
            {"label": t["members_reported"], "value": str(rates["members_reported"]), "detail": ""}
        )
    return cards


def by_street(result: AuditResult, lang: str) -> list[dict[str, Any]]:
    """Findings counted per street and severity, worst streets first."""
    counts: dict[str, Counter[str]] = {}
    for f in result.findings:
        street = f.street or TEXT[lang]["no_street"]
        counts.setdefault(street, Counter())[f.severity] += 1
    rows: list[dict[str, Any]] = [
        {"street": s, **{sev: c.get(sev, 0) for sev in SEVERITY_ORDER}, "total": sum(c.values())}
        for s, c in counts.items()
    ]
    rows.sort(key=lambda r: (-r["error"], -r["warning"], -r["total"], r["street"]))
    return rows


def rule_rows(result: AuditResult, lang: str) -> list[dict[str, Any]]:
    """Every registered rule with its explanation and how many findings it raised."""
    from orggraph.rules import RULES

    n = Counter(f.rule for f in result.findings)
    return [
        {
            "id": r.id,
            "title": r.title_zh if lang == "zh" else r.title_en,
            "explain": r.explain_zh if lang == "zh" else r.explain_en,
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
    extra_html
        A section appended to the report (``orggraph report --plan``: the plan by street).

    Examples
    --------
    >>> html = render_report(ds, run_audit(ds), "en")  # doctest: +SKIP
    """
    from jinja2 import Environment

    from orggraph.maps import DEFAULT_NODE_BUDGET, VIEWS, build_map, rule_titles
    from orggraph.maps.html import asset, map_fragment, page

    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}' (choose from {', '.join(LANGS)})")
    t = TEXT[lang]
    titles = rule_titles(lang)
    maps = []
    for view in MAP_VIEWS:
        spec = build_map(ds, result, view, budget=budget or DEFAULT_NODE_BUDGET, cfg=cfg)
        maps.append(
            {
                "title": VIEWS[view] if lang == "zh" else view.capitalize(),
                "html": map_fragment(spec, f"map-{view}", height="70vh"),
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
        rules=rule_rows(result, lang),
        maps=maps,
        notes=result.notes,
        severities=list(SEVERITY_ORDER),
    )
    return page(
        f"{t['title']} · {ds.name}",
        body + extra_html,
        extra_css=asset("report.css"),
        lang="zh-CN" if lang == "zh" else "en",
        extra_js=asset("report.js"),
    )

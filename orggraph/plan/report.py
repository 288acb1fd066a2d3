"""The plan in the meeting report: one section, by street, with the rates before and after.

:func:`plan_section` is an HTML fragment that :func:`orggraph.report.render_report` appends
(``orggraph report --plan``): per street, the actions as sentences for the work plan with their
reasons, and the findings left unresolved; then each optimiser's figures, and the headline rates
before → after.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from orggraph.i18n import both
from orggraph.plan.model import ACTION_KINDS, Plan
from orggraph.plan.present import KIND_TITLES

TEMPLATE = """
<section class="rp-section rp-plan">
<h2>{{ heading }}</h2>
<p>{{ summary }}</p>
{% for street in streets %}
<h3>{{ street.name }}</h3>
<table class="rp-table">
<thead><tr><th>{{ kind }}</th><th>{{ action }}</th><th>{{ reason }}</th></tr></thead>
<tbody>
{% for a in street.actions %}
<tr><td>{{ a.kind }}</td><td>{{ a.sentence }}</td><td>{{ a.reason }}</td></tr>
{% endfor %}
{% for u in street.unresolved %}
<tr><td>{{ unresolved }}</td><td>{{ u.message }}</td><td>{{ u.reason }}</td></tr>
{% endfor %}
</tbody>
</table>
{% endfor %}
<h3>{{ rates }}</h3>
<table class="rp-table">
<thead><tr><th></th><th>{{ before }}</th><th>{{ after }}</th></tr></thead>
<tbody>
{% for r in rate_rows %}<tr><td>{{ r.label }}</td><td>{{ r.before }}</td><td>{{ r.after }}</td></tr>
{% endfor %}
</tbody>
</table>
</section>
"""


def _t(text: str, lang: str) -> str:
    return both(text)[lang]  # type: ignore[index]


def plan_section(plan: Plan, lang: str = "zh") -> str:
    """The plan, street by street, as an HTML fragment in ``lang`` (``zh`` or ``en``)."""
    from jinja2 import Environment

    from orggraph.report import headline, report_text

    order = {k: i for i, k in enumerate(ACTION_KINDS)}
    streets: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(
        lambda: {"actions": [], "unresolved": []}
    )
    no_street = report_text(lang)["no_street"]
    for a in sorted(plan.actions, key=lambda a: order[a.kind]):
        streets[a.street or no_street]["actions"].append(
            {
                "kind": _t(KIND_TITLES[a.kind], lang),
                "sentence": a.sentence[lang],  # type: ignore[index]
                "reason": a.reason[lang],  # type: ignore[index]
            }
        )
    for u in plan.unresolved:
        streets[u.street or no_street]["unresolved"].append(
            {"message": u.message, "reason": u.reason[lang]}  # type: ignore[index]
        )
    before = {c["label"]: c for c in headline(plan.rates_before, lang)}
    after = {c["label"]: c for c in headline(plan.rates_after, lang)}
    rate_rows: list[dict[str, Any]] = [
        {
            "label": label,
            "before": f"{card['value']} {card['detail']}".strip(),
            "after": f"{after[label]['value']} {after[label]['detail']}".strip()
            if label in after
            else "—",
        }
        for label, card in before.items()
    ]
    env = Environment(autoescape=True)
    return env.from_string(TEMPLATE).render(
        heading=_t("Work plan by street", lang),
        summary=_t(
            "{dataset}: {actions} actions, {unresolved} findings unresolved "
            "(findings before {before}, after {after})",
            lang,
        ).format(
            dataset=plan.dataset,
            actions=len(plan.actions),
            unresolved=len(plan.unresolved),
            before=sum(plan.counts_before.values()),
            after=sum(plan.counts_after.values()),
        ),
        streets=[{"name": k, **v} for k, v in sorted(streets.items())],
        kind=_t("Kind", lang),
        action=_t("Action", lang),
        reason=_t("Reason", lang),
        unresolved=_t("Unresolved", lang),
        rates=_t("Rates before and after the plan", lang),
        before=_t("Before:", lang).rstrip(":：").rstrip(),
        after=_t("After:", lang).rstrip(":：").rstrip(),
        rate_rows=rate_rows,
    )

"""A plan for people and machines: table, JSON, CSV, Markdown, and the frames behind them.

:func:`plan_frames` gives the plan as pandas DataFrames (actions, unresolved, rates before and
after), so any tabular writer (a workbook) can take it as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from orggraph.i18n import both, tr
from orggraph.plan.model import ACTION_KINDS, Plan
from orggraph.present.rates import headlines
from orggraph.present.safe import safe_text

FORMATS = ("table", "json", "csv", "markdown")
# The heading of each kind's section, in the order of ACTION_KINDS.
KIND_TITLES = {
    "reparent-org": "Mend the chain of command",
    "new-community-org": "New community organisations",
    "new-area-branch": "New compound and grid branches",
    "establish-unit-org": "Organisations units should establish",
    "new-joint-branch": "New joint branches",
    "join-joint-branch": "Units joining joint branches",
    "assign-instructor": "Party-building instructors",
    "split-branch": "Branches to split",
    "merge-branch": "Branches to merge",
    "new-pairing": "New pairings",
    "drop-pairing": "Pairings to hand over",
    "join-alliance": "Alliance memberships for isolated organisations",
    "new-street-alliance": "New street alliances",
    "add-alliance-membership": "Memberships against single points",
    "build-service-site": "Service centres to build",
    "expand-service-site": "Service centres to extend",
}
assert set(KIND_TITLES) == set(ACTION_KINDS)


def _flat(rates: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in rates.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        elif not isinstance(v, list):
            out[f"{prefix}{k}"] = v
    return out


def plan_frames(plan: Plan) -> dict[str, pd.DataFrame]:
    """``actions``, ``unresolved`` and ``rates`` (measure, before, after) as DataFrames."""
    actions = pd.DataFrame(
        [
            {
                "kind": a.kind,
                "resolves": "; ".join(f"{r}:{s}" for r, s in a.resolves),
                "entities": "; ".join(a.entities),
                "created": "; ".join(a.created),
                "street": a.street,
                "sentence": plan.text(a.sentence),
                "reason": plan.text(a.reason),
            }
            for a in plan.actions
        ],
        columns=["kind", "resolves", "entities", "created", "street", "sentence", "reason"],
    )
    unresolved = pd.DataFrame(
        [
            {
                "rule": u.rule,
                "subject_id": u.subject_id,
                "subject_name": u.subject_name,
                "street": u.street,
                "message": u.message,
                "reason": plan.text(u.reason),
            }
            for u in plan.unresolved
        ],
        columns=["rule", "subject_id", "subject_name", "street", "message", "reason"],
    )
    before, after = _flat(plan.rates_before), _flat(plan.rates_after)
    rates = pd.DataFrame(
        [{"measure": k, "before": before.get(k), "after": after.get(k)} for k in before],
        columns=["measure", "before", "after"],
    )
    return {"actions": actions, "unresolved": unresolved, "rates": rates}


def _figure_lines(plan: Plan) -> list[str]:
    lines = []
    p = plan.figures.get("pairing")
    if p:
        lines.append(
            tr(
                "Pairing (minimum-cost flow): {new} new, {dropped} handed over, cost {cost}, "
                "unmet need {unmet}, optimal: {optimal}",
                **{k: p[k] for k in ("new", "dropped", "cost", "unmet", "optimal")},
            )
        )
    j = plan.figures.get("joint_branches")
    if j:
        lines.append(
            tr(
                "Joint branches: {new} new (lower bound {bound}), {joined} of {units} units in a "
                "branch, {instructors} instructors, optimal: {optimal}",
                new=j["new_branches"],
                bound=j["lower_bound"],
                joined=j["units_in_branches"],
                units=j["units"],
                instructors=j["instructors"],
                optimal=j["optimal"],
            )
        )
    s = plan.figures.get("alliance_single_points")
    if s:
        lines.append(
            tr(
                "Alliance single points: {n} new memberships (block–cut lower bound {bound}), "
                "optimal: {optimal}",
                n=s["memberships"],
                bound=s["lower_bound"],
                optimal=s["optimal"],
            )
        )
    return lines


def _rates(plan: Plan) -> tuple[list[str], list[str]]:
    # The audit's own wording of the headline rates (orggraph.present.rates).
    before = [f"{h.label}: {h.text}" for h in headlines(plan.rates_before) if h.shown]
    after = [f"{h.label}: {h.text}" for h in headlines(plan.rates_after) if h.shown]
    return before, after


def _summary(plan: Plan) -> str:
    return tr(
        "{dataset}: {actions} actions, {unresolved} findings unresolved "
        "(findings before {before}, after {after})",
        dataset=plan.dataset,
        actions=len(plan.actions),
        unresolved=len(plan.unresolved),
        before=sum(plan.counts_before.values()),
        after=sum(plan.counts_after.values()),
    )


def render_table(plan: Plan) -> str:
    frames = plan_frames(plan)
    # Names reach a terminal here: control characters are shown, never executed.
    out = ["orggraph plan — " + safe_text(_summary(plan))]
    acts = frames["actions"]
    for kind in ACTION_KINDS:
        rows = acts[acts["kind"] == kind]
        if rows.empty:
            continue
        out += ["", f"== {tr(KIND_TITLES[kind])} ({len(rows)}) =="]
        out += [
            f"- {safe_text(s)}（{safe_text(r)}）"
            for s, r in zip(rows["sentence"], rows["reason"], strict=True)
        ]
    if plan.unresolved:
        out += ["", f"== {tr('Unresolved')} ({len(plan.unresolved)}) =="]
        out += [
            f"- [{u.rule}] {safe_text(u.subject_id)} {safe_text(u.subject_name)}: "
            f"{safe_text(plan.text(u.reason))}"
            for u in plan.unresolved
        ]
    out += ["", *_figure_lines(plan)]
    before, after = _rates(plan)
    out += [
        "",
        tr("Before:"),
        *(f"  {x}" for x in before),
        tr("After:"),
        *(f"  {x}" for x in after),
    ]
    return "\n".join(out) + "\n"


def _md(text: Any) -> str:
    from orggraph.present.safe import markdown_text

    return markdown_text("" if text is None else text)


def render_markdown(plan: Plan) -> str:
    frames = plan_frames(plan)
    out = ["# " + tr("Plan: {dataset}", dataset=plan.dataset), "", _summary(plan)]
    acts = frames["actions"]
    for kind in ACTION_KINDS:
        rows = acts[acts["kind"] == kind]
        if rows.empty:
            continue
        out += ["", f"## {tr(KIND_TITLES[kind])} ({len(rows)})", ""]
        out += [
            f"- {_md(s)}（{_md(r)}）" for s, r in zip(rows["sentence"], rows["reason"], strict=True)
        ]
    if plan.unresolved:
        out += ["", f"## {tr('Unresolved')} ({len(plan.unresolved)})", ""]
        out += [
            f"- `{u.rule}` {_md(u.subject_id)} {_md(u.subject_name)}: {_md(plan.text(u.reason))}"
            for u in plan.unresolved
        ]
    out += ["", f"## {tr('Optimisers')}", "", *(f"- {x}" for x in _figure_lines(plan))]
    before, after = _rates(plan)
    out += ["", f"## {tr('Before:')}", "", *(f"- {x}" for x in before)]
    out += ["", f"## {tr('After:')}", "", *(f"- {x}" for x in after)]
    return "\n".join(out) + "\n"


def csv_frame(plan: Plan) -> pd.DataFrame:
    """One row per action, then one per unresolved finding (``section`` tells which)."""
    frames = plan_frames(plan)
    acts = frames["actions"].assign(section="action")
    left = frames["unresolved"].rename(columns={"message": "sentence"}).assign(section="unresolved")
    rows = pd.concat([acts, left], ignore_index=True)
    cols = ["section", "kind", "rule", "subject_id", "resolves", "entities", "created"]
    cols += ["street", "sentence", "reason"]
    return rows.reindex(columns=cols)


def render_csv(plan: Plan, encoding: str | None = None) -> str | bytes:
    """:func:`csv_frame` as CSV text, or bytes in ``encoding`` (the command line gives UTF-8
    with a BOM); formula-like cells are neutralised, as in the audit's CSV."""
    from orggraph.present.documents import csv_bytes, csv_text

    frame = csv_frame(plan)
    return csv_text(frame) if encoding is None else csv_bytes(frame, encoding)


def render_xlsx(plan: Plan) -> bytes:
    """One workbook: the actions, the unresolved findings, the rates before and after."""
    from orggraph.present.workbook import Sheet, workbook_bytes

    frames = plan_frames(plan)
    names = {
        "actions": both("Plan actions")["zh"],
        "unresolved": both("Unresolved findings")["zh"],
        "rates": both("Rates before and after")["zh"],
    }
    return workbook_bytes(
        [
            Sheet(
                names[key],
                frame.astype(object).where(frame.notna(), None),
                text_columns=[c for c in ("subject_id", "entities", "created") if c in frame],
            )
            for key, frame in frames.items()
        ]
    )


def render_json(plan: Plan) -> str:
    """One object (:meth:`Plan.to_dict`), through the audit's fast JSON writer."""
    from orggraph.present.documents import json_document

    return json_document(plan.to_dict())


def render_plan(plan: Plan, fmt: str, encoding: str | None = None) -> str | bytes:
    """``plan`` in one of :data:`orggraph.present.PLAN_FORMATS`; CSV as bytes in ``encoding``."""
    if fmt == "csv":
        return render_csv(plan, encoding)
    renderers: dict[str, Callable[[Plan], str | bytes]] = {
        "table": render_table,
        "json": render_json,
        "markdown": render_markdown,
        "xlsx": render_xlsx,
    }
    return renderers[fmt](plan)

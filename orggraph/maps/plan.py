"""The plan over a map: proposed orgs, alliances and links, drawn apart from what exists.

:func:`overlay_plan` adds to an ``alliances`` or ``coverage`` map what ``orggraph plan`` proposes:
new orgs and alliances as pink nodes with a dashed border, new memberships (alliances view) or
new responsibilities (coverage view) as pink dashed links, and two legend lines.  Everything
already drawn keeps its look, so the map reads "what is" in its own colours and "what the plan
adds" in one other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orggraph.i18n import tr
from orggraph.maps.spec import (
    AREA_COLOR,
    LABEL_ZH,
    ORG_COLOR,
    UNIT_COLOR,
    LegendItem,
    MapEdge,
    MapNode,
)

if TYPE_CHECKING:
    from orggraph.dataset import Dataset
    from orggraph.maps.spec import MapSpec
    from orggraph.plan import PlanResult

PLAN_COLOR = "#e377c2"
PLAN_VIEWS = ("alliances", "coverage")
KIND_COLOR = {"PartyOrg": ORG_COLOR, "Unit": UNIT_COLOR, "Area": AREA_COLOR}
_OFFSET = 40.0  # how far from its neighbour a node the layout never placed is drawn


def _pairs(ds: Dataset, table: str, a: str, b: str) -> set[tuple[str, str]]:
    frame = ds[table][[a, b]].dropna()
    return set(zip(frame[a], frame[b], strict=True))


def _memberships(ds: Dataset) -> set[tuple[str, str]]:
    """(member, alliance), a lead counting as a member."""
    leads = {(m, a) for a, m in _pairs(ds, "alliances", "id", "lead_org_id")}
    return {(m, a) for a, m in _pairs(ds, "alliance_members", "alliance_id", "member_id")} | leads


def new_links(ds: Dataset, result: PlanResult, view: str) -> list[tuple[str, str]]:
    """The links the plan adds to ``view``: (member, alliance) or (org, area)."""
    if view == "alliances":
        return sorted(_memberships(result.applied) - _memberships(ds))
    before = _pairs(ds, "orgs", "id", "area_id")
    return sorted(_pairs(result.applied, "orgs", "id", "area_id") - before)


def overlay_plan(spec: MapSpec, ds: Dataset, result: PlanResult) -> MapSpec:
    """Add the plan's proposals to ``spec`` (an alliances or coverage map of ``ds``), in place."""
    if spec.view not in PLAN_VIEWS:
        raise ValueError(f"the plan is drawn over {' or '.join(PLAN_VIEWS)} maps only")
    applied = result.applied
    created = {i for a in result.plan.actions for i in a.created}
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for table, kind in (("orgs", "PartyOrg"), ("units", "Unit"), ("alliances", "Alliance")):
        names.update(zip(applied[table]["id"], applied[table]["name"], strict=True))
        kinds.update(dict.fromkeys(applied[table]["id"], kind))
    names.update(zip(applied.areas["id"], applied.areas["name"], strict=True))
    kinds.update(dict.fromkeys(applied.areas["id"], "Area"))
    drawn = {n.id: n for n in spec.nodes}
    skipped = 0
    for u, v in new_links(ds, result, spec.view):
        # An existing end the map folded into an aggregate leaves the link out (the note counts
        # it); otherwise a missing end is drawn: in pink if the plan creates it.
        if spec.aggregated and any(e not in drawn and e not in created for e in (u, v)):
            skipped += 1
            continue
        for end, other in ((u, v), (v, u)):
            if end in drawn:
                continue
            near = drawn.get(other)
            kind = kinds.get(end, "PartyOrg")
            new = end in created
            node = MapNode(
                id=end,
                label=names.get(end, end),
                kind=kind,
                color=PLAN_COLOR if new else KIND_COLOR.get(kind, ORG_COLOR),
                facts=[(tr("kind"), LABEL_ZH.get(kind, ""))]
                + ([(tr("plan"), "拟")] if new else []),
                marked=new,
                mark_color=PLAN_COLOR,
                group="plan",
            )
            if near is not None and near.x is not None and near.y is not None:
                node.x, node.y = near.x + _OFFSET, near.y + _OFFSET
            spec.nodes.append(node)
            drawn[end] = node
        spec.edges.append(
            MapEdge(u, v, kind="plan", color=PLAN_COLOR, width=2.5, dashes=True, label="拟")
        )
    line = (
        tr("membership the plan proposes")
        if spec.view == "alliances"
        else tr("responsibility the plan proposes")
    )
    spec.legend += [
        LegendItem(
            tr("organisation or alliance the plan proposes"),
            PLAN_COLOR,
            marked=True,
            mark_color=PLAN_COLOR,
        ),
        LegendItem(line, PLAN_COLOR, line=True),
    ]
    spec.notes.append(tr("Pink: what the plan proposes ({n} actions).", n=len(result.plan.actions)))
    if skipped:
        spec.notes.append(tr("{n} proposed links have an end this map does not show.", n=skipped))
    spec.check()
    return spec


__all__ = ["PLAN_COLOR", "PLAN_VIEWS", "new_links", "overlay_plan"]

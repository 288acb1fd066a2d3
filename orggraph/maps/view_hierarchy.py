"""The ``hierarchy`` view: the chain of command (REPORTS_TO), broken chains marked."""

from __future__ import annotations

from orggraph.maps import layout
from orggraph.maps.map_context import MapContext, fold_counts, severity_color, worst_of
from orggraph.maps.spec import SEVERITY_COLOR, LegendItem, MapEdge, MapSpec
from orggraph.schema import ENUMS, ZH

TYPE_COLOR = {
    "committee": "#7b3294",
    "working_committee": "#c2a5cf",
    "general_branch": "#5aae61",
    "branch": "#1b7837",
    "group": "#a6dba0",
    "joint_branch": "#2166ac",
    "temporary_branch": "#92c5de",
}
TYPE_SIZE = {"committee": 28, "working_committee": 24, "general_branch": 18}


def build(ctx: MapContext) -> MapSpec:
    """The org hierarchy; above the budget, the lowest orgs fold into their superiors."""
    orgs = ctx.nodes("PartyOrg")
    parent = {u: v for u, v, _ in ctx.edges("REPORTS_TO")}
    spec = ctx.new_spec()
    spec.underlying = len(orgs)
    broken = ctx.rule_findings("broken-chain")

    rep = {o: o for o in orgs}
    alive = set(orgs)
    while len(alive) > ctx.budget:
        # Fold the current leaves (orgs nobody still shown reports to) into their superiors.
        has_child = {parent[o] for o in alive if o in parent}
        leaves = [
            o
            for o in alive
            if o not in has_child and o in parent and parent[o] in alive and o not in broken
        ]
        if not leaves:
            break
        for o in leaves:
            rep[o] = parent[o]
            alive.discard(o)
        spec.aggregated = True
    folded, folded_sev = fold_counts(rep, lambda o: str(ctx.attr(o, "type") or ""), ctx.worst)
    for o in orgs:
        if rep[o] != o:
            continue
        kind = str(ctx.attr(o, "type") or "")
        sev = ctx.worst(o, ("broken-chain",))
        node = ctx.node(
            o,
            TYPE_COLOR.get(kind, "#888888"),
            size=TYPE_SIZE.get(kind, 12),
            marked=sev is not None,
            mark_color=severity_color(sev, "#000"),
        )
        if folded[o]:
            total = sum(folded[o].values())
            node.label += f"\n＋{total}"
            node.folded = 1 + total
            node.facts.append(
                (
                    "已合并下级",
                    "、".join(f"{ZH.get(k, k)} {v}" for k, v in sorted(folded[o].items())),
                )
            )
            worst = worst_of(folded_sev[o])
            if worst:
                node.facts.append(("下级中最严重的问题", ZH.get(worst, worst)))
        spec.nodes.append(node)
    for o in orgs:
        if rep[o] == o and o in parent and rep[parent[o]] != o:
            spec.edges.append(MapEdge(o, rep[parent[o]], "REPORTS_TO", arrow=True))

    shown = [o for o in orgs if rep[o] == o]
    order = sorted(shown, key=lambda o: (ctx.place.get(o, ""), o))
    pos = layout.radial_tree({o: rep.get(parent.get(o, "")) for o in shown}, order, ring=150.0)
    for n in spec.nodes:
        n.x, n.y = pos[n.id]
    spec.legend = legend()
    if broken:
        spec.notes.append(f"{len(broken)} 个党组织的隶属链断开（红色粗边框）。")
    ctx.note_folding(spec, "最下级的党组织已逐级合并到上级（标签中的 ＋n）。", what="党组织")
    return spec


def legend() -> list[LegendItem]:
    items = [LegendItem(ZH[t], TYPE_COLOR[t]) for t in ENUMS["org_type"]]
    items.append(
        LegendItem(
            "隶属链断开（无上级或成环）", "#ffffff", marked=True, mark_color=SEVERITY_COLOR["error"]
        )
    )
    items.append(LegendItem("箭头指向上级党组织", "#9a9a9a", line=True))
    return items

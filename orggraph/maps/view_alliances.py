"""The ``alliances`` view: alliances, their member orgs and units, the brokers between them."""

from __future__ import annotations

import math
from collections import defaultdict

from orggraph.maps import layout
from orggraph.maps.map_context import PHYSICS_MAX_NODES, MapContext, UnknownFocus
from orggraph.maps.spec import (
    MUTED_COLOR,
    SEVERITY_COLOR,
    LegendItem,
    MapEdge,
    MapNode,
    MapSpec,
)
from orggraph.schema import ENUMS, ZH

KIND_COLOR = {
    "regional": "#1f77b4",
    "industry": "#17becf",
    "big_committee": "#9467bd",
    "contract": "#8c564b",
    "other": "#7f7f7f",
}
MIXED_COLOR = "#555555"
AGG = "⊕"


def build(ctx: MapContext) -> MapSpec:
    """The alliances map (one alliance and its neighbours when ``ctx.focus`` names one)."""
    alliance = ctx.focus
    pairs = dict(ctx.memberships)
    alliances = ctx.nodes("Alliance")
    spec = ctx.new_spec()
    if alliance is not None:
        if alliance not in ctx.graph or ctx.graph.nodes[alliance].get("label") != "Alliance":
            raise UnknownFocus(f"'{alliance}' is not an alliance id of this dataset")
        own = {m for (m, a) in pairs if a == alliance}
        neighbours = sorted({a for (m, a) in pairs if m in own and a != alliance})
        others: dict[str, int] = defaultdict(int)
        for m, a in pairs:
            if a in neighbours and m not in own:
                others[a] += 1
        alliances = [alliance, *neighbours]
        pairs = {(m, a): r for (m, a), r in pairs.items() if m in own}
        spec.title = f"{spec.title}：{ctx.name(alliance)}"
        spec.notes.append(
            f"只显示“{ctx.name(alliance)}”、它的 {len(own)} 个成员，"
            f"以及与它共享成员的 {len(neighbours)} 个联盟（其余成员只计数）。"
        )
    else:
        others = {}
    single = ctx.rule_findings("alliance-single-point")
    isolated = [] if alliance else sorted(ctx.rule_findings("isolated-org"))

    member_alliances: dict[str, list[str]] = defaultdict(list)
    for m, a in pairs:
        member_alliances[m].append(a)
    members = sorted(member_alliances)
    spec.underlying = len(alliances) + len(members) + len(isolated)
    broker = ctx.brokerage
    top = max(broker.values(), default=0.0) or 1.0

    # Above the budget, units then orgs that bridge nothing fold into a count on their alliance.
    folded: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    shown = set(members)
    if spec.underlying > ctx.budget:
        for label in ("Unit", "PartyOrg"):
            if len(alliances) + len(shown) + len(isolated) <= ctx.budget:
                break
            for m in members:
                if (
                    m in shown
                    and ctx.graph.nodes[m].get("label") == label
                    and m not in single
                    and len(member_alliances[m]) == 1
                ):
                    shown.discard(m)
                    folded[member_alliances[m][0]][label] += 1
        spec.aggregated = True

    for a in alliances:
        kind = str(ctx.attr(a, "kind") or "other")
        n = ctx.node(a, KIND_COLOR.get(kind, MIXED_COLOR), size=26)
        count = sum(1 for (_, x) in pairs if x == a)
        n.facts.insert(2, ("成员数", str(count + others.get(a, 0))))
        if others.get(a):
            n.facts.append(("未显示的成员", str(others[a])))
        spec.nodes.append(n)
    for m in members:
        if m not in shown:
            continue
        kinds = {str(ctx.attr(a, "kind") or "other") for a in member_alliances[m]}
        color = KIND_COLOR.get(next(iter(kinds)), MIXED_COLOR) if len(kinds) == 1 else MIXED_COLOR
        b = broker.get(m, 0.0)
        n = ctx.node(m, color, size=10 + 30 * math.sqrt(b / top), marked=m in single)
        n.facts.append(("所属联盟", "、".join(ctx.name(a) for a in member_alliances[m])))
        n.facts.append(("中介中心度", f"{b:.3f}"))
        spec.nodes.append(n)
    for a, counts in folded.items():
        for label, count in counts.items():
            word = "单位" if label == "Unit" else "党组织"
            agg = MapNode(
                id=f"{AGG}{a}/{label}",
                label=f"{word} ×{count}",
                kind="Aggregate",
                color=MUTED_COLOR,
                size=14,
                folded=count,
                facts=[("汇总", f"“{ctx.name(a)}”的 {count} 个{word}成员")],
            )
            spec.nodes.append(agg)
            spec.edges.append(MapEdge(agg.id, a, "MEMBER_OF", width=2))
    for (m, a), role in sorted(pairs.items()):
        if m in shown:
            spec.edges.append(
                MapEdge(
                    m,
                    a,
                    "MEMBER_OF",
                    width=3 if role == "lead" else 1,
                    dashes=role == "part_time_member",
                    facts=[("角色", ZH.get(role, role))],
                )
            )
    for o in isolated:
        n = ctx.node(o, MUTED_COLOR, size=10, group="isolated")
        spec.nodes.append(n)

    _place(spec, ctx, alliances, isolated)
    spec.legend = legend(single_points=bool(single), isolated=bool(isolated))
    ctx.note_folding(spec, "只属于一个联盟、且不是单点的成员已按联盟合并计数（灰色方框）。")
    return spec


def _place(spec: MapSpec, ctx: MapContext, alliances: list[str], isolated: list[str]) -> None:
    """Physics for small maps; otherwise alliances on a circle, members between theirs."""
    iso = set(isolated)
    spec.physics = len(spec.nodes) <= PHYSICS_MAX_NODES
    ties: dict[str, list[str]] = defaultdict(list)
    for e in spec.edges:
        ties[e.source].append(e.target)
    pos = {} if spec.physics else layout.hubs_and_satellites(alliances, ties)
    extent = max((abs(c) for p in pos.values() for c in p), default=0.0)
    extent = max(extent, 60.0 * math.sqrt(max(len(spec.nodes) - len(iso), 1)))
    # Orgs in no alliance sit apart, in a block to the right, pinned even when physics runs.
    pos.update(layout.grid(isolated, origin=(extent + 200.0, -extent / 2)))
    for n in spec.nodes:
        if n.id in pos:
            n.x, n.y = pos[n.id]


def legend(single_points: bool = True, isolated: bool = True) -> list[LegendItem]:
    items = [LegendItem(f"联盟：{ZH[k]}", KIND_COLOR[k], "hexagon") for k in ENUMS["alliance_kind"]]
    items += [
        LegendItem("成员党组织（大小＝中介中心度）", MIXED_COLOR, "dot"),
        LegendItem("成员单位", MIXED_COLOR, "square"),
        LegendItem("成员属于多类联盟", MIXED_COLOR, "dot"),
        LegendItem("牵头（粗线）/ 兼职委员（虚线）", "#9a9a9a", line=True),
    ]
    if single_points:
        items.append(
            LegendItem("联盟网络单点（移除即断开）", SEVERITY_COLOR["error"], "dot", marked=True)
        )
    if isolated:
        items.append(LegendItem("未加入任何联盟的社区党组织", MUTED_COLOR, "dot"))
    items.append(LegendItem("合并计数", MUTED_COLOR, "box"))
    return items

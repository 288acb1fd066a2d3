"""The ``pairings`` view: units and orgs and the communities they are paired with (双报到 …)."""

from __future__ import annotations

import math
from collections import defaultdict

from orggraph.maps import layout
from orggraph.maps.map_context import PHYSICS_MAX_NODES, MapContext, severity_color
from orggraph.maps.spec import (
    MUTED_COLOR,
    OK_COLOR,
    ORG_COLOR,
    SEVERITY_COLOR,
    UNIT_COLOR,
    LegendItem,
    MapEdge,
    MapNode,
    MapSpec,
)
from orggraph.schema import COMMUNITY_LEVELS, ZH

AGG = "⊕"


def build(ctx: MapContext) -> MapSpec:
    """The pairings map: every community and village, and every pairing source."""
    g = ctx.graph
    spec = ctx.new_spec()
    links: dict[tuple[str, str], dict[str, float]] = {}
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, a, d in ctx.edges("PAIRED_WITH"):
        m = d.get("members_reported")
        reported = float(m) if isinstance(m, int | float) and not math.isnan(m) else 0.0
        links.setdefault((s, a), {"members": 0.0})["members"] += reported
        kinds[(s, a)].add(str(d.get("kind") or ""))
    areas = {a for a in ctx.nodes("Area") if ctx.attr(a, "level") in COMMUNITY_LEVELS}
    areas |= {a for (_, a) in links}
    parent = {u: v for u, v, _ in ctx.edges("PART_OF")}
    area_order = sorted(areas, key=lambda a: (ctx.place.get(a, ""), a))
    sources = sorted({s for (s, _) in links})
    spec.underlying = len(areas) + len(sources)
    unpaired = ctx.rule_findings("unpaired-community")
    overloaded = ctx.rule_findings("overloaded-unit")

    rep = {s: s for s in sources}
    if spec.underlying > ctx.budget:
        # Sources that carry no finding fold by kind and by the street of their first area.
        first_area: dict[str, str] = {}
        for s, a in sorted(links):
            first_area.setdefault(s, a)
        for s in sources:
            if s not in overloaded:
                kind = str(ctx.attr(s, "kind") or ctx.graph.nodes[s].get("label"))
                street = parent.get(first_area[s], "")
                rep[s] = f"{AGG}{kind}@{street}"
        spec.aggregated = True

    top = max((v["members"] for v in links.values()), default=0.0) or 1.0
    for a in area_order:
        sev = ctx.worst(a, ("unpaired-community",))
        n = ctx.node(a, severity_color(sev, OK_COLOR), size=18, shape="dot")
        n.facts.append(("结对来源数", str(sum(1 for (_, x) in links if x == a))))
        spec.nodes.append(n)
    groups: dict[str, list[str]] = defaultdict(list)
    for s in sources:
        groups[rep[s]].append(s)
    for r, members in groups.items():
        if r == members[0] and len(members) == 1 and r in g:
            is_unit = g.nodes[r].get("label") == "Unit"
            n = ctx.node(
                r,
                UNIT_COLOR if is_unit else ORG_COLOR,
                size=12,
                marked=r in overloaded,
                mark_color=severity_color(ctx.worst(r, ("overloaded-unit",)), "#000"),
            )
            n.facts.append(("结对区域数", str(sum(1 for (x, _) in links if x == r))))
        else:
            kind, _, street = r[len(AGG) :].partition("@")
            word = ZH.get(kind, "党组织" if kind == "PartyOrg" else kind)
            where = ctx.name(street) if street in g else ""
            n = MapNode(
                id=r,
                label=f"{word} ×{len(members)}",
                kind="Aggregate",
                color=MUTED_COLOR,
                size=14,
                folded=len(members),
                facts=[("汇总", f"{where}{word} {len(members)} 个（无问题的结对来源）")],
            )
        spec.nodes.append(n)

    merged: dict[tuple[str, str], float] = defaultdict(float)
    merged_kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (s, a), v in links.items():
        merged[(rep[s], a)] += v["members"]
        merged_kinds[(rep[s], a)] |= kinds[(s, a)]
    for (s, a), reported in sorted(merged.items()):
        facts = [
            ("方式", "、".join(sorted(ZH.get(k, k) for k in merged_kinds[(s, a)] if k))),
            ("报到党员数", str(int(reported))),
        ]
        spec.edges.append(
            MapEdge(
                s,
                a,
                "PAIRED_WITH",
                color="#74a9cf",
                width=1 + 7 * math.sqrt(reported / top),
                facts=facts,
            )
        )

    spec.physics = len(spec.nodes) <= PHYSICS_MAX_NODES
    if not spec.physics:
        ties: dict[str, list[str]] = defaultdict(list)
        for e in spec.edges:
            ties[e.source].append(e.target)
        pos = layout.hubs_and_satellites(area_order, ties, spacing=60.0)
        for n in spec.nodes:
            n.x, n.y = pos.get(n.id, (0.0, 0.0))
    spec.legend = legend()
    if unpaired:
        spec.notes.append(f"{len(unpaired)} 个社区/村没有结对单位（橙色）。")
    ctx.note_folding(
        spec, "没有问题的结对来源已按类别和街道合并（灰色方框），连线宽度为合计报到党员数。"
    )
    return spec


def legend() -> list[LegendItem]:
    return [
        LegendItem("社区/村：已结对", OK_COLOR),
        LegendItem("社区/村：未结对", SEVERITY_COLOR["warning"]),
        LegendItem("结对单位", UNIT_COLOR, "square"),
        LegendItem("结对党组织", ORG_COLOR),
        LegendItem(
            "结对过多（粗边框）",
            UNIT_COLOR,
            "square",
            marked=True,
            mark_color=SEVERITY_COLOR["info"],
        ),
        LegendItem("连线宽度＝报到党员数", "#74a9cf", line=True),
        LegendItem("合并计数", MUTED_COLOR, "box"),
    ]

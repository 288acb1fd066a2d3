"""The ``coverage`` view: the area tree, the orgs responsible for each area, the units in it."""

from __future__ import annotations

from collections import defaultdict

from orggraph.findings import SEVERITY_WORDS
from orggraph.maps import layout
from orggraph.maps.map_context import (
    MapContext,
    UnknownFocus,
    fold_counts,
    severity_color,
    worst_of,
)
from orggraph.maps.spec import (
    AREA_COLOR,
    OK_COLOR,
    ORG_COLOR,
    SEVERITY_COLOR,
    UNIT_COLOR,
    LegendItem,
    MapEdge,
    MapSpec,
)
from orggraph.schema import LEVEL_RANK

AREA_RULES = ("uncovered-community", "uncovered-compound", "uncovered-grid")
UNIT_RULES = ("unit-should-establish", "unit-uncovered")
LEVEL_SIZE = {0: 34, 1: 26, 2: 18, 3: 12, 4: 10, 5: 8}
WORD = SEVERITY_WORDS["zh"]  # the maps are drawn in Chinese
FOLD_WORD = {"Area": "区域", "PartyOrg": "党组织", "Unit": "单位"}


def build(ctx: MapContext) -> MapSpec:
    """The coverage map of the whole dataset, or of the subtree under ``ctx.focus``."""
    area = ctx.focus
    g = ctx.graph
    parent = {u: v for u, v, _ in ctx.edges("PART_OF")}
    areas = ctx.nodes("Area")
    spec = ctx.new_spec()
    if area is not None:
        if area not in g or g.nodes[area].get("label") != "Area":
            raise UnknownFocus(f"'{area}' is not an area id of this dataset")
        children: dict[str, list[str]] = defaultdict(list)
        for c, p in parent.items():
            children[p].append(c)
        keep, todo = set(), [area]
        while todo:
            a = todo.pop()
            if a not in keep:
                keep.add(a)
                todo.extend(children.get(a, []))
        areas = [a for a in areas if a in keep]
        path = ctx.place.get(area) or ctx.name(area)
        spec.title = f"{spec.title}：{path}"
        spec.notes.append(f"只显示“{path}”及其下级区域。")
    in_scope = set(areas)
    owner = {o: a for o, a, _ in ctx.edges("RESPONSIBLE_FOR") if a in in_scope}
    unit_area = {
        u: a
        for u, a, _ in ctx.edges("LOCATED_IN")
        if a in in_scope and g.nodes[u].get("label") == "Unit"
    }
    covered_units = {u for _, u, _ in ctx.edges("COVERS_UNIT")}
    covered_units |= {u for _, u, _ in ctx.edges("ESTABLISHED_IN")}
    home = {**{a: parent.get(a) for a in areas}, **owner, **unit_area}
    spec.underlying = len(home)

    rank = {a: LEVEL_RANK.get(str(ctx.attr(a, "level")), 5) for a in areas}
    rep = {n: n for n in home}

    def fold(members: list[str], top_rank: int) -> None:
        for n in members:
            target = home.get(n)
            while target is not None and target in rank and rank[target] > top_rank:
                target = parent.get(target)
            if target is not None and target in in_scope:
                rep[n] = target

    def shown() -> int:
        return sum(1 for n, r in rep.items() if n == r)

    # Each step folds more, only while the map is over budget: below communities, then units,
    # then communities into their streets.
    steps = [
        (lambda: [n for n in home if rank.get(n, 0) > 2 or rank.get(home.get(n) or "", 0) > 2], 2),
        (lambda: list(unit_area), 2),
        (lambda: [n for n in home if rank.get(n, 0) > 1 or rank.get(home.get(n) or "", 0) > 1], 1),
    ]
    for pick, top in steps:
        if shown() <= ctx.budget:
            break
        fold(pick(), top)
        spec.aggregated = True
    folded, folded_sev = fold_counts(
        rep,
        lambda n: str(g.nodes[n].get("label", "")),
        lambda n: ctx.worst(n, AREA_RULES + UNIT_RULES),
    )

    for n in home:
        if rep[n] != n:
            continue
        label = g.nodes[n].get("label")
        if label == "Area":
            own = ctx.worst(n, AREA_RULES)
            sev = own or worst_of(folded_sev[n])
            base = OK_COLOR if any(owner.get(o) == n for o in owner) else AREA_COLOR
            node = ctx.node(n, severity_color(sev, base), size=LEVEL_SIZE.get(rank[n], 10))
        elif label == "PartyOrg":
            node = ctx.node(n, ORG_COLOR, size=8)
        else:
            sev = ctx.worst(n, UNIT_RULES)
            node = ctx.node(
                n, severity_color(sev, OK_COLOR if n in covered_units else UNIT_COLOR), size=8
            )
        if folded[n]:
            total = sum(folded[n].values())
            bad = sum(1 for s in folded_sev[n] if s)
            node.label += f"\n＋{total}" + (f"（问题 {bad}）" if bad else "")
            node.folded = 1 + total
            node.facts.append(
                (
                    "已合并",
                    "、".join(f"{FOLD_WORD.get(k, k)} {v}" for k, v in sorted(folded[n].items())),
                )
            )
            if bad:
                node.facts.append(("合并项中有问题", str(bad)))
        spec.nodes.append(node)

    seen: set[tuple[str, str]] = set()
    for n, h in home.items():
        if h is None or h not in rep:
            continue
        a, b = rep[n], rep[h]
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        label = g.nodes[n].get("label")
        kind = {"Area": "PART_OF", "PartyOrg": "RESPONSIBLE_FOR"}.get(str(label), "LOCATED_IN")
        color = {"PART_OF": "#9a9a9a", "RESPONSIBLE_FOR": ORG_COLOR}.get(kind, "#cccccc")
        spec.edges.append(MapEdge(a, b, kind, color=color, dashes=kind == "LOCATED_IN"))

    tree_parent = {n: rep.get(h) if h is not None else None for n, h in home.items() if rep[n] == n}
    order = sorted(tree_parent, key=lambda n: (rank.get(n, 9), ctx.place.get(n, ""), n))
    pos = layout.radial_tree(tree_parent, order, ring=160.0 if len(order) > 200 else 120.0)
    for node in spec.nodes:
        node.x, node.y = pos[node.id]
    spec.legend = legend()
    ctx.note_folding(
        spec, "下级区域、党组织和单位已合并到上级区域（标签中的 ＋n），颜色取其中最严重的问题。"
    )
    return spec


def legend() -> list[LegendItem]:
    return [
        LegendItem("区域：有党组织负责", OK_COLOR),
        LegendItem("区域：无需负责组织（街道、楼栋等）", AREA_COLOR),
        LegendItem(f"{WORD['error']}：未覆盖的社区/村，应建未建的单位", SEVERITY_COLOR["error"]),
        LegendItem(
            f"{WORD['warning']}：未覆盖的小区/网格，未覆盖的两新组织", SEVERITY_COLOR["warning"]
        ),
        LegendItem("党组织（紫线：负责区域）", ORG_COLOR),
        LegendItem("单位：已单建或联建覆盖", OK_COLOR, "square"),
        LegendItem("单位：其他", UNIT_COLOR, "square"),
    ]

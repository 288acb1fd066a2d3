"""The pairing flow: the network, its maximum flow of minimum cost, its split into pairings.

:mod:`orggraph.plan.pairing` states the model and builds the instance from a dataset; this
module solves an instance (:class:`PairingModel`) exactly, and knows nothing of datasets.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast

import networkx as nx

SOURCE, SINK, GLOBAL = ("s",), ("t",), ("g",)


@dataclass
class PairingModel:
    """The instance, in the issue's terms (built by :func:`orggraph.plan.pairing.pairing_model`)."""

    max_pairings: int
    need: dict[str, int]  # community -> missing distinct sources (after forced pairings)
    capacity: dict[str, int]  # source -> areas it can still take
    over: set[str]  # sources above the limit: none of their pairings is forced
    present: dict[str, set[str]]  # source -> areas paired today (those in need; all if over)
    street: dict[str, str | None]  # source or area -> street id
    same_cost: int = 1
    other_cost: int = 2
    min_pairings: int = 1
    sources: list[str] = field(default_factory=list)

    def cost(self, source: str, area: str) -> int:
        s, a = self.street.get(source), self.street.get(area)
        return self.same_cost if s is not None and s == a else self.other_cost


def flow_network(m: PairingModel) -> nx.DiGraph:
    """The aggregated network (see the module's docstring)."""
    g = nx.DiGraph()
    group_cap: dict[str | None, int] = defaultdict(int)
    for s in m.sources:
        if s not in m.over and m.capacity[s] > 0:
            group_cap[m.street[s]] += m.capacity[s]
    for st, cap in group_cap.items():
        g.add_edge(SOURCE, ("grp", st), capacity=cap, weight=0)
        _to_hubs(g, ("grp", st), st, m)
    for o in sorted(m.over):
        g.add_edge(SOURCE, ("o", o), capacity=m.max_pairings, weight=0)
        _to_hubs(g, ("o", o), m.street[o], m)
        for a in sorted(m.present[o]):
            if a in m.need:
                g.add_edge(("o", o), ("a", a), capacity=1, weight=0)
    for a, n in m.need.items():
        st = m.street[a]
        if st is not None:
            g.add_edge(("hub", st), ("a", a), capacity=n, weight=0)
        g.add_edge(GLOBAL, ("a", a), capacity=n, weight=0)
        g.add_edge(("a", a), SINK, capacity=n, weight=0)
    return g


def _to_hubs(g: nx.DiGraph, node: tuple[object, ...], street: str | None, m: PairingModel) -> None:
    if street is not None:
        g.add_edge(node, ("hub", street), weight=m.same_cost)
    g.add_edge(node, GLOBAL, weight=m.other_cost)


@dataclass
class PairingSolution:
    new: list[tuple[str, str]]  # (source, area)
    kept: dict[str, list[str]]  # over-limit source -> areas it keeps
    dropped: dict[str, list[str]]  # over-limit source -> areas it gives up
    cost: int
    unmet: int
    optimal: bool
    model_cost: int
    model_unmet: int
    met: dict[str, int] = field(default_factory=dict)  # community -> need met


# Above this many (source, area) arcs the one-arc-per-pair network is not built (see
# solve_pairing); the aggregated network is exact anyway whenever no area needs two sources.
EXPLICIT_MAX_ARCS = 400_000  # about 15 s of network simplex


def solve_pairing(m: PairingModel, explicit_max_arcs: int = EXPLICIT_MAX_ARCS) -> PairingSolution:
    """Maximum flow of minimum cost, as distinct pairings (module docstring).

    When every area needs at most one more source, the aggregated network is exact: no pairing
    can repeat, and its flow always splits.  When some area needs two or more, a street's
    sources are no longer interchangeable (two units into one area must come from two sources),
    so the network with one arc per (source, area) pair of :func:`pair_arcs` is solved instead,
    up to ``explicit_max_arcs`` arcs; above that the aggregated network's optimum is a bound and
    ``optimal`` says whether the split reached it.
    """
    total_need = sum(m.need.values())
    left = dict(m.capacity)
    kept: dict[str, list[str]] = {o: [] for o in m.over}
    met: dict[str, int] = defaultdict(int)
    new: list[tuple[str, str]] = []
    model_value = model_cost = 0
    if not total_need:
        pass
    elif max(m.need.values()) > 1 and len(arcs := pair_arcs(m)) <= explicit_max_arcs:
        model_value, model_cost = _solve_explicit(m, arcs, left, kept, met, new)
    else:
        model_value, model_cost = _solve_aggregated(m, left, kept, met, new)
    dropped: dict[str, list[str]] = {}
    for o in sorted(m.over):
        keep = set(kept[o])
        for a in sorted(m.present[o] - keep):
            if left[o] > 0:  # room left: a pairing that helps no need still stays
                keep.add(a)
                left[o] -= 1
        kept[o] = sorted(keep)
        dropped[o] = sorted(m.present[o] - keep)
    cost = sum(m.cost(s, a) for s, a in new)
    value = sum(met.values())
    return PairingSolution(
        new=new,
        kept=kept,
        dropped=dropped,
        cost=cost,
        unmet=total_need - value,
        optimal=(cost == model_cost and value == model_value),
        model_cost=model_cost,
        model_unmet=total_need - model_value,
        met=dict(met),
    )


def pair_arcs(m: PairingModel) -> list[tuple[str, str, int]]:
    """The (source, area, cost) arcs of the exact network, cut down without losing the optimum.

    Every source of an area's own street keeps its arc (cost ``same_cost``), every source over
    the limit its present pairings (cost 0).  Across streets (cost ``other_cost``) only the
    ``N + min_pairings`` roomiest sources under the limit keep their arcs, N the total need: an
    optimal plan makes at most N new pairings, so at most N of those sources are used, and for
    any cross-street pairing (s, a) with s outside that set, one of them is unused, has room and
    is not paired with a yet (a has fewer than ``min_pairings`` sources) — moving the pairing to
    it costs no more.  So some optimal plan uses only these arcs.
    """
    by_street: dict[str | None, list[str]] = defaultdict(list)
    for src in m.sources:
        if src in m.over or m.capacity[src] > 0:
            by_street[m.street.get(src)].append(src)
    arcs: list[tuple[str, str, int]] = []
    for a in m.need:
        st = m.street.get(a)
        if st is not None:
            for src in by_street[st]:
                if a not in m.present[src]:
                    arcs.append((src, a, m.same_cost))
    for o in sorted(m.over):
        arcs.extend((o, a, 0) for a in sorted(m.present[o]) if a in m.need)
    roomy = sorted(
        (src for src in m.sources if src not in m.over and m.capacity[src] > 0),
        key=lambda src: (-m.capacity[src], src),
    )[: sum(m.need.values()) + m.min_pairings]
    for src in roomy:
        st = m.street.get(src)
        for a in m.need:
            if (st is None or m.street.get(a) != st) and a not in m.present[src]:
                arcs.append((src, a, m.other_cost))
    return arcs


def _solve_explicit(
    m: PairingModel,
    arcs: list[tuple[str, str, int]],
    left: dict[str, int],
    kept: dict[str, list[str]],
    met: dict[str, int],
    new: list[tuple[str, str]],
) -> tuple[int, int]:
    """The network with one arc per (source, area) pair of ``arcs``: exact for any need."""
    g = nx.DiGraph()
    for src, a, cost in arcs:
        if not g.has_edge(SOURCE, ("src", src)):
            g.add_edge(SOURCE, ("src", src), capacity=left[src], weight=0)
        g.add_edge(("src", src), ("a", a), capacity=1, weight=cost)
    for a, n in m.need.items():
        g.add_edge(("a", a), SINK, capacity=n, weight=0)
    if SOURCE not in g:
        return 0, 0
    flow = nx.max_flow_min_cost(g, SOURCE, SINK)
    for u in sorted(flow[SOURCE], key=str):
        src = u[1]
        for v, f in sorted(flow[u].items()):
            if not f:
                continue
            a = v[1]
            if a in m.present[src]:
                kept[src].append(a)
            else:
                new.append((src, a))
            left[src] -= 1
            met[a] += 1
    return sum(flow[SOURCE].values()), int(nx.cost_of_flow(g, flow))


def _solve_aggregated(
    m: PairingModel,
    left: dict[str, int],
    kept: dict[str, list[str]],
    met: dict[str, int],
    new: list[tuple[str, str]],
) -> tuple[int, int]:
    """The aggregated network, then its flow split into pairings hub by hub."""
    g = flow_network(m)
    if SOURCE not in g:  # no source has any capacity: nothing flows
        return 0, 0
    flow = nx.max_flow_min_cost(g, SOURCE, SINK)
    used: dict[str, set[str]] = defaultdict(set)  # area -> sources counted for it
    for o in sorted(m.over):
        for v, f in flow.get(("o", o), {}).items():
            if f and v[0] == "a":
                kept[o].append(v[1])
                left[o] -= 1
                met[v[1]] += 1
                used[v[1]].add(o)
    by_street: dict[str | None, list[str]] = defaultdict(list)
    for s in m.sources:
        if s not in m.over:
            by_street[m.street[s]].append(s)
    hubs = sorted((v for v in g if v[0] == "hub"), key=lambda v: str(v[1]))
    for hub in [*hubs, GLOBAL]:
        supply = _hub_supply(g, flow, hub, m)
        demand = {v[1]: f for v, f in flow.get(hub, {}).items() if f}
        new += _split(supply, demand, m, by_street, left, used, met)
    return sum(flow[SOURCE].values()), int(nx.cost_of_flow(g, flow))


def _hub_supply(
    g: nx.DiGraph, flow: dict, hub: tuple[object, ...], m: PairingModel
) -> dict[tuple[object, ...], int]:
    """How many units each supplying node sends into ``hub``."""
    out = {}
    for u in g.predecessors(hub):
        f = flow.get(u, {}).get(hub, 0)
        if f:
            out[u] = f
    return out


def _split(
    supply: dict[tuple[object, ...], int],
    demand: dict[str, int],
    m: PairingModel,
    by_street: dict[str | None, list[str]],
    left: dict[str, int],
    used: dict[str, set[str]],
    met: dict[str, int],
) -> list[tuple[str, str]]:
    """Split one hub's flow into distinct pairings, roomiest source first."""
    budget = dict(supply)
    heap: list[tuple[int, str, tuple[object, ...]]] = []
    for node in supply:
        key = cast("str | None", node[1])
        for s in [cast(str, key)] if node[0] == "o" else by_street[key]:
            if left[s] > 0:
                heap.append((-left[s], s, node))
    heapq.heapify(heap)
    out = []
    for area in sorted(demand, key=lambda a: (-demand[a], a)):
        for _ in range(demand[area]):
            skipped = []
            while heap:
                neg, s, node = heapq.heappop(heap)
                if budget[node] <= 0 or left[s] <= 0:
                    continue
                if s in used[area] or area in m.present[s]:
                    skipped.append((neg, s, node))
                    continue
                out.append((s, area))
                used[area].add(s)
                met[area] += 1
                left[s] -= 1
                budget[node] -= 1
                if left[s] > 0:
                    heapq.heappush(heap, (-left[s], s, node))
                break
            for item in skipped:
                heapq.heappush(heap, item)
    return out

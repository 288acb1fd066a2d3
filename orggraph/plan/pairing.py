"""unpaired-community and overloaded-unit: pairings by minimum-cost flow (exact).

The model (issue 10, docs/PLAN.md):

- Sources: today's pairing sources and every unit of kind agency, institution, soe, school or
  hospital.  A source ends with at most ``max_pairings`` distinct areas.  A source over that today
  keeps the subset of its pairings the optimiser picks (cost 0 each); every other present pairing
  stays.
- Needs: every community and village ends with at least ``min_pairings`` distinct sources.
- A new pairing costs ``same_street_cost`` (1) when the source's street is the area's street,
  else ``other_street_cost`` (2).  A unit's street comes from its area, an org's from the area it
  is responsible for, else its unit's area.
- Objective: meet as much need as capacity allows, then the least total cost.

Solved by :mod:`orggraph.plan.flow` as a maximum flow of minimum cost
(``networkx.max_flow_min_cost``, network simplex) on an aggregated network: the sources of one
street that keep all their pairings are one node (they are interchangeable: same arcs, same costs),
joined to their street's hub at cost 1 and to one global hub at cost 2; each street hub reaches the
areas of its street, the global hub every area. Sources over the limit stay single nodes with their
present pairings as cost-0 arcs. Every real plan is a flow of the same value and cost in this
network, so its optimum bounds the real one; the flow is then split into distinct (source, area)
pairings, and when the split keeps the value and the cost (it reports so) the plan is optimal. It
always does when no area needs more than one more source (``min_pairings`` 1, the default);
otherwise the network with one arc per (source, area) is solved directly (exact), up to a size
limit. Within one hub every choice costs the same: there the pairings go to the sources with the
most capacity left, then the smallest id, which spreads the load without changing the cost.
"""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd

from orggraph.i18n import both
from orggraph.plan.flow import PairingModel, solve_pairing
from orggraph.plan.work import Work
from orggraph.schema import COMMUNITY_LEVELS, ZH

NEED_RULE = "unpaired-community"
LOAD_RULE = "overloaded-unit"
SOURCE_KINDS = ("agency", "institution", "soe", "school", "hospital")


def pairing_model(work: Work) -> PairingModel:
    """The flow instance of the dataset as the plan has left it so far."""
    ds = work.ds
    p = ds.pairings[["source_id", "area_id"]].drop_duplicates()
    max_p = math.floor(work.threshold("max_pairings"))
    min_p = math.ceil(work.threshold("min_pairings"))
    load = p.groupby("source_id").size()
    over = set(load[load > max_p].index)
    units = ds.units
    sources = pd.Index(p["source_id"].unique()).union(
        units.loc[units["kind"].isin(SOURCE_KINDS), "id"]
    )
    capacity = (max_p - load.reindex(sources).fillna(0)).clip(lower=0).astype("int64")
    capacity[capacity.index.isin(over)] = max_p
    forced = p[~p["source_id"].isin(over)]
    count = forced.groupby("area_id").size()
    com = ds.areas.loc[ds.areas["level"].isin(COMMUNITY_LEVELS), "id"]
    need = (min_p - com.map(count).fillna(0)).clip(lower=0).astype("int64")
    need_map = {a: int(n) for a, n in zip(com, need, strict=True) if n > 0}
    # Present pairings matter where they touch a need or belong to a source over the limit.
    present: dict[str, set[str]] = defaultdict(set)
    some = p[p["area_id"].isin(need_map.keys()) | p["source_id"].isin(over)]
    for s, a in zip(some["source_id"], some["area_id"], strict=True):
        present[s].add(a)
    src_area = work.index.entity_area.reindex(sources)
    street = dict(zip(sources, map(work.street_of, src_area.to_numpy()), strict=True))
    street.update({a: work.street_of(a) for a in need_map})
    for areas in (present[o] for o in over):
        street.update({a: work.street_of(a) for a in areas})
    return PairingModel(
        max_pairings=max_p,
        need=need_map,
        capacity={s: int(c) for s, c in capacity.items()},
        over=over,
        present=present,
        street=street,
        same_cost=int(work.setting("same_street_cost")),
        other_cost=int(work.setting("other_street_cost")),
        min_pairings=min_p,
        sources=sorted(sources),
    )


def plan_pairings(work: Work) -> None:
    """Pairings for every community short of them, and relief for every overloaded source."""
    m = pairing_model(work)
    sol = solve_pairing(m)
    kind = work.setting("new_pairing_kind")
    short = set(work.findings.get(NEED_RULE, []))
    for source, area in sol.new:
        work.new_rows["pairings"].append({"source_id": source, "area_id": area, "kind": kind})
        done = sol.met.get(area, 0) >= m.need.get(area, 0)
        same = m.cost(source, area) == m.same_cost
        work.act(
            "new-pairing",
            [(NEED_RULE, area)] if area in short and done else [],
            [source, area],
            [],
            both(
                "{source} to pair with {area} ({kind})",
                source=work.name(source),
                area=work.name(area),
                kind=ZH[kind],
            ),
            both("a source in the same street, cost {cost}", cost=m.cost(source, area))
            if same
            else both(
                "no source in the same street has capacity left; cost {cost}",
                cost=m.cost(source, area),
            ),
            area,
        )
    overloaded = set(work.findings.get(LOAD_RULE, []))
    for o, areas in sol.dropped.items():
        if not areas:
            continue
        work.dropped_pairings.update((o, a) for a in areas)
        work.act(
            "drop-pairing",
            [(LOAD_RULE, o)] if o in overloaded else [],
            [o, *areas],
            [],
            both(
                "{source} to hand over its pairing with {areas}",
                source=work.name(o),
                areas="、".join(work.name(a) for a in areas),
            ),
            both(
                "it may carry at most {max} areas; it keeps {kept}",
                max=m.max_pairings,
                kept="、".join(work.name(a) for a in sol.kept[o]) or "—",
            ),
            work.index.entity_area.get(o),
        )
    for area, n in m.need.items():
        if sol.met.get(area, 0) < n:
            work.leave(
                NEED_RULE,
                area,
                both(
                    "no pairing source anywhere has capacity left (at most {max} areas each)",
                    max=m.max_pairings,
                ),
            )
    work.figures["pairing"] = {
        "cost": sol.cost,
        "optimal": sol.optimal,
        "unmet": sol.unmet,
        "new": len(sol.new),
        "dropped": sum(len(v) for v in sol.dropped.values()),
        "need": sum(m.need.values()),
        "sources": len(m.sources),
        "bound_cost": sol.model_cost,
    }
    work.model["pairing"] = (
        "maximum flow of minimum cost (networkx.max_flow_min_cost): sources = today's pairing "
        "sources + units of kind agency/institution/soe/school/hospital, each ending with at "
        f"most {m.max_pairings} distinct areas (a source over it keeps a subset chosen by the "
        "optimiser at cost 0; other present pairings stay); need = min_pairings distinct sources "
        f"per community/village; new pairing cost {m.same_cost} within the street, "
        f"{m.other_cost} otherwise; objective: most need met, then least cost; ties within a "
        "street (or across streets) go to the source with most capacity left, then smallest id"
    )

"""Pairings by minimum-cost flow: capacities, the cost rule, optimality against independent checks.

The plan's flow aggregates interchangeable sources into one node per street; these tests check
it against (a) a brute force over every choice on tiny cases and (b) an independent min-cost flow
with one arc per (source, area) pair, the issue's model written out directly.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import networkx as nx
import pytest
from helpers import dataset

from orggraph.audit import run_audit
from orggraph.config import AuditConfig
from orggraph.dataset import Dataset
from orggraph.plan import make_plan
from orggraph.plan.flow import PairingModel, solve_pairing
from orggraph.plan.pairing import pairing_model
from orggraph.plan.work import Work
from orggraph.schema import COMMUNITY_LEVELS

SOURCE_KINDS = ("agency", "institution", "soe", "school", "hospital")


def random_dataset(folder: Path, seed: int, streets: int, communities: int, units: int) -> Dataset:
    """Streets under one district, communities spread over them, agencies (some without an
    area, some at district level) and random pairings, some sources overloaded."""
    rng = random.Random(seed)
    areas = ["id,name,level,parent_id", "D,区,district,"]
    areas += [f"S{i},街道{i},street,D" for i in range(streets)]
    coms = [f"C{i}" for i in range(communities)]
    areas += [f"C{i},社区{i},community,S{rng.randrange(streets)}" for i in range(communities)]
    areas += [f"K{i},小区{i},compound,C{i}" for i in range(communities)]
    unit_rows = ["id,name,kind,area_id"]
    for i in range(units):
        place = rng.choice([*coms, "D", "", *[f"S{s}" for s in range(streets)]])
        unit_rows.append(f"U{i},单位{i},{rng.choice(SOURCE_KINDS)},{place}")
    pair_rows = ["source_id,area_id,kind"]
    for i in range(units):
        for _ in range(rng.choice([0, 0, 1, 2, 4, 5])):
            pair_rows.append(f"U{i},{rng.choice([*coms, 'K0'])},contract")
    return dataset(
        folder,
        areas="\n".join(areas) + "\n",
        units="\n".join(unit_rows) + "\n",
        pairings="\n".join(pair_rows) + "\n",
    )


def model_of(ds: Dataset, cfg: AuditConfig) -> PairingModel:
    return pairing_model(Work(ds, cfg, run_audit(ds, cfg, metrics=False)))


def explicit_optimum(m: PairingModel) -> tuple[int, int]:
    """(need met, cost) of the issue's model with one arc per (source, area): solved afresh."""
    g = nx.DiGraph()
    for s in m.sources:
        cap = m.max_pairings if s in m.over else m.capacity[s]
        g.add_edge("s", ("src", s), capacity=cap, weight=0)
        for a in m.need:
            if a in m.present[s]:
                if s in m.over:  # keeping a present pairing costs nothing
                    g.add_edge(("src", s), ("a", a), capacity=1, weight=0)
            else:
                g.add_edge(("src", s), ("a", a), capacity=1, weight=m.cost(s, a))
    for a, n in m.need.items():
        g.add_edge(("a", a), "t", capacity=n, weight=0)
    if not m.need:
        return 0, 0
    flow = nx.max_flow_min_cost(g, "s", "t")
    return sum(flow["s"].values()), int(nx.cost_of_flow(g, flow))


def brute_force(m: PairingModel, min_p: int) -> tuple[int, int]:
    """(need met, cost) by trying every set of new pairings and every kept subset."""
    areas = sorted(m.need)
    choices = []
    for s in m.sources:
        opts = []
        new_pool = [a for a in areas if a not in m.present[s]]
        keep_pool = sorted(m.present[s]) if s in m.over else []
        for k in range(len(keep_pool) + 1):
            for kept in itertools.combinations(keep_pool, k):
                for j in range(len(new_pool) + 1):
                    for new in itertools.combinations(new_pool, j):
                        # a source under the limit keeps its load: max minus what is left
                        base = len(kept) if s in m.over else m.max_pairings - m.capacity[s]
                        if base + len(new) <= m.max_pairings:
                            opts.append((s, kept, new))
        choices.append(opts)
    best = (-1, 0)
    for combo in itertools.product(*choices):
        count = {a: min_p - m.need[a] for a in areas}  # forced sources already there
        cost = 0
        for s, kept, new in combo:
            for a in (*kept, *new):
                if a in count:
                    count[a] += 1
            cost += sum(m.cost(s, a) for a in new)
        met = sum(min(count[a], min_p) - (min_p - m.need[a]) for a in areas)
        if (met, -cost) > (best[0], -best[1]):
            best = (met, cost)
    return best


@pytest.mark.parametrize("seed", range(8))
def test_cost_equals_brute_force_on_small_cases(tmp_path: Path, seed: int) -> None:
    # Three agencies, three communities in two streets: every plan can be enumerated.
    cfg = AuditConfig().overlay({"thresholds": {"max_pairings": 2, "min_pairings": 1 + seed % 2}})
    ds = random_dataset(tmp_path, seed, streets=2, communities=3, units=3)
    m = model_of(ds, cfg)
    sol = solve_pairing(m)
    met, cost = brute_force(m, 1 + seed % 2)
    assert (sum(m.need.values()) - sol.unmet, sol.cost) == (met, cost)
    assert sol.optimal


@pytest.mark.parametrize("seed", range(6))
def test_cost_equals_an_independent_min_cost_flow(tmp_path: Path, seed: int) -> None:
    # Larger: 40 sources, 25 communities in 4 streets; the explicit one-arc-per-pair flow is the
    # issue's model written out, solved separately.
    cfg = AuditConfig().overlay({"thresholds": {"min_pairings": 1 + seed % 3}})
    ds = random_dataset(tmp_path, 100 + seed, streets=4, communities=25, units=40)
    m = model_of(ds, cfg)
    sol = solve_pairing(m)
    met, cost = explicit_optimum(m)
    assert sum(m.need.values()) - sol.unmet == met
    assert sol.cost == cost
    assert sol.optimal


@pytest.mark.parametrize("seed", range(4))
def test_no_source_ends_above_the_limit_and_needs_are_met(tmp_path: Path, seed: int) -> None:
    # After applying the plan every source carries at most max_pairings distinct areas (compounds
    # included, as the audit counts), every present pairing of a source under the limit stays,
    # and each community reaches min_pairings unless the plan says the need is unmet.
    ds = random_dataset(tmp_path, 200 + seed, streets=3, communities=12, units=15)
    cfg = AuditConfig()
    result = make_plan(ds, cfg)
    after = result.applied.pairings.drop_duplicates(["source_id", "area_id"])
    load = after.groupby("source_id").size()
    assert (load <= cfg["max_pairings"]).all()
    before = ds.pairings.drop_duplicates(["source_id", "area_id"])
    under = before.groupby("source_id").size()
    kept_sources = under[under <= cfg["max_pairings"]].index
    keep = before[before["source_id"].isin(kept_sources)]
    merged = keep.merge(after, on=["source_id", "area_id"], how="left", indicator=True)
    assert (merged["_merge"] == "both").all()
    com = ds.areas[ds.areas["level"].isin(COMMUNITY_LEVELS)]["id"]
    count = after.groupby("area_id").size().reindex(com).fillna(0)
    short = int((cfg["min_pairings"] - count).clip(lower=0).sum())
    assert short == result.plan.figures["pairing"]["unmet"]


def test_same_street_is_cheaper_and_overloaded_keeps_the_needed_pairing(tmp_path: Path) -> None:
    # U1 (street S0) carries C0, C1, C2, C3: one over max 3.  C0 is paired only by U1; the plan
    # must keep U1-C0 (cost 0) and hand one of the others over.  C4 (street S1) has nobody:
    # U2 sits in S1 (cost 1), U3 in S0 (cost 2) -> U2 gets it, total cost 1.  C1..C3 are also
    # paired by U4, so U1 may drop any of them without opening a need.
    ds = dataset(
        tmp_path,
        areas="""\
id,name,level,parent_id
D,区,district,
S0,甲街道,street,D
S1,乙街道,street,D
C0,零社区,community,S0
C1,一社区,community,S0
C2,二社区,community,S0
C3,三社区,community,S0
C4,四社区,community,S1
""",
        units="""\
id,name,kind,area_id
U1,一局,agency,S0
U2,二局,agency,C4
U3,三局,agency,C0
U4,四局,agency,C1
""",
        pairings="""\
source_id,area_id,kind
U1,C0,contract
U1,C1,contract
U1,C2,contract
U1,C3,contract
U4,C1,contract
U4,C2,contract
U4,C3,contract
""",
    )
    result = make_plan(ds)
    fig = result.plan.figures["pairing"]
    assert (fig["cost"], fig["unmet"], fig["optimal"], fig["dropped"]) == (1, 0, True, 1)
    pairs = set(
        zip(result.applied.pairings["source_id"], result.applied.pairings["area_id"], strict=True)
    )
    assert ("U1", "C0") in pairs and ("U2", "C4") in pairs


def test_no_source_at_all_leaves_the_need_unmet(tmp_path: Path) -> None:
    # Two communities, nobody who could pair with them: the need (2) stays unmet, with a reason,
    # and nothing is invented.  min_pairings 2 takes the one-arc-per-pair path, 1 the other.
    areas = (
        "id,name,level,parent_id\nD,区,district,\nC1,一社区,community,D\nC2,二社区,community,D\n"
    )
    for need in (1, 2):
        cfg = AuditConfig().overlay({"thresholds": {"min_pairings": need}})
        result = make_plan(dataset(tmp_path / str(need), areas=areas), cfg)
        assert result.plan.figures["pairing"]["unmet"] == 2 * need
        assert result.plan.figures["pairing"]["optimal"] is True
        left = {u.subject_id for u in result.plan.unresolved if u.rule == "unpaired-community"}
        assert left == {"C1", "C2"}
        assert len(result.applied.pairings) == 0


@pytest.mark.parametrize("seed", range(6))
def test_cut_down_arcs_keep_the_optimum(tmp_path: Path, seed: int) -> None:
    # 90 sources but little need: the cross-street arcs are cut to the N + min_pairings roomiest
    # sources (N the total need), and the optimum still equals the full network's.
    from orggraph.plan.flow import pair_arcs

    cfg = AuditConfig().overlay({"thresholds": {"min_pairings": 2 + seed % 2}})
    ds = random_dataset(tmp_path, 300 + seed, streets=5, communities=8, units=90)
    m = model_of(ds, cfg)
    cross = {s for s, a, c in pair_arcs(m) if c == m.other_cost}
    assert len(cross) <= sum(m.need.values()) + m.min_pairings < len(m.sources)
    sol = solve_pairing(m)
    assert (sum(m.need.values()) - sol.unmet, sol.cost) == explicit_optimum(m)
    assert sol.optimal

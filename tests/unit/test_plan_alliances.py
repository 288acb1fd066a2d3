"""Alliance single points: the block–cut bound holds, the ring stand-in is exact, the plan works.

Brute force on small random alliance networks: the fewest new memberships that leave no single
point, found by trying every set of (member, alliance) pairs, is never below the bound; the
plan's own memberships remove every single point, and never number fewer than that minimum.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from helpers import dataset

from orggraph.audit import run_audit
from orggraph.plan import make_plan
from orggraph.plan.alliances import block_cut_bound, ring_network


def random_memberships(seed: int) -> pd.DataFrame:
    rng = random.Random(seed)
    members = [f"M{i}" for i in range(rng.randint(4, 7))]
    rows = []
    for a in range(rng.randint(2, 4)):
        for m in rng.sample(members, rng.randint(2, 3)):
            rows.append((f"A{a}", m))
    return pd.DataFrame(rows, columns=["alliance_id", "member_id"]).drop_duplicates()


def clique_points(mem: pd.DataFrame) -> set[str]:
    """Single points by the definition: members linked when they share an alliance."""
    g = nx.Graph()
    for _, ms in mem.groupby("alliance_id")["member_id"]:
        g.add_edges_from(itertools.combinations(sorted(set(ms)), 2))
    return set(nx.articulation_points(g))


def fewest_memberships(mem: pd.DataFrame, up_to: int) -> int | None:
    """The fewest added (member, alliance) pairs that leave no single point (None: > up_to)."""
    present = set(zip(mem["alliance_id"], mem["member_id"], strict=True))
    members = sorted(set(mem["member_id"]))
    alliances = sorted(set(mem["alliance_id"]))
    pairs = [(a, m) for a in alliances for m in members if (a, m) not in present]
    for k in range(up_to + 1):
        for extra in itertools.combinations(pairs, k):
            more = pd.DataFrame(list(extra), columns=["alliance_id", "member_id"])
            if not clique_points(pd.concat([mem, more])):
                return k
    return None


@pytest.mark.parametrize("seed", range(25))
def test_block_cut_bound_never_exceeds_the_true_minimum(seed: int) -> None:
    mem = random_memberships(seed)
    g, _ = ring_network(mem)
    # The ring stand-in has exactly the single points of the clique network.
    assert set(nx.articulation_points(g)) == clique_points(mem)
    bound, _ = block_cut_bound(g)
    best = fewest_memberships(mem, bound)
    # best is None when even `bound` memberships cannot do it: the bound holds all the more.
    assert best is None or best >= bound
    if not clique_points(mem):
        assert bound == 0


def _dataset_from(folder: Path, mem: pd.DataFrame):  # type: ignore[no-untyped-def]
    members = sorted(set(mem["member_id"]))
    orgs = "id,name,type,parent_id,area_id\nO0,区委,committee,,D\n" + "".join(
        f"{m},{m}党委,committee,O0,\n" for m in members
    )
    alliances = "id,name,kind\n" + "".join(
        f"{a},{a}联盟,industry\n" for a in sorted(set(mem["alliance_id"]))
    )
    rows = "alliance_id,member_id\n" + "".join(
        f"{a},{m}\n" for a, m in zip(mem["alliance_id"], mem["member_id"], strict=True)
    )
    return dataset(folder, orgs=orgs, alliances=alliances, alliance_members=rows)


@pytest.mark.parametrize("seed", range(12))
def test_plan_removes_every_single_point(tmp_path: Path, seed: int) -> None:
    mem = random_memberships(seed)
    ds = _dataset_from(tmp_path, mem)
    result = make_plan(ds)
    after = run_audit(result.applied)
    assert not [f for f in after.findings if f.rule == "alliance-single-point"]
    fig = result.plan.figures.get("alliance_single_points")
    if clique_points(mem):
        assert fig is not None and fig["memberships"] >= fig["lower_bound"]
        best = fewest_memberships(mem, fig["memberships"])
        assert best is not None and best <= fig["memberships"]
        assert fig["optimal"] == (fig["memberships"] == fig["lower_bound"])

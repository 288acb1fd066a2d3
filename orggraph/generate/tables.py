"""The tables of a synthetic dataset: areas and orgs here, units and links in their modules."""

from __future__ import annotations

import numpy as np
import pandas as pd

from orggraph.generate.links import alliances, pairings_and_sites, plant_org_gaps
from orggraph.generate.parts import (
    WORDS,
    Ids,
    blank,
    finish,
    num,
    pick,
    rank,
    some,
    spread,
)
from orggraph.generate.units import units_and_coverage
from orggraph.schema import TABLES

NODES_PER_COMMUNITY = 45.0  # calibrated: nodes generated per community, all tables together
COMMUNITIES_PER_STREET = 9
STREETS_PER_DISTRICT = 14

_QUALIFIERS = np.array(["", "", "", "东", "西", "南", "北", "新", "中"], dtype=object)
_COMPOUND_SUFFIX = np.array(
    ["花园", "小区", "苑", "家园", "新村", "公馆", "雅居", "华府", "名都", "嘉园"], dtype=object
)


def build_tables(nodes: int, seed: int) -> dict[str, pd.DataFrame]:
    """The synthetic dataset as contract-shaped frames (see :func:`generate`)."""
    rng = np.random.default_rng([int(seed), int(nodes)])
    n_comm = max(1, round(nodes / NODES_PER_COMMUNITY))
    n_street = max(1, min(n_comm, round(n_comm / COMMUNITIES_PER_STREET)))
    n_dist = max(1, min(n_street, round(n_street / STREETS_PER_DISTRICT)))
    aid, oid, uid, lid, sid = Ids("A"), Ids("O"), Ids("U"), Ids("L"), Ids("S")
    t: dict[str, list[pd.DataFrame]] = {x.name: [] for x in TABLES}

    # ---- areas -------------------------------------------------------------------------------
    street_dist = spread(rng, n_dist, n_street)
    comm_street = spread(rng, n_street, n_comm)
    comm_dist = street_dist[comm_street]
    is_town = rng.random(n_street) < 0.3
    is_village = is_town[comm_street] & (rng.random(n_comm) < 0.85)
    n_comp = np.where(is_village, rng.poisson(0.5, n_comm), rng.poisson(3.5, n_comm))
    comp_comm = np.repeat(np.arange(n_comm), n_comp)
    grid_comm = np.repeat(np.arange(n_comm), 1 + rng.poisson(np.where(is_village, 2.5, 5.0)))
    bld_comp = np.repeat(np.arange(len(comp_comm)), 1 + rng.poisson(2.0, len(comp_comm)))
    a_dist, a_street, a_comm = aid.take(n_dist), aid.take(n_street), aid.take(n_comm)
    a_comp, a_grid, a_bld = (
        aid.take(len(comp_comm)),
        aid.take(len(grid_comm)),
        aid.take(len(bld_comp)),
    )

    dist_name = pick(rng, WORDS, n_dist) + "区"
    street_name = pick(rng, WORDS, n_street) + np.where(is_town, "镇", "街道")
    comm_name = (
        pick(rng, WORDS, n_comm)
        + pick(rng, _QUALIFIERS, n_comm)
        + np.where(is_village, "村", "社区")
    )
    comp_name = pick(rng, WORDS, len(comp_comm)) + pick(rng, _COMPOUND_SUFFIX, len(comp_comm))
    grid_name = comm_name.to_numpy()[grid_comm] + "第" + num(rank(grid_comm) + 1) + "网格"
    bld_name = comp_name.to_numpy()[bld_comp] + num(rank(bld_comp) + 1) + "栋"
    lat0, lon0 = rng.uniform(22, 40, n_dist), rng.uniform(100, 120, n_dist)
    c_lat = lat0[comm_dist] + rng.normal(0, 0.05, n_comm)
    c_lon = lon0[comm_dist] + rng.normal(0, 0.05, n_comm)

    def areas(idx, name, level, parent, hh, pop_factor, lat=None, lon=None):
        n = len(idx)
        hh = blank(rng, hh, 0.08)
        return pd.DataFrame(
            {
                "id": aid.ids(idx),
                "name": name,
                "level": level,
                "parent_id": aid.ids(parent),
                "households": hh,
                "population": np.round(hh * pop_factor),
                "lat": np.round(lat, 6) if lat is not None else np.full(n, np.nan),
                "lon": np.round(lon, 6) if lon is not None else np.full(n, np.nan),
            }
        )

    t["areas"] += [
        areas(
            a_dist,
            dist_name,
            "district",
            np.full(n_dist, -1),
            rng.integers(80_000, 300_000, n_dist),
            2.9,
            lat0,
            lon0,
        ),
        areas(
            a_street,
            street_name,
            np.where(is_town, "town", "street"),
            a_dist[street_dist],
            rng.integers(8_000, 40_000, n_street),
            2.9,
        ),
        areas(
            a_comm,
            comm_name,
            np.where(is_village, "village", "community"),
            a_street[comm_street],
            rng.integers(600, 6_000, n_comm),
            2.8,
            c_lat,
            c_lon,
        ),
        areas(
            a_comp,
            comp_name,
            "compound",
            a_comm[comp_comm],
            rng.integers(80, 1_500, len(a_comp)),
            2.7,
            c_lat[comp_comm] + rng.normal(0, 0.005, len(a_comp)),
            c_lon[comp_comm] + rng.normal(0, 0.005, len(a_comp)),
        ),
        areas(
            a_grid, grid_name, "grid", a_comm[grid_comm], rng.integers(150, 600, len(a_grid)), 2.8
        ),
        areas(
            a_bld, bld_name, "building", a_comp[bld_comp], rng.integers(12, 200, len(a_bld)), 2.8
        ),
    ]

    # ---- orgs of the territorial chain ----------------------------------------------------------
    o_dist, o_street = oid.take(n_dist), oid.take(n_street)
    uncovered_comm = np.zeros(n_comm, bool)
    uncovered_comm[some(rng, np.arange(n_comm), 0.006, at_least=1 if n_comm >= 8 else 0)] = True
    covered = np.flatnonzero(~uncovered_comm)
    comm_org = np.full(n_comm, -1)
    comm_org[covered] = oid.take(len(covered))
    comm_boss = np.where(comm_org >= 0, comm_org, o_street[comm_street])  # who children report to
    comp_cov = np.flatnonzero(rng.random(len(a_comp)) < 0.93)
    comp_org = np.full(len(a_comp), -1)
    comp_org[comp_cov] = oid.take(len(comp_cov))
    grid_cov = np.flatnonzero(rng.random(len(a_grid)) < 0.95)
    o_grid = oid.take(len(grid_cov))
    bld_grp = np.flatnonzero((rng.random(len(a_bld)) < 0.3) & (comp_org[bld_comp] >= 0))
    o_bld = oid.take(len(bld_grp))

    comm_type = np.where(rng.random(len(covered)) < 0.78, "committee", "general_branch")
    comm_members = np.where(
        comm_type == "committee",
        rng.integers(80, 420, len(covered)),
        rng.integers(30, 96, len(covered)),
    )
    comp_type = np.where(rng.random(len(comp_cov)) < 0.9, "branch", "joint_branch")
    t["orgs"] += [
        pd.DataFrame(
            {
                "id": oid.ids(o_dist),
                "name": dist_name + "委员会",
                "type": "committee",
                "parent_id": None,
                "area_id": aid.ids(a_dist),
                "unit_id": None,
                "members": rng.integers(3_000, 20_000, n_dist).astype(float),
            }
        ),
        pd.DataFrame(
            {
                "id": oid.ids(o_street),
                "name": street_name + np.where(is_town, "党委", "党工委"),
                "type": np.where(is_town, "committee", "working_committee"),
                "parent_id": oid.ids(o_dist[street_dist]),
                "area_id": aid.ids(a_street),
                "unit_id": None,
                "members": rng.integers(300, 2_500, n_street).astype(float),
            }
        ),
        pd.DataFrame(
            {
                "id": oid.ids(comm_org[covered]),
                "name": comm_name.to_numpy()[covered]
                + np.where(comm_type == "committee", "党委", "党总支"),
                "type": comm_type,
                "parent_id": oid.ids(o_street[comm_street[covered]]),
                "area_id": aid.ids(a_comm[covered]),
                "unit_id": None,
                "members": comm_members.astype(float),
            }
        ),
        pd.DataFrame(
            {
                "id": oid.ids(comp_org[comp_cov]),
                "name": comp_name.to_numpy()[comp_cov]
                + np.where(comp_type == "branch", "党支部", "联合党支部"),
                "type": comp_type,
                "parent_id": oid.ids(comm_boss[comp_comm[comp_cov]]),
                "area_id": aid.ids(a_comp[comp_cov]),
                "unit_id": None,
                "members": rng.integers(3, 46, len(comp_cov)).astype(float),
            }
        ),
        pd.DataFrame(
            {
                "id": oid.ids(o_grid),
                "name": grid_name.to_numpy()[grid_cov] + "党支部",
                "type": "branch",
                "parent_id": oid.ids(comm_boss[grid_comm[grid_cov]]),
                "area_id": aid.ids(a_grid[grid_cov]),
                "unit_id": None,
                "members": rng.integers(3, 36, len(grid_cov)).astype(float),
            }
        ),
        pd.DataFrame(
            {
                "id": oid.ids(o_bld),
                "name": bld_name.to_numpy()[bld_grp] + "党小组",
                "type": "group",
                "parent_id": oid.ids(comp_org[bld_comp[bld_grp]]),
                "area_id": aid.ids(a_bld[bld_grp]),
                "unit_id": None,
                "members": rng.integers(3, 15, len(bld_grp)).astype(float),
            }
        ),
    ]

    ctx = {
        "n_dist": n_dist,
        "n_street": n_street,
        "n_comm": n_comm,
        "comm_street": comm_street,
        "street_dist": street_dist,
        "comm_dist": comm_dist,
        "comm_org": comm_org,
        "o_dist": o_dist,
        "o_street": o_street,
        "a_dist": a_dist,
        "a_street": a_street,
        "a_comm": a_comm,
        "a_comp": a_comp,
        "a_grid": a_grid,
        "comp_comm": comp_comm,
        "n_comp": n_comp,
        "grid_comm": grid_comm,
        "is_village": is_village,
        "dist_name": dist_name.to_numpy(),
        "street_name": street_name.to_numpy(),
        "comm_name": comm_name.to_numpy(),
        "comp_name": comp_name.to_numpy(),
        "grid_name": grid_name.to_numpy(),
        "comm_boss": comm_boss,
    }
    units_and_coverage(rng, t, ctx, aid, oid, uid)
    orgs = pd.concat(t["orgs"], ignore_index=True)
    plant_org_gaps(rng, orgs, o_grid, o_bld)
    t["orgs"] = [orgs]
    alliances(rng, t, ctx, aid, oid, uid, lid)
    pairings_and_sites(rng, t, ctx, aid, uid, sid)
    return finish(t)

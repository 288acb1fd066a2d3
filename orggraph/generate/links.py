"""Alliances, pairings, service sites and planted chain/size gaps for :mod:`orggraph.generate`."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from orggraph.generate.parts import (
    KIND_CODE,
    PAIRING_KINDS,
    PAIRING_SOURCE_KINDS,
    WORDS,
    Ids,
    blank,
    num,
    pick,
    rank,
    some,
)


def plant_org_gaps(
    rng: np.random.Generator, orgs: pd.DataFrame, o_grid: np.ndarray, o_bld: np.ndarray
) -> None:
    """Unknown and odd member counts, orphan grid branches and loops of building groups.

    Orphans and loops are taken from orgs nobody reports to (grid branches, building groups),
    so no other org's chain runs through them.  ``orgs`` row ``i`` is org ``O{i}``.
    """
    n = len(orgs)
    members = orgs["members"].to_numpy(dtype=np.float64).copy()
    parent = orgs["parent_id"].to_numpy(dtype=object).copy()
    typ = orgs["type"].to_numpy(dtype=object)
    members[some(rng, np.arange(n), 0.03, 0)] = np.nan
    branches = np.flatnonzero(np.isin(typ, ("branch", "joint_branch", "temporary_branch")))
    tiny, big = np.array_split(some(rng, branches, 0.012, 2), 2)
    members[tiny] = rng.integers(1, 3, len(tiny))
    members[big] = rng.integers(51, 81, len(big))
    general = np.flatnonzero(typ == "general_branch")
    huge = some(rng, general, 0.02, 1)
    members[huge] = rng.integers(101, 141, len(huge))
    parent[some(rng, o_grid, 0.003, 1 if len(o_grid) >= 20 else 0)] = None
    n_loops = min(len(o_bld) // 5, max(1, len(o_bld) // 1200))
    if n_loops:
        length = 2 + np.arange(n_loops) % 2
        picks = rng.choice(o_bld, int(length.sum()), replace=False)
        start = np.repeat(np.cumsum(length) - length, length)
        pos = np.arange(len(picks))
        nxt = start + (pos - start + 1) % np.repeat(length, length)
        parent[picks] = ("O" + num(picks[nxt])).to_numpy()
    orgs["members"] = members
    orgs["parent_id"] = parent


def _member_rows(alliance: np.ndarray, member: pd.Series, role: Any) -> pd.DataFrame:
    return pd.DataFrame({"alliance_id": alliance, "member_id": member.to_numpy(), "role": role})


def alliances(
    rng: np.random.Generator,
    t: dict[str, list[pd.DataFrame]],
    c: dict[str, Any],
    aid: Ids,
    oid: Ids,
    uid: Ids,
    lid: Ids,
) -> None:
    """Street 大工委, community 大党委, regional and industry alliances, with members."""
    n_dist, n_street = c["n_dist"], c["n_street"]
    kind, u_dist, u_comm, u_idx = c["kind"], c["u_dist"], c["u_comm"], c["u_idx"]
    comm_org, comm_street, comm_dist = c["comm_org"], c["comm_street"], c["comm_dist"]
    rows: list[pd.DataFrame] = []
    members: list[pd.DataFrame] = []

    # street 大工委: led by the street org, community orgs as members, agencies as 兼职委员
    l_street = lid.take(n_street)
    rows.append(
        pd.DataFrame(
            {
                "id": lid.ids(l_street),
                "name": c["street_name"] + "大工委",
                "kind": "big_committee",
                "lead_org_id": oid.ids(c["o_street"]),
                "area_id": aid.ids(c["a_street"]),
            }
        )
    )
    cov = np.flatnonzero((comm_org >= 0) & (rng.random(len(comm_org)) < 0.95))
    members.append(
        _member_rows(
            lid.ids(l_street[comm_street[cov]]).to_numpy(), oid.ids(comm_org[cov]), "member"
        )
    )
    agencies = np.flatnonzero((kind == KIND_CODE["agency"]) & (u_comm < 0))
    a_start = np.searchsorted(u_dist[agencies], np.arange(n_dist))
    a_count = np.searchsorted(u_dist[agencies], np.arange(n_dist), side="right") - a_start
    sd = np.repeat(np.arange(n_street), 2)
    d = c["street_dist"][sd]
    pt = agencies[a_start[d] + rng.integers(0, 1 << 30, len(sd)) % np.maximum(a_count[d], 1)]
    ok = a_count[d] > 0
    members.append(
        _member_rows(
            lid.ids(l_street[sd[ok]]).to_numpy(), uid.ids(u_idx[pt[ok]]), "part_time_member"
        )
    )

    # community 大党委 for about a third of covered communities, with units of the community
    big = np.flatnonzero((comm_org >= 0) & (rng.random(len(comm_org)) < 0.3))
    l_big = lid.take(len(big))
    rows.append(
        pd.DataFrame(
            {
                "id": lid.ids(l_big),
                "name": c["comm_name"][big] + "大党委",
                "kind": "big_committee",
                "lead_org_id": oid.ids(comm_org[big]),
                "area_id": aid.ids(c["a_comm"][big]),
            }
        )
    )
    by_comm = np.argsort(u_comm, kind="stable")
    sorted_comm = u_comm[by_comm]
    b = np.repeat(np.arange(len(big)), 2)
    cs = np.searchsorted(sorted_comm, big[b])
    cn = np.searchsorted(sorted_comm, big[b], side="right") - cs
    ok = cn > 0
    pick_u = by_comm[(cs + rng.integers(0, 1 << 30, len(b)) % np.maximum(cn, 1))[ok]]
    members.append(
        _member_rows(lid.ids(l_big[b[ok]]).to_numpy(), uid.ids(u_idx[pick_u]), "part_time_member")
    )

    # regional alliances: about one per 15 communities of a district, led by the district
    per_dist = np.bincount(comm_dist, minlength=n_dist)
    n_reg = np.maximum(1, per_dist // 15)
    reg_base = np.cumsum(n_reg) - n_reg
    l_reg = lid.take(int(n_reg.sum()))
    reg_dist = np.repeat(np.arange(n_dist), n_reg)
    rows.append(
        pd.DataFrame(
            {
                "id": lid.ids(l_reg),
                "name": c["dist_name"][reg_dist] + pick(rng, WORDS, len(l_reg)) + "片区党建联盟",
                "kind": "regional",
                "lead_org_id": oid.ids(c["o_dist"][reg_dist]),
                "area_id": aid.ids(c["a_dist"][reg_dist]),
            }
        )
    )
    join = np.flatnonzero((comm_org >= 0) & (rng.random(len(comm_org)) < 0.15))
    r = reg_base[comm_dist[join]] + rng.integers(0, 1 << 30, len(join)) % n_reg[comm_dist[join]]
    members.append(_member_rows(lid.ids(l_reg[r]).to_numpy(), oid.ids(comm_org[join]), "member"))

    # industry alliances per district: red property, non-public enterprises, schools/hospitals
    l_ind = lid.take(3 * n_dist)
    ind_dist = np.repeat(np.arange(n_dist), 3)
    topic = np.tile(
        np.array(["红色物业党建联盟", "非公企业党建联盟", "教卫系统党建联盟"], dtype=object), n_dist
    )
    rows.append(
        pd.DataFrame(
            {
                "id": lid.ids(l_ind),
                "name": c["dist_name"][ind_dist] + topic,
                "kind": "industry",
                "lead_org_id": oid.ids(c["o_dist"][ind_dist]),
                "area_id": aid.ids(
                    np.where(rng.random(len(l_ind)) < 0.5, c["a_dist"][ind_dist], -1)
                ),
            }
        )
    )
    theme = np.select(
        [
            kind == KIND_CODE["property_company"],
            kind == KIND_CODE["enterprise"],
            np.isin(kind, [KIND_CODE["school"], KIND_CODE["hospital"]]),
        ],
        [0, 1, 2],
        -1,
    )
    pick_i = np.flatnonzero(
        (theme >= 0) & (rng.random(len(kind)) < np.array([0.35, 0.1, 0.5])[theme])
    )
    members.append(
        _member_rows(
            lid.ids(l_ind[3 * u_dist[pick_i] + theme[pick_i]]).to_numpy(),
            uid.ids(u_idx[pick_i]),
            "member",
        )
    )

    table = pd.concat(rows, ignore_index=True)
    leads = table.loc[rng.random(len(table)) >= 0.03]  # a few leads are not listed (still members)
    members.insert(
        0,
        pd.DataFrame(
            {
                "alliance_id": leads["id"].to_numpy(),
                "member_id": leads["lead_org_id"].to_numpy(),
                "role": "lead",
            }
        ),
    )
    m = pd.concat(members, ignore_index=True).drop_duplicates(["alliance_id", "member_id"])
    m["role"] = m["role"].where(~((m["role"] == "member") & (rng.random(len(m)) < 0.1)), None)
    t["alliances"].append(table)
    t["alliance_members"].append(m)
    _ = comm_street


def pairings_and_sites(
    rng: np.random.Generator,
    t: dict[str, list[pd.DataFrame]],
    c: dict[str, Any],
    aid: Ids,
    uid: Ids,
    sid: Ids,
) -> None:
    """双报到 and other pairings from agencies and institutions; the service-site network."""
    n_comm, comm_dist, kind, u_dist = c["n_comm"], c["comm_dist"], c["kind"], c["u_dist"]
    a_comm, a_comp, comp_comm, n_comp = c["a_comm"], c["a_comp"], c["comp_comm"], c["n_comp"]
    src = np.flatnonzero(np.isin(kind, PAIRING_SOURCE_KINDS))
    load = rng.choice([1, 2, 3], len(src), p=[0.45, 0.35, 0.2])
    over = some(rng, np.arange(len(src)), 0.025, 1 if len(src) >= 20 else 0)
    load[over] = 4 + rng.poisson(1.5, len(over))
    slot_src = np.repeat(src, load)  # units are grouped by district, so slots are too
    slot_d = u_dist[slot_src]
    comm_order = np.argsort(comm_dist + rng.random(n_comm), kind="stable")
    start = np.searchsorted(comm_dist, slot_d)
    count = np.bincount(comm_dist, minlength=c["n_dist"])[slot_d]
    comm = comm_order[start + rank(slot_d) % np.maximum(count, 1)]
    keep = count > 0
    unpaired = some(rng, np.arange(n_comm), 0.02, 1 if n_comm >= 8 else 0)
    keep &= ~np.isin(comm, unpaired)
    slot_src, comm = slot_src[keep], comm[keep]
    area = a_comm[comm]
    to_comp = (rng.random(len(comm)) < 0.04) & (n_comp[comm] > 0)
    first = np.searchsorted(comp_comm, comm)
    which = first + rng.integers(0, 1 << 30, len(comm)) % np.maximum(n_comp[comm], 1)
    if len(a_comp):  # a tiny dataset may have no compound at all
        area = np.where(to_comp, a_comp[np.minimum(which, len(a_comp) - 1)], area)
    n = len(area)
    pk = PAIRING_KINDS[rng.choice(4, n, p=[0.72, 0.1, 0.1, 0.08])]
    reported = np.where(pk == "dual_report", rng.integers(2, 60, n), np.nan)
    days = rng.integers(0, 2400, n).astype("timedelta64[D]")
    since = pd.Series(np.datetime_as_string(np.datetime64("2018-01-01") + days), dtype=object)
    p = pd.DataFrame(
        {
            "source_id": uid.ids(c["u_idx"][slot_src]).to_numpy(),
            "area_id": aid.ids(area),
            "kind": pk,
            "members_reported": blank(rng, reported, 0.08),
            "since": since.where(rng.random(n) >= 0.1, None),
        }
    )
    t["pairings"].append(p.drop_duplicates(["source_id", "area_id", "kind"]))

    sites: list[pd.DataFrame] = []

    def add(
        area_idx: np.ndarray,
        names: Any,
        level: str,
        lo: int,
        hi: int,
        small: float = 0.0,
        small_lo: int = 0,
    ) -> None:
        k = len(area_idx)
        m2 = rng.integers(lo, hi, k).astype(np.float64)
        low = rng.random(k) < small
        m2[low] = rng.integers(small_lo, lo, int(low.sum()))
        sites.append(
            pd.DataFrame(
                {
                    "id": sid.ids(sid.take(k)),
                    "name": names,
                    "level": level,
                    "area_id": aid.ids(area_idx),
                    "floor_area_m2": blank(rng, m2, 0.04),
                }
            )
        )

    add(c["a_dist"], c["dist_name"] + "党群服务中心", "district_center", 1500, 4000)
    add(c["a_street"], c["street_name"] + "党群服务中心", "street_center", 500, 2000)
    has = np.flatnonzero(rng.random(n_comm) >= 0.03)
    add(
        a_comm[has], c["comm_name"][has] + "党群服务中心", "community_center", 1000, 2600, 0.12, 450
    )
    cc = np.flatnonzero(rng.random(len(a_comp)) < 0.2)
    add(a_comp[cc], c["comp_name"][cc] + "党群服务中心", "compound_center", 500, 1500, 0.1, 150)
    vg = np.flatnonzero(c["is_village"])
    add(a_comm[vg], c["comm_name"][vg] + "经济社党群服务站", "station", 60, 300)
    gs = np.flatnonzero(rng.random(len(c["a_grid"])) < 0.08)
    add(c["a_grid"][gs], c["grid_name"][gs] + "党群服务站", "station", 40, 200)
    add(c["a_street"], c["street_name"] + "党员驿站", "post", 20, 120)
    t["sites"] += sites

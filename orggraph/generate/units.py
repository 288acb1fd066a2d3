"""Units of every kind, their own orgs (单建) and joint/instructor coverage (for
:mod:`orggraph.generate`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from orggraph.generate.parts import KIND_CODE, KINDS, WORDS, Ids, blank, pick, rank

_UNIT_WORD = {
    "agency": (
        [
            "区委办公室",
            "区住建局",
            "区民政局",
            "区城管局",
            "区卫健局",
            "区教育局",
            "区财政局",
            "区司法局",
            "区人社局",
            "区市场监管局",
            "区发改局",
            "街道办事处",
        ]
    ),
    "institution": ["区图书馆", "区文化馆", "区疾控中心", "区不动产登记中心", "区社保中心"],
    "soe": ["供电公司", "城投集团", "水务公司", "燃气公司", "公交公司"],
    "enterprise": [
        "商贸有限公司",
        "科技有限公司",
        "餐饮店",
        "建材公司",
        "物流公司",
        "超市",
        "电子厂",
        "服装厂",
        "农贸市场管理公司",
    ],
    "social_org": ["志愿者协会", "社工服务中心", "老年协会", "商会", "义工联合会"],
    "property_company": ["物业服务有限公司", "物业管理公司"],
    "owners_committee": ["业主委员会"],
    "school": ["小学", "中学", "幼儿园"],
    "hospital": ["社区卫生服务中心", "人民医院", "中医院"],
    "other": ["个体工商户联合会", "专业合作社"],
}
# Per kind (in KINDS order): chance of three or more Party members, geometric parameter above
# three, mean units per community (agencies are added per street and per district instead).
_P_THREE = np.array([1.0, 0.9, 1.0, 0.22, 0.1, 0.25, 0.1, 0.95, 1.0, 0.15])
_P_GEOM = np.array([0.04, 0.08, 0.02, 0.12, 0.3, 0.3, 0.5, 0.08, 0.03, 0.4])
_PER_COMMUNITY = {
    "enterprise": 6.0,
    "social_org": 1.5,
    "institution": 0.5,
    "school": 0.5,
    "hospital": 0.12,
    "soe": 0.25,
    "other": 0.3,
}
_TWO_NEW = np.array(
    [KIND_CODE[k] for k in ("enterprise", "social_org", "property_company", "owners_committee")]
)


def units_and_coverage(
    rng: np.random.Generator,
    t: dict[str, list[pd.DataFrame]],
    ctx: dict[str, Any],
    aid: Ids,
    oid: Ids,
    uid: Ids,
) -> None:
    """Units per community, street and district; single-build orgs; coverage of small two-new
    units.  Adds ``kind u_idx u_dist u_comm own_u o_unit`` to ``ctx``."""
    (
        n_comm,
        is_village,
        n_comp,
        comp_comm,
        a_comm,
        a_comp,
        comm_dist,
        n_street,
        n_dist,
        a_street,
        a_dist,
        street_dist,
        comm_boss,
        o_dist,
        o_street,
        comm_street,
        comm_name,
    ) = (
        ctx["n_comm"],
        ctx["is_village"],
        ctx["n_comp"],
        ctx["comp_comm"],
        ctx["a_comm"],
        ctx["a_comp"],
        ctx["comm_dist"],
        ctx["n_street"],
        ctx["n_dist"],
        ctx["a_street"],
        ctx["a_dist"],
        ctx["street_dist"],
        ctx["comm_boss"],
        ctx["o_dist"],
        ctx["o_street"],
        ctx["comm_street"],
        ctx["comm_name"],
    )
    per_comm = {
        k: rng.poisson(m * np.where(is_village, 0.6, 1.0)) for k, m in _PER_COMMUNITY.items()
    }
    per_comm["property_company"] = rng.binomial(n_comp, 0.6)
    per_comm["owners_committee"] = rng.binomial(n_comp, 0.4)
    kind_parts, area_parts, dist_parts, comm_parts = [], [], [], []
    for k, counts in per_comm.items():
        c = np.repeat(np.arange(n_comm), counts)
        area = a_comm[c]
        if k in ("property_company", "owners_committee"):  # sits in one of its compounds
            first = np.searchsorted(comp_comm, c)
            area = a_comp[np.minimum(first + rank(c) % np.maximum(n_comp[c], 1), len(a_comp) - 1)]
        kind_parts.append(np.full(len(c), KIND_CODE[k]))
        area_parts.append(area)
        dist_parts.append(comm_dist[c])
        comm_parts.append(c)
    s_ag = np.repeat(np.arange(n_street), 2 + rng.poisson(1.5, n_street))
    d_ag = np.repeat(np.arange(n_dist), 12 + rng.poisson(8, n_dist))
    kind_parts += [np.zeros(len(s_ag), int), np.zeros(len(d_ag), int)]
    area_parts += [a_street[s_ag], a_dist[d_ag]]
    dist_parts += [street_dist[s_ag], d_ag]
    comm_parts += [np.full(len(s_ag) + len(d_ag), -1)]
    kind = np.concatenate(kind_parts)
    order = np.argsort(np.concatenate(dist_parts), kind="stable")  # units grouped by district
    kind, u_area = kind[order], np.concatenate(area_parts)[order]
    u_dist, u_comm = np.concatenate(dist_parts)[order], np.concatenate(comm_parts)[order]
    n_unit = len(kind)
    u_idx = uid.take(n_unit)
    three = rng.random(n_unit) < _P_THREE[kind]
    pm = np.where(three, 2 + rng.geometric(_P_GEOM[kind]), rng.integers(0, 3, n_unit))
    pm = blank(rng, pm, 0.02)
    employees = blank(
        rng, np.maximum(pm * rng.integers(3, 30, n_unit), rng.integers(3, 60, n_unit)), 0.12
    )
    words = {k: np.array(v, dtype=object) for k, v in _UNIT_WORD.items()}
    uname = pd.Series(np.empty(n_unit, dtype=object))
    for k, i in KIND_CODE.items():
        m = kind == i
        uname[m] = (pick(rng, WORDS, int(m.sum())) + pick(rng, words[k], int(m.sum()))).to_numpy()
    area_ids = aid.ids(u_area).where(rng.random(n_unit) >= 0.01, None)
    t["units"].append(
        pd.DataFrame(
            {
                "id": uid.ids(u_idx),
                "name": uname,
                "kind": np.array(KINDS, dtype=object)[kind],
                "area_id": area_ids,
                "employees": employees,
                "party_members": pm,
            }
        )
    )

    two_new = np.isin(kind, _TWO_NEW)
    own = (pm >= 3) & (rng.random(n_unit) >= np.where(two_new, 0.04, 0.01))
    own_u = np.flatnonzero(own)
    o_unit = oid.take(len(own_u))
    m_own = pm[own_u]
    unit_type = np.select([m_own > 100, m_own > 50], ["committee", "general_branch"], "branch")
    territorial = np.isin(kind[own_u], np.append(_TWO_NEW, KIND_CODE["other"]))
    boss = np.where(
        territorial & (u_comm[own_u] >= 0),
        comm_boss[np.maximum(u_comm[own_u], 0)],
        o_dist[u_dist[own_u]],
    )
    t["orgs"].append(
        pd.DataFrame(
            {
                "id": oid.ids(o_unit),
                "name": uname.to_numpy()[own_u]
                + np.select(
                    [unit_type == "committee", unit_type == "general_branch"],
                    ["党委", "党总支"],
                    "党支部",
                ),
                "type": unit_type,
                "parent_id": oid.ids(boss),
                "area_id": None,
                "unit_id": uid.ids(u_idx[own_u]),
                "members": m_own,
            }
        )
    )

    small = np.flatnonzero(two_new & ~own & ~(pm >= 3) & (u_comm >= 0))
    status = rng.choice(3, len(small), p=[0.55, 0.41, 0.04])  # joint, instructor, uncovered
    joint_comm = np.unique(u_comm[small[status == 0]])
    o_joint = np.full(n_comm, -1)
    o_joint[joint_comm] = oid.take(len(joint_comm))
    n_temp = max(1, n_comm // 40)
    temp_comm = rng.integers(0, n_comm, n_temp)
    o_temp = oid.take(n_temp)
    t["orgs"] += [
        pd.DataFrame(
            {
                "id": oid.ids(o_joint[joint_comm]),
                "name": comm_name[joint_comm] + "两新组织联合党支部",
                "type": "joint_branch",
                "parent_id": oid.ids(comm_boss[joint_comm]),
                "area_id": None,
                "unit_id": None,
                "members": rng.integers(3, 30, len(joint_comm)).astype(float),
            }
        ),
        pd.DataFrame(
            {
                "id": oid.ids(o_temp),
                "name": comm_name[temp_comm] + "防疫临时党支部",
                "type": "temporary_branch",
                "parent_id": oid.ids(o_street[comm_street[temp_comm]]),
                "area_id": None,
                "unit_id": None,
                "members": rng.integers(3, 30, n_temp).astype(float),
            }
        ),
    ]
    cov = small[status < 2]
    cov_org = np.where(
        status[status < 2] == 0, o_joint[u_comm[cov]], o_street[comm_street[u_comm[cov]]]
    )
    t["unit_coverage"].append(
        pd.DataFrame(
            {
                "org_id": oid.ids(cov_org),
                "unit_id": uid.ids(u_idx[cov]),
                "kind": np.where(status[status < 2] == 0, "joint", "instructor"),
            }
        )
    )

    ctx.update(kind=kind, u_idx=u_idx, u_dist=u_dist, u_comm=u_comm, own_u=own_u, o_unit=o_unit)

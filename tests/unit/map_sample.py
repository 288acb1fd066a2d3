"""A tiny hand-made dataset that shows every mark a map can draw (tests, examples).

城区 (district D) → 凤山街道 (street S1) → 金湖社区 C1, 银湖社区 C2, 玉湖社区 C3;
C1 has compound K1 and grid G1.

* C2 has no responsible org (uncovered-community, error); K1 neither (uncovered-compound).
* O5 is a branch with no superior (broken-chain, error).
* U1 (an enterprise, 5 members) and U2 (an agency, 60) have no own org
  (unit-should-establish, error).
* Alliance A1 (regional, lead O3) holds O3, O2, U1; A2 (industry) holds O2 and U2: O2 is the
  only link between them (alliance-single-point).  O8 runs C3 and is in no alliance
  (isolated-org).
* U2 reports 10 members to C1, U1 reports 2 to C1; C2 and C3 have no pairing.
* O6's name is an HTML injection attempt, which every page must show as text.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from orggraph.dataset import Dataset, empty_table
from orggraph.schema import TABLE_BY_NAME

MALICIOUS_NAME = '<img src=x onerror="window.__pwned=1;alert(1)">党小组'


def _table(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    spec = TABLE_BY_NAME[name]
    frame = empty_table(spec)
    if not rows:
        return frame
    data = pd.DataFrame(rows)
    out = {}
    for c in spec.columns:
        col = data[c.name] if c.name in data else pd.Series([None] * len(data))
        out[c.name] = col.astype("float64") if c.kind == "number" else col.astype(object)
    frame = pd.DataFrame(out)
    return frame


def sample_dataset(name: str = "sample") -> Dataset:
    """The dataset described in this module's docstring."""
    areas = [
        {"id": "D", "name": "城区", "level": "district"},
        {"id": "S1", "name": "凤山街道", "level": "street", "parent_id": "D"},
        {"id": "C1", "name": "金湖社区", "level": "community", "parent_id": "S1"},
        {"id": "C2", "name": "银湖社区", "level": "community", "parent_id": "S1"},
        {"id": "C3", "name": "玉湖社区", "level": "community", "parent_id": "S1"},
        {"id": "K1", "name": "金湖花园", "level": "compound", "parent_id": "C1"},
        {"id": "G1", "name": "金湖第1网格", "level": "grid", "parent_id": "C1"},
    ]
    orgs = [
        {"id": "O1", "name": "城区党委", "type": "committee", "area_id": "D", "members": 30},
        {
            "id": "O2",
            "name": "凤山街道党工委",
            "type": "working_committee",
            "parent_id": "O1",
            "area_id": "S1",
            "members": 20,
        },
        {
            "id": "O3",
            "name": "金湖社区党委",
            "type": "committee",
            "parent_id": "O2",
            "area_id": "C1",
            "members": 40,
        },
        {
            "id": "O4",
            "name": "金湖第1网格党支部",
            "type": "branch",
            "parent_id": "O3",
            "area_id": "G1",
            "members": 12,
        },
        {"id": "O5", "name": "失联党支部", "type": "branch", "members": 8},
        {"id": "O6", "name": MALICIOUS_NAME, "type": "group", "parent_id": "O3", "members": 4},
        {
            "id": "O8",
            "name": "玉湖社区党委",
            "type": "committee",
            "parent_id": "O2",
            "area_id": "C3",
            "members": 25,
        },
    ]
    units = [
        {
            "id": "U1",
            "name": "金湖科技公司",
            "kind": "enterprise",
            "area_id": "C1",
            "party_members": 5,
            "employees": 80,
        },
        {"id": "U2", "name": "区教育局", "kind": "agency", "area_id": "S1", "party_members": 60},
    ]
    alliances = [
        {
            "id": "A1",
            "name": "金湖区域党建联盟",
            "kind": "regional",
            "lead_org_id": "O3",
            "area_id": "C1",
        },
        {"id": "A2", "name": "教育行业党建联盟", "kind": "industry"},
    ]
    members = [
        {"alliance_id": "A1", "member_id": "O2", "role": "member"},
        {"alliance_id": "A1", "member_id": "U1", "role": "part_time_member"},
        {"alliance_id": "A2", "member_id": "O2", "role": "member"},
        {"alliance_id": "A2", "member_id": "U2", "role": "member"},
    ]
    pairings = [
        {"source_id": "U2", "area_id": "C1", "kind": "dual_report", "members_reported": 10},
        {"source_id": "U1", "area_id": "C1", "kind": "contract", "members_reported": 2},
    ]
    tables = {
        "areas": _table("areas", areas),
        "orgs": _table("orgs", orgs),
        "units": _table("units", units),
        "alliances": _table("alliances", alliances),
        "alliance_members": _table("alliance_members", members),
        "pairings": _table("pairings", pairings),
    }
    return Dataset(name, tables)

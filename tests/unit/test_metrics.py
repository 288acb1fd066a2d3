"""Rates (覆盖率, 单建率) and network metrics on a tiny graph, values computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dataset

from orggraph.audit import run_audit
from orggraph.config import AuditConfig
from orggraph.findings import AuditResult
from orggraph.present import render

# D ─┬─ S1 (street) ─┬─ C1 (community) ─┬─ K1 (compound) ── G1 (grid)
#    │               │                  └─ K2 (compound)
#    │               └─ C2 (community)
#    └─ S2 (town 镇) ── V1 (village)
TABLES = {
    "areas": """\
id,name,level,parent_id
D,城区,district,
S1,凤山街道,street,D
S2,西樵镇,镇,D
C1,金湖社区,community,S1
C2,银湖社区,community,S1
V1,大村,village,S2
K1,金湖小区,compound,C1
K2,银湖小区,compound,C1
G1,一号网格,grid,K1
""",
    # Responsible for D, C1, V1, K1.  Tree: O0 -> O1 -> O3, O0 -> O2 (3 levels, fan-out 2 and 1).
    "orgs": """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,金湖社区党委,committee,O0,C1,,
O2,大村党委,committee,O0,V1,,
O3,金湖小区党支部,branch,O1,K1,,10
O4,企业党支部,branch,O0,,E1,3
""",
    # Two-new units: E1 (own org O4), E2 (joint branch), E3 (instructor), E4 (nothing).
    # A1 is an agency: not two-new.
    "units": """\
id,name,kind,area_id,party_members
E1,一企业,enterprise,V1,3
E2,二社会组织,social_org,C1,1
E3,三物业,property_company,K1,
E4,四业委会,owners_committee,K2,
A1,一局,agency,S1,20
""",
    "unit_coverage": "org_id,unit_id,kind\nO1,E2,joint\nO3,E3,instructor\n",
    # A1 pairs with C1 and V1, O0 with V1: C1 and V1 paired, C2 not.
    "pairings": """\
source_id,area_id,kind,members_reported
A1,C1,dual_report,5
A1,V1,dual_report,3
O0,V1,contract,
""",
    # AL1 {O1 (lead), E1}, AL2 {E1, O2}: the member network is the chain O1 - E1 - O2.
    "alliances": "id,name,kind,lead_org_id,area_id\n"
    "AL1,一联盟,regional,O1,S1\nAL2,二联盟,regional,,S2\n",
    "alliance_members": "alliance_id,member_id,role\nAL1,E1,member\nAL2,E1,member\nAL2,O2,lead\n",
}


@pytest.fixture
def result(tmp_path: Path) -> AuditResult:
    return run_audit(dataset(tmp_path, **TABLES))


def test_coverage_per_level(result: AuditResult) -> None:
    cov = result.rates["coverage"]
    # community: C1 of C1, C2; village: V1 of V1; compound: K1 of K1, K2; grid: none of G1
    assert cov["community"] == {"total": 2, "covered": 1, "rate": 50.0}
    assert cov["village"] == {"total": 1, "covered": 1, "rate": 100.0}
    assert cov["compound"] == {"total": 2, "covered": 1, "rate": 50.0}
    assert cov["grid"] == {"total": 1, "covered": 0, "rate": 0.0}


def test_coverage_per_street(result: AuditResult) -> None:
    rows = {r["street_id"]: r for r in result.rates["coverage_by_street"]}
    assert set(rows) == {"S1", "S2"}  # a town counts as a street
    s1, s2 = rows["S1"], rows["S2"]
    assert s1["street"] == "凤山街道"
    assert s1["community"] == {"total": 2, "covered": 1, "rate": 50.0}
    assert s1["compound"] == {"total": 2, "covered": 1, "rate": 50.0}
    assert s1["grid"] == {"total": 1, "covered": 0, "rate": 0.0}
    assert "village" not in s1
    assert s2["village"] == {"total": 1, "covered": 1, "rate": 100.0}


def test_two_new_rates(result: AuditResult) -> None:
    # 4 two-new units; 单建率 = own org 1/4 = 25%; 覆盖率 = own, joint or instructor 3/4 = 75%.
    assert result.rates["two_new"] == {
        "total": 4,
        "single_built": 1,
        "single_build_rate": 25.0,
        "covered": 3,
        "coverage_rate": 75.0,
    }


def test_pairing_rates_and_load(result: AuditResult) -> None:
    # Communities/villages C1, C2, V1: C1 and V1 paired -> 2/3 = 66.7%.  5 + 3 members reported.
    assert result.rates["communities_paired"] == {"total": 3, "paired": 2, "rate": 66.7}
    assert result.rates["members_reported"] == 8
    assert result.rates["compound_branches"] == 1  # O3 is responsible for compound K1
    load = result.metrics["pairing_load"]
    # A1 carries 2 areas, O0 carries 1.
    assert load["sources"] == 2
    assert load["pairings"] == 3
    assert load["mean_areas_per_source"] == 1.5
    assert load["max_areas_per_source"] == 2
    assert load["distribution"] == {"1": 1, "2": 1}


def test_alliance_metrics(result: AuditResult) -> None:
    per = {a["id"]: a for a in result.metrics["alliance"]["alliances"]}
    # AL1: lead O1 (counted as a member) and E1 -> 2 members, 1 org, 1 unit; O1 in C1 (S1),
    # E1 in V1 (S2) -> reaches 2 streets.  AL2: E1, O2 (both in S2) -> 1 street.
    assert per["AL1"] == {
        "id": "AL1",
        "name": "一联盟",
        "kind": "regional",
        "members": 2,
        "orgs": 1,
        "units": 1,
        "streets_reached": 2,
    }
    assert (per["AL2"]["members"], per["AL2"]["streets_reached"]) == (2, 1)
    assert result.metrics["alliance"]["members_total"] == 3
    net = result.metrics["alliance"]["network"]
    assert (net["members"], net["components"], net["largest_component"]) == (3, 1, 3)
    assert net["single_points"] == 1  # E1 holds the chain together
    assert net["brokerage_exact"] is True
    top = net["top_brokers"]
    # E1 lies on the only path between the two ends of the chain O1 - E1 - O2 (members linked
    # when they share an alliance): normalised betweenness 1.  The ends broker nothing.
    assert top[0]["id"] == "E1" and top[0]["betweenness"] == 1.0
    assert {b["id"]: b["betweenness"] for b in top[1:]} == {"O1": 0.0, "O2": 0.0}
    assert result.notes == []


def test_hierarchy_metrics(result: AuditResult) -> None:
    h = result.metrics["hierarchy"]
    # Orgs: one root (O0), three levels (O0 > O1 > O3); O0 has 3 children (O1, O2, O4), O1 one.
    assert h["org_roots"] == 1
    assert h["org_depth_max"] == 3
    assert h["org_fanout_max"] == 3
    assert h["org_fanout_mean"] == 2.0
    # Areas: five levels D > S1 > C1 > K1 > G1; children: D 2, S1 2, S2 1, C1 2, K1 1.
    assert h["area_depth_max"] == 5
    assert h["area_fanout_max"] == 2
    assert h["area_fanout_mean"] == 1.6
    assert result.metrics["nodes"] == {
        "Area": 9,
        "PartyOrg": 5,
        "Unit": 5,
        "Alliance": 2,
        "ServiceSite": 0,
    }


def test_rates_in_the_table(result: AuditResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "zh")
    text = render(result, "table")
    assert "社区党组织覆盖率: 50% (1/2)" in text
    assert "单建率: 25%" in text and "两新组织覆盖率: 75%" in text


def test_betweenness_is_sampled_above_the_configured_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "en")
    # Brokerage is measured on the alliance network of DOMAIN.md: the 3 members, linked when
    # they share an alliance.  With the exact limit at 2, betweenness is estimated from samples
    # and a note says so.
    cfg = AuditConfig().overlay(
        {"thresholds": {"betweenness_exact_max_nodes": 2, "betweenness_samples": 3}}
    )
    r = run_audit(dataset(tmp_path, **TABLES), cfg)
    assert r.metrics["alliance"]["network"]["brokerage_exact"] is False
    assert len(r.notes) == 1 and "sampl" in r.notes[0]
    assert "Note: " in render(r, "table")
    assert r.to_dict()["notes"] == r.notes

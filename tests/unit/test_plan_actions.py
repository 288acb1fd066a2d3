"""Every action kind on one hand-built district, and ``--apply`` followed by ``audit``.

The district (each line says which finding it plants and what the plan should do):

- S1 (working committee O1) holds C1 (committee OC1), C2 (no org: uncovered-community) and C4
  (committee OC4); S2 (O2) holds C3 (committee OC3).
- K1, a compound of C1, and G1, a grid of C2, have no org (uncovered-compound, -grid).
- OB, a branch for compound K2, has no superior; J1 and J2 are joint branches whose superiors
  loop (broken-chain).
- U1 has 5 formal members and no org (unit-should-establish).
- U2, U3, U5 in C1 weigh 2 + 2 + 1 = 5 ≥ 3: one new joint branch.  U7 (1 member, C4) fits in
  the existing joint branch JB (48 members, room for 2) of C4; filling JB's last place with U5
  instead would still need a new branch for U2 and U3, so the community-first grouping stays.
  U4 (1 member, C3 in S2) has no partner and no branch nearby: an instructor from OC3
  (unit-uncovered).
- OS has 120 members (> 50: three branches of 40); OM has 2 (< 3) and merges into its sibling
  OT (10 members, same superior, same community) (org-size).
- C2 has no pairing (unpaired-community); agency UA2 carries C1, C3, C4 and compound K1, one
  over 3 (overloaded-unit): it must keep C1, C3, C4 (nobody else pairs them) and hand K1 over.
  Agency UA1 in S1 pairs with C2 at cost 1.
- OC1, OC3, OC4 are in no alliance (isolated-org): OC1 and OC4 join A1 (regional, scope S1);
  S2 has no alliance member, so O2 leads a new street alliance with OC3.
- P1 is the only link between A1 and A2 (alliance-single-point): one membership removes it,
  which is the block–cut bound (two leaf blocks).
- C1's centre is 800 m² (< 1000), C2..C4 have none (missing-service-site).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dataset

from orggraph.audit import run_audit
from orggraph.dataset import Dataset
from orggraph.io import load
from orggraph.plan import ACTION_KINDS, PlanResult, make_plan
from orggraph.write import write_dataset

TABLES = {
    "areas": """\
id,name,level,parent_id
D,城区,district,
S1,城北街道,street,D
S2,城南街道,street,D
C1,金湖社区,community,S1
C2,金港社区,community,S1
C4,金山社区,community,S1
C3,南湖社区,community,S2
K1,润和园,compound,C1
K2,江景府,compound,C1
K3,乾隆苑,compound,C1
G1,金港第1网格,grid,C2
G2,金湖第2网格,grid,C1
""",
    "orgs": """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,城北街道党工委,working_committee,O0,S1,,
O2,城南街道党工委,working_committee,O0,S2,,
OC1,金湖社区党委,committee,O1,C1,,
OC3,南湖社区党委,committee,O2,C3,,
OC4,金山社区党委,committee,O1,C4,,
OB,江景府党支部,branch,,K2,,8
J1,第一联合党支部,joint_branch,J2,,,
J2,第二联合党支部,joint_branch,J1,,,
OS,乾隆苑党支部,branch,OC1,K3,,120
OM,金湖第2网格党支部,branch,OC1,G2,,2
OT,金湖科技党支部,branch,OC1,,U9,10
JB,金山联合党支部,joint_branch,OC4,,,48
P1,区直机关党委,committee,O0,,,
P2,区国资党委,committee,O0,,,
""",
    "units": """\
id,name,kind,area_id,party_members
U1,金湖电商公司,enterprise,C1,5
U2,金湖物流公司,enterprise,C1,2
U3,金湖志愿会,social_org,C1,2
U5,金湖物业,property_company,C1,1
U4,南湖协会,social_org,C3,1
U6,金山商行,enterprise,C4,2
U7,金山餐馆,enterprise,C4,1
U9,金湖科技公司,enterprise,C1,10
U10,金湖书店,enterprise,C1,2
U11,金湖花店,enterprise,C1,1
UA1,区文旅局,agency,S1,
UA2,区住建局,agency,S1,
""",
    "unit_coverage": """\
org_id,unit_id,kind
JB,U6,joint
J1,U10,joint
J2,U11,joint
""",
    "alliances": """\
id,name,kind,lead_org_id,area_id
A1,城北街道党建联盟,regional,O1,S1
A2,区直行业联盟,industry,,
""",
    "alliance_members": """\
alliance_id,member_id
A1,P1
A2,P1
A2,P2
""",
    "pairings": """\
source_id,area_id,kind
UA2,C1,contract
UA2,C3,contract
UA2,C4,contract
UA2,K1,contract
""",
    "sites": """\
id,name,level,area_id,floor_area_m2
SC1,金湖社区党群服务中心,community_center,C1,800
""",
}


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return dataset(tmp_path_factory.mktemp("district"), **TABLES)


@pytest.fixture(scope="module")
def planned(district: Dataset) -> PlanResult:
    return make_plan(district)


def _org(ds: Dataset, org_id: str) -> dict:
    return ds.orgs.set_index("id").loc[org_id].to_dict()


def test_every_action_kind_appears(planned: PlanResult) -> None:
    kinds = {a.kind for a in planned.plan.actions}
    assert kinds == set(ACTION_KINDS)


def test_apply_then_audit_leaves_nothing(planned: PlanResult, tmp_path: Path) -> None:
    # Every planted finding has an action, so the applied dataset, written to disk and read back
    # as a planner would, audits clean, and the plan lists nothing as unresolved.
    before = run_audit(planned.applied)
    assert before.findings == []
    write_dataset(planned.applied, tmp_path / "out")
    after = run_audit(load(tmp_path / "out"))
    assert [(f.rule, f.subject_id) for f in after.findings] == []
    assert planned.plan.unresolved == []
    assert planned.plan.counts_after == {"error": 0, "warning": 0, "info": 0}


def test_every_id_an_action_names_exists(planned: PlanResult, district: Dataset) -> None:
    def ids(ds: Dataset) -> set[str]:
        return {i for t in ("areas", "orgs", "units", "alliances", "sites") for i in ds[t]["id"]}

    known = ids(district) | ids(planned.applied)
    named = {i for a in planned.plan.actions for i in (*a.entities, *a.created)}
    assert named <= known
    created = {i for a in planned.plan.actions for i in a.created}
    assert created <= ids(planned.applied) and not created & ids(district)


def test_the_chosen_actions(planned: PlanResult) -> None:
    ds = planned.applied
    orgs = ds.orgs.set_index("id")
    # New orgs hang from the org of the nearest area above; the grid's from the planned C2 org.
    c2 = orgs[orgs["area_id"] == "C2"].iloc[0]
    assert c2["parent_id"] == "O1" and c2["name"].endswith("（拟）")
    assert orgs[orgs["area_id"] == "K1"].iloc[0]["parent_id"] == "OC1"
    assert orgs[orgs["area_id"] == "G1"].iloc[0]["parent_id"] == c2.name
    # The orphan hangs from its compound's community org; the loop is cut at J1.
    assert (orgs.at["OB", "parent_id"], orgs.at["J1", "parent_id"]) == ("OC1", "OC1")
    # U1's own org: a branch of 5 under the community's org.
    u1 = orgs[orgs["unit_id"] == "U1"].iloc[0]
    assert (u1["type"], u1["members"], u1["parent_id"]) == ("branch", 5, "OC1")
    # One new joint branch of 5 for U2, U3, U5; U7 joins JB (now 49); U4 gets an instructor.
    cov = ds.unit_coverage
    new_jb = cov[cov["unit_id"].isin(["U2", "U3", "U5"])]["org_id"].unique()
    assert len(new_jb) == 1 and orgs.at[new_jb[0], "members"] == 5
    assert orgs.at["JB", "members"] == 49
    assert ("JB", "U7", "joint") in set(cov.itertuples(index=False, name=None))
    assert ("OC3", "U4", "instructor") in set(cov.itertuples(index=False, name=None))
    # OS is split 40/40/40 under OC1; OM is gone, OT took its members and its grid.
    split = orgs[orgs["name"].str.startswith("乾隆苑党支部")]
    assert sorted(split["members"]) == [40, 40, 40] and set(split["parent_id"]) == {"OC1"}
    assert "OM" not in orgs.index
    assert (orgs.at["OT", "members"], orgs.at["OT", "area_id"]) == (12, "G2")
    # UA2 keeps C1, C3, C4 and hands K1 over; UA1 pairs with C2 (same street: cost 1).  UA2 is
    # over the limit, so none of its pairings is forced: all four communities count as need,
    # three met by kept pairings (cost 0), one by the new one.
    pairs = set(zip(ds.pairings["source_id"], ds.pairings["area_id"], strict=True))
    assert pairs == {("UA2", "C1"), ("UA2", "C3"), ("UA2", "C4"), ("UA1", "C2")}
    assert planned.plan.figures["pairing"] == {
        "cost": 1,
        "optimal": True,
        "unmet": 0,
        "new": 1,
        "dropped": 1,
        "need": 4,
        "sources": 2,
        "bound_cost": 1,
    }
    # OC3 is in a new alliance of S2 led by O2; OC1 and OC4 joined A1.
    mem = set(
        zip(ds.alliance_members["alliance_id"], ds.alliance_members["member_id"], strict=True)
    )
    assert {("A1", "OC1"), ("A1", "OC4")} <= mem
    new_al = ds.alliances[ds.alliances["area_id"] == "S2"].iloc[0]
    assert new_al["lead_org_id"] == "O2" and (new_al["id"], "OC3") in mem
    # One membership against P1's single point: the block–cut bound (2 leaf blocks -> 1).
    assert planned.plan.figures["alliance_single_points"] == {
        "memberships": 1,
        "lower_bound": 1,
        "optimal": True,
        "left": 0,
    }
    # C1's centre grows to 1000 m²; C2, C3, C4 get a planned one each.
    sites = ds.sites.set_index("id")
    assert sites.at["SC1", "floor_area_m2"] == 1000
    assert sorted(sites[sites.index != "SC1"]["area_id"]) == ["C2", "C3", "C4"]


def test_sentences_are_chinese_work_plan_text(planned: PlanResult) -> None:
    first = next(a for a in planned.plan.actions if a.kind == "new-community-org")
    assert first.sentence["zh"] == "由城北街道党工委在金港社区新建金港社区党委（拟）"
    assert first.resolves == [("uncovered-community", "C2")]

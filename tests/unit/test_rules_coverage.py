"""uncovered-community/-compound/-grid, unit-should-establish, unit-uncovered (DOMAIN.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import AREAS, ORGS, audit, subjects

AREAS_ALL_LEVELS = (
    AREAS
    + """\
C1,金湖社区,community,S1
C2,银湖社区,community,S1
V1,大村,village,S1
K1,金湖小区,compound,C1
K2,银湖小区,compound,C2
G1,一号网格,grid,K1
G2,二号网格,grid,K2
B1,一栋,building,G1
"""
)


def test_uncovered_areas_by_level(tmp_path: Path) -> None:
    # Orgs are responsible for C1, K1 and G1 only.  So C2 and village V1 are uncovered
    # communities (a village counts as a community), K2 an uncovered compound, G2 an uncovered
    # grid.  The building B1 and the street S1 have no rule.  A responsible org need not be at
    # any particular level or even sit under the area (O3 is a group yet covers G1).
    r = audit(
        tmp_path,
        areas=AREAS_ALL_LEVELS,
        orgs=ORGS
        + """\
O1,金湖社区党委,committee,O0,C1,,
O2,金湖小区党支部,branch,O1,K1,,10
O3,一号网格党小组,group,O2,G1,,
""",
    )
    assert subjects(r, "uncovered-community") == ["C2", "V1"]
    assert subjects(r, "uncovered-compound") == ["K2"]
    assert subjects(r, "uncovered-grid") == ["G2"]
    sev = {f.rule: f.severity for f in r.findings}
    assert sev["uncovered-community"] == "error"
    assert sev["uncovered-compound"] == "warning"
    assert sev["uncovered-grid"] == "warning"


def test_area_covered_only_by_a_unit_is_still_uncovered(tmp_path: Path) -> None:
    # RESPONSIBLE_FOR comes from orgs.area_id only: a unit located in C1, an org established in
    # that unit (unit_id, no area_id), a pairing and a service site do not make C1 covered.
    r = audit(
        tmp_path,
        areas=AREAS + "C1,金湖社区,community,S1\n",
        units="id,name,kind,area_id,party_members\nU1,金湖物业,property_company,C1,5\n",
        orgs=ORGS + "O1,物业党支部,branch,O0,,U1,5\n",
        pairings="source_id,area_id,kind\nU1,C1,dual_report\n",
        sites="id,name,level,area_id,floor_area_m2\nT1,金湖中心,community_center,C1,1200\n",
    )
    assert subjects(r, "uncovered-community") == ["C1"]


def test_finding_names_subject_and_area_path(tmp_path: Path) -> None:
    # The subject's place in the hierarchy is the path from the top area down to the area itself.
    r = audit(tmp_path, areas=AREAS + "C1,金湖社区,community,S1\n")
    (f,) = [f for f in r.findings if f.rule == "uncovered-community"]
    assert (f.subject_id, f.subject_name) == ("C1", "金湖社区")
    assert f.area_path == "城区/凤山街道/金湖社区"
    assert f.street == "凤山街道"
    assert "金湖社区" in f.message


UNITS = """\
id,name,kind,area_id,party_members
U3,三人企业,enterprise,S1,3
U2,两人企业,enterprise,S1,2
U9,无数企业,enterprise,S1,
U5,联建覆盖企业,enterprise,S1,5
U6,单建企业,enterprise,S1,6
U7,大机关,agency,S1,40
U0,零人机关,agency,S1,0
"""


def test_unit_should_establish(tmp_path: Path) -> None:
    # Threshold 3 formal members, inclusive: U3 (exactly 3) fires, U2 (2) does not, U9 (unknown)
    # does not (unknown counts trigger no should-establish finding).  U5 fires although a joint
    # branch covers it ("whatever else covers it"); U6 has its own org (O6 ESTABLISHED_IN U6),
    # so no finding.  Any unit kind counts: the agency U7 with 40 members fires.
    r = audit(
        tmp_path,
        units=UNITS,
        orgs=ORGS
        + """\
O5,联合党支部,joint_branch,O0,S1,,10
O6,单建企业党支部,branch,O0,,U6,6
""",
        unit_coverage="org_id,unit_id,kind\nO5,U5,joint\n",
    )
    assert subjects(r, "unit-should-establish") == ["U3", "U5", "U7"]
    assert {f.severity for f in r.findings if f.rule == "unit-should-establish"} == {"error"}


def test_unit_should_establish_even_with_instructor(tmp_path: Path) -> None:
    # A dispatched instructor (党建指导员) is no own organisation either.
    r = audit(
        tmp_path,
        units="id,name,kind,area_id,party_members\nU4,指导企业,social_org,S1,4\n",
        orgs=ORGS + "O1,街道党工委,working_committee,O0,S1,,\n",
        unit_coverage="org_id,unit_id,kind\nO1,U4,instructor\n",
    )
    assert subjects(r, "unit-should-establish") == ["U4"]
    assert subjects(r, "unit-uncovered") == []


def test_unit_uncovered_only_two_new_kinds(tmp_path: Path) -> None:
    # unit-uncovered: a two-new unit (enterprise, social_org, property_company,
    # owners_committee) with < 3 or unknown members, no own org, no joint branch, no instructor.
    # E*, P*, W*, Q* are the four kinds uncovered -> all fire (0, 2, unknown and 1 members).
    # Agencies, institutions, soe, school, hospital, other never fire, whatever their size.
    # J1 is covered by a joint branch, I1 by an instructor, OWN by its own org -> no finding.
    # BIG (5 members, uncovered) is should-establish instead, not unit-uncovered.
    units = """\
id,name,kind,area_id,party_members
E1,企业,enterprise,S1,0
P1,社会组织,social_org,S1,2
W1,物业,property_company,S1,
Q1,业委会,owners_committee,S1,1
A1,机关,agency,S1,
A2,事业单位,institution,S1,1
A3,国企,soe,S1,
A4,学校,school,S1,
A5,医院,hospital,S1,
A6,其他,other,S1,
J1,联建企业,enterprise,S1,1
I1,指导企业,enterprise,S1,
OWN,自建企业,enterprise,S1,2
BIG,大企业,enterprise,S1,5
"""
    r = audit(
        tmp_path,
        units=units,
        orgs=ORGS
        + """\
O5,联合党支部,joint_branch,O0,S1,,10
O7,自建党小组,group,O0,,OWN,2
""",
        unit_coverage="org_id,unit_id,kind\nO5,J1,joint\nO0,I1,instructor\n",
    )
    assert subjects(r, "unit-uncovered") == ["E1", "P1", "Q1", "W1"]
    assert subjects(r, "unit-should-establish") == ["BIG"]
    assert {f.severity for f in r.findings if f.rule == "unit-uncovered"} == {"warning"}


# Units without an area: their findings have an empty area path.  Pandas deprecations turned
# into errors here caught fillna() calls on all-missing columns (audit.py, hierarchy.py) that
# the next pandas will reject.
@pytest.mark.filterwarnings("error::DeprecationWarning", "error::FutureWarning")
def test_chinese_kind_words_count_as_two_new(tmp_path: Path) -> None:
    # Kinds given in Chinese are the same codes: 物业公司/业委会 are two-new units.
    r = audit(
        tmp_path,
        units="id,name,kind\nW1,物业,物业企业\nQ1,业主委员会,业委会\nA1,机关,机关\n",
    )
    assert subjects(r, "unit-uncovered") == ["Q1", "W1"]
    assert {f.area_path for f in r.findings if f.rule == "unit-uncovered"} == {""}

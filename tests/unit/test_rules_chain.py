"""broken-chain and org-size (DOMAIN.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ORGS, audit, subjects


@pytest.mark.filterwarnings("error::DeprecationWarning", "error::FutureWarning")
def test_root_committee_is_fine_other_roots_are_broken(tmp_path: Path) -> None:
    # O0 (committee, no superior) is the root: fine.  A second root committee O9 is fine too
    # (the rule only asks non-committees for a superior).  A working committee, a general
    # branch and a branch without a superior are broken: "not a committee yet has no superior".
    # O1 under O0 is fine; O4 under the orphan O3 is not itself broken (it has a superior).
    r = audit(
        tmp_path,
        orgs=ORGS
        + """\
O1,街道党工委,working_committee,O0,S1,,
O9,另一党委,committee,,,,
W1,孤立党工委,working_committee,,,,
O2,孤立党总支,general_branch,,,,30
O3,孤立党支部,branch,,,,10
O4,孤立党支部下党小组,group,O3,,,
""",
    )
    assert subjects(r, "broken-chain") == ["O2", "O3", "W1"]
    assert {f.severity for f in r.findings if f.rule == "broken-chain"} == {"error"}


def test_loops_every_org_on_the_loop_and_only_those(tmp_path: Path) -> None:
    # A 2-loop L1 <-> L2 and a self-loop L3 -> L3: every org on a loop is a subject, whatever
    # its type (L1 is a committee: a committee on a loop is still broken).  H1 hangs below the
    # loop (H1 -> L1) and H2 below H1: their own link is fine, they are not on the loop, so (the
    # lead's reading of "every org on the loop is a subject") they are not subjects.  A 3-loop
    # M1 -> M2 -> M3 -> M1 gives three subjects.
    r = audit(
        tmp_path,
        orgs=ORGS
        + """\
L1,环一,committee,L2,,,
L2,环二,branch,L1,,,10
L3,自环,branch,L3,,,10
H1,环下,branch,L1,,,10
H2,环下下,group,H1,,,
M1,三环一,branch,M3,,,10
M2,三环二,branch,M1,,,10
M3,三环三,branch,M2,,,10
N1,正常,branch,O0,,,10
""",
    )
    assert subjects(r, "broken-chain") == ["L1", "L2", "L3", "M1", "M2", "M3"]
    # one finding per subject
    assert len([f for f in r.findings if f.rule == "broken-chain"]) == 6


ORG_SIZES = """\
B3,三人支部,branch,O0,,,3
B2,两人支部,branch,O0,,,2
B50,五十人支部,branch,O0,,,50
B51,五十一人支部,branch,O0,,,51
BU,人数不详支部,branch,O0,,,
J2,两人联合支部,joint_branch,O0,,,2
J51,大联合支部,joint_branch,O0,,,51
T1,一人临时支部,temporary_branch,O0,,,1
T50,临时支部,temporary_branch,O0,,,50
G100,党总支,general_branch,O0,,,100
G101,大党总支,general_branch,O0,,,101
G1,小党总支,general_branch,O0,,,1
C500,大党委,committee,O0,,,500
C1,小党委,committee,O0,,,1
P1,党小组,group,O0,,,1
P99,大党小组,group,O0,,,99
"""


def test_org_size_boundaries(tmp_path: Path) -> None:
    # Branch types (branch, joint_branch, temporary_branch): more than 50 or fewer than 3.
    # Exactly 3 and exactly 50 are fine; 2, 1 and 51 fire.  Unknown (BU) triggers nothing.
    # General branch: more than 100 (101 fires, 100 does not, and there is no lower bound: G1).
    # Committees and groups have no size rule.
    r = audit(tmp_path, orgs=ORGS + ORG_SIZES)
    assert subjects(r, "org-size") == ["B2", "B51", "G101", "J2", "J51", "T1"]
    assert {f.severity for f in r.findings if f.rule == "org-size"} == {"info"}
    msg = {f.subject_id: f.message for f in r.findings if f.rule == "org-size"}
    assert "51" in msg["B51"] and "50" in msg["B51"]
    assert "101" in msg["G101"] and "100" in msg["G101"]
    assert "2" in msg["B2"]


def test_org_size_members_in_chinese_types(tmp_path: Path) -> None:
    # Types written in Chinese are the same codes: 临时党支部 with 60 members is too big.
    orgs = ORGS + "T,抗疫临时党支部,临时党支部,O0,,,60\nG,党总支,党总支,O0,,,60\n"
    r = audit(tmp_path, orgs=orgs)
    assert subjects(r, "org-size") == ["T"]

"""isolated-org and alliance-single-point (DOMAIN.md)."""

from __future__ import annotations

from pathlib import Path

from helpers import AREAS, ORGS, audit, subjects

AREAS_C = (
    AREAS
    + """\
C1,一社区,community,S1
C2,二社区,community,S1
C3,三社区,community,S1
V1,一村,village,S1
K1,一小区,compound,C1
"""
)


def test_isolated_org(tmp_path: Path) -> None:
    # Orgs responsible for a community or village must belong to some alliance.
    # O1 (C1) is an ordinary member -> fine.  O2 (village V1) is only the lead_org_id of A2,
    # never listed in alliance_members: the lead counts as a member -> fine.
    # O3 (C2) is in no alliance -> fires.  O5 (C3) is the only member of a one-member alliance:
    # it still belongs to an alliance -> fine.  O4 is responsible for a compound and O6 for
    # the street: not community-level -> never fires.  O7 responsible for nothing -> no.
    r = audit(
        tmp_path,
        areas=AREAS_C,
        orgs=ORGS
        + """\
O1,一社区党委,committee,O0,C1,,
O2,一村党委,committee,O0,V1,,
O3,二社区党委,committee,O0,C2,,
O4,小区支部,branch,O1,K1,,10
O5,三社区党委,committee,O0,C3,,
O6,街道党工委,working_committee,O0,S1,,
O7,机关支部,branch,O0,,,10
""",
        alliances="id,name,kind,lead_org_id,area_id\nA1,一联盟,regional,,S1\n"
        "A2,二联盟,industry,O2,S1\nA3,三联盟,other,,C3\n",
        alliance_members="alliance_id,member_id,role\nA1,O1,member\nA1,O6,lead\nA3,O5,\n",
    )
    assert subjects(r, "isolated-org") == ["O3"]
    (f,) = [f for f in r.findings if f.rule == "isolated-org"]
    assert f.severity == "info" and f.area_path == "城区/凤山街道/二社区"


MEMBERS_ORGS = ORGS + "".join(f"{i},{i}党组织,committee,O0,,,\n" for i in "BXYZWPQRSLM")
UNITS = "id,name,kind\nU1,一企业,enterprise\nU2,二企业,enterprise\nK1,三企业,enterprise\n"


def test_alliance_single_points(tmp_path: Path) -> None:
    # Members are linked when they share an alliance.
    # A1 {X, Y, B} and A2 {B, Z, W}: B bridges two alliances -> articulation point.
    # The chain A3 {P, Q}, A4 {Q, R}, A5 {R, U1}: Q and R are cut points, P and the unit U1
    # (the ends) are not.  A6 is one big alliance {L, M, U2}, L only as the lead: no member
    # of a single alliance splits it.  A member listed twice in an alliance is one member.
    r = audit(
        tmp_path,
        orgs=MEMBERS_ORGS,
        units=UNITS,
        alliances="""\
id,name,kind,lead_org_id
A1,一盟,regional,X
A2,二盟,regional,
A3,三盟,industry,
A4,四盟,industry,
A5,五盟,industry,
A6,六盟,big_committee,L
""",
        alliance_members="""\
alliance_id,member_id,role
A1,X,lead
A1,Y,member
A1,B,part_time_member
A2,B,member
A2,Z,
A2,W,
A2,W,part_time_member
A3,P,
A3,Q,
A4,Q,
A4,R,
A5,R,
A5,U1,
A6,M,
A6,U2,
""",
    )
    assert subjects(r, "alliance-single-point") == ["B", "Q", "R"]
    msgs = {f.subject_id: f.message for f in r.findings if f.rule == "alliance-single-point"}
    assert "2" in msgs["B"]  # it links two alliances
    net = r.metrics["alliance"]["network"]
    # members: X Y B Z W P Q R U1 L M U2 = 12 in 3 components ({XYBZW}, {PQRU1}, {LMU2})
    assert net["members"] == 12
    assert net["components"] == 3
    assert net["largest_component"] == 5
    assert net["single_points"] == 3


def test_lead_org_counts_for_single_points(tmp_path: Path) -> None:
    # A1 has lead L and one listed member K1; A2 has K1 and U1.  Counting the lead as a member,
    # L - K1 - U1 is a chain and K1 is its cut point.  Without the lead, A1 would be a
    # one-member alliance and K1 no cut point.
    r = audit(
        tmp_path,
        orgs=MEMBERS_ORGS,
        units=UNITS,
        alliances="id,name,kind,lead_org_id\nA1,一盟,regional,L\nA2,二盟,regional,\n",
        alliance_members="alliance_id,member_id\nA1,K1\nA2,K1\nA2,U1\n",
    )
    assert subjects(r, "alliance-single-point") == ["K1"]


def test_two_alliances_sharing_two_members_have_no_single_point(tmp_path: Path) -> None:
    # A1 {P, Q, R} and A2 {Q, R, S}: Q and R both bridge, so removing either leaves the other.
    r = audit(
        tmp_path,
        orgs=MEMBERS_ORGS,
        alliances="id,name,kind\nA1,一盟,regional\nA2,二盟,regional\n",
        alliance_members="alliance_id,member_id\nA1,P\nA1,Q\nA1,R\nA2,Q\nA2,R\nA2,S\n",
    )
    assert subjects(r, "alliance-single-point") == []


def test_members_without_a_role_column_are_plain_members(tmp_path: Path) -> None:
    # alliance_members without its optional role column: every row is role "member" (the
    # contract's default), the lead stays "lead"; no role is ever missing (a map drew NaN).
    from helpers import dataset

    from orggraph.audit_context import alliance_memberships

    ds = dataset(
        tmp_path,
        areas=AREAS_C,
        orgs=ORGS + "O1,一社区党委,committee,O0,C1,,\nO2,二社区党委,committee,O0,C2,,\n",
        alliances="id,name,kind,lead_org_id\nA1,联盟,regional,O1\n",
        alliance_members="alliance_id,member_id\nA1,O1\nA1,O2\n",
    )
    m = alliance_memberships(ds).set_index("member_id")["role"].to_dict()
    assert m == {"O1": "lead", "O2": "member"}

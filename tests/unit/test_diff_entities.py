"""Entity comparison: forms that read the same are no change; link tables keyed naturally."""

from __future__ import annotations

from pathlib import Path

from helpers import write_dataset

from orggraph.io import load
from orggraph.progress.diff import diff_datasets
from orggraph.progress.entities import diff_entities

# UTF-8, English headers and codes, whole numbers, an extra column 备注编号 holding "12".
ENGLISH = {
    "areas": """\
id,name,level,parent_id,households,备注编号
D,城区,district,,,
S1,凤山街道,street,D,,
C1,金湖社区,community,S1,1200,12
""",
    "orgs": """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,金湖社区党委,committee,O0,C1,,30
""",
    "units": """\
id,name,kind,area_id,employees,party_members
U1,金湖物业,property_company,C1,40,2
""",
    "pairings": """\
source_id,area_id,kind,members_reported
U1,C1,dual_report,5
""",
}
# The same rows as a planner's GBK export with Chinese headers and words, "12.0" for 12 and
# "1,200" for 1200.
CHINESE = {
    "areas.csv": """\
编号,名称,层级,上级编号,户数,备注编号
D,城区,区,,,
S1,凤山街道,街道,D,,
C1,金湖社区,社区,S1,"1,200",12.0
""".encode("gbk"),
    "orgs.csv": """\
编号,名称,类型,上级党组织,负责区域,所在单位,党员数
O0,区委,党委,,D,,
O1,金湖社区党委,党委,O0,C1,,30.0
""".encode("gbk"),
    "units.csv": """\
编号,名称,类别,所在区域,职工数,党员数
U1,金湖物业,物业公司,C1,40,2.0
""".encode("gbk"),
    "pairings.csv": """\
报到单位,结对区域,方式,报到党员数
U1,C1,双报到,5.0
""".encode("gbk"),
}


def test_encoding_enum_language_and_number_forms_are_no_change(tmp_path: Path) -> None:
    a = load(write_dataset(tmp_path / "en", ENGLISH))
    b = load(write_dataset(tmp_path / "zh", CHINESE))
    changes = diff_entities(a, b)
    assert {name: len(tc) for name, tc in changes.items() if len(tc)} == {}
    assert diff_datasets(a, b).is_empty()


def test_a_real_change_in_an_extra_column_shows(tmp_path: Path) -> None:
    a = load(write_dataset(tmp_path / "en", ENGLISH))
    b = load(
        write_dataset(
            tmp_path / "b", {**ENGLISH, "areas": ENGLISH["areas"].replace(",12\n", ",13\n")}
        )
    )
    (changed,) = diff_entities(a, b)["areas"].to_dict()["changed"]
    # Extra columns stay text; compared as numbers, shown as written.
    assert changed == {"id": "C1", "fields": {"备注编号": {"old": "12", "new": "13"}}}


def test_link_rows_are_keyed_by_their_required_columns(tmp_path: Path) -> None:
    a = load(write_dataset(tmp_path / "a", ENGLISH))
    pairings = """\
source_id,area_id,kind,members_reported
U1,C1,dual_report,7
U1,C1,liaison,
"""
    b = load(write_dataset(tmp_path / "b", {**ENGLISH, "pairings": pairings}))
    doc = diff_entities(a, b)["pairings"].to_dict()
    assert doc["key"] == ["source_id", "area_id", "kind"]
    # The dual_report row is the same link with a new count; the liaison row is new.
    assert doc["added"] == [{"source_id": "U1", "area_id": "C1", "kind": "liaison"}]
    assert doc["removed"] == []
    assert doc["changed"] == [
        {
            "id": {"source_id": "U1", "area_id": "C1", "kind": "dual_report"},
            "fields": {"members_reported": {"old": 5, "new": 7}},
        }
    ]


def test_a_repeated_link_row_is_counted_once_per_occurrence(tmp_path: Path) -> None:
    one = "alliance_id,member_id,role\nA1,O1,member\n"
    two = one + "A1,O1,member\n"
    alliances = "id,name,kind,lead_org_id,area_id\nA1,金湖联盟,regional,O1,\n"
    a = load(
        write_dataset(tmp_path / "a", {**ENGLISH, "alliances": alliances, "alliance_members": one})
    )
    b = load(
        write_dataset(tmp_path / "b", {**ENGLISH, "alliances": alliances, "alliance_members": two})
    )
    tc = diff_entities(a, b)["alliance_members"]
    # The second copy (occurrence 1) is the added row; the first matches the old one.
    assert tc.key == ("alliance_id", "member_id", "_n")
    assert tc.added == [("A1", "O1", 1)] and tc.removed == [] and tc.changed == {}
    assert tc.to_dict()["added"] == [{"alliance_id": "A1", "member_id": "O1", "_n": 1}]


def test_an_extra_column_one_side_lacks_is_listed_not_compared(tmp_path: Path) -> None:
    a = load(write_dataset(tmp_path / "a", ENGLISH))
    orgs = ENGLISH["orgs"].replace("members\n", "members,书记\n").replace(",30\n", ",30,王某\n")
    b = load(write_dataset(tmp_path / "b", {**ENGLISH, "orgs": orgs}))
    changes = diff_entities(a, b)
    # 书记 is new in b: a change of the form, not of O1; areas' 备注编号 is on both sides.
    assert changes["orgs"].to_dict()["columns"] == {"added": ["书记"], "removed": []}
    assert len(changes["orgs"]) == 0
    assert changes["areas"].to_dict()["columns"] == {"added": [], "removed": []}

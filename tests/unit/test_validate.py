"""Each way a dataset breaks the contract: one DatasetError naming file, row and column of
every problem at once (DATASET.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import AREAS, ORGS, write_dataset

from orggraph.errors import EXIT_DATASET, DatasetError, Problem
from orggraph.io import load

OK = {"areas": AREAS, "orgs": ORGS}


def problems(folder: Path, **tables: str | bytes) -> list[Problem]:
    """The problems loading ``tables`` (over the valid skeleton) reports."""
    with pytest.raises(DatasetError) as e:
        load(write_dataset(folder, {**OK, **tables}))
    assert e.value.exit_code == EXIT_DATASET
    assert e.value.problems, "a DatasetError lists its problems"
    return e.value.problems


def find(ps: list[Problem], file: str, row: int | None, column: str | None) -> Problem:
    hits = [p for p in ps if p.file == file and p.row == row and p.column == column]
    assert hits, f"no problem at {file} row {row} column {column} in {[str(p) for p in ps]}"
    return hits[0]


def test_the_skeleton_is_valid(tmp_path: Path) -> None:
    assert len(load(write_dataset(tmp_path, OK)).areas) == 2


@pytest.mark.parametrize(
    "data",
    [
        # Latin-1: GB18030 decodes it, to rare characters no planner typed (Rue 蒷ys閑).
        "id,name,level\nD,Rue Élysée,district\n".encode("latin-1"),
        bytes(range(128, 256)) * 4,  # nothing a spreadsheet writes
    ],
    ids=["latin-1", "random-bytes"],
)
def test_wrong_encoding(tmp_path: Path, data: bytes) -> None:
    ps = problems(tmp_path, areas=data)
    p = find(ps, "areas.csv", None, None)
    assert "UTF-8" in p.message and "GB" in p.message


def test_wrong_encoding_in_an_optional_file(tmp_path: Path) -> None:
    ps = problems(tmp_path, units=bytes(range(128, 256)) * 4)
    assert [p.file for p in ps] == ["units.csv"]


def test_missing_required_column(tmp_path: Path) -> None:
    # orgs without its type column: row 1 (the header), column type, and the Chinese name.
    ps = problems(tmp_path, orgs="id,name,parent_id\nO0,区委,\n")
    p = find(ps, "orgs.csv", 1, "type")
    assert "type" in p.message and "类型" in p.message


def test_bad_enum_with_did_you_mean(tmp_path: Path) -> None:
    # Row 3 of areas (header is row 1) says "comunity": suggest "community" and list the options.
    ps = problems(tmp_path, areas=AREAS + "C1,金湖社区,comunity,S1\nC2,银湖社区,社去,S1\n")
    p = find(ps, "areas.csv", 4, "level")
    assert "'comunity'" in p.message and "did you mean 'community'" in p.message
    assert "village" in p.message  # what was expected
    assert find(ps, "areas.csv", 5, "level")


def test_duplicate_ids_within_and_across_files(tmp_path: Path) -> None:
    # S1 twice in areas (rows 3 and 4); O0 is an org id and also an area id (row 5 of areas).
    ps = problems(tmp_path, areas=AREAS + "S1,又一街道,street,D\nO0,同名区域,street,D\n")
    dup = [p for p in ps if "duplicate" in p.message]
    assert len(dup) == 2
    p = find(dup, "areas.csv", 4, "id")
    assert "'S1'" in p.message and "row 3" in p.message
    cross = [p for p in dup if "'O0'" in p.message]
    assert len(cross) == 1
    # one of the two O0 rows is reported, pointing at the other file
    assert {cross[0].file, *(f for f in ("areas.csv", "orgs.csv") if f in cross[0].message)} == {
        "areas.csv",
        "orgs.csv",
    }


def test_dangling_reference_with_did_you_mean(tmp_path: Path) -> None:
    # The area is S09; row 2 of orgs points at S9.
    ps = problems(
        tmp_path,
        areas="id,name,level,parent_id\nD,城区,district,\nS09,街道,street,D\n",
        orgs="id,name,type,parent_id,area_id\nO0,区委,committee,,S9\n",
    )
    p = find(ps, "orgs.csv", 2, "area_id")
    assert "'S9'" in p.message and "did you mean 'S09'" in p.message


def test_dangling_references_everywhere_at_once(tmp_path: Path) -> None:
    ps = problems(
        tmp_path,
        units="id,name,kind,area_id\nU1,企业,enterprise,NOPE\n",
        unit_coverage="org_id,unit_id,kind\nOX,U1,joint\nO0,UX,joint\n",
        alliances="id,name,kind,lead_org_id,area_id\nA1,联盟,regional,U1,S1\n",
        alliance_members="alliance_id,member_id\nAX,O0\nA1,S1\n",
        pairings="source_id,area_id,kind\nD,S1,liaison\nU1,O0,liaison\n",
        sites="id,name,level,area_id\nT1,中心,community_center,ZZ\n",
    )
    expected = [
        ("units.csv", 2, "area_id"),
        ("unit_coverage.csv", 2, "org_id"),
        ("unit_coverage.csv", 3, "unit_id"),
        ("alliances.csv", 2, "lead_org_id"),  # U1 is a unit, not an org
        ("alliance_members.csv", 2, "alliance_id"),
        ("alliance_members.csv", 3, "member_id"),  # an area cannot be a member
        ("pairings.csv", 2, "source_id"),  # an area is not a source
        ("pairings.csv", 3, "area_id"),
        ("sites.csv", 2, "area_id"),
    ]
    for where in expected:
        find(ps, *where)
    assert len(ps) == len(expected)


def test_non_numeric_and_negative_counts(tmp_path: Path) -> None:
    ps = problems(
        tmp_path,
        orgs=ORGS + "B1,支部,branch,O0,,,十二\nB2,支部,branch,O0,,,-3\n",
        units="id,name,kind,party_members,employees\nU1,企业,enterprise,3吨,abc\n",
    )
    assert "'十二'" in find(ps, "orgs.csv", 3, "members").message
    assert find(ps, "orgs.csv", 4, "members")
    # 3人 is a count with its unit (read as 3); a ton is no unit of people.
    assert "'3吨'" in find(ps, "units.csv", 2, "party_members").message
    assert find(ps, "units.csv", 2, "employees")


def test_required_cell_empty(tmp_path: Path) -> None:
    ps = problems(tmp_path, orgs=ORGS + "O1,,branch,O0,,,\n")
    assert "name" in find(ps, "orgs.csv", 3, "name").message


@pytest.mark.parametrize(
    ("row", "parent"),
    [
        ("C2,社区,community,C1", "C1"),  # a community inside a community (same level)
        ("C2,社区,community,G1", "G1"),  # inside a grid (lower)
        ("T1,镇,town,S1", "S1"),  # street and town are peers
        ("V1,村,village,C1", "C1"),  # community and village are peers
        ("D2,区,district,D", "D"),
    ],
)
def test_wrong_parent_level(tmp_path: Path, row: str, parent: str) -> None:
    areas = AREAS + "C1,一社区,community,S1\nK1,小区,compound,C1\nG1,网格,grid,K1\n" + row + "\n"
    ps = problems(tmp_path, areas=areas)
    assert len(ps) == 1
    p = find(ps, "areas.csv", 7, "parent_id")
    assert f"'{parent}'" in p.message


def test_area_levels_may_skip(tmp_path: Path) -> None:
    # "a higher level", not "the next level": a grid straight under a community is fine.
    areas = AREAS + "C1,社区,社区,S1\nG1,网格,网格,C1\n"
    ds = load(write_dataset(tmp_path, {**OK, "areas": areas}))
    assert len(ds.areas) == 4


def test_empty_files(tmp_path: Path) -> None:
    # A 0-byte required file and a 0-byte optional file are both reported (not taken as "none").
    ps = problems(tmp_path, areas=b"", units=b"")
    assert "empty" in find(ps, "areas.csv", None, None).message
    assert find(ps, "units.csv", None, None)


def test_header_only_required_file(tmp_path: Path) -> None:
    ps = problems(tmp_path, orgs="id,name,type,parent_id\n")
    assert find(ps, "orgs.csv", None, None)


def test_header_only_optional_file_is_fine(tmp_path: Path) -> None:
    ds = load(write_dataset(tmp_path, {**OK, "pairings": "source_id,area_id,kind\n"}))
    assert len(ds.pairings) == 0


@pytest.mark.parametrize("missing", ["areas", "orgs"])
def test_missing_required_file(tmp_path: Path, missing: str) -> None:
    tables = {k: v for k, v in OK.items() if k != missing}
    if missing == "areas":
        tables["orgs"] = "id,name,type\nO0,区委,committee\n"
    with pytest.raises(DatasetError) as e:
        load(write_dataset(tmp_path, tables))
    (p,) = e.value.problems
    assert p.file.startswith(missing) and missing in p.message


def test_blank_rows_do_not_shift_row_numbers(tmp_path: Path) -> None:
    # Lines 1-3 are the header, D and S1; line 4 is blank and line 5 only commas: the bad
    # value on line 6 is reported as row 6, as the spreadsheet shows it.
    ps = problems(tmp_path, areas=AREAS + "\n,,,\nC1,社区,社去,S1\n")
    assert [(p.row, p.column) for p in ps] == [(6, "level")]


def test_blank_rows_in_a_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "areas"
    ws.append(["id", "name", "level", "parent_id"])
    ws.append(["D", "城区", "district", None])
    ws.append([None, None, None, None])
    ws.append(["S1", "街道", "街到", "D"])
    o = wb.create_sheet("orgs")
    o.append(["id", "name", "type"])
    o.append(["O0", "区委", "党委"])
    wb.save(tmp_path / "b.xlsx")
    with pytest.raises(DatasetError) as e:
        load(tmp_path / "b.xlsx")
    (p,) = e.value.problems
    assert (p.row, p.column) == (4, "level")
    assert "areas" in p.file and "b.xlsx" in p.file


def test_every_problem_at_once(tmp_path: Path) -> None:
    # Five independent problems in four files, all in one error; the report lists each with
    # file, row and column.
    with pytest.raises(DatasetError) as e:
        load(
            write_dataset(
                tmp_path,
                {
                    "areas": AREAS + "C1,社区,comunity,S1\n",
                    "orgs": ORGS + "O1,支部,branch,O9,S1,,x\n",
                    "units": "id,name,kind\nU1,企业,enterprise\nU1,企业二,enterprise\n",
                    "sites": "id,name,level,area_id\nT1,中心,community_center,\n",
                },
            )
        )
    ps = e.value.problems
    for where in [
        ("areas.csv", 4, "level"),
        ("orgs.csv", 3, "parent_id"),
        ("orgs.csv", 3, "members"),
        ("units.csv", 3, "id"),
        ("sites.csv", 2, "area_id"),
    ]:
        find(ps, *where)
    assert len(ps) == 5
    report = e.value.report()
    assert "5 problems" in report
    assert "areas.csv row 4, column level" in report
    assert "sites.csv row 2, column area_id" in report


def test_no_such_dataset(tmp_path: Path) -> None:
    with pytest.raises(DatasetError):
        load(tmp_path / "nothing-here")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DatasetError):
        load(tmp_path / "a.txt")


def test_missing_column_does_not_cascade_into_dangling_references(tmp_path: Path) -> None:
    # areas lacks its name column: that is one problem.  The areas' ids are still there, so
    # orgs.area_id = D is not reported as a dangling reference too.
    ps = problems(
        tmp_path,
        areas="id,level,parent_id\nD,district,\nS1,street,D\n",
        orgs="id,name,type,area_id\nO0,区委,committee,D\n",
    )
    assert [(p.file, p.row, p.column) for p in ps] == [("areas.csv", 1, "name")]


def test_missing_orgs_file_is_one_problem(tmp_path: Path) -> None:
    # No orgs.csv at all: one "missing" problem, not one per reference into orgs.
    folder = write_dataset(
        tmp_path, {"areas": AREAS, "alliances": "id,name,kind,lead_org_id\nL1,联盟,regional,O0\n"}
    )
    with pytest.raises(DatasetError) as e:
        load(folder)
    # The message lists what each file found was taken as, so a misnamed file is easy to spot.
    assert [(p.file, p.message) for p in e.value.problems] == [
        (
            "orgs.csv",
            "required file 'orgs' (党组织) is missing; "
            "found: alliances.csv → alliances; areas.csv → areas",
        )
    ]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def test_missing_sheet_is_named_as_a_sheet(tmp_path: Path) -> None:
    book = _workbook(
        tmp_path / "b.xlsx",
        {"orgs": [["id", "name", "type"], ["O0", "区委", "党委"]], "Sheet1": [["x"]]},
    )
    with pytest.raises(DatasetError) as e:
        load(book)
    assert [(p.file, p.message) for p in e.value.problems] == [
        (
            "b.xlsx sheet areas",
            "required sheet 'areas' (区域) is missing; "
            "found: b.xlsx sheet orgs → orgs; b.xlsx sheet Sheet1 → ignored",
        )
    ]


def test_empty_sheet_is_reported_once(tmp_path: Path) -> None:
    # The areas sheet exists but is empty: that is its one problem, not also "missing".
    book = _workbook(
        tmp_path / "b.xlsx", {"areas": [], "orgs": [["id", "name", "type"], ["O0", "区委", "党委"]]}
    )
    with pytest.raises(DatasetError) as e:
        load(book)
    assert len(e.value.problems) == 1
    assert e.value.problems[0].file == "b.xlsx sheet areas"
    assert "empty" in e.value.problems[0].message


def test_empty_area_id_does_not_invent_parent_problems(tmp_path: Path) -> None:
    # Row 3 has no id: that is the problem.  The top area (empty parent) must not be compared
    # with the id-less row as if it were its parent.
    ps = problems(tmp_path, areas=AREAS + ",无编号,community,S1\n", orgs=ORGS)
    assert [(p.file, p.row, p.column) for p in ps] == [("areas.csv", 4, "id")]


def test_dates_as_planners_write_them(tmp_path: Path) -> None:
    # ISO, Chinese (2021年3月1日, day optional) and an Excel serial day number all read as dates.
    ds = load(
        write_dataset(
            tmp_path,
            {
                "areas": AREAS + "C1,金湖社区,community,S1\n",
                "orgs": ORGS,
                "units": "id,name,kind\nU1,甲,agency\n",
                "pairings": "source_id,area_id,kind,since\nU1,C1,dual_report,2021-03-01\n"
                "U1,C1,liaison,2021年3月1日\nU1,C1,contract,2021年3月\nU1,C1,co_building,44256\n",
            },
        )
    )
    assert ds.pairings["since"].tolist() == ["2021-03-01"] * 4


def test_enum_codes_in_any_case(tmp_path: Path) -> None:
    ds = load(
        write_dataset(tmp_path, {"areas": AREAS + "C1,金湖社区,Community,S1\n", "orgs": ORGS})
    )
    assert ds.areas["level"].tolist()[-1] == "community"


def test_missing_table_names_a_sheet_that_looks_like_it(tmp_path: Path) -> None:
    # 党组 is no table name, so it is ignored; the missing-orgs problem points at it.
    book = _workbook(
        tmp_path / "b.xlsx",
        {"areas": [["id", "name", "level"], ["D", "城区", "district"]], "党组": [["id"]]},
    )
    with pytest.raises(DatasetError) as e:
        load(book)
    (p,) = e.value.problems
    assert p.file == "b.xlsx sheet orgs"
    assert "b.xlsx sheet 党组 → ignored (is this orgs? rename it 'orgs')" in p.message

"""Files as planners and hostile users hand them over: read right, or refused with a located error.

Every case is a real file written to tmp_path (CSV bytes, openpyxl workbooks, zips built by hand).
Each expectation says what a planner needs: the data read as typed, or a refusal that names the
file, the row and the column, and what to do.  No case may end in a traceback.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from orggraph.dataset import Dataset
from orggraph.errors import DatasetError, Problem
from orggraph.io import load
from orggraph.read import limits

AREAS = "id,name,level,parent_id\nD,城区,district,\nS,城北街道,street,D\n"
ORGS = (
    "id,name,type,area_id,members\nP1,区委,committee,D,120\nP2,街道党工委,working_committee,S,30\n"
)


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "ds"
    folder.mkdir()
    for name, body in files.items():
        (folder / name).write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    return folder


def _refused(path: Path) -> list[Problem]:
    with pytest.raises(DatasetError) as e:
        load(path)
    return e.value.problems


def _tidy(tmp_path: Path) -> Dataset:
    return load(_folder(tmp_path / "tidy", {"areas.csv": AREAS, "orgs.csv": ORGS}))


def _same(a: Dataset, b: Dataset) -> None:
    for name, frame in a.items():
        assert frame.equals(b[name]), name


@pytest.mark.parametrize(
    "orgs",
    [
        "党组织情况表\n" + ORGS,  # a title line with no padding commas (crashed in _finish)
        ORGS.replace("\nP1", ",\nP1").replace("30\n", "30,\n").replace("120\n", "120,\n"),
        ORGS.replace(",", "\t"),  # tab-separated text saved as .csv
        ("\ufeff" + ORGS.replace(",", "\t")).encode("utf-16-le"),  # Excel's "Unicode text"
        "党组织\n" + ORGS.replace(",", "\t"),  # a title line above tab-separated rows
        "序号," + ORGS.replace("\nP1", "\n1,P1").replace("\nP2", "\n2,P2"),
        ORGS + "合计,,,,150\n",
        "党组织\n" + ORGS + ORGS.split("\n", 1)[0] + "\n",  # the header pasted again below
        ORGS + ORGS.split("\n", 1)[0] + "\n",  # the same below a tidy table (fast path)
    ],
    ids=[
        "title line",
        "trailing commas",
        "tab-separated",
        "UTF-16 tabs",
        "title and tabs",
        "序号",
        "合计 row",
        "header again",
        "header again, tidy",
    ],
)
def test_untidy_csv_reads_as_the_tidy_one(orgs: str | bytes, tmp_path: Path) -> None:
    tmp_path.joinpath("tidy").mkdir()
    ds = load(_folder(tmp_path, {"areas.csv": AREAS, "orgs.csv": orgs}))
    _same(ds, _tidy(tmp_path))


def test_a_value_beyond_the_header_is_refused_with_its_cell(tmp_path: Path) -> None:
    # An unquoted comma inside a name shifts the row: never read it as if nothing happened.
    orgs = ORGS.replace("P2,街道党工委", "P2,街道,党工委")
    problems = _refused(_folder(tmp_path, {"areas.csv": AREAS, "orgs.csv": orgs}))
    assert ("orgs.csv", 3, "F") in [(p.file, p.row, p.column) for p in problems]


def test_latin1_is_refused_naming_the_encodings_tried(tmp_path: Path) -> None:
    # GB18030 decodes these bytes (Rue 蒷ys閑): implausible Chinese, so refused, not accepted.
    orgs = "id,name,type\nP1,Rue Élysée,committee\n".encode("latin-1")
    (p,) = _refused(_folder(tmp_path, {"areas.csv": AREAS, "orgs.csv": orgs}))
    assert p.file == "orgs.csv" and "utf-8, gb18030" in p.message


def test_unbalanced_quote_is_reported_with_its_row(tmp_path: Path) -> None:
    orgs = 'id,name,type\nP1,区委,committee\nP2,"街道,committee\nP3,x,committee\n'
    problems = _refused(_folder(tmp_path, {"areas.csv": AREAS, "orgs.csv": orgs}))
    assert [(p.file, p.row) for p in problems] == [("orgs.csv", 3)]  # the record the quote opens


def test_wide_header_is_refused_quickly(tmp_path: Path) -> None:
    orgs = ",".join(f"c{i}" for i in range(100_000)) + "\n"
    started = time.perf_counter()
    (p,) = _refused(_folder(tmp_path, {"areas.csv": AREAS, "orgs.csv": orgs}))
    assert str(limits.MAX_COLUMNS) in p.message and p.file == "orgs.csv"
    assert time.perf_counter() - started < 10  # was 154 s: the limit bounds the work


@pytest.mark.parametrize(
    ("files", "where"),
    [
        ({"orgs.csv": ORGS.replace("120", "1e400")}, ("orgs.csv", 2, "members")),
        (
            {"pairings.csv": "source_id,area_id,kind,members_reported\nP1,S,双报到,1e999\n"},
            ("pairings.csv", 2, "members_reported"),
        ),
        ({"orgs.csv": ORGS.replace("members", "_row")}, ("orgs.csv", 1, "_row")),
        ({"orgs.csv": ORGS.replace("P1,", "3.30199E+11,", 1)}, ("orgs.csv", 2, "id")),
        # One cell over Excel's 32,767 characters: a bounded read, refused at its row.
        ({"orgs.csv": ORGS.replace("区委", "区" * 40_000)}, ("orgs.csv", 2, "name")),
    ],
    ids=["1e400", "1e999", "_row", "scientific notation", "40,000-character cell"],
)
def test_refused_values(files: dict[str, str], where: tuple[str, int, str], tmp_path: Path) -> None:
    files = {"areas.csv": AREAS, "orgs.csv": ORGS, **files}
    problems = _refused(_folder(tmp_path, dict(files)))
    assert where in [(p.file, p.row, p.column) for p in problems]


def test_full_width_ids_and_numbers_with_units(tmp_path: Path) -> None:
    orgs = (
        "id,name,type,area_id,members\n"
        "Ｐ１,区委,committee,Ｄ,１２０人\n"
        "P2,街道党工委,working_committee,S,30名\n"
    )
    ds = load(_folder(tmp_path, {"areas.csv": AREAS, "orgs.csv": orgs}))
    tmp_path.joinpath("tidy").mkdir()
    _same(ds, _tidy(tmp_path))


def _workbook(path: Path, hidden_header_style: bool = False) -> Path:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, text in (("areas", AREAS), ("orgs", ORGS)):
        ws = wb.create_sheet(name)
        for line in text.strip().split("\n"):
            ws.append([int(v) if v.isdigit() else (v or None) for v in line.split(",")])
        if hidden_header_style:
            from openpyxl.styles import Font

            for col in (ws.max_column + 1, ws.max_column + 2):  # bold, empty header cells
                ws.cell(1, col).font = Font(bold=True)
    wb.save(path)
    return path


def test_styled_empty_header_cells_do_not_refuse_valid_data(tmp_path: Path) -> None:
    ds = load(_workbook(tmp_path / "b.xlsx", hidden_header_style=True))
    assert list(ds.orgs["id"]) == ["P1", "P2"]


def _rezip(src: Path, dst: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, change.get(item.filename, zin.read(item.filename)))
    return dst


def _sheet_xml(book: Path, sheet: str) -> bytes:
    wb = load_workbook(book)
    index = wb.sheetnames.index(sheet) + 1
    with zipfile.ZipFile(book) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml")


def test_dimension_tag_is_not_trusted(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "b.xlsx")
    xml = _sheet_xml(book, "orgs")
    import re

    for ref in (b"A1:XFD1048576", b"A1:E2"):  # a huge one, and a stale one that hides row 3
        bad = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="' + ref + b'"', xml)
        out = _rezip(book, tmp_path / f"d{len(ref)}.xlsx", {"xl/worksheets/sheet2.xml": bad})
        assert list(load(out).orgs["id"]) == ["P1", "P2"]


@pytest.mark.parametrize(
    "far",
    [
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
        # A second ref glued to the first (found by fuzzing): calamine reads it, so must we.
        b'<row r="4"><c r="B4"r="A99999999" t="inlineStr"><is><t>x</t></is></c></row>',
        # Cells with no ref take the next column: 60 of them on row 1048576 (2.7 GB before).
        b'<row r="1048576">' + b'<c t="inlineStr"><is><t>z</t></is></c>' * 60 + b"</row>",
    ],
    ids=["XFD1048576", "glued ref", "cells without refs"],
)
def test_a_stray_cell_far_away_is_refused_before_calamine_allocates_the_sheet(
    far: bytes, tmp_path: Path
) -> None:
    # One far cell makes the sheet a huge rectangle: calamine would allocate it whole (the
    # process aborted, out of memory).  The sheet's refs are checked first.
    book = _workbook(tmp_path / "b.xlsx")
    xml = _sheet_xml(book, "orgs").replace(b"</sheetData>", far + b"</sheetData>")
    out = _rezip(book, tmp_path / "far.xlsx", {"xl/worksheets/sheet2.xml": xml})
    (p,) = _refused(out)
    assert p.file == "far.xlsx sheet orgs" and "cells" in p.message


def test_hostile_xml_is_refused_with_a_located_error(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "b.xlsx")
    xml = _sheet_xml(book, "orgs")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    ) + xml.split(b"?>", 1)[-1].replace(b"P1", b"&lol2;")
    cases = {
        "laughs": laughs,
        "xxe": laughs.replace(b'<!ENTITY lol "lol">', b'<!ENTITY lol SYSTEM "file:///etc/passwd">'),
        "truncated": xml[: len(xml) // 2],
    }
    for name, body in cases.items():
        out = _rezip(book, tmp_path / f"{name}.xlsx", {"xl/worksheets/sheet2.xml": body})
        problems = _refused(out)
        assert problems and all(p.file.startswith(f"{name}.xlsx") for p in problems), name


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "b.xlsx")
    xml = _sheet_xml(book, "orgs")
    # 64 MB of one repeated cell deflates some 1000 times: a bomb's ratio, found from the sizes.
    cell = b'<c r="F2" t="inlineStr"><is><t>' + b"x" * (64 * 2**20) + b"</t></is></c>"
    bomb = xml.replace(b"</row>", cell + b"</row>", 1)
    out = _rezip(book, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet2.xml": bomb})
    started = time.perf_counter()
    (p,) = _refused(out)
    assert p.file == "bomb.xlsx" and "zip bomb" in p.message
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("name", "body", "says"),
    [
        ("ds.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "WPS"),
        ("ds.xls", b"<html><body><table><tr><td>id</td></tr></table></body></html>", "HTML"),
        ("ds.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
    ],
)
def test_files_that_are_not_what_their_name_says(
    name: str, body: bytes, says: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(body)
    (p,) = _refused(path)
    assert p.file == name and says in p.message and "另存为 .xlsx" in p.message


def test_legacy_xls_is_read(tmp_path: Path) -> None:
    import xlwt  # a dev dependency: writes a real BIFF8 .xls, as Excel 97-2003 saves it

    book = xlwt.Workbook()
    for name, text in (("areas", AREAS), ("orgs", ORGS)):
        ws = book.add_sheet(name)
        for r, line in enumerate(text.strip().split("\n")):
            for c, v in enumerate(line.split(",")):
                ws.write(r, c, int(v) if v.isdigit() else v)
    book.save(str(tmp_path / "ds.xls"))
    tmp_path.joinpath("tidy").mkdir()
    _same(load(tmp_path / "ds.xls"), _tidy(tmp_path))

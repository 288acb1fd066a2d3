"""Layouts of real government workbooks read exactly as the tidy version of the same data.

Each case rewrites the tidy Chinese workbook of forms.py with openpyxl the way planners lay out
sheets (titles above the header, a table at B3, merged group headings, 序号, merged cells down
data rows, 合计 rows, full-width digits, units in cells and headers, Chinese sheet names …).  The
expected answer is the tidy workbook's own dataset and findings: the layout must change nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from forms import write_xlsx
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from test_reader import findings, normalised

from orggraph.dataset import Dataset
from orggraph.io import load
from orggraph.read import read_raw


@pytest.fixture(scope="module")
def tidy(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return load(write_xlsx(tmp_path_factory.mktemp("tidy") / "ds.xlsx", zh=True))


def _rows(ws: Worksheet) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def _rewrite(ws: Worksheet, rows: list[list[Any]], top: int = 1, left: int = 1) -> None:
    """Clear ``ws`` and write ``rows`` with their first cell at (top, left)."""
    ws.delete_rows(1, ws.max_row)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            ws.cell(top + i, left + j, v)


def title_rows(ws: Worksheet) -> None:
    rows = _rows(ws)
    _rewrite(
        ws,
        [
            ["城北街道党组织情况统计表"],
            ["填报单位：城北街道党工委", None, "填表日期：2024年3月"],
            *rows,
        ],
    )


def table_at_b3(ws: Worksheet) -> None:
    _rewrite(ws, _rows(ws), top=3, left=2)


def two_row_header(ws: Worksheet) -> None:
    rows = _rows(ws)
    width = len(rows[0])
    _rewrite(ws, [["基本信息"] + [None] * (width - 1), *rows])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=min(width, 3))
    if width > 3:
        ws.cell(1, 4, "组织关系")
        ws.merge_cells(start_row=1, start_column=4, end_row=1, end_column=width)


def serial_column(ws: Worksheet) -> None:
    rows = _rows(ws)
    _rewrite(ws, [["序号", *rows[0]], *[[i, *r] for i, r in enumerate(rows[1:], 1)]])


def reordered(ws: Worksheet) -> None:
    _rewrite(ws, [list(reversed(r)) for r in _rows(ws)])


def blank_separator(ws: Worksheet) -> None:
    from openpyxl.styles import Font, PatternFill

    rows = _rows(ws)
    _rewrite(ws, [[r[0], None, *r[1:]] for r in rows])
    for i in range(1, len(rows) + 1):  # formatted but empty: a fill and a bold font
        ws.cell(i, 2).fill = PatternFill("solid", fgColor="DDDDDD")
        ws.cell(i, 2).font = Font(bold=True)


def total_and_blank_rows(ws: Worksheet) -> None:
    rows = _rows(ws)
    width = len(rows[0])
    middle = len(rows) // 2 + 1
    out = [*rows[:middle], [None] * width, *rows[middle:], ["合计", *[None] * (width - 1)]]
    out.append(["注：本表由街道党建办填报", *[None] * (width - 1)])
    _rewrite(ws, out)


def full_width(ws: Worksheet) -> None:
    wide = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
    rows = _rows(ws)
    header = rows[0]
    out = [header]
    for r in rows[1:]:
        out.append(
            [
                v.translate(wide) if isinstance(v, str) and h in ("编号", "上级编号") else v
                for h, v in zip(header, r, strict=True)
            ]
        )
    _rewrite(ws, out)


def merged_down(ws: Worksheet) -> None:
    """Equal values merged down a run of rows (the parent or the type of consecutive rows)."""
    rows = _rows(ws)
    for c in range(len(rows[0])):
        start = 1
        for r in range(2, len(rows) + 1):
            same = r < len(rows) and rows[r][c] is not None and rows[r][c] == rows[start][c]
            if not same:
                if r - 1 > start:
                    ws.merge_cells(
                        start_row=start + 1, start_column=c + 1, end_row=r, end_column=c + 1
                    )
                start = r


LAYOUTS: dict[str, Callable[[Worksheet], None]] = {
    "title and 填报单位 rows": title_rows,
    "table at B3": table_at_b3,
    "two-row header": two_row_header,
    "序号 column": serial_column,
    "reordered columns": reordered,
    "formatted-empty separator column": blank_separator,
    "合计, note and blank rows": total_and_blank_rows,
    "full-width ids": full_width,
    "merged cells down data rows": merged_down,
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_layout_reads_as_the_tidy_workbook(layout: str, tmp_path: Path, tidy: Dataset) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", zh=True)
    wb = load_workbook(path)
    for ws in wb.worksheets:
        if ws.title != "说明":
            LAYOUTS[layout](ws)
    wb.save(path)
    ds = load(path)
    assert normalised(ds) == normalised(tidy)
    assert findings(ds) == findings(tidy)


def test_skipped_rows_are_reported(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", zh=True)
    wb = load_workbook(path)
    title_rows(wb["areas"])
    total_and_blank_rows(wb["areas"])
    wb.save(path)
    report = read_raw(path).tables["areas"].report
    # areas has a header and 9 records: title (1) and 填报单位 (2) lines, header on row 3, records
    # on 4-7, the blank row inserted after the first 7 rows (8), records 9-13, 合计 on 14 and the
    # note on 15.
    assert report.header_rows == [3]
    assert (report.first_row, report.last_row, report.rows) == (4, 13, 9)
    assert report.skipped_rows == [
        (1, "above the header (title or note)"),
        (2, "above the header (title or note)"),
        (8, "blank"),
        (14, "total row"),
        (15, "note"),
    ]


def _book(path: Path, sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


AREAS = [
    ["编号", "名称", "层级", "上级编号"],
    ["D", "城区", "区", None],
    ["S", "城北街道", "街道", "D"],
]
ORGS = [
    ["编号", "名称", "类型", "上级党组织", "负责区域", "党员数"],
    ["P1", "区委", "党委", None, "D", 120],
]


def test_headers_with_units_line_breaks_and_synonyms(tmp_path: Path) -> None:
    orgs = [
        ["编号", "名称", "类型", "上级\n党组织", "负责区域编号", "党员数（人）"],
        ["P1", "区委", "党委", None, "D", "1,250"],
        ["P2", "街道党工委", "党工委", "P1", "S", "30人"],
    ]
    sites = [
        ["编号", "名称", "层级", "服务区域", "面积(平方米)"],
        ["T1", "中心", "街道中心", "S", "860平方米"],
    ]
    book = _book(tmp_path / "b.xlsx", {"区域": AREAS, "党组织": orgs, "阵地": sites})
    ds = load(book)
    o = ds.orgs.set_index("id")
    # Every synonym maps to its field: 上级\n党组织 -> parent_id, 党员数（人） -> members ...
    assert o.at["P2", "parent_id"] == "P1"
    assert o.at["P2", "area_id"] == "S"
    assert o.at["P1", "members"] == 1250  # "1,250"
    assert o.at["P2", "members"] == 30  # "30人"
    assert ds.sites.at[0, "floor_area_m2"] == 860  # "860平方米"
    assert ds.absent["orgs"] == ("unit_id",)  # not there: unknown, not "none"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("党员人数", "members"),
        ("党员数(人)", "members"),
        ("member_count", "members"),
        ("parent", "parent_id"),
        ("上级党组织编号", "parent_id"),
    ],
)
def test_header_synonyms(header: str, field: str, tmp_path: Path) -> None:
    orgs = [
        ["编号", "名称", "类型", header],
        ["P1", "区委", "党委", None],
        ["P2", "x", "党委", None],
    ]
    value = "P1" if field == "parent_id" else 7
    orgs[2][3] = value
    ds = load(_book(tmp_path / "b.xlsx", {"areas": AREAS, "orgs": orgs}))
    assert ds.orgs.set_index("id").at["P2", field] == value
    assert header not in ds.orgs.columns  # never kept as an extra while its field reads empty


def test_near_name_header_is_refused_with_a_did_you_mean(tmp_path: Path) -> None:
    from orggraph.errors import DatasetError

    orgs = [["编号", "名称", "类型", "党员数(预备)"], ["P1", "区委", "党委", 3]]
    with pytest.raises(DatasetError) as e:
        load(_book(tmp_path / "b.xlsx", {"areas": AREAS, "orgs": orgs}))
    (p,) = e.value.problems
    # 党员数(预备) names members with a qualifier that is no unit: refused, never an extra column.
    assert (p.file, p.row, p.column) == ("b.xlsx sheet orgs", 1, "党员数(预备)")
    assert "'members'" in p.message


@pytest.mark.parametrize(
    ("sheet", "table"),
    [
        ("结对共建", "pairings"),
        ("联建覆盖", "unit_coverage"),
        ("单位名单", "units"),
        ("城北街道区域情况统计表", "areas"),
    ],
)
def test_sheet_names_that_name_a_table(sheet: str, table: str) -> None:
    from orggraph.read.headers import table_for_name

    t, exact = table_for_name(sheet)
    assert t is not None and t.name == table
    assert not exact  # the report says what the sheet was taken as


def test_visible_sheet_wins_over_hidden_and_hidden_alone_is_refused(tmp_path: Path) -> None:
    from orggraph.errors import DatasetError

    stale = [["编号", "名称", "类型"], ["OLD", "旧区委", "党委"]]
    book = _book(
        tmp_path / "b.xlsx",
        {"areas": AREAS, "orgs (旧)": stale, "党组织": ORGS, "orgs": stale},
        hidden=("orgs",),
    )
    raw = read_raw(book)
    assert list(raw.tables["orgs"].frame["id"]) == ["P1"]
    assert (
        "b.xlsx sheet orgs",
        "hidden; the visible sheet '党组织' was read as orgs",
    ) in raw.ignored
    only_hidden = _book(tmp_path / "c.xlsx", {"areas": AREAS, "orgs": ORGS}, hidden=("orgs",))
    with pytest.raises(DatasetError) as e:
        load(only_hidden)
    assert [p.file for p in e.value.problems] == ["c.xlsx sheet orgs"]
    assert "hidden" in e.value.problems[0].message


def test_formula_without_saved_value_is_refused(tmp_path: Path) -> None:
    from orggraph.errors import DatasetError

    orgs = [row[:] for row in ORGS]
    orgs[1][5] = "=100+20"  # openpyxl saves the formula and no value, as some tools do
    with pytest.raises(DatasetError) as e:
        load(_book(tmp_path / "b.xlsx", {"areas": AREAS, "orgs": orgs}))
    (p,) = e.value.problems
    assert (p.file, p.row, p.column) == ("b.xlsx sheet orgs", 2, "members")  # F: 党员数
    assert "save" in p.message


def test_folder_of_one_workbook_per_table(tmp_path: Path, tidy: Dataset) -> None:
    src = load_workbook(write_xlsx(tmp_path / "all.xlsx", zh=True))
    folder = tmp_path / "ds"
    folder.mkdir()
    for ws in src.worksheets:
        if ws.title != "说明":
            _book(folder / f"{ws.title}.xlsx", {"Sheet1": _rows(ws)})
    ds = load(folder)
    assert normalised(ds) == normalised(tidy)

"""Builders of the layouts a planner expects to just work (issue 7 section 2).

Each builder takes a folder and writes one dataset into it from the clean Chengdong tables,
returning the path to give ``orggraph.io.load``.  Every value a misread would change is one a
rule or a rate reads (a parent, a type, a member count, a floor area), so a misread shows up
as a different audit, not only as a different table.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from pathlib import Path

from . import grid as G
from .base import bundled, column_for
from .files import write_xlsx
from .grid import Cell, Grid

Builder = Callable[[Path], Path]
WORKBOOK = "城东区.xlsx"

TITLE = "城东区基层党组织和党员情况统计表"
FILL_IN: list[Cell] = ["填报单位（盖章）：城东区委组织部", None, None, "填表日期：2024年3月1日"]
NOTES: list[list[Cell]] = [
    ["说明：1. 编号为唯一标识，请勿重复；"],
    ["2. 上级党组织、负责区域请填写编号；"],
    ["3. 党员数指正式党员人数。"],
]
GROUPS: dict[str, list[tuple[str, list[str]]]] = {
    "orgs": [
        ("基本信息", ["编号", "名称", "类型"]),
        ("组织关系", ["上级党组织", "负责区域", "所在单位"]),
        ("党员情况", ["党员数"]),
    ],
    "areas": [
        ("基本信息", ["编号", "名称", "层级", "上级编号"]),
        ("人口情况", ["户数", "人口"]),
        ("位置", ["纬度", "经度"]),
    ],
    "units": [
        ("基本信息", ["编号", "名称", "类别", "所在区域"]),
        ("党员情况", ["职工数", "党员数"]),
    ],
}
# Columns a planner merges down a run of equal values (Excel's 合并后居中).
MERGED_DOWN = {
    "orgs": ["上级党组织", "类型"],
    "areas": ["上级编号", "层级"],
    "units": ["所在区域", "类别"],
}


Edit = Callable[[dict[str, Grid]], object]


def build(
    *edits: Edit,
    name: str = WORKBOOK,
    writer: Callable[[Path, Iterable[Grid]], Path] = write_xlsx,
    base: str = "chengdong",
) -> Builder:
    """A builder: a bundled dataset's tables, ``edits`` applied in order, saved as one workbook."""

    def write(out: Path) -> Path:
        grids = bundled(base)
        for edit in edits:
            edit(grids)
        return writer(out / name, grids.values())

    return write


def each(edit: Callable[[Grid], object]) -> Edit:
    """The same habit on every sheet of the workbook."""
    return lambda grids: [edit(g) for g in grids.values()]


def only(table: str, edit: Callable[[Grid], object]) -> Edit:
    return lambda grids: edit(grids[table])


def main_sheets(edit_for: Callable[[str], Callable[[Grid], object]]) -> Edit:
    """A habit on the three big sheets (orgs, areas, units), made for each table."""
    return lambda grids: [edit_for(t)(grids[t]) for t in MERGED_DOWN]


def title_rows(g: Grid) -> None:
    G.above(g, [TITLE], merge_across=True)


def fill_in_rows(g: Grid) -> None:
    top = G.above(g, [TITLE], FILL_IN, merge_across=False)
    g.merges.append(G.Merge(top, g.left, top, g.width - 1))


def notes_above(g: Grid) -> None:
    G.above(g, *NOTES)


def at_b3(g: Grid) -> None:
    G.offset(g, 2, 1)
    g.cells[0][1] = TITLE


REMARKS = ("新成立", "已换届", "见附件")
TOTAL_WORDS = ("合计", "小计", "总计", "合  计")


def _is_record(row: list[Cell]) -> bool:
    """A data row proper: not blank, not a total (those get no 序号 and no 备注)."""
    return sum(v is not None for v in row) >= 2 and not any(v in TOTAL_WORDS for v in row)


def serial(g: Grid) -> None:
    """A 序号 column: numbered data rows; blank and total rows get no number."""
    n = itertools.count(1)
    numbers = [next(n) if _is_record(g.cells[r]) else None for r in g.data_rows()]
    G.insert_column(g, g.left, "序号", numbers)


def reordered(g: Grid) -> None:
    G.permute(g, [str(h) for h in reversed(g.cells[g.header]) if h is not None])


def remarks(g: Grid) -> None:
    notes = itertools.cycle([None, None, REMARKS[0], None, REMARKS[1], None, REMARKS[2]])
    remarks = [next(notes) if _is_record(g.cells[r]) else None for r in g.data_rows()]
    G.insert_column(g, g.width, "备注", remarks)


def separators(g: Grid) -> None:
    """A blank column, and one that is formatted (filled, bordered) but holds nothing."""
    G.insert_column(g, g.left + 2, None)
    G.insert_column(g, g.left + 4, None)
    g.styled += [(r, g.left + 4) for r in range(len(g.cells))]


def merged_down(table: str) -> Callable[[Grid], None]:
    def edit(g: Grid) -> None:
        made = sum(G.merge_down(g, h) for h in MERGED_DOWN[table])
        assert made >= 5, f"{table}: the data has runs to merge"

    return edit


def two_row_header(table: str) -> Callable[[Grid], None]:
    return lambda g: G.two_row_header(g, GROUPS[table])


def _sum(rows: list[list[Cell]], col: int) -> int:
    return sum(int(v) for v in (r[col] for r in rows) if isinstance(v, int | float))


def totals(grids: dict[str, Grid]) -> None:
    """小计 after each street's block of areas, 总计 under areas, 合计 under orgs and units."""
    areas = grids["areas"]
    hh = areas.col("户数") - areas.left
    G.insert_after_runs(
        areas, "上级编号", lambda run: ["小计", None, None, None, _sum(run, hh), None, None, None]
    )
    G.append(areas, ["总计", None, None, None, _sum([r for r in areas.cells[1:]], hh)])
    orgs = grids["orgs"]
    members = orgs.col("党员数")
    G.append(orgs, [None, "合计", None, None, None, None, _sum(orgs.cells[1:], members)])
    units = grids["units"]
    G.append(
        units, ["合  计", None, None, None, _sum(units.cells[1:], 4), _sum(units.cells[1:], 5)]
    )


def blank_rows(g: Grid) -> None:
    G.every(g, 17, [])


FULL = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def fullwidth(text: Cell) -> str:
    """Ｐ００３ for P003, as a Chinese input method in full-width mode types it."""
    return str(text).translate(FULL)


def full_width_ids_and_numbers(grids: dict[str, Grid]) -> None:
    orgs = grids["orgs"]
    for h in ("编号", "上级党组织"):
        G.map_column(orgs, h, fullwidth)
    G.map_column(orgs, "党员数", fullwidth)
    G.map_column(grids["units"], "党员数", fullwidth)
    G.map_column(grids["sites"], "面积", fullwidth)


def with_units(grids: dict[str, Grid]) -> None:
    """3人, 9名, 1500㎡, 860平方米: the unit typed into the cell, alternating as people do."""
    suffixes = itertools.cycle(["人", "名"])
    G.map_column(grids["orgs"], "党员数", lambda v: f"{v}{next(suffixes)}")
    G.map_column(grids["units"], "党员数", lambda v: f"{v}名")
    areas = itertools.cycle(["㎡", "平方米", " ㎡"])
    G.map_column(grids["sites"], "面积", lambda v: f"{v}{next(areas)}")


def thousands(grids: dict[str, Grid]) -> None:
    """ "1,250": numbers typed as text with thousands separators."""

    def sep(v: Cell) -> Cell:
        return f"{v:,}" if isinstance(v, int) else v

    for table, h in [("areas", "户数"), ("areas", "人口"), ("sites", "面积"), ("orgs", "党员数")]:
        G.map_column(grids[table], h, sep)


# Every column holding an area code (district 630102, street 630102001, community 630102001001).
AREA_CODE_COLUMNS = {
    "areas": ("编号", "上级编号"),
    "orgs": ("负责区域",),
    "units": ("所在区域",),
    "alliances": ("范围",),
    "pairings": ("结对区域",),
    "sites": ("服务区域",),
}


def numeric_codes(grids: dict[str, Grid]) -> None:
    """Area codes typed as numbers (Excel keeps 12 digits exactly; grid codes stay text)."""

    def number(v: Cell) -> Cell:
        return int(v) if isinstance(v, str) and v.isdigit() and not v.startswith("0") else v

    for table, headers in AREA_CODE_COLUMNS.items():
        for h in headers:
            G.map_column(grids[table], h, number)


# The habits of one sheet, in the one order in which they compose: columns are reordered before
# anything is added to them, merges are made once the rows are in place, group headings go over
# the final columns, and titles over everything.
SHEET_HABITS: dict[str, Callable[[str], Callable[[Grid], object]]] = {
    "reordered": lambda _: reordered,
    "blank-rows": lambda _: blank_rows,
    "remarks": lambda _: remarks,
    "merged-down": merged_down,
    "serial": lambda _: serial,
    "separators": lambda _: separators,
    "two-row-header": two_row_header,
    "fill-in-rows": lambda _: fill_in_rows,
    "notes-above": lambda _: notes_above,
    "title-row": lambda _: title_rows,
    "at-B3": lambda _: at_b3,
}
# Habits of the whole workbook: total rows come first (before columns move), units last.
HABITS = ("totals", *SHEET_HABITS, "units")


def habits(*chosen: str) -> Edit:
    """The chosen habits on the three big sheets, each in its place in :data:`SHEET_HABITS`."""
    assert set(chosen) <= set(HABITS), set(chosen) - set(HABITS)
    # A blank separator column inside a group heading would split the group: not both.
    assert not {"separators", "two-row-header"} <= set(chosen)

    def edit(grids: dict[str, Grid]) -> None:
        if "totals" in chosen:
            totals(grids)
        for table in MERGED_DOWN:
            for name, habit in SHEET_HABITS.items():
                if name in chosen:
                    habit(table)(grids[table])
        if "units" in chosen:
            with_units(grids)

    return edit


# One sheet the way a street office really keeps it: most habits at once.
everything = habits(
    "totals",
    "blank-rows",
    "remarks",
    "merged-down",
    "serial",
    "two-row-header",
    "fill-in-rows",
    "units",
)


def hidden_copy(state: str) -> Edit:
    """The visible orgs sheet, and an older hidden copy (Excel's "hide" instead of delete)."""

    def edit(grids: dict[str, Grid]) -> None:
        old = G.clone(grids["orgs"])
        old.title, old.state = "党组织", state
        del old.cells[40:]
        G.map_column(old, "党员数", lambda v: 1)  # last year's figures: each would be a finding
        grids["orgs_old"] = old

    return edit


def second_block(g: Grid) -> None:
    """Another street's block pasted below, its header row (and a blank line) with it."""
    G.insert_rows(
        g, g.header + 1 + len(list(g.data_rows())) // 2, [[], g.cells[g.header][g.left :]]
    )


def empty_default_sheets(grids: dict[str, Grid]) -> None:
    """Sheet2 and Sheet3, left empty from Excel's old three-sheet default."""
    grids["Sheet2"] = Grid("Sheet2", [])
    grids["Sheet3"] = Grid("Sheet3", [])


def merged_total_label(grids: dict[str, Grid]) -> None:
    """合计 merged across the text columns of the orgs total row, as such rows are laid out."""
    orgs = grids["orgs"]
    G.append(orgs, ["合计", None, None, None, None, None, _sum(orgs.cells[1:], orgs.col("党员数"))])
    last = len(orgs.cells) - 1
    orgs.merges.append(G.Merge(last, orgs.left, last, orgs.col("所在单位")))


def instructions_sheet(grids: dict[str, Grid]) -> None:
    grids["readme"] = Grid("填表说明", [["填表说明"], *NOTES])
    grids.update({k: grids.pop(k) for k in list(grids) if k != "readme"})


def merged_in_xls(grids: dict[str, Grid]) -> None:
    for table in MERGED_DOWN:
        merged_down(table)(grids[table])
        title_rows(grids[table])


# The sheet names a Chinese planner gives the eight tables.
CHINESE_SHEETS = {
    "areas": "区域",
    "orgs": "党组织",
    "units": "单位",
    "unit_coverage": "单位覆盖",
    "alliances": "党建联盟",
    "alliance_members": "联盟成员",
    "pairings": "结对共建",
    "sites": "党群服务阵地",
}


def chinese_sheet_names(grids: dict[str, Grid]) -> None:
    for table, g in grids.items():
        g.title = CHINESE_SHEETS[table]


def english_headers(grids: dict[str, Grid]) -> None:
    """The contract's own English column names (DATASET.md) instead of the Chinese ones."""
    for table, g in grids.items():
        row = g.cells[g.header]
        row[g.left :] = [column_for(table, str(h)).name for h in row[g.left :]]

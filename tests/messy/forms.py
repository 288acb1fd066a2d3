"""Builders of whole datasets in the file forms planners send (issue 7 §2 "file forms").

One header or sheet typed another way, a legacy .xls, a folder of CSV files (GBK, tabs,
UTF-16, rewritten text), a folder of one workbook per table, a table missing a column.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import grid as G
from .base import chengdong
from .files import write_csv_folder, write_xls, write_xlsx
from .grid import Grid
from .layouts import Builder, Edit, build, only


def header(table: str, old: str, new: str) -> Builder:
    """One header typed another way (党员人数 for 党员数 …)."""
    return build(only(table, lambda g: G.rename(g, old, new)))


def sheet_name(table: str, title: str) -> Builder:
    def edit(grids: dict[str, Grid]) -> None:
        grids[table].title = title

    return build(edit)


def folder_of_workbooks(names: dict[str, str] | None = None) -> Builder:
    """One .xlsx per table, each with one sheet "Sheet1", as the district collects them."""

    def write(out: Path) -> Path:
        folder = out / "城东区"
        folder.mkdir()
        for table, g in chengdong().items():
            g.title = "Sheet1"
            write_xlsx(folder / f"{(names or {}).get(table, table)}.xlsx", [g])
        return folder

    return write


def legacy_xls(*edits: Edit, name: str = "城东区.xls", base: str = "chengdong") -> Builder:
    """A real Excel 97-2003 workbook; ``name`` may give it another extension (.et, .xlsx)."""
    return build(*edits, name=name, writer=write_xls, base=base)


def csv_folder(
    *edits: Edit,
    delimiter: str = ",",
    text: Callable[[str, str], str] | None = None,
    encoding: str = "gb18030",
) -> Builder:
    """Chengdong as GBK CSV files (Excel's "CSV"), after ``edits``; ``text`` rewrites a file."""

    def write(out: Path) -> Path:
        grids = chengdong()
        for edit in edits:
            edit(grids)
        folder = write_csv_folder(out / "城东区", grids.values(), encoding, delimiter)
        if text:
            for f in folder.iterdir():
                raw = f.read_bytes().decode(encoding)
                f.write_bytes(text(f.stem, raw).encode(encoding))
        return folder

    return write


def no_column(table: str, header: str) -> Builder:
    """An optional column the planner never had (not an empty one)."""

    def edit(grids: dict[str, Grid]) -> None:
        g = grids[table]
        c = g.col(header)
        for row in g.cells:
            del row[c]

    return build(edit)

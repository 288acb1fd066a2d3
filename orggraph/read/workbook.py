"""Workbooks (.xlsx, .xlsm, legacy .xls): sheets to tables.

Read with calamine (``python-calamine``, Rust): one reader for .xlsx and .xls, the cells that are
really there (not the ``<dimension>`` tag), merged ranges and sheet visibility, several times
faster than openpyxl (bench/bench_read_xlsx.py).  What calamine does not say — a formula with no
saved value reads as an empty cell — is found in the sheet's XML (:func:`_formulas_without_value`).

Sheet names: a sheet named after a table (English, Chinese, or a longer Chinese title such as
城北街道区域情况统计表) is read as that table; every other sheet is reported as ignored.  A visible
sheet wins over a hidden one; a hidden sheet alone is refused, never read silently.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from orggraph.errors import Problem
from orggraph.i18n import tr
from orggraph.read import limits
from orggraph.read.csv import empty_message
from orggraph.read.grid import Cell, Merge, column_name, read_grid
from orggraph.read.headers import table_for_name
from orggraph.read.model import RawDataset
from orggraph.read.report import TableReport
from orggraph.read.sniff import check_zip, password_message, sheet_extent, sheet_parts
from orggraph.schema import Table

_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]+</(?:\w+:)?v>|<(?:\w+:)?is>")
_STR_RESULT = re.compile(rb'\bt="str"')


@dataclass
class _Sheet:
    name: str
    visible: bool
    table: Table | None
    exact: bool


def cell_text(v: object) -> Cell:
    """A cell as the text a spreadsheet shows (ids keep their digits), or ``None`` if empty."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return str(v).upper()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return str(v)
        return str(int(v)) if v.is_integer() and abs(v) < 1e16 else repr(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    text = str(v).strip(" \t\r\n\u3000\ufeff")
    return text or None


def read_workbook(
    path: Path,
    raw: RawDataset,
    kind: str,
    only: Table | None = None,
) -> None:
    """Read the sheets of ``path`` into ``raw`` (tables, problems, present, ignored).

    ``only`` reads a workbook of a folder holding one workbook per table: its first visible
    sheet with cells is that table, whatever the sheet is called.
    """
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    name = path.name
    if kind == "xlsx":
        zip_problems = check_zip(path)
        if zip_problems:
            raw.problems.extend(zip_problems)
            if only is not None:
                raw.present.setdefault(only.name, name)
            return
    try:
        wb = CalamineWorkbook.from_path(str(path))
        meta = wb.sheets_metadata
    except BaseException as e:  # calamine raises its own errors for every broken file
        _reraise_unless_calamine(e)
        raw.problems.append(Problem(name, None, None, _unreadable(e)))
        if only is not None:
            raw.present.setdefault(only.name, name)
        return
    sheets: list[_Sheet] = []
    for m in meta:
        visible = m.visible == SheetVisibleEnum.Visible
        if only is not None:
            sheets.append(_Sheet(m.name, visible, only, True))
        else:
            table, exact = table_for_name(m.name)
            sheets.append(_Sheet(m.name, visible, table, exact))
    chosen = _choose(path, sheets, raw, only)
    scans = _scan_sheets(path, [s.name for s in chosen]) if kind == "xlsx" else {}
    for s in chosen:
        assert s.table is not None
        where = f"{name} sheet {s.name}"
        extent, formulas = scans.get(s.name, ((0, 0), []))
        if extent[0] * extent[1] > limits.MAX_SHEET_CELLS or extent[1] > 16384:
            raw.problems.append(Problem(where, None, None, limits.too_wide_sheet(*extent)))
            continue
        try:
            sheet = wb.get_sheet_by_name(s.name)
            # Row by row: calamine keeps the cells compactly in Rust; only text reaches Python.
            # iter_rows starts at row 1 but at the first used column: pad back to column A so
            # merges and letters stay absolute.
            pad: list[Cell] = [None] * sheet.start[1] if sheet.start else []
            rows = [pad + [cell_text(v) for v in r] for r in sheet.iter_rows()]
            merges: list[Merge] = [
                (a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])
            ]
        except BaseException as e:  # a broken sheet is the user's file, not a crash
            _reraise_unless_calamine(e)
            raw.problems.append(Problem(where, None, None, _damaged(e)))
            continue
        if not any(any(r) for r in rows):
            raw.problems.append(Problem(where, None, None, empty_message(s.table)))
            continue
        report = TableReport(s.table.name, where)
        if not s.exact and only is None:
            report.taken_as = tr(
                "sheet '{sheet}' read as table {table}", sheet=s.name, table=s.table.name
            )
        rt = read_grid(s.table, where, rows, raw.problems, merges, report)
        for row, letters in formulas:
            from openpyxl.utils import column_index_from_string

            raw.problems.append(
                Problem(
                    where,
                    row,
                    column_name(rows, report, column_index_from_string(letters) - 1),
                    tr(
                        "a formula with no saved value: open the workbook in Excel or WPS and "
                        "save it, so the values are stored"
                    ),
                )
            )
        if rt is not None:
            raw.tables[s.table.name] = rt


def _reraise_unless_calamine(e: BaseException) -> None:
    """Let Ctrl-C and exits through; calamine's errors, and a panic in its Rust code (pyo3's
    PanicException, a BaseException that cannot be imported by name), mean a damaged file."""
    if not isinstance(e, Exception) and type(e).__name__ != "PanicException":
        raise e


def _damaged(e: BaseException) -> str:
    text = " ".join(str(e).split())[:200] or type(e).__name__
    return tr(
        "the sheet's XML is damaged ({error}): open the workbook in Excel or WPS and save it "
        "again as .xlsx",
        error=text,
    )


def _unreadable(e: BaseException) -> str:
    if "Password" in type(e).__name__:  # a legacy .xls locked with a password
        return password_message()
    text = " ".join(str(e).split())[:200] or type(e).__name__
    return tr(
        "the workbook is damaged or not a workbook ({error}): open it in Excel or WPS and save "
        "it again as .xlsx",
        error=text,
    )


def _choose(path: Path, sheets: list[_Sheet], raw: RawDataset, only: Table | None) -> list[_Sheet]:
    """The sheet read for each table; the others reported as ignored, or refused."""
    chosen: list[_Sheet] = []
    by_table: dict[str, list[_Sheet]] = {}
    for s in sheets:
        label = f"{path.name} sheet {s.name}"
        if s.table is None:
            raw.ignored.append((label, tr("not the name of a table")))
            continue
        by_table.setdefault(s.table.name, []).append(s)
    for table, group in by_table.items():
        visible = [s for s in group if s.visible]
        hidden = [s for s in group if not s.visible]
        if only is not None:
            pick = visible[:1]
            for s in visible[1:]:
                raw.ignored.append(
                    (f"{path.name} sheet {s.name}", tr("another sheet of a one-table workbook"))
                )
        elif len(visible) > 1:
            exact = [s for s in visible if s.exact]
            pick = exact[:1] if len(exact) == 1 else []
            if not pick:
                names = ", ".join(f"'{s.name}'" for s in visible)
                raw.problems.append(
                    Problem(
                        path.name,
                        None,
                        None,
                        tr(
                            "sheets {names} all hold table {table}: keep one, or rename the others",
                            names=names,
                            table=table,
                        ),
                    )
                )
                raw.present[table] = f"{path.name} sheet {visible[0].name}"
                continue
            why = tr("sheet '{sheet}' is the one read as {table}", sheet=pick[0].name, table=table)
            raw.ignored += [
                (f"{path.name} sheet {s.name}", why) for s in visible if s is not pick[0]
            ]
        else:
            pick = visible
        if pick:
            why = tr(
                "hidden; the visible sheet '{sheet}' was read as {table}",
                sheet=pick[0].name,
                table=table,
            )
            raw.ignored += [(f"{path.name} sheet {s.name}", why) for s in hidden]
            raw.present[table] = f"{path.name} sheet {pick[0].name}"
            chosen.append(pick[0])
        elif hidden:
            where = f"{path.name} sheet {hidden[0].name}"
            raw.present[table] = where
            raw.problems.append(
                Problem(
                    where,
                    None,
                    None,
                    tr(
                        "the sheet for table {table} is hidden: unhide it (取消隐藏) to use it, "
                        "or delete it",
                        table=table,
                    ),
                )
            )
    return chosen


def _scan_sheets(
    path: Path, names: list[str]
) -> dict[str, tuple[tuple[int, int], list[tuple[int, str]]]]:
    """Per sheet, before calamine reads it: its extent (last row, last column) and the cells
    (row, column letters) holding a formula with no saved value."""
    out: dict[str, tuple[tuple[int, int], list[tuple[int, str]]]] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            parts = sheet_parts(zf)
            for name in names:
                part = parts.get(name)
                if part is None or part not in zf.namelist():
                    continue
                xml = zf.read(part)  # the zip check has bounded its size
                out[name] = (sheet_extent(xml), _formulas_without_value(xml))
    except Exception:  # a damaged zip: calamine locates the trouble when it reads the sheet
        return out
    return out


def _formulas_without_value(data: bytes) -> list[tuple[int, str]]:
    """Formula cells with no ``<v>`` (openpyxl and some tools write none; Excel always does)."""
    if b"<f" not in data and b":f" not in data:  # most sheets hold no formula
        return []
    cells: list[tuple[int, str]] = []
    for m in re.finditer(rb"<(?:\w+:)?f[\s>/]", data):
        start = data.rfind(b"<c ", 0, m.start())
        alt = data.rfind(b":c ", 0, m.start())
        start = max(start, alt)
        end = data.find(b"</", m.end())
        end = data.find(b"c>", end) if end >= 0 else -1
        if start < 0 or end < 0:
            continue
        seg = data[start : end + 2]
        if _VALUE.search(seg) or _STR_RESULT.search(seg[: seg.find(b">")]):
            continue
        ref = _CELL_REF.search(seg)
        if ref:
            cells.append((int(ref.group(2)), ref.group(1).decode()))
    return cells

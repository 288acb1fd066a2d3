"""A sheet as the planner laid it out -> one raw table.

Government spreadsheets put titles, 填报单位/填表日期 lines and notes above the header, start the
table off column A, stack group headings (基本信息 / 组织关系) above the real header, number the
rows (序号), merge a parent or a type down a run of rows, and add 合计 rows and blank rows.  This
module finds the header row, gives every cell of a merge its value (as Excel shows it), and keeps
the data rows, reporting each row and column it does not read.  Workbooks and the CSV files that
are not tidy come through here; a tidy CSV takes the fast path in :mod:`orggraph.read.csv`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from orggraph.errors import Problem
from orggraph.i18n import tr
from orggraph.read import limits
from orggraph.read.headers import column_keys, header_key, letter, map_headers, match_score
from orggraph.read.model import ROW, RawTable
from orggraph.read.report import TableReport
from orggraph.schema import Table

Cell = str | None
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based)

TOTAL_WORDS = ("合计", "小计", "总计", "共计", "累计")
_TOTAL = re.compile(r"^(?:" + "|".join(TOTAL_WORDS) + r")(?:[:：(（].*)?$")
_NOTE = re.compile(
    r"^(?:注|备注|说明|填表人|填报人|审核人|制表人|负责人|联系人|联系电话)\s*[:：\d]"
)


def is_total(text: str) -> bool:
    """``合计``, ``小 计``, ``总计：``: a row that sums others, not a record."""
    return bool(_TOTAL.match("".join(text.split())))


def is_note(text: str) -> bool:
    """``注：…``, ``填表人：…``: a line of the form, not a record."""
    return bool(_NOTE.match(text.strip()))


def fill_merges(rows: list[list[Cell]], merges: Sequence[Merge]) -> dict[int, set[int]]:
    """Give every cell of a merged range the value of its top-left cell, as Excel shows it.

    Returns, per row, the columns that received a value this way: a row holding nothing but
    such values (a blank row inside a merged run) is still a blank row.
    """
    height = len(rows)
    filled: dict[int, set[int]] = {}
    for r0, c0, r1, c1 in merges:
        if r0 >= height or not (0 <= c0 < len(rows[r0])):
            continue
        value = rows[r0][c0]
        if value is None:
            continue
        for r in range(r0, min(r1, height - 1) + 1):
            row = rows[r]
            last = min(c1, len(row) - 1)
            for c in range(c0, last + 1):
                if (r, c) != (r0, c0):
                    row[c] = value
                    filled.setdefault(r, set()).add(c)
    return filled


def find_header(table: Table, rows: list[list[Cell]]) -> int | None:
    """The index of the header row: the row among the first ones naming most columns."""
    best, at = 0, None
    for i, row in enumerate(rows[: limits.HEADER_SCAN_ROWS]):
        score = match_score(table, list(row))
        if score > best:
            best, at = score, i
    return at


def read_grid(
    table: Table,
    where: str,
    rows: list[list[Cell]],
    problems: list[Problem],
    merges: Sequence[Merge] = (),
    report: TableReport | None = None,
) -> RawTable | None:
    """Find the header and the records in ``rows`` (cells as stripped text or ``None``).

    Row ``i`` of ``rows`` is spreadsheet row ``i + 1``.  Problems are appended to ``problems``;
    ``None`` is returned when no header row can be found.
    """
    report = report or TableReport(table.name, where)
    spread = fill_merges(rows, merges)
    h = find_header(table, rows)
    if h is None:
        need = ", ".join(c.name for c in table.columns if c.required)
        problems.append(
            Problem(
                where,
                None,
                None,
                tr(
                    "no header row found in the first {n} rows: expected a row with {columns}",
                    n=limits.HEADER_SCAN_ROWS,
                    columns=need,
                ),
            )
        )
        return None
    header = list(rows[h])
    report.header_rows = [h + 1]
    if h > 0:
        above = rows[h - 1]
        keys = column_keys(table)
        used = 0
        for c, cell in enumerate(header):
            # A two-row header whose name sits in the upper row, the lower one left empty (a
            # merge down both rows, lost when saved as CSV): a contract name, or any name over
            # a column that holds data.
            if cell is None and c < len(above) and above[c]:
                holds = any(c < len(r) and r[c] for r in rows[h + 1 :])
                if header_key(above[c]) in keys or holds:
                    header[c] = above[c]
                    used += 1
        if used:
            report.header_rows = [h, h + 1]
        for i in range(h):
            if any(rows[i]):
                report.skip(i + 1, tr("above the header (title or note)"))
    width = max((c + 1 for c, v in enumerate(header) if v is not None), default=0)
    if width > limits.MAX_COLUMNS:
        problems.append(
            Problem(
                where,
                h + 1,
                None,
                limits.too_many_columns(width),
            )
        )
        return None
    header = header[:width]
    hmap, header_problems = map_headers(table, where, header)
    for p in header_problems:
        problems.append(Problem(p.file, h + 1, p.column, p.message))
    body = rows[h + 1 :]
    while body and not any(body[-1]):  # formatted-empty rows below the table
        body.pop()
    if len(body) > limits.MAX_ROWS:
        problems.append(
            Problem(
                where,
                None,
                None,
                limits.too_many_rows(len(body)),
            )
        )
        return None
    keep = [c for c, n in enumerate(hmap.names) if n]
    fields = [c for c, n in enumerate(hmap.names) if n in hmap.mapped]
    header_cells = [header[c] for c in keep]  # a block pasted below with its header
    names = [hmap.names[c] for c in keep]
    records: list[list[Cell]] = []
    numbers: list[int] = []
    unheaded: dict[int, int] = {}  # column -> first row with a value there
    for i, row in enumerate(body, start=h + 2):
        merged = spread.get(i - 1)
        if not any(row) or (merged and all(v is None or c in merged for c, v in enumerate(row))):
            report.skip(i, tr("blank"))
            continue
        filled = [v for v in row if v]
        if any(is_total(v) for v in filled[:3]):
            report.skip(i, tr("total row"))
            continue
        if [row[c] if c < len(row) else None for c in keep] == header_cells:
            report.skip(i, tr("the header again"))
            continue
        if len(filled) == 1 and is_note(filled[0]):
            report.skip(i, tr("note"))
            continue
        for c in range(len(row)):
            if row[c] and (c >= width or header[c] is None):
                unheaded.setdefault(c, i)
        if not any(row[c] for c in fields if c < len(row)):
            report.skip(i, tr("no contract column filled"))
            continue
        for c, v in enumerate(row):
            if v is not None and len(v) > limits.MAX_CELL_CHARS:
                name = hmap.names[c] if c < len(hmap.names) and hmap.names[c] else letter(c + 1)
                problems.append(Problem(where, i, name, limits.too_long(len(v))))
        records.append([row[c] if c < len(row) else None for c in keep])
        numbers.append(i)
    for c, first in sorted(unheaded.items()):
        problems.append(
            Problem(
                where,
                first,
                letter(c + 1),
                tr(
                    "column {letter} has values but no header: give it a header or delete it",
                    letter=letter(c + 1),
                ),
            )
        )
    for raw in hmap.dropped:
        report.dropped_columns.append((raw, tr("row numbers")))
    frame = pd.DataFrame(records, columns=names, dtype=object)
    frame[ROW] = numbers
    report.columns = hmap.mapped
    report.extra = hmap.extra
    report.absent = [c.name for c in table.columns if c.name not in hmap.mapped]
    report.rows = len(frame)
    if numbers:
        report.first_row, report.last_row = numbers[0], numbers[-1]
    return RawTable(table, where, frame, report)


def column_name(rows: list[list[Cell]], report: TableReport, c: int) -> str:
    """How a problem names the 0-based column ``c``: its contract column, else its header as
    written, else its letters."""
    if report.header_rows:
        header = rows[report.header_rows[-1] - 1]
        cell = header[c] if c < len(header) else None
        if cell is not None:
            written = " ".join(cell.split())
            return next((k for k, v in report.columns.items() if v == written), written)
    return letter(c + 1)

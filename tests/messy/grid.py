"""A sheet as a planner's workbook holds it, and the edits that make a clean table messy.

A :class:`Grid` is the cells of one sheet from A1, the merged ranges, the sheet's state and the
cells that are styled but empty.  The clean tables come in as one header row and data rows at
A1; each edit below is one habit seen in the field reports (a title above the header, a 序号
column, a parent merged down its rows …).  Edits keep ``header`` (the 0-based index of the real
header row) and ``left`` (the 0-based column where the table starts) up to date, and shift the
merged ranges, so edits compose in any order.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Cell = object  # str, int, float, datetime or None (an empty cell)


@dataclass
class Merge:
    """A merged range, 0-based and inclusive (as ``openpyxl`` takes it, less one)."""

    top: int
    left: int
    bottom: int
    right: int

    def ref(self) -> str:
        from openpyxl.utils import get_column_letter as letter

        return f"{letter(self.left + 1)}{self.top + 1}:{letter(self.right + 1)}{self.bottom + 1}"


@dataclass
class Grid:
    """One sheet: ``cells[row][col]`` from A1, ``None`` for an empty cell."""

    title: str
    cells: list[list[Cell]]
    header: int = 0
    left: int = 0
    header_rows: int = 1  # 2 under group headings (基本信息 / 组织关系 …)
    merges: list[Merge] = field(default_factory=list)
    state: str = "visible"  # or "hidden", "veryHidden"
    styled: list[tuple[int, int]] = field(default_factory=list)  # empty cells with a format
    formulas: list[tuple[int, int]] = field(default_factory=list)  # cells holding "=…"

    @property
    def width(self) -> int:
        return max((len(r) for r in self.cells), default=0)

    def col(self, header: str) -> int:
        """The 0-based column of the header cell ``header``."""
        return self.cells[self.header].index(header)

    def data_rows(self) -> range:
        return range(self.header + 1, len(self.cells))


def clone(g: Grid) -> Grid:
    return copy.deepcopy(g)


def _pad(g: Grid) -> None:
    w = g.width
    for r in g.cells:
        r.extend([None] * (w - len(r)))


def insert_rows(g: Grid, at: int, rows: Iterable[list[Cell]]) -> None:
    """Insert ``rows`` (each from the table's left edge) before row ``at``."""
    new = [[None] * g.left + list(r) for r in rows]
    g.cells[at:at] = new
    n = len(new)
    if g.header >= at:
        g.header += n
    for m in g.merges:
        if m.top >= at:
            m.top += n
            m.bottom += n
    g.styled = [(r + n if r >= at else r, c) for r, c in g.styled]
    g.formulas = [(r + n if r >= at else r, c) for r, c in g.formulas]
    _pad(g)


def insert_column(g: Grid, at: int, header: Cell, values: Iterable[Cell] = ()) -> None:
    """Insert a column before column ``at``: ``header`` in the header row, ``values`` below."""
    _pad(g)
    vals = list(values)
    for i, row in enumerate(g.cells):
        if i == g.header:
            v: Cell = header
        elif i > g.header and i - g.header - 1 < len(vals):
            v = vals[i - g.header - 1]
        else:
            v = None
        row.insert(at, v)
    for m in g.merges:
        if m.left >= at:
            m.left += 1
            m.right += 1
    g.styled = [(r, c + 1 if c >= at else c) for r, c in g.styled]
    g.formulas = [(r, c + 1 if c >= at else c) for r, c in g.formulas]


def above(g: Grid, *rows: list[Cell], merge_across: bool = False) -> int:
    """Rows above the header (a title, 填报单位, notes); ``merge_across`` merges each across.

    Returns the index of the first row inserted.
    """
    top = g.header - g.header_rows + 1
    insert_rows(g, top, rows)
    if merge_across:
        for i in range(len(rows)):
            g.merges.append(Merge(top + i, g.left, top + i, g.width - 1))
    return top


def offset(g: Grid, rows: int, cols: int) -> None:
    """Move the whole table down ``rows`` and right ``cols`` (a table starting at B3)."""
    for _ in range(cols):
        insert_column(g, 0, None)
    g.left += cols
    insert_rows(g, 0, [[] for _ in range(rows)])


def rename(g: Grid, old: str, new: str) -> None:
    g.cells[g.header][g.col(old)] = new


def map_column(g: Grid, header: str, fn: Callable[[Cell], Cell]) -> None:
    """Rewrite every data cell of a column (full-width ids, numbers with units …)."""
    c = g.col(header)
    for r in g.data_rows():
        v = g.cells[r][c]
        if v is not None and v != "":
            g.cells[r][c] = fn(v)


def merge_down(g: Grid, header: str) -> int:
    """Merge each run of equal values down a column, as Excel's 合并单元格 leaves it.

    Only the top cell of a merge keeps its value (that is how Excel stores a merge).  Returns
    the number of merges made, so a case can check that it made some.
    """
    c = g.col(header)
    rows = list(g.data_rows())
    made = 0
    i = 0
    while i < len(rows):
        j = i
        v = g.cells[rows[i]][c]
        while j + 1 < len(rows) and v not in (None, "") and g.cells[rows[j + 1]][c] == v:
            j += 1
        if j > i:
            for r in rows[i + 1 : j + 1]:
                g.cells[r][c] = None
            g.merges.append(Merge(rows[i], c, rows[j], c))
            made += 1
        i = j + 1
    return made


def insert_after_runs(
    g: Grid, header: str, make_row: Callable[[list[list[Cell]]], list[Cell]]
) -> None:
    """After each run of rows sharing a value in ``header``, a row made from that run (小计)."""
    c = g.col(header)
    out: list[list[Cell]] = []
    run: list[list[Cell]] = []
    for r in g.data_rows():
        row = g.cells[r]
        if run and row[c] != run[0][c]:
            out += [*run, [None] * g.left + make_row([x[g.left :] for x in run])]
            run = []
        run.append(row)
    if run:
        out += [*run, [None] * g.left + make_row([x[g.left :] for x in run])]
    assert not g.merges or all(m.bottom <= g.header for m in g.merges), "subtotals before merges"
    g.cells[g.header + 1 :] = out
    _pad(g)


def every(g: Grid, n: int, row: list[Cell]) -> None:
    """A copy of ``row`` after every ``n`` data rows (blank rows between blocks)."""
    body = g.cells[g.header + 1 :]
    out: list[list[Cell]] = []
    for i, r in enumerate(body, 1):
        out.append(r)
        if i % n == 0:
            out.append([None] * g.left + list(row))
    g.cells[g.header + 1 :] = out
    _pad(g)


def append(g: Grid, *rows: list[Cell]) -> None:
    insert_rows(g, len(g.cells), rows)


def two_row_header(g: Grid, groups: list[tuple[str, list[str]]]) -> None:
    """Group headings (基本信息 / 组织关系 / 党员情况) merged across the headers they cover.

    A header in no group is merged down over both header rows, as such sheets usually have it.
    """
    header = g.cells[g.header]
    top: list[Cell] = [None] * len(header)
    spans: list[Merge] = []
    grouped: set[int] = set()
    for name, cols in groups:
        idx = sorted(header.index(c) for c in cols)
        assert idx == list(range(idx[0], idx[-1] + 1)), f"group {name} is not contiguous"
        top[idx[0]] = name
        grouped.update(idx)
        spans.append(Merge(g.header, idx[0], g.header, idx[-1]))
    lone = [c for c in range(g.left, len(header)) if c not in grouped and header[c] is not None]
    for c in lone:
        # Excel keeps a merge's value in its top cell only: the real header row is empty here.
        top[c] = header[c]
        header[c] = None
    insert_rows(g, g.header, [top[g.left :]])
    for c in lone:
        g.merges.append(Merge(g.header - 1, c, g.header, c))
    g.merges += [m for m in spans if m.left != m.right]
    g.header_rows = 2


def permute(g: Grid, order: list[str]) -> None:
    """Put the table's columns in ``order`` (header names); the cells move with them."""
    idx = [g.col(h) for h in order]
    assert sorted(idx) == list(range(g.left, g.left + len(idx))), "order must name every column"
    assert not g.merges, "permute before merging"
    for row in g.cells:
        row[g.left :] = [row[i] if i < len(row) else None for i in idx]

"""What was read: per table the sheet or file, rows, columns mapped, extras, rows skipped.

``validate`` prints it besides OK, and ``validate --format json`` gives it as data, so a planner
can see that every cell went somewhere: a contract field, a named extra column, or this report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from orggraph.i18n import tr


@dataclass
class TableReport:
    """How one table was read."""

    table: str
    source: str  # the file, or ``book.xlsx sheet 名称``
    taken_as: str = ""  # why this sheet or file was read as this table, if its name is not exact
    header_rows: list[int] = field(default_factory=list)
    first_row: int | None = None
    last_row: int | None = None
    rows: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # contract column -> header as written
    extra: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)  # optional contract columns not there
    dropped_columns: list[tuple[str, str]] = field(default_factory=list)  # (header, why)
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, why)

    def skip(self, row: int, why: str) -> None:
        self.skipped_rows.append((row, why))

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["dropped_columns"] = [{"header": h, "why": w} for h, w in self.dropped_columns]
        d["skipped_rows"] = [{"row": r, "why": w} for r, w in self.skipped_rows]
        return d


def _ranges(rows: list[int]) -> str:
    """``3-5, 9`` for [3, 4, 5, 9]."""
    out: list[tuple[int, int]] = []
    for r in sorted(rows):
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in out)


def report_lines(reports: list[TableReport], ignored: list[tuple[str, str]]) -> list[str]:
    """The report as text lines, in the language in force."""
    lines: list[str] = []
    for r in reports:
        if r.first_row is None:
            rows = tr("no rows")
        elif r.first_row == r.last_row:
            rows = tr("row {first}", first=r.first_row)
        else:
            rows = tr("rows {first}-{last}", first=r.first_row, last=r.last_row)
        head = tr(
            "{table}: {source}, {rows} ({n} records)",
            table=r.table,
            source=r.source,
            rows=rows,
            n=r.rows,
        )
        lines.append(head)
        if r.taken_as:
            lines.append("  " + r.taken_as)
        if r.header_rows != [1]:
            lines.append("  " + tr("header row: {rows}", rows=_ranges(r.header_rows)))
        cols = ", ".join(k if k == v else f"{k} ← {v}" for k, v in r.columns.items())
        lines.append("  " + tr("columns: {columns}", columns=cols or "-"))
        if r.extra:
            lines.append("  " + tr("extra columns kept: {columns}", columns=", ".join(r.extra)))
        if r.absent:
            lines.append(
                "  " + tr("absent (read as unknown): {columns}", columns=", ".join(r.absent))
            )
        for h, why in r.dropped_columns:
            lines.append("  " + tr("column not read: {header} ({why})", header=h, why=why))
        by_why: dict[str, list[int]] = {}
        for row, why in r.skipped_rows:
            by_why.setdefault(why, []).append(row)
        for why, rows_ in by_why.items():
            lines.append("  " + tr("rows skipped: {rows} ({why})", rows=_ranges(rows_), why=why))
    for name, why in ignored:
        lines.append(tr("ignored: {name} ({why})", name=name, why=why))
    return lines

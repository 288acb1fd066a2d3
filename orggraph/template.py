"""The workbook a planner fills in: one sheet per table of the contract, in Chinese.

``orggraph template OUT.xlsx`` writes it blank; ``orggraph template --from DATASET OUT.xlsx``
writes an existing dataset into the same layout, so that auditing the workbook gives the same
audit as the dataset.

Layout, all derived from :mod:`orggraph.schema`:

* a 说明 sheet first: how to fill the workbook in, then the contract, one row per column;
* one sheet per table, named as the contract names it (``areas``, ``orgs``…: the names every
  reader of a dataset knows), with the Chinese header of each column, a note on each header
  (what goes there, required or not), required headers highlighted, a frozen header row;
* id and reference columns formatted as text, so Excel never turns ``450902001001`` into
  ``4.50902E+11`` nor drops a leading zero;
* a dropdown (data validation) on every enum column with its Chinese words; English codes are
  still accepted (the warning lets them through).

There is no example row: a row that looks like data but must be skipped is a trap for whoever
fills in the sheet and for every tool that reads it.  The 说明 sheet shows an example instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from orggraph.catalogue.outputs import (
    COLUMN_MEANINGS,
    TEMPLATE_GUIDE,
    TEMPLATE_GUIDE_COLUMNS,
    YES_NO,
)
from orggraph.errors import OutputError
from orggraph.i18n import both, tr
from orggraph.present.workbook import MAX_ROWS, Sheet, workbook_bytes
from orggraph.schema import ENUMS, TABLES, ZH, Column, Table

if TYPE_CHECKING:
    from orggraph.dataset import Dataset

GUIDE_SHEET = "说明"


def _zh(message: str, **fields: object) -> str:
    return both(message, **fields)["zh"]


def header_of(column: Column) -> str:
    """The Chinese header of a column: its first Chinese alias (what the reader maps back)."""
    return column.aliases[0] if column.aliases else column.name


def choices(column: Column) -> list[str]:
    """The Chinese words a dropdown offers for an enum column (one per code)."""
    return [ZH[code] for code in ENUMS[column.enum]] if column.enum else []


def note(table: Table, column: Column) -> str:
    """The note on a header: what goes there, whether it is required, the words to choose."""
    parts = [COLUMN_MEANINGS.get(f"{table.name}.{column.name}", column.name) + "。"]
    parts.append(
        _zh("Required.") if column.required else _zh("Optional; empty means unknown, not zero.")
    )
    if column.kind == "id":
        parts.append(_zh("Text; kept as written (leading zeros count)."))
    elif column.kind == "ref":
        parts.append(_zh("The id of a row in: {tables}.", tables="、".join(column.ref)))
    elif column.kind == "number":
        parts.append(_zh("A number."))
    elif column.kind == "date":
        parts.append(_zh("A date, YYYY-MM-DD."))
    elif column.kind == "enum":
        parts.append(_zh("Choose from the list: {words}.", words="、".join(choices(column))))
    return "".join(parts)


def _values(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A dataset table with its contract columns under Chinese headers, enum codes as words."""
    out = {}
    for c in table.columns:
        values = frame[c.name] if c.name in frame else pd.Series([None] * len(frame), dtype=object)
        if c.kind == "enum":
            values = values.map(lambda v: ZH.get(v, v) if isinstance(v, str) else v)
        out[header_of(c)] = values.astype(object).where(values.notna(), None).to_numpy()
    for extra in frame.columns:
        if extra not in table.column_names and not str(extra).startswith("_"):
            out[str(extra)] = (
                frame[extra].astype(object).where(frame[extra].notna(), None).to_numpy()
            )
    return pd.DataFrame(out, columns=list(out))


def _table_sheet(table: Table, frame: pd.DataFrame | None) -> Sheet:
    if frame is not None and len(frame) > MAX_ROWS:
        raise OutputError(
            tr(
                "{table} has {rows} rows, more than a sheet holds ({limit}); write CSV instead",
                table=table.name,
                rows=len(frame),
                limit=MAX_ROWS,
            )
        )
    headers = [header_of(c) for c in table.columns]
    data = _values(table, frame) if frame is not None else pd.DataFrame(columns=headers)
    return Sheet(
        table.name,
        data,
        text_columns=[
            header_of(c) for c in table.columns if c.kind in ("id", "ref", "text", "enum", "date")
        ],
        notes={header_of(c): note(table, c) for c in table.columns},
        choices={header_of(c): choices(c) for c in table.columns if c.enum},
        highlighted=[header_of(c) for c in table.columns if c.required],
    )


def guide_sheet() -> Sheet:
    """The 说明 sheet: how to fill in, then one row per column of the contract."""
    rows = [
        [t.name, t.label, header_of(c), c.name, YES_NO[0] if c.required else YES_NO[1], note(t, c)]
        for t in TABLES
        for c in t.columns
    ]
    frame = pd.DataFrame(rows, columns=list(TEMPLATE_GUIDE_COLUMNS))
    return Sheet(GUIDE_SHEET, frame, text_columns=list(frame.columns), preface=TEMPLATE_GUIDE)


def template_workbook(ds: Dataset | None = None) -> bytes:
    """The template workbook as bytes: blank, or holding ``ds``.

    Raises
    ------
    OutputError
        If a table of ``ds`` has more rows than a worksheet holds.

    Examples
    --------
    >>> template_workbook()[:2]
    b'PK'
    """
    sheets = [guide_sheet()]
    for t in TABLES:
        sheets.append(_table_sheet(t, ds[t.name] if ds is not None else None))
    return workbook_bytes(sheets)


__all__ = ["GUIDE_SHEET", "choices", "header_of", "note", "template_workbook"]

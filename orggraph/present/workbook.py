"""Excel workbooks that open cleanly in Excel, WPS and LibreOffice, from plain DataFrames.

:func:`workbook_bytes` is the one writer: any command that offers ``--format xlsx`` builds its
tables as DataFrames and hands them over as :class:`Sheet` s.  Every sheet gets a bold frozen
header, an autofilter, column widths fitted to CJK text (two columns per Chinese character),
ids stored as text (``@`` format: Excel never turns ``450902001001`` into ``4.50902E+11``),
numbers as numbers, and a coloured severity column when there is one.

Text that a spreadsheet would run as a formula (``=HYPERLINK(…)``, ``+1``, ``-x``, ``@x``) is
written as a string cell with Excel's quote-prefix flag, the same thing Excel stores when a
user types ``'=…``: it is shown and kept as text, also after the cell is edited, and reads back
exactly as written.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from orggraph.catalogue.outputs import SEVERITY_WORDS
from orggraph.present.safe import display_width, looks_like_formula

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

SEVERITY_FILL = {"error": "#D62728", "warning": "#E67E00", "info": "#1F77B4"}
HEADER_FILL = "#F2F2F2"
HIGHLIGHT_FILL = "#FCE4D6"
MAX_ROWS = 1_048_575  # a worksheet's rows, less the header
MIN_WIDTH = 6
MAX_WIDTH = 60
# Widths are measured on this many rows at most: a longer sheet rarely has a wider cell, and a
# million-row sheet must not be measured cell by cell.
WIDTH_SAMPLE = 2000
_FORBIDDEN_IN_SHEET_NAME = set("[]:*?/\\")


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook.

    Parameters
    ----------
    name
        The sheet's name (at most 31 characters, none of ``[]:*?/\\``).
    frame
        The rows; its column labels are the header row.
    text_columns
        Headers of the columns stored as text whatever they hold (ids, codes).
    severity_column
        Header of a column holding severities (``error``/``错误``…): its cells are coloured.
    notes
        ``{header: note}``: a comment shown on the header cell (what goes in the column).
    choices
        ``{header: words}``: a dropdown (data validation) offering ``words`` on every row of
        the column; other values get a warning, not a refusal.
    highlighted
        Headers to fill with a colour (the required columns of a template).
    preface
        Lines of text above the header row (a blank row separates them from it).
    autofilter
        Whether the header row gets an autofilter.
    """

    name: str
    frame: pd.DataFrame
    text_columns: Sequence[str] = ()
    severity_column: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    choices: dict[str, Sequence[str]] = field(default_factory=dict)
    highlighted: Sequence[str] = ()
    preface: Sequence[str] = ()
    autofilter: bool = True


def _check_name(name: str) -> None:
    if not name or len(name) > 31 or set(name) & _FORBIDDEN_IN_SHEET_NAME:
        raise ValueError(f"not a valid sheet name: {name!r}")


def _severity_of(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if value in SEVERITY_FILL:
        return value
    for code, word in SEVERITY_WORDS.items():
        if value == word:
            return code
    return None


def _width(frame: pd.DataFrame, col: int, label: str) -> float:
    sample = frame.iloc[:WIDTH_SAMPLE, col]
    widest = max([display_width(label), *(display_width(str(v)) for v in sample if v is not None)])
    return float(min(MAX_WIDTH, max(MIN_WIDTH, widest + 2)))


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and not (isinstance(value, float) and not math.isfinite(value))
    )


class _Formats:
    def __init__(self, book: Any) -> None:
        self.header = book.add_format(
            {"bold": True, "bg_color": HEADER_FILL, "border": 1, "text_wrap": True}
        )
        self.highlighted = book.add_format(
            {"bold": True, "bg_color": HIGHLIGHT_FILL, "border": 1, "text_wrap": True}
        )
        self.preface = book.add_format({"bold": False})
        self.text = book.add_format({"num_format": "@"})
        self.quoted = book.add_format({"num_format": "@", "quote_prefix": True})
        self.severity = {
            code: book.add_format(
                {"bg_color": color, "font_color": "#FFFFFF", "bold": True, "num_format": "@"}
            )
            for code, color in SEVERITY_FILL.items()
        }


def _write_cell(
    ws: Worksheet, row: int, col: int, value: Any, as_text: bool, fmt: _Formats
) -> None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return
    if _is_number(value) and not as_text:
        ws.write_number(row, col, value)
        return
    text = str(value)
    style: Format = fmt.quoted if looks_like_formula(text) else fmt.text
    ws.write_string(row, col, text, style)


def _write_sheet(book: Any, sheet: Sheet, fmt: _Formats) -> None:
    _check_name(sheet.name)
    ws = book.add_worksheet(sheet.name)
    frame = sheet.frame
    if len(frame) > MAX_ROWS:
        raise ValueError(f"sheet {sheet.name!r} has {len(frame)} rows; at most {MAX_ROWS} fit")
    labels = [str(c) for c in frame.columns]
    text_cols = {i for i, label in enumerate(labels) if label in set(sheet.text_columns)}
    severity_col = labels.index(sheet.severity_column) if sheet.severity_column in labels else -1
    top = len(sheet.preface) + 1 if sheet.preface else 0  # the header's row
    for r, line in enumerate(sheet.preface):
        ws.write_string(r, 0, line, fmt.preface)
    for i, label in enumerate(labels):
        ws.set_column(i, i, _width(frame, i, label), fmt.text if i in text_cols else None)
    ws.freeze_panes(top + 1, 0)
    last_row = top + max(len(frame), 1)
    if sheet.autofilter and labels:
        ws.autofilter(top, 0, last_row, len(labels) - 1)
    highlighted = set(sheet.highlighted)
    for i, label in enumerate(labels):
        ws.write_string(top, i, label, fmt.highlighted if label in highlighted else fmt.header)
        note = sheet.notes.get(label)
        if note:
            ws.write_comment(top, i, note, {"x_scale": 2, "y_scale": 2})
        words = sheet.choices.get(label)
        if words:
            ws.data_validation(
                top + 1,
                i,
                MAX_ROWS,
                i,
                {
                    "validate": "list",
                    "source": list(words),
                    "error_type": "warning",
                    "input_title": label[:32],
                    "input_message": "、".join(words)[:255],
                },
            )
    for r, values in enumerate(frame.itertuples(index=False, name=None), start=top + 1):
        for c, value in enumerate(values):
            severity = _severity_of(value) if c == severity_col else None
            if severity is not None:
                ws.write_string(r, c, str(value), fmt.severity[severity])
            else:
                _write_cell(ws, r, c, value, c in text_cols, fmt)


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An .xlsx workbook of ``sheets``, in order, as bytes (write them with
    :func:`orggraph.output.write_bytes`).

    Raises
    ------
    ValueError
        If a sheet name is empty, longer than 31 characters, holds one of ``[]:*?/\\``, or
        is given twice.

    Examples
    --------
    >>> data = workbook_bytes([Sheet("问题", pd.DataFrame({"编号": ["007"], "数": [3]}), ["编号"])])
    >>> data[:2]
    b'PK'
    """
    import xlsxwriter

    names = [s.name for s in sheets]
    if len(set(names)) != len(names):
        raise ValueError(f"a sheet name is given twice: {names}")
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(
        buf,
        {
            # Text stays text: no formula, URL or number is made of a string behind our back.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "in_memory": True,
        },
    )
    fmt = _Formats(book)
    for sheet in sheets:
        _write_sheet(book, sheet, fmt)
    book.close()
    return buf.getvalue()

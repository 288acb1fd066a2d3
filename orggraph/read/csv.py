"""CSV files: encodings, delimiters, and a fast path for tidy files.

Excel and WPS save CSV as UTF-8 (with or without BOM) or GBK/GB18030, with commas or — "Unicode
text" saved under a .csv name — tabs.  A tidy file (the header on line 1, every row as wide as
the header) is parsed by pandas' C parser in one pass; anything else (title lines above the
header, rows wider than the header, a broken quote) is read record by record with :mod:`csv`
and laid out by :mod:`orggraph.read.grid`, which locates every problem.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from orggraph.errors import Problem
from orggraph.i18n import tr
from orggraph.read import limits
from orggraph.read.grid import find_header, is_note, is_total, read_grid
from orggraph.read.headers import letter, map_headers
from orggraph.read.model import ROW, RawTable
from orggraph.read.report import TableReport
from orggraph.schema import Table

ENCODINGS = ("utf-8", "gb18030")
# GB18030 decodes almost any bytes; text a Chinese planner typed keeps to GB2312's common
# characters.  Latin-1 (Rue Élysée) decodes to rare ones (Rue 蒷ys閑).
_RARE_SHARE = 0.3
# Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ), as text and as their UTF-8 bytes.
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULL_WIDTH_UTF8 = re.compile(rb"\xef\xbc[\x90-\x99\xa1-\xba]|\xef\xbd[\x81-\x9a]")
_SCI = re.compile(rb"\d[eE]\+\d")
_EMPTY = re.compile(rb"[\s,]*\Z")
_PAD_MARKS = (" ,", ", ", " \n", " \r", "\n ", "\t", "\u3000", '" ', ' "')


def decode_csv_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode CSV bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (GBK's
    superset).

    Returns the text and the encoding, or ``("", None)`` when no encoding gives plausible text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return "", None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return "", None
    for enc in ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "gb18030" and not _plausible_chinese(text):
            return "", None
        return text, enc
    return "", None


def _plausible_chinese(text: str) -> bool:
    """Whether GB18030-decoded text reads as typed Chinese rather than mis-decoded bytes."""
    chars = {c for c in set(text) if ord(c) > 0x7F}
    if not chars:
        return True
    rare = 0
    for c in chars:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare / len(chars) < _RARE_SHARE


def _may_be_padded(text: str) -> bool:
    """Could some cell start or end with a space?  (Plain substring scans run at memory speed.)"""
    # Every mark holds a space, a tab or a full-width space: one-character scans (memchr-fast)
    # settle the usual case; two-character scans of a CJK text are many times slower.
    if " " not in text and "\t" not in text and "\u3000" not in text:
        return False
    return text[:1] == " " or text.endswith(" ") or any(m in text for m in _PAD_MARKS)


def _checks(data: bytes, text: str, enc: str) -> frozenset[str]:
    """The costly checks this file needs, from scans of its bytes (memchr-fast on UTF-8)."""
    if enc not in ("utf-8", "utf-8-sig"):
        wide = _FULL_WIDTH.search(text) is not None
        sci = "+" in text and _SCI.search(text.encode("ascii", "ignore")) is not None
    else:
        wide = (b"\xef\xbc" in data or b"\xef\xbd" in data) and bool(_FULL_WIDTH_UTF8.search(data))
        sci = b"+" in data and _SCI.search(data) is not None
    checks = {"nfkc"} if wide else set()
    if sci:
        checks.add("sci")
    # 合计/小计/总计/共计/累计 all end in 计: no 计 anywhere, no total row to look for.
    if "计" in text if enc not in ("utf-8", "utf-8-sig") else "计".encode() in data:
        checks.add("totals")
    # The header line pasted again further down (a second block copied in with its header).
    first = text[: text.find("\n")].rstrip("\r") if "\n" in text else ""
    if first and text.find("\n" + first, len(first)) >= 0:
        checks.add("header again")
    return frozenset(checks)


def _delimiter(head: str) -> str:
    """Tab for "Unicode text" saved as .csv, else comma."""
    return "\t" if head.count("\t") > head.count(",") else ","


def _records(
    text: str, delimiter: str, where: str, problems: list[Problem]
) -> list[list[str | None]] | None:
    """Every record of ``text`` as stripped cells; a broken quote is reported with its row.

    ``None`` when a record is wider than the column limit (reported): nothing of the file is
    read then.  Long cells are the layout's to report, once the header names their column.
    """
    # csv's own field limit (128 KiB) would stop first, with a message that blames a quote.
    csv.field_size_limit(max(csv.field_size_limit(), limits.MAX_FILE_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str | None]] = []
    while len(rows) <= limits.MAX_ROWS + limits.HEADER_SCAN_ROWS:
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            message = tr(
                'a quote (") opens here and is not closed as CSV expects ({error})', error=str(e)
            )
            problems.append(Problem(where, len(rows) + 1, None, message))
            return rows or None
        if len(rec) > limits.MAX_COLUMNS:
            problems.append(Problem(where, len(rows) + 1, None, limits.too_many_columns(len(rec))))
            return None
        rows.append([v.strip(" \t\r\n\u3000\ufeff") or None for v in rec])
    return rows


def read_csv_table(
    table: Table, path: Path, problems: list[Problem], where: str | None = None
) -> RawTable | None:
    """Read one CSV file as ``table``; problems are appended to ``problems``."""
    file = where or path.name
    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        problems.append(
            Problem(
                file,
                None,
                None,
                limits.too_big(size),
            )
        )
        return None
    data = path.read_bytes()
    if _EMPTY.match(data.removeprefix(codecs.BOM_UTF8)[: 1 << 16]) and len(data) <= 1 << 16:
        problems.append(Problem(file, None, None, empty_message(table)))
        return None
    text, enc = decode_csv_bytes(data)
    if enc is None:
        problems.append(
            Problem(
                file,
                None,
                None,
                tr(
                    "cannot decode the file as {encodings} (tried in that order): save it as "
                    "UTF-8 or GBK CSV (另存为 CSV UTF-8)",
                    encodings=", ".join(ENCODINGS),
                ),
            )
        )
        return None
    checks = _checks(data, text, enc)
    head = text[: 1 << 16]
    delimiter = _delimiter(head)
    fast = _fast(table, file, text, data, enc, delimiter, problems, checks)
    if fast is not None:
        fast.checks = checks
        return fast
    rows = _records(text, delimiter, file, problems)
    if rows is None:
        return None
    rt = read_grid(table, file, rows, problems)
    if rt is not None:
        rt.checks = checks | {"nfkc"}
    return rt


def _fast(
    table: Table,
    file: str,
    text: str,
    data: bytes,
    enc: str,
    delimiter: str,
    problems: list[Problem],
    checks: frozenset[str],
) -> RawTable | None:
    """The tidy file: header on line 1, no row wider than it.  ``None`` to take the slow path."""
    head_rows: list[list[str | None]] = []
    for rec in csv.reader(io.StringIO(text[: 1 << 16], newline=""), delimiter=delimiter):
        head_rows.append([v.strip() or None for v in rec])
        if len(head_rows) >= limits.HEADER_SCAN_ROWS:
            break
    if not head_rows or len(head_rows[0]) > limits.MAX_COLUMNS:
        return None
    if find_header(table, head_rows) != 0:
        return None
    # UTF-8 goes to the parser as bytes (it would re-encode a str to UTF-8 anyway); the
    # decoded text above only proved the bytes valid.  Cells come back as plain str objects.
    body = data.removeprefix(codecs.BOM_UTF8) if enc in ("utf-8", "utf-8-sig") else text
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            frame = pd.read_csv(
                io.StringIO(body) if isinstance(body, str) else io.BytesIO(body),
                dtype=object,
                encoding="utf-8",
                keep_default_na=False,
                na_values=[""],
                skip_blank_lines=False,
                index_col=False,
                sep=delimiter,
            )
    except (pd.errors.ParserError, ValueError, Warning):
        return None  # the slow path reads it and locates the trouble
    if len(frame) > limits.MAX_ROWS or len(frame.columns) != len(head_rows[0]):
        return None
    if _may_hold_long_line(data) and _long_cell(frame):
        return None  # the slow path locates the cell
    # Stripping every cell is the slowest part of reading a big file: skip it when a scan of
    # the text shows no cell can start or end with a space.
    return finish_frame(table, file, frame, head_rows[0], problems, _may_be_padded(text), checks)


def _may_hold_long_line(data: bytes) -> bool:
    """Whether some line may exceed the cell limit: a line of 2W bytes covers a whole aligned
    window of W bytes, so W-sized windows that all hold a newline rule it out (a few thousand
    memchr calls for a big file)."""
    w = limits.MAX_CELL_CHARS // 2
    return any(data.find(b"\n", k, k + w) < 0 for k in range(0, len(data) - w, w))


def _long_cell(frame: pd.DataFrame) -> bool:
    return any(
        frame[c].dropna().astype(str).str.len().max() > limits.MAX_CELL_CHARS
        for c in frame.columns
        if frame[c].notna().any()
    )


def finish_frame(
    table: Table,
    file: str,
    frame: pd.DataFrame,
    headers: list[str | None],
    problems: list[Problem],
    may_be_padded: bool = True,
    checks: frozenset[str] = frozenset({"totals", "header again"}),
) -> RawTable:
    """Map ``headers`` (row 1) onto ``frame``'s columns; skip blank, note and total rows."""
    report = TableReport(table.name, file, header_rows=[1])
    hmap, header_problems = map_headers(table, file, list(headers))
    for p in header_problems:
        problems.append(Problem(p.file, 1, p.column, p.message))
    keep: dict[str, pd.Series] = {}
    for i, name in enumerate(hmap.names):
        col = frame.iloc[:, i]
        if name:
            keep[name] = col
        elif not headers[i] and col.notna().any():
            first = int(np.flatnonzero(col.notna().to_numpy())[0]) + 2
            problems.append(
                Problem(
                    file,
                    first,
                    letter(i + 1),
                    tr(
                        "column {letter} has values but no header: give it a header or delete it",
                        letter=letter(i + 1),
                    ),
                )
            )
    out = pd.DataFrame(keep, index=frame.index)
    for col in out.columns:
        s = out[col].astype(object)
        if may_be_padded:
            # Trim spaces (ASCII and the full-width 　 WPS leaves); a blank cell means "unknown".
            s = s.where(s.isna(), s.astype(str).str.strip(" \t\r\n\u3000\ufeff"))
            s = s.mask(s == "", None)
        out[col] = s
    out[ROW] = out.index.to_numpy() + 2
    raw_of = {n: headers[i] for i, n in enumerate(hmap.names) if n}
    out = _skip_rows(out, report, checks, raw_of, table.column_names)
    for raw in hmap.dropped:
        report.dropped_columns.append((raw, tr("row numbers")))
    report.columns = hmap.mapped
    report.extra = hmap.extra
    report.absent = [c.name for c in table.columns if c.name not in hmap.mapped]
    report.rows = len(out)
    if len(out):
        report.first_row, report.last_row = int(out[ROW].iloc[0]), int(out[ROW].iloc[-1])
    return RawTable(table, file, out.reset_index(drop=True), report)


def _skip_rows(
    frame: pd.DataFrame,
    report: TableReport,
    checks: frozenset[str],
    raw_of: dict[str, str | None],
    contract: list[str],
) -> pd.DataFrame:
    """Drop blank, total (合计) and note (注：…) rows, and rows with no contract column filled
    (a 备注 beside a blank row), each reported; vectorised."""
    cells = [c for c in frame.columns if c != ROW]
    fields = [c for c in cells if c in contract]
    if not fields:
        return frame
    # Rows with no contract field after the first: narrow the candidates column by column
    # (usually none survive the second column), then look at what the row holds.
    candidates = np.arange(len(frame))
    for col in fields[1:]:
        if not len(candidates):
            break
        candidates = candidates[pd.isna(frame[col].to_numpy()[candidates])]
    drop = np.zeros(len(frame), dtype=bool)
    rows = frame[ROW].to_numpy()
    if len(candidates):
        sub = frame.iloc[candidates]
        first = sub[fields[0]].to_numpy()
        others = sub[[c for c in cells if c != fields[0]]].notna().any(axis=1).to_numpy()
        for k, i in enumerate(candidates):
            v = first[k]
            if v is None or (isinstance(v, float) and v != v):
                why = tr("no contract column filled") if others[k] else tr("blank")
            elif not others[k] and is_note(str(v)):
                why = tr("note")
            else:
                continue
            report.skip(int(rows[i]), why)
            drop[i] = True
    if "header again" in checks:
        again = (frame[fields[0]] == raw_of[fields[0]]).to_numpy() & ~drop
        for i in np.flatnonzero(again):
            if all(frame[c].iat[i] == raw_of[c] for c in cells):
                report.skip(int(rows[i]), tr("the header again"))
                drop[i] = True
    if "totals" in checks:
        total = np.zeros(len(frame), dtype=bool)
        for col in cells[:3]:
            s = frame[col]
            hit = s.notna() & s.astype(str).str.contains("计", regex=False)
            for i in np.flatnonzero(hit.to_numpy() & ~drop & ~total):
                if is_total(str(s.iloc[i])):
                    total[i] = True
                    report.skip(int(rows[i]), tr("total row"))
        drop |= total
    # Trailing blank rows are formatting, not gaps in the table: not reported one by one.
    return frame.loc[~drop] if drop.any() else frame


def empty_message(table: Table) -> str:
    """The problem text for a file or sheet with no header row."""
    need = ", ".join(c.name for c in table.columns if c.required)
    return tr("the file is empty: expected a header row with at least {columns}", columns=need)

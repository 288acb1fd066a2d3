"""Read a dataset's files into raw string tables, as a spreadsheet shows them.

A dataset is a folder of CSV files or one .xlsx workbook (``shared/DATASET.md``).  CSV may be
UTF-8, UTF-8 with BOM or GBK/GB18030; headers may be English or Chinese.  This module only reads:
every cell stays a string (ids keep their leading zeros), headers are mapped to the contract's
column names, and each row remembers its spreadsheet row number.  Checking values is
:mod:`orggraph.validate`'s job.  Problems found while reading are collected, not raised one by one.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from orggraph.errors import DatasetError, Problem
from orggraph.schema import TABLES, Table

ROW = "_row"  # the spreadsheet row number of each record (header is row 1)

_ENCODINGS = ("utf-8", "gb18030")


@dataclass
class RawTable:
    """One file's cells as strings, headers mapped to contract names, plus ``_row``."""

    table: Table
    file: str
    frame: pd.DataFrame


@dataclass
class RawDataset:
    name: str
    source: str
    tables: dict[str, RawTable] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Tables that have a file or sheet, readable or not (so a broken file is not also "missing").
    present: dict[str, str] = field(default_factory=dict)
    workbook: bool = False

    def label(self, table: str) -> str:
        """How problems name a table's file: ``areas.csv`` or ``b.xlsx sheet areas``."""
        if table in self.present:
            return self.present[table]
        return f"{Path(self.source).name} sheet {table}" if self.workbook else f"{table}.csv"


def _header_key(text: object) -> str:
    s = str(text).replace("\ufeff", "").strip().strip("\u3000")
    s = re.sub(r"\s+", "_", s)
    return s.lower()


def _header_map(table: Table) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in table.columns:
        out[_header_key(c.name)] = c.name
        for a in c.aliases:
            out[_header_key(a)] = c.name
    return out


def _table_for_name(stem: str) -> Table | None:
    key = _header_key(stem)
    for t in TABLES:
        if key == t.name or key in (_header_key(a) for a in t.aliases):
            return t
    return None


def map_headers(table: Table, file: str, headers: list[object]) -> tuple[list[str], list[Problem]]:
    """Contract names for ``headers``; unknown headers are kept (as extra properties)."""
    known = _header_map(table)
    names: list[str] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for h in headers:
        raw = "" if h is None else str(h).replace("\ufeff", "").strip()
        name = known.get(_header_key(raw), raw)
        if not raw:
            name = f"_blank_{len(names)}"
        if name in seen:
            problems.append(
                Problem(file, 1, raw, f"column '{name}' appears twice (also as '{seen[name]}')")
            )
            name = f"{name}__dup{len(names)}"
        seen[name] = raw
        names.append(name)
    return names, problems


def decode_csv_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode CSV bytes as UTF-8 (with or without BOM) or GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        try:
            return data.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return "", None
    for enc in _ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return "", None


_PAD_MARKS = (" ,", ", ", " \n", " \r", "\n ", "\t", "\u3000", '" ', ' "')


def _may_be_padded(text: str) -> bool:
    """Could some cell start or end with a space?  (Plain substring scans run at memory speed.)"""
    # Every mark holds a space, a tab or a full-width space: one-character scans (memchr-fast)
    # settle the usual case; two-character scans of a CJK text are many times slower.
    if " " not in text and "\t" not in text and "\u3000" not in text:
        return False
    return text[:1] == " " or text.endswith(" ") or any(m in text for m in _PAD_MARKS)


def _finish(
    table: Table,
    file: str,
    frame: pd.DataFrame,
    problems: list[Problem],
    may_be_padded: bool = True,
) -> RawTable:
    names, header_problems = map_headers(table, file, list(frame.columns))
    problems.extend(header_problems)
    frame.columns = pd.Index(names)
    frame = frame[[c for c in names if not c.startswith("_blank_")]]
    for col in frame.columns:
        s = frame[col].astype(object)
        if may_be_padded:
            # Trim spaces (ASCII and the full-width 　 WPS leaves); a blank cell means "unknown".
            s = s.where(s.isna(), s.astype(str).str.strip(" \t\r\n\u3000\ufeff"))
            s = s.mask(s == "", None)
        frame[col] = s
    frame[ROW] = frame.index.to_numpy() + 2
    # Blank rows: narrow the candidates column by column (usually none survive the first).
    cells = [c for c in frame.columns if c != ROW]
    candidates = np.arange(len(frame))
    for col in cells:
        if not len(candidates):
            break
        candidates = candidates[pd.isna(frame[col].to_numpy()[candidates])]
    if len(candidates):
        blank = np.zeros(len(frame), dtype=bool)
        blank[candidates] = True
        frame = frame.loc[~blank]
    return RawTable(table, file, frame.reset_index(drop=True))


def read_csv_table(table: Table, path: Path, problems: list[Problem]) -> RawTable | None:
    data = path.read_bytes()
    file = path.name
    if not data.strip(codecs.BOM_UTF8 + b" \r\n\t"):
        problems.append(Problem(file, None, None, _empty_message(table)))
        return None
    text, enc = decode_csv_bytes(data)
    if enc is None:
        problems.append(
            Problem(file, None, None, "cannot decode the file: save it as UTF-8 or GBK/GB18030 CSV")
        )
        return None
    from io import BytesIO, StringIO

    # UTF-8 goes to the parser as bytes (it would re-encode a str to UTF-8 anyway); the
    # decoded text above only proved the bytes valid.  Cells come back as plain str objects.
    body = text if enc == "gb18030" else data.removeprefix(codecs.BOM_UTF8)
    try:
        frame = pd.read_csv(
            StringIO(body) if isinstance(body, str) else BytesIO(body),
            dtype=object,
            encoding="utf-8",
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, ValueError) as e:
        problems.append(Problem(file, None, None, f"not a readable CSV file ({_one_line(e)})"))
        return None
    # Stripping every cell is the slowest part of reading a big file: skip it when a scan of
    # the text shows no cell can start or end with a space.
    return _finish(table, file, frame, problems, _may_be_padded(text))


def _empty_message(table: Table) -> str:
    need = ", ".join(c.name for c in table.columns if c.required)
    return f"the file is empty: expected a header row with at least {need}"


def _one_line(e: Exception) -> str:
    return str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__


def _cell_text(v: object) -> object:
    if v is None:
        return None
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def read_xlsx(
    path: Path, problems: list[Problem], present: dict[str, str] | None = None
) -> dict[str, RawTable]:
    """Every sheet named after a table (English or Chinese); other sheets are ignored.

    ``present`` receives the sheet found for each table, readable or not.
    """
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as e:
        problems.append(Problem(path.name, None, None, f"not a readable .xlsx workbook ({e})"))
        return {}
    out: dict[str, RawTable] = {}
    try:
        for ws in wb.worksheets:
            table = _table_for_name(ws.title)
            if table is None:
                continue
            where = f"{path.name} sheet {ws.title}"
            if present is not None:
                if table.name in present:
                    problems.append(
                        Problem(
                            where,
                            None,
                            None,
                            f"a second sheet for table '{table.name}' (also {present[table.name]})",
                        )
                    )
                    continue
                present[table.name] = where
            rows = ws.iter_rows(values_only=True)
            header = next(rows, None)
            if header is None or all(h is None for h in header):
                problems.append(Problem(where, None, None, _empty_message(table)))
                continue
            width = len(header)
            body = [[_cell_text(v) for v in r[:width]] for r in rows]
            frame = pd.DataFrame(body, columns=list(range(width)), dtype=object)
            frame.columns = pd.Index(list(header))
            out[table.name] = _finish(table, where, frame, problems)
    finally:
        wb.close()
    return out


def read_raw(path: str | Path) -> RawDataset:
    """Read the dataset at ``path`` (a folder of CSV files or an .xlsx workbook).

    Raises
    ------
    DatasetError
        If ``path`` does not exist or holds no dataset.  Problems in individual files are
        collected in ``RawDataset.problems`` for the validator to report with its own.
    """
    p = Path(path)
    raw = RawDataset(name=p.stem if p.is_file() else p.resolve().name, source=str(p))
    if not p.exists():
        raise DatasetError([Problem(str(p), None, None, "no such file or folder")])
    if p.is_file():
        if p.suffix.lower() not in (".xlsx", ".xlsm"):
            raise DatasetError(
                [Problem(p.name, None, None, "expected a folder of CSV files or an .xlsx workbook")]
            )
        raw.workbook = True
        raw.tables = read_xlsx(p, raw.problems, raw.present)
        return raw
    for f in sorted(p.iterdir()):
        if f.suffix.lower() != ".csv" or not f.is_file():
            continue
        table = _table_for_name(f.stem)
        if table is None:
            continue
        if table.name in raw.present:
            first = raw.present[table.name]
            raw.problems.append(
                Problem(
                    f.name, None, None, f"a second file for table '{table.name}' (also {first})"
                )
            )
            continue
        raw.present[table.name] = f.name
        rt = read_csv_table(table, f, raw.problems)
        if rt is not None:
            raw.tables[table.name] = rt
    return raw

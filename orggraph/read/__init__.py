"""Read a dataset's files into raw string tables, as a spreadsheet shows them.

A dataset is a folder of CSV files (or of one workbook per table), or one workbook
(docs/DATASET.md).  This package only reads: every cell stays a string (ids keep their leading
zeros), headers are mapped to the contract's column names, each row remembers its spreadsheet row
number, and a :class:`~orggraph.read.report.TableReport` records what was read and what was not.
Checking values is :mod:`orggraph.validate`'s job.  Problems are collected, not raised one by one.

- :mod:`~orggraph.read.sniff`: what a file really is; zip sizes and DTDs before any parsing
- :mod:`~orggraph.read.csv`: encodings, delimiters, the fast path for tidy CSV
- :mod:`~orggraph.read.workbook`: .xlsx / .xls sheets through calamine
- :mod:`~orggraph.read.grid`: header row, merged cells, skipped rows, for any laid-out sheet
- :mod:`~orggraph.read.headers`: header and sheet-name synonyms
- :mod:`~orggraph.read.limits`: the documented limits
"""

from __future__ import annotations

from pathlib import Path

from orggraph.errors import DatasetError, Problem
from orggraph.i18n import tr
from orggraph.read.csv import read_csv_table
from orggraph.read.headers import table_for_name
from orggraph.read.model import ROW, RawDataset, RawTable
from orggraph.read.report import TableReport
from orggraph.read.sniff import WORKBOOK_SUFFIXES, sniff
from orggraph.read.workbook import read_workbook

__all__ = ["ROW", "RawDataset", "RawTable", "TableReport", "read_raw"]


def read_raw(path: str | Path) -> RawDataset:
    """Read the dataset at ``path`` (a folder, or one .xlsx/.xls workbook).

    Raises
    ------
    DatasetError
        If ``path`` does not exist or is no dataset at all.  Problems in individual files are
        collected in ``RawDataset.problems`` for the validator to report with its own.
    """
    p = Path(path)
    if not p.exists():
        raise DatasetError([Problem(str(p), None, None, tr("no such file or folder"))])
    raw = RawDataset(name=p.stem if p.is_file() else p.resolve().name, source=str(p))
    if p.is_file():
        if p.suffix.lower() not in WORKBOOK_SUFFIXES:
            raise DatasetError(
                [
                    Problem(
                        p.name,
                        None,
                        None,
                        tr("expected a folder of CSV files or an .xlsx workbook"),
                    )
                ]
            )
        raw.workbook = True
        kind, problem = sniff(p)
        if problem is not None:
            raise DatasetError([problem], str(p))
        read_workbook(p, raw, kind)
        if raw.problems and not raw.present:
            # The workbook itself is refused (a zip bomb, a broken file): its sheets are not
            # "missing" on top of that.
            raise DatasetError(raw.problems, str(p))
        return raw
    _read_folder(p, raw)
    return raw


def _read_folder(folder: Path, raw: RawDataset) -> None:
    for f in sorted(folder.iterdir()):
        if f.name.startswith(("~$", ".")) or not f.is_file():
            continue  # Excel's lock files and hidden files
        suffix = f.suffix.lower()
        if suffix != ".csv" and suffix not in WORKBOOK_SUFFIXES:
            continue
        table, exact = table_for_name(f.stem)
        if table is None:
            raw.ignored.append((f.name, tr("not the name of a table")))
            continue
        if table.name in raw.present:
            first = raw.present[table.name]
            raw.problems.append(
                Problem(
                    f.name,
                    None,
                    None,
                    tr(
                        "a second file for table '{table}' (also {first})",
                        table=table.name,
                        first=first,
                    ),
                )
            )
            continue
        kind, problem = sniff(f)
        if problem is not None:
            raw.present[table.name] = f.name
            raw.problems.append(problem)
            continue
        if kind == "csv":
            raw.present[table.name] = f.name
            rt = read_csv_table(table, f, raw.problems)
        else:
            read_workbook(f, raw, kind, only=table)
            rt = raw.tables.get(table.name)
            raw.present.setdefault(table.name, f.name)
        if rt is None:
            continue
        if not exact:
            rt.report.taken_as = tr(
                "file '{file}' read as table {table}", file=f.name, table=table.name
            )
        raw.tables[table.name] = rt

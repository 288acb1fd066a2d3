"""What the reader hands the validator: raw string tables and a record of what was read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from orggraph.errors import Problem
from orggraph.read.report import TableReport
from orggraph.schema import Table

ROW = "_row"  # the spreadsheet row number of each record, as Excel or WPS shows it


@dataclass
class RawTable:
    """One table's cells as strings, headers mapped to contract names, plus ``_row``.

    ``checks`` names the costly checks the validator must run on this table: ``"nfkc"`` (some
    cell may hold full-width letters or digits), ``"sci"`` (some cell may hold a number in
    scientific notation).  Scans of a CSV's bytes settle both; a workbook gets both.
    """

    table: Table
    file: str
    frame: pd.DataFrame
    report: TableReport
    checks: frozenset[str] = frozenset({"nfkc", "sci"})


@dataclass
class RawDataset:
    """Every table read from one dataset, the problems met, and what was ignored."""

    name: str
    source: str
    tables: dict[str, RawTable] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Tables that have a file or sheet, readable or not (so a broken file is not also "missing").
    present: dict[str, str] = field(default_factory=dict)
    workbook: bool = False
    # Sheets or files that were not read, each with the reason (shown by ``validate``).
    ignored: list[tuple[str, str]] = field(default_factory=list)

    def label(self, table: str) -> str:
        """How problems name a table's file: ``areas.csv`` or ``b.xlsx sheet areas``."""
        if table in self.present:
            return self.present[table]
        return f"{Path(self.source).name} sheet {table}" if self.workbook else f"{table}.csv"

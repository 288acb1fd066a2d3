"""The validated dataset: one pandas table per file of the contract.

A :class:`Dataset` is what the reader returns after validation and what the Neo4j export reads
back.  Every table has the contract's columns in contract order (missing optional columns are
added empty), then any extra columns the planner kept.  Ids, references, text and enum codes are
strings (missing: ``None``/NaN), counts and measures are ``float64`` (missing: NaN), enum
columns hold the English codes whatever the spreadsheet said.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd

from orggraph.schema import TABLES, Table


def empty_table(table: Table) -> pd.DataFrame:
    """An empty frame with the table's contract columns."""
    cols: dict[str, pd.Series] = {}
    for c in table.columns:
        dtype = "float64" if c.kind == "number" else object
        cols[c.name] = pd.Series([], dtype=dtype)
    return pd.DataFrame(cols)


@dataclass
class Dataset:
    """A validated dataset.

    Parameters
    ----------
    name
        The dataset's name (the folder or workbook stem, or the name it was loaded under in
        Neo4j).  Several datasets can share one database; the name tells them apart.
    tables
        ``{table name: DataFrame}`` for every table of :data:`orggraph.schema.TABLES`.
    absent
        ``{table name: optional columns}`` its file or sheet did not have: those values are
        unknown (未填), not zero or none.  Only tables that were read appear; a table with no
        file at all means "none recorded" (DATASET.md).
    """

    name: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    absent: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for t in TABLES:
            if t.name not in self.tables:
                self.tables[t.name] = empty_table(t)

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.tables[table]

    @property
    def areas(self) -> pd.DataFrame:
        return self.tables["areas"]

    @property
    def orgs(self) -> pd.DataFrame:
        return self.tables["orgs"]

    @property
    def units(self) -> pd.DataFrame:
        return self.tables["units"]

    @property
    def unit_coverage(self) -> pd.DataFrame:
        return self.tables["unit_coverage"]

    @property
    def alliances(self) -> pd.DataFrame:
        return self.tables["alliances"]

    @property
    def alliance_members(self) -> pd.DataFrame:
        return self.tables["alliance_members"]

    @property
    def pairings(self) -> pd.DataFrame:
        return self.tables["pairings"]

    @property
    def sites(self) -> pd.DataFrame:
        return self.tables["sites"]

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        return iter(self.tables.items())

    @property
    def node_count(self) -> int:
        return sum(len(self.tables[t.name]) for t in TABLES if t.has_id)

    @property
    def relationship_count(self) -> int:
        """Edges the graph holds: one per reference filled in, one per link row."""
        n = 0
        for t in TABLES:
            df = self.tables[t.name]
            if not t.has_id:
                n += len(df)
                continue
            for c in t.columns:
                if c.kind == "ref" and c.name in df:
                    n += int(df[c.name].notna().sum())
        return n

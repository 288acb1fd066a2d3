"""Between a :class:`Dataset` and the rows the Neo4j statements take or return (no driver here).

The graph in Neo4j is the graph model of ``docs/ARCHITECTURE.md``: one node per row of a table
with ids (every known cell a property, plus ``dataset`` and ``_row``, the row's position, so a
read-back keeps the table's order), one relationship per filled reference cell, and one
relationship per row of a link table (its other cells, ``_row``, and ``_n``: the occurrence of
the row among rows for the same two ends).  The table columns themselves are kept on the
dataset's bookkeeping node, so empty and extra columns come back exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from orggraph.dataset import Dataset
from orggraph.errors import DatasetError, Problem
from orggraph.i18n import tr
from orggraph.relations import EDGE_SPECS
from orggraph.schema import NODE_LABEL, TABLE_BY_NAME, TABLES

# Property names orggraph itself writes; a planner's extra column may not use them.
RESERVED = frozenset({"dataset", "_row", "_n"})


@dataclass(frozen=True)
class RefSpec:
    """A reference column of a node table, stored as one relationship per filled cell."""

    table: str
    column: str
    rel_type: str
    from_label: str
    to_label: str


@dataclass(frozen=True)
class LinkSpec:
    """A link table, stored as one relationship per row."""

    table: str
    src: str
    dst: str
    rel_type: str
    src_tables: tuple[str, ...]
    dst_tables: tuple[str, ...]


def _specs() -> tuple[tuple[RefSpec, ...], tuple[LinkSpec, ...]]:
    refs: list[RefSpec] = []
    links: list[LinkSpec] = []
    for table, src, dst, rel, _attrs in EDGE_SPECS:
        t = TABLE_BY_NAME[table]
        if t.has_id:
            target = t.column(dst).ref[0]
            refs.append(RefSpec(table, dst, rel, NODE_LABEL[table], NODE_LABEL[target]))
        else:
            links.append(LinkSpec(table, src, dst, rel, t.column(src).ref, t.column(dst).ref))
    return tuple(refs), tuple(links)


REFS, LINKS = _specs()


def check_columns(ds: Dataset) -> None:
    """Refuse columns whose names orggraph uses for its own properties in Neo4j."""
    problems = [
        Problem(
            f"{name}.csv",
            1,
            col,
            tr(
                "column name '{column}' is reserved when loading into Neo4j; rename the column",
                column=col,
            ),
        )
        for name, frame in ds.items()
        for col in frame.columns
        if col in RESERVED
    ]
    if problems:
        raise DatasetError(problems, ds.name)


def column_lists(ds: Dataset) -> dict[str, list[str]]:
    """``{"columns_<table>": [column, …]}`` for the bookkeeping node."""
    return {f"columns_{t.name}": [str(c) for c in ds[t.name].columns] for t in TABLES}


def _is_number(table: str, column: str) -> bool:
    t = TABLE_BY_NAME[table]
    return column in t.column_names and t.column(column).kind == "number"


def _values(frame: pd.DataFrame, table: str, column: str) -> list[Any]:
    """The column as Python values, ``None`` where the cell is empty."""
    s = frame[column]
    if _is_number(table, column):
        arr = s.to_numpy(dtype="float64", na_value=np.nan)
        return [None if v != v else v for v in arr.tolist()]
    out: list[Any] = s.astype(object).where(s.notna(), None).tolist()
    # Extra columns are kept as strings whatever the spreadsheet cell held.
    return [v if v is None or isinstance(v, str) else str(v) for v in out]


def node_rows(ds: Dataset, table: str) -> list[dict[str, Any]]:
    """One map per row: every known cell, plus ``_row``."""
    frame = ds[table]
    cols = [str(c) for c in frame.columns]
    values = [_values(frame, table, c) for c in frame.columns]
    rows: list[dict[str, Any]] = []
    for i, cells in enumerate(zip(*values, strict=True)):
        row = {c: v for c, v in zip(cols, cells, strict=True) if v is not None}
        row["_row"] = i
        rows.append(row)
    return rows


def ref_rows(ds: Dataset, spec: RefSpec, include_empty: bool) -> list[dict[str, Any]]:
    """``{id, target}`` per row; rows with an empty cell only when ``include_empty``.

    Empty cells matter only when an earlier load may have left a relationship to remove.
    """
    frame = ds[spec.table]
    ids = _values(frame, spec.table, "id")
    targets = _values(frame, spec.table, spec.column)
    return [
        {"id": i, "target": t}
        for i, t in zip(ids, targets, strict=True)
        if include_empty or t is not None
    ]


def _label_of(ds: Dataset, ids: pd.Series, tables: Sequence[str]) -> pd.Series:
    label = pd.Series(None, index=ids.index, dtype=object)
    for table in tables:
        label = label.where(~ids.isin(ds[table]["id"]) | label.notna(), NODE_LABEL[table])
    return label


def link_rows(ds: Dataset, spec: LinkSpec) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Rows of a link table grouped by (source label, target label): ``{s, t, props}``."""
    frame = ds[spec.table]
    if frame.empty:
        return {}
    occurrence = frame.groupby([spec.src, spec.dst], sort=False, dropna=False).cumcount()
    src_label = _label_of(ds, frame[spec.src], spec.src_tables)
    dst_label = _label_of(ds, frame[spec.dst], spec.dst_tables)
    other = [str(c) for c in frame.columns if c not in (spec.src, spec.dst)]
    values = [_values(frame, spec.table, c) for c in other]
    s_ids, t_ids = _values(frame, spec.table, spec.src), _values(frame, spec.table, spec.dst)
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for i, (s, t, sl, tl, n, *cells) in enumerate(
        zip(s_ids, t_ids, src_label, dst_label, occurrence.tolist(), *values, strict=True)
    ):
        props = {c: v for c, v in zip(other, cells, strict=True) if v is not None}
        props["_n"] = int(n)
        props["_row"] = i
        out.setdefault((sl, tl), []).append({"s": s, "t": t, "props": props})
    return out


def link_keys(rows: dict[tuple[str, str], list[dict[str, Any]]]) -> set[tuple[str, str, int]]:
    """The keys (two ends and ``_n``) of a link table's rows."""
    return {(r["s"], r["t"], r["props"]["_n"]) for group in rows.values() for r in group}


def batches(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """``rows`` in slices of at most ``size``."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def frame_from_cells(
    table: str, columns: list[str], rows: Iterable[tuple[int, list[Any]]]
) -> pd.DataFrame:
    """A table as :mod:`orggraph.validate` makes it, from ``(_row, cells)`` pairs.

    Numbers are ``float64`` with NaN for empty; dates hold ``None`` for empty and every other
    column NaN, as a CSV file read by :func:`orggraph.io.load` gives them.
    """
    ordered = sorted(rows, key=lambda r: r[0])
    t = TABLE_BY_NAME[table]
    data: dict[str, pd.Series] = {}
    for j, col in enumerate(columns):
        cells = [r[1][j] for r in ordered]
        kind = t.column(col).kind if col in t.column_names else "text"
        if kind == "number":
            data[col] = pd.Series(
                [np.nan if v is None else float(v) for v in cells], dtype="float64"
            )
        else:
            empty = None if kind == "date" else np.nan
            data[col] = pd.Series([empty if v is None else v for v in cells], dtype=object)
    return pd.DataFrame(data, columns=columns)

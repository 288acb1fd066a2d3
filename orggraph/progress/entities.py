"""Entities added, removed and changed between two validated datasets, table by table.

The comparison runs on *validated* values, so a cell that only reads differently compares equal:
numbers are floats (``"12"`` and ``"12.0"`` are both 12.0), enum columns hold the English codes
whether the spreadsheet said ``社区`` or ``community``, and the text was decoded from whatever
encoding the file used.  Extra columns (kept as text) are compared as numbers where both sides
read as numbers; an extra column only one side has is listed, not compared.  A table with ids is
keyed by ``id``; a link table (no ids) by its required columns — its natural key — with the
occurrence number added where a key repeats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from orggraph.dataset import Dataset
from orggraph.schema import TABLES, Table

CHANGES = ("added", "removed", "changed")


def table_key(table: Table) -> tuple[str, ...]:
    """The columns that identify a row: ``id``, or a link table's required columns.

    Examples
    --------
    >>> from orggraph.schema import TABLE_BY_NAME
    >>> table_key(TABLE_BY_NAME["pairings"])
    ('source_id', 'area_id', 'kind')
    """
    if table.has_id:
        return ("id",)
    return tuple(c.name for c in table.columns if c.required)


def plain(value: Any) -> Any:
    """A cell as JSON shows it: missing is ``None``, a whole float an int."""
    if value is None:
        return None
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return None
        return int(value) if float(value).is_integer() else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


@dataclass
class TableChanges:
    """What changed in one table.

    ``added`` and ``removed`` are keys (an id, or a tuple of the key columns' values);
    ``changed`` maps a key to ``{field: (old, new)}``.
    """

    table: str
    key: tuple[str, ...]
    added: list[Any] = field(default_factory=list)
    removed: list[Any] = field(default_factory=list)
    changed: dict[Any, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)

    def key_json(self, key: Any) -> Any:
        """An id as it is; a link row's key as ``{column: value}``."""
        if self.key == ("id",):
            return key
        return dict(zip(self.key, key, strict=True))

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": list(self.key),
            "added": [self.key_json(k) for k in self.added],
            "removed": [self.key_json(k) for k in self.removed],
            "changed": [
                {
                    "id": self.key_json(k),
                    "fields": {f: {"old": o, "new": n} for f, (o, n) in fields.items()},
                }
                for k, fields in self.changed.items()
            ],
            "columns": {"added": self.columns_added, "removed": self.columns_removed},
        }


def _comparable(values: np.ndarray, kind: str | None) -> np.ndarray:
    """Values that compare equal when they read the same (see the module docstring)."""
    if kind is not None or values.dtype.kind in "fiub":
        # Contract columns are validated: numbers float64, text, ids, codes and ISO dates as
        # they read; missing is None or NaN, which the caller treats alike.
        return values
    text = pd.Series(values, dtype=object)
    text = text.where(text.map(lambda v: v is not None and str(v).strip() != ""), None)
    numbers = pd.to_numeric(text, errors="coerce")
    return text.where(numbers.isna(), numbers).to_numpy(dtype=object)


def _key_index(frame: pd.DataFrame, key: tuple[str, ...], nth: bool) -> pd.Index:
    """The rows' keys, plus the occurrence number of a repeated key if ``nth``."""
    arrays = [frame[c].to_numpy() for c in key]
    if nth:
        arrays.append(frame.groupby(list(key), dropna=False, sort=False).cumcount().to_numpy())
    if len(arrays) == 1:
        return pd.Index(arrays[0])
    return pd.MultiIndex.from_arrays(arrays)


def _repeats(frame: pd.DataFrame, key: tuple[str, ...]) -> bool:
    return bool(frame.duplicated(list(key)).any())


def _key_value(key: Any, width: int) -> Any:
    if width == 1:
        return key[0] if isinstance(key, tuple) else key
    return tuple(int(k) if isinstance(k, np.integer) else k for k in key)


def diff_table(table: Table, old: pd.DataFrame, new: pd.DataFrame) -> TableChanges:
    """Rows of ``table`` added, removed and changed from ``old`` to ``new``.

    Parameters
    ----------
    table
        The contract's description of the table (:data:`orggraph.schema.TABLES`).
    old, new
        The table in each validated dataset.
    """
    key = table_key(table)
    out = TableChanges(table.name, key)
    # A planner's own column only one side has is a change of form, not of the entities: it
    # is listed, not compared.  (The contract's columns are on both sides, empty if unrecorded.)
    out.columns_added = [c for c in new.columns if c not in old.columns]
    out.columns_removed = [c for c in old.columns if c not in new.columns]
    # Both sides get the occurrence number ``_n`` (0, 1, …) if either repeats a key, so their
    # keys align and every repeated row keeps a key of its own.
    nth = not table.has_id and (_repeats(old, key) or _repeats(new, key))
    a, b = _key_index(old, key, nth), _key_index(new, key, nth)
    if nth:
        out.key = (*key, "_n")
    width = len(out.key)
    # One hash lookup each way, no sorting of the whole tables: only what changed is sorted.
    in_new, in_old = b.get_indexer(a), a.get_indexer(b)
    out.added = sorted(_key_value(k, width) for k in b[in_old == -1])
    out.removed = sorted(_key_value(k, width) for k in a[in_new == -1])
    pa = np.flatnonzero(in_new != -1)
    if not len(pa):
        return out
    pb = in_new[pa]
    common = a[pa]
    kinds = {c.name: c.kind for c in table.columns}
    columns = [c for c in old.columns if c in new.columns and c not in key]
    differs: dict[str, np.ndarray] = {}
    for col in columns:
        left = _comparable(old[col].to_numpy()[pa], kinds.get(col))
        right = _comparable(new[col].to_numpy()[pb], kinds.get(col))
        same = (left == right) | (pd.isna(left) & pd.isna(right))
        if not same.all():
            differs[col] = ~same
    if not differs:
        return out
    rows = np.flatnonzero(np.logical_or.reduce(list(differs.values())))
    keys = common[rows]
    shown = {
        col: (
            [plain(v) for v in old[col].to_numpy()[pa[rows]]],
            [plain(v) for v in new[col].to_numpy()[pb[rows]]],
            d[rows],
        )
        for col, d in differs.items()
    }
    changed = {
        _key_value(k, width): {
            col: (olds[i], news[i]) for col, (olds, news, hit) in shown.items() if hit[i]
        }
        for i, k in enumerate(keys)
    }
    out.changed = dict(sorted(changed.items(), key=lambda kv: kv[0]))
    return out


def diff_entities(old: Dataset, new: Dataset) -> dict[str, TableChanges]:
    """:func:`diff_table` for every table of the contract, in contract order."""
    return {t.name: diff_table(t, old[t.name], new[t.name]) for t in TABLES}


def entities_frame(changes: dict[str, TableChanges]) -> pd.DataFrame:
    """One row per added or removed key and per changed field.

    Columns: ``table``, ``change`` (one of :data:`CHANGES`), ``key`` (the id, or the link
    row's key values joined by `` / ``), ``field``, ``old``, ``new``.
    """
    rows: list[tuple[Any, ...]] = []
    for name, tc in changes.items():

        def text(k: Any) -> str:
            return " / ".join(map(str, k)) if isinstance(k, tuple) else str(k)

        rows += [(name, "added", text(k), None, None, None) for k in tc.added]
        rows += [(name, "removed", text(k), None, None, None) for k in tc.removed]
        rows += [
            (name, "changed", text(k), f, o, n)
            for k, fields in tc.changed.items()
            for f, (o, n) in fields.items()
        ]
    return pd.DataFrame(rows, columns=["table", "change", "key", "field", "old", "new"])

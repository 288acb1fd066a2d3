"""The dataset with the plan applied: the plan's changes written into the input's tables.

New orgs, alliances and sites come as new rows (names marked 拟); changed superiors, sizes and
floor areas as changed cells; new pairings, memberships and coverage as new rows; pairings an
overloaded source hands over and branches merged away are removed.  :func:`orggraph.write.
write_dataset` puts the result on disk in the input's form.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from orggraph.dataset import Dataset
from orggraph.plan.work import Work
from orggraph.schema import TABLE_BY_NAME

# Columns that name an org, by table: what a merged-away branch hands to the sibling that took it.
ORG_REFERENCES = {
    "orgs": ("parent_id",),
    "unit_coverage": ("org_id",),
    "alliances": ("lead_org_id",),
    "alliance_members": ("member_id",),
    "pairings": ("source_id",),
}
# The rows of link tables that say the same thing twice.
LINK_KEYS = {
    "unit_coverage": ["org_id", "unit_id", "kind"],
    "alliance_members": ["alliance_id", "member_id"],
}


def _typed_rows(table: str, rows: list[dict[str, Any]], like: pd.DataFrame) -> pd.DataFrame:
    spec = TABLE_BY_NAME[table]
    frame = pd.DataFrame(rows, columns=list(like.columns))
    for c in spec.columns:
        if c.kind == "number":
            frame[c.name] = pd.to_numeric(frame[c.name], errors="coerce").astype("float64")
        elif c.default is not None:
            frame[c.name] = frame[c.name].fillna(c.default)
    return frame.astype({c: object for c in frame.columns if like[c].dtype == object})


def _updated(frame: pd.DataFrame, updates: dict[str, dict[str, Any]]) -> pd.DataFrame:
    if not updates:
        return frame
    out = frame.copy()
    cols = {c for cells in updates.values() for c in cells}
    for col in sorted(cols):
        values = pd.Series({i: cells[col] for i, cells in updates.items() if col in cells})
        hit = out["id"].isin(values.index)
        new = out.loc[hit, "id"].map(values)
        if out[col].dtype != object:
            new = pd.to_numeric(new, errors="coerce")
        out.loc[hit, col] = new
    return out


def applied_dataset(work: Work) -> Dataset:
    """The input dataset with every change the plan recorded in ``work``."""
    tables = {}
    for name, frame in work.ds.items():
        out = frame
        if name in work.removed and "id" in out:
            out = out[~out["id"].isin(work.removed[name])]
        out = _updated(out, work.updates.get(name, {}))
        if name == "pairings" and work.dropped_pairings:
            pairs = pd.MultiIndex.from_tuples(sorted(work.dropped_pairings))
            key = pd.MultiIndex.from_arrays([out["source_id"], out["area_id"]])
            out = out[~key.isin(pairs)]
        rows = work.new_rows.get(name)
        if rows:
            out = pd.concat([out, _typed_rows(name, rows, frame)], ignore_index=True)
        if work.merged:
            for col in ORG_REFERENCES.get(name, ()):
                hit = out[col].isin(work.merged.keys())
                if hit.any():
                    out = out.assign(**{col: out[col].where(~hit, out[col].map(work.merged))})
        if name in LINK_KEYS:
            out = out.drop_duplicates(LINK_KEYS[name])
        tables[name] = out.reset_index(drop=True)
    return Dataset(work.ds.name, tables)

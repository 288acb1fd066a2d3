"""Where things are: area paths, the street of every area, the area of every entity.

All lookups are vectorised over pandas indexes: the area tree is at most six levels deep
(district → building), so walking up it is six ``Series.map`` calls, not a Python loop per area.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from orggraph.dataset import Dataset

MAX_DEPTH = 16  # far deeper than the contract's six levels; guards against malformed input
STREET_LEVELS = ("street", "town")


def _series(frame: pd.DataFrame, key: str, value: str) -> pd.Series:
    s = pd.Series(frame[value].to_numpy(), index=frame[key].to_numpy())
    return s[~s.index.duplicated()]


class AreaIndex:
    """Area paths and streets for a dataset.

    Examples
    --------
    >>> from orggraph.io import load
    >>> idx = AreaIndex(load("datasets/yuzhou"))
    >>> idx.path(pd.Index(["450902001001"])).tolist()
    ['玉州区/玉城街道/东岳社区']
    >>> idx.street(pd.Index(["450902001001"])).tolist()
    ['玉城街道']
    """

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        areas = ds.areas
        index = pd.Index(areas["id"].to_numpy())
        keep = ~index.duplicated()
        index = index[keep]  # one hash table, shared by the three lookups below
        self.parent = pd.Series(areas["parent_id"].to_numpy()[keep], index=index)
        self.name = pd.Series(areas["name"].to_numpy()[keep], index=index)
        self.level = pd.Series(areas["level"].to_numpy()[keep], index=index)
        # Walking up by position: the parent's position (-1: none or not an area).
        parent = self.parent.to_numpy()
        self._has_parent = pd.notna(parent)
        self._parent_pos = np.where(self._has_parent, index.get_indexer(parent), -1)
        self._ids = index.to_numpy()

    @cached_property
    def entity_area(self) -> pd.Series:
        """The area each entity id belongs to: itself for an area, else its ``area_id``.

        An org without ``area_id`` takes the area of the unit it is established in.
        """
        ds = self.ds
        parts = [pd.Series(ds.areas["id"].to_numpy(), index=ds.areas["id"].to_numpy())]
        unit_area = _series(ds.units, "id", "area_id")
        org_area = _series(ds.orgs, "id", "area_id")
        org_unit_area = _series(ds.orgs, "id", "unit_id").map(unit_area)
        parts.append(org_area.astype(object).fillna(org_unit_area.astype(object)))
        parts.append(unit_area)
        parts.append(_series(ds.sites, "id", "area_id"))
        parts.append(_series(ds.alliances, "id", "area_id"))
        out = pd.concat(parts)
        return out[~out.index.duplicated()]

    def path(self, area_ids: pd.Index | pd.Series) -> pd.Series:
        """``上级/…/名称`` for each area id (empty string for a missing area)."""
        ids = pd.Series(pd.Index(area_ids).to_numpy(), index=pd.Index(area_ids))
        path = ids.map(self.name)
        cur = ids.map(self.parent)
        for _ in range(MAX_DEPTH):
            has = cur.notna()
            if not has.any():
                break
            path = path.where(~has, cur.map(self.name).astype(object) + "/" + path.astype(object))
            cur = cur.map(self.parent)
        return path.fillna("")

    def ancestor_at(self, area_ids: pd.Index | pd.Series, levels: tuple[str, ...]) -> pd.Series:
        """The nearest area at one of ``levels`` on the way up (the area itself included)."""
        ids = pd.Series(pd.Index(area_ids).to_numpy(), index=pd.Index(area_ids))
        at_level = np.append(self.level.isin(levels).to_numpy(), False)  # [-1]: no area
        parent = np.append(self._parent_pos, -1)
        pos = self.parent.index.get_indexer(ids.to_numpy())
        is_self = at_level[pos]
        found = np.where(is_self, pos, -1)
        cur = np.where(is_self, -1, parent[pos])
        for _ in range(MAX_DEPTH):
            todo = (found < 0) & (cur >= 0)
            if not todo.any():
                break
            hit = todo & at_level[cur]
            found = np.where(hit, cur, found)
            cur = parent[cur]
        result = ids.where(is_self)
        up = (found >= 0) & ~is_self
        if up.any():
            above = pd.Series(self._ids[np.where(up, found, 0)], index=ids.index)
            result = result.where(~up, above)
        return result

    def street(self, area_ids: pd.Index | pd.Series) -> pd.Series:
        """The name of the street or town each area lies in (``None`` where none)."""
        return self.ancestor_at(area_ids, STREET_LEVELS).map(self.name)

    def depth(self) -> pd.Series:
        """How many ancestors each area has (0 for a top area)."""
        d = np.zeros(len(self.parent), dtype=np.int64)
        has = self._has_parent  # a parent id, known area or not
        cur = self._parent_pos
        has_parent = np.append(self._has_parent, False)
        parent = np.append(self._parent_pos, -1)
        for _ in range(MAX_DEPTH):
            if not has.any():
                break
            d += has
            has = has_parent[cur]
            cur = parent[cur]
        return pd.Series(d, index=self.parent.index)

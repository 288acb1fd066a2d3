"""Where things are: area paths, the street of every area, the area of every entity.

All lookups are vectorised over pandas indexes: the area tree is at most six levels deep
(district → building), so walking up it is six ``Series.map`` calls, not a Python loop per area.
"""

from __future__ import annotations

from functools import cached_property

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
    >>> idx = AreaIndex(ds)  # doctest: +SKIP
    >>> idx.path(pd.Index(["C001"])).tolist()  # doctest: +SKIP
    ['城区/凤山街道/金湖社区']
    """

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        areas = ds.areas
        self.parent = _series(areas, "id", "parent_id")
        self.name = _series(areas, "id", "name")
        self.level = _series(areas, "id", "level")

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
        found = ids.where(ids.map(self.level).isin(levels))
        cur = ids.map(self.parent)
        for _ in range(MAX_DEPTH):
            todo = found.isna() & cur.notna()
            if not todo.any():
                break
            hit = todo & cur.map(self.level).isin(levels)
            found = found.where(~hit, cur)
            cur = cur.map(self.parent)
        return found

    def street(self, area_ids: pd.Index | pd.Series) -> pd.Series:
        """The name of the street or town each area lies in (``None`` where none)."""
        return self.ancestor_at(area_ids, STREET_LEVELS).map(self.name)

    def depth(self) -> pd.Series:
        """How many ancestors each area has (0 for a top area)."""
        d = pd.Series(0, index=self.parent.index)
        cur = self.parent.copy()
        for _ in range(MAX_DEPTH):
            has = cur.notna()
            if not has.any():
                break
            d = d + has.astype(int)
            cur = cur.map(self.parent)
        return d

"""The plan's working state: the dataset as the actions so far leave it.

Each action family reads the input tables (vectorised) and the small lookups kept here (who is
responsible for an area, each org's superior), records its actions, and writes its changes here
as new rows, updated cells and removed rows.  :mod:`orggraph.plan.apply` turns the changes into
the applied dataset in one pass.  Families run in a fixed order, so a later one sees what an
earlier one created (a compound branch hangs from a community organisation planned a step before).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

import pandas as pd

from orggraph.areas import STREET_LEVELS, AreaIndex
from orggraph.config import AuditConfig
from orggraph.dataset import Dataset
from orggraph.findings import AuditResult
from orggraph.i18n import Lang, both
from orggraph.plan.model import ACTION_KINDS, Action
from orggraph.schema import COMMUNITY_LEVELS, NODE_LABEL, TABLES

# Which org answers for an area when several do: the senior type first, then the smallest id.
TYPE_SENIORITY = (
    "committee",
    "working_committee",
    "general_branch",
    "branch",
    "joint_branch",
    "temporary_branch",
    "group",
)
PLANNED_MARK = "（拟）"  # marks the name of everything the plan proposes to create
ID_PREFIX = {"orgs": "plan-o", "alliances": "plan-a", "sites": "plan-s"}


def _lookup(frame: pd.DataFrame, key: str, value: str) -> dict[Any, Any]:
    """``{key: value}`` over the rows with a key, the first row winning; empty values as None."""
    keys = frame[key].to_numpy(dtype=object)
    values = frame[value].to_numpy(dtype=object, copy=True)
    values[pd.isna(values)] = None
    have = ~pd.isna(keys)
    if not have.all():
        keys, values = keys[have], values[have]
    return dict(zip(keys[::-1], values[::-1], strict=True))


class Work:
    """A dataset, its audit findings, and the changes the plan has made so far."""

    def __init__(self, ds: Dataset, cfg: AuditConfig, before: AuditResult) -> None:
        self.ds = ds
        self.cfg = cfg
        self.index = AreaIndex(ds)
        self.findings: dict[str, list[str]] = defaultdict(list)
        for f in before.findings:
            self.findings[f.rule].append(f.subject_id)
        self.actions: list[Action] = []
        self.reasons: dict[tuple[str, str], dict[Lang, str]] = {}
        self.figures: dict[str, dict[str, Any]] = {}
        self.model: dict[str, str] = {}
        # Changes, applied by orggraph.plan.apply.
        self.new_rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.updates: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.removed: dict[str, set[str]] = defaultdict(set)
        self.dropped_pairings: set[tuple[str, str]] = set()
        # Lookups the families share.
        areas = ds.areas
        self.area_parent: dict[str, str | None] = _lookup(areas, "id", "parent_id")
        self.area_name: dict[str, str] = _lookup(areas, "id", "name")
        self.area_level: dict[str, str] = _lookup(areas, "id", "level")
        orgs = ds.orgs
        self.org_parent: dict[str, str | None] = _lookup(orgs, "id", "parent_id")
        self.org_name: dict[str, str] = _lookup(orgs, "id", "name")
        self.org_type: dict[str, str] = _lookup(orgs, "id", "type")
        self.unit_area: dict[str, str | None] = _lookup(ds.units, "id", "area_id")
        self.unit_members: dict[str, float] = _lookup(ds.units, "id", "party_members")
        self.merged: dict[str, str] = {}  # org merged away -> the org that took it in
        seniority = orgs["type"].map({t: i for i, t in enumerate(TYPE_SENIORITY)})
        ranked = orgs.assign(_rank=seniority).sort_values(["_rank", "id"], kind="stable")
        self.responsible: dict[str, str] = _lookup(ranked, "area_id", "id")
        self._counter: dict[str, int] = defaultdict(int)
        self._new_orgs: dict[str, dict[str, Any]] = {}
        self._org_columns: dict[str, dict[str, Any]] = {}
        self._covered_area: dict[str, str] | None = None

    @cached_property
    def names(self) -> dict[str, str]:
        """The name of every entity (and of every planned one), by id."""
        out: dict[str, str] = {}
        for table in NODE_LABEL:
            ids = self.ds[table]["id"].to_numpy()
            out.update(zip(ids, self.ds[table]["name"].to_numpy(), strict=True))
        return out

    # --- the threshold and cost settings -----------------------------------------------------

    def threshold(self, key: str) -> float:
        return float(self.cfg[key])

    def setting(self, key: str) -> Any:
        return self.cfg.plan[key]

    # --- areas -------------------------------------------------------------------------------

    def ancestors(self, area_id: str | None, include_self: bool = True) -> list[str]:
        """``area_id`` (if asked) and every area above it, nearest first."""
        out: list[str] = []
        cur = area_id if include_self else self.area_parent.get(area_id) if area_id else None
        while cur is not None and cur in self.area_level and cur not in out:
            out.append(cur)
            cur = self.area_parent.get(cur)
        return out

    def nearest_org(
        self, area_id: str | None, include_self: bool = True, avoid: str | None = None
    ) -> str | None:
        """The org responsible for the nearest area on the way up (never ``avoid``, nor an org
        whose chain of superiors passes through ``avoid``: that would close a loop)."""
        for a in self.ancestors(area_id, include_self):
            org = self.responsible.get(a)
            if org is not None and (avoid is None or not self.reports_through(org, avoid)):
                return org
        return None

    def _ancestor_at(self, levels: tuple[str, ...]) -> dict[str, str | None]:
        ids = pd.Index(self.ds.areas["id"].dropna().unique())
        return _lookup(
            pd.DataFrame({"id": ids, "at": self.index.ancestor_at(ids, levels).to_numpy()}),
            "id",
            "at",
        )

    @cached_property
    def _streets(self) -> dict[str, str | None]:
        return self._ancestor_at(STREET_LEVELS)

    @cached_property
    def _communities(self) -> dict[str, str | None]:
        return self._ancestor_at(COMMUNITY_LEVELS)

    def street_of(self, area_id: str | None) -> str | None:
        """The street or town (its id) an area lies in."""
        return self._streets.get(area_id) if area_id else None

    def community_of(self, area_id: str | None) -> str | None:
        """The community or village (its id) an area lies in."""
        return self._communities.get(area_id) if area_id else None

    def street_name(self, area_id: str | None) -> str | None:
        street = self.street_of(area_id)
        return self.area_name.get(street) if street else None

    # --- orgs --------------------------------------------------------------------------------

    def reports_through(self, org: str, target: str) -> bool:
        """Whether ``org``'s chain of superiors reaches ``target`` (``org`` itself included)."""
        seen: set[str] = set()
        cur: str | None = org
        while cur is not None and cur not in seen:
            if cur == target:
                return True
            seen.add(cur)
            cur = self.org_parent.get(cur)
        return False

    def new_id(self, table: str) -> str:
        prefix = ID_PREFIX[table]
        while True:
            self._counter[table] += 1
            candidate = f"{prefix}{self._counter[table]}"
            if candidate not in self.names:
                return candidate

    def add_org(
        self,
        name: str,
        type: str,
        parent: str | None,
        area: str | None = None,
        unit: str | None = None,
        members: float | None = None,
    ) -> str:
        """A planned org (its name marked 拟); returns its new id."""
        org = self.new_id("orgs")
        full = name + PLANNED_MARK
        row: dict[str, Any] = {"id": org, "name": full, "type": type, "parent_id": parent}
        row.update({"area_id": area, "unit_id": unit, "members": members})
        self.new_rows["orgs"].append(row)
        self._new_orgs[org] = row
        self.names[org] = full
        self.org_name[org] = full
        self.org_type[org] = type
        self.org_parent[org] = parent
        if area is not None:
            self.responsible.setdefault(area, org)
        return org

    def update_org(self, org: str, **cells: Any) -> None:
        if org in self._new_orgs:
            self._new_orgs[org].update(cells)
        else:
            self.updates["orgs"].setdefault(org, {}).update(cells)
        if "parent_id" in cells:
            self.org_parent[org] = cells["parent_id"]

    def org_cell(self, org: str, column: str) -> Any:
        """A cell of an org as the plan has left it so far."""
        changed = self.updates["orgs"].get(org, {})
        if column in changed:
            return changed[column]
        if org in self._new_orgs:
            return self._new_orgs[org].get(column)
        return self._org_column(column).get(org)

    def org_area(self, org: str) -> str | None:
        """Where an org is: the area it answers for, else its unit's area, else the area of the
        first unit it covers (a joint branch is where its units are)."""
        area = self.org_cell(org, "area_id")
        if area is None:
            area = self.unit_area.get(self.org_cell(org, "unit_id"))
        if area is None:
            if self._covered_area is None:
                cov = self.ds.unit_coverage.sort_values(["org_id", "unit_id"])
                cov = cov.assign(area=cov["unit_id"].map(self.unit_area)).dropna(subset=["area"])
                self._covered_area = _lookup(cov, "org_id", "area")
            area = self._covered_area.get(org)
        return area

    def _org_column(self, column: str) -> dict[str, Any]:
        if column not in self._org_columns:
            self._org_columns[column] = _lookup(self.ds.orgs, "id", column)
        return self._org_columns[column]

    # --- recording ---------------------------------------------------------------------------

    def act(
        self,
        kind: str,
        resolves: list[tuple[str, str]],
        entities: list[str],
        created: list[str],
        sentence: dict[Lang, str],
        reason: dict[Lang, str],
        area: str | None = None,
    ) -> None:
        assert kind in ACTION_KINDS, kind
        self.actions.append(
            Action(kind, resolves, entities, created, sentence, reason, self.street_name(area))
        )

    def leave(self, rule: str, subject: str, reason: dict[Lang, str]) -> None:
        """Record why a finding stays unresolved."""
        self.reasons[(rule, subject)] = reason

    def name(self, entity: str | None) -> str:
        return self.names.get(entity, entity or "") if entity else ""


def no_org_above(area_name: str) -> dict[Lang, str]:
    """The reason shared by every family that needs an org above an area and finds none."""
    return both("no organisation is responsible for any area above {area}", area=area_name)


TABLE_COLUMNS = {t.name: t.column_names for t in TABLES}

"""What rules, metrics and maps share: the dataset, the thresholds, derived indexes computed once.

:func:`run_audit <orggraph.audit.run_audit>` builds one :class:`AuditContext` and hands it to every
rule and to the metrics; :func:`build_map <orggraph.maps.build_map>` reads the same properties.
"""

from __future__ import annotations

from functools import cached_property

import networkx as nx
import pandas as pd

from orggraph.areas import AreaIndex
from orggraph.config import AuditConfig
from orggraph.dataset import Dataset
from orggraph.schema import COMMUNITY_LEVELS, TABLE_BY_NAME


def alliance_memberships(ds: Dataset) -> pd.DataFrame:
    """Distinct ``(alliance_id, member_id, role)`` rows; each alliance's lead org is a member.

    DOMAIN.md: an alliance's lead organisation counts as one of its members.  A lead the
    ``alliance_members`` table does not list is added in the role ``lead``; a lead it lists (in
    any role) stays one membership, in the role ``lead``.  Rules, metrics and the alliances map
    all read memberships from here.

    Examples
    --------
    >>> from orggraph.io import load
    >>> m = alliance_memberships(load("datasets/chengdong"))
    >>> list(m.columns), bool(m.duplicated(["alliance_id", "member_id"]).any())
    (['alliance_id', 'member_id', 'role'], False)
    """
    members = ds.alliance_members[["alliance_id", "member_id", "role"]]
    # A table without a role column still means the contract's default role for every row.
    default_role = TABLE_BY_NAME["alliance_members"].column("role").default
    members = members.assign(role=members["role"].fillna(default_role))
    leads = ds.alliances.loc[ds.alliances["lead_org_id"].notna(), ["id", "lead_org_id"]]
    leads = leads.rename(columns={"id": "alliance_id", "lead_org_id": "member_id"})
    leads = leads.assign(role="lead")
    both = pd.concat([leads, members], ignore_index=True)
    return both.drop_duplicates(["alliance_id", "member_id"]).reset_index(drop=True)


class AuditContext:
    """A dataset and its audit configuration, with lazily computed shared indexes."""

    def __init__(self, ds: Dataset, cfg: AuditConfig) -> None:
        self.ds = ds
        self.cfg = cfg

    def threshold(self, key: str) -> float:
        """The threshold ``key`` in force (``defaults.toml``, overlaid by ``--config``)."""
        return float(self.cfg[key])

    @cached_property
    def area_index(self) -> AreaIndex:
        """Area paths and streets of the dataset (:class:`~orggraph.areas.AreaIndex`)."""
        return AreaIndex(self.ds)

    @cached_property
    def responsible_areas(self) -> pd.Index:
        """Areas some org is RESPONSIBLE_FOR."""
        return pd.Index(self.ds.orgs["area_id"].dropna().unique())

    @cached_property
    def established_units(self) -> pd.Index:
        """Units with an org ESTABLISHED_IN them (单建)."""
        return pd.Index(self.ds.orgs["unit_id"].dropna().unique())

    @cached_property
    def communities(self) -> pd.DataFrame:
        areas = self.ds.areas
        return areas[areas["level"].isin(COMMUNITY_LEVELS)]

    @cached_property
    def alliance_memberships(self) -> pd.DataFrame:
        """:func:`alliance_memberships` of the dataset."""
        return alliance_memberships(self.ds)

    @cached_property
    def org_and_unit_names(self) -> pd.Series:
        """Name of every org and unit (the entities that pair and join alliances), by id."""
        ds = self.ds
        names = pd.concat([ds.orgs.set_index("id")["name"], ds.units.set_index("id")["name"]])
        return names[~names.index.duplicated()]

    @cached_property
    def pairing_sources_per_area(self) -> pd.Series:
        """Distinct pairing sources of each area."""
        p = self.ds.pairings
        return p.drop_duplicates(["area_id", "source_id"]).groupby("area_id").size()

    @cached_property
    def pairing_areas_per_source(self) -> pd.Series:
        """Distinct areas each pairing source is paired with."""
        p = self.ds.pairings
        return p.drop_duplicates(["source_id", "area_id"]).groupby("source_id").size()

    @cached_property
    def alliance_network(self) -> nx.Graph:
        from orggraph.network import affiliation_network

        return affiliation_network(self.alliance_memberships)

    @cached_property
    def alliance_member_network(self) -> nx.Graph | None:
        from orggraph.network import member_network

        return member_network(self.alliance_memberships)

    @cached_property
    def alliance_single_points(self) -> set[str]:
        from orggraph.network import member_articulation_points

        return member_articulation_points(self.alliance_network)

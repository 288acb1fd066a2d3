"""The relations of the graph model, NetworkX and Neo4j alike (docs/ARCHITECTURE.md).

Each relation comes from one column pair of one table; :func:`orggraph.maps.graph.build_graph`
and the store both read this list, so the two graphs cannot drift apart.
"""

from __future__ import annotations

from orggraph.schema import TABLES

# (table, source column, target column, relation type, edge attribute columns)
EDGE_SPECS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("areas", "id", "parent_id", "PART_OF", ()),
    ("orgs", "id", "parent_id", "REPORTS_TO", ()),
    ("orgs", "id", "area_id", "RESPONSIBLE_FOR", ()),
    ("orgs", "id", "unit_id", "ESTABLISHED_IN", ()),
    ("units", "id", "area_id", "LOCATED_IN", ()),
    ("sites", "id", "area_id", "LOCATED_IN", ()),
    ("unit_coverage", "org_id", "unit_id", "COVERS_UNIT", ("kind",)),
    ("alliance_members", "member_id", "alliance_id", "MEMBER_OF", ("role",)),
    ("alliances", "id", "lead_org_id", "LED_BY", ()),
    ("alliances", "id", "area_id", "SCOPE", ()),
    ("pairings", "source_id", "area_id", "PAIRED_WITH", ("kind", "members_reported", "since")),
)

# Tables whose rows are links, not entities: several rows may join the same pair (双报到 and 包联
# to one community), so each row is its own edge.
LINK_TABLES = tuple(t.name for t in TABLES if not t.has_id)

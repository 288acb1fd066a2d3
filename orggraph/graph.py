"""The dataset as a NetworkX graph: DOMAIN.md's entities and relations, no I/O.

Nodes are keyed by dataset id with attribute ``label`` (Area, PartyOrg, Unit, Alliance,
ServiceSite) and every known cell of the row.  Edges live in a :class:`networkx.MultiDiGraph`
typed by relation (attribute ``type``: ``PART_OF``, ``REPORTS_TO``, …; see
``docs/ARCHITECTURE.md``); the key is the type, or ``TYPE#row`` for rows of a link table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx
import pandas as pd

from orggraph.dataset import Dataset
from orggraph.schema import NODE_LABEL

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


def _records(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    cols = list(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        yield {c: v for c, v in zip(cols, row, strict=True) if v is not None and v == v}


def build_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Build the graph of ``ds``.

    A lead org that the ``alliance_members`` table does not list is added as a ``MEMBER_OF``
    edge with role ``lead`` (DOMAIN.md: an alliance's lead organisation is one of its members).

    Examples
    --------
    >>> g = build_graph(ds)  # doctest: +SKIP
    >>> g.nodes["C001"]["label"], g.nodes["C001"]["level"]  # doctest: +SKIP
    ('Area', 'community')
    """
    g = nx.MultiDiGraph(dataset=ds.name)
    for table, label in NODE_LABEL.items():
        frame = ds[table]
        g.add_nodes_from((rec["id"], {**rec, "label": label}) for rec in _records(frame))
    for table, src, dst, rel, attrs in EDGE_SPECS:
        frame = ds[table]
        frame = frame[frame[src].notna() & frame[dst].notna()]
        cols = [src, dst, *attrs]
        # A link table may hold several rows for one pair (双报到 and 包联 to the same community).
        link_table = table in ("unit_coverage", "alliance_members", "pairings")
        for n, rec in zip(frame.index, frame[cols].itertuples(index=False, name=None), strict=True):
            data = {"type": rel}
            data.update(
                {a: v for a, v in zip(attrs, rec[2:], strict=True) if v is not None and v == v}
            )
            g.add_edge(rec[0], rec[1], key=f"{rel}#{n}" if link_table else rel, **data)
    leads = ds.alliances[ds.alliances["lead_org_id"].notna()]
    for alliance, lead in zip(leads["id"], leads["lead_org_id"], strict=True):
        existing = g.get_edge_data(lead, alliance, default={})
        if not any(d["type"] == "MEMBER_OF" for d in existing.values()):
            g.add_edge(lead, alliance, key="MEMBER_OF#lead", type="MEMBER_OF", role="lead")
    return g

"""The dataset as a NetworkX graph, for the maps: DOMAIN.md's entities and relations, no I/O.

Nodes are keyed by dataset id with attribute ``label`` (Area, PartyOrg, Unit, Alliance,
ServiceSite) and every known cell of the row.  Edges live in a :class:`networkx.MultiDiGraph`
typed by relation (attribute ``type``: ``PART_OF``, ``REPORTS_TO``, …; see
``docs/ARCHITECTURE.md`` and :mod:`orggraph.relations`); the key is the type, or ``TYPE#row``
for rows of a link table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx
import pandas as pd

from orggraph.dataset import Dataset
from orggraph.relations import EDGE_SPECS, LINK_TABLES
from orggraph.schema import NODE_LABEL


def _records(frame: pd.DataFrame) -> Iterator[dict[str, Any]]:
    cols = list(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        yield {c: v for c, v in zip(cols, row, strict=True) if v is not None and v == v}


def build_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Build the graph of ``ds``.

    The graph holds what the dataset says, as Neo4j does: an alliance's lead is reached by
    ``LED_BY``; that the lead also counts as a member is
    :func:`orggraph.audit_context.alliance_memberships`'s business.

    Examples
    --------
    >>> from orggraph.io import load
    >>> g = build_graph(load("datasets/yuzhou"))
    >>> g.nodes["450902001001"]["name"], g.nodes["450902001001"]["label"]
    ('东岳社区', 'Area')
    >>> sorted(d["type"] for _, _, d in g.out_edges("450902001001", data=True))
    ['PART_OF']
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
        link_table = table in LINK_TABLES
        for n, rec in zip(frame.index, frame[cols].itertuples(index=False, name=None), strict=True):
            data = {"type": rel}
            data.update(
                {a: v for a, v in zip(attrs, rec[2:], strict=True) if v is not None and v == v}
            )
            g.add_edge(rec[0], rec[1], key=f"{rel}#{n}" if link_table else rel, **data)
    return g

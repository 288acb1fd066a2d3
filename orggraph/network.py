"""The alliance network and its measures (NetworkX).

Members (orgs and units) are linked when they share an alliance.  Rather than the projected
member–member graph, which grows with the square of an alliance's size, we keep the bipartite
affiliation graph (members and alliances) and drop alliances with fewer than two distinct members.
In that pruned graph every part left when a member is removed still holds a member, so a member
is an articulation point of the affiliation graph exactly when it is one of the projected network:
the same answer as the definition, in linear time.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

ALLIANCE = "alliance"
MEMBER = "member"


def affiliation_network(memberships: pd.DataFrame) -> nx.Graph:
    """Bipartite graph of members and the alliances they share (alliances of < 2 members dropped).

    Node attribute ``side`` is ``"member"`` or ``"alliance"``.
    """
    pairs = memberships[["alliance_id", "member_id"]].drop_duplicates()
    size = pairs.groupby("alliance_id")["member_id"].transform("size")
    pairs = pairs[size >= 2]
    g = nx.Graph()
    g.add_nodes_from(pairs["member_id"].unique(), side=MEMBER)
    g.add_nodes_from(pairs["alliance_id"].unique(), side=ALLIANCE)
    g.add_edges_from(zip(pairs["member_id"], pairs["alliance_id"], strict=True))
    return g


def member_articulation_points(g: nx.Graph) -> set[str]:
    """Members whose removal splits their part of the alliance network."""
    return {n for n in nx.articulation_points(g) if g.nodes[n]["side"] == MEMBER}


@dataclass(frozen=True)
class Brokerage:
    """Betweenness of members in the affiliation network, and how it was computed."""

    scores: dict[str, float]
    exact: bool
    samples: int | None

    @property
    def note(self) -> str | None:
        if self.exact:
            return None
        return (
            f"brokerage (betweenness) estimated from {self.samples} sampled source nodes; "
            "exact betweenness does not scale to a network this size"
        )


def brokerage(
    g: nx.Graph, exact_max_nodes: int, samples: int, seed: int, work_budget: int = 2_000_000
) -> Brokerage:
    """Normalised betweenness of every member; k-sampled above ``exact_max_nodes`` nodes.

    Each sampled source costs one traversal of the graph, so the sample shrinks as the graph
    grows: at most ``samples`` sources and about ``work_budget`` node and edge visits in all
    (never fewer than 16 sources).
    """
    n = g.number_of_nodes()
    if n <= exact_max_nodes:
        bc = nx.betweenness_centrality(g, normalized=True)
        exact, k = True, None
    else:
        per_source = n + g.number_of_edges()
        k = min(n, samples, max(16, work_budget // per_source))
        bc = nx.betweenness_centrality(g, k=k, normalized=True, seed=seed)
        exact = False
    scores = {m: float(v) for m, v in bc.items() if g.nodes[m]["side"] == MEMBER}
    return Brokerage(scores, exact, k)

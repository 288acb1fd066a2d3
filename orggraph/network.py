"""The alliance network and its measures (NetworkX).

Members (orgs and units) are linked when they share an alliance.  Rather than the projected
member–member graph, which grows with the square of an alliance's size, we keep the bipartite
affiliation graph (members and alliances) and drop alliances with fewer than two distinct members.
In that pruned graph every part left when a member is removed still holds a member, so a member
is an articulation point of the affiliation graph exactly when it is one of the projected network:
the same answer as the definition, in linear time.

Brokerage (betweenness), however, depends on path lengths, so it is measured on the network the
definition names: members only, linked when they share an alliance (:func:`member_network`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx
import numpy as np
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


# Co-member links (counted both ways) a projection may hold before brokerage falls back to the
# bipartite graph: building a NetworkX graph of millions of links costs more than the audit.
MAX_PROJECTED_PAIRS = 1_000_000


def member_network(memberships: pd.DataFrame) -> nx.Graph | None:
    """Members linked when they share an alliance, or ``None`` if that graph would be too big.

    An alliance of *s* members contributes *s*(*s*-1)/2 links; above
    :data:`MAX_PROJECTED_PAIRS` in all the caller measures on the affiliation graph instead.
    """
    pairs = memberships[["alliance_id", "member_id"]].drop_duplicates()
    size = pairs.groupby("alliance_id")["member_id"].transform("size")
    pairs = pairs[size >= 2]
    if int((size[size >= 2] - 1).sum()) > MAX_PROJECTED_PAIRS:
        return None
    both = pairs.merge(pairs, on="alliance_id", suffixes=("_a", "_b"))
    both = both[both["member_id_a"] < both["member_id_b"]]
    links = both[["member_id_a", "member_id_b"]].drop_duplicates()
    g = nx.Graph()
    g.add_nodes_from(pairs["member_id"].unique(), side=MEMBER)
    g.add_edges_from(zip(links["member_id_a"], links["member_id_b"], strict=True))
    return g


def member_articulation_points(g: nx.Graph) -> set[str]:
    """Members whose removal splits their part of the alliance network."""
    return {n for n in nx.articulation_points(g) if g.nodes[n]["side"] == MEMBER}


@dataclass(frozen=True)
class Brokerage:
    """Betweenness of members in the alliance network, and how it was computed."""

    scores: dict[str, float]
    exact: bool
    samples: int | None
    projected: bool = True

    @property
    def note(self) -> str | None:
        notes = []
        if not self.exact:
            notes.append(
                f"brokerage (betweenness) estimated from {self.samples} sampled source nodes; "
                "exact betweenness does not scale to a network this size"
            )
        if not self.projected:
            notes.append(
                "brokerage measured on the member–alliance graph (alliances as nodes): linking "
                "every pair of co-members would take longer than the rest of the audit"
            )
        return "; ".join(notes) or None


def brokerage(
    g: nx.Graph,
    exact_max_nodes: int,
    samples: int,
    seed: int,
    work_budget: int,
    projected: bool = True,
) -> Brokerage:
    """Normalised betweenness of every member; k-sampled above ``exact_max_nodes`` nodes.

    Each sampled source costs one traversal of the graph, so the sample shrinks as the graph
    grows: at most ``samples`` sources and about ``work_budget`` node and edge visits in all
    (never fewer than 16 sources).  The numbers come from the ``betweenness_*`` thresholds of
    ``defaults.toml`` (:func:`orggraph.metrics.compute_brokerage`), and only from there.

    Examples
    --------
    Members a and b share one alliance, b and c another: b is the only broker.

    >>> memberships = pd.DataFrame(
    ...     {"alliance_id": ["A1", "A1", "A2", "A2"], "member_id": ["a", "b", "b", "c"]}
    ... )
    >>> r = brokerage(member_network(memberships), 10, samples=5, seed=1, work_budget=100)
    >>> r.exact, r.scores
    (True, {'a': 0.0, 'b': 1.0, 'c': 0.0})
    """
    n = g.number_of_nodes()
    if n <= exact_max_nodes:
        bc = nx.betweenness_centrality(g, normalized=True)
        exact, k = True, None
    else:
        per_source = n + g.number_of_edges()
        k = min(n, samples, max(16, work_budget // per_source))
        if 2 < k < n:
            bc = sampled_betweenness(g, k, seed)
        else:
            bc = nx.betweenness_centrality(g, k=k, normalized=True, seed=seed)
        exact = False
    scores = {m: float(v) for m, v in bc.items() if g.nodes[m]["side"] == MEMBER}
    return Brokerage(scores, exact, k, projected)


def _adjacency(g: nx.Graph) -> tuple[list[object], np.ndarray, np.ndarray]:
    """Nodes, CSR row pointers and neighbour positions, each row in the graph's own order."""
    nodes = list(g)
    pos = {v: i for i, v in enumerate(nodes)}
    indices: list[int] = []
    degree = np.empty(len(nodes), dtype=np.int64)
    for i, nbrs in enumerate(g._adj.values()):
        indices.extend(map(pos.__getitem__, nbrs))
        degree[i] = len(nbrs)
    indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
    np.cumsum(degree, out=indptr[1:])
    return nodes, indptr, np.asarray(indices, dtype=np.int64)


def _bfs_levels(
    s: int, indptr: np.ndarray, indices: np.ndarray, seen: np.ndarray
) -> tuple[list[np.ndarray], list[tuple[np.ndarray, np.ndarray]]]:
    """Breadth-first levels from ``s`` in the order a FIFO queue meets them, and per level the
    shortest-path edges ``(v, w)`` into it, ordered by ``v``'s place in that order."""
    seen[s] = True
    levels = [np.array([s], dtype=np.int64)]
    edges: list[tuple[np.ndarray, np.ndarray]] = []
    frontier = levels[0]
    while True:
        starts = indptr[frontier]
        lens = indptr[frontier + 1] - starts
        total = int(lens.sum())
        if not total:
            break
        offs = np.repeat(starts - (np.cumsum(lens) - lens), lens) + np.arange(total)
        w = indices[offs]
        v = np.repeat(frontier, lens)
        fresh = ~seen[w]
        new = w[fresh]
        if not len(new):
            break
        _, first = np.unique(new, return_index=True)
        nxt = new[np.sort(first)]
        seen[nxt] = True
        levels.append(nxt)
        edges.append((v[fresh], new))
        frontier = nxt
    return levels, edges


def sampled_betweenness(g: nx.Graph, k: int, seed: int) -> dict[object, float]:
    """``nx.betweenness_centrality(g, k=k, normalized=True, seed=seed)``, same floats, in numpy.

    The same sources (``random.Random(seed).sample``), and Brandes' sums added in the order
    NetworkX adds them (level by level, each level in first-met order), so every score is
    bit-for-bit the one NetworkX returns.  Needs ``2 < k < len(g)``.
    """
    nodes, indptr, indices = _adjacency(g)
    n = len(nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    sources = random.Random(seed).sample(nodes, k)
    bc = np.zeros(n, dtype=np.float64)
    seen = np.zeros(n, dtype=bool)
    sigma = np.zeros(n, dtype=np.float64)
    delta = np.zeros(n, dtype=np.float64)
    rank = np.zeros(n, dtype=np.int64)
    for src in sources:
        s = pos[src]
        seen[:] = False
        levels, edges = _bfs_levels(s, indptr, indices, seen)
        order = np.concatenate(levels)
        rank[order] = np.arange(len(order))
        sigma[order] = 0.0
        delta[order] = 0.0
        sigma[s] = 1.0
        for v, w in edges:  # path counts, added in the order the queue meets each v
            np.add.at(sigma, w, sigma[v])
        for v, w in reversed(edges):  # dependencies, deepest level first, later w first
            by_w = np.argsort(-rank[w], kind="stable")
            v, w = v[by_w], w[by_w]
            coeff = (1.0 + delta[w]) / sigma[w]
            np.add.at(delta, v, sigma[v] * coeff)
        reached = order[1:]
        bc[reached] += delta[reached]
    scale_source = 1 / ((k - 1) * (n - 2))
    scale_nonsource = 1 / (k * (n - 2))
    sampled = np.zeros(n, dtype=bool)
    sampled[[pos[v] for v in sources]] = True
    bc *= np.where(sampled, scale_source, scale_nonsource)
    return dict(zip(nodes, bc.tolist(), strict=True))

"""Precomputed positions for large maps, all linear in the number of nodes.

A browser's force simulation of 10⁴ nodes takes tens of seconds, and so does networkx's
``spring_layout``; these layouts place every node in one or two passes so that a map opens with
physics off and is drawn at once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

Position = tuple[float, float]

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def radial_tree(
    parent: Mapping[str, str | None],
    order: Sequence[str],
    ring: float = 140.0,
    min_gap: float = 16.0,
) -> dict[str, Position]:
    """Place a forest on rings: depth is the radius, each subtree gets an angle ∝ its leaves.

    Parameters
    ----------
    parent
        ``{node: parent}``; a node whose parent is ``None`` or absent from ``parent`` is a root.
        Cycles are broken where they are met (the node becomes a root).
    order
        Every node, in the order siblings should appear around the circle.
    ring
        Distance between two rings, in pixels (at least; see ``min_gap``).
    min_gap
        The least arc, in pixels, each leaf gets on the outermost ring.

    Examples
    --------
    >>> pos = radial_tree({"a": None, "b": "a", "c": "a"}, ["a", "b", "c"])
    >>> pos["a"]
    (0.0, 0.0)
    >>> round(math.dist(pos["b"], pos["a"]))
    140
    """
    children: dict[str | None, list[str]] = {}
    known = set(order)
    for n in order:
        p = parent.get(n)
        children.setdefault(p if p in known and p != n else None, []).append(n)
    roots = children.get(None, [])
    # Nodes on a parent cycle are reachable from no root; make the first of each a root.
    seen: set[str] = set()
    depth: dict[str, int] = {}
    post: list[str] = []

    def walk(root: str) -> None:
        stack: list[tuple[str, int, bool]] = [(root, 0, False)]
        while stack:
            n, d, done = stack.pop()
            if done:
                post.append(n)
                continue
            if n in seen:
                continue
            seen.add(n)
            depth[n] = d
            stack.append((n, d, True))
            for c in reversed(children.get(n, [])):
                if c not in seen:
                    stack.append((c, d + 1, False))

    for r in roots:
        walk(r)
    for n in order:
        if n not in seen:
            roots.append(n)
            walk(n)

    leaves: dict[str, int] = {}
    for n in post:  # children before parents
        kids = [c for c in children.get(n, []) if depth.get(c) == depth[n] + 1]
        leaves[n] = sum(leaves[c] for c in kids) or 1

    pos: dict[str, Position] = {}
    total = sum(leaves[r] for r in roots) or 1
    # One root sits in the middle; several share the innermost ring.
    offset = 0 if len(roots) == 1 else 1
    # Widen the rings until the outermost one leaves room between its leaves.
    outer = max(depth.values(), default=0) + offset
    ring = max(ring, total * min_gap / (2 * math.pi * max(outer, 1)))
    start = 0.0
    stack2: list[tuple[str, float, float]] = []
    for r in roots:
        span = 2 * math.pi * leaves[r] / total
        stack2.append((r, start, span))
        start += span
    while stack2:
        n, a0, span = stack2.pop()
        radius = (depth[n] + offset) * ring
        angle = a0 + span / 2
        pos[n] = (radius * math.cos(angle), radius * math.sin(angle)) if radius else (0.0, 0.0)
        kids = [c for c in children.get(n, []) if depth.get(c) == depth[n] + 1]
        a = a0
        for c in kids:
            s = span * leaves[c] / leaves[n]
            stack2.append((c, a, s))
            a += s
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def circle(
    nodes: Sequence[str], radius: float | None = None, spacing: float = 90.0
) -> dict[str, Position]:
    """Nodes evenly on a circle big enough to keep them ``spacing`` apart."""
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    r = radius if radius is not None else max(spacing * n / (2 * math.pi), spacing)
    return {
        v: (r * math.cos(2 * math.pi * i / n), r * math.sin(2 * math.pi * i / n))
        for i, v in enumerate(nodes)
    }


def grid(
    nodes: Sequence[str], origin: Position = (0.0, 0.0), spacing: float = 60.0
) -> dict[str, Position]:
    """Nodes in a square grid whose top-left corner is ``origin``."""
    cols = max(1, math.ceil(math.sqrt(len(nodes))))
    ox, oy = origin
    return {v: (ox + (i % cols) * spacing, oy + (i // cols) * spacing) for i, v in enumerate(nodes)}


def hubs_and_satellites(
    hubs: Sequence[str],
    satellites: Mapping[str, Iterable[str]],
    spacing: float = 90.0,
    satellite_gap: float = 26.0,
) -> dict[str, Position]:
    """Hubs on a circle (a grid when many); each satellite near the centroid of its hubs.

    A satellite tied to one hub circles it on a sunflower spiral; one tied to several sits
    between them, so brokers land where the alliances (or communities) they join meet.
    """
    crowd: dict[str, int] = {}
    for hs in satellites.values():
        hs = list(hs)
        if len(hs) == 1:
            crowd[hs[0]] = crowd.get(hs[0], 0) + 1
    # Hubs need room for their own satellites: space the circle by the biggest crowd.
    biggest = max(crowd.values(), default=0)
    cloud = satellite_gap * math.sqrt(biggest + 1) + spacing
    if len(hubs) > 40:  # a circle of hundreds of hubs is mostly empty middle: use a grid
        side = max(spacing, cloud * 1.4) * math.ceil(math.sqrt(len(hubs)))
        pos = grid(list(hubs), origin=(-side / 2, -side / 2), spacing=max(spacing, cloud * 1.4))
    else:
        pos = circle(list(hubs), spacing=max(spacing, cloud * 1.6))
    used: dict[str, int] = {}
    shared = 0
    for s, hs in satellites.items():
        anchors = [pos[h] for h in hs if h in pos]
        if not anchors:
            continue
        cx = sum(p[0] for p in anchors) / len(anchors)
        cy = sum(p[1] for p in anchors) / len(anchors)
        if len(anchors) == 1:
            key = next(h for h in hs if h in pos)
            k = used.get(key, 0) + 1
            used[key] = k
        else:
            shared += 1
            k = shared % 7 + 1
        r = satellite_gap * math.sqrt(k) + (spacing * 0.4 if len(anchors) == 1 else 0.0)
        pos[s] = (cx + r * math.cos(k * GOLDEN_ANGLE), cy + r * math.sin(k * GOLDEN_ANGLE))
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}

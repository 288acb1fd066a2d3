"""What a map shows, independent of how it is drawn.

A view (``alliances``, ``coverage``, ``pairings``, ``hierarchy``) turns the graph and the audit
into a :class:`MapSpec`: nodes and edges with their colour, size, shape, the facts and findings
their tooltips list, and the legend.  :mod:`orggraph.maps.html` draws a spec with vis-network.
Everything here is plain data, so views are tested without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orggraph.findings import SEVERITIES

# The map views, each with the title its page shows; ``orggraph/maps/view_NAME.py`` draws ``NAME``.
MAP_VIEWS = {
    "alliances": "党建联盟图",
    "coverage": "组织覆盖图",
    "pairings": "结对共建图",
    "hierarchy": "组织隶属图",
}

# Severity colours are shared by every view so that "red" always means an error.
SEVERITY_COLOR = dict(zip(SEVERITIES, ("#d62728", "#ff7f0e", "#1f77b4"), strict=True))
OK_COLOR = "#2ca02c"
MUTED_COLOR = "#b0b0b0"
ORG_COLOR = "#9467bd"
UNIT_COLOR = "#8c8c8c"
AREA_COLOR = "#6baed6"

# Node kinds a map draws (vis-network shapes).
SHAPE = {
    "Area": "dot",
    "PartyOrg": "dot",
    "Unit": "square",
    "Alliance": "hexagon",
    "ServiceSite": "triangle",
    "Aggregate": "box",
}
LABEL_ZH = {
    "Area": "区域",
    "PartyOrg": "党组织",
    "Unit": "单位",
    "Alliance": "党建联盟",
    "ServiceSite": "党群服务阵地",
    "Aggregate": "汇总",
}


@dataclass
class MapNode:
    """One drawn node.

    ``facts`` are ``(name, value)`` pairs and ``findings`` ``(severity, text)`` pairs for the
    tooltip; both are user data and are only ever drawn as text.  ``marked`` draws a thick
    border in ``mark_color`` (an articulation point, a broken chain).  ``folded`` counts the
    underlying nodes an aggregate stands for (1 for an ordinary node).
    """

    id: str
    label: str
    kind: str
    color: str
    size: float = 12.0
    shape: str | None = None
    facts: list[tuple[str, str]] = field(default_factory=list)
    findings: list[tuple[str, str]] = field(default_factory=list)
    marked: bool = False
    mark_color: str = SEVERITY_COLOR["error"]
    folded: int = 1
    group: str = ""
    x: float | None = None
    y: float | None = None

    def to_vis(self) -> dict[str, Any]:
        """The vis-network options of this node (without the tooltip, which JS builds)."""
        opts: dict[str, Any] = {
            "label": self.label,
            "shape": self.shape or SHAPE.get(self.kind, "dot"),
            "size": round(self.size, 1),
            "color": {
                "background": self.color,
                "border": self.color,
                "highlight": {"background": self.color, "border": "#222222"},
            },
            "borderWidth": 1,
        }
        if self.marked:
            opts["borderWidth"] = 5
            opts["color"]["border"] = self.mark_color
            opts["shapeProperties"] = {"borderDashes": [4, 2]}
        if self.x is not None and self.y is not None:
            opts["x"] = round(self.x, 1)
            opts["y"] = round(self.y, 1)
        return opts


@dataclass
class MapEdge:
    """One drawn edge; ``width`` is in pixels, ``dashes`` for weaker ties."""

    source: str
    target: str
    kind: str
    color: str = "#9a9a9a"
    width: float = 1.0
    dashes: bool = False
    arrow: bool = False
    label: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class LegendItem:
    """One legend line: a swatch (colour, shape, marked border) and its text."""

    text: str
    color: str
    shape: str = "dot"
    marked: bool = False
    line: bool = False
    mark_color: str = SEVERITY_COLOR["error"]


@dataclass
class MapSpec:
    """A whole map: what to draw and the words around it.

    ``underlying`` counts the dataset nodes the view covers before aggregation, so the page can
    say "2,000 of 12,345 shown".  ``notes`` are sentences for the page (aggregation, focus).
    ``physics`` asks for a live layout; otherwise every node has ``x``/``y``.
    """

    view: str
    title: str
    nodes: list[MapNode] = field(default_factory=list)
    edges: list[MapEdge] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    underlying: int = 0
    aggregated: bool = False
    physics: bool = False

    def node_ids(self) -> set[str]:
        return {n.id for n in self.nodes}

    def check(self) -> None:
        """Raise ``ValueError`` when an edge names a node the map lacks (a view bug)."""
        ids = self.node_ids()
        if len(ids) != len(self.nodes):
            raise ValueError(f"{self.view}: duplicate node ids")
        for e in self.edges:
            if e.source not in ids or e.target not in ids:
                raise ValueError(f"{self.view}: edge {e.source}->{e.target} names a missing node")

"""Draw a :class:`~orggraph.maps.spec.MapSpec` as one self-contained, offline HTML page.

pyvis builds the vis-network data; the page is our own template, written as a UTF-8 string:
pyvis' own writer pulls Bootstrap from a CDN even "in line", writes in the locale's encoding,
and copies a ``lib/`` folder into the working directory.  vis-network itself is read from the
installed pyvis package and inlined.  Every user-supplied text travels as JSON inside a
``<script type="application/json">`` block and reaches the page only through ``textContent``
(tooltips are DOM elements built in ``map.js``); a Content-Security-Policy with a per-page nonce
forbids any request to another host and any inline event handler.
"""

from __future__ import annotations

import json
import secrets
from functools import cache
from importlib import resources
from typing import Any

from orggraph.maps.spec import SEVERITY_COLOR, MapSpec

VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
LARGE_MAP = 800  # above this many drawn nodes, straight edges and no edges while dragging


@cache
def _package_text(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """vis-network, from the installed pyvis package (never from the network)."""
    return _package_text("pyvis", VIS_JS)


def asset(name: str) -> str:
    """One of our own assets (``map.js``, ``map.css``, ``map.html``…)."""
    return _package_text("orggraph.maps", f"assets/{name}")


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


class _IdList(list[Any]):
    """pyvis keeps node ids in a list and tests membership per node and per edge (O(n²))."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set[Any] = set()

    def append(self, item: Any) -> None:
        self._set.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def network_data(spec: MapSpec) -> dict[str, Any]:
    """The vis-network nodes, edges and options of a spec, built with pyvis.

    Node ids stay strings (``add_node`` one by one: pyvis' ``add_nodes`` casts numeric-looking
    ids to int, and "007" would become 7).
    """
    from pyvis.network import Network

    spec.check()
    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()
    large = len(spec.nodes) > LARGE_MAP
    tips: dict[str, Any] = {}
    for n in spec.nodes:
        opts = n.to_vis()
        label = opts.pop("label")
        shape = opts.pop("shape")
        if spec.physics and n.x is not None:
            opts.update(fixed=True, physics=False)
        net.add_node(str(n.id), label=label, shape=shape, **opts)
        tips[n.id] = {
            "name": n.label.split("\n")[0],
            "kind": n.kind,
            "facts": n.facts,
            "findings": n.findings,
        }
    edge_tips = []
    for e in spec.edges:
        opts = {
            "color": {"color": e.color, "highlight": "#333333"},
            "width": round(e.width, 2),
            "dashes": e.dashes,
            "arrows": {"to": {"enabled": e.arrow, "scaleFactor": 0.5}},
        }
        net.add_edge(str(e.source), str(e.target), **opts)
        edge_tips.append(e.facts)
    options: dict[str, Any] = {
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
        },
        "layout": {"improvedLayout": False},
        "edges": {
            "smooth": False if large or not spec.physics else {"type": "continuous"},
            "selectionWidth": 2,
        },
        "nodes": {
            "font": {
                "size": 12,
                "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            }
        },
    }
    if spec.physics:
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 120, "avoidOverlap": 0.2},
            "stabilization": {
                "enabled": True,
                "iterations": 300,
                "updateInterval": 50,
                "fit": True,
            },
        }
    else:
        options["physics"] = {"enabled": False}
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "tips": tips,
        "edgeTips": edge_tips,
        "physics": spec.physics,
        "view": spec.view,
    }


def map_fragment(spec: MapSpec, dom_id: str, height: str = "78vh") -> str:
    """The map's HTML: notes, legend, canvas and its data (assets come with :func:`page`)."""
    from jinja2 import Environment

    env = Environment(autoescape=True)
    tmpl = env.from_string(asset("fragment.html"))
    return tmpl.render(
        spec=spec,
        dom_id=dom_id,
        height=height,
        data=script_json(network_data(spec)),
        severity=SEVERITY_COLOR,
        counts={"nodes": len(spec.nodes), "edges": len(spec.edges)},
    )


def page(
    title: str, body: str, extra_css: str = "", lang: str = "zh-CN", extra_js: str = ""
) -> str:
    """A whole offline document around ``body`` (already HTML), with vis-network inline."""
    from jinja2 import Environment
    from markupsafe import Markup

    nonce = secrets.token_urlsafe(16)
    env = Environment(autoescape=True)
    tmpl = env.from_string(asset("page.html"))
    return tmpl.render(
        title=title,
        body=Markup(body),
        nonce=nonce,
        lang=lang,
        css=Markup(asset("map.css") + extra_css),
        vis=Markup(vis_network_js()),
        js=Markup(asset("map.js")),
        extra_js=Markup(extra_js),
    )


def render_spec(spec: MapSpec, dataset: str) -> str:
    """A map page: the heading, then the map."""
    from markupsafe import escape

    heading = f"<h1>{escape(spec.title)}<small>{escape(dataset)}</small></h1>"
    return page(f"{spec.title} · {dataset}", heading + map_fragment(spec, "map"))

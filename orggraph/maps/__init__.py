"""Maps a leader can open offline: alliances, coverage, pairings and the chain of command.

Each view ``NAME`` of :data:`MAP_VIEWS` is drawn by ``orggraph/maps/view_NAME.py``.

>>> from orggraph.io import load
>>> from orggraph.audit import run_audit
>>> ds = load("datasets/yuzhou")
>>> spec = build_map(ds, run_audit(ds), "alliances")
>>> spec.title, len(spec.nodes)
('党建联盟图', 67)
>>> render_map(ds, run_audit(ds), "hierarchy").startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from orggraph.maps.map_context import DEFAULT_NODE_BUDGET, MapContext, UnknownFocus, rule_titles
from orggraph.maps.spec import MAP_VIEWS, MapSpec

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

    from orggraph.areas import AreaIndex
    from orggraph.audit_context import AuditContext
    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset
    from orggraph.findings import AuditResult


def area_places(index: AreaIndex) -> dict[str, str]:
    """``{entity id: area path}`` for every entity with an area (``AuditContext.area_index``)."""
    import pandas as pd

    entity_area = index.entity_area.dropna()
    paths = index.path(pd.Index(entity_area.unique()))
    return {str(k): str(v) for k, v in entity_area.map(paths).items() if v}


def build_map(
    ds: Dataset,
    result: AuditResult,
    view: str,
    *,
    budget: int = DEFAULT_NODE_BUDGET,
    alliance: str | None = None,
    area: str | None = None,
    cfg: AuditConfig | None = None,
    graph: nx.MultiDiGraph | None = None,
    places: Mapping[str, str] | None = None,
    context: AuditContext | None = None,
) -> MapSpec:
    """What the map ``view`` of ``ds`` shows (nodes, edges, legend, notes), without drawing it.

    Parameters
    ----------
    ds, result
        The dataset and its audit (:func:`orggraph.audit.run_audit`).
    view
        One of :data:`MAP_VIEWS`.
    budget
        The most nodes drawn; above it detail is folded into counted aggregates.
    alliance
        For ``alliances``: show only this alliance and the alliances sharing its members.
    area
        For ``coverage``: show only this area (a street or community) and what lies below it.
    cfg
        The audit configuration (its betweenness thresholds size the alliance members when
        ``result`` carries no brokerage).
    graph, places, context
        The graph of ``ds`` (:func:`orggraph.maps.graph.build_graph`), its :func:`area_places`
        and its :class:`~orggraph.audit_context.AuditContext`, if already built: a report that
        draws several views builds each once.

    Raises
    ------
    UnknownFocus
        If ``alliance`` or ``area`` is not such an id of the dataset.
    ValueError
        If ``view`` is unknown, or a focus is given for a view that has none.
    """
    from orggraph.audit_context import AuditContext
    from orggraph.config import AuditConfig
    from orggraph.maps.graph import build_graph

    if view not in MAP_VIEWS:
        raise ValueError(f"unknown view '{view}' (choose from {', '.join(MAP_VIEWS)})")
    if alliance is not None and view != "alliances":
        raise ValueError("--alliance applies to the alliances view only")
    if area is not None and view != "coverage":
        raise ValueError("--area applies to the coverage view only")
    g = graph if graph is not None else build_graph(ds)
    audit = context if context is not None else AuditContext(ds, cfg or AuditConfig())
    memberships: dict[tuple[str, str], str] = {}
    broker: dict[str, float] = {}
    if view == "alliances":
        m = audit.alliance_memberships
        memberships = dict(
            zip(zip(m["member_id"], m["alliance_id"], strict=True), m["role"], strict=True)
        )
        # The audit already measured every member's brokerage; measure only without one.
        if result.brokerage:
            broker = dict(result.brokerage)
        else:
            from orggraph.metrics import compute_brokerage

            broker = compute_brokerage(audit).scores
    ctx = MapContext(
        g,
        result,
        view,
        area_places(audit.area_index) if places is None else places,
        budget=budget,
        rule_titles=rule_titles(),
        memberships=memberships,
        brokerage=broker,
        focus=alliance if alliance is not None else area,
    )
    spec: MapSpec = import_module(f"orggraph.maps.view_{view}").build(ctx)
    return spec


def render_map(ds: Dataset, result: AuditResult, view: str, **options: object) -> str:
    """The map ``view`` of ``ds`` as one self-contained offline HTML page (a string).

    Takes the keyword options of :func:`build_map`.  Write the string as UTF-8
    (:func:`orggraph.output.write_text`).
    """
    from orggraph.maps.html import render_spec

    spec = build_map(ds, result, view, **options)  # type: ignore[arg-type]
    return render_spec(spec, ds.name)


__all__ = [
    "DEFAULT_NODE_BUDGET",
    "MAP_VIEWS",
    "MapContext",
    "MapSpec",
    "UnknownFocus",
    "area_places",
    "build_map",
    "render_map",
    "rule_titles",
]

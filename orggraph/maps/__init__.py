"""Maps a leader can open offline: alliances, coverage, pairings and the chain of command.

>>> from orggraph.io import load
>>> from orggraph.audit import run_audit
>>> ds = load("datasets/yuzhou")  # doctest: +SKIP
>>> html = render_map(ds, run_audit(ds), "alliances")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orggraph.maps.context import DEFAULT_NODE_BUDGET, MapContext, UnknownFocus, rule_titles
from orggraph.maps.spec import MapSpec

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset
    from orggraph.findings import AuditResult

VIEWS: dict[str, str] = {
    "alliances": "党建联盟图",
    "coverage": "组织覆盖图",
    "pairings": "结对共建图",
    "hierarchy": "组织隶属图",
}


def area_places(ds: Dataset) -> dict[str, str]:
    """``{entity id: area path}`` for every entity that has an area."""
    import pandas as pd

    from orggraph.hierarchy import AreaIndex

    index = AreaIndex(ds)
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
) -> MapSpec:
    """What the map ``view`` of ``ds`` shows (nodes, edges, legend, notes), without drawing it.

    Parameters
    ----------
    ds, result
        The dataset and its audit (:func:`orggraph.audit.run_audit`).
    view
        One of :data:`VIEWS`.
    budget
        The most nodes drawn; above it detail is folded into counted aggregates.
    alliance
        For ``alliances``: show only this alliance and the alliances sharing its members.
    area
        For ``coverage``: show only this area (a street or community) and what lies below it.
    cfg
        The audit configuration (its betweenness thresholds size the alliance members).
    graph, places
        The dataset's graph (:func:`orggraph.graph.build_graph`) and :func:`area_places`, when
        the caller already has them (a report draws several maps of one dataset).

    Raises
    ------
    UnknownFocus
        If ``alliance`` or ``area`` is not such an id of the dataset.
    ValueError
        If ``view`` is unknown, or a focus is given for a view that has none.
    """
    from orggraph.graph import build_graph
    from orggraph.maps import alliances, coverage, hierarchy, pairings

    if view not in VIEWS:
        raise ValueError(f"unknown view '{view}' (choose from {', '.join(VIEWS)})")
    if alliance is not None and view != "alliances":
        raise ValueError("--alliance applies to the alliances view only")
    if area is not None and view != "coverage":
        raise ValueError("--area applies to the coverage view only")
    g = graph if graph is not None else build_graph(ds)
    broker = None
    if view == "alliances":
        # The audit already measured every member's brokerage; measure only without one.
        broker = result.brokerage if result.brokerage else None
        if broker is None:
            from orggraph.config import AuditConfig
            from orggraph.metrics import compute_brokerage
            from orggraph.rules.context import AuditContext

            broker = compute_brokerage(AuditContext(ds, cfg or AuditConfig())).scores
    ctx = MapContext(
        g,
        result,
        places if places is not None else area_places(ds),
        budget=budget,
        rule_titles=rule_titles(),
        brokerage=broker,
    )
    if view == "alliances":
        return alliances.build(ctx, alliance=alliance)
    if view == "coverage":
        return coverage.build(ctx, area=area)
    if view == "pairings":
        return pairings.build(ctx)
    return hierarchy.build(ctx)


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
    "VIEWS",
    "MapContext",
    "MapSpec",
    "UnknownFocus",
    "build_map",
    "render_map",
]

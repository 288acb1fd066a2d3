"""The plan over a map: every proposed link drawn, dashed and pink, its new ends added."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dataset
from test_plan_actions import TABLES

from orggraph.audit import run_audit
from orggraph.maps import build_map
from orggraph.maps.plan import PLAN_COLOR, new_links, overlay_plan
from orggraph.plan import make_plan


@pytest.mark.parametrize("view", ["alliances", "coverage"])
def test_every_proposed_link_is_drawn_apart(tmp_path: Path, view: str) -> None:
    ds = dataset(tmp_path, **TABLES)
    result = make_plan(ds)
    spec = build_map(ds, run_audit(ds), view)
    before = {(e.source, e.target) for e in spec.edges}
    overlay_plan(spec, ds, result)
    links = new_links(ds, result, view)
    # alliances: OC1, OC4 and the planned C2 org join A1; O2 and OC3 form S2's new alliance; one
    # membership against P1's single point -> 6.  coverage: the planned orgs of C2, K1 and G1,
    # and OT taking over grid G2 from the branch merged into it -> 4.
    assert len(links) == (6 if view == "alliances" else 4)
    planned = {(e.source, e.target) for e in spec.edges if e.kind == "plan"}
    assert planned == set(links) and not planned & before
    assert all(e.dashes and e.color == PLAN_COLOR for e in spec.edges if e.kind == "plan")
    created = {i for a in result.plan.actions for i in a.created}
    drawn = {n.id: n for n in spec.nodes}
    for u, v in links:
        for end in (u, v):
            if end in created:
                assert drawn[end].color == PLAN_COLOR and drawn[end].marked
    assert any(item.color == PLAN_COLOR and item.line for item in spec.legend)


def test_other_views_are_refused(tmp_path: Path) -> None:
    ds = dataset(tmp_path, **TABLES)
    spec = build_map(ds, run_audit(ds), "hierarchy")
    with pytest.raises(ValueError, match="alliances or coverage"):
        overlay_plan(spec, ds, make_plan(ds))

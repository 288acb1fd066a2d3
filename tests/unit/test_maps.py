"""Map views on the tiny hand-made dataset of map_sample.py (no browser)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from map_sample import sample_dataset

from orggraph.audit import run_audit
from orggraph.dataset import Dataset
from orggraph.maps import UnknownFocus, build_map, layout
from orggraph.maps.spec import OK_COLOR, SEVERITY_COLOR
from orggraph.maps.view_alliances import KIND_COLOR


@pytest.fixture(scope="module")
def sample():
    ds = sample_dataset()
    return ds, run_audit(ds)


def nodes(spec):
    return {n.id: n for n in spec.nodes}


def test_alliances_members_brokers_and_isolated(sample):
    ds, result = sample
    spec = build_map(ds, result, "alliances")
    got = nodes(spec)
    # Two alliances; members O3 (A1's lead), O2, U1, U2; O8 runs C3 but is in no alliance.
    assert set(got) == {"A1", "A2", "O2", "O3", "U1", "U2", "O8"}
    # One edge per membership: A1 has O3 (lead), O2, U1; A2 has O2, U2.
    assert sorted((e.source, e.target) for e in spec.edges) == [
        ("O2", "A1"),
        ("O2", "A2"),
        ("O3", "A1"),
        ("U1", "A1"),
        ("U2", "A2"),
    ]
    # O2 alone links the two alliances: the articulation point, and the biggest broker.
    assert got["O2"].marked and not got["O3"].marked
    assert got["O2"].size == max(n.size for n in spec.nodes if n.kind != "Alliance")
    assert got["A1"].color == KIND_COLOR["regional"] and got["A2"].color == KIND_COLOR["industry"]
    # U1 is a part-time member (dashed); O3 leads A1 (thick).
    edge = {(e.source, e.target): e for e in spec.edges}
    assert edge[("U1", "A1")].dashes and edge[("O3", "A1")].width > edge[("O2", "A1")].width
    # The isolated org sits apart: right of everything else.
    assert got["O8"].x > max(n.x or 0 for n in spec.nodes if n.id != "O8")


def test_a_lead_listed_as_a_member_is_drawn_as_the_lead(sample):
    # The planner also lists O3, A1's lead, among A1's members in the plain role "member".  The
    # audit counts O3 as A1's lead member (one membership); the map must draw the same: one
    # edge O3 -> A1, thick and labelled 牵头.
    ds, _ = sample
    members = ds.alliance_members
    row = pd.DataFrame([{"alliance_id": "A1", "member_id": "O3", "role": "member"}])
    listed = Dataset(ds.name, {**ds.tables, "alliance_members": pd.concat([members, row])})
    spec = build_map(listed, run_audit(listed), "alliances")
    to_a1 = [e for e in spec.edges if (e.source, e.target) == ("O3", "A1")]
    assert len(to_a1) == 1
    plain = next(e for e in spec.edges if (e.source, e.target) == ("O2", "A1"))
    assert to_a1[0].width > plain.width and ("角色", "牵头") in to_a1[0].facts


def test_alliance_focus_and_unknown_focus(sample):
    ds, result = sample
    spec = build_map(ds, result, "alliances", alliance="A2")
    # A2's members (O2, U2) and A1, which shares O2; A1's other members are only counted.
    assert set(nodes(spec)) == {"A2", "O2", "U2", "A1"}
    assert ("未显示的成员", "2") in nodes(spec)["A1"].facts
    with pytest.raises(UnknownFocus):
        build_map(ds, result, "alliances", alliance="C1")  # an area, not an alliance


def test_coverage_colours_follow_findings(sample):
    ds, result = sample
    got = nodes(build_map(ds, result, "coverage"))
    assert got["C2"].color == SEVERITY_COLOR["error"]  # uncovered community
    assert got["K1"].color == SEVERITY_COLOR["warning"]  # uncovered compound
    assert got["U1"].color == SEVERITY_COLOR["error"]  # should establish its own org
    assert got["C1"].color == OK_COLOR
    assert ("所在区域", "城区/凤山街道/金湖社区") in got["U1"].facts
    assert any("社区/村未覆盖" in text for _, text in got["C2"].findings)


def test_coverage_zoom_to_a_community(sample):
    ds, result = sample
    spec = build_map(ds, result, "coverage", area="C1")
    # C1, its compound and grid, the orgs responsible for them (O3, O4), the unit in C1.
    assert set(nodes(spec)) == {"C1", "K1", "G1", "O3", "O4", "U1"}
    assert "金湖社区" in spec.title


def test_coverage_folds_above_budget_and_keeps_counts(sample):
    ds, result = sample
    spec = build_map(ds, result, "coverage", budget=10)
    got = nodes(spec)
    # 14 nodes > 10: K1, G1 and O4 (responsible for G1) fold into C1, then the units.
    assert spec.aggregated and len(spec.nodes) <= 10
    assert {"K1", "G1", "O4", "U1"}.isdisjoint(got)
    assert sum(n.folded for n in spec.nodes) == spec.underlying == 14
    # C1 is covered itself but now holds K1 (warning) and U1 (error): it shows the worst.
    assert got["C1"].color == SEVERITY_COLOR["error"]
    assert "＋" in got["C1"].label and any("上限" in n for n in spec.notes)
    spec.check()


def test_pairings_unpaired_and_widths(sample):
    ds, result = sample
    spec = build_map(ds, result, "pairings")
    got = nodes(spec)
    assert set(got) == {"C1", "C2", "C3", "U1", "U2"}
    assert got["C2"].color == SEVERITY_COLOR["warning"] and got["C1"].color == OK_COLOR
    width = {e.source: e.width for e in spec.edges}
    assert width["U2"] > width["U1"]  # 10 members reported against 2


def test_hierarchy_marks_broken_chain(sample):
    ds, result = sample
    spec = build_map(ds, result, "hierarchy")
    got = nodes(spec)
    assert got["O5"].marked and not got["O4"].marked
    # Every org with a superior draws one REPORTS_TO arrow: 7 orgs, roots O1 and O5.
    assert len(spec.edges) == 5 and all(e.arrow for e in spec.edges)


def test_hierarchy_folds_leaves_not_broken_roots(sample):
    ds, result = sample
    spec = build_map(ds, result, "hierarchy", budget=4)
    got = nodes(spec)
    assert "O5" in got and len(spec.nodes) <= 4
    assert sum(n.folded for n in spec.nodes) == 7


def test_unknown_view(sample):
    ds, result = sample
    with pytest.raises(ValueError, match="unknown view"):
        build_map(ds, result, "galaxy")


def test_radial_tree_rings_and_cycles():
    # a is the root in the middle, b and c one ring out; x and y point at each other (a loop),
    # which must still get positions rather than loop forever.
    pos = layout.radial_tree({"b": "a", "c": "a", "x": "y", "y": "x"}, ["a", "b", "c", "x", "y"])
    assert set(pos) == {"a", "b", "c", "x", "y"}
    assert math.dist(pos["b"], (0, 0)) == pytest.approx(math.dist(pos["c"], (0, 0)), abs=0.2)
    assert pos["b"] != pos["c"]


def test_hubs_and_satellites_puts_brokers_between():
    pos = layout.hubs_and_satellites(["h1", "h2"], {"s": ["h1", "h2"], "t": ["h1"]})
    mid = ((pos["h1"][0] + pos["h2"][0]) / 2, (pos["h1"][1] + pos["h2"][1]) / 2)
    # the broker sits nearer the midpoint than to either hub
    assert math.dist(pos["s"], mid) < math.dist(pos["s"], pos["h1"])
    assert math.dist(pos["t"], pos["h1"]) < math.dist(pos["t"], pos["h2"])


def test_every_map_view_has_its_module_and_no_module_lacks_a_view():
    # MAP_VIEWS is the one list of views: NAME is drawn by orggraph/maps/view_NAME.py, whose
    # build() makes a spec of that view under MAP_VIEWS' title.
    from pathlib import Path

    import orggraph.maps as maps

    modules = {p.stem.removeprefix("view_") for p in Path(maps.__file__).parent.glob("view_*.py")}
    assert modules == set(maps.MAP_VIEWS)
    ds = sample_dataset()
    result = run_audit(ds)
    for view, title in maps.MAP_VIEWS.items():
        spec = build_map(ds, result, view)
        assert (spec.view, spec.title) == (view, title)


def test_views_drawn_from_one_shared_context_match_fresh_ones(sample):
    # A report draws several views: it may build the graph, the places and the AuditContext
    # once and pass them in; every view must come out as if drawn on its own.
    from orggraph.audit_context import AuditContext
    from orggraph.config import AuditConfig
    from orggraph.maps import area_places
    from orggraph.maps.graph import build_graph

    ds, result = sample
    context = AuditContext(ds, AuditConfig())
    shared = {
        "graph": build_graph(ds),
        "places": area_places(context.area_index),
        "context": context,
    }
    for view in ("alliances", "coverage"):
        assert build_map(ds, result, view, **shared) == build_map(ds, result, view)

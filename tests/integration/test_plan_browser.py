"""map --plan and report --plan open offline in Chromium, with the plan's links drawn.

The page draws exactly the nodes and edges of the map spec with the plan laid over it (the
proposed links counted from the tables, not from the view), with no console error and no request
leaving the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_maps_browser import open_html  # the fixture `browser` is in conftest.py

from orggraph.audit import run_audit
from orggraph.io import load
from orggraph.maps import build_map
from orggraph.maps.html import render_spec
from orggraph.maps.plan import new_links, overlay_plan
from orggraph.plan import make_plan
from orggraph.plan.report import plan_section
from orggraph.report import render_report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def chengdong():
    ds = load(ROOT / "datasets" / "chengdong")
    return ds, run_audit(ds), make_plan(ds)


@pytest.mark.parametrize("view", ["alliances", "coverage"])
def test_map_with_plan_draws_every_proposed_link(browser, chengdong, tmp_path, view):
    ds, result, planned = chengdong
    spec = build_map(ds, result, view)
    base_edges = len(spec.edges)
    overlay_plan(spec, ds, planned)
    links = new_links(ds, planned, view)
    assert len(spec.edges) == base_edges + len(links) and links
    opened = open_html(browser, tmp_path, render_spec(spec, ds.name), f"plan-{view}")
    try:
        assert opened.errors == [] and opened.outside == [] and opened.dialogs == []
        assert opened.drawn() == [
            {"view": view, "nodes": len(spec.nodes), "edges": len(spec.edges)}
        ]
    finally:
        opened.close()


def test_report_with_plan_opens_offline(browser, chengdong, tmp_path):
    ds, result, planned = chengdong
    html = render_report(ds, result, "zh", extra_html=plan_section(planned.plan, "zh"))
    opened = open_html(browser, tmp_path, html, "plan-report")
    try:
        assert opened.errors == [] and opened.outside == []
        assert opened.page.locator("section.rp-plan h3").count() >= 1
        text = opened.page.locator("section.rp-plan").inner_text()
        assert planned.plan.actions[0].sentence["zh"] in text
    finally:
        opened.close()

"""Maps and the report in a real headless Chromium, with the network cut off.

Drives Debian's /usr/bin/chromium (``make browser``) through playwright's Python package; no
browser is downloaded.  Screenshots are kept in artifacts/ (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from map_sample import MALICIOUS_NAME, sample_dataset

from orggraph.audit import run_audit
from orggraph.maps import MAP_VIEWS, build_map, render_map
from orggraph.output import write_text
from orggraph.report import render_report

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


class Opened:
    """A page opened offline, with every console problem, request and dialog recorded."""

    def __init__(
        self, browser, path: Path, shot: str, ready: str = "html[data-maps-drawn]"
    ) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.set_offline(True)
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def route(r):  # every request that is not the file itself is recorded and blocked
            if r.request.url.startswith("file:") or r.request.url.startswith("data:"):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        page.wait_for_selector(ready, state="attached", timeout=60_000)
        self.page = page
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{shot}.png"))

    def drawn(self) -> list[dict]:
        return self.page.evaluate(
            "window.orggraphMaps.map(r => ({view: r.view,"
            " nodes: r.network.body.nodeIndices.length,"
            " edges: r.network.body.edgeIndices.length}))"
        )

    def close(self) -> None:
        self.context.close()


def open_html(browser, tmp_path: Path, html: str, shot: str) -> Opened:
    path = write_text(tmp_path / f"{shot}.html", html)
    return Opened(browser, path, shot)


@pytest.fixture(scope="module")
def sample():
    ds = sample_dataset()
    return ds, run_audit(ds)


def expected_alliance_drawing(ds, result) -> tuple[int, int]:
    """From the tables, not from the view: alliances + members + isolated community orgs."""
    pairs = set(
        zip(ds.alliance_members["member_id"], ds.alliance_members["alliance_id"], strict=True)
    )
    leads = ds.alliances.dropna(subset=["lead_org_id"])
    pairs |= set(zip(leads["lead_org_id"], leads["id"], strict=True))
    isolated = {f.subject_id for f in result.findings if f.rule == "isolated-org"}
    members = {m for m, _ in pairs}
    return len(ds.alliances) + len(members) + len(isolated), len(pairs)


@pytest.mark.parametrize("view", list(MAP_VIEWS))
def test_every_view_loads_offline_without_errors(browser, sample, tmp_path, view):
    ds, result = sample
    spec = build_map(ds, result, view)
    opened = open_html(browser, tmp_path, render_map(ds, result, view), f"sample-{view}")
    try:
        assert opened.errors == [] and opened.outside == [] and opened.dialogs == []
        assert opened.drawn() == [
            {"view": view, "nodes": len(spec.nodes), "edges": len(spec.edges)}
        ]
    finally:
        opened.close()


def test_alliance_map_draws_what_the_tables_hold(browser, sample, tmp_path):
    ds, result = sample
    opened = open_html(browser, tmp_path, render_map(ds, result, "alliances"), "sample-count")
    try:
        # 2 alliances + 4 members (O2, O3 the lead, U1, U2) + O8 apart = 7; 5 memberships.
        assert expected_alliance_drawing(ds, result) == (7, 5)
        (drawn,) = opened.drawn()
        assert (drawn["nodes"], drawn["edges"]) == (7, 5)
    finally:
        opened.close()


def test_malicious_name_shows_as_text_and_runs_nothing(browser, sample, tmp_path):
    ds, result = sample
    opened = open_html(browser, tmp_path, render_map(ds, result, "hierarchy"), "sample-xss")
    page = opened.page
    try:
        # Hover O6 (whose name is an <img onerror=…>) so vis-network shows its tooltip.
        box = page.locator("#map").bounding_box()
        xy = page.evaluate(
            "(() => { const n = window.orggraphMaps[0].network;"
            " return n.canvasToDOM(n.getPositions(['O6'])['O6']); })()"
        )
        page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
        tip = page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5_000)
        assert MALICIOUS_NAME in tip.text_content()
        assert tip.locator("img").count() == 0 and page.locator("img").count() == 0
        page.wait_for_timeout(300)  # an image error handler would have fired by now
        assert page.evaluate("window.__pwned") is None
        assert opened.dialogs == [] and opened.outside == [] and opened.errors == []
        page.screenshot(path=str(ARTIFACTS / "sample-xss-tooltip.png"))
    finally:
        opened.close()


def test_report_loads_sorts_and_embeds_both_maps(browser, sample, tmp_path):
    ds, result = sample
    opened = open_html(browser, tmp_path, render_report(ds, result), "sample-report")
    page = opened.page
    try:
        assert opened.errors == [] and opened.outside == [] and opened.dialogs == []
        assert [d["view"] for d in opened.drawn()] == ["alliances", "coverage"]
        first = "#rp-findings tbody tr:first-child td:first-child"
        assert page.text_content(first).strip() == "错误"  # errors first
        page.click("#rp-findings th:first-child")  # ascending by severity rank: errors first
        page.click("#rp-findings th:first-child")  # descending: info first
        assert page.text_content(first).strip() == "提示"
        page.emulate_media(media="print")
        assert page.locator(".og-search").first.is_hidden()  # print CSS applies
    finally:
        opened.close()


def test_large_generated_map_folds_and_draws_the_aggregation(browser, tmp_path):
    from orggraph.generate import generate
    from orggraph.io import load

    generate(10_000, 7, tmp_path / "big")
    ds = load(tmp_path / "big")
    result = run_audit(ds)
    spec = build_map(ds, result, "coverage", budget=2000)
    assert spec.aggregated and spec.underlying > 2000 >= len(spec.nodes)
    assert sum(n.folded for n in spec.nodes) == spec.underlying
    opened = open_html(browser, tmp_path, render_map(ds, result, "coverage"), "generated-coverage")
    try:
        assert opened.errors == [] and opened.outside == []
        assert opened.drawn() == [
            {"view": "coverage", "nodes": len(spec.nodes), "edges": len(spec.edges)}
        ]
        assert "已合并" in opened.page.text_content(".og-note")
    finally:
        opened.close()

"""The trend chart and the report's progress section in headless Chromium, network cut off.

Like test_maps_browser.py: Debian's /usr/bin/chromium driven by playwright, every request that is
not the file itself recorded and blocked, every console error recorded.  Screenshots go to
artifacts/ (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dataset

from orggraph.audit import run_audit
from orggraph.output import write_text
from orggraph.progress.diff import compare_results
from orggraph.progress.section import progress_section
from orggraph.progress.trend import trend
from orggraph.report import render_report

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
HOSTILE = "<img src=x onerror=window.__pwned=1>街道"

AREAS = f"""\
id,name,level,parent_id
D,城区,district,
S1,凤山街道,street,D
S2,{HOSTILE},street,D
C1,金湖社区,community,S1
C2,银湖社区,community,S2
K1,金湖小区,compound,C1
K2,银湖小区,compound,C2
"""
ORGS = """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,金湖社区党委,committee,O0,C1,,
"""
# Each year one more blank is filled: K1, then C2 and K2.
LATER = [ORGS + "B1,金湖小区党支部,branch,O1,K1,,5\n"]
LATER.append(LATER[0] + "O2,银湖社区党委,committee,O0,C2,,\nB2,银湖小区党支部,branch,O2,K2,,5\n")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "run `make browser` (tools/install-chromium.sh) first"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory):
    root = tmp_path_factory.mktemp("snapshots")
    out = []
    for year, orgs in zip(("2023", "2024", "2025"), (ORGS, *LATER), strict=True):
        ds = dataset(root / f"city-{year}", areas=AREAS, orgs=orgs)
        out.append((ds, run_audit(ds)))
    return out


class Offline:
    """A page opened with the network cut off; console errors and outside requests recorded."""

    def __init__(self, browser, html: str, path: Path, wait_for: str) -> None:
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.context.set_offline(True)
        page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r):
            if r.request.url.startswith(("file:", "data:")):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(write_text(path, html).resolve().as_uri())
        page.wait_for_selector(wait_for, state="attached", timeout=60_000)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # a late script error or request would have shown by now
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{path.stem}.png"), full_page=True)
        self.page = page

    def close(self) -> None:
        self.context.close()


def test_trend_chart_draws_offline_without_errors(browser, snapshots, tmp_path):
    html = trend([r for _, r in snapshots], "html")
    opened = Offline(browser, html, tmp_path / "diff-trend.html", "svg.og-chart")
    page = opened.page
    try:
        assert opened.errors == [] and opened.outside == []
        assert page.locator("svg.og-chart").count() == 2
        # Rates chart: community and compound coverage (no village or grid here), two-new
        # rates absent (no units), communities paired → 3 lines of 3 points each.
        rates = page.locator("svg.og-chart").nth(0)
        assert rates.locator("polyline.og-line").count() == 3
        assert rates.locator("circle").count() == 9
        # Findings chart: errors, warnings, infos and all findings, 3 snapshots each.
        assert page.locator("svg.og-chart").nth(1).locator("circle").count() == 12
        box = rates.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150  # drawn, not collapsed
    finally:
        opened.close()


def test_report_progress_section_renders_offline(browser, snapshots, tmp_path):
    (old_ds, old), (_, _), (new_ds, new) = snapshots
    d = compare_results(old_ds, old, new_ds, new)
    html = render_report(new_ds, new, "zh", progress=progress_section(d, "zh"))
    opened = Offline(browser, html, tmp_path / "diff-report.html", "#og-progress svg.og-bars")
    page = opened.page
    try:
        assert opened.errors == [] and opened.outside == []
        section = page.locator("#og-progress")
        assert section.is_visible()
        # K1, C2 and K2 covered since 2023: three blanks filled.
        assert section.locator("li").first.text_content().startswith("本期填补空白点3个")
        # Two streets, each with an old and a new bar.
        assert section.locator("svg.og-bars rect.og-bar").count() == 4
        assert section.locator("table.og-resolved tbody tr").count() == len(d.resolved)
        # The hostile street name is text in the chart, never an element or a script.
        assert HOSTILE in section.locator("svg.og-bars").text_content()
        assert page.locator("img").count() == 0
        assert page.evaluate("window.__pwned") is None
    finally:
        opened.close()

"""The trend chart and the report's progress section in headless Chromium, network cut off.

With conftest.py's browser and test_maps_browser.py's page opener: Debian's /usr/bin/chromium
driven by playwright, every request that is not the file itself recorded and blocked, every
console error recorded.  Screenshots go to artifacts/ (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dataset
from test_maps_browser import Opened

from orggraph.audit import run_audit
from orggraph.output import write_text
from orggraph.progress.diff import compare_results
from orggraph.progress.section import progress_section
from orggraph.progress.trend import trend
from orggraph.report import render_report

pytestmark = pytest.mark.browser

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
def snapshots(tmp_path_factory):
    root = tmp_path_factory.mktemp("snapshots")
    out = []
    for year, orgs in zip(("2023", "2024", "2025"), (ORGS, *LATER), strict=True):
        ds = dataset(root / f"city-{year}", areas=AREAS, orgs=orgs)
        out.append((ds, run_audit(ds)))
    return out


def opened(browser, html: str, tmp_path: Path, shot: str, ready: str) -> Opened:
    """The page offline once ``ready`` is there and a late error or request had time to show."""
    page = Opened(browser, write_text(tmp_path / f"{shot}.html", html), shot, ready)
    page.page.wait_for_load_state("load")
    page.page.wait_for_timeout(300)
    return page


def test_trend_chart_draws_offline_without_errors(browser, snapshots, tmp_path):
    html = trend([r for _, r in snapshots], "html")
    shown = opened(browser, html, tmp_path, "diff-trend", "svg.og-chart")
    page = shown.page
    try:
        assert shown.errors == [] and shown.outside == [] and shown.dialogs == []
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
        shown.close()


def test_report_progress_section_renders_offline(browser, snapshots, tmp_path):
    (old_ds, old), (_, _), (new_ds, new) = snapshots
    d = compare_results(old_ds, old, new_ds, new)
    html = render_report(new_ds, new, "zh", progress=progress_section(d, "zh"))
    # The report's maps are not this test's subject: ready once the progress section is there.
    shown = opened(browser, html, tmp_path, "diff-report", "#og-progress svg.og-bars")
    page = shown.page
    try:
        assert shown.errors == [] and shown.outside == [] and shown.dialogs == []
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
        shown.close()

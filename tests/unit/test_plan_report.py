"""report --plan: the plan by street in the meeting report, in the report's language."""

from __future__ import annotations

from pathlib import Path

from helpers import dataset
from test_plan_actions import TABLES

from orggraph.audit import run_audit
from orggraph.plan import make_plan
from orggraph.plan.report import plan_section
from orggraph.report import render_report


def test_plan_section_by_street(tmp_path: Path) -> None:
    ds = dataset(tmp_path, **TABLES)
    plan = make_plan(ds).plan
    html = plan_section(plan, "zh")
    # Both streets of the district get their own heading, every action its sentence.
    assert "<h3>城北街道</h3>" in html and "<h3>城南街道</h3>" in html
    assert "由城北街道党工委在金港社区新建金港社区党委（拟）" in html
    assert html.count("<tr><td>") >= len(plan.actions)
    en = plan_section(plan, "en")
    assert "Work plan by street" in en and "to set up" in en
    # User text is escaped, never markup: names travel through the autoescaping template.
    page = render_report(ds, run_audit(ds), "zh", extra_html=html)
    assert "工作方案（按街道）" in page

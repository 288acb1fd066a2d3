"""The map and report HTML: self-contained, offline, UTF-8, user text never markup."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from map_sample import MALICIOUS_NAME, sample_dataset

from orggraph.audit import run_audit
from orggraph.config import AuditConfig
from orggraph.maps import MAP_VIEWS, build_map, render_map
from orggraph.maps.html import network_data, script_json
from orggraph.report import render_report

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def sample():
    ds = sample_dataset()
    return ds, run_audit(ds)


def data_blocks(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


@pytest.mark.parametrize("view", list(MAP_VIEWS))
def test_map_page_is_self_contained(sample, view, tmp_path, monkeypatch):
    ds, result = sample
    monkeypatch.chdir(tmp_path)
    html = render_map(ds, result, view)
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    # No external script, stylesheet, image or font: nothing refers to another host.
    assert not EXTERNAL.search(html)
    assert "<link" not in html and "<script src" not in html
    assert "default-src 'none'" in html  # the CSP forbids any request besides
    assert "vis.Network" in html and "Network=" in html  # vis-network itself is inline
    # pyvis' writer would have created lib/ in the working directory; we never call it.
    assert list(tmp_path.iterdir()) == []


def test_malicious_name_is_never_markup(sample):
    ds, result = sample
    html = render_map(ds, result, "hierarchy")
    assert MALICIOUS_NAME not in html  # never raw ...
    (data,) = data_blocks(html)
    assert data["tips"]["O6"]["name"] == MALICIOUS_NAME  # ... but intact as JSON data


def test_malicious_name_in_report_tables_is_escaped():
    ds = sample_dataset()
    areas = ds.areas
    areas.loc[areas["id"] == "C2", "name"] = MALICIOUS_NAME  # C2 is uncovered: a finding
    result = run_audit(ds)
    assert any(f.subject_name == MALICIOUS_NAME for f in result.findings)
    report = render_report(ds, result)
    assert MALICIOUS_NAME not in report
    assert "&lt;img src=x onerror=&#34;window.__pwned=1;alert(1)&#34;&gt;党小组" in report


def test_script_json_cannot_close_the_script():
    text = script_json({"name": "</script><script>alert(1)</script>\u2028"})
    assert "</script" not in text and "<" not in text and "\u2028" not in text
    assert json.loads(text)["name"].startswith("</script>")


def test_numeric_looking_ids_stay_strings(sample):
    ds, result = sample
    spec = build_map(ds, result, "hierarchy")
    spec.nodes[0].id = "007"
    spec.edges = []
    data = network_data(spec)
    assert data["nodes"][0]["id"] == "007" and "007" in data["tips"]


def test_counts_on_the_page_match_the_spec(sample):
    ds, result = sample
    spec = build_map(ds, result, "alliances")
    html = render_map(ds, result, "alliances")
    (data,) = data_blocks(html)
    assert len(data["nodes"]) == len(spec.nodes) and len(data["edges"]) == len(spec.edges)
    assert f'<b class="og-count-nodes">{len(spec.nodes)}</b>' in html


def test_report_rates_rules_and_languages(sample):
    ds, result = sample
    zh = render_report(ds, result, "zh")
    en = render_report(ds, result, "en")
    # 3 communities, C1 and C3 covered: 66.7%; C1 alone paired: 33.3%.
    assert "66.7%" in zh and "33.3%" in zh
    assert "党组织覆盖率" in zh and "Party organisation coverage" in en
    # Rule explanations come from the registry, in the asked language.
    from orggraph.rules import RULES

    rule = RULES["uncovered-community"]
    assert rule.explain(lang="zh") in zh and rule.explain(lang="en") in en
    assert rule.explain(lang="en") not in zh
    # They carry the thresholds in force: under a custom configuration, its numbers.
    cfg = AuditConfig().overlay({"thresholds": {"branch_max_members": 40}})
    custom = render_report(ds, result, "zh", cfg=cfg)
    assert RULES["org-size"].explain(cfg, "zh") in custom
    assert "超过40人" in custom and "超过50人" not in custom and "超过50人" in zh
    assert "@media print" in zh
    assert len(data_blocks(zh)) == 2  # the alliance and coverage maps, inline
    assert zh.count("vis-network") >= 1 and not EXTERNAL.search(zh)


def test_report_rejects_unknown_language(sample):
    ds, result = sample
    with pytest.raises(ValueError):
        render_report(ds, result, "fr")


def test_map_written_as_utf8_under_a_non_utf8_locale(tmp_path):
    # pyvis writes in the locale's encoding; our output must be UTF-8 under LANG=C too.
    out = tmp_path / "m.html"
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]); from map_sample import sample_dataset; "
        "from orggraph.audit import run_audit; from orggraph.maps import render_map; "
        "from orggraph.output import write_text; ds = sample_dataset(); "
        "write_text(sys.argv[1], render_map(ds, run_audit(ds), 'coverage'))"
    )
    env = {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-c", code, str(out), str(Path(__file__).parent)],
        check=True,
        env=env,
        cwd=tmp_path,
    )
    assert "金湖社区" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.html"]

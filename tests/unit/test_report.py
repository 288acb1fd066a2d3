"""The report: its work done once per report, and its rates worded as every other output's."""

from __future__ import annotations

from pathlib import Path

import pytest

import orggraph.areas
import orggraph.maps.graph
from orggraph.audit import run_audit
from orggraph.io import load
from orggraph.present import render
from orggraph.present.rates import headlines
from orggraph.report import headline, render_report

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def yuzhou():
    ds = load(ROOT / "datasets" / "yuzhou")
    return ds, run_audit(ds)


def test_graph_and_area_index_built_once_per_report(yuzhou, monkeypatch) -> None:
    # The report draws two maps; each used to build the graph and the AreaIndex for itself.
    ds, result = yuzhou
    calls = {"graph": 0, "areas": 0}
    build_graph = orggraph.maps.graph.build_graph
    area_index = orggraph.areas.AreaIndex.__init__

    def counted_graph(*args, **kwargs):
        calls["graph"] += 1
        return build_graph(*args, **kwargs)

    def counted_index(self, *args, **kwargs):
        calls["areas"] += 1
        area_index(self, *args, **kwargs)

    monkeypatch.setattr(orggraph.maps.graph, "build_graph", counted_graph)
    monkeypatch.setattr(orggraph.areas.AreaIndex, "__init__", counted_index)
    render_report(ds, result)
    assert calls == {"graph": 1, "areas": 1}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rates_are_worded_once(yuzhou, lang, monkeypatch) -> None:
    # The report's cards, the table and the Markdown carry the same labels and figures.
    monkeypatch.setenv("ORGGRAPH_LANG", lang)
    _, result = yuzhou
    figures = [h for h in headlines(result.rates, lang) if h.shown]
    assert len(figures) == 8  # 3 coverage levels (no villages), 2 two-new, paired, 2 counts
    cards = headline(result.rates, lang)
    assert [(c["label"], c["value"], c["detail"]) for c in cards] == [
        (h.label, h.value_text, h.detail) for h in figures
    ]
    table, markdown = str(render(result, "table", width=200)), str(render(result, "markdown"))
    for h in figures:
        assert f"{h.label}: {h.text}" in table and f"{h.label}: {h.text}" in markdown
    # Yuzhou: 26 of 27 communities covered.
    community = figures[0]
    assert (community.key, community.text) == ("coverage.community", "96.3% (26/27)")

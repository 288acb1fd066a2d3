"""datasets/yuzhou → datasets/yuzhou-2025: exactly the changes tools/build_yuzhou_2025.py made.

The two snapshots differ in encoding (UTF-8 with BOM vs GBK), headers (English vs Chinese) and
enum words (Chinese vs English codes) everywhere; only the changes listed in the tool's
docstring may show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orggraph.io import load
from orggraph.progress.diff import diff_datasets
from orggraph.progress.summary import summary

DATASETS = Path(__file__).resolve().parents[2] / "datasets"


@pytest.fixture(scope="module")
def doc():
    d = diff_datasets(load(DATASETS / "yuzhou"), load(DATASETS / "yuzhou-2025"))
    return d, d.to_dict()


def keys(items: list[dict]) -> set[tuple[str, str]]:
    return {(f["rule"], f["subject_id"]) for f in items}


def test_findings_resolved_new_and_changed(doc) -> None:
    _, j = doc
    # P0900 covers 金港社区, P0901 covers 金玉苑, P0902 is U0250's own branch.
    assert keys(j["findings"]["resolved"]) == {
        ("uncovered-community", "450902005003"),
        ("uncovered-compound", "450902005002X01"),
        ("unit-should-establish", "U0250"),
    }
    # P0364 dissolved → its grid is uncovered; 金湾社区 is new, unpaired and has no centre; the
    # two new community committees are in no alliance.
    assert keys(j["findings"]["new"]) == {
        ("uncovered-grid", "450902005003G08"),
        ("unpaired-community", "450902005099"),
        ("missing-service-site", "450902005099"),
        ("isolated-org", "P0900"),
        ("isolated-org", "P0903"),
    }
    # Of the persisting findings only 润和园's reads differently (its name is in the message).
    changed = {(f["rule"], f["subject_id"]): f["changes"] for f in j["findings"]["persisting"]}
    assert {k for k, c in changed.items() if c} == {("uncovered-compound", "450902001004X02")}
    assert set(changed[("uncovered-compound", "450902001004X02")]) == {
        "subject_name",
        "area_path",
        "message",
    }


def test_entities_added_removed_changed(doc) -> None:
    _, j = doc
    e = j["entities"]
    assert e["areas"]["added"] == ["450902005099"] and e["areas"]["removed"] == []
    assert e["areas"]["changed"] == [
        {"id": "450902001004X02", "fields": {"name": {"old": "润和园", "new": "润和园（一期）"}}}
    ]
    assert e["orgs"]["added"] == ["P0900", "P0901", "P0902", "P0903"]
    assert e["orgs"]["removed"] == ["P0364"]
    assert e["orgs"]["changed"] == [{"id": "P0004", "fields": {"members": {"old": 18, "new": 20}}}]
    assert e["pairings"]["removed"] == [
        {"source_id": "U0001", "area_id": "450902001002", "kind": "dual_report"}
    ]
    assert e["pairings"]["changed"] == [
        {
            "id": {"source_id": "U0001", "area_id": "450902001001", "kind": "dual_report"},
            "fields": {"members_reported": {"old": 33, "new": 35}},
        }
    ]
    untouched = ("units", "unit_coverage", "alliances", "alliance_members", "sites")
    assert all(e[t] == {**e[t], "added": [], "removed": [], "changed": []} for t in untouched)


def test_summary_for_the_work_report(doc) -> None:
    d, _ = doc
    zh = summary(d, "zh")
    # 金港社区 and 金玉苑 filled; 5 new, 3 resolved; the yuzhou audit has 28 findings, 3 gone.
    assert zh[0] == (
        "本期填补空白点2个（社区1个、小区1个），新出现问题5个，整改销号问题3个，仍有问题25个。"
    )
    # 27 communities all covered now (one was not); 28 with 金湾 of which 26 paired.
    assert "社区党组织覆盖率由96.3%提高到100%" in zh[1]
    assert "社区（村）结对率由96.3%下降到92.9%" in zh[1]
    assert zh[2] == (
        "台账变化：区域新增1个、减少0个、信息变更1个；党组织新增4个、减少1个、信息变更1个；"
        "结对共建新增0个、减少1个、信息变更1个。"
    )

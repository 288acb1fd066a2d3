"""diff of two hand-built snapshots with known changes: findings, rates, streets, summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dataset

from orggraph.audit import run_audit
from orggraph.progress.diff import diff_datasets
from orggraph.progress.parallel import audit_elsewhere
from orggraph.progress.summary import summary

# One street, one community with two compounds and a grid.  In OLD:
#   uncovered-compound X2            (no org responsible for 银湖小区)
#   org-size O3                      (62 members in a branch, more than 50)
#   unpaired-community C1            (no pairing at all)
#   isolated-org O2                  (the community committee is in no alliance)
#   missing-service-site C1          (no community centre)
OLD_AREAS = """\
id,name,level,parent_id,households
D,城区,district,,
S1,凤山街道,street,D,
C1,金湖社区,community,S1,1200
X1,金湖小区,compound,C1,
X2,银湖小区,compound,C1,
G1,第1网格,grid,C1,
"""
OLD_ORGS = """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,凤山街道党工委,working_committee,O0,S1,,
O2,金湖社区党委,committee,O1,C1,,30
O3,金湖小区党支部,branch,O2,X1,,62
O4,第1网格党支部,branch,O2,G1,,10
"""
# NEW: a branch now runs X2 (O5), the grid's branch O4 is gone, O3 grew to 70 members.
NEW_ORGS = """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,凤山街道党工委,working_committee,O0,S1,,
O2,金湖社区党委,committee,O1,C1,,30
O3,金湖小区党支部,branch,O2,X1,,70
O5,银湖小区党支部,branch,O2,X2,,8
"""


def keys(items: list) -> set[tuple[str, str]]:
    return {(f.rule, f.subject_id) for f in items}


@pytest.fixture
def pair(tmp_path: Path):
    old = dataset(tmp_path / "old", areas=OLD_AREAS, orgs=OLD_ORGS)
    new = dataset(tmp_path / "new", areas=OLD_AREAS, orgs=NEW_ORGS)
    return diff_datasets(old, new)


def test_each_kind_of_finding_change(pair) -> None:
    # X2 is covered now; G1 lost its branch; the other three findings stay.
    assert keys(pair.resolved) == {("uncovered-compound", "X2")}
    assert keys(pair.appeared) == {("uncovered-grid", "G1")}
    assert {(o.rule, o.subject_id) for o, _ in pair.persisting} == {
        ("org-size", "O3"),
        ("unpaired-community", "C1"),
        ("isolated-org", "O2"),
        ("missing-service-site", "C1"),
    }
    doc = pair.to_dict()
    changed = {(f["rule"], f["subject_id"]): f["changes"] for f in doc["findings"]["persisting"]}
    # Only O3's message names its member count, and only that count moved (62 → 70).
    assert set(changed[("org-size", "O3")]) == {"message"}
    assert "62" in changed[("org-size", "O3")]["message"]["old"]
    assert "70" in changed[("org-size", "O3")]["message"]["new"]
    assert all(not c for k, c in changed.items() if k != ("org-size", "O3"))


def test_entities_added_removed_changed(pair) -> None:
    orgs = pair.to_dict()["entities"]["orgs"]
    assert orgs["key"] == ["id"]
    assert orgs["added"] == ["O5"] and orgs["removed"] == ["O4"]
    assert orgs["changed"] == [{"id": "O3", "fields": {"members": {"old": 62, "new": 70}}}]
    # areas are the same text on both sides
    assert pair.entities["areas"].added == pair.entities["areas"].removed == []
    assert not pair.entities["areas"].changed


def test_rates_move_with_the_findings(pair) -> None:
    rates = pair.rates.set_index(["scope", "rate"])
    # compounds: 1 of 2 covered → 2 of 2; grids: 1 of 1 → 0 of 1.
    compound = rates.loc[("district", "coverage.compound")]
    assert (compound["old"], compound["new"], compound["change"]) == (50.0, 100.0, 50.0)
    grid = rates.loc[("district", "coverage.grid")]
    assert (grid["old"], grid["new"], grid["change"]) == (100.0, 0.0, -100.0)
    doc = pair.to_dict()["rates"]
    assert doc["old"]["coverage"]["compound"]["covered"] == 1
    assert doc["new"]["coverage"]["compound"]["covered"] == 2


def test_summary_counts_the_blanks_filled(pair) -> None:
    zh = summary(pair, "zh")
    # One compound filled; one new problem (the grid), one resolved, four still open.
    assert zh[0] == "本期填补空白点1个（小区1个），新出现问题1个，整改销号问题1个，仍有问题4个。"
    assert "小区党组织覆盖率由50%提高到100%" in zh[1]
    assert "网格党组织覆盖率由100%下降到0%" in zh[1]
    en = summary(pair, "en")
    assert en[0].startswith("This period 1 blanks were filled (1 compounds)")


def test_a_renamed_street_keeps_its_findings_and_rates(tmp_path: Path) -> None:
    old = dataset(tmp_path / "old", areas=OLD_AREAS, orgs=OLD_ORGS)
    renamed = OLD_AREAS.replace("S1,凤山街道", "S1,凤山新街道")
    d = diff_datasets(old, dataset(tmp_path / "new", areas=renamed, orgs=OLD_ORGS))
    # The street is matched by id: nothing resolved or new, one area changed (its name).
    assert d.resolved == [] and d.appeared == []
    assert d.to_dict()["entities"]["areas"]["changed"] == [
        {"id": "S1", "fields": {"name": {"old": "凤山街道", "new": "凤山新街道"}}}
    ]
    # Every persisting finding under S1 shows its new place.
    moved = [n for o, n in d.persisting if o.street == "凤山街道"]
    assert moved and all(n.street == "凤山新街道" for n in moved)
    streets = d.rates[d.rates["scope"] == "street"]
    assert set(streets["street_change"]) == {"renamed"}
    assert set(streets["street_old"]) == {"凤山街道"} and set(streets["street_new"]) == {
        "凤山新街道"
    }
    assert "凤山街道更名为凤山新街道。" in summary(d, "zh")


def test_an_added_street_appears_with_no_old_rates(tmp_path: Path) -> None:
    old = dataset(tmp_path / "old", areas=OLD_AREAS, orgs=OLD_ORGS)
    added = OLD_AREAS + "S2,城南街道,street,D,\nC2,城南社区,community,S2,\n"
    d = diff_datasets(old, dataset(tmp_path / "new", areas=added, orgs=OLD_ORGS))
    assert d.to_dict()["entities"]["areas"]["added"] == ["C2", "S2"]
    # C2 has no org, no pairing, no centre, so three new findings about it.
    assert keys(d.appeared) == {
        ("uncovered-community", "C2"),
        ("unpaired-community", "C2"),
        ("missing-service-site", "C2"),
    }
    s2 = d.rates[d.rates["street_id"] == "S2"]
    assert list(s2["street_change"]) == ["added"]
    assert list(s2["rate"]) == ["coverage.community"]
    assert s2["old"].isna().all() and list(s2["new"]) == [0.0]
    assert "新增街道（镇）城南街道" in summary(d, "zh")[2]


def test_the_same_data_differs_in_nothing(tmp_path: Path) -> None:
    a = dataset(tmp_path / "a", areas=OLD_AREAS, orgs=OLD_ORGS)
    b = dataset(tmp_path / "b", areas=OLD_AREAS, orgs=OLD_ORGS)
    d = diff_datasets(a, b)
    assert d.is_empty()
    assert d.counts() == {"resolved": 0, "new": 0, "persisting": 5}
    assert summary(d, "zh")[1] == "各项主要指标与上期持平。"


def test_auditing_in_a_second_process_gives_the_same_diff(tmp_path: Path) -> None:
    old = dataset(tmp_path / "old", areas=OLD_AREAS, orgs=OLD_ORGS)
    new = dataset(tmp_path / "new", areas=OLD_AREAS, orgs=NEW_ORGS)
    here = diff_datasets(old, new, parallel=False).to_dict()
    # parallel=True forks even for this small pair; the child's audit comes back pickled.
    assert diff_datasets(old, new, parallel=True).to_dict() == here
    # ... and it is the child's: a failed child would return None (the parent then audits).
    child = audit_elsewhere(old, None).result()
    assert child is not None and child.to_dict() == run_audit(old).to_dict()


def test_a_blank_removed_with_its_area_was_not_filled(tmp_path: Path) -> None:
    old = dataset(tmp_path / "old", areas=OLD_AREAS, orgs=OLD_ORGS)
    without_x2 = OLD_AREAS.replace("X2,银湖小区,compound,C1,\n", "")
    d = diff_datasets(old, dataset(tmp_path / "new", areas=without_x2, orgs=OLD_ORGS))
    # X2's finding is resolved (X2 is gone) but no blank was filled.
    assert keys(d.resolved) == {("uncovered-compound", "X2")}
    assert d.subjects_gone == {"X2"}
    assert summary(d, "zh")[0].startswith("本期填补空白点0个，")

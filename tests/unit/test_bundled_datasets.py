"""The bundled datasets load and audit to exactly the findings planted in them.

datasets/expected/<name>.json lists every (rule, subject_id) of DOMAIN.md's first rule set that
tools/datasets planted, cross-checked there against an independent reading of the rules;
datasets/README.md says what each one is (e.g. yuzhou: 金港社区 has no organisation yet →
uncovered-community; 区城市管理局 reports to 5 communities → overloaded-unit).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orggraph.audit import run_audit
from orggraph.io import load
from orggraph.rules import RULES

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
BUNDLED = {"yuzhou": "yuzhou", "chengdong": "chengdong", "xiqiao": "xiqiao.xlsx"}


def expected(name: str) -> set[tuple[str, str]]:
    rows = json.loads((DATASETS / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return {(r["rule"], r["subject_id"]) for r in rows}


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_audit_finds_exactly_the_planted_gaps(name: str) -> None:
    ds = load(DATASETS / BUNDLED[name])
    found = {(f.rule, f.subject_id) for f in run_audit(ds).findings}
    want = expected(name)
    assert not want - found, f"planted but not found: {sorted(want - found)}"
    assert not found - want, f"found but not planted: {sorted(found - want)}"


def test_every_rule_is_exercised_by_some_bundled_dataset() -> None:
    rules = {rule for name in BUNDLED for rule, _ in expected(name)}
    assert rules == set(RULES)


def test_xiqiao_rates_match_the_field_report() -> None:
    # 佛山市南海区西樵镇: 五类企业党组织单建率达26%, 党建覆盖率100%
    two_new = run_audit(load(DATASETS / "xiqiao.xlsx")).rates["two_new"]
    assert (two_new["total"], two_new["single_built"], two_new["covered"]) == (704, 183, 704)


def test_yuzhou_has_the_reported_shape() -> None:
    # 玉林市玉州区“3456”工程: 5 streets, 27 communities, 259 grids, 80 compound branches, 5000+
    # members reported
    ds = load(DATASETS / "yuzhou")
    levels = ds.areas["level"].value_counts()
    assert (levels["street"], levels["community"], levels["grid"]) == (5, 27, 259)
    compound_ids = set(ds.areas.loc[ds.areas["level"] == "compound", "id"])
    assert ds.orgs["area_id"].isin(compound_ids).sum() == 80
    dual = ds.pairings[ds.pairings["kind"] == "dual_report"]
    assert dual["members_reported"].sum() > 5000
    assert dual["source_id"].str.startswith("U").sum() and dual["source_id"].nunique() > 200


def test_the_recipes_rebuild_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    # `python -m tools.datasets OUT` (a module run from the repo root, no sys.path hacks)
    # writes exactly the files that ship, expectations included.
    subprocess.run(
        [sys.executable, "-m", "tools.datasets", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert built
    for rel in built:
        assert (tmp_path / rel).read_bytes() == (DATASETS / rel).read_bytes(), rel

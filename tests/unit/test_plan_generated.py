"""The plan on generated districts, with default and tighter thresholds.

Whatever the data, the promises hold: ``audit`` of the written and re-read applied dataset shows
exactly the unresolved findings; none of them is one the plan itself opened (every family keeps
what it creates clear of findings); every id an action names exists or is created; no pairing
source ends above ``max_pairings``; the pairing flow is optimal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orggraph.audit import run_audit
from orggraph.config import AuditConfig
from orggraph.generate import generate
from orggraph.io import load
from orggraph.plan import make_plan
from orggraph.write import write_dataset

TIGHT = {"thresholds": {"min_pairings": 2, "max_pairings": 2, "branch_max_members": 20}}


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("tight", [False, True])
def test_promises_hold_on_generated_data(tmp_path: Path, seed: int, tight: bool) -> None:
    generate(1500, seed, tmp_path / "in")
    ds = load(tmp_path / "in")
    cfg = AuditConfig().overlay(TIGHT) if tight else AuditConfig()
    result = make_plan(ds, cfg)
    plan = result.plan

    after = run_audit(load(write_dataset(result.applied, tmp_path / "out")), cfg)
    found = sorted((f.rule, f.subject_id) for f in after.findings)
    assert found == sorted((u.rule, u.subject_id) for u in plan.unresolved)
    before = {(f.rule, f.subject_id) for f in run_audit(ds, cfg).findings}
    assert set(found) <= before, "the plan opened a finding of its own"

    def ids(d):  # type: ignore[no-untyped-def]
        return {i for t in ("areas", "orgs", "units", "alliances", "sites") for i in d[t]["id"]}

    named = {i for a in plan.actions for i in (*a.entities, *a.created)}
    assert named <= ids(ds) | ids(result.applied)

    load_ = result.applied.pairings.drop_duplicates(["source_id", "area_id"])
    assert load_.groupby("source_id").size().max() <= cfg["max_pairings"]
    assert plan.figures["pairing"]["optimal"] is True

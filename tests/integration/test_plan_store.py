"""The plan and its applied dataset read the same from Neo4j as from files.

A bundled dataset and a generated one are loaded into the shared server under names starting
``plan-``, read back, and planned: the plan (every action, unresolved finding, figure and rate)
is the same as the plan of the files.  The applied dataset is then loaded too, read back and
audited: its findings are exactly the plan's unresolved ones, as with the files.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from orggraph import store
from orggraph.audit import run_audit
from orggraph.config import Neo4jSettings
from orggraph.dataset import Dataset
from orggraph.generate import generate
from orggraph.io import load
from orggraph.plan import make_plan

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def names(neo4j_settings: Neo4jSettings) -> Iterator[list[str]]:
    made: list[str] = []
    yield made
    for name in made:
        store.drop_dataset(name, neo4j_settings)


def _named(ds: Dataset, names: list[str]) -> Dataset:
    out = copy.deepcopy(ds)
    out.name = f"plan-{uuid.uuid4().hex[:10]}"
    names.append(out.name)
    return out


def _plan_dict(ds: Dataset) -> dict[str, Any]:
    doc = make_plan(ds).plan.to_dict()
    doc.pop("dataset")
    return doc


def _through_neo4j(ds: Dataset, settings: Neo4jSettings, names: list[str]) -> Dataset:
    named = _named(ds, names)
    store.load_dataset(named, settings)
    return store.read_dataset(named.name, settings)


@pytest.mark.parametrize("source", ["yuzhou", "chengdong", "generated"])
def test_plan_and_applied_dataset_match_files(
    source: str, neo4j_settings: Neo4jSettings, names: list[str], tmp_path: Path
) -> None:
    if source == "generated":
        generate(3000, 11, tmp_path / "gen")
        files = load(tmp_path / "gen")
    else:
        files = load(ROOT / "datasets" / source)
    back = _through_neo4j(files, neo4j_settings, names)
    assert _plan_dict(back) == _plan_dict(files)

    planned = make_plan(files)
    applied_back = _through_neo4j(planned.applied, neo4j_settings, names)
    unresolved = sorted((u.rule, u.subject_id) for u in planned.plan.unresolved)
    from_neo4j = sorted((f.rule, f.subject_id) for f in run_audit(applied_back).findings)
    from_files = sorted((f.rule, f.subject_id) for f in run_audit(planned.applied).findings)
    assert from_neo4j == from_files == unresolved

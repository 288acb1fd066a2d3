"""``orggraph diff`` with snapshots read back from the real Neo4j server (``neo4j:NAME``)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from orggraph.cli import main
from orggraph.config import Neo4jSettings

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
YUZHOU = ROOT / "datasets" / "yuzhou"
LATER = ROOT / "datasets" / "yuzhou-2025"


@pytest.fixture
def names(neo4j_settings: Neo4jSettings) -> Iterator[list[str]]:
    """Dataset names of this test (prefixed ``diff-``), dropped afterwards."""
    from orggraph.store import drop_dataset

    made: list[str] = []
    yield made
    for name in made:
        drop_dataset(name, neo4j_settings)


def connection(settings: Neo4jSettings) -> list[str]:
    return [
        "--uri",
        settings.uri,
        "--user",
        settings.user,
        "--password",
        settings.password,
        "--database",
        settings.database,
    ]


def loaded(path: Path, names: list[str], settings: Neo4jSettings) -> str:
    name = f"diff-{path.name}-{uuid.uuid4().hex[:8]}"
    names.append(name)
    res = CliRunner().invoke(main, ["load", str(path), "--name", name, *connection(settings)])
    assert res.exit_code == 0, res.output
    return f"neo4j:{name}"


def diff_json(old: str, new: str, settings: Neo4jSettings) -> dict:
    res = CliRunner().invoke(main, ["diff", old, new, "--format", "json", *connection(settings)])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_files_against_the_same_data_in_neo4j_is_empty(
    neo4j_settings: Neo4jSettings, names: list[str]
) -> None:
    doc = diff_json(str(YUZHOU), loaded(YUZHOU, names, neo4j_settings), neo4j_settings)
    assert doc["findings"]["resolved"] == [] and doc["findings"]["new"] == []
    assert all(f["changes"] == {} for f in doc["findings"]["persisting"])
    changed = {
        t: e for t, e in doc["entities"].items() if e["added"] or e["removed"] or e["changed"]
    }
    assert changed == {}
    assert doc["rates"]["old"] == doc["rates"]["new"]


def test_neo4j_snapshots_give_the_same_diff_as_the_files(
    neo4j_settings: Neo4jSettings, names: list[str], tmp_path: Path
) -> None:
    # The bundled pair (tests/unit/test_diff_bundled.py lists its changes): GBK, Chinese
    # headers and English codes on one side; Neo4j holds the validated values of both.
    from_files = diff_json(str(YUZHOU), str(LATER), neo4j_settings)
    old, new = loaded(YUZHOU, names, neo4j_settings), loaded(LATER, names, neo4j_settings)
    from_neo4j = diff_json(old, new, neo4j_settings)
    # Only the snapshot names differ (and the summary does not name them).
    for doc in (from_files, from_neo4j):
        doc.pop("old"), doc.pop("new")
    assert from_neo4j == from_files
    assert [(f["rule"], f["subject_id"]) for f in from_files["findings"]["resolved"]] == [
        ("uncovered-community", "450902005003"),
        ("unit-should-establish", "U0250"),
        ("uncovered-compound", "450902005002X01"),
    ]
    assert from_files["entities"]["orgs"]["removed"] == ["P0364"]
    # The report of the newer snapshot from Neo4j, compared with the older one in Neo4j.
    out = tmp_path / "report.html"
    args = ["report", "--from-neo4j", new.removeprefix("neo4j:"), "--compare", old, "-o", str(out)]
    res = CliRunner().invoke(main, [*args, *connection(neo4j_settings)])
    assert res.exit_code == 0, res.output
    assert "本期填补空白点2个（社区1个、小区1个）" in out.read_text(encoding="utf-8")

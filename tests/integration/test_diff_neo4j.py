"""``orggraph diff`` with snapshots read back from the real Neo4j server (``neo4j:NAME``)."""

from __future__ import annotations

import json
import shutil
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


def a_year_later(folder: Path) -> Path:
    """Yuzhou with known changes, written the way the bundled files are (UTF-8 with BOM)."""
    shutil.copytree(YUZHOU, folder)

    def edit(name: str, old: str, new: str) -> None:
        path = folder / f"{name}.csv"
        text = path.read_text(encoding="utf-8-sig")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8-sig")

    edit("areas", "450902001,玉城街道", "450902001,玉城新街道")  # a street renamed
    edit(
        "orgs",
        "P0004,玉城街道商圈联合党支部,联合党支部,P0003,,,18",
        "P0004,玉城街道商圈联合党支部,联合党支部,P0003,,,20",
    )
    edit("pairings", "U0001,450902001001,双报到,33,", "U0001,450902001001,双报到,35,")
    edit("pairings", "U0001,450902001002,双报到,23,2020-07-27\n", "")
    with (folder / "orgs.csv").open("a", encoding="utf-8") as f:  # covers the compound 金玉苑
        f.write("PNEW1,金玉苑小区党支部,党支部,P0003,450902005002X01,,5\n")
    return folder


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
    later = a_year_later(tmp_path / "yuzhou-2025")
    from_files = diff_json(str(YUZHOU), str(later), neo4j_settings)
    old, new = loaded(YUZHOU, names, neo4j_settings), loaded(later, names, neo4j_settings)
    from_neo4j = diff_json(old, new, neo4j_settings)
    # Only the snapshot names differ (and the summary does not name them).
    for doc in (from_files, from_neo4j):
        doc.pop("old"), doc.pop("new")
    assert from_neo4j == from_files
    # The known changes, as the files say them.
    assert [(f["rule"], f["subject_id"]) for f in from_files["findings"]["resolved"]] == [
        ("uncovered-compound", "450902005002X01")
    ]
    entities = from_files["entities"]
    assert entities["orgs"]["added"] == ["PNEW1"]
    assert entities["orgs"]["changed"] == [
        {"id": "P0004", "fields": {"members": {"old": 18, "new": 20}}}
    ]
    assert entities["areas"]["changed"] == [
        {"id": "450902001", "fields": {"name": {"old": "玉城街道", "new": "玉城新街道"}}}
    ]
    assert entities["pairings"]["removed"] == [
        {"source_id": "U0001", "area_id": "450902001002", "kind": "dual_report"}
    ]
    assert entities["pairings"]["changed"] == [
        {
            "id": {"source_id": "U0001", "area_id": "450902001001", "kind": "dual_report"},
            "fields": {"members_reported": {"old": 33, "new": 35}},
        }
    ]

"""`orggraph load` against the real Neo4j: what it prints, exit codes, and no password anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from orggraph import store
from orggraph.cli import main
from orggraph.config import Neo4jSettings

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
YUZHOU = str(ROOT / "datasets" / "yuzhou")
SECRET = "Sup3r-s3cret-pw-4711"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert not isinstance(result.exception, AssertionError | TypeError | KeyError), result.output
    return result.exit_code, result.output


def connection(settings: Neo4jSettings) -> list[str]:
    return ["--uri", settings.uri, "--user", settings.user, "--database", settings.database]


def test_load_prints_what_it_created_then_that_nothing_changed(
    neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    args = ["load", YUZHOU, "--name", dataset_name, *connection(neo4j_settings)]
    code, out = run(*args, "--password", neo4j_settings.password)
    assert code == 0, out
    assert f"loading '{dataset_name}' (1438 nodes, 2544 relationships)" in out
    assert "created 1438 nodes and 2544 relationships (Area 389, PartyOrg 628," in out
    code, out = run(*args, "--password", neo4j_settings.password, "--replace")
    assert code == 0, out
    assert "nothing changed: the database already held this version" in out
    assert neo4j_settings.password not in out


def test_an_invalid_dataset_writes_nothing(
    neo4j_settings: Neo4jSettings, dataset_name: str, tmp_path: Path
) -> None:
    (tmp_path / "areas.csv").write_text("id,name,level\nD,城区,district\nC,社区,nowhere\n")
    (tmp_path / "orgs.csv").write_text("id,name,type\nO,区委,committee\n")
    code, out = run("load", str(tmp_path), "--name", dataset_name, *connection(neo4j_settings))
    assert code == 3, out
    assert "'nowhere' is not a valid level" in out
    assert dataset_name not in store.list_datasets(neo4j_settings)


def test_wrong_password_exits_5_without_showing_it(
    neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    code, out = run(
        "load", YUZHOU, "--name", dataset_name, *connection(neo4j_settings), "--password", SECRET
    )
    assert code == 5, out
    assert f"refused user '{neo4j_settings.user}'" in out
    assert SECRET not in out
    assert "Traceback" not in out


def test_unreachable_server_exits_4(dataset_name: str) -> None:
    code, out = run(
        "load", YUZHOU, "--name", dataset_name, "--uri", "bolt://127.0.0.1:1", "--password", SECRET
    )
    assert code == 4, out
    assert "Error: cannot reach Neo4j at bolt://127.0.0.1:1: is it running?" in out
    assert "make neo4j-up" in out
    assert SECRET not in out


def test_a_password_in_the_uri_is_refused_and_not_echoed(dataset_name: str) -> None:
    code, out = run("load", YUZHOU, "--name", dataset_name, "--uri", f"bolt://u:{SECRET}@h:1")
    assert code == 4, out
    assert SECRET not in out


def test_unknown_database_exits_6(neo4j_settings: Neo4jSettings, dataset_name: str) -> None:
    args = [*connection(neo4j_settings)[:-1], "nosuchdb"]
    code, out = run("load", YUZHOU, "--name", dataset_name, *args)
    assert code == 6, out
    assert "database 'nosuchdb' does not exist" in out
    assert neo4j_settings.password not in out

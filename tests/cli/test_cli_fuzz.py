"""Any command line ends with a documented exit code and never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_dataset
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from orggraph.cli import main
from orggraph.errors import ExitCode

GOOD = {"areas": "id,name,level\nD,城区,district\n", "orgs": "id,name,type\nO0,区委,committee\n"}
BAD = {"areas": "id,name,level\nD,城区,nowhere\n", "orgs": "id,name,type\nO0,区委,committee\n"}

# Commands that only read files or write into the scratch folder: `load` and --from-neo4j
# would reach the shared Neo4j server.
COMMANDS = ["validate", "audit", "metrics", "rules", "generate", "map", "report", "no-such"]
# Option words in the pairs they are typed in, good and bad; plus a stray word and --help.
OPTIONS = [
    ["--format", "json"],
    ["--format", "csv"],
    ["--format", "xml"],
    ["--fail-on", "error"],
    ["--fail-on", "never"],
    ["--config", "c.toml"],  # a bad configuration
    ["--config", "missing.toml"],
    ["--config", "good"],  # a folder
    ["--view", "coverage"],
    ["--area", "D"],
    ["--area", "X"],
    ["--alliance", "A"],
    ["--max-nodes", "10"],
    ["--max-nodes", "5"],
    ["-o", "out.html"],
    ["-o", "no/such/folder/out.json"],
    ["-o", "good"],  # a folder
    ["--nodes", "10"],
    ["--nodes", "x"],
    ["--seed", "1"],
    ["generated"],
    ["--help"],
]
DATASETS = [[], ["good"], ["bad"], ["missing"], ["c.toml"]]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    write_dataset(root / "good", GOOD)
    write_dataset(root / "bad", BAD)
    (root / "c.toml").write_text("[thresholds]\nno_such = 1\n", encoding="utf-8")
    return root


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    lang=st.sampled_from([[], ["--lang", "zh"], ["--lang", "en"]]),
    command=st.sampled_from(COMMANDS),
    dataset=st.sampled_from(DATASETS),
    options=st.lists(st.sampled_from(OPTIONS), max_size=3),
)
def test_any_command_line_ends_with_a_documented_code(
    scratch: Path, lang: list[str], command: str, dataset: list[str], options: list[list[str]]
) -> None:
    words = [*dataset, *(word for option in options for word in option)]
    cwd = os.getcwd()
    os.chdir(scratch)  # generate and -o write here, nowhere else
    try:
        r = CliRunner().invoke(main, [*lang, command, *words], prog_name="orggraph")
    finally:
        os.chdir(cwd)
    event(f"exit {r.exit_code}")  # --hypothesis-show-statistics: which codes were reached
    assert r.exit_code in {int(code) for code in ExitCode}, r.output
    assert r.exit_code != ExitCode.INTERNAL, r.output
    assert "Traceback" not in r.output
    # 1 means "findings found": only an audit asked to fail on findings may say it.
    if r.exit_code == ExitCode.FINDINGS:
        assert command == "audit" and "--fail-on" in words, r.output

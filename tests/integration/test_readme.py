"""The README's examples are real: every ``$ orggraph …`` line of it runs and succeeds.

They run against the local Neo4j that ``make test`` starts (``load`` and ``--from-neo4j``) in
a scratch folder holding a copy of the bundled datasets, so outputs land nowhere in the repo.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from orggraph.cli import main

ROOT = Path(__file__).resolve().parents[2]
COMMAND = re.compile(r"^\$ orggraph (.+?)(?:\s+#.*)?$")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [m.group(1) for line in text.splitlines() if (m := COMMAND.match(line.strip()))]


def test_the_readme_has_examples() -> None:
    # Guards the parametrisation below: an empty list would make it pass vacuously.
    assert len(readme_commands()) >= 8


@pytest.mark.parametrize("command", readme_commands())
def test_readme_example_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if "…" in command:
        pytest.fail(f"README example is not runnable as written: {command}")
    shutil.copytree(ROOT / "datasets", tmp_path / "datasets")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)
    if "--from-neo4j" in args:  # the dataset must be in Neo4j first, as the README loads it
        loaded = CliRunner().invoke(main, ["load", "datasets/yuzhou"])
        assert loaded.exit_code == 0, loaded.output
    if "--fail-on" in args:
        # The bundled dataset has planted warnings: exit 1 is the documented answer.
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        return
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"orggraph {command}\n{result.output}"
    out = [a for i, a in enumerate(args) if i and args[i - 1] in ("-o", "--output")]
    for path in out:
        assert (tmp_path / path).stat().st_size > 0

"""Exit codes: each command's footer lists exactly its codes, and a crash is never "findings"."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import write_dataset

import orggraph.audit
import orggraph.config
from orggraph.cli import main
from orggraph.errors import ExitCode

ROOT = Path(__file__).resolve().parents[2]
GOOD = {"areas": "id,name,level\nD,城区,district\n", "orgs": "id,name,type\nO0,区委,committee\n"}

# Written out independently of the code, from what each command does.  Every command can end
# with 0, 2 (bad command line), 70 (a bug), 130 (Ctrl-C) and 141 (closed pipe); beyond those:
EVERY = {0, 2, 70, 130, 141}
SOURCE = {3, 4, 5, 6}  # a DATASET (3), or --from-neo4j (4, 5, 6)
EXPECTED = {
    "validate": EVERY | {3},  # reads files only
    "audit": EVERY | SOURCE | {1, 7, 8},  # --fail-on, -o, --config
    "metrics": EVERY | SOURCE | {7, 8},
    "map": EVERY | SOURCE | {7, 8},
    "report": EVERY | SOURCE | {7, 8},
    "rules": EVERY | {8},  # prints the rules with the thresholds of --config
    "generate": EVERY | {7},  # writes a folder
    "load": EVERY | {3, 4, 5, 6},  # reads a dataset, writes Neo4j
    "plan": EVERY | SOURCE | {7, 8},  # -o and --apply write, --config
    "diff": EVERY | SOURCE | {7, 8},  # two snapshots, files or neo4j:NAME
    "trend": EVERY | SOURCE | {7, 8},
    "template": EVERY | {3, 7},  # --from reads a dataset; writes a workbook
}
FOOTER_LINE = re.compile(r"^  (\d+) +(\S.*)$")


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="orggraph")


def footer(help_text: str) -> dict[int, str]:
    """The exit-code footer of a --help page: code -> first line of its meaning."""
    lines = help_text.splitlines()
    start = lines.index("Exit codes:")
    rows = [FOOTER_LINE.match(line) for line in lines[start + 1 :]]
    return {int(m[1]): m[2] for m in rows if m}


def test_the_table_covers_every_command() -> None:
    assert set(EXPECTED) == set(main.commands)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_footer_lists_exactly_the_commands_codes(name: str) -> None:
    listed = footer(run(name, "--help").stdout)
    assert set(listed) == EXPECTED[name]
    for code, first_line in listed.items():
        assert ExitCode(code).meaning.startswith(first_line)


def test_the_groups_footer_lists_every_code() -> None:
    assert set(footer(run("--help").stdout)) == {int(code) for code in ExitCode}


def test_readme_table_is_the_exit_code_list() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", section, re.MULTILINE)
    table = {int(code): meaning.replace("`", "") for code, meaning in rows}
    assert table == {int(code): code.meaning for code in ExitCode}


def test_codes_are_distinct_from_findings() -> None:
    # 1 means "findings found" and nothing else; a crash must not look like it.
    assert [code for code in ExitCode if code == 1] == [ExitCode.FINDINGS]
    assert ExitCode.INTERNAL not in range(0, 9)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "good", GOOD)


@pytest.fixture
def crashing_audit(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nin a made-up place")

    monkeypatch.setattr(orggraph.audit, "run_audit", crash)


@pytest.mark.usefixtures("crashing_audit")
def test_a_crash_exits_70_in_one_line(good: Path) -> None:
    r = run("audit", good)
    assert r.exit_code == ExitCode.INTERNAL
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1, r.stderr  # one line, the message's own newline folded
    assert r.stderr.startswith("Error: internal error (ZeroDivisionError: division by zero in")
    assert "bug" in r.stderr and "--debug" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.usefixtures("crashing_audit")
@pytest.mark.parametrize(
    ("args", "env"), [(["--debug"], {}), ([], {"ORGGRAPH_DEBUG": "1"})], ids=["flag", "env"]
)
def test_a_crash_shows_its_traceback_when_debugging(
    good: Path, args: list[str], env: dict[str, str]
) -> None:
    r = run(*args, "audit", good, env=env)
    assert r.exit_code == ExitCode.INTERNAL
    assert r.stderr.startswith("Traceback (most recent call last):")
    assert 'raise ZeroDivisionError("division by zero' in r.stderr  # the frame that raised
    assert r.stderr.splitlines()[-1].startswith("Error: internal error (ZeroDivisionError")


@pytest.mark.usefixtures("crashing_audit")
def test_a_crash_in_chinese(good: Path) -> None:
    r = run("--lang", "zh", "audit", good)
    assert r.exit_code == ExitCode.INTERNAL
    assert r.stderr.startswith("错误：内部错误（ZeroDivisionError: division by zero in")
    assert "缺陷" in r.stderr and "--debug" in r.stderr


def test_a_crash_while_click_parses_the_command_line(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --config is read by an option callback, inside click's own parsing of `audit`.
    def crash(_path: object) -> None:
        raise KeyError("thresholds")

    monkeypatch.setattr(orggraph.config.AuditConfig, "from_file", crash)
    r = run("audit", good)
    assert r.exit_code == ExitCode.INTERNAL
    assert r.stderr.startswith("Error: internal error (KeyError: 'thresholds')")


def test_ctrl_c_exits_130_quietly(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(orggraph.audit, "run_audit", interrupted)
    r = run("audit", good)
    assert r.exit_code == ExitCode.INTERRUPTED
    assert r.stderr.strip() == ""  # click ends the terminal's "^C" line; nothing else


@pytest.mark.parametrize("args", [["rules"], ["--help"], ["audit", "--help"]])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    # A real process whose stdout is a pipe nobody reads any more, as `orggraph rules | head`
    # is once head has what it wants.  The group's own --help prints while click parses.
    code = "from orggraph.cli import main; main(prog_name='orggraph')"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.BROKEN_PIPE, err
    assert err == b""


def test_a_user_error_is_not_a_crash(tmp_path: Path) -> None:
    # A folder where the configuration file should be: the user's to fix (8), not a bug (70).
    (tmp_path / "conf").mkdir()
    r = run("audit", write_dataset(tmp_path / "d", GOOD), "--config", tmp_path / "conf")
    assert r.exit_code == ExitCode.CONFIG
    assert r.stderr.startswith(f"Error: {tmp_path / 'conf'}: cannot read the configuration file")


def test_a_crash_without_a_message_still_names_its_kind(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError

    monkeypatch.setattr(orggraph.audit, "run_audit", crash)
    r = run("audit", good)
    assert r.exit_code == ExitCode.INTERNAL
    assert r.stderr.startswith("Error: internal error (RuntimeError); this is a bug")

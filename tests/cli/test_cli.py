"""The orggraph command through click's CliRunner: exit codes, messages and output shapes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from helpers import write_dataset

from orggraph.cli import main

# Findings of every severity:
#   error   uncovered-community C2 (no org responsible)
#   warning uncovered-compound K1, unpaired-community C1 and C2
#   info    org-size B51 (51 members), missing-service-site C1 and C2, isolated-org O1
FULL = {
    "areas": """\
id,name,level,parent_id
D,城区,district,
S1,凤山街道,street,D
C1,金湖社区,community,S1
C2,Abc银湖社区,community,S1
K1,金湖A小区,compound,C1
""",
    "orgs": """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,金湖社区党委,committee,O0,C1,,
B51,大支部,branch,O1,,,51
""",
}
# Only warnings and infos: every community covered.
WARN = {**FULL, "areas": FULL["areas"].replace("C2,Abc银湖社区,community,S1\n", "")}
# Only infos: also the compound covered and the community paired.
INFO = {
    "areas": WARN["areas"],
    "orgs": FULL["orgs"] + "O2,小区党支部,branch,O1,K1,,10\n",
    "pairings": "source_id,area_id,kind\nO0,C1,liaison\n",
}
# No finding at all: just a district and its committee.
NONE = {"areas": "id,name,level\nD,城区,district\n", "orgs": "id,name,type\nO0,区委,committee\n"}
BAD = {
    "areas": FULL["areas"] + "C3,坏社区,comunity,S1\n",
    "orgs": FULL["orgs"] + "O9,支部,branch,OX,C1,,多\n",
}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def full(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "full", FULL)


def test_audit_findings_and_exit_0(full: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "zh")
    r = run("audit", full)
    assert r.exit_code == 0, r.output
    assert "uncovered-community" in r.stdout and "C2" in r.stdout
    assert "错误 1" in r.stdout


@pytest.mark.parametrize(
    ("tables", "fail_on", "code"),
    [
        (FULL, "error", 1),
        (FULL, "warning", 1),
        (FULL, "info", 1),
        (FULL, "never", 0),
        (WARN, "error", 0),
        (WARN, "warning", 1),
        (WARN, "info", 1),
        (INFO, "error", 0),
        (INFO, "warning", 0),
        (INFO, "info", 1),
        (NONE, "info", 0),
    ],
)
def test_fail_on(tmp_path: Path, tables: dict[str, str], fail_on: str, code: int) -> None:
    r = run("audit", write_dataset(tmp_path / "d", tables), "--fail-on", fail_on)
    assert r.exit_code == code, r.output


def test_the_fixture_datasets_have_the_severities_claimed(tmp_path: Path) -> None:
    def severities(tables: dict[str, str], name: str) -> set[str]:
        out = run("audit", write_dataset(tmp_path / name, tables), "--format", "json").stdout
        return {f["severity"] for f in json.loads(out)["findings"]}

    assert severities(FULL, "f") == {"error", "warning", "info"}
    assert severities(WARN, "w") == {"warning", "info"}
    assert severities(INFO, "i") == {"info"}
    assert severities(NONE, "n") == set()


@pytest.mark.parametrize(
    "args",
    [
        ["audit"],  # neither a DATASET nor --from-neo4j
        ["audit", "{full}", "--format", "xml"],
        ["audit", "{full}", "--fail-on", "fatal"],
        ["audit", "{full}", "--no-such-flag"],
        ["validate"],
        ["no-such-command"],
        ["generate", "out"],  # --nodes is required
    ],
)
def test_usage_errors_exit_2(full: Path, args: list[str]) -> None:
    r = run(*(a.replace("{full}", str(full)) for a in args))
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output


def test_invalid_dataset_exit_3_lists_every_problem(tmp_path: Path) -> None:
    bad = write_dataset(tmp_path / "bad", BAD)
    out = tmp_path / "out.json"
    commands: list[list[str | Path]] = [
        ["audit", bad, "--format", "json", "-o", out],
        ["validate", bad],
        ["metrics", bad],
    ]
    for args in commands:
        r = run(*args)
        assert r.exit_code == 3, r.output
        assert r.stdout == ""
        err = r.stderr
        assert "Traceback" not in err
        assert "3 problems" in err
        assert "areas.csv row 7, column level" in err and "did you mean 'community'" in err
        assert "orgs.csv row 5, column parent_id" in err
        assert "orgs.csv row 5, column members" in err
        assert not out.exists()  # nothing written


def test_validate_ok(full: Path) -> None:
    r = run("validate", full)
    assert r.exit_code == 0
    assert r.stdout.startswith("OK:")
    assert "areas 5" in r.stdout and "orgs 3" in r.stdout


def test_unwritable_output_exit_7(full: Path, tmp_path: Path) -> None:
    for target in (tmp_path / "no" / "such" / "folder" / "a.json", tmp_path):
        r = run("audit", full, "--format", "json", "-o", target)
        assert r.exit_code == 7, r.output
        assert "Traceback" not in r.output
        assert r.stderr.startswith("Error:")
    assert [p.name for p in tmp_path.iterdir()] == ["full"]  # no half-written file left


def test_output_file_written(full: Path, tmp_path: Path) -> None:
    target = tmp_path / "审计.json"
    r = run("audit", full, "--format", "json", "-o", target)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["dataset"] == "full"


@pytest.mark.parametrize(
    "text",
    ["[thresholds]\nno_such = 1\n", "not = toml = at all\n", '[rules.org-size]\nseverity = "x"\n'],
)
def test_bad_config_exit_8(full: Path, tmp_path: Path, text: str) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text(text, encoding="utf-8")
    for cmd in ("audit", "metrics"):
        r = run(cmd, full, "--config", conf)
        assert r.exit_code == 8, r.output
        assert "Traceback" not in r.output and "c.toml" in r.stderr


def test_missing_config_exit_8(full: Path, tmp_path: Path) -> None:
    r = run("audit", full, "--config", tmp_path / "nope.toml")
    assert r.exit_code == 8


def test_bad_config_is_reported_before_the_dataset_is_read(tmp_path: Path) -> None:
    # The configuration is read while the command line is parsed, so a bad file fails fast
    # with its own code even when the dataset is broken too.
    conf = tmp_path / "c.toml"
    conf.write_text("[thresholds]\nno_such = 1\n", encoding="utf-8")
    bad = write_dataset(tmp_path / "bad", BAD)
    r = run("audit", bad, "--config", conf)
    assert r.exit_code == 8, r.output
    assert "no_such" in r.stderr


def test_config_changes_findings(full: Path, tmp_path: Path) -> None:
    # Raising the branch maximum to 60 clears B51; switching uncovered-community off and
    # making unpaired-community an error leaves errors only from the override.
    conf = tmp_path / "c.toml"
    conf.write_text(
        "[thresholds]\nbranch_max_members = 60\n[rules.uncovered-community]\nenabled = false\n"
        '[rules.unpaired-community]\nseverity = "error"\n',
        encoding="utf-8",
    )
    r = run("audit", full, "--config", conf, "--format", "json")
    found = {(f["rule"], f["subject_id"], f["severity"]) for f in json.loads(r.stdout)["findings"]}
    assert not any(rule in ("org-size", "uncovered-community") for rule, _, _ in found)
    assert ("unpaired-community", "C2", "error") in found


def test_json_shape(full: Path) -> None:
    r = run("audit", full, "--format", "json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)  # one JSON object, nothing else on stdout
    assert isinstance(doc, dict)
    assert {"findings", "rates", "metrics"} <= set(doc)
    assert doc["findings"]
    for f in doc["findings"]:
        assert {"rule", "severity", "subject_id", "subject_name", "area_path", "message"} <= set(f)
    c2 = next(f for f in doc["findings"] if f["rule"] == "uncovered-community")
    assert c2["subject_id"] == "C2"
    assert c2["subject_name"] == "Abc银湖社区"
    assert c2["area_path"] == "城区/凤山街道/Abc银湖社区"
    assert c2["severity"] == "error"
    assert doc["counts"] == {"error": 1, "warning": 3, "info": 4}
    # errors first, then warnings, then infos
    order = {"error": 0, "warning": 1, "info": 2}
    sev = [order[f["severity"]] for f in doc["findings"]]
    assert sev == sorted(sev)
    assert doc["rates"]["coverage"]["community"]["rate"] == 50.0


def test_csv_shape(full: Path) -> None:
    r = run("audit", full, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout_bytes.decode("utf-8-sig"))))
    assert len(rows) == 8
    assert {"rule", "severity", "subject_id", "subject_name", "area_path", "message"} <= set(
        rows[0]
    )
    assert rows[0]["rule"] == "uncovered-community" and rows[0]["subject_name"] == "Abc银湖社区"


def test_markdown_shape(full: Path) -> None:
    r = run("audit", full, "--format", "markdown")
    lines = r.stdout.splitlines()
    assert lines[0].startswith("# ")
    heads = [ln for ln in lines if ln.startswith("## ")]
    assert len(heads) == 3  # one section per severity present
    table = [ln for ln in lines if ln.startswith("|")]
    # per section: a header row, a separator row, then one row per finding
    assert len(table) == 3 * 2 + 8
    assert all(ln.endswith("|") for ln in table)
    assert any("Abc银湖社区" in ln for ln in table)


def test_metrics_command(full: Path) -> None:
    r = run("metrics", full)
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert {"rates", "metrics"} <= set(doc)
    assert doc["metrics"]["nodes"]["Area"] == 5


def test_rules_command_lists_twelve() -> None:
    r = run("rules")
    assert r.exit_code == 0
    ids = [ln.split()[0] for ln in r.stdout.splitlines() if ln and not ln.startswith(" ")]
    assert len(ids) == 12 and ids[0] == "uncovered-community"


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out += _commands(cmd, (*prefix, name))
        else:
            out.append((*prefix, name))
    return out


@pytest.mark.parametrize("path", _commands(main), ids=lambda p: " ".join(p) or "orggraph")
def test_help_everywhere(path: tuple[str, ...]) -> None:
    r = run(*path, "--help")
    assert r.exit_code == 0, r.output
    assert "Usage:" in r.stdout


def test_help_lists_exit_codes() -> None:
    text = run("--help").stdout
    for code in range(9):
        assert f"  {code}  " in text

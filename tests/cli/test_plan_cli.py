"""orggraph plan through click's CliRunner: formats, --apply, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from orggraph.cli import main

ROOT = Path(__file__).resolve().parents[2]
YUZHOU = str(ROOT / "datasets" / "yuzhou")


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("ORGGRAPH_LANG", "zh")
    return CliRunner()


def test_json_states_the_pairing_figures_and_the_model(runner: CliRunner) -> None:
    r = runner.invoke(main, ["plan", YUZHOU, "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    # Yuzhou: one unpaired community, same-street capacity exists -> cost 1, all need met.
    assert doc["pairing"]["cost"] == 1
    assert doc["pairing"]["optimal"] is True and doc["pairing"]["unmet"] == 0
    assert set(doc["model"]) >= {"pairing", "joint_branches", "alliance_single_points"}
    assert doc["counts"]["after"] == {"error": 0, "warning": 0, "info": 0}
    first = doc["actions"][0]
    assert set(first) >= {"kind", "resolves", "entities", "created", "sentence", "reason"}


def test_apply_then_audit_shows_only_the_unresolved(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "planned"
    r = runner.invoke(main, ["plan", YUZHOU, "--apply", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    unresolved = {(u["rule"], u["subject_id"]) for u in json.loads(r.stdout)["unresolved"]}
    a = runner.invoke(main, ["audit", str(out), "--format", "json"])
    assert a.exit_code == 0, a.output
    found = {(f["rule"], f["subject_id"]) for f in json.loads(a.stdout)["findings"]}
    assert found == unresolved


def test_workbook_in_workbook_out(runner: CliRunner, tmp_path: Path) -> None:
    # Xiqiao is a workbook: --apply OUT without a suffix writes OUT.xlsx (the input's form).
    out = tmp_path / "planned"
    r = runner.invoke(main, ["plan", str(ROOT / "datasets" / "xiqiao.xlsx"), "--apply", str(out)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "planned.xlsx").is_file()
    assert runner.invoke(main, ["validate", str(tmp_path / "planned.xlsx")]).exit_code == 0


def test_table_csv_and_markdown(runner: CliRunner) -> None:
    table = runner.invoke(main, ["plan", YUZHOU]).stdout
    assert table.startswith("orggraph plan — yuzhou：措施")
    assert "由中共玉林市玉州区城北街道工作委员会在金港社区新建金港社区党委（拟）" in table
    assert "实施前：" in table and "实施后：" in table
    # The CSV is the audit's kind: UTF-8 with a BOM, so Excel on Chinese Windows reads it.
    raw = runner.invoke(main, ["plan", YUZHOU, "--format", "csv"]).stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["section"] for r in rows} == {"action"}
    assert all(r["sentence"] for r in rows)
    md = runner.invoke(main, ["plan", YUZHOU, "--format", "markdown"]).stdout
    assert md.startswith("# 工作方案：yuzhou") and "## 新建社区（村）党组织 (1)" in md


def test_bad_plan_setting_is_a_config_error(runner: CliRunner, tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[plan]\nnew_pairing_kind = "hug"\n', encoding="utf-8")
    r = runner.invoke(main, ["plan", YUZHOU, "--config", str(cfg)])
    assert r.exit_code == 8
    assert "new_pairing_kind" in r.stderr
    cfg.write_text("[plan]\nsame_street_cost = 'one'\n", encoding="utf-8")
    assert runner.invoke(main, ["plan", YUZHOU, "--config", str(cfg)]).exit_code == 8


def test_apply_into_a_missing_folder_is_an_output_error(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(main, ["plan", YUZHOU, "--apply", str(tmp_path / "no" / "out")])
    assert r.exit_code == 7
    assert r.stderr.startswith("错误：无法将数据集写入")


def test_xlsx_sheets_hold_the_actions(runner: CliRunner, tmp_path: Path) -> None:
    # One workbook: actions, unresolved findings, rates before/after; ids and names as text.
    from openpyxl import load_workbook

    doc = json.loads(runner.invoke(main, ["plan", YUZHOU, "--format", "json"]).stdout)
    out = tmp_path / "plan.xlsx"
    assert runner.invoke(main, ["plan", YUZHOU, "--format", "xlsx", "-o", str(out)]).exit_code == 0
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["方案措施", "未解决问题", "实施前后指标"]
    actions = list(book["方案措施"].iter_rows(values_only=True))[1:]
    assert len(actions) == len(doc["actions"])
    assert runner.invoke(main, ["plan", YUZHOU, "--format", "xlsx"]).exit_code == 2

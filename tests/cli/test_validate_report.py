"""`orggraph validate` says what it read: per table the source, rows, columns, skips, ignores."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import write_dataset

from orggraph.cli import main

DATA = {
    # A title line above the header, a 序号 column, a 合计 row, an extra column 备注.
    "areas": (
        "城北街道区域情况\n"
        "序号,编号,名称,层级,上级编号,备注\n"
        "1,D,城区,区,,\n"
        "2,S,城北街道,街道,D,示范\n"
        "合计,,,,,\n"
    ),
    "orgs": "id,name,type\nP1,区委,committee\n",
    "说明": "x\n1\n",
}


def _run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args), env={"ORGGRAPH_LANG": "en"})
    return r.exit_code, r.stdout


def test_validate_prints_what_was_read(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path / "ds", DATA)
    code, out = _run("validate", str(folder))
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("OK:")
    # Header on row 2 (title above), records on rows 3-4, 合计 on row 5.
    assert "  areas: areas.csv, rows 3-4 (2 records)" in lines
    assert "    header row: 2" in lines
    assert "    columns: id ← 编号, name ← 名称, level ← 层级, parent_id ← 上级编号" in lines
    assert "    extra columns kept: 备注" in lines
    assert "    column not read: 序号 (row numbers)" in lines
    assert "    rows skipped: 1 (above the header (title or note))" in lines
    assert "    rows skipped: 5 (total row)" in lines
    assert "    absent (read as unknown): parent_id, area_id, unit_id, members" in lines
    assert "  ignored: 说明.csv (not the name of a table)" in lines


def test_validate_json_gives_the_same_as_data_and_every_problem(tmp_path: Path) -> None:
    # 250 dangling references: the text report caps each check at 200, the JSON lists all.
    rows = "".join(f"P{i},支部{i},branch,NOPE\n" for i in range(250))
    folder = write_dataset(tmp_path / "ds", {**DATA, "orgs": "id,name,type,area_id\n" + rows})
    code, out = _run("validate", str(folder), "--format", "json")
    doc = json.loads(out)
    assert code == 3 and doc["valid"] is False
    assert len(doc["problems"]) == 250
    assert {(p["file"], p["column"]) for p in doc["problems"]} == {("orgs.csv", "area_id")}
    areas = next(t for t in doc["tables"] if t["table"] == "areas")
    assert areas["columns"]["parent_id"] == "上级编号"
    assert areas["skipped_rows"] == [
        {"row": 1, "why": "above the header (title or note)"},
        {"row": 5, "why": "total row"},
    ]
    assert doc["ignored"] == [{"name": "说明.csv", "why": "not the name of a table"}]
    r = CliRunner().invoke(main, ["validate", str(folder)], env={"ORGGRAPH_LANG": "en"})
    assert r.exit_code == 3
    assert "… and 50 more rows like these" in r.stderr


def test_validate_json_of_a_file_refused_whole(tmp_path: Path) -> None:
    fake = tmp_path / "ds.xls"
    fake.write_bytes(b"<html><body><table></table></body></html>")  # a web page saved as .xls
    code, out = _run("validate", str(fake), "--format", "json")
    doc = json.loads(out)
    assert code == 3 and doc["valid"] is False and doc["tables"] == []
    assert [p["file"] for p in doc["problems"]] == ["ds.xls"]
    assert "HTML" in doc["problems"][0]["message"]

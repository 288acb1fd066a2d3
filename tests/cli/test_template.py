"""`orggraph template`: the blank workbook, filling it in, and the round trip of a dataset."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from orggraph.cli import main
from orggraph.schema import ENUMS, TABLES, ZH

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [
    ROOT / "datasets" / "yuzhou",
    ROOT / "datasets" / "chengdong",
    ROOT / "datasets" / "xiqiao.xlsx",
]


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env={"ORGGRAPH_LANG": "en"})


@pytest.mark.parametrize("dataset", BUNDLED, ids=lambda p: p.name)
def test_template_from_a_dataset_audits_the_same(dataset: Path, tmp_path: Path) -> None:
    # Named as the dataset, the workbook carries the same dataset name: the whole JSON audit,
    # name included, must be equal.
    out = tmp_path / f"{dataset.name.removesuffix('.xlsx')}.xlsx"
    r = run("template", "--from", dataset, out)
    assert r.exit_code == 0, r.output
    before = run("audit", dataset, "--format", "json")
    after = run("audit", out, "--format", "json")
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout) == json.loads(before.stdout)
    # and the tables themselves: same rows, ids as text cells, enum words in Chinese.
    book = openpyxl.load_workbook(out, read_only=True)
    from orggraph.io import load

    ds = load(dataset)
    for t in TABLES:
        rows = list(book[t.name].iter_rows(values_only=True))
        assert len(rows) - 1 == len(ds[t.name]), t.name
    areas = list(book["areas"].iter_rows(values_only=True))
    assert areas[0][:3] == ("编号", "名称", "层级")
    assert {r[2] for r in areas[1:]} <= set(ENUMS["area_level"]) | {
        ZH[c] for c in ENUMS["area_level"]
    }
    assert {r[2] for r in areas[1:]} & {ZH[c] for c in ENUMS["area_level"]}
    assert all(isinstance(r[0], str) for r in areas[1:])


def _column_format(ws, index: int) -> str:  # type: ignore[no-untyped-def]
    # Adjacent columns of the same width and style are stored as one <col min= max=> range.
    dims = [d for d in ws.column_dimensions.values() if d.min <= index <= d.max]
    assert len(dims) == 1
    return str(dims[0].number_format)


def test_blank_template_layout(tmp_path: Path) -> None:
    out = tmp_path / "blank.xlsx"
    assert run("template", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["说明", *(t.name for t in TABLES)]
    for t in TABLES:
        ws = book[t.name]
        assert ws.max_row == 1  # no example row
        assert ws.freeze_panes == "A2"
        heads = [c.value for c in ws[1]]
        assert heads == [c.aliases[0] for c in t.columns]  # the Chinese header of every column
        for cell, col in zip(ws[1], t.columns, strict=True):
            assert cell.comment is not None
            assert ("必填" if col.required else "选填") in cell.comment.text
            if col.kind in ("id", "ref"):
                # The whole column is text: a typed 12-digit code stays a code.
                assert _column_format(ws, cell.column) == "@"
        lists = {
            next(iter(dv.sqref.ranges)).min_col: dv.formula1
            for dv in ws.data_validations.dataValidation
        }
        for i, col in enumerate(t.columns, start=1):
            if col.enum:
                assert lists[i] == '"' + ",".join(ZH[c] for c in ENUMS[col.enum]) + '"'
        assert len(lists) == sum(1 for c in t.columns if c.enum)
    guide = [r[0] for r in book["说明"].iter_rows(values_only=True) if r[0]]
    assert any("不含示例行" in line for line in guide)


def test_fill_in_the_template_then_audit(tmp_path: Path) -> None:
    out = tmp_path / "blank.xlsx"
    run("template", out)
    book = openpyxl.load_workbook(out)
    # A district, a street and two communities, with Chinese words from the dropdowns and
    # 12-digit codes with leading zeros; one community has no org: one uncovered-community
    # error, on the community whose code keeps its leading zero.
    for row in (
        ("001", "城区", "区", None),
        ("001001", "凤山街道", "街道", "001"),
        ("001001000001", "金湖社区", "社区", "001001"),
        ("001001000002", "银湖社区", "社区", "001001"),
    ):
        book["areas"].append(row)
    for row in (
        ("O1", "区委", "党委", None, "001", None, None),
        ("O2", "金湖社区党委", "党委", "O1", "001001000001", None, 30),
    ):
        book["orgs"].append(row)
    book.save(out)
    r = run("audit", out, "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    errors = [(f["rule"], f["subject_id"]) for f in doc["findings"] if f["severity"] == "error"]
    assert errors == [("uncovered-community", "001001000002")]


def test_template_name_must_be_xlsx(tmp_path: Path) -> None:
    r = run("template", tmp_path / "t.csv")
    assert r.exit_code == 2 and "name it OUT.xlsx" in r.output
    assert not (tmp_path / "t.csv").exists()

"""``orggraph diff``, ``trend`` and ``report --compare`` through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_dataset

from orggraph.cli import main

AREAS = """\
id,name,level,parent_id
D,城区,district,
S1,凤山街道,street,D
C1,金湖社区,community,S1
K1,金湖小区,compound,C1
"""
ORGS = """\
id,name,type,parent_id,area_id,unit_id,members
O0,区委,committee,,D,,
O1,金湖社区党委,committee,O0,C1,,
"""
# A year later the compound has its branch: uncovered-compound K1 is resolved, and O2 added.
ORGS_LATER = ORGS + "O2,金湖小区党支部,branch,O1,K1,,5\n"


@pytest.fixture
def snapshots(tmp_path: Path) -> tuple[str, str]:
    old = write_dataset(tmp_path / "city-2024", {"areas": AREAS, "orgs": ORGS})
    new = write_dataset(tmp_path / "city-2025", {"areas": AREAS, "orgs": ORGS_LATER})
    return str(old), str(new)


def run(*args: str, lang: str = "zh"):
    return CliRunner().invoke(main, list(args), env={"ORGGRAPH_LANG": lang})


def test_diff_json_has_the_documented_shape(snapshots) -> None:
    res = run("diff", *snapshots, "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert set(doc["findings"]) == {"resolved", "new", "persisting"}
    assert set(doc["rates"]) >= {"old", "new"}
    assert [(f["rule"], f["subject_id"]) for f in doc["findings"]["resolved"]] == [
        ("uncovered-compound", "K1")
    ]
    assert doc["findings"]["new"] == []
    # Each finding carries the audit's JSON fields.
    audit = json.loads(run("audit", snapshots[0], "--format", "json").stdout)
    assert set(doc["findings"]["resolved"][0]) == set(audit["findings"][0])
    assert doc["entities"]["orgs"]["added"] == ["O2"]
    assert doc["summary"]["zh"][0].startswith("本期填补空白点1个（小区1个）")


def test_diff_csv_names_each_section(snapshots) -> None:
    res = run("diff", *snapshots, "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["section"] for r in rows} == {"findings", "rates", "entities"}
    resolved = [r for r in rows if r["section"] == "findings" and r["change"] == "resolved"]
    assert [r["subject_id"] for r in resolved] == ["K1"]


def test_diff_table_and_markdown_open_with_the_summary(snapshots) -> None:
    table = run("diff", *snapshots)
    assert table.exit_code == 0
    assert "本期填补空白点1个" in table.stdout.splitlines()[2]
    md = run("diff", *snapshots, "--format", "markdown")
    assert md.stdout.startswith("# orggraph 对比 — city-2024 → city-2025")


def test_a_bad_snapshot_is_a_located_error(snapshots, tmp_path: Path) -> None:
    res = run("diff", snapshots[0], str(tmp_path / "missing"))
    assert res.exit_code == 3 and "Traceback" not in res.output
    res = run("diff", snapshots[0], "neo4j:", lang="en")
    assert res.exit_code == 2 and "give the dataset name after 'neo4j:'" in res.output
    res = run("diff", snapshots[0], "neo4j:")
    assert res.exit_code == 2 and "请在“neo4j:”后写出数据集名称" in res.output


def test_trend_needs_two_snapshots(snapshots) -> None:
    res = run("trend", snapshots[0], lang="en")
    assert res.exit_code == 2 and "two or more snapshots" in res.output


def test_trend_table_and_html(snapshots, tmp_path: Path) -> None:
    res = run("trend", *snapshots, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    # compound coverage 0% → 100%; one warning (K1) gone.
    assert [r["snapshot"] for r in rows] == ["city-2024", "city-2025"]
    assert [r["coverage.compound"] for r in rows] == ["0.0", "100.0"]
    assert int(rows[0]["warning"]) - int(rows[1]["warning"]) == 1
    out = tmp_path / "trend.html"
    res = run("trend", *snapshots, "-o", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "default-src 'none'" in html and "<script" not in html
    assert html.count('class="og-chart"') == 2


def test_report_compare_adds_the_progress_section(snapshots, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    res = run("report", snapshots[1], "--compare", snapshots[0], "-o", str(out))
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert 'id="og-progress"' in html and 'class="og-bars"' in html
    assert "已整改的问题 (1)" in html and "新出现的问题 (0)" in html
    plain = tmp_path / "plain.html"
    run("report", snapshots[1], "-o", str(plain))
    assert 'id="og-progress"' not in plain.read_text(encoding="utf-8")


def test_diff_xlsx_reads_back_as_the_json(snapshots: tuple[str, str], tmp_path: Path) -> None:
    # One sheet per frame, Chinese sheet names; the finding changes match the JSON's groups.
    from openpyxl import load_workbook

    old, new = snapshots
    doc = json.loads(run("diff", old, new, "--format", "json").output)
    out = tmp_path / "diff.xlsx"
    assert run("diff", old, new, "--format", "xlsx", "-o", str(out)).exit_code == 0
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["问题变化", "指标变化", "记录变化"]
    rows = list(book["问题变化"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    # The frames keep the JSON's field names and change codes as their columns and values.
    assert header[:4] == ("change", "rule", "severity", "subject_id")
    resolved = {r[3] for r in body if r[0] == "resolved"}
    assert resolved == {f["subject_id"] for f in doc["findings"]["resolved"]} == {"K1"}


def test_diff_xlsx_needs_a_file(snapshots: tuple[str, str]) -> None:
    old, new = snapshots
    result = run("diff", old, new, "--format", "xlsx")
    assert result.exit_code == 2


def test_diff_csv_and_markdown_keep_hostile_names_inert(tmp_path: Path) -> None:
    # The compound renamed to a formula with HTML: the CSV cell is neutralised ('=…), the
    # Markdown escaped, as in the audit's own outputs.
    old = write_dataset(tmp_path / "a", {"areas": AREAS, "orgs": ORGS})
    hostile = AREAS.replace("K1,金湖小区", "K1,=HYPERLINK(1)<script>")
    new = write_dataset(tmp_path / "b", {"areas": hostile, "orgs": ORGS})
    rows = list(csv.reader(io.StringIO(run("diff", str(old), str(new), "--format", "csv").output)))
    # Only a cell that starts with the formula is dangerous; each of those is neutralised.
    cells = [c for r in rows for c in r if "HYPERLINK" in c]
    starting = [c for c in cells if c.lstrip("'").startswith("=")]
    assert starting and all(c.startswith("'=") for c in starting)
    md = run("diff", str(old), str(new), "--format", "markdown").output
    assert "HYPERLINK" in md and "<script>" not in md

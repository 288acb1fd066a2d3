"""`audit` and `metrics` outputs through the command line, on the bundled datasets.

The workbook check is the one a planner relies on: the 问题清单 and 主要指标 sheets of
`audit --format xlsx`, read back with openpyxl, say exactly what `audit --format json` says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result

from orggraph.catalogue.outputs import HEADERS, SEVERITY_WORDS, SHEETS
from orggraph.cli import main
from orggraph.present.safe import display_width
from orggraph.schema import NODE_LABEL, TABLE_BY_NAME, ZH

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [
    ROOT / "datasets" / "yuzhou",
    ROOT / "datasets" / "chengdong",
    ROOT / "datasets" / "xiqiao.xlsx",
]


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def _sheet_rows(path: Path, sheet: str, lang: str) -> list[dict[str, Any]]:
    """The rows of a sheet as dicts keyed by the JSON field names (headers translated back)."""
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    back = {zh: key for key, zh in HEADERS.items()} if lang == "zh" else {}
    keys = [back.get(h, h) for h in rows[0]]
    return [dict(zip(keys, r, strict=True)) for r in rows[1:]]


# Where each 主要指标 row's value, part and total sit in the JSON rates.
def _expected_headline(rates: dict[str, Any]) -> dict[str, tuple[Any, Any, Any]]:
    out = {
        f"coverage.{level}": (s["rate"], s["covered"], s["total"])
        for level, s in rates["coverage"].items()
    }
    tn, cp = rates["two_new"], rates["communities_paired"]
    out["two_new.single_build_rate"] = (tn["single_build_rate"], tn["single_built"], tn["total"])
    out["two_new.coverage_rate"] = (tn["coverage_rate"], tn["covered"], tn["total"])
    out["communities_paired"] = (cp["rate"], cp["paired"], cp["total"])
    out["compound_branches"] = (rates["compound_branches"], None, None)
    out["members_reported"] = (rates["members_reported"], None, None)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("dataset", BUNDLED, ids=lambda p: p.name)
def test_workbook_reads_back_as_the_json(dataset: Path, lang: str, tmp_path: Path) -> None:
    env = {"ORGGRAPH_LANG": lang}
    doc = json.loads(run("audit", dataset, "--format", "json", env=env).stdout)
    out = tmp_path / "audit.xlsx"
    r = run("audit", dataset, "--format", "xlsx", "-o", out, env=env)
    assert r.exit_code == 0, r.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:4] == ["问题清单", "主要指标", "分街道", "规则"]

    findings = _sheet_rows(out, SHEETS["findings"], lang)
    severity = {w: code for code, w in SEVERITY_WORDS.items()} if lang == "zh" else {}
    label = {TABLE_BY_NAME[t].label: lbl for t, lbl in NODE_LABEL.items()} if lang == "zh" else {}
    got = [
        {
            **{k: v for k, v in row.items() if k != "rule_title"},
            "severity": severity.get(row["severity"], row["severity"]),
            "subject_label": label.get(row["subject_label"], row["subject_label"]),
            # An empty cell reads back as None; the JSON has "" for no area path.
            "area_path": row["area_path"] or "",
        }
        for row in findings
    ]
    assert got == doc["findings"]
    # Ids are text cells: numeric-looking ids keep every digit.
    ws = book[SHEETS["findings"]]
    assert all(ws.cell(r, 4).data_type == "s" for r in range(2, ws.max_row + 1))

    headline = {
        row["key"]: (row["value"], row["part"], row["total"])
        for row in _sheet_rows(out, SHEETS["headline"], lang)
    }
    assert headline == _expected_headline(doc["rates"])

    level = (lambda code: ZH[code]) if lang == "zh" else (lambda code: code)
    expected = [
        (s["street_id"], s["street"], level(lvl), v["covered"], v["total"], v["rate"])
        for s in doc["rates"]["coverage_by_street"]
        for lvl, v in s.items()
        if isinstance(v, dict)
    ]
    got_streets = [
        (r["street_id"], r["street"], r["level"], r["covered"], r["total"], r["rate"])
        for r in _sheet_rows(out, SHEETS["by_street"], lang)
    ]
    assert got_streets == expected and expected

    for ws in book.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_rules_sheet_shows_the_configuration_in_force(tmp_path: Path) -> None:
    conf = tmp_path / "c.toml"
    conf.write_text(
        '[thresholds]\nmax_pairings = 7\n[rules.org-size]\nenabled = false\nseverity = "warning"\n',
        encoding="utf-8",
    )
    out = tmp_path / "m.xlsx"
    r = run(
        "metrics",
        BUNDLED[0],
        "--config",
        conf,
        "--format",
        "xlsx",
        "-o",
        out,
        env={"ORGGRAPH_LANG": "en"},
    )
    assert r.exit_code == 0, r.output
    rules = {row["rule"]: row for row in _sheet_rows(out, SHEETS["rules"], "en")}
    assert len(rules) == 12
    assert rules["overloaded-unit"]["thresholds"] == "max_pairings=7"
    assert rules["org-size"]["enabled"] == "disabled" and rules["org-size"]["severity"] == "warning"
    # metrics writes no findings list: it has no findings to show.
    assert SHEETS["findings"] not in openpyxl.load_workbook(out).sheetnames


def test_xlsx_to_stdout_or_another_suffix_is_refused(tmp_path: Path) -> None:
    for cmd in ("audit", "metrics"):
        for output in ((), ("-o", tmp_path / "a.csv")):
            r = run(cmd, BUNDLED[0], "--format", "xlsx", *output, env={"ORGGRAPH_LANG": "en"})
            assert r.exit_code == 2
            assert "--format xlsx writes a file: give it with -o FILE.xlsx" in r.output
    assert list(tmp_path.iterdir()) == []


def test_encoding_goes_with_csv_only() -> None:
    r = run(
        "audit", BUNDLED[0], "--format", "json", "--encoding", "gbk", env={"ORGGRAPH_LANG": "en"}
    )
    assert r.exit_code == 2 and "--encoding applies to --format csv only" in r.output


def test_csv_file_has_a_bom_and_gbk_on_request(tmp_path: Path) -> None:
    env = {"ORGGRAPH_LANG": "zh"}
    run("audit", BUNDLED[1], "--format", "csv", "-o", tmp_path / "a.csv", env=env)
    run(
        "audit",
        BUNDLED[1],
        "--format",
        "csv",
        "--encoding",
        "gbk",
        "-o",
        tmp_path / "b.csv",
        env=env,
    )
    utf8 = (tmp_path / "a.csv").read_bytes()
    gbk = (tmp_path / "b.csv").read_bytes()
    assert utf8.startswith(b"\xef\xbb\xbf")
    assert utf8.decode("utf-8-sig") == gbk.decode("gbk")


@pytest.mark.parametrize("dataset", BUNDLED, ids=lambda p: p.name)
def test_table_fits_columns_100(dataset: Path) -> None:
    r = run("audit", dataset, env={"COLUMNS": "100", "ORGGRAPH_LANG": "zh"})
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) > 10 and max(display_width(ln) for ln in lines) <= 100
    # Plain text when not on a terminal.
    assert "\x1b" not in r.stdout


def test_report_refuses_a_suffix_it_cannot_write(tmp_path: Path) -> None:
    for name in ("r.txt", "r.xlsx", "report"):
        r = run("report", BUNDLED[0], "-o", tmp_path / name, env={"ORGGRAPH_LANG": "en"})
        assert r.exit_code == 2 and "a report is .html or .pdf" in r.output
    assert list(tmp_path.iterdir()) == []


def test_map_refuses_a_suffix_other_than_html(tmp_path: Path) -> None:
    r = run("map", BUNDLED[0], "-o", tmp_path / "m.pdf", env={"ORGGRAPH_LANG": "en"})
    assert r.exit_code == 2 and "a map is an .html page" in r.output
    assert list(tmp_path.iterdir()) == []


def test_report_pdf_without_chromium_says_how_to_install(tmp_path: Path) -> None:
    env = {"ORGGRAPH_LANG": "en", "ORGGRAPH_CHROMIUM": "no-such-chromium-here"}
    r = run("report", BUNDLED[0], "-o", tmp_path / "r.pdf", env=env)
    assert r.exit_code == 7
    assert "needs Chromium" in r.output and "apt-get install chromium" in r.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["validate", "audit"])
def test_problems_echo_no_control_characters(tmp_path: Path, command: str) -> None:
    # A bad value holding an escape sequence (clear screen, an OSC 8 link) is listed in the
    # error with its control characters made visible (␛, ␇), never sent to the terminal raw.
    data = tmp_path / "d"
    data.mkdir()
    (data / "areas.csv").write_bytes(
        b"id,name,level,parent_id\nD,\x1b[2J\xe5\x8c\xba,district,\n"
        b"S,s,street,X\x1b]8;;http://e\x07\n"
    )
    (data / "orgs.csv").write_text("id,name,type\nO,o,committee\n", encoding="utf-8")
    r = CliRunner().invoke(main, [command, str(data)], env={"ORGGRAPH_LANG": "en"})
    assert r.exit_code == 3
    assert "parent_id" in r.stderr and "␛" in r.stderr and "␇" in r.stderr
    assert not any(ch in r.stderr for ch in "\x1b\x07")

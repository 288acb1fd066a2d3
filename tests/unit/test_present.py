"""Outputs a planner uses: the terminal table, CSV, Markdown, workbooks, and the atomic writer.

The hostile dataset below has one community per attack; none of them has a Party organisation,
so each one is the subject of an ``uncovered-community`` finding and its name reaches every
output (subject name, area path and message).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from helpers import write_dataset

from orggraph.audit import run_audit
from orggraph.errors import OutputError
from orggraph.findings import AuditResult
from orggraph.io import load
from orggraph.output import write_bytes, write_text
from orggraph.present import render
from orggraph.present.safe import display_width, safe_text
from orggraph.present.workbook import Sheet, workbook_bytes

ESCAPES = "金湖\x1b[2J社区\n二号\x1b]8;;http://evil.example/\x1b\\点我\x1b]8;;\x1b\\\x07"
FORMULAS = {
    "C2": '=HYPERLINK("http://evil.example/","x")',
    "C3": "+1",
    "C4": "-2",
    "C5": "@SUM(A1)",
}
HTML = '<script>alert(1)</script><img src=x onerror="alert(2)">'
MARKUP = "[bold]粗[/bold] | 管道 [链接](javascript:alert(3))"
C1 = "金湖\x9b2J\u202e区社"  # an 8-bit CSI, then a right-to-left override


def _hostile(folder: Path) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name", "level", "parent_id"])
    w.writerow(["D", "城区", "district", ""])
    w.writerow(["S1", "凤山街道", "street", "D"])
    w.writerow(["C1", ESCAPES, "community", "S1"])
    for cid, name in FORMULAS.items():
        w.writerow([cid, name, "community", "S1"])
    w.writerow(["C6", HTML, "community", "S1"])
    w.writerow(["C7", MARKUP, "community", "S1"])
    w.writerow(["C9", C1, "community", "S1"])
    # A long name without spaces: the table must fold it, not run past the width.
    w.writerow(["C8", "很长的社区名称" * 12, "community", "S1"])
    return write_dataset(
        folder, {"areas": buf.getvalue(), "orgs": "id,name,type\nO0,区委,committee\n"}
    )


@pytest.fixture
def hostile(tmp_path: Path) -> AuditResult:
    return run_audit(load(_hostile(tmp_path / "hostile")))


@pytest.fixture(params=["zh", "en"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ORGGRAPH_LANG", request.param)
    return str(request.param)


def _control_characters(text: str) -> set[str]:
    # Line breaks between lines are the table's own; anything else below 0x20, DEL or C1 is not.
    return {ch for ch in text if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F}


def test_hostile_dataset_reads_as_written(hostile: AuditResult) -> None:
    # The attacks must reach the outputs intact, or the tests below prove nothing.
    names = {f.subject_id: f.subject_name for f in hostile.findings}
    assert names["C1"] == ESCAPES and names["C6"] == HTML
    assert all(names[cid] == name for cid, name in FORMULAS.items())


@pytest.mark.parametrize("width", [100, 60])
def test_table_fits_the_width(hostile: AuditResult, width: int, language: str) -> None:
    text = render(hostile, "table", width=width)
    assert isinstance(text, str)
    widths = [display_width(line) for line in text.splitlines()]
    assert max(widths) <= width
    # The long name is folded, not cut: as many of its characters as on an unlimited line.
    wide = str(render(hostile, "table", width=5000))
    assert text.count("很") == wide.count("很") >= 12


def test_table_shows_control_characters_and_obeys_none(hostile: AuditResult) -> None:
    for color in (False, True):
        text = render(hostile, "table", width=200, color=color)
        assert isinstance(text, str)
        if color:
            # Our own colours are SGR sequences "ESC [ … m"; with them removed no ESC is left,
            # so the name's clear-screen and OSC 8 link cannot reach the terminal.
            import re

            text = re.sub(r"\x1b\[[0-9;]*m", "", text)
        assert _control_characters(text) == set()
        assert "金湖␛[2J社区␊二号␛]8;;http://evil.example/␛\\点我" in text.replace("\n", "")
        # rich markup in a name is shown as written, not interpreted.
        assert "[bold]粗[/bold]" in text


def test_table_colours_only_when_asked(hostile: AuditResult) -> None:
    assert "\x1b[" not in str(render(hostile, "table"))
    assert "\x1b[1;31m" in str(render(hostile, "table", color=True))  # bold red: errors


def test_table_names_rules_by_title_in_the_language(hostile: AuditResult, language: str) -> None:
    text = str(render(hostile, "table", width=200))
    title = "社区/村未覆盖" if language == "zh" else "Community or village without a Party"
    assert title in text and "uncovered-community" in text


def test_markdown_escapes_html_and_markup(tmp_path: Path) -> None:
    # The dataset's name (its folder) carries HTML too.
    folder = _hostile(tmp_path / '<img src=x onerror="alert(4)">')
    text = str(render(run_audit(load(folder)), "markdown"))
    assert "<" not in text and ">" not in text.replace("\n> ", "\n")  # "> " opens the notes
    assert "&lt;script&gt;" in text and "&lt;img src=x onerror=&quot;alert(4)&quot;&gt;" in text
    assert _control_characters(text) == set()
    # A pipe in a name cannot add a table column; a link in a name is not a link.
    rows = [ln for ln in text.splitlines() if ln.startswith("| ") and " C7 " in ln]
    assert len(rows) == 3  # uncovered, unpaired, no service site
    assert all(row.replace("\\|", "").count("|") == 6 for row in rows)
    assert all("\\[链接\\](javascript:alert(3))" in row for row in rows)


def _csv_rows(data: bytes, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding))))


def test_csv_has_a_bom_and_neutralises_formulas(hostile: AuditResult, language: str) -> None:
    data = render(hostile, "csv", encoding="utf-8-sig")
    assert isinstance(data, bytes) and data.startswith(b"\xef\xbb\xbf")
    # Without an encoding, the same CSV as text (what a Python caller writes itself).
    assert render(hostile, "csv") == data.decode("utf-8-sig")
    rows = _csv_rows(data)
    head = rows[0]
    assert head[3] == ("对象编号" if language == "zh" else "subject_id")
    name_at = 4
    by_id = {r[3]: r for r in rows[1:]}
    for cid, name in FORMULAS.items():
        # OWASP: a leading ' makes the spreadsheet show the text instead of running it.
        assert by_id[cid][name_at] == "'" + name
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    # Every cell is quoted, and the severity word follows the language.
    assert (
        data.decode("utf-8-sig")
        .splitlines()[1]
        .startswith('"错误"' if language == "zh" else '"error"')
    )


def test_csv_in_gbk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "zh")
    folder = write_dataset(
        tmp_path / "gbk",
        {
            "areas": "id,name,level\nD,城区,district\nC,金湖社区,community\n",
            "orgs": "id,name,type\nO0,区委,committee\n",
        },
    )
    data = render(run_audit(load(folder)), "csv", encoding="gbk")
    assert isinstance(data, bytes) and not data.startswith(b"\xef\xbb\xbf")
    rows = _csv_rows(data, "gbk")
    assert rows[0][0] == "严重程度" and any(r[4] == "金湖社区" for r in rows[1:])


def test_csv_refuses_a_character_gbk_lacks(hostile: AuditResult) -> None:
    # ␛ (U+241B, how the table shows ESC) is not in GBK; the raw ESC in C1's name is, so use a
    # name with an emoji instead: GBK has no emoji.
    from dataclasses import replace

    f = replace(hostile.findings[0], subject_name="社区😀")
    with pytest.raises(OutputError, match="gb18030"):
        render(replace(hostile, findings=[f]), "csv", encoding="gbk")


def test_workbook_cells_keep_their_type() -> None:
    frame = pd.DataFrame(
        {
            "编号": ["007", "450902001001", "=1+1"],
            "名称": ['=HYPERLINK("http://x","y")', "-金湖", "@x"],
            "数": [3, -5, 2.5],
            "严重程度": ["错误", "warning", "提示"],
        }
    )
    data = workbook_bytes([Sheet("表", frame, ["编号", "名称"], severity_column="严重程度")])
    ws = openpyxl.load_workbook(io.BytesIO(data))["表"]
    ids = [ws.cell(r, 1) for r in (2, 3, 4)]
    names = [ws.cell(r, 2) for r in (2, 3, 4)]
    # Ids are text (leading zeros kept, no 4.50902E+11) and formula-looking text stays text,
    # read back exactly as written, flagged with Excel's quote prefix.
    assert [c.value for c in ids] == ["007", "450902001001", "=1+1"]
    assert [c.value for c in names] == ['=HYPERLINK("http://x","y")', "-金湖", "@x"]
    assert all(c.data_type == "s" for c in ids + names)
    assert all(c.quotePrefix for c in names) and not ids[0].quotePrefix
    assert ids[0].number_format == "@"
    # Numbers stay numbers, negative ones too.
    assert [ws.cell(r, 3).value for r in (2, 3, 4)] == [3, -5, 2.5]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D4"
    # Severity cells are coloured (error red, warning orange, info blue).
    fills = [ws.cell(r, 4).fill.fgColor.rgb for r in (2, 3, 4)]
    assert fills == ["FFD62728", "FFE67E00", "FF1F77B4"]
    # The name column is fitted to its widest cell: 26 display columns, 2 of padding (Excel
    # stores a little more for its cell margins); the CJK header 严重程度 counts 8, not 4.
    assert 28 <= ws.column_dimensions["B"].width < 29
    assert 10 <= ws.column_dimensions["D"].width < 11


def test_workbook_refuses_a_bad_sheet_name() -> None:
    with pytest.raises(ValueError, match="sheet name"):
        workbook_bytes([Sheet("a/b", pd.DataFrame())])
    with pytest.raises(ValueError, match="twice"):
        workbook_bytes([Sheet("a", pd.DataFrame()), Sheet("a", pd.DataFrame())])


def test_safe_text_makes_every_control_visible() -> None:
    every = "".join(chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]) + "\u202e\u2028"
    shown = safe_text(every)
    assert _control_characters(shown) == set() and "\u202e" not in shown
    assert shown.startswith("␀␁") and "␛" in shown and "\\x9b" in shown and "\\u202e" in shown


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    # The target is a folder, so the final rename fails after the temporary file was written.
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(OutputError):
        write_bytes(tmp_path / "out.csv", b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    with pytest.raises(OutputError, match="does not exist"):
        write_text(tmp_path / "missing" / "x.json", "{}")


def test_write_replaces_atomically_and_is_readable(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_text(target, "old")
    write_text(target, "新")
    assert target.read_text(encoding="utf-8") == "新"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from orggraph.present.progress import progress_bar

    monkeypatch.setenv("ORGGRAPH_LANG", "en")
    screen = _Terminal()
    with progress_bar(10, file=screen) as update:
        for done in (3, 7, 10):
            update(done, 10)
        update(12, 12)  # the total may grow as the work is counted; the bar follows
    shown = screen.getvalue()
    assert "Loading into Neo4j" in shown and "12/12" in shown and "100%" in shown
    # Piped or logged: nothing drawn.
    piped = io.StringIO()
    with progress_bar(10, file=piped) as update:
        update(12, 20)
    assert piped.getvalue() == ""


def test_table_lists_a_bounded_number_per_severity(hostile: AuditResult) -> None:
    # The hostile dataset has 9 uncovered communities (errors).  With room for 3, the table
    # lists 3 of them and says 6 more are in the other formats.
    from orggraph.present.table import render_table

    errors = [f for f in hostile.findings if f.severity == "error"]
    assert len(errors) == 9
    text = render_table(hostile, width=300, limit=3)
    listed = [f.subject_id for f in errors if f" {f.subject_id} " in text]
    assert listed == [f.subject_id for f in errors[:3]]
    assert "… and 6 more error findings" in text or "……另有 6 条错误未列出" in text


def test_json_escapes_what_a_terminal_could_obey(hostile: AuditResult) -> None:
    import json

    text = str(render(hostile, "json"))
    assert _control_characters(text.replace("\n", "")) == set() and "\u202e" not in text
    # The same value: JSON readers get the name exactly as written.
    names = {f["subject_id"]: f["subject_name"] for f in json.loads(text)["findings"]}
    assert names["C9"] == C1 and names["C1"] == ESCAPES


def test_frame_table_fits_and_shows_controls() -> None:
    from orggraph.present.table import frame_table

    frame = pd.DataFrame({"名称": [ESCAPES, "很长的社区名称" * 10], "数": [3, None]})
    text = frame_table(frame, title="行动", width=50)
    assert max(display_width(line) for line in text.splitlines()) <= 50
    assert _control_characters(text) == set() and "␛[2J" in text
    # The count column has a gap, so pandas holds it as floats; the 3 still reads as 3.
    assert "3.0" not in text and " 3" in text

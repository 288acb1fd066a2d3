"""Our workbooks opened by a real spreadsheet: LibreOffice Calc, headless.

Each sheet is exported by LibreOffice to CSV (its own reading of the file, formulas evaluated
as it would show them) and compared with what we wrote.  A name beginning with ``=`` that
LibreOffice ran as a formula would export as the formula's result, not as the name.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from orggraph.cli import main

pytestmark = pytest.mark.office

ROOT = Path(__file__).resolve().parents[2]
# Comma-separated, double quotes, UTF-8 (76), from row 1, every sheet (-1) into its own file.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _office_sheets(workbook: Path, tmp_path: Path) -> dict[str, list[list[str]]]:
    soffice = shutil.which("soffice")
    assert soffice, "run `make browser` (tools/install-chromium.sh installs LibreOffice) first"
    out = tmp_path / "office"
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    prefix = workbook.stem + "-"
    return {
        p.stem.removeprefix(prefix): list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"))))
        for p in out.glob("*.csv")
    }


def _ours(workbook: Path, sheet: str) -> list[list[str]]:
    """The sheet as we wrote it, each cell as LibreOffice prints it by default."""
    ws = openpyxl.load_workbook(workbook, read_only=True)[sheet]

    def text(v: object) -> str:
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    return [[text(v) for v in row] for row in ws.iter_rows(values_only=True)]


def test_libreoffice_reads_the_audit_workbook_as_written(tmp_path: Path) -> None:
    # Names that a spreadsheet would run, and a 12-digit id that it would turn into 4.5E+11.
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "areas.csv").write_text(
        "id,name,level,parent_id\n"
        "D,城区,district,\n"
        "S1,凤山街道,street,D\n"
        '450902005003,"=HYPERLINK(""http://evil.example/"",""点我"")",community,S1\n'
        "C2,+1+1,community,S1\n"
        "C3,-1+1,community,S1\n"
        "C4,@SUM(1+1),community,S1\n",
        encoding="utf-8",
    )
    (folder / "orgs.csv").write_text("id,name,type\nO0,区委,committee\n", encoding="utf-8")
    book = tmp_path / "audit.xlsx"
    r = CliRunner().invoke(
        main,
        ["audit", str(folder), "--format", "xlsx", "-o", str(book)],
        env={"ORGGRAPH_LANG": "zh"},
    )
    assert r.exit_code == 0, r.output
    office = _office_sheets(book, tmp_path)
    assert set(office) == {"问题清单", "主要指标", "分街道", "规则", "网络指标"}
    for sheet, rows in office.items():
        assert rows == _ours(book, sheet), sheet
    names = {row[4] for row in office["问题清单"][1:]}
    assert {'=HYPERLINK("http://evil.example/","点我")', "+1+1", "-1+1", "@SUM(1+1)"} <= names
    assert "450902005003" in {row[3] for row in office["问题清单"][1:]}


def test_libreoffice_reads_the_template_of_a_dataset(tmp_path: Path) -> None:
    book = tmp_path / "yuzhou.xlsx"
    r = CliRunner().invoke(
        main, ["template", "--from", str(ROOT / "datasets" / "yuzhou"), str(book)]
    )
    assert r.exit_code == 0, r.output
    office = _office_sheets(book, tmp_path)
    assert "areas" in office and "说明" in office
    for sheet in ("areas", "orgs", "pairings"):
        assert office[sheet] == _ours(book, sheet), sheet

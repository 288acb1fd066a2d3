"""Every form DATASET.md allows gives the same Dataset and the same findings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from forms import TABLES, write_csv, write_xlsx

from orggraph.audit import run_audit
from orggraph.dataset import Dataset
from orggraph.io import load


def normalised(ds: Dataset) -> dict[str, list[dict[str, Any]]]:
    """Every table as plain records, missing values as None, numbers as float."""
    out = {}
    for name, frame in ds.items():
        recs = []
        for rec in frame.astype(object).to_dict("records"):
            recs.append({k: (None if pd.isna(v) else v) for k, v in rec.items()})
        out[name] = recs
    return out


def findings(ds: Dataset) -> list[tuple[str, ...]]:
    return [
        (f.rule, f.severity, f.subject_id, f.subject_name, f.area_path, f.message)
        for f in run_audit(ds).findings
    ]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return load(write_csv(tmp_path_factory.mktemp("plain"), "utf-8", zh=False))


FORMS = {
    "utf-8 english": lambda p: write_csv(p / "ds", "utf-8", zh=False),
    "utf-8 chinese": lambda p: write_csv(p / "ds", "utf-8", zh=True),
    "utf-8-sig chinese": lambda p: write_csv(p / "ds", "utf-8-sig", zh=True),
    "utf-8-sig english": lambda p: write_csv(p / "ds", "utf-8-sig", zh=False),
    "gbk chinese": lambda p: write_csv(p / "ds", "gbk", zh=True),
    "gb18030 chinese": lambda p: write_csv(p / "ds", "gb18030", zh=True),
    "xlsx english": lambda p: write_xlsx(p / "ds.xlsx", zh=False),
    "xlsx chinese headers": lambda p: write_xlsx(p / "ds.xlsx", zh=True),
    "xlsx chinese sheets": lambda p: write_xlsx(
        p / "ds.xlsx",
        zh=True,
        sheet_names={"areas": "区域", "orgs": "党组织", "units": "单位", "alliances": "党建联盟"},
    ),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_every_form_gives_the_same_dataset_and_findings(
    form: str, tmp_path: Path, baseline: Dataset
) -> None:
    ds = load(FORMS[form](tmp_path))
    assert normalised(ds) == normalised(baseline)
    assert findings(ds) == findings(baseline)


def test_baseline_values(baseline: Dataset) -> None:
    areas = baseline.areas.set_index("id")
    # ids are strings and keep their leading zeros
    assert list(baseline.areas["id"][:3]) == ["001", "010", "011"]
    assert areas.at["0101", "parent_id"] == "010"
    assert baseline.orgs.set_index("id").at["P0101", "area_id"] == "0101"
    # numbers are numbers; empty cells are unknown (NaN), not zero
    assert areas.at["0101", "households"] == 1200
    assert pd.isna(areas.at["0102", "households"])
    assert pd.isna(baseline.orgs.set_index("id").at["P04", "members"])
    assert areas.at["0101", "lat"] == pytest.approx(22.78)
    # an extra column is kept as a property
    assert areas.at["0101", "note"] == "示范"
    assert pd.isna(areas.at["0102", "note"])
    # enum columns hold the English codes; an empty role is the default "member"
    assert list(baseline.alliance_members["role"]) == [
        "member",
        "part_time_member",
        "lead",
        "member",
        "member",
    ]
    assert list(baseline.pairings["since"]) == ["2021-03-01", None, None, "2020-01-15"]


def test_the_baseline_has_findings_to_compare(baseline: Dataset) -> None:
    # So the equality of findings across forms means something: P01011 has 51 members, P06 is
    # a temporary branch with no superior, U002 (5 members, joint branch) should establish.
    got = {(f[0], f[2]) for f in findings(baseline)}
    want = {("org-size", "P01011"), ("broken-chain", "P06"), ("unit-should-establish", "U002")}
    assert want <= got


def test_gbk_chinese_really_is_gbk(tmp_path: Path) -> None:
    # guard: the GBK file is not valid UTF-8, so the reader had to fall back
    folder = write_csv(tmp_path / "g", "gbk", zh=True)
    with pytest.raises(UnicodeDecodeError):
        (folder / "areas.csv").read_bytes().decode("utf-8")
    assert load(folder).areas.set_index("id").at["0111", "level"] == "village"


def test_xlsx_numeric_id_cells_and_blank_rows(tmp_path: Path) -> None:
    # An id typed as a number is read as its digits ("7", not "7.0"); an all-empty row in
    # the middle of a sheet is skipped.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "areas"
    ws.append(["id", "name", "level", "parent_id", "population"])
    ws.append([7, "城区", "district", None, 1000])
    ws.append([None, None, None, None, None])
    ws.append(["0701", "一街道", "street", 7, 12.5])
    o = wb.create_sheet("orgs")
    o.append(["id", "name", "type", "parent_id"])
    o.append(["P7", "区委", "committee", None])
    wb.save(tmp_path / "n.xlsx")
    ds = load(tmp_path / "n.xlsx")
    assert list(ds.areas["id"]) == ["7", "0701"]
    assert list(ds.areas["parent_id"]) == [None, "7"]
    assert list(ds.areas["population"]) == [1000.0, 12.5]
    assert ds.name == "n"


def test_cells_are_trimmed_and_thousands_separators_read(tmp_path: Path) -> None:
    # WPS leaves spaces (ASCII and full-width) around cells; "1,200" is 1200.
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "areas.csv").write_text(
        'id,name,level,parent_id,households\nD , 城区\u3000,district,,"1,200"\n',
        encoding="utf-8",
    )
    (folder / "orgs.csv").write_text("id,name,type\nO,区委, committee\n", encoding="utf-8")
    ds = load(folder)
    assert ds.areas.iloc[0][["id", "name", "households"]].tolist() == ["D", "城区", 1200.0]
    assert ds.orgs.iloc[0]["type"] == "committee"


def test_missing_optional_files_mean_none_recorded(tmp_path: Path) -> None:
    folder = write_csv(
        tmp_path / "m", "utf-8", zh=False, tables={k: TABLES[k] for k in ("areas", "orgs", "units")}
    )
    ds = load(folder)
    assert len(ds.pairings) == 0 and len(ds.sites) == 0 and len(ds.alliances) == 0
    assert "members_reported" in ds.pairings.columns

"""write_dataset: what it writes loads back as the same dataset, as CSV folder and as workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from orggraph.dataset import Dataset
from orggraph.errors import OutputError
from orggraph.io import load
from orggraph.plan import make_plan
from orggraph.write import write_dataset

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ("yuzhou", "chengdong", "xiqiao.xlsx")


def canonical(frame: pd.DataFrame) -> list[list[Any]]:
    """Rows with every empty cell as None (NaN and None both mean 'unknown')."""
    return [[None if v is None or v != v else v for v in row] for row in frame.to_numpy().tolist()]


def assert_same(a: Dataset, b: Dataset) -> None:
    for name, frame in a.items():
        other = b[name]
        assert list(frame.columns) == list(other.columns), name
        assert [str(t) for t in frame.dtypes] == [str(t) for t in other.dtypes], name
        assert canonical(frame) == canonical(other), name


@pytest.mark.parametrize("bundled", BUNDLED)
@pytest.mark.parametrize("form", ["folder", "book.xlsx"])
def test_bundled_datasets_round_trip(tmp_path: Path, bundled: str, form: str) -> None:
    # GBK CSV with Chinese headers (chengdong), a workbook (xiqiao), UTF-8 with BOM (yuzhou):
    # each comes back the same through our English-header UTF-8 CSV and through a workbook.
    ds = load(ROOT / "datasets" / bundled)
    assert_same(ds, load(write_dataset(ds, tmp_path / form)))


def test_applied_plan_round_trips(tmp_path: Path) -> None:
    # New rows (planned orgs with members, new pairings without dates) survive the round trip.
    applied = make_plan(load(ROOT / "datasets" / "yuzhou")).applied
    assert_same(applied, load(write_dataset(applied, tmp_path / "out")))


def test_csv_is_utf8_with_bom_and_english_headers(tmp_path: Path) -> None:
    write_dataset(load(ROOT / "datasets" / "chengdong"), tmp_path / "out")
    raw = (tmp_path / "out" / "orgs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,name,type,parent_id,area_id,unit_id,members")


def test_a_table_no_longer_held_is_removed_from_an_existing_folder(tmp_path: Path) -> None:
    # Writing over a folder must not leave an old sites.csv that the dataset no longer has.
    ds = load(ROOT / "datasets" / "yuzhou")
    out = write_dataset(ds, tmp_path / "out")
    ds.tables["sites"] = ds.sites.iloc[0:0]
    write_dataset(ds, out)
    assert not (out / "sites.csv").exists()
    assert len(load(out).sites) == 0


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    ds = load(ROOT / "datasets" / "yuzhou")
    with pytest.raises(OutputError, match="does not exist"):
        write_dataset(ds, tmp_path / "no" / "such" / "out")

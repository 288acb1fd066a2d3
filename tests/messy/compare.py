"""What "read exactly as its clean version" means, as one comparison every test uses."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from orggraph.audit import run_audit
from orggraph.dataset import Dataset
from orggraph.errors import DatasetError
from orggraph.io import load
from orggraph.schema import TABLES

Snapshot = dict[str, Any]


def _cell(v: object) -> object:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v) if isinstance(v, int | float) else str(v)


def _tables(ds: Dataset) -> dict[str, list[tuple[object, ...]]]:
    """Every contract cell, rows sorted: extra columns (序号, 备注) and row order do not count."""
    out = {}
    for t in TABLES:
        frame: pd.DataFrame = ds[t.name]
        rows = [tuple(_cell(v) for v in r) for r in frame[t.column_names].itertuples(index=False)]
        out[t.name] = sorted(rows, key=repr)
    return out


def snapshot(ds: Dataset) -> Snapshot:
    """The contract cells, the findings (rule, subject, severity, message) and the rates."""
    result = run_audit(ds)
    findings = sorted((f.rule, f.subject_id, f.severity, f.message) for f in result.findings)
    return {"tables": _tables(ds), "findings": findings, "rates": result.rates}


def loaded(label: str, path: Path) -> Dataset:
    try:
        return load(path)
    except DatasetError as e:
        shown = "\n".join(f"  {p}" for p in e.problems[:20])
        pytest.fail(f"{label}: refused, expected it read:\n{shown}")


def assert_kept(
    label: str, ds: Dataset, tables: Iterable[str], column: str, values: set[str]
) -> None:
    """An extra column the planner added is kept in each table, with the values written."""
    for t in tables:
        assert column in ds[t].columns, f"{label}: {t} lost its extra column {column}"
        kept = ds[t][column].dropna()
        assert len(kept) > 0 and set(kept) <= values, f"{label}: {t}.{column} = {set(kept)}"


def assert_same(label: str, path: Path, clean: Snapshot) -> Dataset:
    """``path`` reads as the clean dataset: same cells, same findings, same rates."""
    ds = loaded(label, path)
    got = snapshot(ds)
    for name, rows in clean["tables"].items():
        read = got["tables"][name]
        missing = [r for r in rows if r not in set(read)][:3]
        extra = [r for r in read if r not in set(rows)][:3]
        assert read == rows, (
            f"{label}: table {name} read {len(read)} rows, clean {len(rows)}; "
            f"not read: {missing}; read instead: {extra}"
        )
    lost = sorted(set(clean["findings"]) - set(got["findings"]))[:5]
    new = sorted(set(got["findings"]) - set(clean["findings"]))[:5]
    assert got["findings"] == clean["findings"], f"{label}: lost {lost}; new {new}"
    assert got["rates"] == clean["rates"], f"{label}: rates differ"
    return ds

"""The clean datasets every messy variant starts from, as sheets typed the way Excel types them.

The bundled Chengdong dataset (GBK CSV, Chinese headers, 265 areas, 359 orgs, all eight tables)
is the base of the layout cases (a few also run on Xiqiao's workbook: towns and villages, 735
units, 330 sites): its findings touch every rule that a misread would change (a
parent read as empty breaks a chain; a member count read wrong changes org-size and
should-establish findings; a floor area read wrong changes missing-service-site).  A tiny
dataset serves the hostile cases, which only have to be refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import cache
from pathlib import Path

from orggraph.schema import TABLE_BY_NAME, Column

from .grid import Cell, Grid, clone

ROOT = Path(__file__).resolve().parents[2]
CHENGDONG = ROOT / "datasets" / "chengdong"
# The bundled datasets with Chinese headers, by the name a ``Same`` case gives as its base.
BUNDLED = {"chengdong": CHENGDONG, "xiqiao": ROOT / "datasets" / "xiqiao.xlsx"}


def column_for(table: str, header: str) -> Column:
    """The contract column a header names (the contract's own Chinese or English header)."""
    for c in TABLE_BY_NAME[table].columns:
        if header == c.name or header in c.aliases:
            return c
    raise KeyError(f"{table}: {header}")


def typed(col: Column, text: str) -> Cell:
    """A cell as Excel stores what a planner typed: numbers as numbers, dates as dates."""
    if text == "":
        return None
    if col.kind == "number":
        f = float(text)
        return int(f) if f.is_integer() else f
    if col.kind == "date":
        return dt.datetime.fromisoformat(text)
    return text


def _sheets(name: str) -> dict[str, list[list[str]]]:
    """A bundled dataset's tables as text rows: Chengdong's GBK CSV, Xiqiao's workbook."""
    if name == "chengdong":
        return {
            f.stem: list(csv.reader(io.StringIO(f.read_bytes().decode("gb18030"))))
            for f in sorted(CHENGDONG.glob("*.csv"))
        }
    from openpyxl import load_workbook

    wb = load_workbook(BUNDLED[name], read_only=True)
    try:
        return {
            ws.title: [
                ["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)
            ]
            for ws in wb.worksheets
        }
    finally:
        wb.close()


@cache
def _grids(name: str) -> dict[str, Grid]:
    grids = {}
    for table, rows in _sheets(name).items():
        cols = [column_for(table, h) for h in rows[0]]
        body = [[typed(c, v) for c, v in zip(cols, r, strict=True)] for r in rows[1:]]
        grids[table] = Grid(table, [list(rows[0]), *body])
    return grids


def bundled(name: str = "chengdong") -> dict[str, Grid]:
    """A bundled dataset's eight tables as sheets at A1 named by table, a fresh copy each call."""
    return {k: clone(g) for k, g in _grids(name).items()}


def chengdong() -> dict[str, Grid]:
    return bundled("chengdong")


# A tiny valid dataset (English headers) for the cases that only need a dataset to exist.
TINY: dict[str, list[list[Cell]]] = {
    "areas": [
        ["id", "name", "level", "parent_id", "households"],
        ["D1", "城北区", "district", None, 3000],
        ["S1", "城北街道", "street", "D1", 2000],
        ["C1", "北门社区", "community", "S1", 1200],
        ["C2", "南门社区", "community", "S1", 800],
    ],
    "orgs": [
        ["id", "name", "type", "parent_id", "area_id", "members"],
        ["P1", "区委", "committee", None, "D1", 900],
        ["P2", "街道党工委", "working_committee", "P1", "S1", 120],
        ["P3", "北门社区党委", "committee", "P2", "C1", 60],
        ["P4", "南门社区党支部", "branch", "P2", "C2", 30],
    ],
    "pairings": [
        ["source_id", "area_id", "kind", "members_reported"],
        ["P1", "C1", "dual_report", 12],
        ["P1", "C2", "dual_report", 9],
    ],
}


def tiny() -> dict[str, Grid]:
    return {k: Grid(k, [list(r) for r in rows]) for k, rows in TINY.items()}

"""Build the bundled datasets (datasets/yuzhou, datasets/chengdong, datasets/xiqiao.xlsx).

Each dataset is modelled on a field report (玉林市玉州区“3456”工程, 西宁市城东区全域党建联盟,
佛山市南海区西樵镇“三级党建网格”) with a few deliberately planted gaps.  For every dataset this
script also writes datasets/expected/<name>.json: every (rule, subject_id) the first rule set of
DOMAIN.md must report.  The list is computed twice — once from what the recipes *planted*, once by
an independent reading of DOMAIN.md's definitions over the finished tables — and the build stops
if the two disagree, so an accidental gap cannot slip into the expectations unnoticed.

Run from the repository root:  .venv/bin/python -m tools.datasets [OUT]  (default: datasets/)
The output is byte-for-byte reproducible (CSV always; the .xlsx has fixed zip timestamps).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import networkx as nx
import pandas as pd

from orggraph.generate.parts import write_xlsx
from orggraph.schema import (
    BRANCH_TYPES,
    COMMUNITY_LEVELS,
    COUNT_COLUMNS,
    TABLES,
    TWO_NEW_KINDS,
    ZH,
)
from tools.datasets.chengdong import chengdong
from tools.datasets.recipes import Builder
from tools.datasets.xiqiao import xiqiao
from tools.datasets.yuzhou import yuzhou

ROOT = Path(__file__).resolve().parents[2]

DATASETS = ROOT / "datasets"
THRESHOLDS = {
    "establish_min_members": 3,
    "min_pairings": 1,
    "max_pairings": 3,
    "community_center": 1000,
    "compound_center": 500,
}


# ---- the independent reading of DOMAIN.md's first rule set ------------------------------------
def reference_findings(t: dict[str, pd.DataFrame]) -> set[tuple[str, str]]:
    """Every (rule, subject_id) of DOMAIN.md's twelve rules, with the default thresholds."""
    areas, orgs, units = t["areas"], t["orgs"], t["units"]
    out: set[tuple[str, str]] = set()
    responsible = set(orgs["area_id"].dropna())
    level = dict(zip(areas["id"], areas["level"], strict=True))
    for rule, levels in (
        ("uncovered-community", COMMUNITY_LEVELS),
        ("uncovered-compound", ("compound",)),
        ("uncovered-grid", ("grid",)),
    ):
        out |= {(rule, a) for a, lv in level.items() if lv in levels and a not in responsible}
    established = set(orgs["unit_id"].dropna())
    covered = set(t["unit_coverage"]["unit_id"])
    for u in units.itertuples():
        pm = u.party_members
        if pd.notna(pm) and pm >= THRESHOLDS["establish_min_members"] and u.id not in established:
            out.add(("unit-should-establish", u.id))
        small = pd.isna(pm) or pm < THRESHOLDS["establish_min_members"]
        if u.kind in TWO_NEW_KINDS and small and u.id not in established and u.id not in covered:
            out.add(("unit-uncovered", u.id))
    parent = {o: p for o, p in zip(orgs["id"], orgs["parent_id"], strict=True) if pd.notna(p)}
    for o in orgs.itertuples():
        if o.type != "committee" and pd.isna(o.parent_id):
            out.add(("broken-chain", o.id))
        seen, cur = set(), parent.get(o.id)  # on a loop iff its superiors lead back to it
        while cur is not None and cur != o.id and cur not in seen:
            seen.add(cur)
            cur = parent.get(cur)
        if cur == o.id:
            out.add(("broken-chain", o.id))
        m = o.members
        if pd.notna(m) and (
            (o.type in BRANCH_TYPES and (m > 50 or m < 3))
            or (o.type == "general_branch" and m > 100)
        ):
            out.add(("org-size", o.id))
    p = t["pairings"]
    sources = p.groupby("area_id")["source_id"].nunique()
    for a, lv in level.items():
        if lv in COMMUNITY_LEVELS and sources.get(a, 0) < THRESHOLDS["min_pairings"]:
            out.add(("unpaired-community", a))
    load = p.groupby("source_id")["area_id"].nunique()
    out |= {("overloaded-unit", s) for s, n in load.items() if n > THRESHOLDS["max_pairings"]}
    s = t["sites"]
    centred = set(s.loc[s["level"] == "community_center", "area_id"])
    out |= {
        ("missing-service-site", a)
        for a, lv in level.items()
        if lv in COMMUNITY_LEVELS and a not in centred
    }
    for row in s.itertuples():
        std = THRESHOLDS.get(row.level)
        if std is not None and pd.notna(row.floor_area_m2) and row.floor_area_m2 < std:
            out.add(("missing-service-site", row.id))
    m = t["alliance_members"]
    pairs = set(zip(m["alliance_id"], m["member_id"], strict=True))
    al = t["alliances"]
    pairs |= {(a, o) for a, o in zip(al["id"], al["lead_org_id"], strict=True) if pd.notna(o)}
    members = {x for _, x in pairs}
    for o in orgs.itertuples():
        if level.get(o.area_id) in COMMUNITY_LEVELS and o.id not in members:
            out.add(("isolated-org", o.id))
    g = nx.Graph()
    by_alliance: dict[str, list[str]] = {}
    for a, x in sorted(pairs):
        by_alliance.setdefault(a, []).append(x)
    for xs in by_alliance.values():
        g.add_nodes_from(xs)
        g.add_edges_from((x, y) for i, x in enumerate(xs) for y in xs[i + 1 :])
    out |= {("alliance-single-point", x) for x in nx.articulation_points(g)}
    return out


# ---- writing -----------------------------------------------------------------------------------
def frames(b: Builder) -> dict[str, pd.DataFrame]:
    out = {}
    for table in TABLES:
        df = pd.DataFrame(b.rows[table.name], columns=table.column_names)
        for col in COUNT_COLUMNS:
            if col in df:
                df[col] = pd.array(pd.to_numeric(df[col]).round(), dtype="Int64")
        out[table.name] = df
    return out


def present(
    df: pd.DataFrame, table_name: str, zh_headers: bool, zh_enums: set[str]
) -> pd.DataFrame:
    """The frame as the planner's spreadsheet shows it: Chinese words and/or headers."""
    table = next(t for t in TABLES if t.name == table_name)
    df = df.copy()
    for c in table.columns:
        if c.kind == "enum" and (c.name in zh_enums or "*" in zh_enums):
            df[c.name] = df[c.name].map(lambda v: ZH.get(v, v) if isinstance(v, str) else v)
    if zh_headers:
        df.columns = [c.aliases[0] if c.aliases else c.name for c in table.columns]
    return df


def write(name: str, b: Builder, out: Path = DATASETS) -> None:
    f = frames(b)
    planted = {(r, s) for r, s in b.planted}
    found = reference_findings(f)
    if planted != found:
        raise SystemExit(
            f"{name}: planted and reference findings differ\n"
            f"  planted only: {sorted(planted - found)}\n  found only: {sorted(found - planted)}"
        )
    fmt = b.fmt
    if fmt["kind"] == "csv":
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for table, df in f.items():
            if df.empty and table not in ("areas", "orgs"):
                continue
            shown = present(df, table, fmt["zh_headers"], set(fmt["zh_enums"].get(table, ())))
            shown.to_csv(
                folder / f"{table}.csv",
                index=False,
                encoding=fmt["encoding"],
                lineterminator="\r\n",
            )
    else:
        sheets = {
            t: present(df, t, fmt["zh_headers"], set(fmt["zh_enums"].get(t, ())))
            for t, df in f.items()
            if not df.empty or t in ("areas", "orgs")
        }
        write_xlsx(sheets, out / f"{name}.xlsx")
    expected = [{"rule": r, "subject_id": s} for r, s in sorted(found)]
    (out / "expected").mkdir(parents=True, exist_ok=True)
    (out / "expected" / f"{name}.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    counts: dict[str, int] = {}
    for r, _ in found:
        counts[r] = counts.get(r, 0) + 1
    rows = {t: len(df) for t, df in f.items()}
    print(f"{name}: rows {rows}\n  findings {dict(sorted(counts.items()))}")


RECIPES = [("yuzhou", yuzhou), ("chengdong", chengdong), ("xiqiao", xiqiao)]


def main(argv: list[str] | None = None) -> None:
    """Build every dataset into ``datasets/`` (or the folder given as the one argument)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DATASETS
    for name, recipe in RECIPES:
        write(name, recipe(), out)

"""Build datasets/yuzhou-2025: the bundled Yuzhou dataset a year later, with known changes.

It is the second snapshot for ``orggraph diff``, ``trend`` and ``report --compare``, and the
test of them (tests/unit/test_diff_bundled.py).  It is saved as a planner's WPS export would be —
GBK, Chinese headers, English codes in the enum columns — where datasets/yuzhou is UTF-8 with
BOM, English headers and Chinese enum words: none of that may count as a change.

The changes (CHANGES below, in words):

- 金港社区 gets its community committee P0900 (it had none: uncovered-community resolved; the
  new committee is in no alliance: isolated-org P0900 new);
- 金玉苑 gets its compound branch P0901 (uncovered-compound resolved);
- 玉林市城站电子商务有限公司 (U0250, 3 members) sets up its own branch P0902
  (unit-should-establish resolved);
- a new community 金湾社区 (450902005099) with its committee P0903, not yet paired, without a
  centre, in no alliance (unpaired-community, missing-service-site and isolated-org new);
- 金港社区第8网格's branch P0364 is dissolved (uncovered-grid 450902005003G08 new);
- 润和园 is renamed 润和园（一期）(its uncovered-compound finding persists with a new path);
- P0004 grows from 18 to 20 members; one pairing of U0001 reports 35 members instead of 33,
  another is dropped.

Run from the repository root:  .venv/bin/python tools/build_yuzhou_2025.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orggraph.schema import TABLES, EnumLookup  # noqa: E402

SOURCE = ROOT / "datasets" / "yuzhou"
TARGET = ROOT / "datasets" / "yuzhou-2025"

NEW_ORGS = [
    ("P0900", "中共金港社区委员会", "党委", "P0329", "450902005003", "", "45"),
    ("P0901", "金玉苑小区党支部", "党支部", "P0345", "450902005002X01", "", "7"),
    ("P0902", "玉林市城站电子商务有限公司党支部", "党支部", "P0329", "", "U0250", "3"),
    ("P0903", "中共金湾社区委员会", "党委", "P0329", "450902005099", "", "38"),
]
NEW_AREA = ("450902005099", "金湾社区", "社区", "450902005", "1800", "", "", "")
DISSOLVED_ORG = "P0364"


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(
        SOURCE / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )


def set_cell(df: pd.DataFrame, key: dict[str, str], column: str, old: str, new: str) -> None:
    mask = pd.Series(True, index=df.index)
    for k, v in key.items():
        mask &= df[k] == v
    assert mask.sum() == 1 and df.loc[mask, column].item() == old, (key, column, old)
    df.loc[mask, column] = new


def changed() -> dict[str, pd.DataFrame]:
    t = {p.stem: read(p.stem) for p in sorted(SOURCE.glob("*.csv"))}
    areas, orgs, pairings = t["areas"], t["orgs"], t["pairings"]
    set_cell(areas, {"id": "450902001004X02"}, "name", "润和园", "润和园（一期）")
    areas.loc[len(areas)] = list(NEW_AREA)
    referenced = set(orgs["parent_id"]) | set(t["unit_coverage"]["org_id"])
    referenced |= set(t["alliance_members"]["member_id"]) | set(t["alliances"]["lead_org_id"])
    referenced |= set(pairings["source_id"])
    assert DISSOLVED_ORG not in referenced, "the dissolved branch must be a leaf"
    orgs = orgs[orgs["id"] != DISSOLVED_ORG].reset_index(drop=True)
    set_cell(orgs, {"id": "P0004"}, "members", "18", "20")
    for row in NEW_ORGS:
        orgs.loc[len(orgs)] = list(row)
    key = {"source_id": "U0001", "area_id": "450902001001", "kind": "双报到"}
    set_cell(pairings, key, "members_reported", "33", "35")
    drop = (pairings["source_id"] == "U0001") & (pairings["area_id"] == "450902001002")
    assert drop.sum() == 1
    t.update(areas=areas, orgs=orgs, pairings=pairings[~drop])
    return t


def as_exported(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """English enum codes and Chinese headers, as the other snapshot does not write them."""
    table = next(t for t in TABLES if t.name == name)
    df = df.copy()
    for c in table.columns:
        if c.kind == "enum" and c.name in df:
            words = EnumLookup.for_enum(c.enum or "").words
            df[c.name] = df[c.name].map(lambda v, w=words: w.get(v, v))
    df.columns = [
        table.column(c).aliases[0] if c in table.column_names and table.column(c).aliases else c
        for c in df.columns
    ]
    return df


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, df in changed().items():
        as_exported(name, df).to_csv(
            TARGET / f"{name}.csv", index=False, encoding="gbk", lineterminator="\r\n"
        )
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

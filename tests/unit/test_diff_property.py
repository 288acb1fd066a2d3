"""diff_table against a plain-Python reading of the rules, on random link and node tables."""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from orggraph.progress.entities import diff_table
from orggraph.schema import TABLE_BY_NAME

PAIRINGS = TABLE_BY_NAME["pairings"]
AREAS = TABLE_BY_NAME["areas"]

pairing_rows = st.lists(
    st.tuples(
        st.sampled_from(["U1", "U2"]),
        st.sampled_from(["C1", "C2"]),
        st.sampled_from(["dual_report", "liaison"]),
        st.one_of(st.none(), st.sampled_from([3.0, 5.0])),
    ),
    max_size=8,
)


def pairings(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["source_id", "area_id", "kind", "members_reported"])
    frame["members_reported"] = frame["members_reported"].astype("float64")
    frame["since"] = None
    return frame


def same(x: float | None, y: float | None) -> bool:
    missing = [v is None or (isinstance(v, float) and math.isnan(v)) for v in (x, y)]
    return all(missing) or (not any(missing) and x == y)


def reference(old: list[tuple], new: list[tuple]):
    """Rows matched by key and then by order among rows with that key, as docs/PROGRESS.md says."""
    by_key_old, by_key_new = defaultdict(list), defaultdict(list)
    for r in old:
        by_key_old[r[:3]].append(r[3])
    for r in new:
        by_key_new[r[:3]].append(r[3])
    repeats = any(len(v) > 1 for v in (*by_key_old.values(), *by_key_new.values()))

    def key(k, n):
        return (*k, n) if repeats else k

    added, removed, changed = [], [], {}
    for k in by_key_old.keys() | by_key_new.keys():
        a, b = by_key_old.get(k, []), by_key_new.get(k, [])
        for n in range(max(len(a), len(b))):
            if n >= len(a):
                added.append(key(k, n))
            elif n >= len(b):
                removed.append(key(k, n))
            elif not same(a[n], b[n]):
                changed[key(k, n)] = set_of(a[n], b[n])
    return sorted(added), sorted(removed), changed


def set_of(a, b):
    def show(v):
        return None if v is None or math.isnan(v) else int(v)

    return {"members_reported": (show(a), show(b))}


@settings(max_examples=150, deadline=None)
@given(pairing_rows, pairing_rows)
def test_link_table_diff_matches_the_reference(old: list[tuple], new: list[tuple]) -> None:
    got = diff_table(PAIRINGS, pairings(old), pairings(new))
    added, removed, changed = reference(old, new)
    assert got.added == added
    assert got.removed == removed
    assert got.changed == changed


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["A", "B", "C", "D"]), st.sampled_from(["x", "y"])),
    st.dictionaries(st.sampled_from(["A", "B", "C", "D"]), st.sampled_from(["x", "y"])),
)
def test_node_table_diff_is_set_arithmetic_on_ids(old: dict, new: dict) -> None:
    def areas(names: dict) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "id": list(names),
                "name": list(names.values()),
                "level": "community",
                "parent_id": None,
                "households": float("nan"),
            }
        )

    got = diff_table(AREAS, areas(old), areas(new))
    assert got.added == sorted(new.keys() - old.keys())
    assert got.removed == sorted(old.keys() - new.keys())
    assert got.changed == {
        k: {"name": (old[k], new[k])} for k in sorted(old.keys() & new.keys()) if old[k] != new[k]
    }

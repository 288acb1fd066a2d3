"""Loading into the real Neo4j: idempotence, --replace, datasets side by side, odd names, failures.

Every test works on datasets named by the ``dataset_name`` fixture (or derived from it) and
drops them afterwards.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from orggraph import store
from orggraph.config import Neo4jSettings
from orggraph.dataset import Dataset
from orggraph.errors import DatasetError, Neo4jDatabaseError
from orggraph.io import load
from orggraph.schema import TABLE_BY_NAME
from orggraph.store import rows as sr

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [
    ROOT / "datasets" / "yuzhou",
    ROOT / "datasets" / "chengdong",
    ROOT / "datasets" / "xiqiao.xlsx",
]

# Everything in the database about one dataset, element ids included: a node deleted and
# created again, or a property written again with another value, changes the snapshot.
SNAPSHOT_NODES = """
MATCH (n {dataset: $dataset})
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
"""
SNAPSHOT_RELS = """
MATCH (a {dataset: $dataset})-[r]->(b)
RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, elementId(b) AS b,
       properties(r) AS props
"""


def snapshot(settings: Neo4jSettings, name: str) -> tuple[list[Any], list[Any]]:
    def key(row: dict[str, Any]) -> str:
        return str(row["id"])

    nodes = sorted(store.query(SNAPSHOT_NODES, settings, dataset=name), key=key)
    rels = sorted(store.query(SNAPSHOT_RELS, settings, dataset=name), key=key)
    return nodes, rels


def canonical(frame: pd.DataFrame) -> list[list[Any]]:
    """Rows with every empty cell as None (CSV gives NaN, xlsx None: both mean 'unknown')."""
    return [[None if v is None or v != v else v for v in row] for row in frame.to_numpy().tolist()]


def assert_same_dataset(a: Dataset, b: Dataset) -> None:
    """Table for table: same columns in the same order, same dtypes, same values in order."""
    # The same tables; their order in the mapping means nothing (a Dataset is read by name, and
    # a folder lists its files in its own order).
    assert sorted(a.tables) == sorted(b.tables)
    for name, frame in a.items():
        other = b[name]
        assert list(frame.columns) == list(other.columns), name
        assert [str(t) for t in frame.dtypes] == [str(t) for t in other.dtypes], name
        assert canonical(frame) == canonical(other), name


@pytest.fixture(scope="module")
def yuzhou() -> Dataset:
    return load(ROOT / "datasets" / "yuzhou")


def named(ds: Dataset, name: str) -> Dataset:
    out = copy.deepcopy(ds)
    out.name = name
    return out


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_round_trip_equals_the_files_table_for_table(
    path: Path, neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    ds = load(path, name=dataset_name)
    store.load_dataset(ds, neo4j_settings)
    back = store.read_dataset(dataset_name, neo4j_settings)
    assert_same_dataset(ds, back)
    if path.is_dir():  # CSV: even the NaN/None conventions of orggraph.io.load are kept
        for table, frame in ds.items():
            pd.testing.assert_frame_equal(frame, back[table])


def test_loading_twice_changes_nothing(
    yuzhou: Dataset, neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    ds = named(yuzhou, dataset_name)
    first = store.load_dataset(ds, neo4j_settings)
    assert first.created == ds.node_count + ds.relationship_count
    before = snapshot(neo4j_settings, dataset_name)
    again = store.load_dataset(ds, neo4j_settings, batch_size=97)
    assert (again.created, again.updated, again.deleted) == (0, 0, 0)
    assert snapshot(neo4j_settings, dataset_name) == before
    replaced = store.load_dataset(ds, neo4j_settings, replace=True)
    assert (replaced.created, replaced.updated, replaced.deleted) == (0, 0, 0)
    assert snapshot(neo4j_settings, dataset_name) == before


def smaller_version(ds: Dataset) -> Dataset:
    """yuzhou with rows removed and changed, references still valid.

    Removed: the last 5 sites (nothing refers to a site), 10 pairings, the first alliance
    membership.  Changed: one area's name, one org's parent (emptied), one unit's members.
    """
    out = copy.deepcopy(ds)
    t = out.tables
    t["sites"] = t["sites"].iloc[:-5].reset_index(drop=True)
    t["pairings"] = t["pairings"].iloc[10:].reset_index(drop=True)
    t["alliance_members"] = t["alliance_members"].iloc[1:].reset_index(drop=True)
    t["areas"].loc[3, "name"] = "改名社区"
    child = t["orgs"]["parent_id"].notna().idxmax()
    t["orgs"].loc[child, "parent_id"] = np.nan
    t["units"].loc[0, "party_members"] = 42.0
    return out


def test_replace_removes_what_the_new_version_dropped(
    yuzhou: Dataset, neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    other = dataset_name + "-other"
    try:
        store.load_dataset(named(yuzhou, other), neo4j_settings)
        other_before = snapshot(neo4j_settings, other)
        store.load_dataset(named(yuzhou, dataset_name), neo4j_settings)
        new = named(smaller_version(yuzhou), dataset_name)

        summary = store.load_dataset(new, neo4j_settings, replace=True)

        assert summary.nodes_deleted == {"ServiceSite": 5}
        # 5 sites' LOCATED_IN, 10 pairings, 1 membership, 1 emptied parent reference.
        assert summary.relationships_deleted == {
            "LOCATED_IN": 5,
            "PAIRED_WITH": 10,
            "MEMBER_OF": 1,
            "REPORTS_TO": 1,
        }
        assert_same_dataset(new, store.read_dataset(dataset_name, neo4j_settings))
        nodes, rels = snapshot(neo4j_settings, dataset_name)
        assert len(nodes) == new.node_count
        assert len(rels) == new.relationship_count
        assert snapshot(neo4j_settings, other) == other_before
    finally:
        store.drop_dataset(other, neo4j_settings)


def test_loading_without_replace_keeps_rows_the_new_version_lacks(
    yuzhou: Dataset, neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    store.load_dataset(named(yuzhou, dataset_name), neo4j_settings)
    summary = store.load_dataset(named(smaller_version(yuzhou), dataset_name), neo4j_settings)
    # Changed: 1 area name, 1 unit count (nodes); 1 org lost its parent (node property and
    # relationship); nothing deleted but that relationship, since its cell is now empty.
    assert summary.nodes_updated == {"Area": 1, "PartyOrg": 1, "Unit": 1}
    assert summary.nodes_deleted == {}
    assert summary.relationships_deleted == {"REPORTS_TO": 1}
    back = store.read_dataset(dataset_name, neo4j_settings)
    assert len(back.sites) == len(yuzhou.sites)
    assert len(back.pairings) == len(yuzhou.pairings)


def colliding(name: str) -> Dataset:
    """A tiny dataset whose ids every other dataset of this test uses too."""
    areas = pd.DataFrame(
        {
            "id": ["001", "002"],
            "name": [f"{name}区", f"{name}社区"],
            "level": ["district", "community"],
            "parent_id": [np.nan, "001"],
            "households": [np.nan, 1200.0],
            "population": [np.nan, np.nan],
            "lat": [np.nan, np.nan],
            "lon": [np.nan, np.nan],
        }
    )
    orgs = pd.DataFrame(
        {
            "id": ["010"],
            "name": [f"{name}区委"],
            "type": ["committee"],
            "parent_id": [np.nan],
            "area_id": ["001"],
            "unit_id": [np.nan],
            "members": [np.nan],
        },
    )
    return typed(Dataset(name, {"areas": areas, "orgs": orgs}))


def typed(ds: Dataset) -> Dataset:
    """Text columns as object, like orggraph.io.load makes them (pandas 3 would infer str)."""
    for name, frame in ds.items():
        t = TABLE_BY_NAME[name]
        numbers = {c.name for c in t.columns if c.kind == "number"}
        ds.tables[name] = frame.astype({c: object for c in frame.columns if c not in numbers})
    return ds


def test_datasets_with_the_same_ids_live_side_by_side(
    neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    a, b = colliding(dataset_name), colliding(dataset_name + "-b")
    try:
        store.load_dataset(a, neo4j_settings)
        store.load_dataset(b, neo4j_settings)
        assert_same_dataset(a, store.read_dataset(a.name, neo4j_settings))
        assert_same_dataset(b, store.read_dataset(b.name, neo4j_settings))
        # Each community is uncovered in its own dataset only, and no relationship crosses.
        crossing = store.query(
            "MATCH (x {dataset: $a})--(y) WHERE y.dataset <> $a RETURN count(*) AS n",
            neo4j_settings,
            a=a.name,
        )
        assert crossing == [{"n": 0}]
        rows = store.run_view("uncovered-community", b.name, neo4j_settings)
        assert [(r["subject_id"], r["subject_name"]) for r in rows] == [("002", f"{b.name}社区")]
    finally:
        store.drop_dataset(b.name, neo4j_settings)


WEIRD = [
    "O'Brien",
    "}",
    "$x",
    "玉州区名山街道",
    "<img src=x onerror=alert(1)>",
    'a"b\\c',
    "{x}`y`\n",
]


def test_odd_names_and_extra_columns_load_unharmed(
    neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    ds = colliding(dataset_name)
    areas = pd.concat([ds.areas] * 4, ignore_index=True).iloc[: len(WEIRD)].copy()
    areas["id"] = [f"{i:03d}" for i in range(len(WEIRD))]
    areas["name"] = WEIRD
    areas["level"] = ["district"] + ["community"] * (len(WEIRD) - 1)
    areas["parent_id"] = [np.nan] + ["000"] * (len(WEIRD) - 1)
    # Extra columns: kept as string properties, whatever their names; an all-empty one too.
    areas["备注 $x"] = pd.Series(["}", "$dataset", None, "O'Brien", "", "0012", None], dtype=object)
    areas["empty"] = pd.Series([np.nan] * len(WEIRD), dtype=object)
    ds.tables["areas"] = areas
    ds.tables["orgs"] = ds.orgs.assign(area_id="000")
    typed(ds)
    store.load_dataset(ds, neo4j_settings)
    back = store.read_dataset(dataset_name, neo4j_settings)
    assert_same_dataset(ds, back)
    assert back.areas["name"].tolist() == WEIRD
    rows = store.run_view("uncovered-community", dataset_name, neo4j_settings)
    assert sorted(r["subject_name"] for r in rows) == sorted(WEIRD[1:])


def test_a_reserved_column_name_is_a_dataset_error(
    neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    ds = colliding(dataset_name)
    ds.tables["areas"]["dataset"] = pd.Series(["x", "y"], dtype=object)
    with pytest.raises(DatasetError, match="reserved"):
        store.load_dataset(ds, neo4j_settings)
    assert dataset_name not in store.list_datasets(neo4j_settings)


class Stop(Exception):
    pass


def test_a_load_stopped_midway_leaves_whole_batches_and_completes_on_rerun(
    yuzhou: Dataset, neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    ds = named(yuzhou, dataset_name)
    batch = 50

    def stop_after_three(done: int, total: int) -> None:
        if done >= 3 * batch:
            raise Stop

    with pytest.raises(Stop):
        store.load_dataset(ds, neo4j_settings, batch_size=batch, progress=stop_after_three)
    # The areas table is the first step: every batch of it is in the database whole or not at
    # all (the batches already running when the callback raised were allowed to finish).
    have = {
        r["id"]
        for r in store.query(
            "MATCH (a:Area {dataset: $d}) RETURN a.id AS id", neo4j_settings, d=dataset_name
        )
    }
    ids = ds.areas["id"].tolist()
    parts = [set(ids[i : i + batch]) & have for i in range(0, len(ids), batch)]
    assert all(
        len(p) in (0, len(set(ids[i * batch : (i + 1) * batch]))) for i, p in enumerate(parts)
    )
    assert 3 * batch <= len(have) < len(ids)
    with pytest.raises(Neo4jDatabaseError, match="incomplete"):
        store.read_dataset(dataset_name, neo4j_settings)

    summary = store.load_dataset(ds, neo4j_settings, batch_size=batch)
    assert summary.nodes_created["Area"] == len(ids) - len(have)
    assert_same_dataset(ds, store.read_dataset(dataset_name, neo4j_settings))
    nodes, rels = snapshot(neo4j_settings, dataset_name)
    assert (len(nodes), len(rels)) == (ds.node_count, ds.relationship_count)


def test_reading_a_missing_dataset_names_those_there(
    neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    store.load_dataset(colliding(dataset_name), neo4j_settings)
    with pytest.raises(Neo4jDatabaseError, match=rf"not in database 'neo4j'.*{dataset_name}"):
        store.read_dataset(dataset_name + "-nope", neo4j_settings)


def test_node_rows_keep_types() -> None:
    # Pure: what the load statements receive.  Empty cells are left out, numbers are floats,
    # ids keep their leading zeros, and _row keeps the table order.
    rows = sr.node_rows(colliding("x"), "areas")
    assert rows == [
        {"id": "001", "name": "x区", "level": "district", "_row": 0},
        {
            "id": "002",
            "name": "x社区",
            "level": "community",
            "parent_id": "001",
            "households": 1200.0,
            "_row": 1,
        },
    ]


@pytest.mark.parametrize("version", ["4.4.12", "3.5.0", ""])
def test_servers_older_than_5_are_refused(version: str) -> None:
    with pytest.raises(Neo4jDatabaseError, match="needs Neo4j 5 or later"):
        store.require_version(version)
    store.require_version("5.26.30")
    store.require_version("2025.10.1")

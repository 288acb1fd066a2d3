"""Loads of one dataset at once, a load killed with ``kill -9``, and duplicates left by old loads.

Real processes (``orggraph load`` run as a command) against the real server: the dataset lock
must keep exactly one copy of every relationship, say a load is running while it runs, and
disappear with a killed process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from orggraph import store
from orggraph.config import Neo4jSettings
from orggraph.errors import DatasetBusy, Neo4jDatabaseError
from orggraph.generate import generate
from orggraph.io import load
from orggraph.store import load as sl
from orggraph.store.connection import connect

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
YUZHOU = ROOT / "datasets" / "yuzhou"
ORGGRAPH = str(Path(sys.executable).parent / "orggraph")
BUSY = "another `orggraph load` of"

# Every relationship of a dataset with its key: the two ends and _n (link tables) or none
# (reference columns, one per end pair).  A key found twice is a duplicate.
KEYS = """
MATCH (a {dataset: $dataset})-[r]->(b)
RETURN type(r) AS type, a.id AS a, b.id AS b, r._n AS n, count(*) AS copies
"""


def command(settings: Neo4jSettings, *args: str) -> list[str]:
    return [ORGGRAPH, *args, "--uri", settings.uri, "--user", settings.user]


def environment(settings: Neo4jSettings) -> dict[str, str]:
    return {**os.environ, "NEO4J_PASSWORD": settings.password, "ORGGRAPH_LANG": "en"}


def counts(settings: Neo4jSettings, name: str) -> tuple[int, int, int]:
    """Nodes, relationships, and relationships beyond the first of their key."""
    nodes = store.query("MATCH (n {dataset: $d}) RETURN count(n) AS n", settings, d=name)
    keys = store.query(KEYS, settings, dataset=name)
    rels = sum(k["copies"] for k in keys)
    return nodes[0]["n"], rels, rels - len(keys)


def wait_for(what: str, check: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)


def test_three_loads_at_once_leave_one_copy_of_everything(
    neo4j_settings: Neo4jSettings, dataset_name: str, tmp_path: Path
) -> None:
    # 5,000 nodes in batches of 20: each load lasts seconds, so the three overlap.  Before the
    # lock, first loads running at once each CREATEd the relationships of their own batches
    # (duplicates), and each said it created them.
    generate(5_000, 5, tmp_path)
    ds = load(tmp_path, name=dataset_name)
    args = command(
        neo4j_settings, "load", str(tmp_path), "--name", dataset_name, "--batch-size", "20"
    )
    procs = [
        subprocess.Popen(
            args,
            env=environment(neo4j_settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [(p, *p.communicate(timeout=300)) for p in procs]
    codes = sorted(p.returncode for p, _, _ in results)
    # Each load either ran (0) or was refused because another was running (6); a load that
    # lost the race between the check and the lock waited and then found nothing to change.
    assert codes[0] == 0 and set(codes) <= {0, 6}, results
    created = [out for p, out, _ in results if p.returncode == 0 and "created" in out]
    assert len(created) == 1, results
    for p, out, err in results:
        if p.returncode == 6:
            assert f"Error: {BUSY} '{dataset_name}' is running" in err
            assert "nothing was written" in err
        elif out not in created:
            assert "nothing changed" in out
    assert counts(neo4j_settings, dataset_name) == (ds.node_count, ds.relationship_count, 0)


def state(settings: Neo4jSettings, name: str) -> str:
    """What a reader of dataset ``name`` is told: loaded, busy, midway, or absent."""
    try:
        store.read_dataset(name, settings)
    except DatasetBusy:
        return "busy"
    except Neo4jDatabaseError as e:
        return "midway" if "stopped midway" in str(e) else "absent"
    return "loaded"


def run(settings: Neo4jSettings, *args: str) -> subprocess.CompletedProcess[str]:
    """``orggraph ARGS`` as a process of its own, to its end."""
    return subprocess.run(
        command(settings, *args),
        env=environment(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_running_load_is_told_apart_from_one_killed_midway(
    neo4j_settings: Neo4jSettings, dataset_name: str, tmp_path: Path
) -> None:
    # 20,000 nodes at one row per transaction: some 50,000 transactions, long enough to look at
    # the load running, on any machine.
    generate(20_000, 3, tmp_path)
    ds = load(tmp_path, name=dataset_name)
    path = str(tmp_path)
    slow = subprocess.Popen(
        command(neo4j_settings, "load", path, "--name", dataset_name, "--batch-size", "1"),
        env=environment(neo4j_settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for("the load to begin", lambda: state(neo4j_settings, dataset_name) == "busy")

        second = run(neo4j_settings, "load", path, "--name", dataset_name)
        assert second.returncode == 6, second.stderr
        assert f"Error: {BUSY} '{dataset_name}' is running" in second.stderr

        audit = run(neo4j_settings, "audit", "--from-neo4j", dataset_name)
        assert audit.returncode == 6, audit.stderr
        assert f"dataset '{dataset_name}' in Neo4j is being loaded right now" in audit.stderr
        assert "stopped midway" not in audit.stderr
        assert slow.poll() is None, "the load ended before it was killed: make it slower"
    finally:
        slow.send_signal(signal.SIGKILL)
        slow.wait()

    # The server rolls back the killed client's transactions, the lock with them.
    wait_for("the lock to go", lambda: state(neo4j_settings, dataset_name) == "midway", 30)
    rerun = run(neo4j_settings, "load", path, "--name", dataset_name)
    assert rerun.returncode == 0, rerun.stderr
    assert counts(neo4j_settings, dataset_name) == (ds.node_count, ds.relationship_count, 0)
    back = store.read_dataset(dataset_name, neo4j_settings)
    for table, frame in ds.items():  # CSV files: even NaN and None come back as read
        pd.testing.assert_frame_equal(frame, back[table])


def test_a_load_told_to_wait_runs_after_the_one_running(
    neo4j_settings: Neo4jSettings, dataset_name: str
) -> None:
    # Two rows per transaction: seconds of loading, which the second load waits out.
    first = subprocess.Popen(
        command(neo4j_settings, "load", str(YUZHOU), "--name", dataset_name, "--batch-size", "2"),
        env=environment(neo4j_settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for("the load to begin", lambda: state(neo4j_settings, dataset_name) == "busy")
    assert first.poll() is None
    second = run(neo4j_settings, "load", str(YUZHOU), "--name", dataset_name, "--wait", "110")
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert "created 1438 nodes and 2544 relationships" in out
    # It began after the first had finished: everything was there already.
    assert second.returncode == 0, second.stderr
    assert "nothing changed: the database already held this version" in second.stdout
    assert counts(neo4j_settings, dataset_name) == (1438, 2544, 0)


@pytest.mark.parametrize("replace", [False, True], ids=["reload", "replace"])
def test_a_reload_repairs_duplicates_that_concurrent_loads_left(
    neo4j_settings: Neo4jSettings, dataset_name: str, replace: bool
) -> None:
    ds = load(YUZHOU, name=dataset_name)
    store.load_dataset(ds, neo4j_settings)
    # What two first loads at once did before the lock: every relationship CREATEd again.
    again = sl.LoadSummary(dataset_name)
    with connect(neo4j_settings) as db:
        phases = sl.plan(ds, first=True)[1:]  # the relationship phases; nodes are unique keys
        sl.run(db, dataset_name, phases, again, batch_size=500)
    rels = ds.relationship_count
    assert counts(neo4j_settings, dataset_name) == (ds.node_count, 2 * rels, rels)

    summary = store.load_dataset(ds, neo4j_settings, replace=replace)

    assert sum(summary.duplicates_removed.values()) == rels
    assert summary.duplicates_removed == again.relationships_created
    assert (summary.created, summary.updated, summary.deleted) == (0, 0, 0)
    assert counts(neo4j_settings, dataset_name) == (ds.node_count, rels, 0)

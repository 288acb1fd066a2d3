"""Neo4j loading speed: orggraph's batched loader against the one-row-per-transaction way.

For each size (generated datasets, default 10^5 and 10^6 nodes) it measures, on the server that
NEO4J_URI names (tools/run-bench.sh starts the local one):

* first load into an empty dataset, in nodes+relationships per second;
* loading the same dataset again (nothing changes, nothing is written);
* reading it back into a Dataset;
* the naive loader tutorials show -- one MERGE per row, one transaction per row -- on the first
  rows of the same dataset (``--naive-rows``), its rate extrapolated, and the speed-up.

Targets: >= 50,000 nodes+rels/s, >= 20x the naive loader, read-back of 10^6 nodes < 60 s.

    .venv/bin/python bench/bench_load.py [--sizes 100000,1000000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from orggraph import store
from orggraph.config import Neo4jSettings
from orggraph.dataset import Dataset
from orggraph.generate import generate
from orggraph.io import load
from orggraph.store import rows as sr
from orggraph.store.connection import connect

TARGET_RATE = 50_000
TARGET_SPEEDUP = 20
TARGET_READ_1M_S = 60.0

# The tutorial way, kept here as the baseline it is (orggraph's own Cypher is in cypher/).
NAIVE_NODE = "MERGE (n:Area {dataset: $dataset, id: $id}) SET n += $props"
NAIVE_REL = (
    "MATCH (a:Area {dataset: $dataset, id: $id}) MATCH (b:Area {dataset: $dataset, id: $target}) "
    "MERGE (a)-[:PART_OF]->(b)"
)


def naive_rate(ds: Dataset, settings: Neo4jSettings, rows: int) -> dict[str, Any]:
    """Load the first ``rows`` areas and their PART_OF links one transaction per row."""
    name = f"bench-naive-{ds.name}"
    store.drop_dataset(name, settings)
    nodes = sr.node_rows(ds, "areas")[:rows]
    ids = {r["id"] for r in nodes}
    rels = [r for r in nodes if r.get("parent_id") in ids]
    start = time.perf_counter()
    with connect(settings) as db:  # the bench's one peek inside: it needs raw transactions
        for r in nodes:
            db.write(NAIVE_NODE, dataset=name, id=r["id"], props=r)
        for r in rels:
            db.write(NAIVE_REL, dataset=name, id=r["id"], target=r["parent_id"])
    seconds = time.perf_counter() - start
    store.query("RETURN 1 AS ok", settings)
    store.drop_dataset(name, settings)
    n = len(nodes) + len(rels)
    return {"rows": n, "seconds": round(seconds, 2), "rate": round(n / seconds)}


def bench_size(nodes: int, settings: Neo4jSettings, naive_rows: int, keep: bool) -> dict[str, Any]:
    name = f"bench-{nodes}"
    with tempfile.TemporaryDirectory() as tmp:
        generate(nodes, 1, Path(tmp))
        ds = load(tmp, name=name)
    items = ds.node_count + ds.relationship_count
    store.drop_dataset(name, settings)
    out: dict[str, Any] = {"nodes": ds.node_count, "relationships": ds.relationship_count}

    start = time.perf_counter()
    summary = store.load_dataset(ds, settings)
    out["load_s"] = round(time.perf_counter() - start, 2)
    out["load_rate"] = round(items / out["load_s"])
    assert summary.created == items, summary.lines()

    start = time.perf_counter()
    again = store.load_dataset(ds, settings)
    out["reload_unchanged_s"] = round(time.perf_counter() - start, 2)
    assert (again.created, again.updated, again.deleted) == (0, 0, 0), again.lines()

    start = time.perf_counter()
    back = store.read_dataset(name, settings)
    out["read_back_s"] = round(time.perf_counter() - start, 2)
    assert all(back[t].shape == f.shape for t, f in ds.items())

    if not keep:
        start = time.perf_counter()
        store.drop_dataset(name, settings)
        out["drop_s"] = round(time.perf_counter() - start, 2)
    naive = naive_rate(ds, settings, naive_rows)
    out["naive"] = naive
    out["speedup"] = round(out["load_rate"] / naive["rate"], 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated node counts")
    parser.add_argument("--naive-rows", type=int, default=2_000)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", action="store_true", help="leave the datasets in Neo4j")
    args = parser.parse_args()
    settings = Neo4jSettings.from_env()
    results: dict[str, Any] = {"server": store.server_address(settings), "sizes": {}}
    # A server just started runs its first loads interpreted (JIT warm-up, 2-3x slower): warm
    # it up on a small dataset first, and say how long that took.
    start = time.perf_counter()
    bench_size(20_000, settings, naive_rows=100, keep=False)
    results["warm_up_s"] = round(time.perf_counter() - start, 2)
    ok = True
    for size in (int(s) for s in args.sizes.split(",")):
        r = bench_size(size, settings, args.naive_rows, args.keep)
        results["sizes"][str(size)] = r
        checks = [r["load_rate"] >= TARGET_RATE, r["speedup"] >= TARGET_SPEEDUP]
        if size >= 1_000_000:
            checks.append(r["read_back_s"] < TARGET_READ_1M_S)
        ok &= all(checks)
        print(
            f"{size:>9,} nodes requested: {r['nodes']:,} nodes + {r['relationships']:,} rels | "
            f"load {r['load_s']} s = {r['load_rate']:,}/s | again (unchanged) "
            f"{r['reload_unchanged_s']} s | read back {r['read_back_s']} s | naive "
            f"{r['naive']['rate']:,}/s ({r['naive']['rows']} rows) -> {r['speedup']}x"
            f"{'' if all(checks) else '  [below target]'}",
            flush=True,
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(
        f"targets: >= {TARGET_RATE:,} nodes+rels/s, >= {TARGET_SPEEDUP}x naive, "
        f"read-back of 10^6 < {TARGET_READ_1M_S:.0f} s: {'met' if ok else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

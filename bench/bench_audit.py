"""Benchmark: the full audit of generated datasets against a bare pandas read of the same files.

Each measurement runs in a fresh subprocess so peak memory (ru_maxrss) is its own.  Run with
``make bench`` or ``.venv/bin/python bench/bench_audit.py --sizes 10000 100000 1000000``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "bench"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, folder = sys.argv[1], Path(sys.argv[2])
t0 = time.perf_counter()
if mode == "read":
    import pandas as pd
    rows = 0
    for f in sorted(folder.glob("*.csv")):
        rows += len(pd.read_csv(f, dtype=str, keep_default_na=False))
    extra = {"rows": rows}
else:
    from orggraph.io import load
    from orggraph.audit import run_audit
    from orggraph.present import render
    t_load = time.perf_counter()
    ds = load(folder)
    t_audit = time.perf_counter()
    result = run_audit(ds)
    t_render = time.perf_counter()
    text = render(result, "json")
    t_end = time.perf_counter()
    extra = {"read_validate_s": t_audit - t_load, "rules_metrics_s": t_render - t_audit,
             "render_s": t_end - t_render, "findings": len(result.findings),
             "nodes": ds.node_count, "relationships": ds.relationship_count,
             "notes": result.notes}
wall = time.perf_counter() - t0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall_s": wall, "peak_mb": peak_mb, **extra}))
"""


def dataset(nodes: int, seed: int = 1) -> Path:
    out = CACHE / f"gen-{nodes}-{seed}"
    if not (out / "orgs.csv").exists():
        from orggraph.generate import generate

        t = time.perf_counter()
        generate(nodes, seed, out)
        print(f"  generated {nodes:,} nodes in {time.perf_counter() - t:.1f}s", flush=True)
    return out


def measure(mode: str, folder: Path) -> dict:
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder)], check=True, capture_output=True, text=True
    )
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res["process_s"] = time.perf_counter() - t  # interpreter start and imports included
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        print(f"audit benchmark, {n:,} nodes", flush=True)
        folder = dataset(n)
        read = measure("read", folder)
        audit = measure("audit", folder)
        ratio = audit["wall_s"] / read["wall_s"]
        results.append({"nodes": n, "read": read, "audit": audit, "audit_over_read": ratio})
        print(
            f"  bare pandas read : {read['wall_s']:7.2f} s  peak {read['peak_mb']:7.0f} MB"
            f"  ({read['rows']:,} rows)"
        )
        print(
            f"  full audit       : {audit['wall_s']:7.2f} s  peak {audit['peak_mb']:7.0f} MB"
            f"  (read+validate {audit['read_validate_s']:.2f} s, rules+metrics "
            f"{audit['rules_metrics_s']:.2f} s, render {audit['render_s']:.2f} s; "
            f"{audit['findings']:,} findings)"
        )
        print(
            f"  end to end (process): {audit['process_s']:.2f} s; audit / bare read = {ratio:.1f}x",
            flush=True,
        )
        for note in audit["notes"]:
            print(f"  note: {note}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

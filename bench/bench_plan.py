"""Benchmark: ``orggraph plan`` against ``orggraph audit`` on the same generated datasets.

The plan audits the dataset (findings and rates), plans every family, applies the plan and audits
the result again; the target is plan ≤ 2 × audit.  Both ratios are printed: of the work after the
dataset is read, and of the whole run from the files (what a user waits for).  Each measurement
runs in a fresh subprocess (imports excluded from the timed part).  Run with ``make bench`` or
``.venv/bin/python bench/bench_plan.py --sizes 100000 1000000``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_audit import dataset  # the same cached generated datasets

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, folder = sys.argv[1], Path(sys.argv[2])
from orggraph.io import load
from orggraph.audit import run_audit
from orggraph.plan import make_plan
from orggraph.plan.present import render_plan
from orggraph.present import render
t_load = time.perf_counter()
ds = load(folder)
t0 = time.perf_counter()
if mode == "audit":
    result = run_audit(ds)
    render(result, "json")
    extra = {"findings": len(result.findings)}
else:
    planned = make_plan(ds)
    render_plan(planned.plan, "json")
    p = planned.plan
    extra = {"actions": len(p.actions), "unresolved": len(p.unresolved), "figures": p.figures}
end = time.perf_counter()
wall, with_load = end - t0, end - t_load
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall_s": wall, "with_load_s": with_load, "peak_mb": peak_mb,
                  "nodes": ds.node_count, **extra}))
"""


def measure(mode: str, folder: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(folder)], check=True, capture_output=True, text=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        print(f"plan benchmark, {n:,} nodes", flush=True)
        folder = dataset(n)
        t = time.perf_counter()
        audit = measure("audit", folder)
        plan = measure("plan", folder)
        ratio = plan["wall_s"] / audit["wall_s"]
        ratio_load = plan["with_load_s"] / audit["with_load_s"]
        results.append(
            {
                "nodes": n,
                "audit": audit,
                "plan": plan,
                "plan_over_audit": ratio,
                "plan_over_audit_with_load": ratio_load,
            }
        )
        print(
            f"  audit : {audit['wall_s']:7.2f} s  peak {audit['peak_mb']:7.0f} MB"
            f"  ({audit['findings']:,} findings)"
        )
        print(
            f"  plan  : {plan['wall_s']:7.2f} s  peak {plan['peak_mb']:7.0f} MB"
            f"  ({plan['actions']:,} actions, {plan['unresolved']:,} unresolved)"
        )
        print(
            f"  plan / audit = {ratio:.2f}x after reading the dataset, {ratio_load:.2f}x with "
            "the read and validation (target <= 2x)",
            flush=True,
        )
        for name, fig in plan["figures"].items():
            print(f"  {name}: {fig}")
        print(f"  ({time.perf_counter() - t:.0f} s in all)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

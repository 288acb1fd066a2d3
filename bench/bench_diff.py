"""Benchmark: ``diff`` of two generated snapshots, as a ratio to one ``audit`` of the newer one.

The older snapshot is ``orggraph generate`` output; the newer is a copy with known changes (1% of
org member counts and area names changed, 1% of pairings dropped, 0.5% of leaf orgs removed,
new branches for the first uncovered compounds).  Each measurement runs in a fresh subprocess:
read + validate + audit + JSON, end to end, as the command does it; ``diff-auto`` is what the
command does (OLD audited in a second process where that pays), ``diff-serial`` everything in one
process.  The target is diff ≤ 2.5× audit (wall clock).  CPU seconds (both processes) are
printed too: on a machine busy with other work they say more than the wall clock.  Run with
``.venv/bin/python bench/bench_diff.py --sizes 100000 1000000 --runs 2``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_audit import CACHE, dataset

TARGET = 2.5
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from orggraph.io import load
from orggraph.audit import run_audit
mode, folders = sys.argv[1], [Path(p) for p in sys.argv[2:]]
t0 = time.perf_counter()
r0 = resource.getrusage(resource.RUSAGE_SELF)
cpu0 = r0.ru_utime + r0.ru_stime
if mode == "audit":
    from orggraph.present import render
    result = run_audit(load(folders[0]))
    text = render(result, "json")
    extra = {"findings": len(result.findings)}
else:
    from orggraph.progress.diff import diff_datasets
    from orggraph.progress.parallel import parallel_pays
    from orggraph.progress.render import render_diff
    old, new = load(folders[0]), load(folders[1])
    t_audit = time.perf_counter()
    parallel = {"auto": None, "serial": False}[mode.split("-")[1]]
    d = diff_datasets(old, new, parallel=parallel)
    t_render = time.perf_counter()
    text = render_diff(d, "json")
    t_end = time.perf_counter()
    extra = {"read_validate_s": t_audit - t0, "audits_compare_s": t_render - t_audit,
             "render_s": t_end - t_render, "counts": d.counts(),
             "parallel": parallel_pays(old, new) if parallel is None else parallel,
             "entities": {k: len(v) for k, v in d.entities.items()}}
wall = time.perf_counter() - t0
me, forked = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + forked.ru_utime + forked.ru_stime - cpu0
peak_mb = me.ru_maxrss / 1024
print(json.dumps({"wall_s": wall, "cpu_s": cpu, "peak_mb": peak_mb, "bytes": len(text), **extra}))
"""


def later(folder: Path, seed: int = 11) -> Path:
    """A copy of ``folder`` with the known changes of the module docstring."""
    import numpy as np
    import pandas as pd

    out = folder.with_name(folder.name + "-later")
    if (out / "orgs.csv").exists():
        return out
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(folder, tmp)
    rng = np.random.default_rng(seed)

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(tmp / f"{name}.csv", dtype=str, keep_default_na=False)

    def write(name: str, frame: pd.DataFrame) -> None:
        frame.to_csv(tmp / f"{name}.csv", index=False)

    areas, orgs, pairings = read("areas"), read("orgs"), read("pairings")
    pick = rng.random(len(orgs)) < 0.01
    members = pd.to_numeric(orgs["members"], errors="coerce")
    orgs.loc[pick & members.notna(), "members"] = (members[pick] + 1).astype("Int64").astype(str)
    pick = rng.random(len(areas)) < 0.01
    areas.loc[pick, "name"] = areas.loc[pick, "name"] + "（新）"
    pairings = pairings[rng.random(len(pairings)) >= 0.01]
    referenced = set(orgs["parent_id"])
    for name, cols in {
        "unit_coverage": ["org_id"],
        "alliance_members": ["member_id"],
        "alliances": ["lead_org_id"],
        "pairings": ["source_id"],
    }.items():
        frame = pairings if name == "pairings" else read(name)
        for c in cols:
            referenced |= set(frame[c])
    leaf = ~orgs["id"].isin(referenced) & (orgs["type"] != "committee")
    orgs = orgs[~(leaf & (rng.random(len(orgs)) < 0.005))]
    covered = set(orgs["area_id"])
    open_compounds = areas[(areas["level"] == "compound") & ~areas["id"].isin(covered)]
    root = orgs.loc[orgs["parent_id"] == "", "id"].iloc[0]
    new = pd.DataFrame(
        {
            "id": [f"NEW{i:06d}" for i in range(min(len(open_compounds), 500))],
            "name": "新建小区党支部",
            "type": "branch",
            "parent_id": root,
            "area_id": open_compounds["id"].iloc[:500].to_numpy(),
        }
    )
    write("areas", areas)
    write("orgs", pd.concat([orgs, new], ignore_index=True).fillna(""))
    write("pairings", pairings)
    tmp.rename(out)
    return out


def fastest(runs: int, mode: str, *folders: Path) -> dict:
    """The quickest of ``runs`` measurements (the machine may be busy with other work)."""
    return min((measure(mode, *folders) for _ in range(runs)), key=lambda r: r["wall_s"])


def measure(mode: str, *folders: Path) -> dict:
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, mode, *map(str, folders)],
        check=True,
        capture_output=True,
        text=True,
    )
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    res["process_s"] = time.perf_counter() - t
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--runs", type=int, default=1, help="measure each this often, keep the best")
    args = ap.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        print(f"diff benchmark, {n:,} nodes", flush=True)
        old = dataset(n)
        new = later(old)
        audit = fastest(args.runs, "audit", new)
        print(
            f"  one audit  : {audit['wall_s']:7.2f} s (CPU {audit['cpu_s']:.2f} s)"
            f"  peak {audit['peak_mb']:7.0f} MB",
            flush=True,
        )
        row = {"nodes": n, "audit": audit}
        for mode in ("diff-auto", "diff-serial"):
            diff = fastest(args.runs, mode, old, new)
            ratio = diff["wall_s"] / audit["wall_s"]
            cpu_ratio = diff["cpu_s"] / audit["cpu_s"]
            row[mode] = {**diff, "over_audit": ratio, "cpu_over_audit": cpu_ratio}
            print(
                f"  {mode:<11}: {diff['wall_s']:7.2f} s (CPU {diff['cpu_s']:.2f} s = "
                f"{cpu_ratio:.2f}x)  peak {diff['peak_mb']:7.0f} MB"
                f"  (read+validate {diff['read_validate_s']:.2f} s, audits+compare "
                f"{diff['audits_compare_s']:.2f} s{' in two processes' if diff['parallel'] else ''}"
                f", JSON {diff['render_s']:.2f} s) = {ratio:.2f}x one audit"
                f" ({'within' if ratio <= TARGET else 'ABOVE'} the {TARGET}x target)",
                flush=True,
            )
        print(f"  findings {diff['counts']}; entities changed {diff['entities']}")
        results.append(row)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

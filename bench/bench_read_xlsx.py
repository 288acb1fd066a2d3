"""Benchmark: reading a generated workbook with calamine (what orggraph uses) against openpyxl.

Each measurement runs in a fresh subprocess so peak memory (ru_maxrss) is its own.  Run with
``.venv/bin/python bench/bench_read_xlsx.py --sizes 10000 100000``.  ``calamine`` and
``openpyxl`` read every cell of every sheet (openpyxl in its streaming read-only mode, which
gives neither merged ranges nor formulas' absence); ``orggraph`` is the whole ``load``.
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
mode, book = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
cells = 0
if mode == "calamine":
    from python_calamine import CalamineWorkbook
    wb = CalamineWorkbook.from_path(book)
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        cells += sum(len(r) for r in sheet.to_python(skip_empty_area=False))
        sheet.merged_cell_ranges
elif mode == "openpyxl":
    from openpyxl import load_workbook
    wb = load_workbook(book, read_only=True, data_only=True)
    for ws in wb.worksheets:
        ws.reset_dimensions()
        cells += sum(len(r) for r in ws.iter_rows(values_only=True))
    wb.close()
else:
    from orggraph.io import load
    ds = load(book)
    cells = sum(len(f) for _, f in ds.items())
wall = time.perf_counter() - t0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
cpu = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"wall_s": wall, "cpu_s": cpu.ru_utime + cpu.ru_stime, "peak_mb": peak_mb,
                  "cells": cells}))
"""


def workbook(nodes: int, seed: int = 1) -> Path:
    out = CACHE / f"gen-{nodes}-{seed}.xlsx"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        # In a child process: Linux keeps a parent's peak memory in its children's ru_maxrss.
        code = "import sys; from pathlib import Path; from orggraph.generate import generate; "
        code += "generate(int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]), fmt='xlsx')"
        subprocess.run([sys.executable, "-c", code, str(nodes), str(seed), str(out)], check=True)
    return out


def measure(mode: str, book: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(book)], check=True, capture_output=True, text=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        book = workbook(n)
        row = {"nodes": n, "bytes": book.stat().st_size}
        print(f"workbook of {n:,} nodes ({book.stat().st_size / 2**20:.1f} MB)", flush=True)
        for mode in ("calamine", "openpyxl", "orggraph"):
            t = time.perf_counter()
            row[mode] = measure(mode, book)
            r = row[mode]
            print(
                f"  {mode:9s}: {r['wall_s']:6.2f} s wall, {r['cpu_s']:6.2f} s cpu, "
                f"peak {r['peak_mb']:5.0f} MB  ({time.perf_counter() - t:.1f} s with start-up)",
                flush=True,
            )
        row["openpyxl_over_calamine_cpu"] = row["openpyxl"]["cpu_s"] / row["calamine"]["cpu_s"]
        print(f"  openpyxl / calamine (cpu): {row['openpyxl_over_calamine_cpu']:.1f}x")
        results.append(row)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

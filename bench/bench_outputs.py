"""Benchmark: each output format of one audit, as a ratio to the JSON output of the same audit;
the report's two maps with the graph and area paths built once against once per map; and the
report printed to PDF against the report as HTML.

Ratios, not seconds, are what to compare between machines.  Run with
``.venv/bin/python bench/bench_outputs.py --nodes 100000`` (a generated dataset; add ``--pdf``
to time Chromium too).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "bench"


def _best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--pdf", action="store_true", help="also print the report to PDF")
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()

    from orggraph.audit import run_audit
    from orggraph.audit_context import AuditContext
    from orggraph.config import AuditConfig
    from orggraph.generate import generate
    from orggraph.io import load
    from orggraph.maps import area_places, build_map
    from orggraph.maps.graph import build_graph
    from orggraph.present import AUDIT_FORMATS, render
    from orggraph.report import REPORT_MAPS, render_report

    folder = CACHE / f"gen-{args.nodes}-1"
    if not (folder / "orgs.csv").exists():
        generate(args.nodes, 1, folder)
    ds = load(folder)
    result = run_audit(ds)
    out: dict[str, Any] = {"nodes": ds.node_count, "findings": len(result.findings)}
    base = _best(lambda: render(result, "json"), args.repeat)
    out["json_s"] = base
    for fmt in AUDIT_FORMATS:
        seconds = _best(lambda fmt=fmt: render(result, fmt, width=100), args.repeat)
        out[f"{fmt}_x_json"] = round(seconds / base, 1)

    def per_map() -> None:
        for view in REPORT_MAPS:
            build_map(ds, result, view)

    def once() -> None:
        context = AuditContext(ds, AuditConfig())
        graph, places = build_graph(ds), area_places(context.area_index)
        for view in REPORT_MAPS:
            build_map(ds, result, view, graph=graph, places=places, context=context)

    out["report_maps_once_x_per_map"] = round(
        _best(once, args.repeat) / _best(per_map, args.repeat), 2
    )
    if args.pdf:
        from orggraph.pdf import html_to_pdf

        html_s = _best(lambda: render_report(ds, result), 1)
        html = render_report(ds, result)
        out["pdf_x_html"] = round(_best(lambda: html_to_pdf(html), 1) / html_s, 1)
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

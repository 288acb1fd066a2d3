#!/usr/bin/env bash
# make bench: audit speed and memory, Neo4j loading, workbook reading, outputs, map drawing,
# diff and plan against the audit.  Results also land in
# bench/results/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p bench/results
$PY bench/bench_audit.py --json bench/results/audit.json "$@"
if [ -f bench/bench_load.py ]; then
  started=0
  if [ -z "${NEO4J_URI:-}" ]; then
    bash tools/neo4j/neo4j.sh status >/dev/null 2>&1 || started=1
    bash tools/neo4j/neo4j.sh up
    export NEO4J_URI="bolt://127.0.0.1:${ORGGRAPH_NEO4J_PORT:-7687}"
  fi
  $PY bench/bench_load.py --json bench/results/load.json || rc=$?
  if [ "$started" = 1 ]; then bash tools/neo4j/neo4j.sh down; fi
  [ "${rc:-0}" = 0 ] || exit "$rc"
fi
$PY bench/bench_read_xlsx.py --json bench/results/read_xlsx.json
$PY bench/bench_outputs.py --json bench/results/outputs.json
$PY bench/bench_maps.py --json bench/results/maps.json
$PY bench/bench_diff.py --json bench/results/diff.json
$PY bench/bench_plan.py --json bench/results/plan.json

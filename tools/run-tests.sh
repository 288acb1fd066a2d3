#!/usr/bin/env bash
# Start the local Neo4j, run every test against it, stop it whatever happened.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
started=0
if [ -z "${NEO4J_URI:-}" ]; then
  # Stop it afterwards only if this run started it (leave a server someone else runs alone).
  bash tools/neo4j/neo4j.sh status >/dev/null 2>&1 || started=1
  bash tools/neo4j/neo4j.sh up || { echo "Neo4j did not start; see the log above" >&2; exit 1; }
  export NEO4J_URI="bolt://127.0.0.1:${ORGGRAPH_NEO4J_PORT:-7687}"
fi
$BIN/pytest -q -ra tests orggraph "$@"
rc=$?
if [ "$started" = 1 ]; then bash tools/neo4j/neo4j.sh down; fi
exit $rc

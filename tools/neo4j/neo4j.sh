#!/usr/bin/env bash
# A local Neo4j Community 5.26 LTS for orggraph, from Maven Central jars (no Docker, no tarball).
#
#   bash tools/neo4j/neo4j.sh up       start it (idempotent: already running -> ok)
#   bash tools/neo4j/neo4j.sh down     stop it cleanly
#   bash tools/neo4j/neo4j.sh status   say whether it runs (exit 3 when it does not)
#   bash tools/neo4j/neo4j.sh log      print the server's log
#   bash tools/neo4j/neo4j.sh reset    stop it and delete its data (a fresh, empty database)
#
# Needs Java 17, Maven and the project venv (.venv, `make install`).  Jars are cached in ~/.m2 and
# copied to .neo4j/lib-<version>; data, logs and the pid file live in .neo4j/ (git-ignored).
# The server listens on the Bolt port only (HTTP and HTTPS are off), so a second server runs
# beside the first with another ORGGRAPH_NEO4J_PORT and ORGGRAPH_NEO4J_HOME.
#
# Environment:
#   NEO4J_PASSWORD                 password of user neo4j (default orggraph-local); set on first
#                                  start only -- `reset` to change it.  Never printed, never on a
#                                  command line (`ps` shows those to every user), and the file
#                                  that keeps it hashed, data/dbms/auth.ini, is owner-only.
#   ORGGRAPH_NEO4J_PORT            Bolt port on 127.0.0.1 (default 7687)
#   ORGGRAPH_NEO4J_HOME            the server's folder (default .neo4j in the checkout)
#   ORGGRAPH_NEO4J_HEAP            JVM heap (default 2g: loads and reads back 10^6 nodes)
#   ORGGRAPH_NEO4J_PAGECACHE       page cache (default 1g)
#   ORGGRAPH_NEO4J_START_TIMEOUT   seconds to wait for Bolt (default 180)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/tools/neo4j"
HOME_DIR="${ORGGRAPH_NEO4J_HOME:-$ROOT/.neo4j}"
PORT="${ORGGRAPH_NEO4J_PORT:-7687}"
HEAP="${ORGGRAPH_NEO4J_HEAP:-2g}"
PAGECACHE="${ORGGRAPH_NEO4J_PAGECACHE:-1g}"
START_TIMEOUT="${ORGGRAPH_NEO4J_START_TIMEOUT:-180}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-orggraph-local}"
VERSION="$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$HERE/pom.xml")"
LIB="$HOME_DIR/lib-$VERSION"
CONF_DIR="$HOME_DIR/conf"
DATA="$HOME_DIR/data"
LOGS="$HOME_DIR/logs"
RUN="$HOME_DIR/run"
PIDFILE="$RUN/neo4j.pid"
CONSOLE="$LOGS/console.log"
URI="bolt://127.0.0.1:$PORT"

if [ -x "$ROOT/.venv/bin/python" ]; then PY="$ROOT/.venv/bin/python"; else PY=python3; fi

say() { echo "neo4j: $*"; }
die() { echo "neo4j: $*" >&2; exit 1; }

running_pid() {
  # The pid of our server if it is alive (and really is a Neo4j JVM), else nothing.
  [ -f "$PIDFILE" ] || return 0
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
      && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q CommunityEntryPoint; then
    echo "$pid"
  fi
}

fetch_jars() {
  [ -f "$LIB/.complete" ] && return 0
  command -v mvn >/dev/null || die "Maven (mvn) is needed to download the Neo4j jars"
  say "downloading Neo4j $VERSION jars from Maven Central (cached in ~/.m2)..."
  rm -rf "$LIB"
  mkdir -p "$LIB"
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIB" -DincludeScope=runtime >"$HOME_DIR/mvn.log" 2>&1 \
    || { cat "$HOME_DIR/mvn.log" >&2; die "could not download the Neo4j jars (see above)"; }
  touch "$LIB/.complete"
}

write_conf() {
  mkdir -p "$CONF_DIR" "$DATA" "$LOGS" "$RUN" "$HOME_DIR/plugins" "$HOME_DIR/import"
  cat >"$CONF_DIR/neo4j.conf" <<EOF
# Written by tools/neo4j/neo4j.sh on every start; edit the script, not this file.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$PORT
server.bolt.advertised_address=127.0.0.1:$PORT
server.http.enabled=false
server.https.enabled=false
server.directories.data=$DATA
server.directories.logs=$LOGS
server.directories.run=$RUN
server.directories.plugins=$HOME_DIR/plugins
server.directories.import=$HOME_DIR/import
server.directories.lib=$LIB
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
server.memory.pagecache.size=$PAGECACHE
# A scratch server: keep no transaction log beyond what recovery needs.
db.tx_log.rotation.retention_policy=keep_none
db.transaction.timeout=0
EOF
}

set_initial_password() {
  # Only before the very first start: afterwards the system database owns the password.
  [ -d "$DATA/databases/system" ] && return 0
  case "$NEO4J_PASSWORD" in
    *$'\n'* | *$'\r'* | @*) die "NEO4J_PASSWORD may not contain a line break or start with @" ;;
  esac
  # The password goes to the admin tool in a Java argument file, not on its command line: the
  # java launcher reads the file itself, so `ps` shows `java ... @FILE` only.  printf is a bash
  # builtin (no process of its own); the file is owner-only and removed straight away.
  local args="$RUN/set-initial-password.args" escaped="${NEO4J_PASSWORD//\\/\\\\}"
  escaped="${escaped//\"/\\\"}"
  (umask 077 && printf 'org.neo4j.cli.AdminTool dbms set-initial-password "%s"\n' "$escaped" >"$args")
  local rc=0
  (umask 077 && NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$CONF_DIR" java -cp "$LIB/*" "@$args" \
    >"$LOGS/admin.log" 2>&1) || rc=$?
  rm -f "$args"
  [ "$rc" = 0 ] || { cat "$LOGS/admin.log" >&2; die "could not set the initial password"; }
}

protect_auth_file() {
  # auth.ini holds the password's hash: owner-only, also where an older script left it 0644
  # (so `up` fixes it even on a server already running).  The data folder is the planners'
  # data: owner-only as well.
  [ -d "$DATA" ] && chmod 700 "$DATA"
  [ -d "$DATA/dbms" ] && chmod 700 "$DATA/dbms"
  [ -f "$DATA/dbms/auth.ini" ] && chmod 600 "$DATA/dbms/auth.ini"
  return 0
}

wait_ready() {
  local pid="$1" start="$2" what="${3:-ready}" rc
  while :; do
    rc=0
    "$PY" "$HERE/ready.py" "$URI" || rc=$?
    if [ "$rc" = 0 ]; then
      say "Neo4j $VERSION $what on $URI after $(($(date +%s) - start)) s (pid $pid)"
      return 0
    fi
    if [ "$rc" = 2 ]; then
      die "the server on $URI refuses NEO4J_PASSWORD: its data in .neo4j/data was set up with" \
        "another password; set that one, or \`bash tools/neo4j/neo4j.sh reset\` to start afresh"
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "---- $CONSOLE (last 60 lines) ----" >&2
      tail -n 60 "$CONSOLE" >&2 || true
      [ -f "$LOGS/debug.log" ] && { echo "---- debug.log (last 30 lines) ----" >&2; tail -n 30 "$LOGS/debug.log" >&2; }
      rm -f "$PIDFILE"
      die "Neo4j exited during startup (log above)"
    fi
    if [ $(($(date +%s) - start)) -ge "$START_TIMEOUT" ]; then
      echo "---- $CONSOLE (last 60 lines) ----" >&2
      tail -n 60 "$CONSOLE" >&2 || true
      die "Neo4j did not answer on $URI within $START_TIMEOUT s (still running as pid $pid)"
    fi
    sleep 1
  done
}

up() {
  local start pid
  start="$(date +%s)"
  protect_auth_file
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    wait_ready "$pid" "$start" "already running"
    return 0
  fi
  command -v java >/dev/null || die "Java 17 is needed (java not found)"
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "port $PORT on 127.0.0.1 is taken by another program; set ORGGRAPH_NEO4J_PORT (and NEO4J_URI)"
  fi
  fetch_jars
  write_conf
  set_initial_password
  protect_auth_file
  rm -f "$DATA/databases/store_lock"
  # Flags as Neo4j's own launcher sets them for Java 17.
  local jvm=(
    "-Xms$HEAP" "-Xmx$HEAP" "-XX:+Use${ORGGRAPH_NEO4J_GC:-G1}GC" -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --enable-native-access=ALL-UNNAMED
  )
  : >"$CONSOLE"
  NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$CONF_DIR" nohup setsid java "${jvm[@]}" -cp "$LIB/*" \
    org.neo4j.server.CommunityEntryPoint --home-dir="$HOME_DIR" --config-dir="$CONF_DIR" \
    --console-mode </dev/null >>"$CONSOLE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PIDFILE"
  say "starting Neo4j $VERSION (pid $pid, heap $HEAP, log ${CONSOLE#"$ROOT"/})..."
  wait_ready "$pid" "$start"
}

down() {
  local pid i
  pid="$(running_pid)"
  if [ -z "$pid" ]; then
    rm -f "$PIDFILE"
    say "not running"
    return 0
  fi
  kill -TERM "$pid"
  for i in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; say "stopped"; return 0; }
    sleep 0.5
  done
  say "still running after 60 s; killing pid $pid"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

status() {
  local pid
  pid="$(running_pid)"
  if [ -n "$pid" ]; then say "running (pid $pid) on $URI"; else say "not running"; return 3; fi
}

cmd="${1:-}"
mkdir -p "$HOME_DIR"
# One start or stop at a time, even with several shells (engineers, test runs) at once.
exec 9>"$HOME_DIR/.lock"
case "$cmd" in
  up) flock 9; up ;;
  down) flock 9; down ;;
  status) status ;;
  log) cat "$CONSOLE" ;;
  reset) flock 9; down; rm -rf "$DATA" "$LOGS"; say "data deleted" ;;
  *) echo "usage: $0 up|down|status|log|reset" >&2; exit 2 ;;
esac

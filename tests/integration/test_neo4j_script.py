"""tools/neo4j/neo4j.sh on a fresh server of its own: no password in ``ps``, an owner-only
auth.ini, and a fresh database answering a missing dataset with one line.

The test starts a second server beside the one the other tests use (its own folder and port),
watches every process's command line while it starts, and stops it at the end.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "neo4j" / "neo4j.sh"
ORGGRAPH = str(Path(sys.executable).parent / "orggraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class CommandLineWatch:
    """Reads every process's command line until stopped; keeps those containing ``secret``."""

    def __init__(self, secret: str) -> None:
        self.secret = secret.encode()
        self.seen: list[str] = []
        self.scans = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for proc in Path("/proc").iterdir():
                if not proc.name.isdigit():
                    continue
                try:
                    cmdline = (proc / "cmdline").read_bytes()
                except OSError:  # the process ended meanwhile
                    continue
                if self.secret in cmdline:
                    self.seen.append(cmdline.replace(b"\0", b" ").decode(errors="replace"))
            self.scans += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class FreshServer:
    home: Path
    port: int
    secret: str
    watch: CommandLineWatch
    output: str  # what `neo4j.sh up` printed


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshServer]:
    home = tmp_path_factory.mktemp("neo4j-home")
    version = next((ROOT / ".neo4j").glob("lib-*"), None) if (ROOT / ".neo4j").is_dir() else None
    if version is not None and (version / ".complete").exists():
        (home / version.name).symlink_to(version)  # the jars, not downloaded again
    secret = f"pw-{uuid.uuid4().hex}"
    port = free_port()
    env = {
        **os.environ,
        "ORGGRAPH_NEO4J_HOME": str(home),
        "ORGGRAPH_NEO4J_PORT": str(port),
        "ORGGRAPH_NEO4J_HEAP": "512m",
        "ORGGRAPH_NEO4J_PAGECACHE": "64m",
        "NEO4J_PASSWORD": secret,
    }
    watch = CommandLineWatch(secret)
    try:
        up = subprocess.run(
            ["bash", str(SCRIPT), "up"], env=env, capture_output=True, text=True, timeout=300
        )
    finally:
        watch.stop()
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        yield FreshServer(home, port, secret, watch, up.stdout + up.stderr)
    finally:
        subprocess.run(["bash", str(SCRIPT), "down"], env=env, capture_output=True, timeout=120)


def test_the_initial_password_is_on_no_command_line(fresh_server: FreshServer) -> None:
    watch = fresh_server.watch
    # The admin tool that sets the password runs 2-3 s; the watch reads /proc many times a
    # second, so a password on its command line would be seen (it was, before the fix).
    assert watch.scans > 50
    assert watch.seen == []
    assert fresh_server.secret not in fresh_server.output


def test_auth_ini_is_owner_only(fresh_server: FreshServer) -> None:
    auth = fresh_server.home / "data" / "dbms" / "auth.ini"
    assert auth.is_file()
    assert stat.S_IMODE(auth.stat().st_mode) == 0o600
    assert stat.S_IMODE(auth.parent.stat().st_mode) == 0o700
    assert not list((fresh_server.home / "run").glob("*.args")), "the argument file stays"


def test_a_fresh_database_answers_a_missing_dataset_in_one_line(fresh_server: FreshServer) -> None:
    # No orggraph label exists yet: the server adds "label does not exist" notifications to
    # every query, which the driver used to log as long warnings before the error.
    result = subprocess.run(
        [
            ORGGRAPH,
            "audit",
            "--from-neo4j",
            "nothing",
            "--uri",
            f"bolt://127.0.0.1:{fresh_server.port}",
        ],
        env={**os.environ, "NEO4J_PASSWORD": fresh_server.secret, "ORGGRAPH_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 6
    assert result.stderr.splitlines() == [
        f"Error: dataset 'nothing' is not in database 'neo4j' at "
        f"bolt://127.0.0.1:{fresh_server.port} (datasets there: no dataset loaded yet); "
        "load it with `orggraph load`"
    ]

"""A connection that dies in the middle of a load: whole batches or nothing, and a re-run heals.

The test talks to the real server through a small TCP relay it controls, and cuts the relay
(every open connection, and no new ones) while batches are being written.
"""

from __future__ import annotations

import contextlib
import copy
import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from orggraph import store
from orggraph.config import Neo4jSettings
from orggraph.dataset import Dataset
from orggraph.errors import Neo4jDatabaseError, Neo4jUnavailable
from orggraph.io import load
from orggraph.store import connection

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]


class Relay:
    """Forwards 127.0.0.1:<port> to the Neo4j server until :meth:`cut`."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass

    def cut(self) -> None:
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()


def test_a_killed_connection_leaves_whole_batches_and_the_rerun_completes(
    neo4j_settings: Neo4jSettings, dataset_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "RETRY_SECONDS", 1.0)
    target = urlsplit(neo4j_settings.uri)
    relay = Relay(target.hostname or "127.0.0.1", target.port or 7687)
    through_relay = Neo4jSettings(
        f"bolt://127.0.0.1:{relay.port}",
        neo4j_settings.user,
        neo4j_settings.password,
        neo4j_settings.database,
    )
    ds: Dataset = copy.deepcopy(load(ROOT / "datasets" / "yuzhou", name=dataset_name))
    batch = 40

    def cut_after_five(done: int, total: int) -> None:
        if done >= 5 * batch:
            relay.cut()  # the other session is in the middle of its batch

    with pytest.raises(
        Neo4jUnavailable, match=f"cannot reach Neo4j at bolt://127.0.0.1:{relay.port}"
    ):
        store.load_dataset(ds, through_relay, batch_size=batch, progress=cut_after_five)

    have = {
        r["id"]
        for r in store.query(
            "MATCH (a:Area {dataset: $d}) RETURN a.id AS id", neo4j_settings, d=dataset_name
        )
    }
    ids = ds.areas["id"].tolist()
    for start in range(0, len(ids), batch):
        part = set(ids[start : start + batch])
        assert len(part & have) in (0, len(part)), f"batch at row {start} is half-written"
    assert 5 * batch <= len(have) < len(ids)
    with pytest.raises(Neo4jDatabaseError, match="incomplete"):
        store.read_dataset(dataset_name, neo4j_settings)

    store.load_dataset(ds, neo4j_settings, batch_size=batch)
    back = store.read_dataset(dataset_name, neo4j_settings)
    for table, frame in ds.items():
        assert back[table].equals(frame), table

"""One load of a dataset at a time: a lock bound to an open transaction, not to a process.

Neo4j Community 5 enforces uniqueness of node properties only; a relationship key such as
(start, end, ``_n``) cannot be a constraint.  Two loads of one dataset writing at once could
therefore each create the same relationship.  A load (and a drop) holds the dataset's lock from
start to end: a write lock on its ``OrgGraphLoadLock`` node (a node uniqueness constraint keeps
that one node), taken by a transaction that stays open and is rolled back at the end.

Why a transaction and not a "locked by" property: the server releases the lock itself when the
transaction ends for any reason, including a client killed with ``kill -9`` (its connection
closes, and the server rolls back what the connection had open).  A dead process never holds a
dataset, and no lease has to be guessed.  (A client that vanishes without closing its TCP
connection, such as a machine that loses power, holds it until the server notices the dead
connection.)  The transaction carries ``{"orggraph_load": name}`` as metadata, so anyone can see
through ``SHOW TRANSACTIONS`` whether a load is running now.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

from orggraph.errors import DatasetBusy
from orggraph.i18n import tr
from orggraph.store.connection import Db
from orggraph.store.statements import cypher

METADATA_KEY = "orggraph_load"
POLL_SECONDS = 0.5  # how often a waiting load asks whether the running one has finished
_UTC = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z")


def load_started(db: Db, name: str, database: str) -> str | None:
    """When the load of dataset ``name`` running now began (``None``: no load runs)."""
    # Asked of the server that takes writes: in a cluster, SHOW TRANSACTIONS lists the
    # transactions of the server it runs on, and the lock's transaction is a write.
    query = cypher("load_in_progress")
    started = db.write(query, dataset=name, database=database, key=METADATA_KEY).get("started")
    return readable_time(str(started)) if started is not None else None


def readable_time(text: str) -> str:
    """``2026-11-23T13:27:16.612Z`` as ``2026-11-23 13:27:16 UTC``; anything else unchanged.

    Examples
    --------
    >>> readable_time("2026-11-23T13:27:16.612Z")
    '2026-11-23 13:27:16 UTC'
    >>> readable_time("2026-11-23T21:27:16+08:00")
    '2026-11-23T21:27:16+08:00'
    """
    match = _UTC.fullmatch(text)
    return f"{match.group(1)} {match.group(2)} UTC" if match else text


@contextmanager
def dataset_lock(db: Db, name: str, database: str, wait: float = 0.0) -> Iterator[None]:
    """Hold the lock of dataset ``name`` for the block.

    Parameters
    ----------
    wait
        Seconds to wait for a load of ``name`` running now to finish (0: refuse at once).

    Raises
    ------
    DatasetBusy
        Another load of ``name`` is still running after ``wait`` seconds (nothing was written).
        Two loads that start at the very same moment may both pass this check: the second then
        waits for the first at the lock itself.
    """
    deadline = time.monotonic() + wait
    while (started := load_started(db, name, database)) is not None:
        if time.monotonic() >= deadline:
            raise DatasetBusy(
                tr(
                    "another `orggraph load` of '{name}' is running (it started at {started}); "
                    "nothing was written: run this again when that load has finished",
                    name=name,
                    started=started,
                )
            )
        time.sleep(min(POLL_SECONDS, max(deadline - time.monotonic(), 0.0)))
    db.write(cypher("lock_node"), dataset=name)
    with db.open_transaction(cypher("lock_take"), {METADATA_KEY: name}, dataset=name):
        yield

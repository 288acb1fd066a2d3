"""The one door to Neo4j: load a dataset, read it back, run the read-only planner views.

Only this package imports the ``neo4j`` driver (lazily, in :mod:`orggraph.store.connection`, so
``orggraph --help`` stays fast).  Its modules, each with one concern:

* :mod:`~orggraph.store.datasets` -- the public operations below;
* :mod:`~orggraph.store.connection` -- the driver, sessions, and driver errors in our words;
* :mod:`~orggraph.store.lock` -- one load of a dataset at a time;
* :mod:`~orggraph.store.load` -- the plan of batches of a load, running them, the sweep;
* :mod:`~orggraph.store.rows` -- between a :class:`~orggraph.dataset.Dataset` and Cypher rows;
* :mod:`~orggraph.store.statements` -- the ``orggraph/cypher/*.cypher`` files.
"""

from __future__ import annotations

from orggraph.store.connection import require_version, server_address
from orggraph.store.datasets import (
    DEFAULT_BATCH_SIZE,
    PLANNER_VIEWS,
    drop_dataset,
    list_datasets,
    load_dataset,
    query,
    read_dataset,
    run_view,
)
from orggraph.store.load import LoadSummary, Progress
from orggraph.store.statements import cypher

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "PLANNER_VIEWS",
    "LoadSummary",
    "Progress",
    "cypher",
    "drop_dataset",
    "list_datasets",
    "load_dataset",
    "query",
    "read_dataset",
    "require_version",
    "run_view",
    "server_address",
]

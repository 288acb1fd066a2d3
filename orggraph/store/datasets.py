"""What a caller does with datasets in Neo4j: load, read back, list, drop, run the planner views.

Every write is a batched ``UNWIND $rows`` in its own managed transaction (``execute_write``:
retried on transient errors, all or nothing); every value travels as a parameter.  Several
datasets live side by side in one database, keyed by ``(dataset, id)``.

Loading is idempotent: a node or relationship is written only when it differs, so loading the
same dataset again changes nothing.  ``replace=True`` then removes what the new version no longer
has, but only after every batch of the new version is in: a load that fails midway never
deletes anything, leaves the dataset marked ``loading`` (reads refuse it) and is completed by
running it again.  One load of a dataset runs at a time (:mod:`orggraph.store.lock`).
"""

from __future__ import annotations

from typing import Any

from orggraph.config import AuditConfig, Neo4jSettings
from orggraph.dataset import Dataset
from orggraph.errors import DatasetBusy, Neo4jDatabaseError
from orggraph.i18n import tr
from orggraph.schema import NODE_LABEL, TABLES
from orggraph.store import load as sl
from orggraph.store import rows as sr
from orggraph.store.connection import Db, connect, server_address
from orggraph.store.lock import dataset_lock, load_started
from orggraph.store.statements import LABELS, cypher, statements

DEFAULT_BATCH_SIZE = 5_000
# Two sessions write at once: the server works on one batch while the driver sends the next.
DEFAULT_WORKERS = 2
# The Cypher views a planner can paste into Neo4j Browser, by the audit rule each one mirrors,
# with the thresholds each takes (orggraph.maps has map views: another thing).
PLANNER_VIEWS: dict[str, tuple[str, ...]] = {
    "uncovered-community": (),
    "uncovered-compound": (),
    "uncovered-grid": (),
    "unit-should-establish": ("establish_min_members",),
    "unpaired-community": ("min_pairings",),
    "isolated-org": (),
}


def _meta(db: Db, name: str, settings: Neo4jSettings) -> dict[str, Any]:
    """The bookkeeping node of a completely loaded ``name``; else an error saying why not."""
    rows = db.read(cypher("dataset_meta"), dataset=name)
    meta = rows[0][0] if rows else None
    if meta is None:
        names = [r[0] for r in db.read(cypher("list_datasets"))]
        raise Neo4jDatabaseError(
            tr(
                "dataset '{name}' is not in database '{database}' at {where} (datasets there: "
                "{there}); load it with `orggraph load`",
                name=name,
                database=settings.database,
                where=server_address(settings),
                there=", ".join(names) if names else tr("no dataset loaded yet"),
            )
        )
    if meta.get("status") != "loaded":
        started = load_started(db, name, settings.database)
        if started is not None:
            raise DatasetBusy(
                tr(
                    "dataset '{name}' in Neo4j is being loaded right now (a load started at "
                    "{started} is in progress); run this again when it has finished",
                    name=name,
                    started=started,
                )
            )
        raise Neo4jDatabaseError(
            tr(
                "dataset '{name}' in Neo4j is incomplete: its last load stopped midway; run "
                "`orggraph load` on it again",
                name=name,
            )
        )
    return dict(meta)


def load_dataset(
    ds: Dataset,
    settings: Neo4jSettings,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: sl.Progress | None = None,
    workers: int = DEFAULT_WORKERS,
    wait: float = 0.0,
) -> sl.LoadSummary:
    """Load (upsert) ``ds`` into Neo4j under the name ``ds.name``.

    Parameters
    ----------
    ds
        A validated dataset.
    settings
        Where Neo4j is.
    replace
        Make the database hold exactly this version of the dataset: after every row is in,
        nodes and relationships the new version no longer has are deleted.  Other datasets are
        never touched.
    batch_size
        Rows per transaction.
    progress
        Called as ``progress(done, total)`` (rows) after each committed batch.
    workers
        Sessions writing batches at once.
    wait
        Seconds to wait for another load of ``ds.name`` running now to finish; 0 refuses at
        once.

    Returns
    -------
    LoadSummary
        Nodes and relationships created, updated and deleted, and duplicate relationships
        removed (left by loads that ran at once before the dataset lock).

    Raises
    ------
    DatasetBusy
        Another load of ``ds.name`` is (still, after ``wait`` seconds) running; nothing was
        written.
    Neo4jUnavailable, Neo4jAuthError, Neo4jDatabaseError
        The server cannot be reached, refuses the credentials, or fails otherwise.  Batches
        committed before the failure stay; running the load again completes it.

    Examples
    --------
    With a server running (``make neo4j-up``; tests/integration/test_store_load.py runs this)::

        summary = load_dataset(load("datasets/yuzhou"), Neo4jSettings.from_env())
        summary.lines()  # ['created 1438 nodes and 2544 relationships (Area 389, …)']
    """
    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be at least 1")
    sr.check_columns(ds)
    summary = sl.LoadSummary(ds.name)
    with connect(settings) as db:
        for statement in statements(cypher("schema")):
            db.write_schema(statement)
        with dataset_lock(db, ds.name, settings.database, wait):
            existed = bool(db.write(cypher("dataset_begin"), dataset=ds.name)["existed"])
            phases = sl.plan(ds, first=not existed)
            sl.run(db, ds.name, phases, summary, batch_size, workers, progress)
            if replace and existed:
                sl.sweep(db, ds, summary)
            db.write(cypher("dataset_finish"), dataset=ds.name, columns=sr.column_lists(ds))
    return summary


def read_dataset(name: str, settings: Neo4jSettings) -> Dataset:
    """Read dataset ``name`` back from Neo4j, exactly as it was loaded.

    Every table, in its row order, with its columns (extra ones included); ids stay strings,
    empty numbers stay NaN.

    Raises
    ------
    Neo4jDatabaseError
        ``name`` is not in the database (the message lists the datasets that are), or its last
        load did not complete.
    DatasetBusy
        A load of ``name`` is running now.
    """
    with connect(settings) as db:
        meta = _meta(db, name, settings)
        tables = {}
        for t in TABLES:
            columns = list(meta.get(f"columns_{t.name}") or [])
            if t.has_id:
                query = cypher("read_nodes", LABEL=NODE_LABEL[t.name])
                rows = db.read(query, dataset=name, columns=columns)
                cells = [(r[0], r[1]) for r in rows]
            else:
                cells = _read_links(db, name, t.name, columns)
            tables[t.name] = sr.frame_from_cells(t.name, columns, cells)
    return Dataset(name, tables)


def _read_links(db: Db, name: str, table: str, columns: list[str]) -> list[tuple[int, list[Any]]]:
    link = next(spec for spec in sr.LINKS if spec.table == table)
    other = [c for c in columns if c not in (link.src, link.dst)]
    cells: list[tuple[int, list[Any]]] = []
    for src in link.src_tables:
        for dst in link.dst_tables:
            query = cypher(
                "read_links", FROM=NODE_LABEL[src], TYPE=link.rel_type, TO=NODE_LABEL[dst]
            )
            for s, t, row, values in db.read(query, dataset=name, columns=other):
                by_name = dict(zip(other, values, strict=True))
                by_name[link.src], by_name[link.dst] = s, t
                cells.append((row, [by_name.get(c) for c in columns]))
    return cells


def list_datasets(settings: Neo4jSettings) -> list[str]:
    """Names of the datasets the database holds (complete or not), sorted."""
    with connect(settings) as db:
        return [r[0] for r in db.read(cypher("list_datasets"))]


def drop_dataset(name: str, settings: Neo4jSettings) -> int:
    """Delete dataset ``name`` (nodes, relationships, bookkeeping); returns nodes deleted.

    Raises
    ------
    DatasetBusy
        A load of ``name`` is running; nothing was deleted.
    """
    deleted = 0
    with connect(settings) as db:
        for statement in statements(cypher("schema")):
            db.write_schema(statement)
        with dataset_lock(db, name, settings.database):
            for label in LABELS:
                query = cypher("drop_dataset", LABEL=label)
                while n := int(db.write(query, dataset=name, limit=sl.SWEEP_BATCH_SIZE)["deleted"]):
                    deleted += n
            db.write(cypher("drop_dataset_meta"), dataset=name)
    return deleted


def run_view(
    view_name: str, dataset_name: str, settings: Neo4jSettings, **params: Any
) -> list[dict[str, Any]]:
    """Run the read-only planner view ``view_name`` (an audit rule id, see :data:`PLANNER_VIEWS`).

    Thresholds not given come from the audit defaults.  Each row has ``subject_id`` and
    ``subject_name``, sorted by ``subject_id``.

    Examples
    --------
    With the dataset loaded (tests/integration/test_store_audit.py checks every view)::

        rows = run_view("uncovered-community", "yuzhou", settings)
        rows[0]["subject_id"]  # 'C017'
    """
    if view_name not in PLANNER_VIEWS:
        raise KeyError(f"no view {view_name!r}; views: {', '.join(PLANNER_VIEWS)}")
    defaults = AuditConfig()
    for key in PLANNER_VIEWS[view_name]:
        params.setdefault(key, defaults[key])
    query = cypher("view_" + view_name.replace("-", "_"))
    with connect(settings) as db:
        _meta(db, dataset_name, settings)
        return db.read_dicts(query, **params, dataset=dataset_name)


def query(text: str, settings: Neo4jSettings, **params: Any) -> list[dict[str, Any]]:
    """Run the read-only Cypher ``text`` (values as ``$parameters``) and return its rows.

    For a planner's own questions and for tests; it runs in a read transaction, so a statement
    that writes fails.
    """
    with connect(settings) as db:
        return db.read_dicts(text, **params)

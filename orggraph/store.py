"""The one door to Neo4j: load a dataset, read it back, run the read-only views.

This is the only module that imports the ``neo4j`` driver (lazily, so ``orggraph --help`` stays
fast).  Every write is a batched ``UNWIND $rows`` in its own managed transaction
(``execute_write``: retried on transient errors, all or nothing); every value travels as a
parameter.  Several datasets live side by side in one database, keyed by ``(dataset, id)``.

Loading is idempotent: a node or relationship is written only when it differs, so loading the
same dataset again changes nothing.  ``replace=True`` then removes what the new version no longer
has, but only after every batch of the new version is in: a load that fails midway never
deletes anything, leaves the dataset marked ``loading`` (reads refuse it) and is completed by
running it again.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from orggraph import store_load as sl
from orggraph import store_rows as sr
from orggraph.config import AuditConfig, Neo4jSettings
from orggraph.dataset import Dataset
from orggraph.errors import Neo4jAuthError, Neo4jDatabaseError, Neo4jUnavailable, OrgGraphError
from orggraph.schema import NODE_LABEL, TABLES
from orggraph.store_load import LoadSummary, Progress
from orggraph.store_rows import cypher

if TYPE_CHECKING:
    import neo4j

__all__ = [
    "VIEWS",
    "LoadSummary",
    "cypher",
    "drop_dataset",
    "list_datasets",
    "load_dataset",
    "query",
    "read_dataset",
    "run_view",
]

DEFAULT_BATCH_SIZE = 5_000
# Two sessions write at once: the server works on one batch while the driver sends the next.
DEFAULT_WORKERS = 2
# How long the driver keeps retrying a transaction that failed for a transient reason
# (connection lost, deadlock, leader switch) before the error reaches the user.
RETRY_SECONDS = 15.0
# The views a planner can paste into Neo4j Browser, by the audit rule each one mirrors.
VIEWS: dict[str, tuple[str, ...]] = {
    "uncovered-community": (),
    "uncovered-compound": (),
    "uncovered-grid": (),
    "unit-should-establish": ("establish_min_members",),
    "unpaired-community": ("min_pairings",),
    "isolated-org": (),
}
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


# ---- connection and errors -------------------------------------------------------------------


def server_address(settings: Neo4jSettings) -> str:
    """The URI without any user:password@ part."""
    try:
        parts = urlsplit(settings.uri)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{host}{port}" if parts.scheme else settings.uri
    except ValueError:
        return "the given URI"


def _translate(e: Exception, settings: Neo4jSettings) -> OrgGraphError | None:
    """The orggraph error a driver error means (``None``: not a driver error)."""
    from neo4j import exceptions as x

    where = server_address(settings)
    if isinstance(e, x.AuthError) or (
        isinstance(e, x.ClientError) and (e.code or "").startswith("Neo.ClientError.Security.")
    ):
        hint = "wrong user name or password (set NEO4J_PASSWORD or --password)"
        if "RateLimit" in (e.code or ""):
            hint = "too many failed attempts; wait a few seconds and check the password"
        return Neo4jAuthError(f"Neo4j at {where} refused user '{settings.user}': {hint}")
    if isinstance(e, x.ServiceUnavailable | x.SessionExpired | x.IncompleteCommit | OSError):
        return Neo4jUnavailable(
            f"cannot reach Neo4j at {where}: is it running? `make neo4j-up` starts a local one"
        )
    if isinstance(e, x.ConfigurationError):
        # The driver's own message may quote the URI as given: say it in our words.
        return Neo4jUnavailable(f"cannot use {where} as a Neo4j URI (bolt://HOST:PORT)")
    if isinstance(e, x.ClientError) and e.code == "Neo.ClientError.Database.DatabaseNotFound":
        return Neo4jDatabaseError(
            f"database '{settings.database}' does not exist on Neo4j at {where} "
            "(Neo4j Community has only 'neo4j'; set NEO4J_DATABASE or --database)"
        )
    if isinstance(e, x.Neo4jError):
        return Neo4jDatabaseError(f"Neo4j at {where}: {e.code}: {_first_line(e.message or e)}")
    if isinstance(e, x.DriverError):
        return Neo4jUnavailable(f"Neo4j at {where}: {_first_line(e)}")
    return None


def _first_line(e: object) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


@contextmanager
def _errors(settings: Neo4jSettings) -> Iterator[None]:
    try:
        yield
    except OrgGraphError:
        raise
    except Exception as e:
        mapped = _translate(e, settings)
        if mapped is None:
            raise
        raise mapped from None


def require_version(version: str, where: str = "the server") -> None:
    """Refuse a Neo4j older than 5 (``version`` as ``dbms.components()`` reports it)."""
    match = re.match(r"(\d+)", version or "")
    if not match or int(match.group(1)) < 5:
        raise Neo4jDatabaseError(
            f"Neo4j at {where} is version {version or 'unknown'}; orggraph needs Neo4j 5 or later"
        )


@contextmanager
def _connect(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A verified driver for ``settings``; driver errors become orggraph errors."""
    import neo4j

    scheme = settings.uri.split("://", 1)[0].lower() if "://" in settings.uri else ""
    if scheme not in BOLT_SCHEMES:
        raise Neo4jUnavailable(
            f"'{server_address(settings)}' is not a Bolt URI: use bolt://HOST:7687 "
            "(or neo4j://, bolt+s://, neo4j+s://)"
        )
    if "@" in settings.uri.split("://", 1)[1].split("/", 1)[0]:
        raise Neo4jUnavailable(
            f"{server_address(settings)}: put the user and password in --user/--password "
            "(NEO4J_USER/NEO4J_PASSWORD), not in the URI"
        )
    with _errors(settings):
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            user_agent="orggraph",
            connection_timeout=10.0,
            max_transaction_retry_time=RETRY_SECONDS,
        )
        try:
            driver.verify_connectivity()
            records, _, _ = driver.execute_query(
                cypher("server_version"), database_=settings.database, routing_="r"
            )
            require_version(str(records[0]["version"]) if records else "", server_address(settings))
            yield driver
        finally:
            driver.close()


def _single(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> dict[str, Any]:
    record = tx.run(query, params).single()
    return dict(record) if record is not None else {}


def _dicts(
    tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(query, params)]


def _all(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> list[list[Any]]:
    return [list(r.values()) for r in tx.run(query, params)]


class _Db:
    """Managed transactions on one session per thread (sessions are not thread-safe)."""

    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        self._driver = driver
        self._database = database
        self._local = threading.local()
        self._sessions: list[neo4j.Session] = []
        self._lock = threading.Lock()

    def _session(self) -> neo4j.Session:
        session: neo4j.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = self._driver.session(database=self._database)
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def write(self, query: str, **params: Any) -> dict[str, Any]:
        return self._session().execute_write(_single, query, params)

    def read(self, query: str, **params: Any) -> list[list[Any]]:
        return self._session().execute_read(_all, query, params)

    def read_dicts(self, query: str, **params: Any) -> list[dict[str, Any]]:
        return self._session().execute_read(_dicts, query, params)

    def close(self) -> None:
        for session in self._sessions:
            session.close()


@contextmanager
def _db(settings: Neo4jSettings) -> Iterator[_Db]:
    with _connect(settings) as driver:
        db = _Db(driver, settings.database)
        try:
            yield db
        finally:
            db.close()


def _meta(db: _Db, name: str, settings: Neo4jSettings) -> dict[str, Any]:
    """The bookkeeping node of ``name``; an error naming the datasets there if it is absent."""
    rows = db.read(cypher("dataset_meta"), dataset=name)
    meta = rows[0][0] if rows else None
    if meta is None:
        names = [r[0] for r in db.read(cypher("list_datasets"))]
        there = ", ".join(names) if names else "none yet"
        where = server_address(settings)
        raise Neo4jDatabaseError(
            f"dataset '{name}' is not in database '{settings.database}' at {where} "
            f"(datasets there: {there}); load it with `orggraph load`"
        )
    if meta.get("status") != "loaded":
        raise Neo4jDatabaseError(
            f"dataset '{name}' in Neo4j is incomplete: its last load stopped midway; "
            "run `orggraph load` on it again"
        )
    return dict(meta)


# ---- loading ---------------------------------------------------------------------------------


# ---- loading ---------------------------------------------------------------------------------


def load_dataset(
    ds: Dataset,
    settings: Neo4jSettings,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    workers: int = DEFAULT_WORKERS,
) -> LoadSummary:
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

    Returns
    -------
    LoadSummary
        Nodes and relationships created, updated and deleted.

    Raises
    ------
    Neo4jUnavailable, Neo4jAuthError, Neo4jDatabaseError
        The server cannot be reached, refuses the credentials, or fails otherwise.  Batches
        committed before the failure stay; running the load again completes it.

    Examples
    --------
    >>> summary = load_dataset(load("datasets/yuzhou"), Neo4jSettings.from_env())  # doctest: +SKIP
    >>> summary.lines()  # doctest: +SKIP
    ['created 1438 nodes and 2544 relationships (Area 389, …)']
    """
    if batch_size < 1 or workers < 1:
        raise ValueError("batch_size and workers must be at least 1")
    sr.check_columns(ds)
    summary = LoadSummary(ds.name)
    with _db(settings) as db:
        for statement in sr.statements(cypher("schema")):
            db.write(statement)
        existed = bool(db.write(cypher("dataset_begin"), dataset=ds.name)["existed"])
        phases = sl.plan(ds, first=not existed)
        sl.run(db, ds.name, phases, summary, batch_size, workers, progress)
        if replace and existed:
            sl.sweep(db, ds, summary)
        db.write(cypher("dataset_finish"), dataset=ds.name, columns=sr.column_lists(ds))
    return summary


# ---- reading ---------------------------------------------------------------------------------


def read_dataset(name: str, settings: Neo4jSettings) -> Dataset:
    """Read dataset ``name`` back from Neo4j, exactly as it was loaded.

    Every table, in its row order, with its columns (extra ones included); ids stay strings,
    empty numbers stay NaN.

    Raises
    ------
    Neo4jDatabaseError
        ``name`` is not in the database (the message lists the datasets that are), or its last
        load did not complete.
    """
    with _db(settings) as db:
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


def _read_links(db: _Db, name: str, table: str, columns: list[str]) -> list[tuple[int, list[Any]]]:
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
    with _db(settings) as db:
        return [r[0] for r in db.read(cypher("list_datasets"))]


def drop_dataset(name: str, settings: Neo4jSettings) -> int:
    """Delete dataset ``name`` (nodes, relationships, bookkeeping); returns nodes deleted."""
    deleted = 0
    with _db(settings) as db:
        for label in sr.LABELS:
            query = cypher("drop_dataset", LABEL=label)
            while n := int(db.write(query, dataset=name, limit=sl.SWEEP_BATCH_SIZE)["deleted"]):
                deleted += n
        db.write(cypher("drop_dataset_meta"), dataset=name)
    return deleted


def run_view(
    view_name: str, dataset_name: str, settings: Neo4jSettings, **params: Any
) -> list[dict[str, Any]]:
    """Run the read-only view ``view_name`` (an audit rule id, see :data:`VIEWS`).

    Thresholds not given come from the audit defaults.  Each row has ``subject_id`` and
    ``subject_name``, sorted by ``subject_id``.

    Examples
    --------
    >>> rows = run_view("uncovered-community", "yuzhou", settings)  # doctest: +SKIP
    >>> rows[0]["subject_id"]  # doctest: +SKIP
    'C017'
    """
    if view_name not in VIEWS:
        raise KeyError(f"no view {view_name!r}; views: {', '.join(VIEWS)}")
    defaults = AuditConfig()
    for key in VIEWS[view_name]:
        params.setdefault(key, defaults[key])
    query = cypher("view_" + view_name.replace("-", "_"))
    with _db(settings) as db:
        _meta(db, dataset_name, settings)
        return db.read_dicts(query, **params, dataset=dataset_name)


def query(text: str, settings: Neo4jSettings, **params: Any) -> list[dict[str, Any]]:
    """Run the read-only Cypher ``text`` (values as ``$parameters``) and return its rows.

    For a planner's own questions and for tests; it runs in a read transaction, so a statement
    that writes fails.
    """
    with _db(settings) as db:
        return db.read_dicts(text, **params)

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from orggraph import store_rows as sr
from orggraph.config import AuditConfig, Neo4jSettings
from orggraph.dataset import Dataset
from orggraph.errors import Neo4jAuthError, Neo4jDatabaseError, Neo4jUnavailable, OrgGraphError
from orggraph.schema import NODE_LABEL, TABLES

if TYPE_CHECKING:
    import neo4j

DEFAULT_BATCH_SIZE = 10_000
SWEEP_BATCH_SIZE = 10_000
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
_TOKEN = re.compile(r"__([A-Z]+)__")
_IDENTIFIERS = frozenset(sr.LABELS) | frozenset(sr.REL_TYPES)

Progress = Callable[[int, int], None]


def cypher(name: str, **tokens: str) -> str:
    """The Cypher statement ``cypher/<name>.cypher``, with its label placeholders filled.

    Parameters
    ----------
    name
        The file's stem, e.g. ``"view_uncovered_community"``.
    **tokens
        ``LABEL="Area"`` replaces ``__LABEL__``; only orggraph's own labels and relationship
        types are accepted (values always travel as parameters).

    Examples
    --------
    >>> "MERGE (n:Area" in cypher("load_nodes", LABEL="Area")
    True
    """
    try:
        text = resources.files("orggraph.cypher").joinpath(f"{name}.cypher").read_text("utf-8")
    except FileNotFoundError as e:
        raise KeyError(f"no Cypher statement named {name!r}") from e
    for key, value in tokens.items():
        if value not in _IDENTIFIERS:
            raise ValueError(f"{value!r} is not an orggraph label or relationship type")
        text = text.replace(f"__{key}__", value)
    left = _TOKEN.search(text)
    if left:
        raise ValueError(f"{name}.cypher needs a value for {left.group(0)}")
    return text


def _statements(text: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]


@dataclass
class LoadSummary:
    """What a load changed, per node label and per relationship type."""

    dataset: str
    nodes_created: dict[str, int] = field(default_factory=dict)
    nodes_updated: dict[str, int] = field(default_factory=dict)
    nodes_deleted: dict[str, int] = field(default_factory=dict)
    relationships_created: dict[str, int] = field(default_factory=dict)
    relationships_updated: dict[str, int] = field(default_factory=dict)
    relationships_deleted: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def _add(counts: dict[str, int], key: str, n: int) -> None:
        counts[key] = counts.get(key, 0) + int(n)

    @property
    def created(self) -> int:
        return sum(self.nodes_created.values()) + sum(self.relationships_created.values())

    @property
    def updated(self) -> int:
        return sum(self.nodes_updated.values()) + sum(self.relationships_updated.values())

    @property
    def deleted(self) -> int:
        return sum(self.nodes_deleted.values()) + sum(self.relationships_deleted.values())

    def lines(self) -> list[str]:
        """A human summary: one line per kind of change, ``unchanged`` if there was none."""
        out = []
        for verb, nodes, rels in (
            ("created", self.nodes_created, self.relationships_created),
            ("updated", self.nodes_updated, self.relationships_updated),
            ("deleted", self.nodes_deleted, self.relationships_deleted),
        ):
            parts = [f"{k} {v}" for k, v in {**nodes, **rels}.items() if v]
            if parts:
                n_nodes, n_rels = sum(nodes.values()), sum(rels.values())
                out.append(
                    f"{verb} {n_nodes} nodes and {n_rels} relationships ({', '.join(parts)})"
                )
        return out or ["nothing changed: the database already held this version"]


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
            max_transaction_retry_time=15.0,
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


def _all(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> list[list[Any]]:
    return [list(r.values()) for r in tx.run(query, params)]


def _write(session: neo4j.Session, query: str, **params: Any) -> dict[str, Any]:
    return session.execute_write(_single, query, params)


def _read(session: neo4j.Session, query: str, **params: Any) -> list[list[Any]]:
    return session.execute_read(_all, query, params)


def _meta(session: neo4j.Session, name: str, settings: Neo4jSettings) -> dict[str, Any]:
    """The bookkeeping node of ``name``; an error naming the datasets there if it is absent."""
    rows = _read(session, cypher("dataset_meta"), dataset=name)
    meta = rows[0][0] if rows else None
    if meta is None:
        names = [r[0] for r in _read(session, cypher("list_datasets"))]
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


def load_dataset(
    ds: Dataset,
    settings: Neo4jSettings,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
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

    Returns
    -------
    LoadSummary
        Nodes and relationships created, updated and deleted.

    Raises
    ------
    Neo4jUnavailable, Neo4jAuthError, Neo4jDatabaseError
        The server cannot be reached, refuses the credentials, or fails otherwise.  Batches
        committed before the failure stay; running the load again completes it.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    sr.check_columns(ds)
    summary = LoadSummary(ds.name)
    with _connect(settings) as driver, driver.session(database=settings.database) as session:
        for statement in _statements(cypher("schema")):
            session.execute_write(_single, statement, {})
        existed = bool(_write(session, cypher("dataset_begin"), dataset=ds.name)["existed"])
        steps = _load_steps(ds, include_empty=existed)
        total = sum(len(rows) for _q, rows, _c in steps)
        done = 0
        for query, rows, count in steps:
            for batch in sr.batches(rows, batch_size):
                result = _write(session, query, dataset=ds.name, rows=list(batch))
                count(summary, result)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        if replace and existed:
            _sweep(session, ds, summary)
        _write(session, cypher("dataset_finish"), dataset=ds.name, columns=sr.column_lists(ds))
    return summary


Step = tuple[str, list[Any], Callable[[LoadSummary, dict[str, Any]], None]]


def _load_steps(ds: Dataset, include_empty: bool) -> list[Step]:
    """Every statement with its rows, in order: all nodes, then references, then link rows."""
    steps: list[Step] = []

    def counter(kind: str, key: str) -> Callable[[LoadSummary, dict[str, Any]], None]:
        def count(s: LoadSummary, r: dict[str, Any]) -> None:
            created = s.nodes_created if kind == "node" else s.relationships_created
            updated = s.nodes_updated if kind == "node" else s.relationships_updated
            s._add(created, key, r.get("created", 0))
            if "updated" in r:
                s._add(updated, key, r["updated"])
            if "deleted" in r:
                s._add(s.relationships_deleted, key, r["deleted"])

        return count

    for table, label in NODE_LABEL.items():
        steps.append(
            (cypher("load_nodes", LABEL=label), sr.node_rows(ds, table), counter("node", label))
        )
    for ref in sr.REFS:
        rows = sr.ref_rows(ds, ref, include_empty)
        query = cypher("load_refs", FROM=ref.from_label, TYPE=ref.rel_type, TO=ref.to_label)
        steps.append((query, rows, counter("rel", ref.rel_type)))
    for link in sr.LINKS:
        for (src, dst), rows in sr.link_rows(ds, link).items():
            query = cypher("load_links", FROM=src, TYPE=link.rel_type, TO=dst)
            steps.append((query, rows, counter("rel", link.rel_type)))
    return steps


def _sweep(session: neo4j.Session, ds: Dataset, summary: LoadSummary) -> None:
    """Delete what the database holds of ``ds.name`` beyond the rows of ``ds``."""
    for link in sr.LINKS:
        wanted = sr.link_keys(sr.link_rows(ds, link))
        for src in link.src_tables:
            for dst in link.dst_tables:
                tokens = {"FROM": NODE_LABEL[src], "TYPE": link.rel_type, "TO": NODE_LABEL[dst]}
                have = _read(session, cypher("sweep_link_keys", **tokens), dataset=ds.name)
                gone = [{"s": s, "t": t, "n": n} for s, t, n in have if (s, t, n) not in wanted]
                for batch in sr.batches(gone, SWEEP_BATCH_SIZE):
                    r = _write(
                        session, cypher("sweep_links", **tokens), dataset=ds.name, keys=batch
                    )
                    summary._add(summary.relationships_deleted, link.rel_type, r["deleted"])
    for table, label in NODE_LABEL.items():
        wanted_ids = set(ds[table]["id"])
        have = _read(session, cypher("sweep_node_ids", LABEL=label), dataset=ds.name)
        gone_ids = [i for (i,) in have if i not in wanted_ids]
        for batch in sr.batches(gone_ids, SWEEP_BATCH_SIZE):
            r = _write(session, cypher("sweep_nodes", LABEL=label), dataset=ds.name, ids=batch)
            summary._add(summary.nodes_deleted, label, r["deleted"])


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
    with _connect(settings) as driver, driver.session(database=settings.database) as session:
        meta = _meta(session, name, settings)
        tables = {}
        for t in TABLES:
            columns = list(meta.get(f"columns_{t.name}") or [])
            if t.has_id:
                rows = _read(
                    session,
                    cypher("read_nodes", LABEL=NODE_LABEL[t.name]),
                    dataset=name,
                    columns=columns,
                )
                cells = [(r[0], r[1]) for r in rows]
            else:
                cells = _read_links(session, name, t.name, columns)
            tables[t.name] = sr.frame_from_cells(t.name, columns, cells)
    return Dataset(name, tables)


def _read_links(
    session: neo4j.Session, name: str, table: str, columns: list[str]
) -> list[tuple[int, list[Any]]]:
    link = next(spec for spec in sr.LINKS if spec.table == table)
    other = [c for c in columns if c not in (link.src, link.dst)]
    cells: list[tuple[int, list[Any]]] = []
    for src in link.src_tables:
        for dst in link.dst_tables:
            query = cypher(
                "read_links", FROM=NODE_LABEL[src], TYPE=link.rel_type, TO=NODE_LABEL[dst]
            )
            for s, t, row, values in _read(session, query, dataset=name, columns=other):
                by_name = dict(zip(other, values, strict=True))
                by_name[link.src], by_name[link.dst] = s, t
                cells.append((row, [by_name.get(c) for c in columns]))
    return cells


def list_datasets(settings: Neo4jSettings) -> list[str]:
    """Names of the datasets the database holds (complete or not), sorted."""
    with _connect(settings) as driver, driver.session(database=settings.database) as session:
        return [r[0] for r in _read(session, cypher("list_datasets"))]


def drop_dataset(name: str, settings: Neo4jSettings) -> int:
    """Delete dataset ``name`` (nodes, relationships, bookkeeping); returns nodes deleted."""
    deleted = 0
    with _connect(settings) as driver, driver.session(database=settings.database) as session:
        for label in sr.LABELS:
            query = cypher("drop_dataset", LABEL=label)
            while n := int(_write(session, query, dataset=name, limit=SWEEP_BATCH_SIZE)["deleted"]):
                deleted += n
        session.execute_write(_single, cypher("drop_dataset_meta"), {"dataset": name})
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
    with _connect(settings) as driver, driver.session(database=settings.database) as session:
        _meta(session, dataset_name, settings)
        return session.execute_read(
            lambda tx: [r.data() for r in tx.run(query, {**params, "dataset": dataset_name})]
        )

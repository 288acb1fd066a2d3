"""The driver: connecting, sessions, managed transactions, and driver errors in orggraph's words.

The only module that imports the ``neo4j`` driver (lazily, so ``orggraph --help`` stays fast).
Every error the driver raises leaves here as an :class:`~orggraph.errors.OrgGraphError` with one
line a planner can act on; the password never appears in it.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from orggraph.config import Neo4jSettings
from orggraph.errors import Neo4jAuthError, Neo4jDatabaseError, Neo4jUnavailable, OrgGraphError
from orggraph.i18n import tr
from orggraph.store.statements import cypher

if TYPE_CHECKING:
    import neo4j

# How long the driver keeps retrying a transaction that failed for a transient reason
# (connection lost, deadlock, leader switch) before the error reaches the user.
RETRY_SECONDS = 15.0
_QUIET = logging.NullHandler()  # one instance: adding it again is then a no-op
# Codes of a schema statement that found its constraint made by someone else meanwhile.
_ALREADY_THERE = ("EquivalentSchemaRuleAlreadyExists", "ConstraintAlreadyExists")
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def server_address(settings: Neo4jSettings) -> str:
    """The URI without any user:password@ part.

    Examples
    --------
    >>> server_address(Neo4jSettings("bolt://neo4j:secret@db.example:7687", "neo4j", "x"))
    'bolt://db.example:7687'
    """
    try:
        parts = urlsplit(settings.uri)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{host}{port}" if parts.scheme else settings.uri
    except ValueError:
        return tr("the given URI")


def _translate(e: Exception, settings: Neo4jSettings) -> OrgGraphError | None:
    """The orggraph error a driver error means (``None``: not a driver error)."""
    from neo4j import exceptions as x

    where = server_address(settings)
    code = getattr(e, "code", None) or ""
    if isinstance(e, x.AuthError) or (
        isinstance(e, x.ClientError) and code.startswith("Neo.ClientError.Security.")
    ):
        hint = tr("wrong user name or password (set NEO4J_PASSWORD or --password)")
        if "RateLimit" in code:
            hint = tr("too many failed attempts; wait a few seconds and check the password")
        return Neo4jAuthError(
            tr(
                "Neo4j at {where} refused user '{user}': {hint}",
                where=where,
                user=settings.user,
                hint=hint,
            )
        )
    if isinstance(e, x.ServiceUnavailable | x.SessionExpired | x.IncompleteCommit | OSError):
        return Neo4jUnavailable(
            tr(
                "cannot reach Neo4j at {where}: is it running? `make neo4j-up` starts a local one",
                where=where,
            )
        )
    if isinstance(e, x.ConfigurationError):
        # The driver's own message may quote the URI as given: say it in our words.
        return Neo4jUnavailable(
            tr("cannot use {where} as a Neo4j URI (bolt://HOST:PORT)", where=where)
        )
    if isinstance(e, x.ClientError) and code == "Neo.ClientError.Database.DatabaseNotFound":
        return Neo4jDatabaseError(
            tr(
                "database '{database}' does not exist on Neo4j at {where} (Neo4j Community has "
                "only 'neo4j'; set NEO4J_DATABASE or --database)",
                database=settings.database,
                where=where,
            )
        )
    if isinstance(e, x.Neo4jError):
        return Neo4jDatabaseError(
            tr(
                "Neo4j at {where}: {code}: {message}",
                where=where,
                code=code,
                message=_first_line(e.message or e),
            )
        )
    if isinstance(e, x.DriverError):
        return Neo4jUnavailable(
            tr("Neo4j at {where}: {message}", where=where, message=_first_line(e))
        )
    return None


def _first_line(e: object) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


@contextmanager
def translated_errors(settings: Neo4jSettings) -> Iterator[None]:
    """Re-raise driver errors inside the block as orggraph errors (see :func:`_translate`)."""
    try:
        yield
    except OrgGraphError:
        raise
    except Exception as e:
        mapped = _translate(e, settings)
        if mapped is None:
            raise
        raise mapped from None


def require_version(version: str, where: str | None = None) -> None:
    """Refuse a Neo4j older than 5 (``version`` as ``dbms.components()`` reports it).

    Examples
    --------
    >>> require_version("5.26.30")
    >>> try:
    ...     require_version("4.4.12", "bolt://old:7687")
    ... except Neo4jDatabaseError as e:
    ...     print(e)
    Neo4j at bolt://old:7687 is version 4.4.12; orggraph needs Neo4j 5 or later
    """
    match = re.match(r"(\d+)", version or "")
    if not match or int(match.group(1)) < 5:
        raise Neo4jDatabaseError(
            tr(
                "Neo4j at {where} is version {version}; orggraph needs Neo4j 5 or later",
                where=where or tr("the Neo4j server"),
                version=version or "?",
            )
        )


def _check_uri(settings: Neo4jSettings) -> None:
    scheme = settings.uri.split("://", 1)[0].lower() if "://" in settings.uri else ""
    if scheme not in BOLT_SCHEMES:
        raise Neo4jUnavailable(
            tr(
                "'{uri}' is not a Bolt URI: use bolt://HOST:7687 (or neo4j://, bolt+s://, "
                "neo4j+s://)",
                uri=server_address(settings),
            )
        )
    if "@" in settings.uri.split("://", 1)[1].split("/", 1)[0]:
        raise Neo4jUnavailable(
            tr(
                "{where}: put the user and password in --user/--password "
                "(NEO4J_USER/NEO4J_PASSWORD), not in the URI",
                where=server_address(settings),
            )
        )


@contextmanager
def _connect(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A verified driver for ``settings``; driver errors become orggraph errors."""
    import neo4j

    # The driver logs its retries and dropped connections as warnings; unless the application
    # configured logging, they would print before the one line orggraph says about them.
    logging.getLogger("neo4j").addHandler(_QUIET)
    _check_uri(settings)
    with translated_errors(settings):
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            user_agent="orggraph",
            connection_timeout=10.0,
            max_transaction_retry_time=RETRY_SECONDS,
            # The server's hints ("label OrgGraphDataset does not exist" on a fresh database)
            # are for people writing queries, not for a planner: they would print as long log
            # lines before our one-line error.
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
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


class Db:
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
        """Run ``query`` in its own write transaction (retried); its one record as a dict."""
        return self._session().execute_write(_single, query, params)

    def write_schema(self, query: str) -> None:
        """Run a ``CREATE … IF NOT EXISTS`` schema statement.

        Two processes creating the same constraint at the same moment: the one that loses is
        told it exists already, which is what it wanted.
        """
        from neo4j.exceptions import ClientError

        try:
            self.write(query)
        except ClientError as e:
            if not (e.code or "").endswith(_ALREADY_THERE):
                raise

    def read(self, query: str, **params: Any) -> list[list[Any]]:
        """Run ``query`` in a read transaction; every record as a list of values."""
        return self._session().execute_read(_all, query, params)

    def read_dicts(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run ``query`` in a read transaction; every record as a dict."""
        return self._session().execute_read(_dicts, query, params)

    @contextmanager
    def open_transaction(
        self, query: str, metadata: dict[str, Any], **params: Any
    ) -> Iterator[list[dict[str, Any]]]:
        """Run ``query`` in a transaction of its own session and keep it open for the block.

        The locks ``query`` took are held until the block ends; the transaction is then rolled
        back, so it never changes anything.  ``metadata`` shows in ``SHOW TRANSACTIONS``.
        """
        session = self._driver.session(database=self._database)
        try:
            tx = session.begin_transaction(metadata=metadata)
            try:
                yield [r.data() for r in tx.run(query, params)]
            finally:
                from neo4j.exceptions import DriverError, Neo4jError

                # A connection already lost has rolled the transaction back on the server.
                with contextlib.suppress(DriverError, Neo4jError):
                    tx.rollback()
        finally:
            session.close()

    def close(self) -> None:
        for session in self._sessions:
            session.close()


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator[Db]:
    """A :class:`Db` on a verified connection; driver errors in the block become orggraph's."""
    with _connect(settings) as driver:
        db = Db(driver, settings.database)
        try:
            yield db
        finally:
            db.close()

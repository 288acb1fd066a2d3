"""Loading a dataset into Neo4j: the plan of batches, running them, sweeping what was removed.

No driver here: :mod:`orggraph.store.datasets` hands in a :class:`LoadTarget` whose ``write``
runs one statement in one managed transaction and whose ``read`` returns the records as lists.

Order matters and so do failures.  All nodes go first, then the relationships of reference
columns, then link-table rows (a relationship needs both its ends).  Within a phase, batches run
on ``workers`` sessions at once; each batch is one transaction, all or nothing, and every
statement is idempotent, so a retried or re-run batch does no harm.  The dataset's bookkeeping
node says ``loading`` until the end: only then does ``replace`` delete what the new version
dropped, so a failure midway never deletes anything.  Only one load of a dataset runs at a time
(:mod:`orggraph.store.lock`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Protocol

from orggraph.dataset import Dataset
from orggraph.i18n import tr
from orggraph.schema import NODE_LABEL
from orggraph.store import rows as sr
from orggraph.store.statements import LABELS, REL_TYPES, cypher

Progress = Callable[[int, int], None]
SWEEP_BATCH_SIZE = 10_000
_ORDER = (*LABELS, *REL_TYPES)  # labels and types as the summary lists them


class LoadTarget(Protocol):
    """What loading needs from a database connection (:class:`~orggraph.store.connection.Db`)."""

    def write(self, query: str, **params: Any) -> dict[str, Any]: ...

    def read(self, query: str, **params: Any) -> list[list[Any]]: ...


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
    # Relationships found twice for one key (two loads at once, before the dataset lock).
    duplicates_removed: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def add(counts: dict[str, int], key: str, n: int) -> None:
        if n:
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
        """A human summary: one line per kind of change, or one saying nothing changed."""
        out = []
        for nodes, rels, say in (
            (
                self.nodes_created,
                self.relationships_created,
                lambda **f: tr(
                    "created {nodes} nodes and {relationships} relationships ({parts})", **f
                ),
            ),
            (
                self.nodes_updated,
                self.relationships_updated,
                lambda **f: tr(
                    "updated {nodes} nodes and {relationships} relationships ({parts})", **f
                ),
            ),
            (
                self.nodes_deleted,
                self.relationships_deleted,
                lambda **f: tr(
                    "deleted {nodes} nodes and {relationships} relationships ({parts})", **f
                ),
            ),
        ):
            if nodes or rels:
                n, r = sum(nodes.values()), sum(rels.values())
                out.append(say(nodes=n, relationships=r, parts=_parts(nodes, rels)))
        if self.duplicates_removed:
            out.append(
                tr(
                    "removed {relationships} duplicate relationships ({parts})",
                    relationships=sum(self.duplicates_removed.values()),
                    parts=_parts(self.duplicates_removed),
                )
            )
        return out or [tr("nothing changed: the database already held this version")]


def _parts(*counts: dict[str, int]) -> str:
    """``Area 389, PartyOrg 628, …``: the counts by label and type, in schema order."""
    merged = {k: v for c in counts for k, v in c.items()}
    return ", ".join(f"{k} {merged[k]}" for k in _ORDER if merged.get(k))


Count = Callable[[LoadSummary, dict[str, Any]], None]


@dataclass(frozen=True)
class Step:
    """One statement and the rows it takes, in batches."""

    query: str
    rows: list[Any]
    count: Count


def _counter(kind: str, key: str) -> Count:
    def count(s: LoadSummary, r: dict[str, Any]) -> None:
        created = s.nodes_created if kind == "node" else s.relationships_created
        updated = s.nodes_updated if kind == "node" else s.relationships_updated
        s.add(created, key, r.get("created", 0))
        s.add(updated, key, r.get("updated", 0))
        s.add(s.relationships_deleted, key, r.get("deleted", 0))
        s.add(s.duplicates_removed, key, r.get("duplicates", 0))

    return count


def _target(row: dict[str, Any]) -> str:
    return str(row.get("target") or row.get("t") or "")


def plan(ds: Dataset, first: bool) -> list[list[Step]]:
    """The three phases of a load: nodes, reference relationships, link-table relationships.

    ``first``: no earlier load of this dataset left anything, so plain ``CREATE`` statements do
    (about twice as fast as the upserting ``load_*`` ones).
    """
    verb = "create" if first else "load"
    nodes = [
        Step(cypher(f"{verb}_nodes", LABEL=label), sr.node_rows(ds, t), _counter("node", label))
        for t, label in NODE_LABEL.items()
    ]
    # Relationship rows sorted by their target: batches running at once then rarely lock the
    # same node (fewer deadlocks to retry), and each batch touches fewer pages.
    refs = [
        Step(
            cypher(f"{verb}_refs", FROM=ref.from_label, TYPE=ref.rel_type, TO=ref.to_label),
            sorted(sr.ref_rows(ds, ref, include_empty=not first), key=_target),
            _counter("rel", ref.rel_type),
        )
        for ref in sr.REFS
    ]
    links = [
        Step(
            cypher(f"{verb}_links", FROM=src, TYPE=link.rel_type, TO=dst),
            sorted(rows, key=_target),
            _counter("rel", link.rel_type),
        )
        for link in sr.LINKS
        for (src, dst), rows in sr.link_rows(ds, link).items()
    ]
    return [nodes, refs, links]


def run(
    db: LoadTarget,
    dataset: str,
    phases: list[list[Step]],
    summary: LoadSummary,
    batch_size: int,
    workers: int = 1,
    progress: Progress | None = None,
) -> None:
    """Run every batch of every phase; a phase starts when the one before has committed.

    On a failure (or an exception from ``progress``) no new batch starts, the batches already
    running finish, and the exception propagates.
    """
    total = sum(len(step.rows) for phase in phases for step in phase)
    done = 0

    def committed(step: Step, n: int, result: dict[str, Any]) -> None:
        nonlocal done
        step.count(summary, result)
        done += n
        if progress is not None:
            progress(done, total)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="orggraph-load") as pool:
        for phase in phases:
            tasks = ((step, list(b)) for step in phase for b in sr.batches(step.rows, batch_size))
            _run_phase(pool, db, dataset, tasks, workers, committed)


def _run_phase(
    pool: ThreadPoolExecutor,
    db: LoadTarget,
    dataset: str,
    tasks: Iterator[tuple[Step, list[Any]]],
    workers: int,
    committed: Callable[[Step, int, dict[str, Any]], None],
) -> None:
    running: dict[Future[dict[str, Any]], tuple[Step, int]] = {}

    def submit() -> None:
        for step, batch in tasks:
            future = pool.submit(db.write, step.query, dataset=dataset, rows=batch)
            running[future] = (step, len(batch))
            if len(running) >= workers:
                return

    try:
        submit()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                step, n = running.pop(future)
                committed(step, n, future.result())
            submit()
    except BaseException:
        for future in running:
            future.cancel()
        wait(running)
        raise


def sweep(db: LoadTarget, ds: Dataset, summary: LoadSummary) -> None:
    """Delete what the database holds of ``ds.name`` beyond the rows of ``ds``."""
    for link in sr.LINKS:
        wanted = sr.link_keys(sr.link_rows(ds, link))
        for src in link.src_tables:
            for dst in link.dst_tables:
                tokens = {"FROM": NODE_LABEL[src], "TYPE": link.rel_type, "TO": NODE_LABEL[dst]}
                have = db.read(cypher("sweep_link_keys", **tokens), dataset=ds.name)
                # A key may be there twice (duplicates): delete it once, with all its copies.
                keys = dict.fromkeys(tuple(k) for k in have if tuple(k) not in wanted)
                gone = [{"s": s, "t": t, "n": n} for s, t, n in keys]
                for batch in sr.batches(gone, SWEEP_BATCH_SIZE):
                    r = db.write(cypher("sweep_links", **tokens), dataset=ds.name, keys=batch)
                    summary.add(summary.relationships_deleted, link.rel_type, r["deleted"])
    for table, label in NODE_LABEL.items():
        wanted_ids = set(ds[table]["id"])
        have = db.read(cypher("sweep_node_ids", LABEL=label), dataset=ds.name)
        gone_ids = [i for (i,) in have if i not in wanted_ids]
        for batch in sr.batches(gone_ids, SWEEP_BATCH_SIZE):
            r = db.write(cypher("sweep_nodes", LABEL=label), dataset=ds.name, ids=batch)
            summary.add(summary.nodes_deleted, label, r["deleted"])
            for rel_type in r["types"]:
                summary.add(summary.relationships_deleted, rel_type, 1)

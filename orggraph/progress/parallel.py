"""Audit one snapshot in a second process while this one works on the other.

A diff audits two snapshots; on a machine with two or more CPUs the two audits can run side by
side.  The second process is *forked*, so it sees the already-validated dataset without copying
or pickling it; only its :class:`~orggraph.findings.AuditResult` travels back through a pipe.
Where fork is not available or does not pay (small snapshots), everything runs here.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from orggraph.config import AuditConfig
    from orggraph.dataset import Dataset
    from orggraph.findings import AuditResult

# Below this many nodes in all, starting a process costs about what it saves.
PARALLEL_MIN_NODES = 200_000


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _idle_cpus() -> float:
    """CPUs no other work is using, by the one-minute load average."""
    try:
        return _cpus() - os.getloadavg()[0]
    except OSError:
        return 0.0


def parallel_pays(*snapshots: Dataset) -> bool:
    """Whether auditing in a second process is worth it for these snapshots here and now.

    On a machine whose CPUs are already busy the second process only competes with this one
    (measured: slower than one process), so it takes a CPU left idle.
    """
    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and sum(ds.node_count for ds in snapshots) >= PARALLEL_MIN_NODES
        and _cpus() >= 2
        and _idle_cpus() >= 1.0
    )


def _audit_and_send(conn: Connection, ds: Dataset, cfg: AuditConfig | None) -> None:
    from orggraph.audit import run_audit

    try:
        conn.send(run_audit(ds, cfg))
    except Exception:  # the parent sees EOF and audits itself, raising there
        pass
    finally:
        conn.close()


class PendingAudit:
    """The audit running in the second process; :meth:`result` waits for it."""

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn

    def result(self) -> AuditResult | None:
        """The audit, or ``None`` if the second process failed (the caller audits itself)."""
        try:
            result: AuditResult = self.conn.recv()
            return result
        except (EOFError, OSError):
            return None
        finally:
            self.conn.close()
            self.process.join()


def audit_elsewhere(ds: Dataset, cfg: AuditConfig | None) -> PendingAudit:
    """Start auditing ``ds`` in a forked process."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_audit_and_send, args=(send, ds, cfg), daemon=True)
    process.start()
    send.close()  # the child holds its own end; EOF here if it dies
    return PendingAudit(process, receive)

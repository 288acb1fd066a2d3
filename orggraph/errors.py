"""orggraph's exceptions and the exit code each one maps to.

The CLI turns any :class:`OrgGraphError` into one ``Error: …`` line and ``exit_code``; the codes
are documented in the README and never reused for another meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1  # the audit found findings at or above --fail-on
EXIT_USAGE = 2  # click's own code for a bad command line
EXIT_DATASET = 3
EXIT_NEO4J_UNAVAILABLE = 4
EXIT_NEO4J_AUTH = 5
EXIT_NEO4J_DATABASE = 6
EXIT_OUTPUT = 7
EXIT_CONFIG = 8


class OrgGraphError(Exception):
    """Base of every error orggraph reports to a user (never with a traceback)."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One way a dataset breaks the contract, located as a spreadsheet shows it."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class DatasetError(OrgGraphError):
    """The dataset breaks the contract; ``problems`` lists every problem found."""

    exit_code = EXIT_DATASET

    def __init__(self, problems: list[Problem], source: str = "") -> None:
        self.problems = problems
        self.source = source
        n = len(problems)
        head = f"{source}: " if source else ""
        super().__init__(
            f"{head}{n} problem{'s' if n != 1 else ''} in the dataset; nothing was loaded"
        )

    def report(self) -> str:
        return "\n".join([str(self), *(f"  {p}" for p in self.problems)])


class ConfigError(OrgGraphError):
    exit_code = EXIT_CONFIG


class OutputError(OrgGraphError):
    exit_code = EXIT_OUTPUT


class Neo4jUnavailable(OrgGraphError):
    """The server cannot be reached (not running, wrong URI, connection dropped)."""

    exit_code = EXIT_NEO4J_UNAVAILABLE


class Neo4jAuthError(OrgGraphError):
    exit_code = EXIT_NEO4J_AUTH


class Neo4jDatabaseError(OrgGraphError):
    """Unknown database, unsupported server version, or a dataset the database does not hold."""

    exit_code = EXIT_NEO4J_DATABASE


class DatasetBusy(Neo4jDatabaseError):
    """Another load of the same dataset is running now (exit code 6, like other database states)."""

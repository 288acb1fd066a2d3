"""orggraph's exceptions and the exit codes a command can end with.

:class:`ExitCode` is the one list of exit codes: number, name and English meaning (the Chinese is
in :mod:`orggraph.catalogue.cli`).  The CLI's ``--help`` footers and the README's table are
derived from it, and a code is never reused for another meaning.  The CLI turns any
:class:`OrgGraphError` into one ``Error: …`` line and its ``exit_code``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code orggraph documents, with what it means (English, the catalogue key).

    Examples
    --------
    >>> ExitCode.DATASET, int(ExitCode.DATASET)
    (<ExitCode.DATASET: 3>, 3)
    >>> ExitCode(70).meaning.split(":")[0]
    'internal error, a bug in orggraph'
    """

    meaning: str

    def __new__(cls, code: int, meaning: str) -> ExitCode:
        member = int.__new__(cls, code)
        member._value_ = code
        member.meaning = meaning
        return member

    OK = 0, "success (and, with --fail-on, no finding at or above that severity)"
    FINDINGS = 1, "the audit found findings at or above --fail-on (default never)"
    USAGE = 2, "bad command line"
    DATASET = 3, "the dataset is invalid: every problem is listed, nothing was loaded or written"
    NEO4J_UNAVAILABLE = 4, "Neo4j cannot be reached"
    NEO4J_AUTH = 5, "Neo4j rejected the user name or password"
    NEO4J_DATABASE = (
        6,
        "Neo4j database problem: unknown database, server older than 5, dataset not loaded or "
        "being loaded right now",
    )
    OUTPUT = 7, "the output file cannot be written"
    CONFIG = 8, "the configuration file is invalid"
    # sysexits' EX_SOFTWARE: far from the small codes, so a script never mistakes a crash for
    # "findings found" (1) or a user's mistake (2-8).
    INTERNAL = (
        70,
        "internal error, a bug in orggraph: rerun with --debug (or ORGGRAPH_DEBUG=1) "
        "for the traceback and report it",
    )
    INTERRUPTED = 130, "interrupted (Ctrl-C)"
    # What a shell reports for a filter killed by SIGPIPE (128 + 13), as `cat` would give.
    BROKEN_PIPE = 141, "the output's reader went away (for example piped into head)"


# The names the rest of orggraph has always imported.
EXIT_OK = ExitCode.OK
EXIT_FINDINGS = ExitCode.FINDINGS
EXIT_USAGE = ExitCode.USAGE
EXIT_DATASET = ExitCode.DATASET
EXIT_NEO4J_UNAVAILABLE = ExitCode.NEO4J_UNAVAILABLE
EXIT_NEO4J_AUTH = ExitCode.NEO4J_AUTH
EXIT_NEO4J_DATABASE = ExitCode.NEO4J_DATABASE
EXIT_OUTPUT = ExitCode.OUTPUT
EXIT_CONFIG = ExitCode.CONFIG
EXIT_INTERNAL = ExitCode.INTERNAL


class OrgGraphError(Exception):
    """Base of every error orggraph reports to a user (never with a traceback)."""

    exit_code: ExitCode = ExitCode.INTERNAL


@dataclass(frozen=True)
class Problem:
    """One way a dataset breaks the contract, located as a spreadsheet shows it.

    Worded in the language in force when it is printed:

    >>> from orggraph.i18n import set_lang
    >>> p = Problem("areas.csv", 5, "parent_id", "'S9' is not an area id")
    >>> set_lang("en"); str(p)
    "areas.csv row 5, column parent_id: 'S9' is not an area id"
    >>> set_lang("zh"); str(p)
    "areas.csv 第5行，parent_id 列：'S9' is not an area id"
    >>> set_lang(None)
    """

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        from orggraph.i18n import tr

        fields = {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }
        if self.row is not None and self.column:
            return tr("{file} row {row}, column {column}: {message}", **fields)
        if self.row is not None:
            return tr("{file} row {row}: {message}", **fields)
        if self.column:
            return tr("{file}, column {column}: {message}", **fields)
        return tr("{file}: {message}", **fields)


class DatasetError(OrgGraphError):
    """The dataset breaks the contract; ``problems`` lists every problem found.

    ``shown`` is what :meth:`report` lists (default: every problem); validation passes a list
    capped per check, while ``problems`` stays whole (``validate --format json`` prints it).
    """

    exit_code = ExitCode.DATASET

    def __init__(
        self, problems: list[Problem], source: str = "", shown: list[Problem] | None = None
    ) -> None:
        self.problems = problems
        self.source = source
        self.shown = problems if shown is None else shown
        super().__init__(problems, source, shown)  # as given, so a pickled copy rebuilds itself

    def __str__(self) -> str:
        # Worded when printed, not when raised, so it follows the language in force.
        from orggraph.i18n import tr

        n = len(self.problems)
        if n == 1:
            head = tr("1 problem in the dataset; nothing was loaded")
        else:
            head = tr("{n} problems in the dataset; nothing was loaded", n=n)
        return tr("{file}: {message}", file=self.source, message=head) if self.source else head

    def report(self, text: Callable[[object], str] = str) -> str:
        """The header line, then every problem on its own indented line.

        ``text`` turns each into a string: a terminal passes one that shows control characters
        in the user's names instead of letting them act (``orggraph.present.safe.safe_text``).
        """
        return "\n".join([text(self), *(f"  {text(p)}" for p in self.shown)])


class ConfigError(OrgGraphError):
    """The configuration file cannot be read or says something orggraph does not know."""

    exit_code = ExitCode.CONFIG


class OutputError(OrgGraphError):
    """An output file cannot be written."""

    exit_code = ExitCode.OUTPUT


class Neo4jUnavailable(OrgGraphError):
    """The server cannot be reached (not running, wrong URI, connection dropped)."""

    exit_code = ExitCode.NEO4J_UNAVAILABLE


class Neo4jAuthError(OrgGraphError):
    """Neo4j rejected the user name or password."""

    exit_code = ExitCode.NEO4J_AUTH


class Neo4jDatabaseError(OrgGraphError):
    """Unknown database, unsupported server version, or a dataset the database does not hold."""

    exit_code = ExitCode.NEO4J_DATABASE


class DatasetBusy(Neo4jDatabaseError):
    """Another load of the same dataset is running now (exit code 6, like other database states)."""

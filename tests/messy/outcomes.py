"""The three outcomes a planner expects of a messy file, and a case: a builder and its outcome.

``cases.py`` explains them and holds the table; ``test_corpus.py`` checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layouts import Builder


@dataclass(frozen=True)
class Same:
    """Read as the bundled dataset the case is made from (``base``: Chengdong unless named).

    ``reported``: patterns that ``orggraph validate``'s account of what it read must show (a
    sheet taken under another name, an ignored sheet, skipped rows): read, but not silently.
    """

    reported: tuple[str, ...] = ()
    # Extra columns the planner added to orgs, areas and units: kept, with their values
    # (DATASET.md: extra columns are kept as properties).
    kept: tuple[str, ...] = ()
    base: str = "chengdong"


@dataclass(frozen=True)
class Refused:
    where: str
    row: int | None = None
    column: tuple[str, ...] = ()
    says: tuple[str, ...] = ()
    never_says: tuple[str, ...] = ()
    or_else: Refused | None = None  # another acceptable way to report the same thing


@dataclass(frozen=True)
class Unknown:
    table: str
    column: str
    # A rule that must not fire on an unknown value (README: an unknown member count triggers
    # no size or should-establish finding), or a rate that must not read 0.
    no_rule: str | None = None
    rate: str | None = None


Outcome = Same | Refused | Unknown


@dataclass(frozen=True)
class Case:
    id: str
    build: Builder = field(repr=False)
    expect: Outcome
    bounded: bool = False

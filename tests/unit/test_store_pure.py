"""The store's pure parts: one door to the driver, the load summary, defaults written twice."""

from __future__ import annotations

import ast
from pathlib import Path

from orggraph.cli import store as cli_store
from orggraph.i18n import set_lang
from orggraph.store import DEFAULT_BATCH_SIZE, LoadSummary


def test_the_cli_default_batch_size_is_the_librarys() -> None:
    # Written twice so that `orggraph --help` imports no store; this keeps the two equal.
    assert cli_store.DEFAULT_BATCH_SIZE == DEFAULT_BATCH_SIZE


def test_summary_lines_in_schema_order_with_duplicates_apart() -> None:
    s = LoadSummary("x")
    # Added out of order: the line lists labels before relationship types, in schema order.
    s.add(s.relationships_created, "PART_OF", 2)
    s.add(s.nodes_created, "PartyOrg", 1)
    s.add(s.nodes_created, "Area", 3)
    s.add(s.duplicates_removed, "PAIRED_WITH", 4)
    s.add(s.relationships_deleted, "MEMBER_OF", 0)  # zero counts are not recorded
    set_lang("en")
    try:
        assert s.lines() == [
            "created 4 nodes and 2 relationships (Area 3, PartyOrg 1, PART_OF 2)",
            "removed 4 duplicate relationships (PAIRED_WITH 4)",
        ]
        set_lang("zh")
        assert s.lines()[1] == "清除重复关系 4 条（PAIRED_WITH 4）"
        assert LoadSummary("y").lines() == ["没有变化：数据库中已是这一版本"]
    finally:
        set_lang(None)


PACKAGE = Path(__file__).resolve().parents[2] / "orggraph"


def test_only_the_store_package_imports_the_driver() -> None:
    importers = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            if any(n == "neo4j" or n.startswith("neo4j.") for n in names):
                importers.add(path.relative_to(PACKAGE).as_posix())
    # Inside the package, the driver itself is imported by the connection module alone.
    assert importers == {"store/connection.py"}

"""The docs name only what exists, and the docstrings' examples run.

docs/ARCHITECTURE.md is the map a newcomer reads first: every module path, every dotted name and
every public-API entry it mentions (``AreaIndex.path(area_ids)``) must exist, with the parameters
it writes.  Doctests run in CI (``--doctest-modules``); a ``+SKIP`` would let an example rot.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
CODE_SPAN = re.compile(r"`([^`]+)`")
# A name, a dotted chain of names, optionally called: AuditConfig.from_file(path).
ENTRY = re.compile(r"^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:\((.*)\))?$")


def _module_of(path: str) -> str:
    return path.removesuffix(".py").rstrip("/").replace("/", ".")


def _resolve(base: Any, chain: str) -> Any:
    obj = base
    for part in chain.split("."):
        if inspect.ismodule(obj) and not hasattr(obj, part):
            obj = importlib.import_module(f"{obj.__name__}.{part}")
        elif inspect.isclass(obj) and part in getattr(obj, "__dataclass_fields__", {}):
            return None  # a dataclass field: no class attribute to look further into
        else:
            obj = getattr(obj, part)
    return obj


def _parameters(obj: Any) -> set[str] | None:
    target = obj.fget if isinstance(obj, property) else obj
    try:
        return set(inspect.signature(target).parameters)
    except (TypeError, ValueError):
        return None


def _api_rows() -> list[tuple[str, list[str]]]:
    rows = []
    for line in ARCHITECTURE.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`orggraph/"):
            module = CODE_SPAN.findall(cells[0])[0]
            rows.append((module, CODE_SPAN.findall(cells[2])))
    return rows


def _problems_in_row(module_path: str, entries: list[str]) -> list[str]:
    if "*" in module_path:
        return [] if list(ROOT.glob(module_path)) else [f"{module_path}: no such files"]
    module = importlib.import_module(_module_of(module_path))
    problems = []
    for entry in entries:
        m = ENTRY.match(entry)
        if not m or entry.endswith(".py"):
            continue  # a file of the package (core.py) or a phrase, not a name
        chain, args = m.group(1), m.group(2)
        base: Any = importlib if chain.startswith("orggraph.") else module
        try:
            obj = _resolve(base, chain) if base is module else _resolve_dotted(chain)
        except (AttributeError, ImportError):
            problems.append(f"{module_path}: `{entry}` does not exist")
            continue
        if args and obj is not None:
            known = _parameters(obj)
            names = [a.split("=")[0].strip() for a in args.split(",") if a.strip()]
            missing = [n for n in names if known is not None and n not in known]
            if missing:
                problems.append(f"{module_path}: `{entry}` has no parameter {missing}")
    return problems


def _resolve_dotted(chain: str) -> Any:
    parts = chain.split(".")
    for i in range(len(parts), 0, -1):
        try:
            module = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        return _resolve(module, ".".join(parts[i:])) if parts[i:] else module
    raise ImportError(chain)


def test_the_api_table_names_only_what_exists() -> None:
    rows = _api_rows()
    assert len(rows) > 20, "the table was not found: the parser is broken"
    problems = [p for module, entries in rows for p in _problems_in_row(module, entries)]
    assert not problems, "\n".join(problems)


def test_every_dotted_name_and_path_in_the_architecture_exists() -> None:
    spans = CODE_SPAN.findall(ARCHITECTURE)
    dotted = [s for s in spans if re.fullmatch(r"orggraph(\.\w+)+", s)]
    paths = [s for s in spans if s.startswith("orggraph/")]
    assert dotted and paths
    missing = []
    for name in dotted:
        try:
            _resolve_dotted(name)
        except (AttributeError, ImportError):
            missing.append(name)
    missing += [p for p in paths if not list(ROOT.glob(p.rstrip("/")))]
    assert not missing, missing


@pytest.mark.parametrize(
    ("entry", "module"),
    [
        ("AreaIndex.area_of(entity_id)", "orggraph/areas.py"),  # a method that went away
        ("Dataset.canonical()", "orggraph/dataset.py"),
        ("compute_rates(ds)", "orggraph/metrics.py"),  # a signature that changed
    ],
)
def test_the_check_catches_stale_names(entry: str, module: str) -> None:
    # The names issue 8 found stale in the old ARCHITECTURE.md must be caught.
    assert _problems_in_row(module, [entry])


def test_no_doctest_is_skipped() -> None:
    # Every >>> example runs in CI; one that needs a live Neo4j server is a plain code block,
    # run for real by the integration tests.
    skipped = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (ROOT / "orggraph").rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if ">>>" in line and "+SKIP" in line
    ]
    assert not skipped, skipped


def test_domain_rule_table_matches_the_registry() -> None:
    # docs/DOMAIN.md lists the rules in order with their default severity and the rule's own
    # source, word for word: what `orggraph rules` and the report's 依据 column print.
    from orggraph.rules import RULES

    text = (ROOT / "docs" / "DOMAIN.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \| .* \| (\w+) \| (.+) \|$", text, flags=re.M)
    assert [r[0] for r in rows] == list(RULES)
    for rule_id, severity, source in rows:
        assert (severity, source) == (RULES[rule_id].severity, RULES[rule_id].source), rule_id

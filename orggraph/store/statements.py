"""orggraph's Cypher statements, read from the ``orggraph/cypher/*.cypher`` package data."""

from __future__ import annotations

import re
from importlib import resources

from orggraph.relations import EDGE_SPECS
from orggraph.schema import NODE_LABEL

LABELS = tuple(NODE_LABEL.values())
REL_TYPES = tuple(dict.fromkeys(rel for _t, _s, _d, rel, _a in EDGE_SPECS))
_TOKEN = re.compile(r"__([A-Z]+)__")
_IDENTIFIERS = frozenset(LABELS) | frozenset(REL_TYPES)


def cypher(name: str, **tokens: str) -> str:
    """The Cypher statement ``orggraph/cypher/<name>.cypher``, with its label placeholders filled.

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
    >>> cypher("load_nodes", LABEL="Area) DETACH DELETE (x")
    Traceback (most recent call last):
    ...
    ValueError: 'Area) DETACH DELETE (x' is not an orggraph label or relationship type
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


def statements(text: str) -> list[str]:
    """The semicolon-separated statements of a ``.cypher`` file, comments dropped.

    Examples
    --------
    >>> statements("// keys\\nCREATE A;\\n// more\\nCREATE B\\n")
    ['CREATE A', 'CREATE B']
    """
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]

"""Every message passed to ``tr`` has a Chinese entry with the same fields."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from orggraph.catalogue import ZH

PACKAGE = Path(__file__).resolve().parents[2] / "orggraph"


def _tr_literals() -> list[tuple[str, str]]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name | ast.Attribute)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("tr", "both")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((f"{path.name}:{node.lineno}", node.args[0].value))
    return found


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_chinese() -> None:
    literals = _tr_literals()
    assert literals, "no tr() call found: the scan is broken"
    missing = [f"{where}: {msg!r}" for where, msg in literals if msg not in ZH]
    assert not missing, "no Chinese for:\n" + "\n".join(missing)


def test_translations_keep_the_fields() -> None:
    wrong = [en for en, zh in ZH.items() if _fields(en) != _fields(zh)]
    assert not wrong, wrong


def test_no_message_is_translated_twice() -> None:
    from orggraph.catalogue import PARTS

    seen: dict[str, str] = {}
    twice = []
    for part in PARTS:
        for key in part.ZH:
            if key in seen:
                twice.append(f"{key!r} in {seen[key]} and {part.__name__}")
            seen[key] = part.__name__
    assert not twice, twice

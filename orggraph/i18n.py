"""The one catalogue of what a user reads, in Chinese and English.

Messages are written in code as their English text with ``{named}`` fields, gettext-style:
``tr("'{value}' is not a number", value=v)``.  The English text is the key; the Chinese
translation lives in :data:`orggraph.catalogue.ZH`.  The language is chosen once per process:
``set_lang`` (the CLI's ``--lang``), else ``ORGGRAPH_LANG``, else the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``, else the system's, as on Windows): Chinese when it starts with ``zh``,
English otherwise.

A test checks that every ``tr("…")`` literal in the package has a Chinese entry.

Examples
--------
>>> from orggraph.i18n import set_lang, tr
>>> set_lang("en"); tr("'{value}' is not a number", value="abc")
"'abc' is not a number"
>>> set_lang("zh"); tr("'{value}' is not a number", value="abc")
'“abc”不是数字'
>>> set_lang(None)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_chosen: Lang | None = None


def set_lang(lang: str | None) -> None:
    """Fix the language for this process (``None`` goes back to the environment)."""
    global _chosen
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    _chosen = lang


@contextmanager
def lang_scope() -> Iterator[None]:
    """Put back the language choice as it was once the block ends (one CLI call, one test)."""
    before = _chosen
    try:
        yield
    finally:
        set_lang(before)


def chosen_lang() -> Lang | None:
    """The language the user asked for by name (``set_lang`` or ``ORGGRAPH_LANG``), if any.

    Unlike :func:`lang` this ignores the locale: a document meant for a Chinese meeting (the
    report) follows an explicit choice, not the language a server happens to be set up in.
    """
    if _chosen is not None:
        return _chosen
    env = os.environ.get("ORGGRAPH_LANG", "").strip().lower()
    return env if env in LANGS else None


def lang() -> Lang:
    """The language in force: ``set_lang``, else ``ORGGRAPH_LANG``, else the locale."""
    chosen = chosen_lang()
    if chosen is not None:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return _system_lang()


def _system_lang() -> Lang:
    """The system's own setting where no variable says it: Windows sets no ``LANG``, and names
    its Chinese locale ``Chinese (Simplified)_China`` (or ``zh_CN`` in newer Pythons)."""
    import locale

    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "zh" if name.lower().startswith(("zh", "chinese")) else "en"


def tr(message: str, /, **fields: object) -> str:
    """``message`` (English, the catalogue key) in the language in force, fields filled in."""
    from orggraph.catalogue import ZH

    text = ZH.get(message, message) if lang() == "zh" else message
    return text.format(**fields) if fields else text


def both(message: str, /, **fields: object) -> dict[Lang, str]:
    """``message`` in every language, for outputs that carry both (JSON, reports)."""
    from orggraph.catalogue import ZH

    zh = ZH.get(message, message)
    return {
        "zh": zh.format(**fields) if fields else zh,
        "en": message.format(**fields) if fields else message,
    }

"""Messages in English for stable fragments; the clean dataset's snapshot computed once."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from orggraph.i18n import set_lang
from orggraph.io import load

from .base import BUNDLED
from .compare import Snapshot, snapshot


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "en")
    set_lang(None)


@pytest.fixture(scope="session")
def clean_of() -> Callable[[str], Snapshot]:
    """A bundled dataset as bundled, by name: what a ``Same`` case made from it must read as."""
    return cache(lambda name: snapshot(load(BUNDLED[name])))


@pytest.fixture(scope="session")
def clean(clean_of: Callable[[str], Snapshot]) -> Snapshot:
    """Chengdong as bundled (GBK CSV)."""
    return clean_of("chengdong")

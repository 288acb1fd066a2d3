"""Messages in English for stable fragments; the clean dataset's snapshot computed once."""

from __future__ import annotations

import pytest

from orggraph.i18n import set_lang
from orggraph.io import load

from .base import CHENGDONG
from .compare import Snapshot, snapshot


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "en")
    set_lang(None)


@pytest.fixture(scope="session")
def clean() -> Snapshot:
    """Chengdong as bundled (GBK CSV): what every ``Same`` case must read as."""
    return snapshot(load(CHENGDONG))

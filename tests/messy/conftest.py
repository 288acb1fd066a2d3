"""Messages in English for stable fragments; the clean audit computed once."""

from __future__ import annotations

import pytest

from orggraph.i18n import set_lang


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGGRAPH_LANG", "en")
    set_lang(None)

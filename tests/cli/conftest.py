"""The CLI tests read English unless a test asks for Chinese, whatever the developer's locale."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from orggraph.i18n import set_lang


@pytest.fixture(autouse=True)
def _english_and_no_debug(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ORGGRAPH_LANG", "en")
    monkeypatch.delenv("ORGGRAPH_DEBUG", raising=False)
    yield
    set_lang(None)

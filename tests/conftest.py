"""Shared fixtures: keep the environment from leaking settings into tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "unit"))


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ORGGRAPH_CONFIG in the developer's shell must not change what the tests see."""
    monkeypatch.delenv("ORGGRAPH_CONFIG", raising=False)

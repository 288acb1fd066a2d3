"""Doctests run from the repository root, so their examples can name ``datasets/yuzhou``."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _doctests_run_at_the_repo_root(request: pytest.FixtureRequest) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        request.getfixturevalue("monkeypatch").chdir(request.config.rootpath)

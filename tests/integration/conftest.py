"""Integration fixtures: the real Neo4j server that tools/run-tests.sh starts.

``neo4j_settings`` fails the test (never skips it) when the server cannot be reached.  Tests keep
to datasets whose names they made unique (``dataset_name``), and drop them afterwards, so they
never disturb other datasets in the same database.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest

from orggraph.config import Neo4jSettings
from orggraph.errors import OrgGraphError


@pytest.fixture(scope="session")
def neo4j_settings() -> Neo4jSettings:
    """Settings from the environment (NEO4J_URI etc.), checked against a live server."""
    from orggraph.store import list_datasets

    settings = Neo4jSettings.from_env()
    try:
        list_datasets(settings)
    except OrgGraphError as e:
        pytest.fail(
            f"these tests need Neo4j: {e}. Run them with `make test` (tools/run-tests.sh starts "
            "the local server) or start it with `make neo4j-up`.",
            pytrace=False,
        )
    return settings


def drop_test_datasets(settings: Neo4jSettings, names: list[str]) -> None:
    """Delete the named datasets (what a test loaded) from the database."""
    from orggraph.store import drop_dataset

    for name in names:
        drop_dataset(name, settings)


@pytest.fixture
def dataset_name(neo4j_settings: Neo4jSettings, request: pytest.FixtureRequest) -> Iterator[str]:
    """A dataset name no other test uses; the dataset is dropped after the test."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", request.node.name)[:40].strip("-")
    name = f"test-{slug}-{uuid.uuid4().hex[:8]}"
    yield name
    drop_test_datasets(neo4j_settings, [name])


CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium (``make browser``), driven by playwright; no browser download."""
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "run `make browser` (tools/install-chromium.sh) first"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()

# orggraph — the targets a newcomer guesses.  `make demo` and `make test` set everything up.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO ?= datasets/yuzhou

.PHONY: install demo test unit lint format bench neo4j-up neo4j-down browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The main job on a bundled dataset, graph in memory, no server needed.
demo: install
	$(BIN)/orggraph audit $(DEMO) --fail-on never

## The whole suite: unit + CLI tests, then Neo4j and browser integration tests against
## a real local Neo4j (started and stopped here) and headless Chromium.
test: install browser
	bash tools/run-tests.sh

unit: install
	$(BIN)/pytest -q tests/unit tests/cli orggraph

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install browser
	bash tools/run-bench.sh

neo4j-up: install
	bash tools/neo4j/neo4j.sh up

neo4j-down:
	bash tools/neo4j/neo4j.sh down

browser:
	bash tools/install-chromium.sh

clean:
	rm -rf $(VENV) .neo4j build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache artifacts

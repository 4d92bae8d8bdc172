# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RAW ?= data/raw
PORT ?= 8501
# Only this machine can reach the dashboard; see README "Who sees what" to serve it wider.
ADDRESS ?= 127.0.0.1

.PHONY: install chromium run test demo etl dashboard lint format lock docs bench clean

install: $(STAMP)

# Re-installs only when the lock file or pyproject.toml changed.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@$(MAKE) --no-print-directory chromium
	touch $(STAMP)

# The exports draw their figures with kaleido, which needs a Chrome or Chromium on the
# machine. As root with apt-get, install Debian's chromium when it is missing; otherwise
# only say so: everything but the figures works without it.
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then \
		true; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1 \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1)) \
		|| echo "Chromium kon niet worden geïnstalleerd; exports met figuren lukken dan niet."; \
	else \
		echo "Let op: geen Chromium gevonden; installeer 'chromium' voor de figuren in exports."; \
	fi

# No automatic `omzien geo fetch`: the package ships display boundaries of all
# municipalities (CBS/PDOK 2024), so the first run shows the real map offline too.
run: install
	@if [ -z "$$(find $(RAW) -type f \( -iname '*.csv' -o -iname '*.xlsx' \) -not -path '*/geo/*' 2>/dev/null | head -n 1)" ]; then \
		$(BIN)/omzien demo; \
	fi
	$(BIN)/omzien etl run --raw $(RAW)
	$(BIN)/streamlit run dashboard/app.py --server.address $(ADDRESS) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: install
	$(BIN)/pytest

demo: install
	$(BIN)/omzien demo

etl: install
	$(BIN)/omzien etl run --raw $(RAW)

dashboard: install
	$(BIN)/streamlit run dashboard/app.py --server.address $(ADDRESS) --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

# ruff for style, import-linter for the layers (see [tool.importlinter] in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the pinned lock file after changing dependencies in pyproject.toml.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --quiet -o requirements.lock

docs: install
	$(BIN)/omzien etl dictionary --overwrite

# Speed targets live here, not in timed tests: ETL at national scale, server time per page.
bench: install
	$(BIN)/python bench/etl_bench.py --scale 400
	$(BIN)/python bench/dashboard_bench.py
	$(BIN)/python bench/signals_simulation.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Kantselaria — two commands: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_COUNT ?= 20000

.PHONY: run test lint bench screenshots dist lock clean help

help:
	@echo "make run          set up (venv, locked deps, embedded DB + demo data) and open the window"
	@echo "make test         set up and run the whole suite (starts a PostgreSQL server for it)"
	@echo "make bench        timings on a cached 1 000 000-document registry"
	@echo "make screenshots  refresh docs/screenshots from the real window under Xvfb"
	@echo "make dist         one-folder build with PyInstaller (build.spec)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps record which lock file the venv was last installed from.
$(VENV)/.stamp-runtime: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.stamp-dev: requirements-dev.lock requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(VENV)/.stamp-runtime $@

run: $(VENV)/.stamp-runtime
	$(BIN)/kantselaria-cli db upgrade
	$(BIN)/kantselaria-cli demo --if-empty --count $(DEMO_COUNT)
	$(BIN)/kantselaria

test: $(VENV)/.stamp-dev
	bash scripts/run-tests

lint: $(VENV)/.stamp-dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(VENV)/.stamp-dev
	$(BIN)/python -m bench

screenshots: $(VENV)/.stamp-dev
	bash scripts/screenshots

dist: $(VENV)/.stamp-dev
	$(BIN)/pyinstaller --noconfirm --clean build.spec

# Re-resolve the lock files from pyproject.toml (newest versions that fit).
lock:
	rm -rf /tmp/kantselaria-lock && $(PYTHON) -m venv /tmp/kantselaria-lock
	/tmp/kantselaria-lock/bin/pip install --quiet --upgrade pip
	/tmp/kantselaria-lock/bin/pip install --quiet .
	/tmp/kantselaria-lock/bin/pip uninstall --quiet -y kantselaria
	{ echo "# Runtime dependencies, exact versions. Regenerate with: make lock"; \
	  /tmp/kantselaria-lock/bin/pip freeze; } > requirements.lock
	/tmp/kantselaria-lock/bin/pip install --quiet ".[dev]"
	/tmp/kantselaria-lock/bin/pip uninstall --quiet -y kantselaria
	{ echo "# Development dependencies (tests, linters, build), exact versions. Regenerate with: make lock"; \
	  echo "-r requirements.lock"; \
	  comm -13 <(grep -v '^#' requirements.lock | sort) <(/tmp/kantselaria-lock/bin/pip freeze | sort); \
	} > requirements-dev.lock

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .hypothesis

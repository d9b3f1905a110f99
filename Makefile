# Kantselaria — two commands: `make run` and `make test`. Everything else is optional.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_COUNT ?= 20000

.PHONY: run test lint bench screenshots dist translations lock clean help
QM := resources/translations/kantselaria_en.qm

help:
	@echo "make run          set up (venv, locked deps, embedded DB + demo data) and open the window"
	@echo "make test         set up and run the whole suite (starts a PostgreSQL server for it)"
	@echo "make bench        timings on a cached 1 000 000-document registry"
	@echo "make screenshots  refresh docs/screenshots from the real window under Xvfb"
	@echo "make dist         one-folder build with PyInstaller (build.spec)"
	@echo "make translations re-read the tr() strings of ui/ into resources/translations/*.ts"

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

# The English .qm is generated from the committed .ts (gitignored), so a fresh clone gets it.
$(QM): resources/translations/kantselaria_en.ts $(VENV)/.stamp-runtime
	$(BIN)/python scripts/translations compile

translations: $(VENV)/.stamp-runtime
	$(BIN)/python scripts/translations update
	$(BIN)/python scripts/translations compile

run: $(VENV)/.stamp-runtime $(QM)
	$(BIN)/kantselaria-cli db upgrade
	$(BIN)/kantselaria-cli demo --if-empty --count $(DEMO_COUNT)
	$(BIN)/kantselaria

test: $(VENV)/.stamp-dev $(QM)
	bash scripts/run-tests

lint: $(VENV)/.stamp-dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(VENV)/.stamp-dev
	$(BIN)/python -m bench

screenshots: $(VENV)/.stamp-dev $(QM)
	bash scripts/screenshots

dist: $(VENV)/.stamp-dev $(QM)
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	@d=$$(mktemp -d /tmp/kantselaria-dist.XXXXXX); \
	  QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$$d XDG_DATA_HOME=$$d \
	  dist/kantselaria/kantselaria --smoke --db "sqlite:///$$d/smoke.sqlite3"; rc=$$?; \
	  rm -rf "$$d"; exit $$rc

# Re-resolve the lock files from pyproject.toml (newest versions that fit). The candidate
# PySide6 must deliver signals emitted from pool threads (6.12.0 did not: it is excluded in
# pyproject.toml) — scripts/pyside-crossthread-check fails the target before anything is written.
lock:
	rm -rf /tmp/kantselaria-lock && $(PYTHON) -m venv /tmp/kantselaria-lock
	/tmp/kantselaria-lock/bin/pip install --quiet --upgrade pip
	/tmp/kantselaria-lock/bin/pip install --quiet .
	/tmp/kantselaria-lock/bin/pip uninstall --quiet -y kantselaria
	QT_QPA_PLATFORM=offscreen /tmp/kantselaria-lock/bin/python scripts/pyside-crossthread-check
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

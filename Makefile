# The two commands of the README: `make run` and `make test`. Both set everything up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
## PostgreSQL database the web tests run against a second time (pytest-django creates test_<name>).
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
DEBIAN_PACKAGES := chromium fonts-ipaexfont-gothic fonts-ipaexfont-mincho poppler-utils wrk libharfbuzz-subset0
## h11ops: the Redis cache/session/login-limiter tests (.ci/run starts the server)
DEBIAN_PACKAGES += redis-server

.PHONY: run test install system-packages lint typecheck check pytest pytest-postgres bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	## h19: the CPU build of torch before the dev extra (the semantic referencing mode needs it)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Debian packages the tests need (browser tests, Japanese fonts for PDFs, pdftotext).
system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
		echo "Missing Debian packages: $$missing"; \
		echo "Install them with: sudo apt-get install -y $$missing"; exit 1; \
	fi

run: install
	$(BIN)/qualbridge serve --demo $(if $(PORT),--port $(PORT))

lint: install
	$(BIN)/ruff check $(wildcard src tests bench scripts examples)
	$(BIN)/ruff format --check $(wildcard src tests bench scripts examples)

typecheck: install
	$(BIN)/mypy
	$(BIN)/lint-imports

check: install
	$(BIN)/qualbridge data check

pytest: install system-packages
	QUALBRIDGE_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -n 2 -m "not postgres and not browser" --cov --cov-report=term:skip-covered $(PYTEST_ARGS)
	QUALBRIDGE_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -m browser $(PYTEST_ARGS)

test: lint typecheck check pytest pytest-postgres

## The web tests again against PostgreSQL (trust auth on 127.0.0.1; pytest-django creates test_postgres).
pytest-postgres: install
	QUALBRIDGE_DATA_DIR=$$(mktemp -d) DATABASE_URL=$(PG_URL) $(BIN)/pytest tests/web -m "not browser" -q $(PYTEST_ARGS)

bench: install
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage

# Loket: the two commands of the README, and a few helpers.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
export LOKET_DEMO ?= 1

.PHONY: run test install install-dev chromium migrate demo serve worker lint typecheck schema check-schema bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11+ is needed"; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { echo "venv missing: installing python3-venv"; apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): requirements.lock | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	touch $@

$(DEVSTAMP): requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements-dev.lock
	touch $(STAMP) $@

install: $(STAMP)
install-dev: $(DEVSTAMP)

chromium:
	@command -v chromium >/dev/null || { echo "Installing Debian's Chromium for the browser tests"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

serve: install
	$(BIN)/python manage.py collectstatic --noinput -v 0
	@echo "Loket is serving on http://127.0.0.1:$(PORT)"
	$(BIN)/gunicorn loket.wsgi:application --chdir src --bind 127.0.0.1:$(PORT) --workers $(WORKERS) --access-logfile - & \
	  $(BIN)/python manage.py run_huey --workers 2 & \
	  trap 'kill %1 %2 2>/dev/null' INT TERM EXIT; wait

## make run: set up everything, load the Antwerp demo and serve on http://127.0.0.1:8000
run: demo serve

## make test: install what the tests need (Chromium included) and run the whole suite
test: install-dev chromium
	$(BIN)/python manage.py makemigrations --check --dry-run -v 0 || { echo "Models changed without a migration"; exit 1; }
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

worker: install
	$(BIN)/python manage.py run_huey --workers 2

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

schema: install
	$(BIN)/python manage.py spectacular --file docs/openapi.yaml --validate

## make bench: every benchmark; figures and commands are quoted in docs/performance.md
bench: install-dev
	$(BIN)/python -m pytest bench -q -s --benchmark-enable
	$(BIN)/python bench/locate_http.py
	$(BIN)/python bench/cases_concurrency.py

clean:
	rm -rf $(VENV) var

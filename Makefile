# Newsroom: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve worker setup demo superuser test test-sqlite lint format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_gazetteer
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py load_registry
	$(BIN)/python manage.py create_demo_superuser

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production serving (docs/deploy.md): takes its configuration from the environment and
# stops at once with the reason when SECRET_KEY (50+ characters) or ALLOWED_HOSTS is unset.
# Run `manage.py migrate` once per release before, not here on every app server.
serve: $(STAMP)
	DEBUG=0 $(BIN)/python manage.py collectstatic --noinput
	DEBUG=0 $(BIN)/gunicorn -c gunicorn.conf.py newsroom.wsgi

# Background work (wire source polling, big imports): a Celery worker with the beat
# schedule, on Redis. The site runs without it (`manage.py poll_sources` polls by hand).
worker: $(STAMP)
	@test -n "$$CELERY_BROKER_URL$$REDIS_URL" || { echo "Set REDIS_URL (e.g. redis://localhost:6379/0): the worker takes its tasks from Redis." >&2; exit 1; }
	$(BIN)/celery -A newsroom worker --beat --loglevel INFO --schedule $(VENV)/celerybeat-schedule

superuser: $(STAMP)
	$(BIN)/python manage.py create_demo_superuser

test: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/test.sh

test-sqlite: $(STAMP)
	env -u DATABASE_URL $(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache

# Two commands for a newcomer: `make run` serves the system, `make test` tests it.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install setup serve worker lint messages i18n clean-site

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the app's dependencies change.
$(VENV)/.installed: apps/lao_moha/pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e "apps/lao_moha[dev]"
	@case "$$DATABASE_URL" in mysql*) $(BIN)/pip install --quiet -e "apps/lao_moha[mariadb]";; esac
	touch $@

install: $(VENV)/.installed

setup: install
	$(BIN)/python manage.py setup_site
	@echo "Collecting static files (fonts, desk styles, API docs)..."
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: setup
	@echo "Serving lao_moha on http://127.0.0.1:$(PORT)/app/"
	$(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 3 --no-control-socket --access-logfile - --log-level info

test: install
	@case "$$DATABASE_URL" in mysql*) $(BIN)/python -c "import MySQLdb" 2>/dev/null || $(BIN)/pip install --quiet -e "apps/lao_moha[mariadb]";; esac
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

worker: install
	$(BIN)/python manage.py rqworker default

lint: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

# Collect new strings into the lo and vi catalogs, compile them, list what
# is left to translate (lao_moha/language/catalogs.py).
messages: install
	$(BIN)/python -m lao_moha.language.catalogs --update

# Only the list: untranslated, fuzzy, broken placeholders, stale .mo files.
i18n: install
	$(BIN)/python -m lao_moha.language.catalogs

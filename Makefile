# Two commands for a newcomer: `make run` serves the system, `make test` tests it.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test install setup serve worker lint messages clean-site

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
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: setup
	@echo "Serving lao_moha on http://127.0.0.1:$(PORT)/app/"
	$(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 3 --access-logfile - --log-level info

# Tests run on their own settings (fast password hashing, test templates),
# whatever DJANGO_SETTINGS_MODULE the shell exports.
test: export DJANGO_SETTINGS_MODULE := config.settings.test
test: install
	@case "$$DATABASE_URL" in mysql*) $(BIN)/python -c "import MySQLdb" 2>/dev/null || $(BIN)/pip install --quiet -e "apps/lao_moha[mariadb]";; esac
	$(BIN)/python -m pytest $(PYTEST_ARGS)

worker: install
	$(BIN)/python manage.py rqworker default

lint: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	cd apps/lao_moha/lao_moha && ../../../$(BIN)/django-admin makemessages -l lo -l vi --no-obsolete
	cd apps/lao_moha/lao_moha && ../../../$(BIN)/django-admin compilemessages

# Two commands do all the set-up on a fresh machine (Python >= 3.11 with venv):
#   make run    create .venv, install, start the app on the built-in examples
#   make test   create .venv, install with dev tools, lint, run every test
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test lint schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/streamlit run app.py

# `make test` lints first (the same checks as `make lint`, format included), so one command runs every check.
test: lint
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Regenerate the committed JSON Schema after changing model/format/spec.py (a test checks it is current).
schema: $(VENV)/.installed
	$(BIN)/ttplan schema -o schema/project.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

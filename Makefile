# Two entry points: `make demo` (seeds in, answers out) and `make test`.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

$(BIN)/kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/kg

.PHONY: demo test lint
demo: $(BIN)/kg
	$(BIN)/kg demo

test: $(BIN)/kg
	$(BIN)/ruff check kg tests
	$(BIN)/pytest -q

# Two entry points: `make demo` (seeds in, answers out) and `make test`.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
LINTER = lint/node_modules/@neo4j-cypher/language-support/package.json

$(BIN)/kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(BIN)/kg

# Neo4j's Cypher linter (pinned in lint/package-lock.json); skipped quietly without npm.
$(LINTER): lint/package.json lint/package-lock.json
	cd lint && npm ci --no-audit --no-fund --loglevel=error

.PHONY: demo test lint-deps
lint-deps:
	@if command -v npm >/dev/null; then $(MAKE) -s $(LINTER); else echo "npm not found: the Cypher linter test will be skipped"; fi

demo: $(BIN)/kg
	$(BIN)/kg demo

test: $(BIN)/kg lint-deps
	$(BIN)/ruff check kg tests bench
	$(BIN)/pytest -q

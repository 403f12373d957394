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

.PHONY: demo test lint-deps browser-deps
lint-deps:
	@if command -v npm >/dev/null; then $(MAKE) -s $(LINTER); else echo "npm not found: the Cypher linter test will be skipped"; fi

# Debian's chromium for the browser tests (Playwright drives it; no browser download);
# installed when apt can, else those tests are skipped with the reason.
browser-deps:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null)) ; } || \
	  echo "chromium not found: the browser tests will be skipped"

demo: $(BIN)/kg
	$(BIN)/kg demo

test: $(BIN)/kg lint-deps browser-deps
	$(BIN)/ruff check kg tests bench
	$(BIN)/pytest -q

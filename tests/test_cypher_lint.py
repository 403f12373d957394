"""Every Cypher text kg ships or generates passes Neo4j's own linter
(@neo4j-cypher/language-support, pinned in lint/package.json) with the schema
from schema/ontology.yaml: no errors, no unknown label, type or property."""

import json
import os
import shutil
import subprocess

import pytest

from kg.ontology import ontology
from kg.store.catalog import property_accesses, statements
from tests.conftest import ROOT

LINTER = ROOT / "lint" / "lint-cypher.cjs"
INSTALLED = (ROOT / "lint" / "node_modules" / "@neo4j-cypher" / "language-support").is_dir()
REQUIRED = os.environ.get("KG_REQUIRE_LINT") == "1"  # set by .ci/run: CI never skips the linter


def _lint(items):
    onto = ontology()
    schema = {"labels": sorted(onto.labels), "relationshipTypes": sorted(onto.relationships),
              "propertyKeys": onto.property_keys()}
    payload = {"schema": schema, "statements": [
        {"name": s.name, "text": s.text, "parameters": list(s.parameters)} for s in items]}
    proc = subprocess.run(["node", str(LINTER)], input=json.dumps(payload), capture_output=True, text=True,
                          timeout=600, check=True)
    return json.loads(proc.stdout)


@pytest.mark.skipif(not REQUIRED and (shutil.which("node") is None or not INSTALLED),
                    reason="Neo4j's linter is not installed: run `make lint-deps` (needs Node 18+ and npm)")
def test_every_statement_passes_the_neo4j_linter():
    items = statements()
    results = _lint(items)
    assert len(results) == len(items)
    problems = [f"{r['name']}: {d['message'].splitlines()[0]}" for r in results for d in r["diagnostics"]
                if d["severity"] == 1 or "not present in the database" in d["message"]]
    assert not problems, "\n".join(problems)


def test_the_linter_catches_what_it_must():
    """The check is real: a misspelt label, an unknown type and a syntax error are reported."""
    if not REQUIRED and (shutil.which("node") is None or not INSTALLED):
        pytest.skip("Neo4j's linter is not installed: run `make lint-deps`")
    from kg.store.catalog import Statement

    bad = [Statement("label", "MATCH (p:Persn) RETURN p", ()), Statement("type", "MATCH ()-[r:ATENDED]->() RETURN r", ()),
           Statement("syntax", "MATCH (p:Person RETURN p", ()), Statement("param", "RETURN $nope", ())]
    results = _lint(bad)
    assert all(r["diagnostics"] for r in results), results


def test_every_property_used_is_in_the_schema():
    known = set(ontology().property_keys()) | {"source", "target", "rows"}
    unknown = {s.name: sorted(property_accesses(s.text) - known) for s in statements()}
    assert not {k: v for k, v in unknown.items() if v}


def test_every_saved_query_takes_at_most_limit_rows():
    """An answer's cost must not grow with the graph: each saved query orders, then takes
    $limit rows (kg ask --limit), before it gathers roles, counts or quotes."""
    from kg.queries import library

    missing = [q.name for q in library().values() if "LIMIT $limit" not in q.cypher]
    assert not missing

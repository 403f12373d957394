"""Every write statement kg generates, executed for real on the embedded store:
one upsert per label and per (relationship type, from label, to label), twice, and
the push path (store -> store) that Neo4j's push uses."""

import json

import pytest

from kg.export import graph_from_store
from kg.graph import node_link_json
from kg.loading import load_paths
from kg.ontology import ontology
from kg.push import push_store
from kg.store import catalog, cypher
from kg.store.embedded import EmbeddedStore
from tests.conftest import SEEDS

SAMPLE = {"string": "x'}) DETACH DELETE n //", "int": 3, "float": 1.5, "bool": True, "date": "2024-06",
          "list": ["a", "b"]}


def _value(spec, prop):
    if spec.enum:
        return spec.enum[0]
    return SAMPLE[spec.type]


def _every_write(onto, new_reports=False, report="Report:sample"):
    statements = []
    for label in sorted(onto.labels):
        rows = []
        for which in ("sample", "other"):
            row = {p: _value(spec, p) for p, spec in onto.label_properties(label).items()}
            row.update(id=f"{label}:{which}", name=f"{label} {which}", sources=[report])
            rows.append(row)
        statements.append((cypher.node_upsert(label, new_reports), {"rows": rows}))
    edges = 0
    for rel_type in sorted(onto.relationships):
        for a, b in onto.endpoints(rel_type):
            row = {p: _value(spec, p) for p, spec in onto.edge_properties_of(rel_type).items()}
            row.update(key=f"{rel_type}:{a}:{b}", source=f"{a}:sample", target=f"{b}:other",
                       sources=[report])
            statements.append((cypher.edge_upsert(rel_type, a, b, new_reports), {"rows": [row]}))
            edges += 1
    return statements, edges


def test_every_write_statement_runs_on_the_embedded_store(tmp_path):
    onto = ontology()
    statements, edges = _every_write(onto)
    with EmbeddedStore(tmp_path / "store") as store:
        store.write_rows(statements)
        first = node_link_json(graph_from_store(store))
        store.write_rows(statements)  # merging again changes nothing
        assert node_link_json(graph_from_store(store)) == first
        counts = store.read("MATCH (n) RETURN count(n) AS n")[0]["n"], store.read(
            "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
        later, _ = _every_write(onto, new_reports=True, report="Report:later")  # a new report: appended
        store.write_rows(later)
        sources = {tuple(r["s"]) for r in store.read("MATCH (n) RETURN n.sources AS s UNION ALL "
                                                      "MATCH ()-[r]->() RETURN r.sources AS s")}
    assert counts == (2 * len(onto.labels), edges)
    assert sources == {("Report:sample", "Report:later")}
    generated = {s.text for s in catalog.statements() if s.name.startswith(("node_upsert", "edge_upsert"))}
    assert generated == {text for text, _ in statements + later}  # every write statement kg can emit ran


def test_push_copies_a_store_exactly_and_twice_changes_nothing(seeded_home, tmp_path):
    """The first push into an empty store CREATEs, the second MERGEs: same graph both times."""
    with EmbeddedStore(seeded_home) as source:
        expected = node_link_json(graph_from_store(source))
        with EmbeddedStore(tmp_path / "copy") as target:
            batches = push_store(source, target, batch_size=7)
            assert batches > 20  # small batches: many UNWIND statements
            assert node_link_json(graph_from_store(target)) == expected
            assert target.read("MATCH (n) WHERE n.lookup IS NULL RETURN count(n) AS n")[0]["n"] == 0
            push_store(source, target, batch_size=1000)
            assert node_link_json(graph_from_store(target)) == expected
    assert json.loads(expected)["nodes"]


def test_a_store_written_before_lookup_gets_it_when_opened(tmp_path):
    """Saved queries match names on n.lookup; a store from an older kg is brought up to date."""
    home = tmp_path / "old"
    with EmbeddedStore(home) as store:
        load_paths(store, [SEEDS])
        store.graph.query("MATCH (n) SET n.lookup = null")
    (home / "schema.done").write_text("an older schema")
    with EmbeddedStore(home) as store:
        missing = store.read("MATCH (n) WHERE n.lookup IS NULL RETURN count(n) AS n")[0]["n"]
        putin = store.read("MATCH (n:Person) WHERE n.lookup CONTAINS 'putin' RETURN n.lookup AS lookup")
    assert missing == 0 and putin and putin[0]["lookup"] == putin[0]["lookup"].lower()


def test_a_refused_batch_stops_the_push_and_keeps_the_batches_before(tmp_path):
    """Batches are pipelined (the next one is prepared while the server runs the last), but
    each is still its own transaction: a refused batch raises, earlier ones stay, the store
    stays usable."""
    from kg.errors import QueryError

    good = [(cypher.node_create("Person"), {"rows": [{"id": f"Person:p{i}", "name": f"P {i}", "sources": ["r"]}]})
            for i in range(3)]
    refused = ("UNWIND $rows AS row CREATE (n:Person {id: row.id}) SET n.size = size(row.id) / 0", {"rows": [{"id": "x"}]})
    with EmbeddedStore(tmp_path / "h") as store:
        with pytest.raises(QueryError):
            store.write_batches([*good, refused, *good])
        names = [r["name"] for r in store.read("MATCH (n:Person) RETURN n.name AS name ORDER BY name")]
    assert names[:3] == ["P 0", "P 1", "P 2"] and "x" not in names


def test_parameter_values_arrive_unchanged(tmp_path):
    """The embedded store encodes parameters itself (params_header); every awkward string, a
    number, a flag and a null must arrive as sent."""
    values = ["a\nb", 'quote " and \\ back', "é ü 한국", "tab\tx", "it's", "ctrl\x01x", "\u2028", "\\", '\\"', "",
              "x\"}) DETACH DELETE n //"]
    rows = [{"id": f"Person:{i}", "name": v, "aliases": [v, v + "2"], "sources": ["r"], "n": i, "f": 0.5, "t": None}
            for i, v in enumerate(values)]
    with EmbeddedStore(tmp_path / "h") as store:
        store.write_rows([("UNWIND $rows AS row CREATE (n:Person {id: row.id, name: row.name, aliases: row.aliases, "
                           "title: row.t}) SET n.iso = row.n + row.f", {"rows": rows})])
        got = {r["id"]: r for r in store.read("MATCH (n:Person) RETURN n.id AS id, n.name AS name, "
                                              "n.aliases AS aliases, n.iso AS number, n.title AS title")}
    for i, v in enumerate(values):
        row = got[f"Person:{i}"]
        assert (row["name"], row["aliases"], row["number"], row["title"]) == (v, [v, v + "2"], i + 0.5, None)

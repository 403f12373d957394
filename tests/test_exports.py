"""The bulk exports carry the whole graph: the Cypher script, run for real on a
fresh embedded store, rebuilds the same graph; the neo4j-admin CSVs, read back by
their typed headers, hold every node, relationship and property."""

import csv

import networkx as nx

from kg.bulk_export import ARRAY_DELIMITER, cypher_literal, cypher_script, write_neo4j_admin
from kg.export import graph_from_store
from kg.graph import node_link_json
from kg.store.embedded import EmbeddedStore


def _seed_graph(home):
    with EmbeddedStore(home) as store:
        return graph_from_store(store)


def test_cypher_script_rebuilds_the_graph(seeded_home, tmp_path):
    graph = _seed_graph(seeded_home)
    script = cypher_script(graph, batch=50)
    body = [line for line in script.splitlines()
            if line and not line.startswith((":begin", ":commit", "CREATE CONSTRAINT", "CREATE INDEX",
                                             "CREATE FULLTEXT"))]
    assert script.count(":begin") == script.count(":commit") > 1
    with EmbeddedStore(tmp_path / "rebuilt") as store:
        store.write_rows([(line.rstrip(";"), {}) for line in body])
        assert node_link_json(graph_from_store(store)) == node_link_json(graph)


def test_cypher_literals_are_data_not_code():
    nasty = "x'}) DETACH DELETE n // \\ \" `b` \n {y}"
    assert cypher_literal(nasty) == "'x\\'}) DETACH DELETE n // \\\\ \\\" `b` \\n {y}'"
    assert cypher_literal(["a", 1, 2.5, True, None]) == "['a', 1, 2.5, true, null]"


def test_neo4j_admin_csvs_hold_everything(seeded_home, tmp_path):
    graph = _seed_graph(seeded_home)
    files = write_neo4j_admin(graph, tmp_path / "import")
    assert (tmp_path / "import" / "import.sh").read_text().count("--nodes=") == len(
        {a["label"] for _, a in graph.nodes(data=True)})
    back = nx.MultiDiGraph()
    for path in files:
        if path.suffix != ".csv":
            continue
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        for row in rows[1:]:
            record = {}
            for column, cell in zip(header, row, strict=True):
                name, _, kind = column.partition(":")
                if cell == "" or not name:
                    continue
                record[name] = {"string[]": lambda c: c.split(ARRAY_DELIMITER), "int": int, "float": float,
                                "boolean": lambda c: c == "true"}.get(kind, str)(cell)
            if path.name.startswith("nodes_"):
                label = row[header.index(":LABEL")]
                back.add_node(row[0], label=label, **record)
            else:
                back.add_edge(row[0], row[1], key=record.pop("key"), type=row[2], **record)
    for node_id, attrs in graph.nodes(data=True):
        want = {k: v for k, v in attrs.items() if v not in (None, [], "")}
        assert {k: v for k, v in back.nodes[node_id].items()} == want, node_id
    assert back.number_of_edges() == graph.number_of_edges()
    for a, b, key, attrs in graph.edges(keys=True, data=True):
        want = {k: v for k, v in attrs.items() if v not in (None, [], "")}
        assert back.edges[a, b, key] == want


def test_graphml_gexf_csv_and_json_are_read_back_by_their_consumers(seeded_home, tmp_path):
    """Each format opened by the library that reads it: networkx's GraphML and GEXF readers (what
    Gephi and Cytoscape parse), the csv module, and networkx's node-link reader."""
    import json

    from tests.conftest import run_kg

    graph = _seed_graph(seeded_home)
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{fmt}"
        run_kg(seeded_home, "export", "--format", fmt, "-o", str(path))
        back = read(path)
        assert (back.number_of_nodes(), back.number_of_edges()) == (n, m), fmt
        putin = next(a for _, a in back.nodes(data=True) if a.get("name") == "Vladimir Putin")
        assert "Putin" in putin["aliases"].split(" | ")  # a list, joined
    run_kg(seeded_home, "export", "--format", "csv", "-o", str(tmp_path / "csv"))
    with (tmp_path / "csv" / "nodes.csv").open(newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "csv" / "edges.csv").open(newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert (len(nodes), len(edges)) == (n, m)
    assert {e["type"] for e in edges} >= {"ATTENDED", "SIGNED", "ROUTE_LEG"}
    out = run_kg(seeded_home, "export", "--format", "json", "-o", "-").stdout  # '-': standard output
    back = nx.node_link_graph(json.loads(out), edges="edges")
    assert (back.number_of_nodes(), back.number_of_edges()) == (n, m)

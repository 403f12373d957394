"""Exports for Neo4j's bulk paths: CSVs for `neo4j-admin database import full`
and a parameter-free Cypher script for `cypher-shell`.

Both are written from the merged graph (kg/export.py) and typed from the
ontology, so labels, types and property types come from the schema only.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import networkx as nx

from kg.ontology import ontology
from kg.store.cypher import SET_LOOKUP, schema_statements

ARRAY_DELIMITER = "\x1f"  # ASCII unit separator: never in report text (ingest drops control characters)
CSV_TYPES = {"string": "", "date": "", "int": ":int", "float": ":float", "bool": ":boolean", "list": ":string[]"}


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, " ") for v in value)
    if kind == "bool":
        return "true" if value else "false"
    return str(value)


def write_neo4j_admin(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """nodes_<Label>.csv and rels_<TYPE>.csv with typed headers, plus import.sh."""
    onto = ontology()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    by_label: dict[str, list[tuple[str, dict]]] = {}
    for node_id, attrs in graph.nodes(data=True):
        by_label.setdefault(attrs["label"], []).append((node_id, attrs))
    for label in sorted(by_label):
        props = {p: s.type for p, s in onto.label_properties(label).items() if p != "id"}
        path = folder / f"nodes_{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id:ID", ":LABEL", *[p + CSV_TYPES[t] for p, t in props.items()]])
            for node_id, attrs in sorted(by_label[label]):
                w.writerow([node_id, label, *[_cell(attrs.get(p), t) for p, t in props.items()]])
        written.append(path)
    by_type: dict[str, list[tuple[str, str, str, dict]]] = {}
    for a, b, key, attrs in graph.edges(keys=True, data=True):
        by_type.setdefault(attrs["type"], []).append((a, b, key, attrs))
    for rel_type in sorted(by_type):
        props = {p: s.type for p, s in onto.edge_properties_of(rel_type).items() if p != "key"}
        path = folder / f"rels_{rel_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow([":START_ID", ":END_ID", ":TYPE", "key", *[p + CSV_TYPES[t] for p, t in props.items()]])
            for a, b, key, attrs in sorted(by_type[rel_type], key=lambda e: e[2]):
                w.writerow([a, b, rel_type, key, *[_cell(attrs.get(p), t) for p, t in props.items()]])
        written.append(path)
    nodes = " ".join(f"--nodes={p.name}" for p in written if p.name.startswith("nodes_"))
    rels = " ".join(f"--relationships={p.name}" for p in written if p.name.startswith("rels_"))
    script = folder / "import.sh"
    script.write_text(
        "#!/bin/sh\n# Bulk import into an empty database (stop it first), then create kg's constraints:\n"
        "#   cypher-shell -f schema.cypher\nset -e\ncd \"$(dirname \"$0\")\"\n"
        f"neo4j-admin database import full --array-delimiter=U+001F --overwrite-destination "
        f"{nodes} {rels} \"${{1:-neo4j}}\"\n", encoding="utf-8")
    schema = folder / "schema.cypher"
    schema.write_text(";\n".join([*schema_statements(), SET_LOOKUP]) + ";\n", encoding="utf-8")
    return [*written, script, schema]


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a value: strings escaped, lists and numbers as such."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = json.dumps(str(value), ensure_ascii=False)[1:-1]  # escapes \\, \", control characters
    return "'" + text.replace("'", "\\'") + "'"


def _map(attrs: dict, keys: list[str]) -> str:
    return "{" + ", ".join(f"{k}: {cypher_literal(attrs[k])}" for k in keys if attrs.get(k) is not None) + "}"


def cypher_script(graph: nx.MultiDiGraph, batch: int = 1000) -> str:
    """Schema, then MERGE per node and per relationship, in :begin/:commit batches."""
    onto = ontology()
    lines = [s + ";" for s in schema_statements()]
    body: list[str] = []
    for node_id, attrs in sorted(graph.nodes(data=True)):
        label = attrs["label"]
        keys = [p for p in onto.label_properties(label) if p != "id"]
        body.append(f"MERGE (n:{label} {{id: {cypher_literal(node_id)}}}) SET n += {_map(attrs, keys)};")
    for a, b, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        rel_type = attrs["type"]
        keys = [p for p in onto.edge_properties_of(rel_type) if p != "key"]
        la, lb = graph.nodes[a]["label"], graph.nodes[b]["label"]
        body.append(f"MATCH (a:{la} {{id: {cypher_literal(a)}}}), (b:{lb} {{id: {cypher_literal(b)}}}) "
                    f"MERGE (a)-[r:{rel_type} {{key: {cypher_literal(key)}}}]->(b) SET r += {_map(attrs, keys)};")
    for i in range(0, len(body), batch):
        lines += [":begin", *body[i:i + batch], ":commit"]
    lines.append(SET_LOOKUP.replace("\n", " ") + ";")  # the names saved queries search
    return "\n".join(lines) + "\n"

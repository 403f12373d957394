"""Every Cypher text kg ships or generates, with its parameters: what CI lints
with Neo4j's own linter (lint/lint-cypher.cjs) and runs on the embedded store."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ontology import ontology
from kg.queries import library
from kg.store import cypher


@dataclass(frozen=True)
class Statement:
    name: str
    text: str
    parameters: tuple[str, ...]


def _params(text: str) -> tuple[str, ...]:
    return tuple(sorted(set(re.findall(r"\$(\w+)", _strip_strings(text)))))


def _strip_strings(text: str) -> str:
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", text)


def statements() -> list[Statement]:
    onto = ontology()
    out = [Statement(f"queries/{q.name}.cypher", q.cypher, (*(p.name for p in q.params), "limit"))
           for q in library().values()]  # every saved query takes $limit (kg ask --limit)
    from kg.browser import INTRO
    from kg.explain import STATEMENTS as EXPLAIN

    out += [Statement(f"explain[{i}]", text, _params(text)) for i, text in enumerate(EXPLAIN)]

    for title, _lead, blocks in INTRO:
        out += [Statement(f"browser guide: {title} [{i}]", b, _params(b)) for i, b in enumerate(blocks)]
    for label in sorted(onto.labels):
        out.append(Statement(f"node_upsert({label})", cypher.node_upsert(label), ("rows",)))
        out.append(Statement(f"node_upsert({label}, new reports)", cypher.node_upsert(label, True), ("rows",)))
        out.append(Statement(f"node_create({label})", cypher.node_create(label), ("rows",)))
    for rel_type in sorted(onto.relationships):
        for a, b in onto.endpoints(rel_type):
            out.append(Statement(f"edge_upsert({rel_type},{a},{b})", cypher.edge_upsert(rel_type, a, b), ("rows",)))
            out.append(Statement(f"edge_upsert({rel_type},{a},{b}, new reports)", cypher.edge_upsert(rel_type, a, b, True),
                                 ("rows",)))
            out.append(Statement(f"edge_create({rel_type},{a},{b})", cypher.edge_create(rel_type, a, b), ("rows",)))
    for label in sorted(cypher.RESOLVED):
        out.append(Statement(f"resolution_rows({label})", cypher.resolution_rows(label), ()))
    for label in sorted(onto.labels):  # (folds across reports, and review decisions, touch nodes of any label)
        out.append(Statement(f"node_with_edges({label})", cypher.node_with_edges(label), ("id",)))
        out.append(Statement(f"delete_node({label})", cypher.delete_node(label), ("id",)))
    for rel_type in sorted(onto.relationships):
        out.append(Statement(f"edge_by_key({rel_type})", cypher.edge_by_key(rel_type), ("key",)))
        out.append(Statement(f"delete_edge({rel_type})", cypher.delete_edge(rel_type), ("key",)))
    for i, (text, params) in enumerate(cypher.retract_statements("Report:x")):
        out.append(Statement(f"retract[{i}]", text, tuple(params)))
    for name in ("COUNT_NODES", "COUNT_EDGES", "HAS_REPORT", "ALL_NODES", "ALL_EDGES", "COUNT_LABELS", "COUNT_TYPES", "REPORTS", "SET_LOOKUP",
                 "REPORT_DATES"):
        text = getattr(cypher, name)
        out.append(Statement(name, text, _params(text)))
    for i, text in enumerate(cypher.schema_statements()):
        out.append(Statement(f"schema[{i}]", text, ()))
    return out


def property_accesses(text: str) -> set[str]:
    """Property names read or written as var.prop, minus keys of map literals built in the text."""
    body = _strip_strings(text)
    props = set(re.findall(r"(?<![\w$.])[A-Za-z_]\w*\.([A-Za-z_]\w*)", body))
    map_keys = set(re.findall(r"[{,]\s*([A-Za-z_]\w*)\s*:", body))
    return props - map_keys

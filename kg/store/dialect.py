"""FalkorDB's differences from Neo4j's Cypher, translated in one place.

The stores' write and read Cypher is written in Neo4j's dialect; this module
turns what FalkorDB cannot run as is into what it can.
"""

from __future__ import annotations

import re

_CONSTRAINT = re.compile(
    r"CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE")
_INDEX = re.compile(r"CREATE INDEX \w+ IF NOT EXISTS FOR \(n:(\w+)\) ON \(n\.(\w+)\)")


def schema_commands(statement: str) -> list[tuple[str, ...]]:
    """Neo4j schema DDL -> FalkorDB commands (Cypher index + GRAPH.CONSTRAINT)."""
    m = _CONSTRAINT.fullmatch(statement)
    if m:
        label, prop = m.groups()
        return [("QUERY", f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"),
                ("CONSTRAINT", label, prop)]
    m = _INDEX.fullmatch(statement)
    if m:
        return [("QUERY", f"CREATE INDEX FOR (n:{m.group(1)}) ON (n.{m.group(2)})")]
    return []  # full-text indexes: FalkorDB's differ in kind; queries use CONTAINS instead


def translate(cypher: str) -> str:
    """A read or write statement in Neo4j's dialect, made runnable on FalkorDB."""
    return cypher

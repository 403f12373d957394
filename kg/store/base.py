"""The Store protocol every backend implements (and one shared test suite checks)."""

from __future__ import annotations

from typing import Any, Protocol

from kg.models import Extraction, report_node_id
from kg.store import cypher


class Store(Protocol):
    def apply(self, extraction: Extraction) -> None:
        """Write one report's nodes and edges atomically (all or nothing)."""

    def apply_many(self, extractions: list[Extraction]) -> None:
        """Write several reports in one transaction (all or nothing)."""

    def retract(self, report_id: str) -> int:
        """Remove a report's contribution; return how many nodes and edges went."""

    def has_report(self, report_id: str) -> bool: ...

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read-only query with parameters; rows as dicts."""

    def close(self) -> None: ...


class StoreQueries:
    """What every store does the same way on top of its own read() and write_rows()."""

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def write_rows(self, statements: list[tuple[str, dict]]) -> None:
        raise NotImplementedError

    def retract(self, report_id: str) -> int:
        """Remove a report's contribution; return how many nodes and edges went."""
        before = self.size()
        self.write_rows(cypher.retract_statements(report_id))
        return before - self.size()

    def size(self) -> int:
        """Nodes plus relationships."""
        return self.read(cypher.COUNT_NODES)[0]["n"] + self.read(cypher.COUNT_EDGES)[0]["n"]

    def has_report(self, report_id: str) -> bool:
        return self.read(cypher.HAS_REPORT, {"id": report_node_id(report_id)})[0]["n"] > 0

    def merge_node(self, label: str, old: str, into: str) -> None:
        """Fold node `old` into node `into` (same label), in one transaction: what resolution
        across reports does when a new report shows two stored nodes to be one."""
        rows = self.read(cypher.node_with_edges(label), {"id": old})
        statements = cypher.merge_node_statements(label, rows, into)
        if statements:
            self.write_rows(statements)

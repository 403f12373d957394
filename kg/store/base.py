"""The Store protocol every backend implements (and one shared test suite checks)."""

from __future__ import annotations

from typing import Any, Protocol

from kg.models import Extraction


class Store(Protocol):
    def apply(self, extraction: Extraction) -> None:
        """Write one report's nodes and edges atomically (all or nothing)."""

    def retract(self, report_id: str) -> int:
        """Remove a report's contribution; return how many nodes and edges went."""

    def has_report(self, report_id: str) -> bool: ...

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read-only query with parameters; rows as dicts."""

    def close(self) -> None: ...

"""The Neo4j store, on the official driver: where analysts work (Neo4j Browser).

Every write is the same UNWIND ... MERGE Cypher the embedded store runs
(kg/store/cypher.py), sent in managed transactions (execute_write), so the
driver retries transient errors and a retried batch merges to the same result.
A report is one transaction: it lands whole or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kg.errors import QueryError, StoreUnavailable
from kg.models import Extraction
from kg.store import cypher
from kg.store.base import StoreQueries


@dataclass
class Neo4jSettings:
    """Connection settings from flags or NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE."""

    uri: str | None = None
    user: str = "neo4j"
    password: str | None = field(default=None, repr=False)  # never printed
    database: str | None = None
    batch_size: int = 1000

    @classmethod
    def from_env(cls, **given: Any) -> Neo4jSettings:
        env = {"uri": os.environ.get("NEO4J_URI"), "user": os.environ.get("NEO4J_USER", "neo4j"),
               "password": os.environ.get("NEO4J_PASSWORD"), "database": os.environ.get("NEO4J_DATABASE")}
        env.update({k: v for k, v in given.items() if v is not None})
        return cls(**env)


@dataclass
class WriteSummary:
    rows: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0

    def add(self, counters: Any, rows: int) -> None:
        self.rows += rows
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set

    @property
    def updated(self) -> int:
        """Rows that merged into something already there."""
        return self.rows - self.nodes_created - self.relationships_created


def _errors():
    import neo4j.exceptions as ex

    return ex


class Neo4jStore(StoreQueries):
    """Store protocol over a Neo4j server."""

    def __init__(self, settings: Neo4jSettings):
        if not settings.uri:
            raise StoreUnavailable("no Neo4j address: set NEO4J_URI (e.g. neo4j://localhost:7687) or pass --neo4j-uri")
        _check_scheme(settings.uri)
        if settings.password is None:
            raise StoreUnavailable("no Neo4j password: set NEO4J_PASSWORD (see .env.example)")
        import neo4j

        self.settings = settings
        self.summary = WriteSummary()
        ex = _errors()
        try:
            self.driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                                                     connection_timeout=10, max_transaction_retry_time=30)
            self.driver.verify_connectivity()
        except ex.AuthError as e:
            raise StoreUnavailable(_refused(settings)) from e
        except (ex.ServiceUnavailable, OSError) as e:
            raise StoreUnavailable(f"cannot reach Neo4j at {settings.uri}: {_first_line(e)}") from e
        except (ValueError, ex.ConfigurationError) as e:
            raise StoreUnavailable(f"bad Neo4j address {settings.uri!r}: {_first_line(e)}") from e
        self.ensure_schema()

    # -- plumbing ------------------------------------------------------------
    def _session(self):
        return self.driver.session(database=self.settings.database)

    def _write(self, statements: list[tuple[str, dict]]) -> None:
        """All statements in one managed transaction (retried as a whole on transient errors)."""
        def work(tx):
            results = []
            for text, params in statements:
                summary = tx.run(text, params).consume()
                results.append((summary.counters, len(params.get("rows", []))))
            return results

        for counters, rows in self._guard(lambda: self._execute(work)):
            self.summary.add(counters, rows)

    def _execute(self, work):
        with self._session() as session:
            return session.execute_write(work)

    def _guard(self, call):
        """Driver errors become one-line KGErrors; the password never appears in them."""
        ex = _errors()
        try:
            return call()
        except ex.AuthError as e:
            raise StoreUnavailable(_refused(self.settings)) from e
        except (ex.ServiceUnavailable, ex.SessionExpired, OSError) as e:
            raise StoreUnavailable(f"lost Neo4j at {self.settings.uri}: {_first_line(e)}; "
                                   "run the command again to complete the graph") from e
        except ex.Neo4jError as e:
            raise QueryError(f"Neo4j refused a statement: {_first_line(e)}") from e

    # -- Store protocol --------------------------------------------------------
    def ensure_schema(self) -> None:
        """Constraints and indexes from the ontology, IF NOT EXISTS, before any data.

        Schema commands cannot share a transaction with writes: one each.
        """
        for statement in cypher.schema_statements():
            self._guard(lambda s=statement: self._execute(lambda tx: tx.run(s).consume()))

    def apply(self, extraction: Extraction) -> None:
        self.apply_many([extraction])

    def apply_many(self, extractions: list[Extraction]) -> None:
        """Several reports in one transaction: all of them or none."""
        self._write(cypher.write_statements(extractions, batch_size=self.settings.batch_size))

    def write_batches(self, statements: list[tuple[str, dict]],
                      progress: Callable[[int, int], None] | None = None) -> None:
        """Each batch in its own transaction (MERGE makes a re-run complete a cut push)."""
        for i, statement in enumerate(statements, 1):
            self.write_rows([statement])
            if progress:
                progress(i, len(statements))

    def write_rows(self, statements: list[tuple[str, dict]]) -> None:
        """One batch of a bulk push in its own transaction (MERGE makes a re-run complete it)."""
        self._write(statements)

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        def work(tx):
            return [record.data() for record in tx.run(query, params or {})]

        def call():
            with self._session() as session:
                return session.execute_read(work)

        return self._guard(call)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


BOLT_SCHEMES = {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}


def _check_scheme(uri: str) -> None:
    """The driver speaks Bolt: an HTTP address (Neo4j Browser's) or none at all is the
    mistake users make, and the driver's own messages do not say so."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        raise StoreUnavailable(f"bad Neo4j address {uri!r}: no scheme; use neo4j://{uri} (or bolt://{uri})")
    if scheme.lower() in {"http", "https"}:
        host = rest.split("/", 1)[0].rsplit(":", 1)[0]
        raise StoreUnavailable(f"bad Neo4j address {uri!r}: an HTTP address (Neo4j Browser's); kg speaks Bolt: "
                               f"use neo4j://{host}:7687")
    if scheme.lower() not in BOLT_SCHEMES:
        raise StoreUnavailable(f"bad Neo4j address {uri!r}: the scheme must be one of {', '.join(sorted(BOLT_SCHEMES))}")


def _refused(settings: Neo4jSettings) -> str:
    return f"Neo4j at {settings.uri} refused user {settings.user!r}: wrong user or password"


def _first_line(error: BaseException) -> str:
    """The driver's message on one line; a line ending in ':' is continued by the next
    ('Couldn't connect to ...: Connection ... closed with incomplete handshake response')."""
    text = str(getattr(error, "message", None) or error) or type(error).__name__
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    out = lines[0]
    for line in lines[1:]:
        if not out.endswith(":"):
            break
        out += " " + line
    return out[:300]

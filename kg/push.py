"""Copy a whole graph from one store to another (embedded -> Neo4j), in batches.

The source graph is already merged, so it is written as records through the same
UNWIND ... MERGE statements as a load. Each batch is its own transaction: a push
cut short leaves whole batches behind, and running it again completes the graph
without duplicates.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.export import graph_from_store
from kg.store import cypher
from kg.store.base import Store


def graph_records(store: Store) -> tuple[list[dict], list[dict]]:
    """Node records (with 'label') and edge records (with 'type', 'source', 'target')."""
    graph = graph_from_store(store)
    nodes = [{"id": node_id, **attrs} for node_id, attrs in graph.nodes(data=True)]
    edges = [{"key": key, "source": a, "target": b, **attrs} for a, b, key, attrs in graph.edges(keys=True, data=True)]
    return nodes, edges


def push_store(source: Store, target, batch_size: int = 1000,
               progress: Callable[[int, int], None] | None = None, decisions: list | None = None) -> int:
    """Write everything in `source` to `target` (a store with write_rows), then apply the
    analyst's decisions there too (the target may hold facts from before them: a merged
    node's old half, a rejected fact); returns batch count."""
    from kg.decisions_store import enforce

    nodes, edges = graph_records(source)
    empty = target.size() == 0  # a first push CREATEs: the source is merged already
    statements = cypher.rows_statements(nodes, edges, batch_size, empty_target=empty)
    target.write_batches(statements, progress)
    enforce(target, decisions or [])
    return len(statements)

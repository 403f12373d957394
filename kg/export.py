"""Read a whole store back as a networkx graph (for export and comparison)."""

from __future__ import annotations

import networkx as nx

from kg.store import cypher
from kg.store.base import Store


def graph_from_store(store: Store) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for row in store.read(cypher.ALL_NODES):
        props = dict(row["props"])
        props.pop("lookup", None)  # derived by the store, not part of the graph's facts
        props["label"] = row["label"]
        aliases = [a for a in props.get("aliases") or [] if a != props.get("name")]
        props["aliases"] = aliases
        graph.add_node(row["id"], **props)
    for row in store.read(cypher.ALL_EDGES):
        props = dict(row["props"])
        key = props.pop("key")
        graph.add_edge(row["source"], row["target"], key=key, type=row["type"], **props)
    return graph

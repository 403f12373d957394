"""Graph assembly in networkx: extractions merged by id, provenance unioned.

This is the in-memory form of what the stores hold; `kg export` writes it as
networkx node-link JSON (the contract the yardstick reads).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.extract.builder import better_name, better_value
from kg.models import Extraction

LIST_PROPS = ("aliases", "sources", "evidence", "merged_ids")


def merge_node_attrs(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Merge two records of one node (or edge) deterministically, whatever the order.
    List properties are kept as sets while a graph is built (see build_graph)."""
    out = dict(old)
    for key, value in new.items():
        if key in LIST_PROPS:
            out.setdefault(key, set()).update(value)
        elif key == "name" and "name" in out:
            winner = better_name(out["name"], value)
            out.setdefault("aliases", set()).update((out["name"], value))
            out["name"] = winner
        elif key in ("id", "label", "type", "key", "source", "target"):
            out[key] = value
        elif key == "first_reported":
            out[key] = min(v for v in (out.get(key), value) if v) if (out.get(key) or value) else None
        else:
            out[key] = better_value(out.get(key), value, key)
    return out


def add_extraction(graph: nx.MultiDiGraph, extraction: Extraction) -> None:
    """Merge one extraction in place: attributes are updated, not copied, so a hub node
    named in every report costs the same to update as any other (linear build)."""
    published = extraction.report.published
    for node in extraction.nodes:
        attrs = {"id": node.id, "label": node.label, "name": node.name, "aliases": node.aliases,
                 "sources": node.sources, "evidence": node.evidence,
                 "first_reported": published, **node.props}
        if node.id in graph:
            graph.nodes[node.id].update(merge_node_attrs(graph.nodes[node.id], attrs))
        else:
            graph.add_node(node.id, **merge_node_attrs({}, attrs))
    for edge in extraction.edges:
        attrs = {"type": edge.type, "sources": edge.sources,
                 "evidence": edge.evidence, "first_reported": published, **edge.props}
        if graph.has_edge(edge.source, edge.target, edge.key):
            data = graph.edges[edge.source, edge.target, edge.key]
            data.update(merge_node_attrs(data, attrs))
        else:
            graph.add_edge(edge.source, edge.target, key=edge.key, **merge_node_attrs({}, attrs))


def _finish(attrs: dict[str, Any]) -> None:
    for key in LIST_PROPS:
        if key in attrs:
            attrs[key] = sorted(attrs[key])
    if "aliases" in attrs and "name" in attrs:
        attrs["aliases"] = [a for a in attrs["aliases"] if a != attrs["name"]]


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for extraction in extractions:
        add_extraction(graph, extraction)
    for _, attrs in graph.nodes(data=True):
        _finish(attrs)
    for _, _, attrs in graph.edges(data=True):
        _finish(attrs)
    return graph


def node_link_json(graph: nx.MultiDiGraph) -> str:
    """Deterministic node-link JSON: sorted nodes, edges and list values."""
    data = nx.node_link_data(graph, edges="edges")
    for item in data["nodes"] + data["edges"]:
        for key, value in list(item.items()):
            if value is None:
                del item[key]
            elif isinstance(value, list):
                item[key] = sorted(value)
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["source"], e["type"], e["target"], e["key"]))
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)

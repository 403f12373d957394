"""Exports for the tools analysts open graphs in: GraphML and GEXF (Gephi, Cytoscape, yEd)
and plain CSV (spreadsheets). Written from the merged graph (kg/export.py).

Neither GraphML nor GEXF has a list type that networkx writes, so a list property (aliases,
sources, evidence quotes) becomes one string, its items joined by LIST_JOIN; every other
value keeps its type. Properties that are absent stay absent (no empty strings).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

LIST_JOIN = " | "


def state_codes(graph: nx.MultiDiGraph) -> dict[str, str]:
    """State name -> ISO code, for formats that name countries by code (STIX, FtM)."""
    return {a["name"]: str(a["iso"]) for _, a in graph.nodes(data=True) if a.get("label") == "State" and a.get("iso")}


def _flat(attrs: dict) -> dict:
    out = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            value = LIST_JOIN.join(str(v) for v in value)
        elif not isinstance(value, str | int | float | bool):
            value = str(value)
        out[key] = value
    return out


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose every property is a string, number or boolean."""
    out = nx.MultiDiGraph()
    for node, attrs in sorted(graph.nodes(data=True)):
        out.add_node(node, **_flat(attrs))
    for source, target, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        out.add_edge(source, target, key=key, **_flat(attrs))
    return out


def graphml_text(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(flat_graph(graph), prettyprint=True)) + "\n"


def gexf_text(graph: nx.MultiDiGraph) -> str:
    flat = flat_graph(graph)
    for node, attrs in flat.nodes(data=True):  # Gephi shows a node's 'label'; kg's label is its type
        attrs["kind"] = attrs.pop("label", "")
        attrs["label"] = attrs.get("name", node)
    return "\n".join(nx.generate_gexf(flat, prettyprint=True)) + "\n"


def write_csvs(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """nodes.csv (id, label, name, then every other property) and edges.csv (source, target,
    type, key, then the rest); one row per node or edge, lists joined by LIST_JOIN."""
    folder.mkdir(parents=True, exist_ok=True)
    flat = flat_graph(graph)
    nodes = [{"id": n, **a} for n, a in flat.nodes(data=True)]
    edges = [{"source": s, "target": t, "key": k, **a} for s, t, k, a in flat.edges(keys=True, data=True)]
    paths = []
    for name, rows, first in (("nodes.csv", nodes, ["id", "label", "name"]),
                              ("edges.csv", edges, ["source", "target", "type", "key"])):
        columns = first + sorted({c for row in rows for c in row} - set(first))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path = folder / name
        path.write_text(buffer.getvalue(), encoding="utf-8")
        paths.append(path)
    return paths

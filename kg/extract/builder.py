"""Accumulates one report's nodes and edges with their evidence, deduplicated by id.

Extraction rules call add_node/add_edge; the builder keeps ids deterministic,
merges repeated mentions, and records the sentence behind every fact.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from kg.models import Edge, Evidence, Extraction, Node, Report, stable_hash
from kg.ontology import ontology


@dataclass
class _NodeAcc:
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    proper: bool = False  # a name the text gives it ('an exercise called X'): no description replaces it


def better_name(a: str, b: str) -> str:
    """The preferred of two names for one thing: the longer, then the alphabetically first."""
    return min(a, b, key=lambda n: (-len(n), n))


def better_value(a: Any, b: Any, prop: str = "") -> Any:
    """Deterministic choice between two property values (order of arrival never matters):
    the most precise (longest) wins; among equals the greatest, or the earliest for 'start'."""
    if a is None:
        return b
    if b is None:
        return a
    if prop == "start" and len(str(a)) == len(str(b)):
        return min(a, b, key=str)
    return max(a, b, key=lambda v: (len(str(v)), str(v)))


class GraphBuilder:
    def __init__(self, report: Report):
        self.report = report
        self.nodes: dict[str, _NodeAcc] = {}
        self.edges: dict[str, Edge] = {}
        name = report.title or report.path.rsplit("/", 1)[-1] or report.id
        self.report_node = self.add_node(report.node_id, "Report", name, **report.meta())

    def mention_all(self) -> None:
        """Report -[:MENTIONS]-> every node it contributed (provenance you can traverse)."""
        for node_id, acc in list(self.nodes.items()):
            if acc.label not in {"Report", "Assessment"}:
                self.add_edge(self.report_node, "MENTIONS", node_id)

    def evidence(self, start: int, end: int, text: str) -> str:
        page = bisect.bisect_right(self.report.pages, start) if self.report.pages else None
        return Evidence(report=self.report.node_id, start=start, end=end, text=text, page=page).render()

    def add_node(self, node_id: str, label: str, name: str, *, aliases: tuple[str, ...] = (),
                 evidence: str | None = None, proper: bool = False, **props: Any) -> str:
        name = name.strip()  # names never carry edge whitespace (a CSV round trip would lose it)
        aliases = tuple(a.strip() for a in aliases)
        acc = self.nodes.get(node_id)
        if acc is None:
            acc = self.nodes[node_id] = _NodeAcc(label, name, proper=proper)
        elif name != acc.name:
            acc.aliases.add(acc.name)
            acc.aliases.add(name)
            if proper or not acc.proper:
                acc.name = name if proper and not acc.proper else better_name(acc.name, name)
            acc.proper = acc.proper or proper
        acc.aliases.update(a for a in aliases if a)
        for key, value in props.items():
            if value is not None and value != "":
                acc.props[key] = better_value(acc.props.get(key), value, key)
        if evidence and evidence not in acc.evidence:
            acc.evidence.append(evidence)
        return node_id

    def add_edge(self, source: str, rel_type: str, target: str, *, evidence: str | None = None,
                 **props: Any) -> str | None:
        if source == target or source not in self.nodes or target not in self.nodes:
            return None
        props = {k: v for k, v in props.items() if v is not None and v != ""}
        key = fact_key(source, rel_type, target, props)
        edge = self.edges.get(key)
        if edge is None:
            edge = self.edges[key] = Edge(source=source, target=target, type=rel_type,
                                          key=key, sources=[self.report.node_id])
        for name, value in props.items():
            edge.props[name] = better_value(edge.props.get(name), value, name)
        if evidence and evidence not in edge.evidence:
            edge.evidence.append(evidence)
        return key

    def drop_node(self, node_id: str) -> None:
        """Forget a node found by mistake ('Astara' read as a surname), with its edges."""
        self.nodes.pop(node_id, None)
        for key in [k for k, e in self.edges.items() if node_id in (e.source, e.target)]:
            del self.edges[key]

    def merge_node(self, old: str, new: str) -> None:
        """Fold node `old` into `new` (same thing, found twice): edges follow it."""
        acc = self.nodes.pop(old)
        self.add_node(new, acc.label, acc.name, aliases=tuple(acc.aliases), proper=acc.proper, **acc.props)
        self.nodes[new].evidence += [e for e in acc.evidence if e not in self.nodes[new].evidence]
        for key, edge in list(self.edges.items()):
            if old in (edge.source, edge.target):
                del self.edges[key]
                source = new if edge.source == old else edge.source
                target = new if edge.target == old else edge.target
                for ev in edge.evidence or [None]:
                    self.add_edge(source, edge.type, target, evidence=ev, **edge.props)

    def build(self) -> Extraction:
        nodes = []
        for node_id, acc in sorted(self.nodes.items()):
            nodes.append(Node(id=node_id, label=acc.label, name=acc.name,
                              aliases=sorted(acc.aliases - {acc.name}), props=acc.props,
                              sources=[self.report.node_id], evidence=acc.evidence))
        edges = [self.edges[k] for k in sorted(self.edges)]
        return Extraction(report=self.report, nodes=nodes, edges=edges)


def fact_key(source: str, rel_type: str, target: str, props: dict[str, Any]) -> str:
    """The key of a fact with these endpoints and properties (those the ontology keys it by)."""
    return edge_key(source, rel_type, target, {k: props.get(k) for k in ontology().relationships[rel_type].key})


def edge_key(source: str, rel_type: str, target: str, key_props: dict[str, Any]) -> str:
    """One fact, one key: endpoints, type and the properties that tell facts apart."""
    parts = [source, rel_type, target] + [f"{k}={key_props[k]}" for k in sorted(key_props)
                                          if key_props[k] is not None]
    return f"{rel_type}:{stable_hash(*parts)}"

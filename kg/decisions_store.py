"""Decisions applied to what a store already holds: the part a decision touches (a fact, or
nodes with every relationship at them) is read, passed through the same function that
corrects each report's extraction (kg/decisions.py), and written back in one transaction.
Used when a decision is taken or imported, and after a push (the target may hold facts
from before the decision)."""

from __future__ import annotations

from collections.abc import Iterable

from kg.decisions import Decision, apply, is_fact_key, label_of
from kg.models import Edge, Node
from kg.store import cypher

NODE_COMMON = ("id", "name", "aliases", "sources", "evidence", "lookup")
EDGE_COMMON = ("key", "sources", "evidence")


def enforce(store, decisions: Iterable[Decision]) -> int:
    """Apply decisions, in order, to the store; returns how many changed something."""
    changed = 0
    for d in decisions:
        statements = _statements(store, d)
        if statements:
            store.write_rows(statements)
            changed += 1
    return changed


def _statements(store, d: Decision) -> list[tuple[str, dict]]:
    if d.on_fact:
        rel_type = d.target.split(":", 1)[0]
        rows = store.read(cypher.edge_by_key(rel_type), {"key": d.target})
        if not rows:
            return []
        labels = {}
        edges = []
        for row in rows:
            labels[row["source"]], labels[row["target"]] = row["source_label"], row["target_label"]
            edges.append(_edge(rel_type, row["source"], row["target"], row["props"]))
        _, after = apply([], edges, [d])
        return [(cypher.delete_edge(rel_type), {"key": d.target})] + _rewrite([], after, labels)
    nodes, edges, labels = [], {}, {}
    for node_id in dict.fromkeys(i for i in (d.target, d.into) if i):
        label = label_of(node_id)
        rows = store.read(cypher.node_with_edges(label), {"id": node_id})
        if not rows:
            continue
        nodes.append(_node(label, rows[0]["node"]))
        for row in rows:
            if row["type"] is None:
                continue
            source, target = (node_id, row["other"]) if row["outgoing"] else (row["other"], node_id)
            labels[row["other"]] = row["other_label"]
            edges[row["props"]["key"]] = _edge(row["type"], source, target, row["props"])
    if not nodes or nodes[0].id != d.target:
        return []  # (what it decides about is not in this store)
    after_nodes, after_edges = apply(nodes, list(edges.values()), [d])
    after_nodes, after_edges = _first_reported(store, after_nodes, after_edges)
    deletes = [(cypher.delete_node(n.label), {"id": n.id}) for n in nodes]
    return deletes + _rewrite(after_nodes, after_edges, {**labels, **{n.id: n.label for n in after_nodes}})


def _first_reported(store, nodes: list[Node], edges: list[Edge]) -> tuple[list[Node], list[Edge]]:
    """The earliest publication of the reports that now support each node and edge (a split
    leaves each half fewer reports), as a load of those reports would have set it."""
    ids = sorted({s for x in [*nodes, *edges] for s in x.sources})
    dates = {r["id"]: r["published"] for r in store.read(cypher.REPORT_DATES, {"ids": ids})}

    def dated(x):
        known = [dates[s] for s in x.sources if dates.get(s)]
        return x.model_copy(update={"props": {**x.props, "first_reported": min(known) if known else None}})

    return [dated(n) for n in nodes], [dated(e) for e in edges]


def _node(label: str, props: dict) -> Node:
    rest = {k: v for k, v in props.items() if k not in NODE_COMMON and v is not None}
    return Node(id=props["id"], label=label, name=props.get("name") or props["id"], aliases=props.get("aliases") or [],
                props=rest, sources=props.get("sources") or [], evidence=props.get("evidence") or [])


def _edge(rel_type: str, source: str, target: str, props: dict) -> Edge:
    rest = {k: v for k, v in props.items() if k not in EDGE_COMMON and v is not None}
    return Edge(source=source, target=target, type=rel_type, key=props["key"], props=rest,
                sources=props.get("sources") or [], evidence=props.get("evidence") or [])


def _rewrite(nodes: list[Node], edges: list[Edge], labels: dict[str, str]) -> list[tuple[str, dict]]:
    """Upserts for the corrected nodes and edges (records of one id merged as a load would)."""
    node_rows: dict[str, dict] = {}
    for n in nodes:
        row = {"id": n.id, "label": n.label, "name": n.name, "aliases": n.aliases, "sources": n.sources,
               "evidence": n.evidence, **n.props}
        node_rows[n.id] = cypher.merge_rows(node_rows[n.id], row) if n.id in node_rows else row
    edge_rows: dict[str, dict] = {}
    for e in edges:
        row = {"key": e.key, "type": e.type, "source": e.source, "target": e.target, "sources": e.sources,
               "evidence": e.evidence, **e.props}
        edge_rows[e.key] = cypher.merge_rows(edge_rows[e.key], row) if e.key in edge_rows else row
    return cypher.rows_statements(list(node_rows.values()), list(edge_rows.values()), labels=labels)


def take(store, home, action: str, target: str, *, into: str | None = None, value: str | None = None,
         note: str | None = None) -> tuple[Decision, bool]:
    """One analyst decision (from the CLI or kg review): names resolved in the store, the
    decision recorded in the store folder's file and applied. Returns it and whether it was new."""
    from kg.decisions import DecisionLog, make
    from kg.errors import KGError

    if is_fact_key(target):
        what = describe_fact(store, target)
        if what is None:
            raise KGError(f"no fact {target!r} in the graph (fact keys are listed by kg explain)")
    else:
        node = find_node(store, target)
        target, what = node["id"], f"{node['label']} {node['name']}"
        if into:
            other = find_node(store, into)
            into, what = other["id"], f"{what} into {other['name']}"
            value = other["name"] if action == "merge" else value
    decision = make(action, target, into=into, value=value, what=what, note=note)
    new = DecisionLog(home).add([decision])
    if new:
        enforce(store, new)
    return decision, bool(new)


def find_node(store, ref: str) -> dict:
    """The one node `ref` names (an id, a name or an alias, any case); an error otherwise."""
    from kg.errors import KGError
    from kg.explain import FIND_EXACT

    found = [n for n in store.read(FIND_EXACT, {"name": ref}) if n["label"] != "Report"]
    exact = [n for n in found if n["id"] == ref]
    if exact:
        return exact[0]
    if not found:
        raise KGError(f"no entity named {ref!r} in the graph (see kg explain)")
    if len(found) > 1:
        raise KGError(f"{ref!r} names {len(found)} entities: {', '.join(n['id'] for n in found)}; give an id")
    return found[0]


def describe_fact(store, key: str) -> str | None:
    """'Vladimir Putin SIGNED Treaty on ...': what a fact key stands for, if the store holds it."""
    if not is_fact_key(key):
        return None
    rel_type = key.split(":", 1)[0]
    rows = store.read(cypher.edge_by_key(rel_type), {"key": key})
    return f"{rows[0]['source_name']} {rel_type} {rows[0]['target_name']}" if rows else None

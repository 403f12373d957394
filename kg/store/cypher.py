"""The write and maintenance Cypher, written once in Neo4j's dialect.

Statements are generated from the ontology only: labels, relationship types and
property names come from schema/ontology.yaml (already checked to be plain
identifiers), never from input. Values always travel as parameters.

Merging is order-independent: list properties are unioned, the name keeps the
longest spelling, other scalars keep the 'largest' value (longest, then
greatest), first_reported keeps the earliest date.
"""

from __future__ import annotations

from functools import cache

from kg.models import Extraction, report_node_id
from kg.ontology import Ontology, ontology
from kg.validate import node_properties

LISTS = ("aliases", "sources", "evidence", "merged_ids")
COMMON_NODE = ("id", "name", "aliases", "sources", "evidence", "first_reported")
COMMON_EDGE = ("key", "sources", "evidence", "first_reported")


def _union(var: str, prop: str) -> str:
    """Old list plus the row's new items (row lists arrive de-duplicated: see rows_statements)."""
    return (f"{var}.{prop} = CASE WHEN row.{prop} IS NULL THEN {var}.{prop} ELSE coalesce({var}.{prop}, []) + "
            f"[x IN row.{prop} WHERE NOT x IN coalesce({var}.{prop}, [])] END")  # (nothing new: left as it was)


def _keep_best(var: str, prop: str) -> str:
    """Most precise value wins; among equals the greatest (the earliest for 'start')."""
    new, old = f"row.{prop}", f"{var}.{prop}"
    cmp = "<" if prop == "start" else ">"
    return (f"{old} = CASE WHEN {new} IS NULL THEN {old} WHEN {old} IS NULL THEN {new} "
            f"WHEN size(toString({new})) > size(toString({old})) OR (size(toString({new})) = "
            f"size(toString({old})) AND toString({new}) {cmp} toString({old})) THEN {new} ELSE {old} END")


def _earliest(var: str, prop: str) -> str:
    new, old = f"row.{prop}", f"{var}.{prop}"
    return (f"{old} = CASE WHEN {new} IS NULL THEN {old} WHEN {old} IS NULL OR {new} < {old} "
            f"THEN {new} ELSE {old} END")


def _name(var: str) -> str:
    return (f"{var}.name = CASE WHEN {var}.name IS NULL OR size(row.name) > size({var}.name) OR "
            f"(size(row.name) = size({var}.name) AND row.name < {var}.name) THEN row.name "
            f"ELSE {var}.name END")


NEW_PER_REPORT = ("sources", "evidence")  # a report's own ids and quotes: new whenever the report is


def _append(var: str, prop: str) -> str:
    """Old list plus the row's items, unchecked: for a report not in the store yet, its id
    and its quotes cannot be there (checking each against a hub's thousands of sources made
    a load's cost per report grow with the corpus)."""
    return f"{var}.{prop} = coalesce({var}.{prop}, []) + coalesce(row.{prop}, [])"


def _sets(var: str, props: list[str], new_reports: bool = False) -> str:
    items = []
    for prop in props:
        if prop in NEW_PER_REPORT and new_reports:
            items.append(_append(var, prop))
        elif prop in LISTS:
            items.append(_union(var, prop))
        elif prop == "first_reported":
            items.append(_earliest(var, prop))
        elif prop == "name":
            items.append(_name(var))
        else:
            items.append(_keep_best(var, prop))
    return "ON MATCH SET " + ",\n    ".join(items)


def _creates(var: str, props: list[str]) -> str:
    """A new node or edge takes the row as it is: plain assignments, no merging logic."""
    return "ON CREATE SET " + ", ".join(f"{var}.{prop} = row.{prop}" for prop in props)


LOOKUP = "toLower(reduce(s = n.name, a IN coalesce(n.aliases, []) | s + '|' + a))"


@cache
def node_upsert(label: str, new_reports: bool = False) -> str:
    onto = ontology()
    props = [p for p in onto.label_properties(label) if p != "id"]
    return (f"UNWIND $rows AS row\nMERGE (n:{label} {{id: row.id}})\n"
            f"{_creates('n', props)}\n{_sets('n', props, new_reports)}\nSET n.lookup = {LOOKUP}")


@cache
def edge_upsert(rel_type: str, from_label: str, to_label: str, new_reports: bool = False) -> str:
    onto = ontology()
    props = [p for p in onto.edge_properties_of(rel_type) if p != "key"]
    return (f"UNWIND $rows AS row\nMATCH (a:{from_label} {{id: row.source}})\n"
            f"MATCH (b:{to_label} {{id: row.target}})\n"
            f"MERGE (a)-[r:{rel_type} {{key: row.key}}]->(b)\n{_creates('r', props)}\n{_sets('r', props, new_reports)}")


@cache
def node_create(label: str) -> str:
    """For an empty store only (a first push): nothing to merge with, so plain CREATE."""
    props = ", ".join(f"{p}: row.{p}" for p in ontology().label_properties(label))
    lookup = LOOKUP.replace("n.", "row.")  # in the CREATE itself: one write per node, not two
    return f"UNWIND $rows AS row\nCREATE (n:{label} {{{props}, lookup: {lookup}}})"


@cache
def edge_create(rel_type: str, from_label: str, to_label: str) -> str:
    props = ", ".join(f"{p}: row.{p}" for p in ontology().edge_properties_of(rel_type))
    return (f"UNWIND $rows AS row\nMATCH (a:{from_label} {{id: row.source}})\n"
            f"MATCH (b:{to_label} {{id: row.target}})\nCREATE (a)-[r:{rel_type} {{{props}}}]->(b)")


RETRACT_NODES = """MATCH (n) WHERE $report IN n.sources
SET n.sources = [s IN n.sources WHERE s <> $report],
    n.evidence = [e IN coalesce(n.evidence, []) WHERE NOT e STARTS WITH $prefix]"""
RETRACT_EDGES = """MATCH ()-[r]->() WHERE $report IN r.sources
SET r.sources = [s IN r.sources WHERE s <> $report],
    r.evidence = [e IN coalesce(r.evidence, []) WHERE NOT e STARTS WITH $prefix]"""
# Stores written before `lookup` existed (and neo4j-admin imports) get it here.
SET_LOOKUP = f"MATCH (n) WHERE n.lookup IS NULL AND n.name IS NOT NULL\nSET n.lookup = {LOOKUP}"
DELETE_ORPHAN_EDGES = "MATCH ()-[r]->() WHERE size(r.sources) = 0 DELETE r"
DELETE_ORPHAN_NODES = "MATCH (n) WHERE size(n.sources) = 0 DETACH DELETE n"
COUNT_NODES = "MATCH (n) RETURN count(n) AS n"
COUNT_EDGES = "MATCH ()-[r]->() RETURN count(r) AS n"
HAS_REPORT = "MATCH (r:Report {id: $id}) RETURN count(r) AS n"
ALL_NODES = "MATCH (n) RETURN n.id AS id, labels(n)[0] AS label, properties(n) AS props"
ALL_EDGES = ("MATCH (a)-[r]->(b) RETURN a.id AS source, b.id AS target, type(r) AS type, "
             "properties(r) AS props")
COUNT_LABELS = "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS count ORDER BY label"
COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count ORDER BY type"
REPORT_DATES = "MATCH (r:Report) WHERE r.id IN $ids RETURN r.id AS id, r.published AS published"
REPORTS = ("MATCH (r:Report) RETURN r.id AS id, r.name AS title, r.publisher AS publisher, "
           "r.published AS published, r.path AS path ORDER BY published, id")


RESOLVED = {"Agreement": "(m:State)-[:PARTY_TO]->(n)", "Vessel": "(n)-[:FLAGGED_IN]->(m:State)",
            "Event": "(m:State)-[:ATTENDED]->(n)", "Person": "(n)-[:HOLDS_ROLE]->(m:State)",
            "Organization": "(n)-[:LOCATED_IN]->(m:State)", "Place": "(n)-[:LOCATED_IN]->(m:State)"}


@cache
def resolution_rows(label: str) -> str:
    """A label's nodes with the states that mark them (an agreement's parties, a ship's flag,
    the states at an event),
    for resolution across reports (kg/resolution.py)."""
    pattern = RESOLVED[label]
    if label == "Event":  # (by name, by kind + month, by whom it was done to, or by what was signed at it)
        return (f"MATCH (n:{label}) OPTIONAL MATCH {pattern}\n"
                "WITH n, collect(m.id) AS marks\n"
                "OPTIONAL MATCH (a:Agreement)-[:SIGNED_AT]->(n)\n"
                "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.merged_ids AS merged_ids, "
                "n.named AS named, n.kind AS kind, n.start AS start, n.target AS target, marks, "
                "collect(a.id) AS signed ORDER BY id")
    return (f"MATCH (n:{label}) OPTIONAL MATCH {pattern}\n"
            "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.merged_ids AS merged_ids, "
            "n.kind AS kind, collect(m.id) AS marks ORDER BY id")


@cache
def node_with_edges(label: str) -> str:
    """One node of a label and every relationship at it, to move them onto another node."""
    return (f"MATCH (n:{label} {{id: $id}}) OPTIONAL MATCH (n)-[r]-(x)\n"
            "RETURN properties(n) AS node, type(r) AS type, startNode(r) = n AS outgoing, x.id AS other, "
            "labels(x)[0] AS other_label, properties(r) AS props")


@cache
def edge_by_key(rel_type: str) -> str:
    """One fact by its key (a key starts with its type: the type comes from the schema)."""
    return (f"MATCH (a)-[r:{rel_type} {{key: $key}}]->(b)\n"
            "RETURN a.id AS source, labels(a)[0] AS source_label, a.name AS source_name, b.id AS target, "
            "labels(b)[0] AS target_label, b.name AS target_name, properties(r) AS props")


@cache
def delete_edge(rel_type: str) -> str:
    return f"MATCH ()-[r:{rel_type} {{key: $key}}]->() DELETE r"


@cache
def delete_node(label: str) -> str:
    return f"MATCH (n:{label} {{id: $id}}) DETACH DELETE n"


def merge_node_statements(label: str, rows: list[dict], into: str) -> list[tuple[str, dict]]:
    """Statements that fold one node (the rows of node_with_edges) into the node `into` of the
    same label: its properties merged as a report's would be, its relationships moved (keys
    recomputed from the new endpoints), itself deleted. Labels and types come from the rows,
    which come from the store, whose labels and types come from the schema."""
    from kg.extract.builder import fact_key  # (the one definition of a fact's key)

    onto = ontology()
    if not rows:
        return []
    old = rows[0]["node"]
    node = {k: v for k, v in old.items() if k in onto.label_properties(label)}
    node.update(id=into, label=label, merged_ids=[*(old.get("merged_ids") or []), old["id"]],
                aliases=list(dict.fromkeys([*(old.get("aliases") or []), *([old["name"]] if old.get("name") else [])])))
    # (its name stays an alias: the folded node may be a spelling of its own)
    nodes = {into: node}
    edges = []
    for row in rows:
        if row["type"] is None or row["other"] in {old["id"], into}:
            continue  # (no relationship, or one that the fold makes a loop)
        if row["type"] not in onto.relationships:
            continue
        source, target = (into, row["other"]) if row["outgoing"] else (row["other"], into)
        props = dict(row["props"])
        props["key"] = fact_key(source, row["type"], target, props)
        edges.append({**props, "type": row["type"], "source": source, "target": target})
        nodes.setdefault(row["other"], {"id": row["other"], "label": row["other_label"]})
    ends = [{"id": n["id"], "label": n["label"]} for n in nodes.values() if n["id"] != into]
    statements = rows_statements([node], edges, onto=onto, labels={n["id"]: n["label"] for n in ends})
    return statements + [(delete_node(label), {"id": old["id"]})]


def retract_statements(report_id: str) -> list[tuple[str, dict]]:
    report = report_node_id(report_id)
    params = {"report": report, "prefix": report + ":"}
    return [(RETRACT_NODES, params), (RETRACT_EDGES, params), (DELETE_ORPHAN_EDGES, {}),
            (DELETE_ORPHAN_NODES, {})]


def write_statements(extractions: list[Extraction], batch_size: int = 500,
                     onto: Ontology | None = None) -> list[tuple[str, dict]]:
    """UNWIND batches for reports written in one transaction (nodes per label first, then
    edges per type). A node or edge they share becomes one row, merged here by the rules
    the upsert Cypher applies: an UNWIND must not MERGE one key twice (FalkorDB applies
    such rows out of order)."""
    onto = onto or ontology()
    nodes: dict[str, dict] = {}
    edges: dict[tuple, dict] = {}
    for extraction in extractions:
        published = extraction.report.published
        for n in extraction.nodes:
            row = {**node_properties(n), "label": n.label, "first_reported": published}
            nodes[n.id] = merge_rows(nodes[n.id], row) if n.id in nodes else row
        for e in extraction.edges:
            row = {"key": e.key, "type": e.type, "source": e.source, "target": e.target, "sources": e.sources,
                   "evidence": e.evidence, "first_reported": published, **e.props}
            ident = (e.type, e.source, e.target, e.key)
            edges[ident] = merge_rows(edges[ident], row) if ident in edges else row
    return rows_statements(list(nodes.values()), list(edges.values()), batch_size, onto, new_reports=True)


IDENTITY = ("id", "label", "key", "type", "source", "target")


def merge_rows(old: dict, new: dict) -> dict:
    """Two records of one node or edge as the upsert Cypher would leave them (see _sets):
    lists unioned, the longer name, the earliest first_reported, else the most precise value."""
    out = dict(old)
    for prop, value in new.items():
        mine = old.get(prop)
        if prop in IDENTITY:
            out[prop] = value
        elif prop in LISTS:
            out[prop] = list(dict.fromkeys([*(mine or []), *(value or [])]))
        elif value is None or mine is None:
            out[prop] = mine if value is None else value
        elif prop == "name":
            out[prop] = value if (len(value), mine) > (len(mine), value) else mine
        elif prop == "first_reported":
            out[prop] = min(mine, value)
        else:
            a, b = _text(value), _text(mine)
            later = a < b if prop == "start" else a > b
            out[prop] = value if len(a) > len(b) or (len(a) == len(b) and later) else mine
    return out


def _text(value) -> str:
    """Cypher's toString, for the values kg stores (booleans are lower case there)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def rows_statements(nodes: list[dict], edges: list[dict], batch_size: int = 500,
                    onto: Ontology | None = None, empty_target: bool = False,
                    new_reports: bool = False, labels: dict[str, str] | None = None) -> list[tuple[str, dict]]:
    """UNWIND batches for node records (with 'label') and edge records (with 'type',
    'source', 'target'): one statement per label and per (type, from, to). Records of a
    merged graph written to an empty store are CREATEd (nothing to merge with); records of
    reports the store does not hold yet append their sources and quotes unchecked."""
    onto = onto or ontology()
    by_label: dict[str, list[dict]] = {}
    labels = dict(labels or {})  # (labels of edge ends that are not written here)
    for node in nodes:
        label = node["label"]
        row = {p: None for p in onto.label_properties(label)}
        row.update({k: _dedup(v) for k, v in node.items() if k in row})
        by_label.setdefault(label, []).append(row)
        labels[node["id"]] = label
    by_type: dict[tuple[str, str, str], list[dict]] = {}
    for edge in edges:
        row = {p: None for p in onto.edge_properties_of(edge["type"])}
        row.update({k: _dedup(v) for k, v in edge.items() if k in row})
        row.update(source=edge["source"], target=edge["target"])
        by_type.setdefault((edge["type"], labels[edge["source"]], labels[edge["target"]]), []).append(row)
    out = []
    for label in sorted(by_label):
        text = node_create(label) if empty_target else node_upsert(label, new_reports)
        out += _batches(text, by_label[label], batch_size)
    for key in sorted(by_type):
        text = edge_create(*key) if empty_target else edge_upsert(*key, new_reports)
        out += _batches(text, by_type[key], batch_size)
    return out


def _dedup(value):
    return list(dict.fromkeys(value)) if isinstance(value, list) else value


def _batches(statement: str, rows: list[dict], size: int) -> list[tuple[str, dict]]:
    return [(statement, {"rows": rows[i:i + size]}) for i in range(0, len(rows), size)]


def schema_statements(onto: Ontology | None = None) -> list[str]:
    """Neo4j constraints and indexes (IF NOT EXISTS, so they can run on every push)."""
    onto = onto or ontology()
    out = []
    for label in sorted(onto.labels):
        low = label.lower()
        out.append(f"CREATE CONSTRAINT {low}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        out.append(f"CREATE INDEX {low}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    labels = "|".join(sorted(onto.labels))
    out.append(f"CREATE FULLTEXT INDEX kg_names IF NOT EXISTS FOR (n:{labels}) ON EACH [n.name, n.aliases]")
    return out

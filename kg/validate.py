"""Check an extraction against the ontology before it can reach a store."""

from __future__ import annotations

from kg.errors import InvalidSchema
from kg.models import Extraction
from kg.ontology import ontology


def node_properties(node) -> dict:
    """All properties of a node as a store row sees them."""
    return {"id": node.id, "name": node.name, "aliases": node.aliases, "sources": node.sources,
            "evidence": node.evidence, **node.props}


def validate_extraction(extraction: Extraction) -> None:
    """Raise InvalidSchema naming the report if any node or edge breaks the ontology."""
    onto = ontology()
    labels = {}
    where = extraction.report.path or extraction.report.id
    try:
        for node in extraction.nodes:
            onto.check_node(node.label, node_properties(node))
            labels[node.id] = node.label
        for edge in extraction.edges:
            if edge.source not in labels or edge.target not in labels:
                raise InvalidSchema(f"{edge.type} edge {edge.key} points at a node not in the report")
            props = {"key": edge.key, "sources": edge.sources, "evidence": edge.evidence, **edge.props}
            onto.check_edge(edge.type, labels[edge.source], labels[edge.target], props)
    except InvalidSchema as e:
        raise InvalidSchema(f"{where}: {e}") from e

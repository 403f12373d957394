"""FollowTheMoney entities (the model of Aleph and OpenSanctions), built with the
`followthemoney` library: one JSON line per entity, what `ftm` tools and Aleph ingest.

Nodes become the schema that says what they are (Person, Organization, a State as a
PublicBody with its country code, Vessel, Event, an Agreement as a Contract, a Place as an
Address, a Report as an Article); facts become interval entities where FtM has one
(HOLDS_ROLE and MEMBER_OF as Membership, OWNED_BY as Ownership) and an UnknownLink with the
kg type as its role otherwise. Ids are derived from kg's ids, so an export is the same on
every run; an entity's first evidence quotes (each with its report) go in its `notes`.
"""

from __future__ import annotations

import json

import networkx as nx

from kg.errors import KGError
from kg.interchange import state_codes

SCHEMA = {"Person": "Person", "Organization": "Organization", "State": "PublicBody", "Vessel": "Vessel",
          "Event": "Event", "Agreement": "Contract", "Place": "Address", "Report": "Article"}
LINKS = {"HOLDS_ROLE": ("Membership", "member", "organization"), "MEMBER_OF": ("Membership", "member", "organization"),
         "OWNED_BY": ("Ownership", "asset", "owner")}  # kg type -> (schema, source property, target property)


def _country(codes: dict[str, str], attrs: dict) -> str | None:
    """An ISO code for a state, or for a place's state (FtM's country type takes codes)."""
    code = attrs.get("iso") or codes.get(attrs.get("country") or "")
    return str(code).lower() if code else None


def _entity(model, codes: dict[str, str], node: str, attrs: dict):
    schema = SCHEMA.get(attrs.get("label", ""))
    if schema is None:
        return None
    e = model.make_entity(schema)
    e.make_id("kg", node)
    name = attrs.get("name") or node
    if schema == "Address":
        e.add("full", name)
    elif schema in {"Article", "Contract"}:
        e.add("title", attrs.get("title") or name)
    else:
        e.add("name", name)
    if schema not in {"Address", "Article"}:
        e.add("alias", [a for a in attrs.get("aliases") or [] if a != name])
    country = _country(codes, attrs)
    if country and schema in {"PublicBody", "Address", "Person", "Organization", "Event"}:
        e.add("country", country, quiet=True)
    if schema == "Vessel":
        e.add("imoNumber", attrs.get("imo"), quiet=True)
    if schema == "Event":
        e.add("startDate", attrs.get("start"), quiet=True)
        e.add("endDate", attrs.get("end"), quiet=True)
    if schema == "Contract":
        e.add("contractDate", attrs.get("signed"), quiet=True)
    if schema == "Article":
        e.add("publishedAt", attrs.get("published"), quiet=True)
        e.add("publisher", attrs.get("publisher"), quiet=True)
        e.add("author", attrs.get("author"), quiet=True)
        e.add("sourceUrl", attrs.get("url"), quiet=True)
    if schema in {"Address"} and attrs.get("lat") is not None:
        e.add("latitude", attrs.get("lat"), quiet=True)
        e.add("longitude", attrs.get("lon"), quiet=True)
    e.add("notes", (attrs.get("evidence") or [])[:5], quiet=True)
    return e


def ftm_lines(graph: nx.MultiDiGraph) -> str:
    try:
        from followthemoney import model
    except ImportError:
        raise KGError("the ftm export needs the 'ftm' extra: pip install 'kg[ftm]'") from None

    entities = {}
    codes = state_codes(graph)
    for node, attrs in sorted(graph.nodes(data=True)):
        e = _entity(model, codes, node, attrs)
        if e is not None:
            entities[node] = e
    links = []
    for source, target, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda x: (x[0], x[1], x[2])):
        kind = attrs.get("type", "")
        if kind == "MENTIONS" or source not in entities or target not in entities:
            continue
        schema, from_prop, to_prop = LINKS.get(kind, ("UnknownLink", "subject", "object"))
        link = model.make_entity(schema)
        if not (link.schema.get(from_prop).range.is_a(entities[source].schema)
                or entities[source].schema.is_a(link.schema.get(from_prop).range)) or \
                not entities[target].schema.is_a(link.schema.get(to_prop).range):
            schema, from_prop, to_prop = "UnknownLink", "subject", "object"
            link = model.make_entity(schema)
        link.make_id("kg", key)
        link.add(from_prop, entities[source].id)
        link.add(to_prop, entities[target].id)
        link.add("role", attrs.get("title") or kind.lower().replace("_", " "), quiet=True)
        link.add("startDate", attrs.get("start"), quiet=True)
        link.add("description", (attrs.get("evidence") or [])[:1], quiet=True)
        links.append(link)
    return "".join(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False) + "\n"
                   for e in [*entities.values(), *links])

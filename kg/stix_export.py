"""A STIX 2.1 bundle (OpenCTI, MISP, any TAXII consumer), built with the `stix2` library.

People and organisations become Identities; states (with their ISO code) and places (with
coordinates or a known state) become Locations; events and agreements become Groupings of
the actors and places they involve; each dated Report becomes a STIX Report whose
object_refs are what it supports, with its publisher and address as an external
reference; facts between those objects become Relationships (the kg type in STIX's
lower-case, hyphenated form, the first evidence quote as description). Vessels,
commodities, articles and assessments have no STIX object of their own and stay out (they
are in the GraphML, FtM and Neo4j exports). Ids are drawn from kg's ids and timestamps from
the reports, so the same graph gives the same bundle.
"""

from __future__ import annotations

import uuid

import networkx as nx

from kg.interchange import state_codes

NAMESPACE = uuid.UUID("6f1c5d8e-1f0b-5b9e-9b7a-6b6b0b6b6b6b")  # kg's namespace for STIX ids
EPOCH = "1970-01-01T00:00:00Z"


def _id(kind: str, node: str) -> str:
    """A UUID in version 4's form (what STIX asks of SDOs) drawn from kg's id, not at random,
    so that re-exporting a graph updates the objects a consumer holds instead of adding new ones."""
    return f"{kind}--{uuid.UUID(bytes=uuid.uuid5(NAMESPACE, node).bytes, version=4)}"


def _stamp(date: str | None) -> str:
    """'2024', '2024-06' or '2024-06-25' as a STIX timestamp (the first instant it names)."""
    if not date:
        return EPOCH
    parts = (str(date).split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2][:2]}T00:00:00Z"


def stix_bundle(graph: nx.MultiDiGraph) -> str:
    import stix2

    iso = state_codes(graph)
    producer = stix2.Identity(id=_id("identity", "kg"), name="kg", identity_class="system",
                              created=EPOCH, modified=EPOCH)
    objects: dict[str, object] = {}
    common = {"created_by_ref": producer.id}

    def stamps(attrs: dict) -> dict:
        when = _stamp(attrs.get("first_reported"))
        return {"created": when, "modified": when}

    for node, attrs in sorted(graph.nodes(data=True)):
        label, name = attrs.get("label"), attrs.get("name") or node
        aliases = [a for a in attrs.get("aliases") or [] if a != name]
        if label in {"Person", "Organization"}:
            objects[node] = stix2.Identity(id=_id("identity", node), name=name, **common, **stamps(attrs),
                                           identity_class="individual" if label == "Person" else "organization",
                                           description="; ".join(aliases) or None)
        elif label in {"State", "Place"}:
            code = attrs.get("iso") if label == "State" else iso.get(attrs.get("country") or "")
            where = {"country": code} if code else {}
            if attrs.get("lat") is not None and attrs.get("lon") is not None:
                where.update(latitude=float(attrs["lat"]), longitude=float(attrs["lon"]))
            if where:
                objects[node] = stix2.Location(id=_id("location", node), name=name, **where, **common, **stamps(attrs))
    supports: dict[str, set[str]] = {}  # report node -> the STIX ids it supports
    for node, o in objects.items():
        for report in graph.nodes[node].get("sources") or []:
            supports.setdefault(report, set()).add(o.id)
    links: list = []
    for source, target, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda x: (x[0], x[1], x[2])):
        if attrs.get("type") == "MENTIONS" or source not in objects or target not in objects:
            continue
        evidence = attrs.get("evidence") or []
        link = stix2.Relationship(id=_id("relationship", key), source_ref=objects[source].id,
                                  target_ref=objects[target].id,
                                  relationship_type=attrs["type"].lower().replace("_", "-"),
                                  description=evidence[0] if evidence else None,
                                  **common, **stamps(attrs), allow_custom=True)
        links.append(link)
        for report in attrs.get("sources") or []:
            supports.setdefault(report, set()).add(link.id)
    groups = []
    for node, attrs in sorted(graph.nodes(data=True)):
        if attrs.get("label") not in {"Event", "Agreement"}:
            continue
        refs = sorted({objects[n].id for n in nx.all_neighbors(graph, node) if n in objects})
        if refs:
            groups.append(stix2.Grouping(id=_id("grouping", node), name=attrs.get("name") or node,
                                         context="unspecified", object_refs=refs,
                                         description=attrs.get("label").lower(), **common, **stamps(attrs)))
    everything = {o.id: o for o in [*objects.values(), *links, *groups]}
    reports = []
    for node, attrs in sorted(graph.nodes(data=True)):
        if attrs.get("label") != "Report" or not attrs.get("published") or not supports.get(node):
            continue  # (STIX requires a report's publication date: kg does not invent one)
        refs = {"source_name": attrs.get("publisher") or "unknown publisher", "external_id": node}
        if attrs.get("url"):
            refs["url"] = attrs["url"]
        reports.append(stix2.Report(id=_id("report", node), name=attrs.get("name") or attrs.get("title") or node,
                                    published=_stamp(attrs["published"]), report_types=["threat-report"],
                                    object_refs=sorted(supports[node]), external_references=[refs],
                                    **common, created=_stamp(attrs["published"]), modified=_stamp(attrs["published"])))
    bundle = stix2.Bundle(objects=[producer, *everything.values(), *reports], id=_id("bundle", "kg-export"),
                          allow_custom=True)
    return bundle.serialize(pretty=True) + "\n"

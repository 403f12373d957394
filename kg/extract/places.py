"""Where places lie, from general knowledge: LOCATED_IN a state the report also
names (the gazetteer knows Odesa is in Ukraine), and '<City> airport'-style
facilities inside the city they are named after.

Only places where something happens are placed (they hold an event, are on a
route, are called at, are what an agreement covers, or the report is filed from
them), and only in states the
report itself mentions, so a passing 'Seoul' does not grow a South Korea edge.
The evidence is the sentence where the place is first mentioned.
"""

from __future__ import annotations

from kg.extract.context import ReportContext
from kg.extract.normalize import fold

ACTIVE = {"HELD_IN", "ROUTE_LEG", "CALLED_AT", "CONCERNS", "VISITED"}
FACILITY_HEADS = {"airport", "airbase", "air base", "port", "seaport", "harbour", "harbor", "terminal",
                  "station", "palace", "naval base", "base", "shipyard", "refinery", "plant"}


def extract_place_hierarchy(ctx: ReportContext) -> None:
    b = ctx.builder
    states = {acc.name: node for node, acc in b.nodes.items() if acc.label == "State"}
    cities = {fold(acc.name): node for node, acc in b.nodes.items()
              if acc.label == "Place" and acc.props.get("kind") == "city"}
    located = {e.source for e in b.edges.values() if e.type == "LOCATED_IN"}
    active = {n for e in b.edges.values() if e.type in ACTIVE for n in (e.source, e.target)}
    active |= {m.node for m in ctx.mentions if m.via == "dateline"}  # where the report was filed
    active |= {e.target for e in b.edges.values() if e.type == "LOCATED_IN"}  # where a site lies
    _facility_countries(ctx)
    for node in sorted(active):
        acc = b.nodes[node]
        if acc.label != "Place" or not acc.evidence or acc.props.get("kind") in {"river", "sea"}:
            continue  # (a river or a sea is seldom inside one state: the Tumen is a border)
        city = _named_after_city(acc.name, cities)
        if city and city != node:
            mine = [k for k, e in b.edges.items() if e.type == "LOCATED_IN" and e.source == node]
            in_states = [k for k in mine if b.nodes[b.edges[k].target].label == "State"
                         and ctx.state_of(city) in {None, b.edges[k].target}]
            if node not in located or mine and len(in_states) == len(mine):  # only in the city's state so far:
                for k in in_states:  # ('Ankara Esenboga Airport': in Ankara, which is in Turkey)
                    del b.edges[k]
                b.add_edge(node, "LOCATED_IN", city, evidence=acc.evidence[0])
            node, acc = city, b.nodes[city]
        state = states.get(acc.props.get("country") or "")
        if state and node not in located:
            b.add_edge(node, "LOCATED_IN", state, evidence=acc.evidence[0])


def _facility_countries(ctx: ReportContext) -> None:
    """'Rasht-Astara railway section' lies where Rasht and Astara lie."""
    b = ctx.builder
    located = {e.source: b.nodes[e.target].name for e in b.edges.values()
               if e.type == "LOCATED_IN" and b.nodes[e.target].label == "State"}
    for node, acc in list(b.nodes.items()):
        if acc.label != "Place" or acc.props.get("kind") != "facility" or acc.props.get("country"):
            continue
        countries = {b2.props.get("country") or located.get(n) for n, b2 in b.nodes.items()
                     if b2.label == "Place" and n != node and len(b2.name) > 2 and b2.name in acc.name}
        countries.discard(None)
        if len(countries) == 1:
            b.add_node(node, "Place", acc.name, country=countries.pop())


def _named_after_city(name: str, cities: dict[str, str]) -> str | None:
    """'Niamey airport' -> the Niamey node; 'Port of Odesa' -> Odesa."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        head, rest = " ".join(words[:n]), " ".join(words[n:]).lower()
        if (rest in FACILITY_HEADS or rest.split()[-1] in FACILITY_HEADS) and fold(head) in cities:
            return cities[fold(head)]  # ('Ankara Esenboga Airport': the airport of Ankara named Esenboga)
    lowered = name.lower()
    for prefix in ("port of ", "city of "):
        if lowered.startswith(prefix) and fold(name[len(prefix):]) in cities:
            return cities[fold(name[len(prefix):])]
    return None

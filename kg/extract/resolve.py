"""Resolution, as its own stage: the mentions of one gathering become one node.

Within a report, events of the same kind fold into the most salient one when nothing
tells them apart (their dates overlap or one is undated, their places agree or one has
none, they do not carry two different proper names). Across reports, a gathering with a
place and a month gets an id from those alone (`Event:summit-kazan-2024-10`), so every
report of the same summit meets on one node whatever it calls it; one held nowhere the
report names, from the states and bodies that took part (`Event:mutiny-wagner-group-2023-06`).
"""

from __future__ import annotations

from collections import defaultdict

from kg.extract.context import ReportContext
from kg.extract.events import BALLOTS, EventIndex
from kg.extract.normalize import fold, slug
from kg.extract.sites import site_key

FOLDABLE = {"summit", "conference", "exhibition", "parade", "exercise", "ceremony", "exchange", "incident", "mutiny",
            "coup", "inauguration", "funeral", "election", "referendum"}
TOWNS = {"city", "port"}  # what names a gathering across reports: the town it is held in, else who took part


def resolve_events(ctx: ReportContext, events: EventIndex) -> None:
    for kind in sorted(FOLDABLE):
        nodes = _ranked(ctx, events, kind)
        for node in reversed(nodes):  # the least salient first, into the best fitting other
            others = [o for o in nodes if o != node and o in ctx.builder.nodes]
            fits = [o for o in others if _compatible(ctx, events, node, o)]
            if not fits:
                continue
            mine = _neighbours(ctx, node)
            best = max(fits, key=lambda o: (len(mine & _neighbours(ctx, o)), -nodes.index(o)))
            if len(fits) == 1 or mine & _neighbours(ctx, best):
                events.fold(ctx, node, best)  # (an undated summit that fits two others joins neither)
        for node in _ranked(ctx, events, kind):
            _canonical_id(ctx, events, node, kind)


def _neighbours(ctx: ReportContext, event: str) -> set[str]:
    """Who attended an event and where it was held: what two mentions of it share."""
    return {e.source if e.target == event else e.target for e in ctx.builder.edges.values()
            if e.type in {"ATTENDED", "HELD_IN"} and event in (e.source, e.target)}


def _ranked(ctx: ReportContext, events: EventIndex, kind: str) -> list[str]:
    """A kind's events, most salient first: named, then most mentioned, then most attended,
    then dated ('the drill, named X' is the name of the 'joint naval drill' before it)."""
    b = ctx.builder
    nodes = [n for n, acc in b.nodes.items() if acc.label == "Event" and acc.props.get("kind") == kind]
    refs = {n: sum(r.node == n for r in events.refs) for n in nodes}
    named = {r.node for r in events.refs if r.named}
    links = {n: sum(n in (e.source, e.target) for e in b.edges.values()) for n in nodes}
    return sorted(nodes, key=lambda n: (n not in named, -refs[n], -links[n], not b.nodes[n].props.get("start"), n))


def _compatible(ctx: ReportContext, events: EventIndex, a: str, b: str) -> bool:
    na, nb = ctx.builder.nodes[a], ctx.builder.nodes[b]
    if not dates_agree(na.props, nb.props):
        return False
    pa, pb = _places(ctx, a), _places(ctx, b)
    if pa and pb and not (pa & pb or _states(ctx, pa) & pb or _states(ctx, pb) & pa):
        return False  # (held 'in Russia' and 'in Kazan' agree; 'in Kazan' and 'in St Petersburg' do not)
    named = {r.node for r in events.refs if r.named}
    return not (a in named and b in named)  # 'the 16th BRICS Summit' and 'the SCO Summit' stay two


def dates_agree(a: dict, b: dict) -> bool:
    """Undated, or overlapping as ISO prefixes ('2024-10' holds '2024-10-22')."""
    if not a.get("start") or not b.get("start"):
        return True
    a_end, b_end = a.get("end") or a["start"], b.get("end") or b["start"]
    return a["start"] <= b_end + "~" and b["start"] <= a_end + "~"


def _places(ctx: ReportContext, event: str) -> set[str]:
    """Where an event was held."""
    return {e.target for e in ctx.builder.edges.values() if e.source == event and e.type == "HELD_IN"}


def _states(ctx: ReportContext, places: set[str]) -> set[str]:
    return {s for p in places if (s := ctx.state_of(p)) and s != p}


def _canonical_id(ctx: ReportContext, events: EventIndex, node: str, kind: str) -> None:
    b = ctx.builder
    acc = b.nodes[node]
    if acc.props.get("honoree"):
        return  # ('the inauguration of X': known by whom it honours, wherever it was held)
    if acc.props.get("target"):  # ('the coup against X', 'overthrew X'): known by whom it was done to
        new = f"Event:{kind}-{slug(acc.props['target'])}"
        if new != node:
            events.fold(ctx, node, new)
        return
    month = (acc.props.get("start") or "")[:7]
    if not acc.props.get("start") and ctx.published and len(ctx.published) >= 7 and \
            len(_ranked(ctx, events, kind)) == 1:
        month = ctx.published[:7]  # the one summit of a report that dates none: the report's own
    cities = [b.nodes[e.target] for e in b.edges.values() if e.source == node and e.type == "HELD_IN"
              and b.nodes[e.target].label == "Place" and b.nodes[e.target].props.get("kind") in TOWNS]
    known = sorted({c.name for c in cities if c.props.get("country")}) or sorted({c.name for c in cities})
    if kind in BALLOTS:  # ('the country's runoff': an election is its state's, wherever the report files from)
        known = sorted({b.nodes[e.target].name for e in b.edges.values() if e.source == node and e.type == "HELD_IN"
                        and b.nodes[e.target].label == "State"})
    sides = sorted({b.nodes[e.source].name for e in b.edges.values() if e.target == node and e.type == "ATTENDED"
                    and b.nodes[e.source].label in {"State", "Organization"}})
    if len(month) < 7 or len(known) > 1 or not known and not sides:
        return
    new = f"Event:{kind}-{slug(known[0] if known else '-'.join(sides))}-{month}"  # (held nowhere told: by its sides)
    if new != node:
        events.fold(ctx, node, new)


ONE_NAME_LABELS = {"Place", "Organization", "Vessel"}  # (people have resolve_people: a surname is no full name)


def fold_same_names(ctx: ReportContext) -> None:
    """Two nodes of one label, one named as the other is also called ('Energodar', and
    'Enerhodar' also called 'Energodar'; 'Zaporizhzhia NPP', the plant's short name), are one
    thing the rules met twice; a body the tagger guessed ('ZNPP') that a place is also called
    is that place; a site written with its head another way ('X NPP', 'the X nuclear plant') is
    the site. A gazetteer entry never folds into another node: two known places stay two."""
    b = ctx.builder
    called: dict[tuple[str, str], set[str]] = defaultdict(set)
    for node, acc in b.nodes.items():
        for name in {acc.name, *acc.aliases}:
            called[(acc.label, fold(name))].add(node)
            if acc.props.get("kind") == "facility":
                called[("site", site_key(name))].add(node)
    touched = {n for e in b.edges.values() for n in (e.source, e.target)}
    for node in sorted(b.nodes):
        acc = b.nodes.get(node)
        if acc is None or acc.label not in ONE_NAME_LABELS or node in ctx.gaz.entries:
            continue
        found = called.get((acc.label, fold(acc.name)), set()) | (
            called.get(("site", site_key(acc.name)), set()) if acc.props.get("kind") == "facility" else set())
        others = {o for o in found if o != node and o in b.nodes}
        if not others and acc.label == "Organization" and node not in touched:
            others = {o for o in called.get(("Place", fold(acc.name)), ()) if o in b.nodes}
        if len(others) != 1:
            continue
        into = others.pop()
        b.merge_node(node, into) if b.nodes[into].label == acc.label else _relabel_into(ctx, node, into)
        for m in ctx.mentions:
            if m.node == node:
                m.node, m.label = into, b.nodes[into].label
    ctx.index()


def _relabel_into(ctx: ReportContext, node: str, into: str) -> None:
    """Fold a node of another label (with no facts yet) into `into`, keeping its spellings."""
    acc = ctx.builder.nodes.pop(node)
    ctx.builder.add_node(into, ctx.builder.nodes[into].label, ctx.builder.nodes[into].name,
                         aliases=(acc.name, *acc.aliases))
    ctx.builder.nodes[into].evidence += [e for e in acc.evidence if e not in ctx.builder.nodes[into].evidence]

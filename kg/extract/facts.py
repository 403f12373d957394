"""Facts from frames, by data: each row of the `facts` table in loaders/frames.yaml draws
an edge from the nodes of one frame slot to those of another. Adding a relation kind is
a row (and a test), not a rule. Planned and negated frames give no fact; hedged ones
give it with its confidence and source.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.agreements import KINDS
from kg.extract.context import ReportContext
from kg.extract.events import GATHERINGS as EVENT_GATHERINGS
from kg.extract.events import TRADED, EventIndex, EventRef, home_state, is_reporter, sentence_date
from kg.extract.frames import SHIPS, Frame, expand, frames, lexicon, phrase_ancestors, represented
from kg.extract.launches import emit_launches, launch_told
from kg.extract.logistics import emit_shipment, reporting_date
from kg.extract.normalize import slug
from kg.extract.resolve import dates_agree
from kg.ontology import ontology

STANCES = {"oppose", "support"}
PASSAGES = {"visit", "call"}  # events of one party's movement or line, not gatherings others attend
GATHERINGS = (EVENT_GATHERINGS | {"exercise"}) - PASSAGES
GENERIC_EVENTS = {"event", "gathering", "forum", "session", "occasion", "dinner", "reception"}
DATED = {"MET_WITH", "VISITED", "CALLED_AT"}
PART_OF = {"release": {"exchange", "release"}, "mediate": {"exchange", "release"}, "clash": {"incident"},
           "rebel": {"mutiny"}}  # frames that belong to the
# report's event of that kind when they name none ('Russia released 16 prisoners', 'X rammed Y')


def extract_facts(ctx: ReportContext, events: EventIndex, documents: list[tuple[int, int, str]] = ()) -> None:
    """Edges from every frame by the table; `documents` are the agreements' (start, end, node)
    in the text, the `document` slot of a frame whose theme names one."""
    rows = lexicon()["facts"]
    launches = []
    told = frames(ctx)  # (stances last: what they are about may be named after them, 'condemned the trial')
    for frame in [f for f in told if f.kind not in STANCES] + [f for f in told if f.kind in STANCES]:
        if frame.negated or frame.planned:
            continue
        nodes = _slot_nodes(ctx, events, frame)
        nodes["document"] = [n for t in frame.slots.get("theme", []) for n in _documents_at(ctx, t, documents)] or [
            n for t in frame.slots.get("theme", []) for a in phrase_ancestors(t) if a.pos_ == "NOUN"
            for n in _documents_at(ctx, a, documents)]  # ('a deal between X and Y, brokered by Z': hung on a name)
        if frame.kind == "sanction" and not nodes.get("agent"):  # 'X, who was sanctioned in March'
            nodes["agent"] = _sanctioner(ctx)
        for row in rows:
            if row["kind"] == frame.kind:
                _apply(ctx, frame, row, nodes)
        if frame.kind == "ship":
            deployment(ctx, events, frame, nodes)
        if frame.kind in lexicon()["act_events"]:
            act_event(ctx, events, frame, nodes)
        if frame.kind == "launch":
            launches += [x for x in [launch_told(ctx, frame, nodes)] if x is not None]
        if frame.kind in {"hold", "occur"}:
            _date_events(ctx, frame, nodes["event"])
    emit_launches(ctx, events, launches)


def _sanctioner(ctx: ReportContext) -> list[str]:
    """Who sanctions in this report, when one body alone has so far: an agentless 'was
    sanctioned' is its act too."""
    found = {e.source for e in ctx.builder.edges.values() if e.type == "SANCTIONED"}
    return list(found) if len(found) == 1 else []


def _people_moved(frame: Frame) -> list[Token]:
    """What a 'ship' frame moves when it is people ('sent troops', 'the deployment of
    soldiers', 'the troop dispatch', '1,500 soldiers of its special forces')."""
    deployed = lexicon()["deployed"]
    moved = frame.slots.get("theme", []) + (frame.slots.get("of", []) if frame.trigger.pos_ == "NOUN" else [])
    moved += [c for c in frame.trigger.children if c.dep_ == "compound"] if frame.trigger.pos_ == "NOUN" else []
    moved += [o for t in moved for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]  # 'a contingent of 1,500 soldiers'
    return [t for t in moved if t.lemma_.lower() in deployed]


def _their_state(ctx: ReportContext, people: list[Token]) -> str | None:
    """The state whose people these are: 'North Korean troops', "its special forces" (the
    pronoun's state), 'troops from Iran'."""
    for tok in people:
        for m in represented(ctx, tok):
            if m.label == "State":
                return m.node
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ in {"its", "their"}:
                found = expand(ctx, [c], {"State"})
                if found:
                    return found[0].node
    return None


def _carriers(ctx: ReportContext, agents: list[Token]) -> list[str]:
    """The bodies whose ships carried them: 'landing ships of the Russian Pacific Fleet',
    'ships belonging to the Pacific Fleet'."""
    out = []
    for tok in agents:
        if tok.lemma_.lower() not in lexicon()["fleets"] | SHIPS:
            continue
        for t in [tok, *tok.conjuncts]:
            heads = [t] + [c for c in t.children if c.dep_ == "acl" and c.lemma_ == "belong"]
            for h in heads:
                out += [m.node for p in h.children if p.dep_ == "prep" and p.lower_ in {"of", "to", "from"}
                        for o in p.children if o.dep_ == "pobj" for m in expand(ctx, [o], {"Organization"})]
    return list(dict.fromkeys(out))


def deployment(ctx: ReportContext, events: EventIndex, frame: Frame, nodes: dict[str, list[str]]) -> None:
    """'North Korea transported its special forces to Vladivostok', 'troops deployed in X':
    a shipment of people is an event, one per sending and receiving state and year, that the
    sender and the carriers ATTENDED and that was HELD_IN the places they went to."""
    people = _people_moved(frame)
    if not people:
        return
    b = ctx.builder
    agents = [n for n in nodes.get("agent", []) if b.nodes[n].label in {"State", "Organization"}]
    sender = _their_state(ctx, people) or next((n for n in agents if b.nodes[n].label == "State"), None)
    places = [n for slot in ("destination", "place") for n in nodes.get(slot, []) if b.nodes[n].label == "Place"
              and b.nodes[n].props.get("kind") not in {"sea", "river"}]
    states = [n for slot in ("destination", "place") for n in nodes.get(slot, []) if b.nodes[n].label == "State"]
    recipient = next(iter(states), None) or next((s for p in places if (s := ctx.state_of(p))), None)
    if sender is None:  # 'ships completed transporting special forces to X': the report's one sender of people
        senders = {e.source for e in b.edges.values() if e.type == "SHIPPED" and e.target == recipient
                   and e.props.get("commodity", "").split()[-1:] and _people_word(e.props["commodity"])}
        sender = senders.pop() if len(senders) == 1 else None
    if sender is None or recipient is None or sender == recipient:
        return
    when = sentence_date(ctx, frame.sent, frame.trigger.i, skip=reporting_date)  # (not 'the agency said on Friday')
    year = (when[0] if when else ctx.published or "")[:4]
    node = f"Event:deployment-{slug(b.nodes[sender].name)}-{slug(b.nodes[recipient].name)}-{year}".rstrip("-")
    name = f"{b.nodes[sender].name} troop deployment to {b.nodes[recipient].name}"
    dated = node in b.nodes and b.nodes[node].props.get("start")
    ev = ctx.evidence(frame.sent)
    start, end = when if when and not dated else (None, None)
    b.add_node(node, "Event", name, kind="deployment", start=start, end=end, evidence=ev)
    carriers = [n for n in agents if b.nodes[n].label == "Organization"] + _carriers(ctx, frame.slots.get("agent", []))
    for who in dict.fromkeys([sender, *carriers]):
        if not is_reporter(ctx, who):
            b.add_edge(who, "ATTENDED", node, evidence=ev)
    for where in [*places, recipient]:
        b.add_edge(node, "HELD_IN", where, evidence=ev)
    events.add(EventRef(node, frame.trigger.i, "deployment", start, end, {sender}))


def act_event(ctx: ReportContext, events: EventIndex, frame: Frame, nodes: dict[str, list[str]]) -> None:
    """An act done to people is an event of its own (loaders/frames.yaml act_events): 'Petrov was
    arrested in Cyprus on Aug. 26' (one event per person, whatever each report dates), 'Russia
    expelled 20 Czech diplomats' (one per doer, their state and year). Whoever it is done to and
    whoever does it ATTENDED; it is HELD_IN where it is done."""
    b, spec = ctx.builder, lexicon()["act_events"][frame.kind]
    noun = frame.trigger.pos_ in {"NOUN", "PROPN"}
    slots = ("theme", "agent", "of", "against") if noun else (spec.get("by", "theme"),)  # ('his arrest': the one
    # arrested; 'the coup against X')
    agents = {"State", "Organization", "Person"} if spec.get("people_act") else {"State", "Organization"}
    doers = [n for slot in ("agent", "place") for n in nodes.get(slot, [])  # ('tried in the Regional Court')
             if b.nodes[n].label in (agents if slot == "agent" else {"Organization"})]
    places = _act_places(ctx, frame) or [n for n in nodes.get(spec.get("held", ""), [])
                                         if b.nodes[n].label in {"Place", "State"}]  # ('defected from Cuba')
    word = spec["name"]
    when = sentence_date(ctx, frame.sent, frame.trigger.i, skip=reporting_date)
    if spec["done_to"] == "site":  # ('Ukrainian forces shelled the Kakhovka HPP', 'the destruction of the dam')
        sites = [n for slot in ("theme", "of") for n in nodes.get(slot, []) if b.nodes[n].label == "Place"
                 and b.nodes[n].props.get("kind") in SITE_KINDS]
        held = [n for n in nodes.get(spec.get("held", ""), []) if b.nodes[n].label == "Place"]  # ('from Tessalit')
        named = [t for slot in ("theme", "of", spec.get("held", "")) for t in frame.slots.get(slot, [])]
        sites = sites or held or [m.node for t in named if any(x.lemma_.lower() in SITE_NOUNS for x in t.subtree)
                                  for m in ctx.in_span(t.left_edge.i, t.right_edge.i + 1, "Place")][:1]
        # ('its border crossing in Raja-Jooseppi', 'one of its last camps in a city ..., Timbuktu': the site there)
        if not sites and any(t.lemma_.lower() in SITE_NOUNS for t in named):
            sites = [n for n in places if b.nodes[n].label == "Place"]  # ('closed the crossing | in X')
        on = {"attack": "on", "withdrawal": "from"}.get(word, "of")
        targets = [(n, f"Event:{word}-{slug(b.nodes[n].name)}", f"{word.capitalize()} {on} {b.nodes[n].name}")
                   for n in sites[:1]]
        places = sites[:1] or places  # (the site itself, not the state around it)
        doers = [n for slot in ("agent", spec.get("with", "")) for n in nodes.get(slot, [])
                 if b.nodes[n].label in {"State", "Organization"}]  # (and whom a site is handed over to)
    elif spec["done_to"] == "vehicle":  # ('the plane crashed near the city of Aktau'): where it came down, one
        month = (when[0] if when else ctx.published or "")[:7]  # per state and month ('near Aktau', 'in Kazakhstan')
        state = (ctx.state_of(places[0]) or places[0]) if places else None
        targets = [(p, f"Event:{word}-{slug(b.nodes[state].name)}-{month}".rstrip("-"),
                    f"{word.capitalize()} near {b.nodes[p].name}") for p in places[:1]]
        doers = []
    elif spec["done_to"] == "body":  # ('Iran reopened its embassy in Riyadh'): the body's own event, where it is
        targets, places, doers = _bodies_acted_on(ctx, frame, nodes, word, places)
    elif spec["done_to"] == "person":
        where = f" in {b.nodes[places[0]].name}" if places else ""
        whom = [n for slot in slots for n in nodes.get(slot, []) if b.nodes[n].label == "Person"]
        whom = whom or [m.node for t in frame.slots.get("theme", []) if t.lower_ in ctx.gaz.title_heads
                        for m in ctx.in_span(t.i + 1, t.i + 6, "Person")[:1]]  # ('summoned Chinese Ambassador to
        # Sweden Li Wenhao': the name after the title, however the parser hung it)
        whom = whom or (_case_of(ctx, events, frame, word) if noun else [])
        targets = [(n, f"Event:{word}-{slug(b.nodes[n].name)}", f"{b.nodes[n].name} {word}{where}") for n in whom]
    else:
        group = [t for slot in ("theme", "of") for t in frame.slots.get(slot, [])
                 if t.lemma_.lower() in lexicon()["people_words"]]
        theirs = [s for t in group if (s := _their_state(ctx, [t]))]
        doers = doers or [n for n in nodes.get("origin", []) if b.nodes[n].label == "State"]  # 'expulsion ... from X'
        if not theirs or not doers:
            return
        year = (when[0] if when else ctx.published or "")[:4]
        targets = [(theirs[0], f"Event:{word}-{slug(b.nodes[doers[0]].name)}-{slug(b.nodes[theirs[0]].name)}-{year}",
                    f"{b.nodes[doers[0]].name} {word} of {_their_word(ctx, group[0], theirs[0])} {group[0].lemma_}s")]
        places = places or [ctx.state_of(doers[0]) or doers[0]]
    ev = ctx.evidence(frame.sent)
    for whom, node, name in targets:
        dated = node in b.nodes and b.nodes[node].props.get("start")
        start, end = when if when and not dated else (None, None)
        target = {"target": b.nodes[whom].name} if spec["done_to"] == "person" else {}
        b.add_node(node, "Event", b.nodes[node].name if node in b.nodes else name, kind=word, start=start, end=end,
                   evidence=ev, **target)
        for who in dict.fromkeys([whom, *doers] if spec["done_to"] not in {"site", "vehicle", "body"} else doers):
            if not is_reporter(ctx, who):
                b.add_edge(who, "ATTENDED", node, evidence=ev)
        home = home_state(ctx, whom) if spec.get("home") and ctx.label_of(whom) == "Person" else None
        for place in places or ([home] if home else []):  # ('overthrew President X': in X's state)
            b.add_edge(node, "HELD_IN", place, evidence=ev)
        events.add(EventRef(node, frame.trigger.i, word, start, end, {whom}))
        for other in _acts_of(ctx, whom, node, spec.get("in", ())):
            events.fold(ctx, other, node)  # ('killed in an airstrike': the strike is the killing)


SITE_KINDS = {"facility", "building", "port", "bridge", "border"}  # what an act can be done to as a site
SITE_NOUNS = {"crossing", "checkpoint", "border", "port", "airport", "bridge", "station", "terminal", "plant", "base",
              "camp", "airbase", "outpost"}
MISSION_WORDS = {"embassy", "consulate", "mission"}


def _bodies_acted_on(ctx: ReportContext, frame: Frame, nodes: dict[str, list[str]], word: str,
                     places: list[str]) -> tuple[list, list[str], list[str]]:
    """The bodies an act is done to ('its embassy in Riyadh' is the acting state's), the places
    they are in, and the states that act."""
    b = ctx.builder
    states = [n for n in nodes.get("agent", []) if b.nodes[n].label == "State"]
    bodies = [n for slot in ("theme", "of") for n in nodes.get(slot, []) if b.nodes[n].label == "Organization"]
    for t in [t for slot in ("theme", "of") for t in frame.slots.get(slot, [])]:
        if bodies or t.lemma_.lower() not in MISSION_WORDS or not states:
            continue
        host = [m for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
                for m in [ctx.at(o)] if m and m.label in {"Place", "State"}]  # 'its embassy in Riyadh'
        places = places or [m.node for m in host]
        owner = ctx.gaz.entries.get(states[0])
        who = owner.demonyms[0] if owner and owner.demonyms else b.nodes[states[0]].name
        name = f"{who} {t.lemma_.capitalize()}" + (f" in {b.nodes[places[0]].name}" if places else "")
        bodies = [b.add_node("Organization:" + slug(name), "Organization", name, country=b.nodes[states[0]].name,
                             evidence=ctx.evidence(frame.sent))]
    for body in bodies[:1]:
        where = [e.target for e in b.edges.values() if e.source == body and e.type == "LOCATED_IN"]
        places = places or where
        for place in places[:1]:
            b.add_edge(body, "LOCATED_IN", place, evidence=ctx.evidence(frame.sent))
        if not states and b.nodes[body].props.get("country"):
            states = [n for n, acc in b.nodes.items() if acc.label == "State" and acc.name == b.nodes[body].props["country"]]
    targets = [(body, f"Event:{word}-{slug(b.nodes[body].name)}", f"{word.capitalize()} of the {b.nodes[body].name}")
               for body in bodies[:1]]
    return targets, places, states


def _acts_of(ctx: ReportContext, whom: str, node: str, kinds) -> list[str]:
    """The report's events of these kinds that the person took part in, on the act's days."""
    b, mine = ctx.builder, ctx.builder.nodes[node].props
    return [e.target for e in list(b.edges.values()) if e.type == "ATTENDED" and e.source == whom
            and e.target != node and b.nodes[e.target].props.get("kind") in kinds
            and dates_agree(mine, b.nodes[e.target].props)]


def _case_of(ctx: ReportContext, events: EventIndex, frame: Frame, word: str) -> list[str]:
    """Whose 'trial' or 'verdict' a bare noun names: the person whose act of that kind, else
    whose case, the report told last before it ('sentenced X ..., a forgone conclusion in a
    closed trial'; 'the verdict')."""
    acts = {spec["name"] for spec in lexicon()["act_events"].values() if spec["done_to"] == "person"}
    ref = events.current(frame.trigger.i, {word}) or events.current(frame.trigger.i, acts)
    return [p for p in (ref.participants if ref else ()) if ctx.label_of(p) == "Person"][:1]


def _act_places(ctx: ReportContext, frame: Frame) -> list[str]:
    """Where an act was done: its place slot, seen through a common noun ('in a court in
    Yekaterinburg'), else where its doer is ('a judge in Russia's Sverdlovsk region sentenced'),
    else a participle told of the noun ('Handed down in a court in X, his sentence came')."""
    def inside(toks: list[Token], depth: int = 2) -> list[str]:
        named = [t for t in toks if t.lemma_.lower() not in ctx.gaz.triggers["events"]]  # ('in an Israel strike')
        found = [m.node for m in expand(ctx, named) if m.label in {"Place", "State"}]
        if found or depth == 0:
            return found
        deeper = _objects_of(toks, {"in", "at", "on"})  # ('in an airstrike on his home in X')
        return inside(deeper, depth - 1) if deeper else []

    trigger = frame.trigger
    told = [c for c in trigger.head.children if c.dep_ == "advcl" and c.tag_ == "VBN"] if trigger.dep_ == "nsubj" else []
    for toks in (frame.slots.get("place", []), frame.slots.get("on", []),  # ('killed ... on his home in X')
                 _objects_of(frame.slots.get("agent", []), {"in", "at"}), _objects_of(told, {"in", "at"})):
        found = inside(toks) if toks else []
        if found:
            return found
    return []


def _objects_of(heads: list[Token], preps: set[str]) -> list[Token]:
    """The objects of these prepositions on these words ('a judge in X': X)."""
    return [o for t in heads for p in t.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]


def _their_word(ctx: ReportContext, people: Token, state: str) -> str:
    """'Russian' of 'Russian diplomats' as the text has it, else the state's name."""
    return next((c.text for c in people.children if c.dep_ in {"amod", "compound"} and (m := ctx.at(c)) is not None
                 and m.node == state), ctx.builder.nodes[state].name)


def _people_word(commodity: str) -> bool:
    word = commodity.lower().split()[-1]
    return any(word in {d, d + "s"} for d in lexicon()["deployed"])


def _documents_at(ctx: ReportContext, tok: Token, documents: list[tuple[int, int, str]]) -> list[str]:
    """The agreement a token names: one found there, or for 'the truce' / 'this deal' the last
    one the report named before it."""
    here = [node for start, end, node in documents if start <= tok.idx < end and node in ctx.builder.nodes]
    if here or tok.lemma_.lower() not in KINDS or not any(c.lower_ in {"the", "this", "that"} for c in tok.children):
        return here
    before = [node for start, _, node in sorted(documents) if start < tok.idx and node in ctx.builder.nodes]
    return before[-1:]


def _date_events(ctx: ReportContext, frame: Frame, nodes: list[str]) -> None:
    """'The summit is being held in Kazan on October 22-24': an undated event takes the
    dates of the clause that holds it."""
    when = sentence_date(ctx, frame.sent, frame.trigger.i)
    for node in nodes if when else ():
        acc = ctx.builder.nodes[node]
        if not acc.props.get("start"):
            ctx.builder.add_node(node, acc.label, acc.name, start=when[0], end=when[1])


def _slot_nodes(ctx: ReportContext, events: EventIndex, frame: Frame) -> dict[str, list[str]]:
    nodes = {slot: [m.node for m in expand(ctx, toks)] for slot, toks in frame.slots.items()}
    gatherings = [frame.trigger] if frame.trigger.pos_ in {"NOUN", "PROPN"} else []
    for slot in ("theme", "purpose", "during", "destination", "place"):
        gatherings += frame.slots.get(slot, [])
    found = [_event_of(ctx, events, t) for t in gatherings]
    if frame.kind in {"arrive", "visit", "gather", "host"}:  # 'leaders arriving in Kazan': at its summit
        found += _held_at(ctx, events, nodes.get("place", []) + nodes.get("destination", []))
    lex = lexicon()
    if frame.kind == "observe" and not any(n and n in ctx.builder.nodes for n in found):  # 'X acted as observers'
        ref = events.current(frame.trigger.i, GATHERINGS)
        found.append(ref.node if ref else None)
    if any(t.lemma_.lower() in lex["attendees"] for t in frame.slots.get("agent", [])):
        ref = events.current(frame.trigger.i, GATHERINGS)  # 'Guests include X'
        found.append(ref.node if ref else None)
    traded = frame.kind == "include" and any(t.lemma_.lower() in TRADED or t.lemma_.lower() in lex["verbs"]["release"]
                                             for t in frame.sent)
    kinds = PART_OF.get(frame.kind) or ({"exchange"} if traded else None)
    if kinds and not any(n and n in ctx.builder.nodes for n in found):
        found.append(_current_of(ctx, events, frame, kinds))  # 'Russia released 16 prisoners': in the exchange
    nodes["event"] = list(dict.fromkeys(n for n in found if n and n in ctx.builder.nodes))
    return nodes


def _current_of(ctx: ReportContext, events: EventIndex, frame: Frame, kinds: set[str]) -> str | None:
    """The report's event of this kind that a frame without an event of its own belongs to,
    unless its clause is dated apart ('Griner was released in 2022', in a report of a 2024 swap)."""
    ref = events.current(frame.trigger.i, kinds)
    if ref is None:
        return None
    when = sentence_date(ctx, frame.sent, frame.trigger.i)
    node = ctx.builder.nodes.get(ref.node)
    start = (node.props.get("start") if node else None) or ctx.published
    if when and start and not (when[0][:4] <= start[:4] <= (when[1] or when[0])[:4]):
        return None
    return ref.node


def _held_at(ctx: ReportContext, events: EventIndex, places: list[str]) -> list[str]:
    """Gatherings the report holds in one of these places."""
    held = {e.source for e in ctx.builder.edges.values() if e.type == "HELD_IN" and e.target in places}
    unattended = PASSAGES | set(ctx.gaz.triggers["disasters"].values())  # (no one arrives at an earthquake)
    return sorted({r.node for r in events.refs if r.node in held and r.kind not in unattended})


def _event_of(ctx: ReportContext, events: EventIndex, tok: Token) -> str | None:
    """The event node a noun names: the one found at it; for 'the summit' / 'the event' the
    report's most recent event of that kind (a definite description); for 'a gathering in
    Kazan' the gathering held there."""
    clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None) if tok.tag_ in {"WDT", "WP"} else None
    tok = clause.head if clause is not None else tok  # ('a trial that was condemned')
    here = [r.node for r in events.refs if r.token == tok.i and r.node in ctx.builder.nodes]
    if here:
        return here[0]
    word = tok.lower_ if tok.lower_ in ctx.gaz.triggers["events"] else tok.lemma_.lower()
    kind = ctx.gaz.triggers["events"].get(word)
    if kind is None and word not in GENERIC_EVENTS:
        return None
    where = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"in", "at"} for o in p.children]
    held = _held_at(ctx, events, [m.node for m in expand(ctx, where)])
    if held:
        return held[0]
    definite = any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "another"} for c in tok.children)
    kinds = {kind} if kind else GATHERINGS
    if not definite:
        only = {r.node for r in events.refs if r.kind in kinds}
        return only.pop() if len(only) == 1 and kind is None else None  # 'a gathering': the report's one
    ref = events.current(tok.i, kinds)
    return ref.node if ref and ref.node in ctx.builder.nodes else None


def _apply(ctx: ReportContext, frame: Frame, row: dict, nodes: dict[str, list[str]]) -> None:
    b = ctx.builder
    spec = ontology().relationships[row["edge"]]
    sources = [n for n in nodes.get(row["from"], []) if b.nodes[n].label in row.get("only", spec.from_)]
    targets = [n for n in nodes.get(row["to"], []) if _fits(b.nodes[n].label, spec.to)]
    if not sources or not targets:
        return
    props = _props(ctx, frame, row["edge"])
    if row["edge"] == "HOLDS_ROLE":  # 'owned by X': X is its owner
        props["title"] = lexicon()["role_titles"].get(frame.trigger.lemma_.lower(), frame.trigger.lemma_.lower())
    for source in sources:
        for target in targets:
            if source == target or not _plausible(ctx, row["edge"], source, target):
                continue
            if row["edge"] in DATED and any(e.type == row["edge"] and (e.source, e.target) == (source, target)
                                            for e in b.edges.values()):
                continue  # told already, by a rule that read its date ('arrived ... 6 days later')
            if row["edge"] == "VISITED" and ctx.label_of(target) == "Place":  # the city, and its state
                b.add_edge(source, "VISITED", target, evidence=ctx.evidence(frame.sent), **props)
            if row["edge"] in {"SHIPPED", "VISITED"}:  # to a state: a city is where the visit was held
                target = ctx.state_of(target) or target
            if row["edge"] == "SHIPPED":
                marks = {k: v for k, v in props.items() if k == "confidence"}
                emit_shipment(ctx, frame.sent, source, target, frame.slots.get("theme", []), **marks)
            else:
                b.add_edge(source, row["edge"], target, evidence=ctx.evidence(frame.sent), **props)


def _fits(label: str, allowed: list[str]) -> bool:
    return "any" in allowed or label in allowed


def _plausible(ctx: ReportContext, edge: str, source: str, target: str) -> bool:
    """Facts the frame alone cannot rule out: a visit to one's own state is no visit."""
    if edge == "VISITED":
        home = home_state(ctx, source) if ctx.label_of(source) == "Person" else source
        state = ctx.state_of(target) or target
        return not _visit_event(ctx, source, state) and (home is None or state != home)
    if edge == "SHIPPED":
        return ctx.state_of(target) != source
    if edge == "ATTENDED":  # 'Reuters counted six planes at a ceremony': a news agency reports it
        return not is_reporter(ctx, source)
    return True


def _visit_event(ctx: ReportContext, visitor: str, state: str) -> bool:
    """Does the report tell this visit as an event (ATTENDED, HELD_IN its city)? Then, as the
    visit rules have it, it gives no VISITED edge as well."""
    b = ctx.builder
    return any(e.source == visitor and e.type == "ATTENDED" and b.nodes[e.target].props.get("kind") == "visit"
               and b.nodes[e.target].name.endswith(f" to {b.nodes[state].name}") for e in b.edges.values())


def _props(ctx: ReportContext, frame: Frame, edge: str) -> dict:
    props: dict = {}
    if frame.confidence:
        props["confidence"] = frame.confidence
    if frame.attributed_to is not None:
        who = expand(ctx, [frame.attributed_to])
        props["attributed_to"] = ctx.name_of(who[0].node) if who else frame.attributed_to.text
        props.setdefault("confidence", "reported")
    if edge in DATED:
        when = sentence_date(ctx, frame.sent, frame.trigger.i)
        if when:
            props["start"] = when[0]
    return props

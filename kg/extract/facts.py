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
from kg.extract.events import TRADED, EventIndex, home_state, is_reporter, sentence_date
from kg.extract.frames import Frame, expand, frames, lexicon
from kg.extract.logistics import emit_shipment
from kg.ontology import ontology

PASSAGES = {"visit", "call"}  # events of one party's movement or line, not gatherings others attend
GATHERINGS = (EVENT_GATHERINGS | {"exercise"}) - PASSAGES
GENERIC_EVENTS = {"event", "gathering", "forum", "session", "occasion", "dinner", "reception"}
DATED = {"MET_WITH", "VISITED", "CALLED_AT"}
PART_OF = {"release": "exchange", "mediate": "exchange", "clash": "incident"}  # frames that belong to the
# report's event of that kind when they name none ('Russia released 16 prisoners', 'X rammed Y')


def extract_facts(ctx: ReportContext, events: EventIndex, documents: list[tuple[int, int, str]] = ()) -> None:
    """Edges from every frame by the table; `documents` are the agreements' (start, end, node)
    in the text, the `document` slot of a frame whose theme names one."""
    rows = lexicon()["facts"]
    for frame in frames(ctx):
        if frame.negated or frame.planned:
            continue
        nodes = _slot_nodes(ctx, events, frame)
        nodes["document"] = [n for t in frame.slots.get("theme", []) for n in _documents_at(ctx, t, documents)]
        for row in rows:
            if row["kind"] == frame.kind:
                _apply(ctx, frame, row, nodes)
        if frame.kind in {"hold", "occur"}:
            _date_events(ctx, frame, nodes["event"])


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
    kind = PART_OF.get(frame.kind) or ("exchange" if traded else None)
    if kind and not any(n and n in ctx.builder.nodes for n in found):
        found.append(_current_of(ctx, events, frame, kind))  # 'Russia released 16 prisoners': in the exchange
    nodes["event"] = list(dict.fromkeys(n for n in found if n and n in ctx.builder.nodes))
    return nodes


def _current_of(ctx: ReportContext, events: EventIndex, frame: Frame, kind: str) -> str | None:
    """The report's event of this kind that a frame without an event of its own belongs to,
    unless its clause is dated apart ('Griner was released in 2022', in a report of a 2024 swap)."""
    ref = events.current(frame.trigger.i, {kind})
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
    return sorted({r.node for r in events.refs if r.node in held and r.kind not in PASSAGES})


def _event_of(ctx: ReportContext, events: EventIndex, tok: Token) -> str | None:
    """The event node a noun names: the one found at it; for 'the summit' / 'the event' the
    report's most recent event of that kind (a definite description); for 'a gathering in
    Kazan' the gathering held there."""
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
    sources = [n for n in nodes.get(row["from"], []) if b.nodes[n].label in spec.from_]
    targets = [n for n in nodes.get(row["to"], []) if _fits(b.nodes[n].label, spec.to)]
    if not sources or not targets:
        return
    props = _props(ctx, frame, row["edge"])
    for source in sources:
        for target in targets:
            if source == target or not _plausible(ctx, row["edge"], source, target):
                continue
            if row["edge"] in DATED and any(e.type == row["edge"] and (e.source, e.target) == (source, target)
                                            for e in b.edges.values()):
                continue  # told already, by a rule that read its date ('arrived ... 6 days later')
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

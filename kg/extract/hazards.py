"""Natural disasters are events held where they strike: 'An earthquake hit southeastern Türkiye
on Feb. 6', 'the quake occurred ... in the Pazarcik region', 'the floods in Libya', 'provinces
hit by massive earthquakes on Monday'. No one attends a disaster; what matters is where and
when. One event per kind, state and month, so each mention in a report, and each report on it,
names one node; a mention that says neither where nor when is the disaster already told, else
one in the state the report is about."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Mention, ReportContext
from kg.extract.events import EventIndex, _record_event, main_state, sentence_date
from kg.extract.frames import not_yet
from kg.extract.normalize import slug

PLACES = {"Place", "State"}
WEATHER = {"storm", "flood", "landslide"}  # what one storm brings
NAMEABLE = {"storm"}  # kinds whose events have names of their own ("Storm Daniel", "Hurricane Ian")
ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "ROOT"}  # not 'quake relief', 'post-quake'


def extract_hazards(ctx: ReportContext, events: EventIndex) -> None:
    kinds = ctx.gaz.triggers["disasters"]
    named = _named_disasters(ctx, kinds)
    storm = named[0] if len({n for n, _, _ in named}) == 1 else None  # ('floods caused by Storm Daniel')
    for node, kind, tok in named:
        _record(ctx, events, tok, kind, sentence_date(ctx, tok.sent, tok.i), _struck(ctx, tok, _verb_of(tok)), node)
    for tok in ctx.doc:
        kind = kinds.get(tok.lemma_.lower()) or kinds.get(tok.lower_)
        if kind is None or tok.pos_ != "NOUN" or tok.dep_ not in ROLES:
            continue
        verb = _verb_of(tok)
        if verb is not None and not_yet(verb):
            continue  # ('a flood is expected', 'could trigger a tsunami': not (yet) a disaster)
        places = _struck(ctx, tok, verb)
        when = sentence_date(ctx, tok.sent, tok.i)
        if storm is not None and kind in WEATHER:  # the one storm the report names brought its floods
            _record(ctx, events, tok, storm[1], when, places, storm[0])
            continue
        told = next((r for r in events.refs if r.kind == kind), None)
        if told is not None and (not places or _elsewhere(ctx, places[0])):
            continue  # ('the twin earthquakes', 'after the quake'; 'in the Trujillo region' of a state the
            # report never names, which the gazetteer took for another's): the one told already
        _record(ctx, events, tok, kind, when, places)


def _named_disasters(ctx: ReportContext, kinds: dict[str, str]) -> list[tuple[str, str, Token]]:
    """'Storm Daniel', 'Hurricane Ian', 'Cyclone Freddy': a disaster word before a name is that
    disaster's name (not a body the tagger saw); one event per name and year, wherever it struck.
    Returns (node, kind, the name's last word) for each mention."""
    doc, out = ctx.doc, []
    for tok in doc:
        kind = kinds.get(tok.lower_)
        if kind not in NAMEABLE or not tok.is_title or tok.i + 1 >= len(doc):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 2 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and (ctx.at(doc[end]) is None or ctx.at(doc[end]).label in {"Organization", "Person"}):
            end += 1
        if end == tok.i + 1:
            continue
        for m in {id(m): m for t in doc[tok.i:end] if (m := ctx.at(t)) is not None}.values():
            ctx.forget(m)  # ('Storm Daniel' is no organisation)
        name = doc[tok.i:end].text
        year = (ctx.published or "")[:4]
        node = ctx.builder.add_node(f"Event:{kind}-{slug(name)}-{year}".rstrip("-"), "Event", name, kind=kind,
                                    proper=True, named=True, evidence=ctx.evidence(tok.sent))
        out.append((node, kind, doc[end - 1]))
    return out


def _elsewhere(ctx: ReportContext, place: Mention) -> bool:
    """A place in a state the report names nowhere (asked without adding that state)."""
    acc = ctx.builder.nodes.get(place.node)
    if acc is None or acc.label == "State" or not acc.props.get("country"):
        return False
    entry = ctx.gaz.lookup(acc.props["country"], "State")
    return entry is not None and not any(m.node == entry.key for m in ctx.mentions if m.label == "State")


def _verb_of(tok: Token) -> Token | None:
    """The verb the disaster does or suffers: its own ('the quake struck X'), that of its relative
    clause ('earthquakes that struck X'), or the passive it is the agent of ('hit by floods')."""
    rel = next((c for c in tok.children if c.dep_ in {"relcl", "acl"} and c.pos_ == "VERB"), None)
    if rel is not None:
        return rel
    if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return tok.head.head
    return None


def _struck(ctx: ReportContext, tok: Token, verb: Token | None) -> list[Mention]:
    """Where the disaster struck: 'the floods in Derna'; the object of an impact verb ('hit
    southeastern Türkiye'); where the verb happened ('occurred at a depth of 7 km in the Pazarcik
    region'). Of a phrase, the place it is about, not its possessor ("Kahramanmaraş's Pazarcık")."""
    own = {t.i for t in tok.subtree}
    phrases = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children]
    if verb is not None and not phrases:
        impact = verb.lemma_.lower() in set(ctx.gaz.triggers["impact_verbs"]) and tok.dep_ != "pobj"
        phrases = [c for c in verb.children if c.dep_ == "dobj"] if impact else []
        phrases += [o for p in verb.subtree if p.dep_ == "prep" and p.lower_ in {"in", "at"} and p.i not in own
                    for o in p.children if o.dep_ == "pobj"]
    for phrase in phrases:
        inside = [m for m in ctx.in_span(phrase.left_edge.i, phrase.right_edge.i + 1) if m.label in PLACES]
        about = [m for m in inside if not (m.end < len(ctx.doc) and ctx.doc[m.end].tag_ == "POS")]
        found = about or inside
        if found:  # ('hit the cities of Benghazi, Sousse and Derna': each one listed, not the province a
            roots = {t.i for t in ctx.doc[found[0].start:found[0].end].root.conjuncts}  # region is 'of')
            return [found[0]] + [m for m in found[1:] if ctx.doc[m.start:m.end].root.i in roots]
    return []


def _record(ctx: ReportContext, events: EventIndex, tok: Token, kind: str, when: tuple[str, str] | None,
            places: list[Mention], node: str | None = None) -> None:
    """The disaster's node (a named one's, or one of its kind, state and month) held in each place
    of a state the report names, and in those states; with no such place, in the report's state."""
    b = ctx.builder
    places = [p for p in places if not _elsewhere(ctx, p)]  # ('Sousse' read as Tunisia's, in a
    if node is None and not places:  # report that never names Tunisia)
        main = main_state(ctx)
        places = [Mention(tok.i, tok.i + 1, "State", main, "")] if main else []
        if not places:
            return
    states = [s for p in places for s in [ctx.state_of(p.node)] if s]
    if node is None:
        month = (when[0] if when else ctx.published or "")[:7]
        where = ctx.name_of(states[0] if states else places[0].node)
        node = f"Event:{kind}-{slug(where)}-{month}".rstrip("-")
        name = f"{kind.capitalize()} in {where}"
    else:
        name = b.nodes[node].name
    _record_event(ctx, events, tok, node, name, kind, when, [], [])
    for target in dict.fromkeys([p.node for p in places] + states):
        b.add_edge(node, "HELD_IN", target, evidence=ctx.evidence(tok.sent))

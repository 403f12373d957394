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
from kg.extract.frames import not_done
from kg.extract.normalize import slug

PLACES = {"Place", "State"}
MODALS = {"could", "may", "might", "can"}  # ('a cyclone could hit X': feared, not struck)
ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "ROOT"}  # not 'quake relief', 'post-quake'


def extract_hazards(ctx: ReportContext, events: EventIndex) -> None:
    kinds = ctx.gaz.triggers["disasters"]
    for tok in ctx.doc:
        kind = kinds.get(tok.lemma_.lower()) or kinds.get(tok.lower_)
        if kind is None or tok.pos_ != "NOUN" or tok.dep_ not in ROLES:
            continue
        verb = _verb_of(tok)
        if verb is not None and (not_done(verb) or any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)):
            continue  # ('a flood is expected', 'could trigger a tsunami': not (yet) a disaster)
        places = _struck(ctx, tok, verb)
        when = sentence_date(ctx, tok.sent, tok.i)
        told = next((r for r in events.refs if r.kind == kind), None)
        if told is not None and (not places or _elsewhere(ctx, places[0])):
            continue  # ('the twin earthquakes', 'after the quake'; 'in the Trujillo region' of a state the
            # report never names, which the gazetteer took for another's): the one told already
        if not places:
            main = main_state(ctx)
            places = [Mention(tok.i, tok.i + 1, "State", main, "")] if main else []
        if not places:
            continue
        _record(ctx, events, tok, kind, when, places[0])


def _elsewhere(ctx: ReportContext, place: Mention) -> bool:
    """A place in a state the report names nowhere."""
    state = ctx.state_of(place.node)
    return state is not None and not any(m.node == state for m in ctx.mentions if m.label == "State")


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
        if about or inside:
            return (about or inside)[:1]
    return []


def _record(ctx: ReportContext, events: EventIndex, tok: Token, kind: str, when: tuple[str, str] | None,
            place: Mention) -> None:
    state = ctx.state_of(place.node)
    month = (when[0] if when else ctx.published or "")[:7]
    where = ctx.name_of(state or place.node)
    node = f"Event:{kind}-{slug(where)}-{month}".rstrip("-")
    _record_event(ctx, events, tok, node, f"{kind.capitalize()} in {where}", kind, when, [], [place])
    if state and state != place.node:
        ctx.builder.add_edge(node, "HELD_IN", state, evidence=ctx.evidence(tok.sent))

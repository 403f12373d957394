"""A release of captives is an event: 'Hamas had released 24 people', 'hostages freed by Hamas',
'handed over 13 hostages to the ICRC', 'the ICRC has received 24 citizens', 'the release of 39
Palestinians on Saturday'. Who freed them, who received them, and (through the frames) who
mediated take part; it is held where they were held ('freed from Gaza', 'held in Gaza'). One
event per day, so each round of a deal is its own event and the reports of one round meet; a
release told without a day is the round already told, else one of the day the report's lede
tells of."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import Mention, ReportContext, in_lede
from kg.extract.events import ACTORS, TRADED, EventIndex, _record_event, sentence_date
from kg.extract.frames import expand, has_particle, lexicon, not_done

PLACES = {"Place", "State"}
RECEIVE = {"receive"}
NOUNS = {"release", "releases"}


def extract_releases(ctx: ReportContext, events: EventIndex) -> None:
    freeing = set(lexicon()["verbs"]["release"]) - {"swap", "exchange", "pardon", "repatriate"} | {"hand"}
    found = []
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and tok.lower_ in NOUNS and _of_captives(tok):
            found.append((tok, [], [], _held(ctx, tok)))
        elif tok.pos_ != "VERB" or not_done(tok) or lemma == "hand" and not has_particle(tok, "over") \
                or lemma not in freeing | RECEIVE or not _captives(tok):
            continue
        elif lemma in RECEIVE:
            found.append((tok, [], _doers(ctx, tok), []))
        else:
            receivers = expand(ctx, [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"
                                     for o in p.children if o.dep_ == "pobj"], ACTORS - {"Person"})
            found.append((tok, _doers(ctx, tok), receivers, _held(ctx, tok)))
    found.sort(key=lambda f: sentence_date(ctx, f[0].sent, f[0].i) is None)  # the dated first: an undated
    for tok, doers, receivers, places in found:  # mention is the round told nearest it
        _release(ctx, events, tok, doers, receivers, places)


def _captives(verb: Token) -> list[Token]:
    """The people a verb frees: its object, or its passive subject ('were released')."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN":  # ('hostages freed by Hamas')
        objs.append(verb.head)
    found = []
    for obj in objs:
        for t in [obj, *obj.conjuncts]:
            found += [t] if _is_captive(t) else [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                                                 for o in p.children if _is_captive(o)]  # 'a group of 10 Thais'
    return found


def _is_captive(tok: Token) -> bool:
    """'hostages', '24 people', 'citizens'; '39 Palestinians', '13 Israelis': people by number."""
    counted = any(c.dep_ == "nummod" for c in tok.children) and tok.tag_ in {"NNPS", "NNS"}
    return tok.lemma_.lower() in TRADED or counted and tok.ent_type_ == "NORP"


def _of_captives(tok: Token) -> bool:
    """'the release of 24 people held hostage', 'hostage releases'."""
    of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    mods = [c for c in tok.children if c.dep_ in {"compound", "nmod"}]
    return any(_is_captive(t) for t in of + mods)


def _doers(ctx: ReportContext, verb: Token) -> list[Mention]:
    """Who does it: the subject, or the passive's agent ('freed by Hamas', 'received by the ICRC')."""
    agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [m for m in expand(ctx, agents or subjects, ACTORS) if m.label != "Person"]


def _held(ctx: ReportContext, tok: Token) -> list[Mention]:
    """Where the captives were: 'freed from Gaza', 'released from captivity in Gaza', 'hostages
    held in the Gaza Strip' (the first place in such a phrase)."""
    phrases = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children]
    phrases += [p for c in tok.subtree if c.lemma_.lower() == "hold" and c.pos_ == "VERB"
                for p in c.children if p.dep_ == "prep" and p.lower_ == "in"]
    for phrase in phrases:
        found = [m for m in ctx.in_span(phrase.left_edge.i, phrase.right_edge.i + 1) if m.label in PLACES]
        if found:
            return found[:1]
    return []


def _release(ctx: ReportContext, events: EventIndex, tok: Token, doers: list[Mention], receivers: list[Mention],
             places: list[Mention]) -> None:
    when = sentence_date(ctx, tok.sent, tok.i)
    told = events.current(tok.i, {"release"})
    if when is None and told is None:
        if not in_lede(tok.sent) or not ctx.published:
            return
        when = (ctx.published, ctx.published)  # ('Hamas had released 24 people', in the lede: today's news)
    day = when[0] if when else told.start
    node = f"Event:release-{day}" if day else told.node
    b = ctx.builder
    if node not in b.nodes:
        where = f" from {ctx.name_of(places[0].node)}" if places else ""
        b.add_node(node, "Event", f"Release of captives{where}", kind="release", start=day, end=day,
                   evidence=ctx.evidence(tok.sent))
    held = any(e.source == node and e.type == "HELD_IN" for e in b.edges.values())
    _record_event(ctx, events, tok, node, b.nodes[node].name, "release", (day, day) if day else None,
                  doers + receivers, [] if held else places)

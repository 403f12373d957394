"""The relief effort after a disaster is one event: 'the rescue operations', 'quake relief
efforts', held in the stricken state, that each state or body whose rescuers went takes part in
('teams from Romania have arrived', 'Azerbaijan has dispatched a team of 420 rescuers', 'a
Chinese search and rescue team arrived'). Only a report that tells a disaster or a relief effort
has one; a team that will go, or may, is not there yet."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import ReportContext
from kg.extract.events import EventIndex, EventRef, _record_event, main_state
from kg.extract.frames import expand, lexicon, not_yet
from kg.extract.normalize import slug

ACTORS = {"State", "Organization"}


def extract_relief(ctx: ReportContext, events: EventIndex) -> None:
    lex = ctx.gaz.triggers["relief"]
    efforts = [t for t in ctx.doc if _names_effort(t, lex)]
    disasters = set(ctx.gaz.triggers["disasters"].values())
    struck = [r for r in events.refs if r.kind in disasters]
    if not efforts and not struck:
        return
    state, month = _stricken(ctx, struck)
    if state is None:
        return
    node = f"Event:relief-{slug(ctx.name_of(state))}-{month}".rstrip("-")
    name = f"Relief operations in {ctx.name_of(state)}"
    teams = [t for t in ctx.doc if _names_team(t, lex) and not _to_come(t)]
    helpers = {m.node: m for t in teams for m in expand(ctx, [t], ACTORS) + _senders(ctx, t) + _included(ctx, t)
               + _nations_before(ctx, t) if m.node != state}
    if not helpers and not (efforts and struck):
        return  # ('rescue operations were ongoing' after a crash: an effort of no one's the report tells)
    for tok in efforts:  # (each mention, for the frames: 'arrived to join the relief operations')
        _record_event(ctx, events, tok, node, name, "relief", None, [], [])
    ev = _record_event(ctx, events, (efforts or teams)[0], node, name, "relief", None, [], [])
    ctx.builder.add_edge(node, "HELD_IN", state, evidence=ev)
    for m in helpers.values():
        ctx.builder.add_edge(m.node, "ATTENDED", node, evidence=ctx.evidence(ctx.doc[m.start].sent))


def _stricken(ctx: ReportContext, struck: list[EventRef]) -> tuple[str | None, str]:
    """The state the disaster struck, and its month; else the state the report is about."""
    b = ctx.builder
    for ref in struck:
        held = [e.target for e in b.edges.values() if e.source == ref.node and e.type == "HELD_IN"
                and b.nodes[e.target].label == "State"]
        if held:
            return held[0], (ref.start or ctx.published or "")[:7]
    return main_state(ctx), (ctx.published or "")[:7]


def _names_effort(tok: Token, lex: dict) -> bool:
    """'the rescue operations', 'post-quake relief efforts', 'search and rescue operations'."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex["heads"] or tok.dep_ == "compound":
        return False
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}]
    return any(w.lemma_.lower() in lex["words"] for c in mods for w in [c, *c.conjuncts])


def _names_team(tok: Token, lex: dict) -> bool:
    """'rescuers', 'a search and rescue team', 'medical teams', 'a relief crew'."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.dep_ == "compound":
        return False
    if lemma in lex["rescuers"] or lemma == "member" and any(c.dep_ == "compound" and c.lemma_.lower() in lex["teams"]
                                                              for c in tok.children):  # 'a team member from Russia'
        return True
    return lemma in lex["teams"]  # (in a report of a disaster or its relief: 'one of the teams from Spain')


def _nations_before(ctx: ReportContext, tok: Token) -> list:
    """'Turkish, Qatari, Emirati and other international rescue and medical teams': the nations
    listed in the team's own phrase, however the parser hung the list."""
    out = []
    i = tok.i - 1
    while i >= tok.sent.start and (ctx.doc[i].pos_ in {"ADJ", "NOUN", "PROPN", "PUNCT", "CCONJ"}
                                   or ctx.doc[i].lower_ in {"as", "well"}) and ctx.doc[i].text not in {".", ";", ":"}:
        m = ctx.at(ctx.doc[i])
        if m is not None and m.label == "State" and m.via == "demonym":
            out.append(m)
        elif m is not None:
            break  # (another name: the phrase ends)
        i -= 1
    return out


def _included(ctx: ReportContext, tok: Token) -> list:
    """'Rescue teams from across the globe, including the United States, Israel and Japan'."""
    froms = [tok, *(p for p in tok.children if p.dep_ == "prep" and p.lower_ == "from")]
    lists = [o for p in froms for c in p.children if c.lower_ == "including" for o in c.children if o.dep_ == "pobj"]
    return expand(ctx, lists, ACTORS)


def _senders(ctx: ReportContext, tok: Token) -> list:
    """Who sent the rescuers: 'Bhutan has dispatched a team of 40 rescuers'; 'flights from Hungary
    carrying rescue teams'; 'members of rescue teams have arrived from Hungary'."""
    lex = lexicon()["verbs"]
    verb = tok
    while verb.head.i != verb.i and (verb.dep_ in {"pobj", "prep", "dobj", "conj", "appos", "nsubjpass", "nsubj"}
                                     or verb.dep_ == "acl" and verb.lemma_.lower() in lex["ship"]):
        verb = verb.head  # ('dispatched a plane carrying a relief crew': through the plane)
        if verb.pos_ == "VERB" and verb.dep_ != "acl":
            break
    if verb.pos_ != "VERB":
        return []
    lemma = verb.lemma_.lower()
    if lemma in lex["arrive"]:  # ('have arrived from Hungary')
        return expand(ctx, [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                            for o in p.children if o.dep_ == "pobj"], ACTORS)
    if lemma not in lex["ship"]:
        return []
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    if not doers and verb.dep_ in {"advcl", "xcomp"}:  # ('flights ... have arrived carrying teams')
        doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    found = expand(ctx, doers, ACTORS)
    return found or expand(ctx, [o for d in doers for p in d.children if p.dep_ == "prep" and p.lower_ == "from"
                                 for o in p.children if o.dep_ == "pobj"], ACTORS)


def _to_come(tok: Token) -> bool:
    """'will send a team', 'could dispatch rescuers': the verb over the team is not done yet."""
    verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and not_yet(verb)

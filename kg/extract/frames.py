"""Frames: one reading of the parse shared by every relation kind.

For each trigger (a verb, or an event or document noun: 'the signing of X', 'his visit
to Y', 'talks with Z') a Frame names who acts (agent), on what (theme), with whom
(partner), where (place, origin, destination), for what (purpose) and when, and whether
the clause is negated, planned or hedged. Arguments come from one mechanism: active and
passive voice, coordination, apposition and 'including' lists, relative and participial
clauses, control and light verbs, and the prepositions of `loaders/frames.yaml`.
kg/extract/facts.py turns frames into edges by the table in that file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext
from kg.extract.gazetteer import load_yaml

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
LIST_PREPS = {"including", "like", "among"}
BODY_HEADS = {"force", "forces", "group", "unit"}  # fleet nouns that end the names of bodies: no fleet there
SHIPS = {"ship", "vessel", "warship"}  # the nouns for one ship of any kind
TOWN_NOUNS = {"city", "town", "village", "capital", "part"}  # 'the city of X', 'parts of X' stand for X
PRONOUNS = {"he": {"Person"}, "him": {"Person"}, "his": {"Person"}, "she": {"Person"}, "her": {"Person"},
            "it": {"State", "Organization"}, "its": {"State", "Organization"}}


@cache
def lexicon() -> dict:
    """loaders/frames.yaml, with its trigger lists inverted to lemma -> kind."""
    data = load_yaml("frames.yaml")
    data["verb_kind"] = {w: kind for kind, words in data["verbs"].items() for w in words}
    data["noun_kind"] = {w: kind for kind, words in data["nouns"].items() for w in words}
    for key in ("groups", "fleets", "member_verbs", "attendees", "light_verbs", "speech_verbs", "planning",
                "cancelling", "representatives", "deployed", "space_objects", "launchers", "people_words"):
        data[key] = frozenset(data[key])
    data["groups"] |= data["fleets"]
    return data


@dataclass
class Frame:
    """Who did what to whom, where and when, as one clause tells it."""

    trigger: Token
    kind: str
    slots: dict[str, list[Token]] = field(default_factory=dict)
    negated: bool = False
    planned: bool = False
    confidence: str | None = None
    attributed_to: Token | None = None

    def add(self, slot: str, tokens: list[Token]) -> None:
        have = self.slots.setdefault(slot, [])
        have.extend(t for t in tokens if t not in have)

    @property
    def sent(self) -> Span:
        return self.trigger.sent


def frames(ctx: ReportContext) -> list[Frame]:
    """Every frame of the report, in text order."""
    lex = lexicon()
    out = []
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"} and lemma in lex["verb_kind"] and not _light_use(tok) \
                and (lemma not in lex["particles"] or has_particle(tok, lex["particles"][lemma])):
            out.append(_verb_frame(tok, lex["verb_kind"][lemma]))
        elif tok.pos_ == "VERB" and lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
            out.append(_verb_frame(tok, "occur"))  # 'the exchange took place at X'
        elif tok.pos_ == "VERB" and lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
            out.append(_verb_frame(tok, "attend"))  # 'fighters who took part in the rebellion'
        elif tok.lower_ == "among" and (among := _among_the_verbed(tok)) is not None:
            out.append(among)
        elif tok.pos_ in {"NOUN", "PROPN"} and (tok.lower_ in lex["noun_kind"] or lemma in lex["noun_kind"]) \
                and not (tok.pos_ == "PROPN" and tok.is_title and tok.lower_ in BODY_HEADS):  # ('Indian Air Force')
            out.append(_noun_frame(tok, lex["noun_kind"].get(tok.lower_) or lex["noun_kind"][lemma]))
    return out


def _light_use(verb: Token) -> bool:
    """'held talks', 'paid a visit': the noun's frame carries the clause, not the verb's."""
    lex = lexicon()
    return verb.lemma_.lower() in lex["light_verbs"] and any(
        c.dep_ in {"dobj", "attr"} and c.lemma_.lower() in lex["noun_kind"] for c in verb.children)


def _verb_frame(verb: Token, kind: str) -> Frame:
    frame = Frame(verb, kind)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or \
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    subjects = [m for t in _subjects(verb) for m in _among_those(t)]
    by_agent = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"] or \
        [o for v in verb.conjuncts for c in v.children if c.dep_ == "agent"  # 'owned or led by X'
         for o in c.children if o.dep_ == "pobj"]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"} or c.dep_ == "dative" and c.pos_ != "ADP"]
    if passive or kind == "occur":  # ('the swap occurred at X': what occurred is its theme)
        frame.add("agent", by_agent)
        frame.add("theme", subjects)
    else:
        frame.add("agent", subjects)
        frame.add("theme", objects)
    _prepositions(frame, verb)
    if verb.lemma_.lower() in lexicon()["speech_verbs"]:
        frame.add("partner", objects)
    _mood(frame, verb)
    return frame


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    """A verb's subjects, also those it shares: 'agreed to build' (control), 'met and signed'
    (coordination), 'leaders arriving in Kazan' (participle), 'X, who visited Y' (relative)."""
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    if own or depth > 3:
        return own
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
        return _subjects(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
        objects = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        if objects and verb.head.lower_ in {"of", "for"}:
            return objects  # 'accused the North of supplying shells': the North supplied
        return _subjects(verb.head.head, depth + 1)  # 'X was killed after attending ...': X attended
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        noun = verb.head  # "Russia's stance and willingness to circumvent X": the willing one does it
        owners = [c for n in (noun, noun.head if noun.dep_ == "conj" else noun) for c in n.children if c.dep_ == "poss"]
        return owners[:1] or [noun]
    if verb.dep_ in {"relcl", "acl"}:
        return [verb.head]
    return []


def _among_those(tok: Token) -> list[Token]:
    """'Among those released are X and Y': 'those' are the copula's subjects."""
    if tok.lower_ not in {"those", "them"} or tok.head.lower_ != "among":
        return [tok]
    copula = tok.head.head
    own = [c for c in copula.children if c.dep_ in SUBJECTS]
    if own or copula.lemma_ != "be":
        return own or [tok]
    return _after_copula(copula) or [tok]


def _after_copula(copula: Token) -> list[Token]:
    """The noun phrase right after 'are' / 'were' (the parser may hang the names on a verb
    after them: 'Among those released are X and Y, the agency said')."""
    j = copula.i + 1
    while j < copula.sent.end and copula.doc[j].dep_ in {"compound", "amod", "det", "nummod", "poss", "case"}:
        j += 1
    return [copula.doc[j]] if j < copula.sent.end and copula.doc[j].pos_ in {"PROPN", "NOUN"} else []


def _among_the_verbed(tok: Token) -> Frame | None:
    """'Among those freed were X and Y', 'Prominent among the released were X': the parser
    reads the participle as a noun; its frame's theme is what the copula names."""
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    copula = next((h for h in (tok.head, tok.head.head) if h.lemma_ == "be"), None)
    if obj is None or copula is None or obj.pos_ == "PROPN":
        return None
    kinds = lexicon()["verb_kind"]
    kind = next((kinds[w] for w in (obj.lemma_.lower(), obj.lower_[:-1], obj.lower_[:-2]) if w in kinds), None)
    if kind is None:
        return None
    frame = Frame(obj, kind)
    frame.add("theme", _after_copula(copula))
    _mood(frame, copula)
    return frame


def _prepositions(frame: Frame, head: Token) -> None:
    preps = lexicon()["preps"]
    for prep in (c for c in head.children if c.dep_ in {"prep", "agent"} or c.dep_ == "dative" and c.pos_ == "ADP"):
        word = prep.lower_
        objects = [o for o in prep.children if o.dep_ in {"pobj", "pcomp"}]
        if word == "on" and any(o.lower_ in {"sidelines", "sideline", "margins"} for o in objects) \
                or word == "as" and any(o.lower_ == "part" for o in objects):  # 'freed as part of the swap'
            word, objects = "during", [g for o in objects for p in o.children if p.lower_ == "of"
                                       for g in p.children if g.dep_ == "pobj"]
        if word == "by" and frame.trigger.pos_ != "NOUN" and prep.dep_ != "agent":
            continue  # 'by rail': a mode, not an agent
        if word in preps:
            frame.add(preps[word], objects)


def _noun_frame(noun: Token, kind: str) -> Frame:
    """'Putin's visit to China', 'talks between X and Y', 'the signing of X by Y', and the
    clause the noun sits in: 'paid a state visit' (light verb), 'during a meeting' (its
    clause's subject met), 'became members' (copula)."""
    frame = Frame(noun, kind)
    frame.add("agent", [c for c in noun.children if c.dep_ in {"poss", "compound", "nmod", "amod"}
                        and c.pos_ in {"PROPN", "PRON", "ADJ"}])
    _prepositions(frame, noun)
    if kind in {"visit", "arrive", "attend"}:  # 'the visit of X', 'the arrival of X'
        frame.add("agent", frame.slots.pop("of", []))
    if kind == "member" and noun.dep_ == "appos":  # 'the Sunflower group, a unit of the GRU'
        frame.add("agent", [noun.head])
    if kind == "observe":  # 'observers of the drill': the gathering watched
        frame.add("theme", frame.slots.pop("of", []))
    if kind == "fleet":  # 'four Russian naval vessels, including X': what the ships are, not an act
        frame.add("theme", [noun])
        return frame
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    if gov.lower_ == "part" and gov.head.pos_ == "VERB":  # 'took part in the summit'
        gov = gov.head
    if gov.pos_ in {"VERB", "AUX"} and gov.i != noun.i:
        light = gov.lemma_.lower() in lexicon()["light_verbs"] and noun.dep_ in {"dobj", "attr", "nsubjpass"}
        during = noun.dep_ == "pobj" and noun.head.lower_ in {"during", "at", "on", "in", "after", "before"}
        role = kind == "observe" and noun.dep_ == "pobj" and noun.head.lower_ == "as"  # 'X are serving as observers'
        own = any(c.dep_ == "poss" for c in noun.children)  # 'during Biden's visit': Biden's, not the clause's
        if light or during and not own or role:
            identity = gov.lemma_ == "be" and noun.dep_ == "attr"  # 'It is the third swap': no one's act
            frame.add("agent", [t for t in _subjects(gov) if not (identity and t.lower_ in {"it", "this", "that"})])
            _prepositions(frame, gov)
        if during and gov.lemma_.lower() in lexicon()["speech_verbs"]:
            frame.add("partner", [c for c in gov.children if c.dep_ in {"dobj", "dative"}])
        _mood(frame, gov)
    else:
        _mood(frame, noun)
    return frame


def has_particle(verb: Token, word: str) -> bool:
    """'handed over': the verb's particle, also where the parser took it for 'over 13' (more than 13)."""
    doc = verb.doc
    return any(c.lower_ == word for c in verb.children) or verb.i + 1 < len(doc) \
        and doc[verb.i + 1].lower_ == word and doc[verb.i + 1].tag_ == "RP"


FEARED = {"could", "may", "might", "can"}  # ('a cyclone could hit X', 'may send a team': not (yet) so)


def not_yet(verb: Token) -> bool:
    """Planned, negated, or only possible: what a rule that asks 'did it happen?' must not count."""
    return not_done(verb) or any(c.dep_ == "aux" and c.lower_ in FEARED for c in verb.children)


def not_done(verb: Token) -> bool:
    """Is the verb's clause planned or negated ('will impose', 'did not sanction')? The frames'
    reading of mood, for rules that read a clause without a frame."""
    frame = Frame(verb, "")
    _mood(frame, verb)
    return frame.planned or frame.negated


def _mood(frame: Frame, verb: Token) -> None:
    """Negated ('did not sign', 'scrapped plans to attend'), planned ('will meet', 'is
    scheduled to hold'), hedged ('reportedly', 'is believed to', 'according to X')."""
    lex = lexicon()
    chain = [verb]
    while chain[-1].dep_ in {"xcomp", "ccomp", "advcl", "acl"} and len(chain) < 5 and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    for i, v in enumerate(chain):
        kids = list(v.children)
        lemma = v.lemma_.lower()
        if any(c.dep_ == "neg" for c in kids):
            frame.negated = True
        if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "would"} for c in kids):
            frame.planned = True
        if any(c.dep_ == "prep" and c.lower_ in {"in", "over", "within"} and any(
                o.lemma_.lower() in {"day", "week", "month"} and any(a.lower_ in {"coming", "next"} for a in o.children)
                for o in c.children) for c in kids):
            frame.planned = True  # ('withdrawing from X in the coming days')
        above = i > 0  # a verb the trigger's clause depends on ('scrapped plans to attend')
        if (above and lemma in lex["cancelling"]) or any(c.dep_ == "amod" and c.lemma_.lower() in lex["cancelling"]
                                                       for c in kids):
            frame.negated = True
        planned_noun = frame.trigger.pos_ == "NOUN" and frame.trigger.dep_ == "dobj"  # 'plans a visit'
        if lemma in lex["planning"] and (above or planned_noun):
            frame.planned = True
        for c in kids:
            band = lex["hedges"].get(c.lemma_.lower())
            if c.dep_ == "advmod" and band:
                frame.confidence = band
        if above and lemma in lex["hedges"] and any(c.dep_ == "auxpass" for c in kids):  # 'is believed to'
            frame.confidence = lex["hedges"][lemma]
        for prep in (c for c in kids if c.dep_ == "prep" and c.lower_ == "according"):
            source = [o for p in prep.children for o in p.children if o.dep_ == "pobj"]
            frame.attributed_to = source[0] if source else None
            frame.confidence = frame.confidence or "reported"
    if frame.trigger.pos_ in {"NOUN", "PROPN"} and any(c.lower_ in {"planned", "proposed", "upcoming", "future",
                                                                      "next", "possible", "potential"}
                                                        for c in frame.trigger.children):
        frame.planned = True


def expand(ctx: ReportContext, tokens: list[Token], labels: set[str] | None = None) -> list[Mention]:
    """The mentions a slot's tokens stand for: each token's own mention, or those of its
    conjuncts, appositions and 'including' lists, a group's members ('guests include X'),
    a name inside the phrase ('the BRICS group'), or what a pronoun refers to."""
    out: dict[str, Mention] = {}
    for tok in tokens:
        for t in [tok, *tok.conjuncts]:
            for m in _token_mentions(ctx, t):
                if labels is None or m.label in labels:
                    out.setdefault(m.node, m)
                    for n in _listed_after(ctx, m):
                        out.setdefault(n.node, n)
    return list(out.values())


LIST_JOINS = {",", "and", ", and", "or", ", or"}


def _listed_after(ctx: ReportContext, m: Mention) -> list[Mention]:
    """'on Belmont Trading LLC, Kestrel Logistics LLP and Orava Systems SRO': the names a list
    goes on with, read off the text where the parser hung them elsewhere."""
    if m.label not in {"Organization", "Person", "Vessel"} or m.end <= m.start:
        return []
    out, last = [], m
    for n in ctx.mentions:
        if n.start < last.end:
            continue
        if n.label != m.label or ctx.doc[last.end:n.start].text.strip() not in LIST_JOINS \
                or ctx.doc[last.end].sent.start != ctx.doc[n.start].sent.start:
            break
        out.append(n)
        last = n
    return out


def _led_by(ctx: ReportContext, tok: Token) -> list[Mention]:
    """'the Pacific Fleet, led by the Varyag cruiser': the ships that lead a group go where it goes."""
    agents = [o for c in tok.children if c.dep_ == "acl" and c.lemma_ == "lead" for a in c.children
              if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return [m for o in agents for m in _token_mentions(ctx, o) if m.label == "Vessel"]


def _token_mentions(ctx: ReportContext, tok: Token) -> list[Mention]:
    own = ctx.at(tok)
    if own is not None:
        return [own] + _led_by(ctx, tok)
    if tok.lower_ in PRONOUNS:
        ref = _antecedent(ctx, tok, PRONOUNS[tok.lower_])
        return [ref] if ref else []
    referred = _referred(ctx, tok)
    if referred is not None:
        return referred
    own = _own_body(ctx, tok)
    if own:
        return own
    members = _members(ctx, tok) or represented(ctx, tok)
    if members:
        return members + _led_by(ctx, tok)
    if tok.lemma_.lower() in lexicon()["fleets"] or tok.lower_ in lexicon()["noun_kind"] \
            and lexicon()["noun_kind"][tok.lower_] == "fleet":
        named = _ship_named(ctx, tok)
        if named is not None:  # 'the destroyer Urumqi and the frigate Linyi': the names listed with it too
            return [named] + [m for c in ctx.doc[named.end - 1].conjuncts
                              if (m := ctx.at(c)) is not None and m.label == "Vessel"]
        if tok.lemma_.lower() in lexicon()["fleets"] and _of_ships(tok) and (tok.tag_ == "NNS"
                                                                             or tok.lemma_.lower() not in SHIPS):
            return _fleet(ctx)  # 'the detachment', 'a group of ships' of a report that lists its ships once
    led = _led_by(ctx, tok)
    if led:
        return led
    inner = [ctx.at(c) for c in tok.children if c.dep_ == "compound"]  # 'the BRICS group' (not "Russia's minister")
    if tok.lemma_.lower() in ctx.gaz.place_heads | TOWN_NOUNS:  # 'the port city of Vladivostok', 'parts of Russia'
        inner += [ctx.at(o) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    return [m for m in inner if m is not None and m.label in {"Organization", "State", "Place"}]


def _own_body(ctx: ReportContext, tok: Token) -> list[Mention]:
    """'his unit', 'members of his own guard': the body the person a pronoun refers to holds a
    post in, the one whose name has the noun (a unit or body word: any one he holds)."""
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
    if poss is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in lexicon()["body_words"]:
        return []
    ref = _antecedent(ctx, poss, {"Person"})
    if ref is None:
        return []
    b = ctx.builder
    bodies = [e.target for e in b.edges.values() if e.type == "HOLDS_ROLE" and e.source == ref.node
              and b.nodes[e.target].label == "Organization"]
    named = [n for n in bodies if tok.lemma_.lower() in b.nodes[n].name.lower().split()]
    kinds = lexicon()["unit_words"].get(tok.lemma_.lower(), [])  # ('his unit': of his bodies, the armed one)
    found = named or [n for n in bodies if b.nodes[n].name.lower().split()[-1] in kinds]
    return [Mention(tok.i, tok.i + 1, "Organization", n, tok.text) for n in dict.fromkeys(found)][:1]


def represented(ctx: ReportContext, tok: Token, depth: int = 0) -> list[Mention]:
    """The states and bodies people or units stand for: 'Chinese officials', 'Russia's
    forces', 'naval forces from Iran, Russia and China', 'representatives from the navies of
    Pakistan and India'."""
    if tok.lemma_.lower() not in lexicon()["representatives"] or depth > 2:
        return []
    out: dict[str, Mention] = {}
    for c in tok.children:
        found = [ctx.at(c)] if c.dep_ in {"amod", "compound", "poss"} else []
        if c.dep_ == "prep" and c.lower_ in {"from", "of"}:
            for o in (o for o in c.children if o.dep_ == "pobj"):
                found += [ctx.at(t) or next(iter(_own_body(ctx, t)), None) for t in [o, *o.conjuncts]]
                found += represented(ctx, o, depth + 1)
        for m in found:
            if m is not None and m.label in {"State", "Organization"}:
                out.setdefault(m.node, m)
    return list(out.values())


def _members(ctx: ReportContext, group: Token, depth: int = 0) -> list[Mention]:
    """'leaders, including X, Y and Z', 'leaders such as X', 'X, Y and Z' in apposition, and
    'Among the leaders arriving are X and Y' / 'guests include X': the group's named members."""
    if group.lemma_.lower() not in lexicon()["groups"]:
        return []
    names: list[Token] = []
    for c in group.children:
        if c.dep_ == "amod" and c.lower_ == "such":  # 'leaders such as X'
            c = next((p for p in c.children if p.dep_ == "prep"), c)
        if c.dep_ == "prep" and c.lower_ in LIST_PREPS | {"as"}:
            names += [o for o in c.children if o.dep_ == "pobj"]
        elif c.dep_ == "appos":
            names.append(c)
        elif c.dep_ == "acl" and c.lemma_.lower() in lexicon()["member_verbs"]:  # 'a detachment consisting of X'
            names += _listed_by(c)
        if c.dep_ == "prep" and c.lower_ == "of":  # 'three ships of the Navy, the destroyer X, ...' (the list
            names += [a for o in c.children for a in o.children if a.dep_ == "appos"]  # hung on 'the Navy')
    head = group.head
    if group.dep_ == "pobj" and head.lower_ == "among" and head.head.lemma_ == "be":  # 'Among the leaders are X'
        names += [c for c in head.head.children if c.dep_ in SUBJECTS | {"attr"} and c.i != group.i]
    if group.dep_ in SUBJECTS and head.lemma_.lower() in {"include", "comprise", "be"}:  # 'Guests include X'
        names += [c for c in head.children if c.dep_ in {"dobj", "attr"}]
    if group.dep_ in SUBJECTS and head.lemma_.lower() in lexicon()["member_verbs"]:  # 'The group is made up of X'
        names += _listed_by(head)
    found: dict[str, Mention] = {}
    for n in names:
        for t in _listed(n):
            m = ctx.at(t) or _ship_named(ctx, t)
            if m is None and t.i != group.i and t.lemma_.lower() in lexicon()["fleets"] and depth < 2:
                for inner in _members(ctx, t, depth + 1):  # 'a detachment consisting of four vessels - X, Y'
                    found.setdefault(inner.node, inner)
            elif m is not None and m.label in {"Person", "State", "Organization", "Vessel"}:
                found.setdefault(m.node, m)
    return list(found.values())


def _listed(first: Token) -> list[Token]:
    """A list's items from its first: conjuncts and appositions, and theirs ('X, the
    submarine Y, the tanker Z and W': the parser hangs Y on X and Z, W on Y)."""
    out, todo = [], [first]
    while todo:
        t = todo.pop(0)
        if t not in out:
            out.append(t)
            todo += [c for c in t.children if c.dep_ in {"conj", "appos"}]
    return out


def _listed_by(verb: Token) -> list[Token]:
    """The members a listing verb names: 'consisting of X', 'made up of X', 'comprises X'."""
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
            if o.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]


def _ship_named(ctx: ReportContext, noun: Token) -> Mention | None:
    """The vessel a ship noun names: 'the frigate Gorshkov' (the noun modifies the name),
    'the Kazan submarine' and 'the tug, the Nikolai Chiker' (the name modifies or follows it)."""
    near = [noun.head] if noun.dep_ in {"compound", "amod", "nmod", "appos"} else []  # ('the Varyag, a cruiser')
    near += [c for c in noun.children if c.dep_ in {"compound", "appos", "nmod"}]
    near += [noun.nbor()] if noun.i + 1 < len(noun.doc) else []  # 'the supply ship Taihu', however parsed
    return next((m for t in near if (m := ctx.at(t)) is not None and m.label == "Vessel"), None)


def _of_ships(noun: Token) -> bool:
    """'the detachment', 'a group of ships', 'the naval force': a group noun that speaks of ships."""
    if noun.lemma_.lower() in SHIPS | {"detachment", "flotilla", "squadron", "convoy"}:
        return True
    return any(c.lower_ in {"naval", "navy"} or c.dep_ == "prep" and c.lower_ == "of" and any(
        o.lemma_.lower() in SHIPS for o in c.children) for c in noun.children)


def _fleet(ctx: ReportContext) -> list[Mention]:
    """The ships of the report's one listed group of two or more ('a detachment of four
    vessels - X, Y, Z and W'), which a later 'the detachment' or 'the ships' stands for."""
    lists = [ships for tok in ctx.doc if tok.lemma_.lower() in lexicon()["fleets"]
             and len(ships := [m for m in _members(ctx, tok) if m.label == "Vessel"]) >= 2]
    if not lists:
        return []
    largest = max(lists, key=len)
    nodes = {m.node for m in largest}
    return largest if all({m.node for m in x} <= nodes for x in lists) else []  # (two fleets: neither)


RELATIVES = {"which", "who", "whom", "that"}
QUANTIFIERS = {"all", "both", "each", "some", "none", "most", "two", "three", "four", "five"}
PLURALS = {"them", "they", "these", "those"}
COUNTED = {"entity": "Organization", "company": "Organization", "firm": "Organization", "business": "Organization",
           "individual": "Person", "person": "Person", "national": "Person", "vessel": "Vessel", "ship": "Vessel",
           "tanker": "Vessel"}
NOT_COMPANY_KINDS = {"international", "media", "ministry", "agency", "government", "military", "armed_group"}


def phrase_ancestors(tok: Token) -> list[Token]:
    """The words a word hangs under, up to the clause's verb: the phrase it is part of."""
    out = []
    for a in tok.ancestors:
        if a.pos_ in {"VERB", "AUX"}:
            break
        out.append(a)
    return out


def _referred(ctx: ReportContext, tok: Token) -> list[Mention] | None:
    """What a word that names nothing itself stands for: a relative pronoun its noun ('X,
    which is owned by'), 'all of them' / 'all of which' their antecedent list, a plural
    pronoun the list of the sentence before, 'three entities' the three the report names."""
    if tok.lower_ in RELATIVES and tok.tag_ in {"WDT", "WP", "WP$"}:
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is None:
            return None
        head, listed = expand(ctx, [clause.head]), _list_ending(ctx, clause.left_edge.i)
        if tok.lower_ in {"who", "whom"} and not any(m.label == "Person" for m in head + listed):
            for a in phrase_ancestors(clause.head):  # 'X, a former Marine from Novi, Michigan, who was arrested'
                people = [m for m in expand(ctx, [a]) if m.label == "Person"]
                if people:
                    return people
        if {m.node for m in head} < {m.node for m in listed} or not head:  # 'A, B and C, all of which': all three
            return listed  # (the parser hung the clause on B, or on the verb)
        return head
    if tok.lower_ in QUANTIFIERS and tok.pos_ in {"PRON", "DET", "NUM"}:
        of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return expand(ctx, of) if of else None
    if tok.lower_ in PLURALS and tok.pos_ == "PRON":
        return _list_before(ctx, tok) or None
    if tok.lemma_.lower() in {"country", "nation"} and tok.tag_ == "NN" and [c.lower_ for c in tok.children] == ["the"] \
            and tok.sent.start > 0:  # 'Azerbaijan was the first to respond. The country has dispatched ...': the
        before = ctx.doc[tok.sent.start - 1].sent  # state the sentence before was about
        subject = next((t for t in before if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        m = ctx.at(subject) if subject is not None else None
        return [m] if m is not None and m.label == "State" else None
    label = COUNTED.get(tok.lemma_.lower())
    count = next((_number(c) for c in tok.children if c.dep_ == "nummod"), None)
    if label and count and count >= 2:
        return _counted(ctx, tok, label, count) or None
    return None


def _number(tok: Token) -> int | None:
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
    return words.get(tok.lower_) or (int(tok.text) if tok.text.isdigit() else None)


def _named_kind(ctx: ReportContext, m: Mention, label: str) -> bool:
    """A name of that kind; of organisations, companies (no ministries, agencies or media)."""
    from kg.extract.organizations import STATE_BODY_WORDS  # (organizations reads the roles, which read frames)
    return m.label == label and m.node in ctx.builder.nodes and (
        label != "Organization" or ctx.builder.nodes[m.node].props.get("kind") not in NOT_COMPANY_KINDS
        and not {w.lower() for w in m.text.split()} & STATE_BODY_WORDS)


def _counted(ctx: ReportContext, tok: Token, label: str, count: int) -> list[Mention]:
    """'sanctioned three entities ... The companies are X, Y and Z': the report's `count`
    names of that kind, read from the sentence on (else the last ones before it)."""
    sents = list(ctx.doc.sents)
    at = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    def distinct(ms):
        return list({m.node: m for m in ms if _named_kind(ctx, m, label)}.values())
    after = distinct(ctx.in_span(sents[at].start, sents[min(at + 3, len(sents) - 1)].end))
    if len(after) == count:
        return after
    before = distinct(ctx.in_span(0, tok.i))
    return before[-count:] if len(before) >= count and len(after) < count else []


def _list_ending(ctx: ReportContext, i: int) -> list[Mention]:
    """The names listed just before token i ('on A, B and C, all of which are ...')."""
    before = [m for m in ctx.in_span(ctx.doc[i].sent.start, i) if m.end <= i]
    if not before or ctx.doc[before[-1].end:i].text.strip() not in {",", ""}:
        return []
    out, start = [before[-1]], before[-1].start
    for m in reversed(before[:-1]):
        if m.node == out[-1].node and m.end == start:  # one name told in two mentions ('Orava Systems' 'SRO')
            start = m.start
            continue
        if m.label != out[-1].label or ctx.doc[m.end:start].text.strip() not in LIST_JOINS:
            break
        out.append(m)
        start = m.start
    return out[::-1]


def _list_before(ctx: ReportContext, pron: Token) -> list[Mention]:
    """'All of them are owned by X' after 'The companies are A, B and C': the list the
    sentence before names (two or more of one kind), else none."""
    sents = [s for s in ctx.doc.sents if s.end <= pron.sent.start][-2:]
    for s in reversed(sents):
        for label in ("Organization", "Vessel", "Person", "State"):
            found = list({m.node: m for m in ctx.in_span(s.start, s.end) if _named_kind(ctx, m, label)}.values())
            if len(found) >= 2:
                return found
    return []


def _antecedent(ctx: ReportContext, pron: Token, labels: set[str]) -> Mention | None:
    """The nearest subject before a pronoun (else the nearest mention), of a label it can
    stand for, in its sentence or the one before: 'NATO included Belgium ..., and it ...'."""
    sents = list(ctx.doc.sents)
    start = pron.sent.start
    for i, s in enumerate(sents):
        if s.start == pron.sent.start and i:
            start = sents[i - 1].start
    found = [m for m in ctx.in_span(start, pron.i) if m.label in labels and m.via not in {"demonym", "pronoun"}]
    subjects = [m for m in found if ctx.doc[m.end - 1].dep_ in SUBJECTS]
    return (subjects or found or [None])[-1]

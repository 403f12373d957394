"""Events with dates and who took part: visits, summits, talks, calls, press
conferences, seizures. ATTENDED, HELD_IN, VISITED; delegations and 'also attended'.

A visit is identified by who went where in which year, so the same visit told
three ways ('Putin's visit to Pyongyang on June 19', 'State visit of Russian
President Vladimir Putin to North Korea, 18-19 June 2024', 'a historic visit to
North Korea in June') is one Event node.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext, in_lede
from kg.extract.dates import parse_date
from kg.extract.frames import expand, lexicon, not_done, represented
from kg.extract.normalize import slug
from kg.extract.organizations import org_word
from kg.extract.sites import site_key

VISIT_NOUNS = {"visit", "trip", "tour"}
VISIT_VERBS = {"visit", "travel", "fly", "arrive", "come", "go", "be"}
ATTEND_VERBS = {"attend", "accompany", "join", "participate", "witness"}
GROUP_NOUNS = {"delegation", "entourage", "team"}
INCLUDE_VERBS = {"include", "comprise", "consist", "feature", "contain"}
ACTORS = {"Person", "State", "Organization"}
BALLOTS = {"election", "referendum"}  # events of a state's voters: held in it, contested by candidates
GATHERINGS = {"signing", "summit", "call", "meeting", "talks", "conference", "exhibition", "parade", "ceremony",
              "inauguration", "funeral", "exercise", "exchange", "incident", "mutiny", "coup",
              "election", "referendum"}  # worth a node even undated
HOSTILE = {"coup", "mutiny", "attack", "incident", "explosion", "seizure", "sinking"}  # acts others speak of
TRADED = {"prisoner", "captive", "hostage", "detainee", "pow", "spy", "body", "soldier", "citizen", "national",
          "individual", "people", "person", "inmate"}  # what an exchange of people exchanges
NAMING_VERBS = {"call", "name", "dub", "know", "title", "codename", "code-name", "label", "brand", "term"}
NAME_HEADS = {"memorandum", "agreement", "regulation", "regulations", "mechanism", "declaration", "treaty",
              "format", "resolution", "contract"}  # 'a mechanism for the meeting of ministers' is no event
CALL_VERBS = {"speak", "talk", "hold", "have", "converse"}
RECURRING = {"annual", "yearly", "biennial", "regular", "periodic", "monthly", "weekly", "quarterly"}


@dataclass
class EventRef:
    node: str
    token: int  # where it is mentioned
    kind: str
    start: str | None
    end: str | None
    participants: set[str] = field(default_factory=set)
    delegation: str | None = None  # name of the state whose delegation was last listed
    named: bool = False  # 'the first BRICS Women's Forum': an event with a proper name


class RefIndex:
    """Mentions of nodes (events, agreements) in text order, each with its node id."""

    refs: list

    def fold(self, ctx: ReportContext, old: str, new: str) -> None:
        """One thing found under two nodes: merge them, and every mention follows."""
        ctx.builder.merge_node(old, new)
        for ref in self.refs:
            if ref.node == old:
                ref.node = new


class EventIndex(RefIndex):
    """Events of one report in text order, for the rules that attach facts to them."""

    def __init__(self) -> None:
        self.refs: list[EventRef] = []
        self.arrivals: list[tuple[list[Mention], str]] = []  # who arrived, undated, and the evidence

    def add(self, ref: EventRef) -> None:
        self.refs.append(ref)
        self.refs.sort(key=lambda r: r.token)

    def current(self, token: int, kinds: set[str] | None = None) -> EventRef | None:
        """The event most recently mentioned before a token (else the first one after)."""
        ok = [r for r in self.refs if kinds is None or r.kind in kinds]
        before = [r for r in ok if r.token <= token]
        return before[-1] if before else (ok[0] if ok else None)

    def overlapping(self, start: str, end: str, participants: set[str]) -> EventRef | None:
        """An event whose dates overlap and that shares a participant."""
        for ref in self.refs:  # (dates as prefixes: 'June 2024' overlaps 'June 19', 'June 20' does not)
            if ref.start and ref.start <= end + "~" and start <= (ref.end or ref.start) + "~":
                if participants & ref.participants:
                    return ref
        return None


PART_OF_DAY = re.compile(r"\s+(?:night|morning|evening|afternoon)$", re.I)
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
ANAPHORIC_YEARS = re.compile(r"^(?:in |later |earlier )?(?:the same|that) year$", re.I)


def _year_before(ctx: ReportContext, token: int, anaphoric: bool = False) -> int | None:
    """The last explicit year earlier in this sentence ("In 2000, after talks on 19 July, ...").
    Further back it no longer speaks for a bare 'March 26': the publication date does. 'The
    same year' points back on purpose, so for it the whole text before counts."""
    start = 0 if anaphoric else ctx.doc[token].sent.start
    year = None
    for ent in ctx.doc.ents:
        if ent.start >= token:
            break
        m = re.search(r"\b(19|20)\d{2}\b", ent.text) if ent.label_ == "DATE" and ent.start >= start else None
        if m:
            year = int(m.group(0))
    return year


def sentence_date(ctx: ReportContext, sent: Span, near: int | None = None,
                  skip: Callable[[Span], bool] | None = None) -> tuple[str, str] | None:
    """The date expression of a sentence nearest a token, resolved (none that `skip` rejects)."""
    dates = [e for e in sent.ents if (e.label_ == "DATE" or e.label_ == "TIME" and (
        PART_OF_DAY.search(e.text) or WEEKDAY.search(e.text))) and not (skip and skip(e))]  # ('early Thursday')
    if near is not None:
        dates = [e for e in dates if not _other_time(sent.doc, near, e)]
        dates.sort(key=lambda e: abs(e.start - near))
        told = [e for e in dates if not _dateline_date(e)]
        dates = told or dates  # ('26th November 2023 – Hamas handed over ... on Saturday night': Saturday)
    for ent in dates:
        text = PART_OF_DAY.sub("", ent.text).strip()  # 'Wednesday night' is Wednesday
        later = _days_after(ctx, ent.start, text)
        if later:
            return later
        anaphoric = bool(ANAPHORIC_YEARS.match(text))
        parsed = parse_date(text, ctx.published, _year_before(ctx, ent.start, anaphoric), forward=_ahead(sent))
        at = ent.start_char if text.lower().startswith("between ") else sent.doc[max(ent.start - 1, 0)].idx
        pair = BETWEEN_DAYS.match(sent.doc.text, at)  # ('between Oct. 8 and 13': the tagger's date is 'Oct. 8')
        if pair and (period := _period(ctx, sent, ent.start, *pair.groups())):
            return period
        if parsed:
            return parsed
    m = BETWEEN_DAYS.search(sent.text)  # 'between 20 and 27 February' (no date entity for the tagger)
    if m and (period := _period(ctx, sent, sent.start, *m.groups())):
        return period
    m = DAYS_LATER.search(sent.text)  # 'The following day, ...' (no date entity for the tagger)
    if m and (later := _days_after(ctx, sent.start, m.group(0))):
        return later
    m = re.search(r"\b(?:in|of) ((?:19|20)\d{2})\b", sent.text)
    return (m.group(1), m.group(1)) if m else None


MONTH_DAY = r"(?:\d{1,2} [A-Z][a-z]+\.?(?: \d{4})?|[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)"
BETWEEN_DAYS = re.compile(rf"\b(?i:between) (\d{{1,2}}|{MONTH_DAY}) and ({MONTH_DAY}|\d{{1,2}})\b")


def _dateline_date(date: Span) -> bool:
    """A date that opens a sentence before a dash: the day the report was filed."""
    doc = date.doc
    opens = all(t.like_num or t.ent_type_ == "ORDINAL" for t in doc[date.sent.start:date.start])  # ('26th November')
    return opens and date.end < len(doc) and doc[date.end].text in {"–", "—", "-"}


def _period(ctx: ReportContext, sent: Span, token: int, first: str, last: str) -> tuple[str, str] | None:
    """'between October 8 and October 13', 'between 20 and 27 February', 'between Oct. 8 and 13':
    the first day to the last (a bare day takes the other end's month and year)."""
    if first.isdigit():
        first = re.sub(r"\b\d{1,2}\b", first, last, count=1)
    elif last.isdigit():
        last = re.sub(r"\b\d{1,2}\b", last, first, count=1)
    ends = [parse_date(p, ctx.published, _year_before(ctx, token), forward=_ahead(sent)) for p in (first, last)]
    if ends[0] and ends[1] and ends[0][0] <= ends[1][1]:
        return ends[0][0], ends[1][1]
    return None


COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10}
DAYS_LATER = re.compile(rf"\b(?:the (?:following|next) day|({'|'.join(COUNTS)}|\d{{1,2}}) days? later)\b", re.I)


def _days_after(ctx: ReportContext, token: int, text: str) -> tuple[str, str] | None:
    """'The following day', 'two days later': counted from the last full date told before."""
    m = DAYS_LATER.fullmatch(text.strip()) or DAYS_LATER.fullmatch("the " + text.strip())  # ('following day')
    if not m:
        return None
    n = 1 if not m.group(1) else COUNTS.get(m.group(1).lower()) or int(m.group(1))
    for prior in reversed([e for e in ctx.doc.ents if e.label_ == "DATE" and e.end <= token]):
        parsed = parse_date(prior.text, ctx.published, _year_before(ctx, prior.start))
        if parsed and len(parsed[1]) == 10:
            day = dt.date.fromisoformat(parsed[1]) + dt.timedelta(days=n)
            return day.isoformat(), day.isoformat()
    return None


def _ahead(sent: Span) -> bool:
    """Does the sentence tell what is to come ('will sign ... at an upcoming summit on Friday')?"""
    return any(t.lower_ in {"will", "shall", "upcoming", "forthcoming"} or t.lower_ == "due" and t.nbor(1).lower_ == "to"
               for t in sent if t.i + 1 < len(t.doc))


TIME_LINKS = {"after", "before", "since", "until", "following", "ahead"}


def _other_time(doc, near: int, date: Span) -> bool:
    """'Transfers began in August, a few weeks after Shoigu attended a weapons expo': the
    date and the event sit on two sides of 'after', so the date is not the event's."""
    def clause(i: int) -> int | None:
        for a in [doc[i], *doc[i].ancestors]:
            if a.lower_ in TIME_LINKS and a.dep_ in {"prep", "mark", "advmod"}:
                return a.i
            link = next((c.i for c in a.children if c.dep_ == "mark" and c.lower_ in TIME_LINKS), None)
            if link is not None:
                return link
        return None
    link = clause(near)
    return link != clause(date.root.i) and not (date.start <= (link if link is not None else -1) < date.end)


def _mention(ctx: ReportContext, tok: Token, labels: set[str]) -> Mention | None:
    m = ctx.at(tok)
    return m if m and m.label in labels else None


def _child_mentions(ctx: ReportContext, tok: Token, prep: str, labels: set[str]) -> list[Mention]:
    out = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    for t in [obj, *obj.conjuncts]:
                        m = _mention(ctx, t, labels)
                        if m is not None:
                            out.append(m)
                            continue
                        for a in (a for a in t.children if a.dep_ == "appos" and _mention(ctx, a, labels)):
                            # 'in the country's capital, Pyongyang'; 'his counterpart X and Y'
                            out += [m for x in [a, *a.conjuncts] for m in [_mention(ctx, x, labels)] if m]
                            break
                        else:
                            out += _name_after_title(ctx, t, labels)
    return out


def _name_after_title(ctx: ReportContext, tok: Token, labels: set[str]) -> list[Mention]:
    """'met with his Vietnamese counterpart To Lam', parsed as 'counterpart' then 'to Lam':
    a person named right after a title noun is the one it describes."""
    if "Person" not in labels or tok.lower_ not in {"counterpart", "counterparts"} | ctx.gaz.title_heads \
            or tok.i + 1 >= len(tok.doc):
        return []
    m = ctx.at(tok.doc[tok.i + 1])
    return [m] if m is not None and m.label == "Person" and m.start == tok.i + 1 else []


TERRITORY = {"territory", "soil", "airspace", "waters"}  # 'in the territory of Iran', 'on Pakistani soil'


def _places_after(ctx: ReportContext, tok: Token, *preps: str, territory: bool = False) -> list[Mention]:
    """Places in this word's prepositional phrases, in the order of the prepositions given; a
    state's territory is the state ('attacks in the territory of Iran', 'on Iranian soil')."""
    found = [m for prep in preps for m in _child_mentions(ctx, tok, prep, {"Place"})]
    if found or not territory:
        return found
    land = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children
            if o.dep_ == "pobj" and o.lemma_.lower() in TERRITORY]
    whose = [t for o in land for t in [*(x for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                                         for x in c.children if x.dep_ == "pobj"),
                                       *(c for c in o.children if c.dep_ in {"poss", "amod"})]]
    return [m for t in whose for m in [ctx.at(t)] if m is not None and m.label == "State"][:1]


PLACE_OF = {"island", "city", "town", "port", "village", "region", "province"}


def _named_of(ctx: ReportContext, tok: Token, preps: tuple[str, ...]) -> list[Mention]:
    """'on the Italian island of Lampedusa', 'in the port city of Sfax': the place the noun names."""
    nouns = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children
             if o.dep_ == "pobj" and o.lemma_.lower() in PLACE_OF]
    return [m for n in nouns for m in _child_mentions(ctx, n, "of", {"Place"})]


def _subjects(ctx: ReportContext, verb: Token, labels: set[str]) -> list[Mention]:
    """Subjects of a verb, following conjunctions and shared subjects ('X joined and agreed')."""
    while not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        if verb.dep_ in {"conj", "xcomp", "advcl"}:
            verb = verb.head
        elif verb.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and (up := next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)) is not None:
            verb = up  # 'X and Y reached a consensus (on measures) to create ...': X and Y create
        else:
            break
    out = []
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            if child.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                child = verb.head  # 'Novak, who is on a working visit to Iran'
            appos_conj = [x for a in child.children if a.dep_ == "appos" for x in a.conjuncts]  # 'President X and Y'
            for t in [child, *child.conjuncts, *_together_with(child), *appos_conj]:
                m = _mention(ctx, t, labels)
                if m is not None and m.via == "dateline":  # 'MOSCOW (Sputnik) – Lavrov and Choe discussed':
                    for a in (c for c in t.children if c.dep_ == "appos"):  # the parser's subject is the dateline
                        for x in (a, *a.conjuncts):
                            found = _mention(ctx, x, labels) or _appositive_mention(ctx, x, labels)
                            if found and found not in out:
                                out.append(found)
                    continue
                m = m or _appositive_mention(ctx, t, labels) \
                    or next(iter(_name_after_title(ctx, t, labels)), None)  # '... and Vietnamese President | To Lam'
                their = [] if m or "State" not in labels else [r for r in represented(ctx, t) if r.label == "State"]
                for found in [m] if m else their:  # 'Chinese officials', 'naval forces from Iran and China'
                    if found not in out:
                        out.append(found)
            span = ctx.doc[child.left_edge.i:child.i + 1]
            if any(t.lower_ == "and" and t.dep_ == "cc" for t in span):  # 'Kamikawa and Defense Minister Kihara'
                found = [m for m in ctx.in_span(span.start, span.end) if m.label in labels and m not in out]
                if any(m.label == "Person" for m in found):  # ('Russian President X': Russia is his title's)
                    found = [m for m in found if m.label == "Person"]
                out += found
    return out


def _together_with(tok: Token) -> list[Token]:
    """'Putin, together with Raisi, took part': Raisi is a subject too."""
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
            and any(a.lower_ in {"together", "along"} for a in c.children)
            for o in c.children if o.dep_ == "pobj" for o in [o, *o.conjuncts]]


def _appositive_mention(ctx: ReportContext, tok: Token, labels: set[str]) -> Mention | None:
    """'The North Korean leader, Kim Jong-un, visited ...': the name in apposition."""
    for child in tok.children:
        if child.dep_ == "appos":
            return _mention(ctx, child, labels)
    return None


def _leads_group(tok: Token) -> bool:
    """'Lavrov led a delegation to Pyongyang', 'headed the mission': the leader travels with it."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in {"lead", "head"} and any(
        c.dep_ == "dobj" and c.lemma_.lower() in GROUP_NOUNS | {"mission"} for c in tok.children)


def _visit(ctx: ReportContext, tok: Token, events: EventIndex) -> None:
    sent = tok.sent
    if tok.pos_ == "NOUN":
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return  # 'wished her a productive trip': whose trip, the pronoun does not say here
        visitors = [m for m in ctx.in_span(tok.left_edge.i, tok.i) if m.label in {"Person", "State"}
                    and ctx.doc[m.end - 1].head.i == tok.i]
        visitors += _child_mentions(ctx, tok, "of", {"Person"}) + _child_mentions(ctx, tok, "by", {"Person"})
        gov = tok.head.head if tok.dep_ == "pobj" else tok.head
        if not visitors and gov.pos_ in {"VERB", "AUX"}:
            visitors = _subjects(ctx, gov, {"Person"})
        dests = _child_mentions(ctx, tok, "to", {"State", "Place"})
        if not dests and gov.pos_ in {"VERB", "AUX"}:
            dests = _child_mentions(ctx, gov, "to", {"State", "Place"})
    else:
        if tok.lemma_ in {"come", "go", "be"} and not any(c.lower_ == "visit" for c in tok.subtree):
            return
        visitors = _subjects(ctx, tok, {"Person"})
        dests = [m for c in tok.children if c.dep_ == "dobj"
                 for m in [_mention(ctx, c, {"State", "Place"})] if m]
        dests += _child_mentions(ctx, tok, "to", {"State", "Place"})
        if tok.lemma_ == "arrive":  # 'Kim arrived in Russia on September 12', 'arrived on the island of X'
            dests += _child_mentions(ctx, tok, "in", {"State", "Place"}) + _named_of(ctx, tok, ("in", "on", "at"))
        if _leads_group(tok):  # 'led a delegation to Pyongyang' (the parser may hang 'to' on either word)
            dests += [m for c in tok.children if c.dep_ == "dobj" for m in _child_mentions(ctx, c, "to", {"State", "Place"})]
    visitors = [v for v in visitors if ctx.label_of(v.node) == "Person"]
    if not visitors:
        _port_visit(ctx, tok, events)
    if not visitors or not dests:
        return
    when = sentence_date(ctx, sent, tok.i)
    if when is None and ctx.published and len(ctx.published) >= 7 and _told_as_news(ctx, tok):
        when = (ctx.published[:7], ctx.published[:7])  # 'Putin pays a state visit to Vietnam': this month's
    phrase = ""
    if tok.pos_ == "NOUN":
        phrase = " ".join(ctx.doc[tok.left_edge.i:tok.right_edge.i + 1].text.split())[:120]
        phrase = re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.I)
    state_visit = any(c.lower_ == "state" and c.dep_ in {"compound", "amod"} for c in tok.children)
    for visitor in visitors[:1]:
        _add_visit(ctx, visitor.node, dests[0], when, sent, tok.i, events, phrase, state_visit)


def _port_visit(ctx: ReportContext, tok: Token, events: EventIndex) -> None:
    """'A detachment of four vessels will pay an official visit to the port of Havana from
    June 12 to 17': a visit by ships is an event held at the port, one per port and month, so
    every report of it meets on one node (the ships' calls are CALLED_AT edges of the frames)."""
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.pos_ == "NOUN" else tok
    subjects = [c for c in gov.children if c.dep_ in {"nsubj", "nsubjpass"}] if gov.pos_ in {"VERB", "AUX"} else []
    ports = [o for t in {tok, gov} for p in t.children if p.dep_ == "prep" and p.lower_ in {"to", "in", "at"}
             for o in p.children if o.dep_ == "pobj"]  # 'a visit to the port of Havana', 'docked in Havana'
    dests = expand(ctx, ports, {"Place"})
    if not dests or not expand(ctx, subjects, {"Vessel"}):
        return
    dest = dests[0]
    when = sentence_date(ctx, tok.sent, tok.i) or ((ctx.published[:7],) * 2 if ctx.published else None)
    if not when:
        return
    b, ev = ctx.builder, ctx.evidence(tok.sent)
    place = b.nodes[dest.node].name
    node_id = f"Event:visit-{slug(place)}-{when[0][:7]}"
    b.add_node(node_id, "Event", f"Naval visit to {place}", kind="visit", start=when[0], end=when[1], evidence=ev)
    b.add_edge(node_id, "HELD_IN", dest.node, evidence=ev)
    events.add(EventRef(node_id, tok.i, "visit", when[0], when[1], {dest.node}))


def _told_as_news(ctx: ReportContext, tok: Token) -> bool:
    """An undated visit the report tells as its news: in the present ('pays a state visit',
    'is visiting'), or in the simple past of its opening sentences ('signed deals ... during a
    state visit'). A perfect ('has visited Vietnam four times'), a negation or a relative clause
    is no news of the day."""
    verb = tok if tok.pos_ == "VERB" else tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "neg" for c in verb.children) or verb.dep_ == "relcl":
        return False  # ('Novak, who is on a working visit to Iran': said of him in passing)
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"has", "have", "had", "will", "would", "may", "might", "could", "should", "to"}:
        return False
    if verb.tag_ in {"VBZ", "VBP"} or verb.tag_ == "VBG" and aux & {"is", "are"}:
        return True
    return verb.tag_ == "VBD" and in_lede(tok.sent)


def _add_visit(ctx: ReportContext, visitor: str, dest: Mention, when: tuple[str, str] | None,
               sent: Span, token: int, events: EventIndex, phrase: str = "",
               state_visit: bool = False) -> None:
    b = ctx.builder
    dest_state = ctx.state_of(dest.node)
    if dest_state is None or dest_state == home_state(ctx, visitor):
        return
    year = when[0][:4] if when else (ctx.published or "")[:4]  # (undated: the visit of the news, to meet its reports)
    node_id = f"Event:visit-{slug(b.nodes[visitor].name)}-{slug(b.nodes[dest_state].name)}-{year}".rstrip("-")
    kind = "state visit" if state_visit else "visit"
    name = f"{b.nodes[visitor].name} {kind} to {b.nodes[dest_state].name}"
    ev = ctx.evidence(sent)
    b.add_node(node_id, "Event", name, kind="visit", aliases=(phrase,) if phrase else (),
               start=when[0] if when else None,
               end=when[1] if when else None, evidence=ev)
    b.add_edge(visitor, "ATTENDED", node_id, evidence=ev)
    b.add_edge(visitor, "VISITED", dest_state, evidence=ev)
    if ctx.label_of(dest.node) == "Place":
        b.add_edge(node_id, "HELD_IN", dest.node, evidence=ev)
    events.add(EventRef(node_id, token, "visit", when[0] if when else None,
                        when[1] if when else None, {visitor, dest_state}))


def home_state(ctx: ReportContext, person: str) -> str | None:
    """The state a person serves: directly, or through an organisation of that state."""
    b = ctx.builder
    if (direct := ctx.role_state(person)) is not None:
        return direct
    for edge in b.edges.values():
        if edge.source == person and edge.type == "HOLDS_ROLE" and b.nodes[edge.target].props.get("country"):
            entry = ctx.gaz.lookup(b.nodes[edge.target].props["country"], "State")
            if entry:
                return b.add_node(entry.key, "State", entry.name, iso=entry.country)
    return None


def main_pair(ctx: ReportContext, least: int = 3) -> list[str]:
    """The two states a report is mostly about (for 'exchanged visits', 'the two countries
    signed'): the two most mentioned, if the second is named at least `least` times."""
    counts = _state_counts(ctx)
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    return ranked[:2] if len(ranked) >= 2 and counts[ranked[1]] >= least else []


def main_state(ctx: ReportContext) -> str | None:
    """The one state a report is about: named at least twice, and more often than any other."""
    counts = _state_counts(ctx)
    ranked = sorted(counts.values(), reverse=True)
    best = max(counts, key=lambda n: (counts[n], n)) if counts else None
    return best if best and ranked[0] >= 2 and (len(ranked) == 1 or ranked[0] > ranked[1]) else None


def _state_counts(ctx: ReportContext) -> dict[str, int]:
    """How often the report names each state."""
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if m.label == "State":
            counts[m.node] = counts.get(m.node, 0) + 1
    return counts


def _exchanged_visits(ctx: ReportContext, sent: Span) -> None:
    """'X and Y exchanged visits', '..., as did Sergey Naryshkin': each went to the other side."""
    if not any(t.lemma_ == "visit" and t.pos_ == "NOUN" and (t.head.lemma_ == "exchange" or any(
            c.lower_ in {"bilateral", "reciprocal", "mutual"} for c in t.children)) for t in sent):
        return
    pair = main_pair(ctx)
    for m in ctx.in_span(sent.start, sent.end, "Person"):
        home = home_state(ctx, m.node)
        if home in pair:
            other = pair[1] if home == pair[0] else pair[0]
            ctx.builder.add_edge(m.node, "VISITED", other, evidence=ctx.evidence(sent))


def _other_event(ctx: ReportContext, tok: Token, kind: str, events: EventIndex) -> None:
    sent = tok.sent
    if kind in _frame_acts():
        return  # ('criticized the closure': the frames make a closure, where it was done; a critic is none of it)
    if kind == "ceremony" and (any(t.lemma_.lower() in {"sign", "signing", "ink"} for t in sent)
                               or any(r.kind == "signing" for r in events.refs)):
        kind = "signing"  # 'the ceremony of signing an agreement', and 'the ceremony' after it; a handover is no signing
    if tok.tag_ == "NNS" and any(c.dep_ == "nummod" or c.lower_ in {"several", "multiple", "many", "numerous"}
                                 for c in tok.children):
        return  # 'two meetings with Pezeshkian': several events, none of them told
    if tok.tag_ == "NNS" and kind in {"incident", "exchange"} and not any(c.lower_ in {"the", "these", "those"}
                                                                       for c in tok.children):
        return  # 'attributing some incidents to Iran', 'collisions between vessels': no one event
    when = sentence_date(ctx, sent, tok.i)
    if when is None and kind in TOLD_BEFORE and sent.start > 0:  # 'It launched an ICBM on Thursday. Kim
        when = sentence_date(ctx, ctx.doc[sent.start - 1].sent)  # guided the test launch': that day
    if when is None and any(c.lower_ in RECURRING for c in tok.children):
        return  # 'invitees to the annual NATO conference': a series of events, none of them told
    span = ctx.doc[tok.left_edge.i:tok.right_edge.i + 1]
    inside = [m for m in ctx.in_span(span.start, span.end) if m.label in ACTORS | {"Place"}]
    given = given_name(ctx, tok)
    named = given is not None or tok.pos_ == "PROPN" and sum(t.is_title or t.is_upper
                                                             for t in ctx.doc[tok.left_edge.i:tok.i + 1]) >= 3
    participants = [m for m in inside if m.label in ACTORS and m.start < tok.i and not named]  # not BRICS of its forum
    participants += _child_mentions(ctx, tok, "between", {"Person"})  # 'talks between Traore and Putin'
    if kind in {"meeting", "talks", "call"}:  # 'speaks at a meeting with Vietnam's Party chief Nguyen Phu Trong'
        participants += _child_mentions(ctx, tok, "with", {"Person"})
    if kind == "exchange":  # 'a prisoner swap with the United States', 'an exchange between Russia and the West'
        participants += _child_mentions(ctx, tok, "with", ACTORS) + _child_mentions(ctx, tok, "between", ACTORS)
    honoree = target = home = None
    struck = _child_mentions(ctx, tok, "on", {"Place"}) if kind == "attack" else []  # 'the strike on Lutsk'
    if kind in {"mutiny", "coup", "attack", "incident"}:  # 'the mutiny by the private military company Wagner'
        against = _child_mentions(ctx, tok, "against", ACTORS)
        participants += _child_mentions(ctx, tok, "by", ACTORS) + against
        people = [m for m in against if m.label == "Person"]
        target = ctx.name_of(people[0].node) if kind == "coup" and people else None  # ('the coup against X')
        home = home_state(ctx, people[0].node) if target else None
    if kind in {"inauguration", "funeral"}:  # 'the inauguration of President-elect Trump'
        honored = _child_mentions(ctx, tok, "of", {"Person"})
        participants += honored
        honoree = ctx.name_of(honored[0].node) if honored else None
    if named:  # its own date only ('the Forum to be held Sept. 18-20'), not the sentence's
        own = [e for e in sent.ents if e.label_ == "DATE" and tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1]
        when = sentence_date(ctx, sent, own[0].start) if own else None
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_ in ATTEND_VERBS):  # 'a ceremony attended by X'
        participants += [m for a in acl.children if a.dep_ == "agent"
                         for m in ctx.in_span(a.i, a.right_edge.i + 1) if m.label in ACTORS
                         and (m.label != "State" or ctx.doc[m.end - 1].dep_ in {"pobj", "conj"})]  # not 'Russian' ambassador
    places = [m for m in inside if m.label == "Place" and m.start > tok.i and (_after_in_or_at(ctx.doc[m.end - 1], tok)
              or ctx.doc[m.start - 1].lower_ in {"off", "near"} and ctx.doc[m.start - 1].head.i == tok.i)]  # ('the
    # incident off X', with X read as the noun's apposition)
    places = places or struck or (_places_after(ctx, tok, "in", "on", "inside", territory=True)
                                  if kind in HOSTILE else [])  # ('attacks in the territory of Iran')
    if home and not places:  # ('the coup against X': in his state, as 'overthrew X')
        places = [Mention(tok.i, tok.i + 1, "State", home, "")]
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    if gov.lower_ == "part" and gov.head.lower_ == "as":  # 'Russia released X as part of a prisoner swap'
        gov = gov.head.head
    if kind in BALLOTS and gov.pos_ in {"VERB", "AUX"} and not_done(gov):
        return  # ('will face serious challenges in the parliamentary elections next summer': not held yet)
    if gov.pos_ in {"VERB", "AUX"} and not not_done(gov) and kind not in BALLOTS:  # ('are expected to pay a
        # courtesy call': not yet; 'congratulated her on her re-election': the candidates are the frames')
        remark = kind in HOSTILE and gov.lemma_.lower() in lexicon()["remark_verbs"]  # ('described the coup as
        participants += [] if remark else _subjects(ctx, gov, ACTORS)  # dangerous'; of a signing, its signer)
        if gov.dep_ in {"advcl", "xcomp"} and gov.tag_ == "VBG":  # 'shook hands with Kim, kicking off a meeting'
            participants += _child_mentions(ctx, gov.head, "with", {"Person"})
        if gov.lemma_ in ATTEND_VERBS:  # 'attended a weapons expo with the North Korean leader, Kim Jong-un'
            participants += _child_mentions(ctx, gov, "with", ACTORS)
            companions = [o for c in gov.children if c.dep_ == "prep" and c.lower_ == "with"
                          for o in c.children if o.dep_ == "pobj"]
            places += [m for o in companions for m in _places_after(ctx, o, "in", "at")]  # '... with X, in Lima'
        v = gov
        while not places and v is not None:  # 'were in Seoul to conduct the dialogue'
            way = [w for c in v.children if c.dep_ == "prep" and c.lower_ == "on"
                   for w in c.children if w.lemma_.lower() == "way"]
            if way:  # 'in Moscow on her way to St. Petersburg to participate in the forum': the way's end
                places = _places_after(ctx, way[0], "to")
                break
            places = _places_after(ctx, v, "in", "at")
            if not places and v.dep_ == "relcl" and any(t.lower_ == "where" and t.dep_ == "advmod" for t in v.subtree):
                places = [m for m in [ctx.at(v.head)] if m is not None and m.label in {"Place", "State"}]
                break  # 'unfolding in Russia, where X seemed to be mounting an armed rebellion'
            v = v.head if v.dep_ in {"xcomp", "advcl"} and v.head.i != v.i else None
    participants = [m for m in {m.node: m for m in participants}.values() if not is_reporter(ctx, m.node)]
    if kind in BALLOTS:  # "Moldova's runoff", 'the Moldovan presidential elections': where it was held; the
        places += [m for m in participants if m.label == "State"]  # candidates are the people who ran
        participants = [m for m in participants if m.label == "Person"]
        main = main_state(ctx) if not places else None
        places += [Mention(tok.i, tok.i + 1, "State", main, "")] if main else []  # ('the country's runoff')
    places.sort(key=lambda m: not _after_in_or_at(ctx.doc[m.end - 1], tok))
    if (not participants and not places and not named and not (kind in BALLOTS and when)) \
            or when is None and kind not in GATHERINGS and not named \
            or kind == "arrival" and not places:  # 'Russia's first armament delivery since February': where?
        return  # ('the first BRICS Women's Forum' is worth a node by its name alone)
    words = [t.text for t in ctx.doc[tok.left_edge.i:tok.i + 1] if (t.pos_ not in {"DET", "PUNCT", "NUM", "SYM", "PRON"}
             or _in_format(t)) and not (t.ent_type_ == "DATE") and not ctx.at(t) and t.tag_ != "POS"]
    words = re.sub(r"\s*\+\s*", "+", " ".join(words)).split()  # '2 + 2' is the '2+2' format
    if tok.pos_ == "PROPN":  # 'the 2nd Foreign and Defense Ministerial Meeting': its own name
        first = next(t.i for t in ctx.doc[tok.left_edge.i:tok.i + 1] if t.pos_ not in {"DET", "PUNCT"})
        words = ctx.doc[first:tok.i + 1].text.split()  # "Women's" stays one word
    if given is not None:  # 'an exercise called "Maritime Security Belt 2024"'
        words = given.split()
    label = re.sub(r"(?:\s*['’]s)+$|^\W+|\W+$", "", " ".join(words)) or tok.text
    who = "-".join(sorted({ctx.name_of(m.node) for m in participants}))
    name = label if len(words) > 2 or kind in {"exchange", "incident", "inauguration", "funeral"} \
        else f"{who} {label}".strip()  # (not its people; an inauguration not its guests)
    if places:
        name += f" {'on' if places[0] in struck else 'in'} {ctx.name_of(places[0].node)}"
    month = when[0][:7] if when else ""
    node_id = f"Event:{kind}-{month}" if kind == "signing" and month else \
        f"Event:{kind}-{slug(who)}-{slug(label)}-{month}".rstrip("-")
    if named:  # 'the first BRICS Women's Forum': one event by its name, whoever reports on it
        node_id = f"Event:{kind}-{slug(label)}-{month[:4]}".rstrip("-")
    people = sorted({ctx.name_of(m.node) for m in participants if ctx.label_of(m.node) == "Person"})
    if kind in {"meeting", "summit", "talks"} and not named and len(people) >= 2 and month:
        node_id = f"Event:meeting-{slug('-'.join(people))}-{month}"  # one id for 'X met Y', 'the X-Y summit', ...
    if kind == "meeting" and label.lower() == "meeting" and len(participants) >= 2:  # one id with 'X met Y'
        names = sorted({ctx.name_of(m.node) for m in participants})
        node_id = f"Event:meeting-{slug('-'.join(names))}-{month}".rstrip("-")
        name = f"{' – '.join(names)} meeting" + (f" in {ctx.name_of(places[0].node)}" if places else "")
    if given is not None:
        name = given
    if honoree is not None and given is None:  # one inauguration per person and year, whoever the guests
        name = f"{label[:1].upper() + label[1:]} of {honoree}" + (f" in {ctx.name_of(places[0].node)}" if places else "")
        node_id = f"Event:{kind}-{slug(honoree)}-{(when[0] if when else ctx.published or '')[:4]}".rstrip("-")
    ev = _record_event(ctx, events, tok, node_id, name, kind, when, participants, places, proper=given is not None,
                       **({"honoree": honoree} if honoree else {}), **({"target": target} if target else {}))
    people = sorted({m.node for m in participants if ctx.label_of(m.node) == "Person"})
    if kind in {"talks", "meeting"} and 2 <= len(people) <= 4:  # the people in talks met one another
        for i, a in enumerate(people):
            for other in people[i + 1:]:
                ctx.builder.add_edge(a, "MET_WITH", other, start=when[0] if when else None, evidence=ev)
    for ref in events.refs:
        if ref.node == node_id and ref.token == tok.i:
            ref.named = named
    if gov.lemma_ == "be":  # 'Kamikawa and Kihara are in the Philippines for the 2+2 meeting'
        for host in _child_mentions(ctx, gov, "in", {"State"}):
            for m in participants:
                if ctx.label_of(m.node) == "Person" and home_state(ctx, m.node) != host.node:
                    ctx.builder.add_edge(m.node, "VISITED", host.node, evidence=ev)


@cache
def _frame_acts() -> frozenset[str]:
    """Kinds of event that only the frame layer makes: acts done to a site or a body (a closure,
    a reopening), told by what they are done to, not by who speaks of them."""
    return frozenset(spec["name"] for spec in lexicon()["act_events"].values()
                     if spec["done_to"] in {"site", "body"}) - HOSTILE


def given_name(ctx: ReportContext, tok: Token) -> str | None:
    """The proper name an event noun is given: 'the drill, named "X"', 'known as X', 'Dubbed
    X, the exercise ...', 'an exercise with Iran and China called X' (however the parser
    hangs the participle), 'drills held under the name X', 'the X exercise'."""
    namers = [c for c in tok.children if c.dep_ == "acl"]
    if tok.dep_ in {"nsubj", "nsubjpass"}:  # 'Dubbed X, the exercise got underway'
        namers += [c for c in tok.head.children if c.dep_ == "advcl" and c.i < tok.i]
    after = tok.right_edge.i + 1
    if after < len(tok.doc) and tok.doc[after].dep_ == "advcl":  # '... exercise with Iran and China called X'
        namers.append(tok.doc[after])
    heads = [o for v in namers if v.lemma_.lower() in NAMING_VERBS and v.tag_ in {"VBN", "VBD"}
             for c in v.children for o in ([c] if c.dep_ in {"oprd", "dobj", "attr"} else
                                           [x for x in c.children if x.dep_ == "pobj"] if c.lower_ == "as" else [])]
    verb = tok.head if tok.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    heads += [a for p in (verb.children if verb is not None else []) if p.dep_ == "prep" and p.lower_ == "under"
              for n in p.children if n.lower_ == "name" for a in n.children if a.dep_ == "appos"]
    before = _name_before(ctx, tok)  # 'the Maritime Security Belt 2024 exercise'
    if before:
        return before
    for head in heads:
        words = [t for t in head.subtree if not t.is_punct or t.text in {"-", "–"} and t.i not in {head.left_edge.i}]
        text = re.sub(r"\s*[-–]\s*(\d{4})$", r" \1", " ".join(t.text for t in words)).strip(" -–")
        taken = ctx.at(head)
        misread = taken is not None and taken.label in {"Person", "Organization"} and taken.node not in ctx.gaz.entries
        if text[:1].isupper() and len(text) > 3 and (taken is None or misread):
            if taken is not None:  # 'Dubbed Northern Shield 2025': the tagger's person (or company) is its name
                ctx.forget(taken)
            return text
    return None


def _name_before(ctx: ReportContext, tok: Token) -> str | None:
    """'the Sea Breeze 2025 exercise': title-case words (and a year) right before an event
    noun, that name nothing else, however the parser hung them."""
    if tok.pos_ != "NOUN":
        return None
    i = tok.i - 1
    while i >= tok.sent.start and ctx.at(tok.doc[i]) is None and (
            tok.doc[i].is_title and tok.doc[i].pos_ == "PROPN" or re.fullmatch(r"(?:19|20)\d\d", tok.doc[i].text)):
        i -= 1
    words = tok.doc[i + 1:tok.i]
    if sum(t.is_title for t in words) >= 2 and (i < tok.sent.start or tok.doc[i].lower_ in {"the", "this", "a", "an"}
                                                or tok.doc[i].tag_ == "POS"):
        return words.text
    return None


def is_reporter(ctx: ReportContext, node: str) -> bool:
    """A news agency ('AFP counted eight planes at a ceremony'): it reports an event, it does
    not attend it."""
    return ctx.builder.nodes[node].props.get("kind") in {"media", "platform"}


def _in_format(t: Token) -> bool:
    """'2+2' (a meeting format): the numbers and the plus stay in the event's name."""
    doc = t.doc
    return t.text == "+" or t.like_num and any(0 <= t.i + d < len(doc) and doc[t.i + d].text == "+" for d in (-1, 1))


def _during(ctx: ReportContext, sent: Span, events: EventIndex) -> None:
    """'During the talks, China and South Korea agreed ...', 'a request made by Traore to Putin
    during the Russia-Africa summit': who acts during an event attended it."""
    kinds = ctx.gaz.triggers["events"]
    for during in (t for t in sent if t.lower_ == "during" and t.dep_ == "prep"):
        obj = next((c for c in during.children if c.dep_ == "pobj"), None)
        word = obj.lower_ if obj is not None and obj.lower_ in kinds else obj.lemma_.lower() if obj is not None else ""
        if word not in kinds:
            continue
        kind = kinds[word]
        talk = {"meeting", "talks", "summit", "conference"}  # 'the talks' of a dialogue, 'the meeting' of a summit
        here = [r for r in events.refs if r.token == obj.i]
        ref = here[0] if here else events.current(sent.start, talk if kind in talk else {kind})
        if ref is None or ref.node not in ctx.builder.nodes:
            continue
        people = _subjects(ctx, during.head, ACTORS)
        if during.i != sent.start:  # '... made by X to Y during the summit': the people of that clause
            inside = {t.i for t in during.subtree}
            people += [m for m in ctx.in_span(during.head.left_edge.i, during.head.right_edge.i + 1, "Person")
                       if m.start not in inside]
        for m in {m.node: m for m in people}.values():
            if not is_reporter(ctx, m.node):
                ctx.builder.add_edge(m.node, "ATTENDED", ref.node, evidence=ctx.evidence(sent))


def _record_event(ctx: ReportContext, events: EventIndex, tok: Token, node_id: str, name: str, kind: str,
                  when: tuple[str, str] | None, people: list[Mention], places: list[Mention],
                  proper: bool = False, **props) -> str:
    """The event node with its dates, who ATTENDED, where it was HELD_IN, and its place in
    the index; returns the evidence (the sentence of `tok`)."""
    ev = ctx.evidence(tok.sent)
    b = ctx.builder
    start, end = when if when else (None, None)
    b.add_node(node_id, "Event", name, kind=kind, start=start, end=end, evidence=ev, proper=proper,
               named=True if proper else None, **props)
    for m in people:
        b.add_edge(m.node, "ATTENDED", node_id, evidence=ev)
    if places:
        b.add_edge(node_id, "HELD_IN", places[0].node, evidence=ev)
    events.add(EventRef(node_id, tok.i, kind, start, end, {m.node for m in people}))
    return ev


def _after_in_or_at(tok: Token, event: Token) -> bool:
    """Is the place introduced by 'in'/'at' on its way up to the event noun ('summit ... in the
    city of Xi'an')? Not when the way passes a relative clause about someone ('the inauguration
    of Trump, who ... in its sphere of influence across the Middle East')."""
    path = []
    for a in tok.ancestors:
        if a.i == event.i:
            break
        path.append(a)
    if any(a.dep_ == "relcl" for a in path):
        return False
    return any(a.dep_ == "prep" and a.lower_ in {"in", "at", "off", "near"} for a in path)


def _meeting(ctx: ReportContext, tok: Token, events: EventIndex) -> None:
    """'Putin and Kim met at the Vostochny Cosmodrome', 'X met with Y': MET_WITH between the
    people, and a meeting event where and when it happened."""
    people = _subjects(ctx, tok, {"Person"}) + _child_mentions(ctx, tok, "with", {"Person"})
    people += [m for c in tok.children if c.dep_ == "dobj" for t in [c, *c.conjuncts]
               for m in [_mention(ctx, t, {"Person"})] if m]
    people = list({m.node: m for m in people}.values())
    if len(people) < 2 or any(c.dep_ == "auxpass" for c in tok.children) or _to_come(tok):
        return  # 'He was met by officials': a welcome, not a meeting of the two; 'is scheduled to meet': not yet
    when = sentence_date(ctx, tok.sent, tok.i)
    places = _places_after(ctx, tok, "at", "in")
    if not places:  # 'met North Korean leader Kim Jong Un in Pyongyang': the place hangs from the name
        places = [p for c in tok.children if c.dep_ == "dobj" for p in _places_after(ctx, c, "in", "at")]
    visit = None if when else _visit_in_sentence(ctx, tok, events, {m.node for m in people})
    if visit is not None:  # 'Kim came to the airport to meet Putin' during 'Putin's visit': part of it
        ev = ctx.evidence(tok.sent)
        for m in people:
            ctx.builder.add_edge(m.node, "ATTENDED", visit.node, evidence=ev)
    else:
        names = sorted(ctx.name_of(m.node) for m in people)
        node_id = f"Event:meeting-{slug('-'.join(names))}-{when[0][:7] if when else ''}".rstrip("-")
        name = f"{' – '.join(names)} meeting" + (f" at {ctx.name_of(places[0].node)}" if places else "")
        ev = _record_event(ctx, events, tok, node_id, name, "meeting", when, people, places)
    nodes = sorted(m.node for m in people)
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            ctx.builder.add_edge(a, "MET_WITH", b, start=when[0] if when else None, evidence=ev)


PLANNING = {"schedule", "expect", "plan", "due", "set", "intend", "hope", "want", "seek", "aim", "go"}


def _to_come(verb: Token) -> bool:
    """'Putin is scheduled to meet ...', 'will meet', 'plans to meet': a meeting not yet held."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "may", "might", "could"} for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLANNING


ARRIVING = {"plane", "aircraft", "flight", "jet", "train", "convoy", "truck", "trucks", "troops", "instructors",
            "trainers", "equipment", "advisers", "advisors", "contingent", "delegation", "unit", "units", "forces",
            "mission", "team", "inspector", "expert", "observer", "monitor"}  # ('the IAEA mission arrived at X')


def _arrival(ctx: ReportContext, tok: Token, events: EventIndex) -> None:
    """'A Russian transport plane arriving at Niamey airport on Wednesday night': an arrival
    of a vehicle, a unit or equipment at a named place, with its date. Who arrives
    undated ('African Corps confirmed it had arrived', 'equipment from the Russian defence
    ministry had arrived') joins the report's one arrival. People's arrivals are visits;
    ships' are port calls (vessels)."""
    subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and tok.dep_ == "acl":
        subject = tok.head  # 'a plane arriving at ...'
    if subject is None:
        return
    inside = ctx.in_span(subject.left_edge.i, subject.right_edge.i + 1)
    if subject.lower_ in {"it", "they"} and tok.dep_ == "ccomp":  # 'X confirmed it had arrived'
        inside = _subjects(ctx, tok.head, {"Organization"})
    elif subject.lemma_.lower() not in ARRIVING:
        inside = [m for m in inside if m.start == subject.i or ctx.doc[m.end - 1].i == subject.i]
    if any(m.label in {"Person", "Vessel"} for m in inside):
        return
    who = [m for m in inside if m.label == "Organization"]
    places = _places_after(ctx, tok, "at", "in")
    when = sentence_date(ctx, tok.sent, tok.i)
    if places and when is not None and (who or subject.lemma_.lower() in ARRIVING):
        place = places[0]
        node_id = f"Event:arrival-{slug(site_key(ctx.name_of(place.node)))}-{when[0][:7]}"  # ('X NPP' is 'X plant')
        _record_event(ctx, events, tok, node_id, f"arrival at {ctx.name_of(place.node)}", "arrival", when, who,
                      [place])
    elif who:
        events.arrivals.append((who, ctx.evidence(tok.sent)))


FOUNDING = {"establish", "found", "inaugurate", "launch", "open", "set"}


def _founding(ctx: ReportContext, tok: Token, events: EventIndex) -> None:
    """'The parties also established the Joint Coordination Center in Istanbul on July 27': the
    founding of an organisation or facility, dated, where it happened and who founded it."""
    if tok.lemma_ == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return
    made = next((m for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for m in [ctx.at(c)]
                 if m and (m.label == "Organization" or m.label == "Place"
                           and ctx.builder.nodes[m.node].props.get("kind") in {"facility", "building"})), None)
    when = sentence_date(ctx, tok.sent, tok.i)
    if made is None or when is None:
        return
    obj = ctx.doc[made.end - 1]  # 'the Center in Istanbul': the place may hang from the name
    places = [p for t in (tok, obj) for p in _places_after(ctx, t, "in", "at") if p.node != made.node]
    founders = [m for m in _subjects(ctx, tok, ACTORS) if m.node != made.node]
    name = f"establishment of the {ctx.name_of(made.node)}"
    node_id = f"Event:establishment-{slug(ctx.name_of(made.node))}"
    _record_event(ctx, events, tok, node_id, name, "establishment", when, founders, places[:1])


def _join_the_arrival(ctx: ReportContext, events: EventIndex) -> None:
    arrivals = {r.node for r in events.refs if r.kind == "arrival" and r.node in ctx.builder.nodes}
    if len(arrivals) != 1:
        return
    node = arrivals.pop()
    for who, ev in events.arrivals:
        for m in who:
            ctx.builder.add_edge(m.node, "ATTENDED", node, evidence=ev)


def _visit_in_sentence(ctx: ReportContext, tok: Token, events: EventIndex, people: set[str]) -> EventRef | None:
    """'To meet Putin upon his arrival', '... to Putin's visit': the sentence speaks of one of these
    people's visit, and the report has one visit by that person to another's home state."""
    sent = tok.sent
    visitors = {m.node for t in sent if t.lemma_.lower() in {"visit", "arrival", "trip"} and t.pos_ == "NOUN"
                for c in t.children if c.dep_ == "poss" for m in [ctx.at(c)] if m and m.node in people}
    if not visitors:
        return None
    homes = {home_state(ctx, p) for p in people} - {None}
    found = {ref.node: ref for ref in events.refs if ref.kind == "visit"
             and ref.participants & visitors and ref.participants & homes}
    return next(iter(found.values())) if len(found) == 1 else None


def _call(ctx: ReportContext, tok: Token, events: EventIndex) -> None:
    """'X spoke by telephone with Y on March 26', 'X held a phone call with Y'."""
    if not any(t.lower_ in {"telephone", "phone", "video"} for t in tok.subtree):
        return
    people = _subjects(ctx, tok, ACTORS) + [m for t in tok.subtree for m in _child_mentions(ctx, t, "with", ACTORS)]
    people = list({m.node: m for m in people}.values())
    if len(people) < 2:
        return
    when = sentence_date(ctx, tok.sent, tok.i)
    names = sorted(ctx.name_of(m.node) for m in people)
    node_id = f"Event:call-{slug('-'.join(names))}-{when[0][:7] if when else ''}".rstrip("-")
    _record_event(ctx, events, tok, node_id, f"{' – '.join(names)} telephone call", "call", when, people, [])


def _attendance(ctx: ReportContext, sent: Span, events: EventIndex) -> None:
    """Delegation lists and 'also attended' attach people to the event in context."""
    lemmas = {t.lemma_.lower() for t in sent}
    grouped = lemmas & GROUP_NOUNS and lemmas & INCLUDE_VERBS
    attend_verbs = [t for t in sent if (t.lemma_ in ATTEND_VERBS and t.pos_ == "VERB"
                    and not any(c.dep_ == "dobj" and ctx.at(c) is None for c in t.children))
                    or t.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in t.children)]
    if not grouped and not attend_verbs:
        return
    event = None
    aside = {t.i for t in sent if t.dep_ == "relcl" for t in t.subtree}  # 'X, who is on a visit to Iran'
    for ref in reversed(events.refs):
        if sent.start <= ref.token < sent.end and ref.token not in aside:
            event = ref
            break
    event = event or events.current(sent.start, {"visit", "summit", "talks", "meeting", "signing"})
    if event is None:
        return
    people = [m for m in ctx.in_span(sent.start, sent.end, "Person")]
    if not grouped:  # 'X also attended', and the passive 'the event was joined by X'
        people = [m for v in attend_verbs for c in v.children if c.dep_ in {"nsubj", "agent"}
                  for m in ctx.in_span(c.left_edge.i, _clause_end(c), "Person")]
    if grouped:
        event.delegation = _delegation_state(ctx, sent)
    elif not any(t.lower_ in {"also", "too"} for v in attend_verbs for t in v.children):
        event.delegation = None
    ev = ctx.evidence(sent)
    props = {"delegation": event.delegation} if event.delegation else {}
    for m in people:
        ctx.builder.add_edge(m.node, "ATTENDED", event.node, evidence=ev, **props)
        event.participants.add(m.node)


def _clause_end(tok: Token) -> int:
    """End of a phrase without its relative clause ('Novak, who is on a visit to Iran')."""
    for t in tok.subtree:
        if t.dep_ == "relcl":
            return t.left_edge.i
    return tok.right_edge.i + 1


def _delegation_state(ctx: ReportContext, sent: Span) -> str | None:
    """Whose delegation: "Moscow's delegation", 'the Russian delegation', 'a delegation from Iran'."""
    for tok in sent:
        if tok.lemma_.lower() not in GROUP_NOUNS:
            continue
        near = [c for c in tok.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
        near += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                 for g in c.children if g.dep_ == "pobj"]
        for t in near:
            m = ctx.at(t)
            if m is not None and m.label == "State":
                return ctx.name_of(m.node)
    return None


LAUNCHING = {"launch", "begin", "start", "conduct", "mount", "initiate", "undertake", "carry", "execute", "kick",
             "announce", "lead", "run"}  # verbs whose doer runs the operation they name


def _operation_name(ctx: ReportContext, tok: Token) -> tuple[str, Token] | None:
    """'Operation Kaveri', '#OperationKaveri': a named operation, an event (the tagger reads it as a
    body or a person); its name and the token it hangs on. Not 'Joint Operation Command'."""
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text == "#" and re.fullmatch(r"Operation[A-Z][a-z]\w*", tok.text):
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", tok.text), tok  # (a hashtag's words)
    if tok.text != "Operation" or tok.i > tok.sent.start and doc[tok.i - 1].is_title \
            and doc[tok.i - 1].pos_ == "PROPN":
        return None
    j = tok.i + 1
    while j < tok.sent.end and j - tok.i <= 3 and doc[j].is_title and doc[j].pos_ == "PROPN" \
            and doc[j].ent_type_ not in {"GPE", "DATE"}:
        j += 1
    words = doc[tok.i + 1:j]
    if not len(words) or any(org_word(ctx, w.text) or w.lower_ in ctx.gaz.title_heads for w in words):
        return None
    return f"Operation {words.text}", words[-1]


def _operations(ctx: ReportContext, events: EventIndex) -> None:
    """A named operation is one event, whoever reports it: who launched or ran it ATTENDED it
    ('India has launched Operation X', 'Operation X - a rescue operation by the navy'), dated by
    its launch, HELD_IN where it runs ('Operation X in Sudan', 'launched X to evacuate
    citizens from Sudan')."""
    for tok in ctx.doc:
        found = _operation_name(ctx, tok)
        if found is None:
            continue
        name, head = found
        for m in {m.node: m for t in ctx.doc[tok.i:head.i + 1] if (m := ctx.at(t)) is not None}.values():
            ctx.forget(m)  # (the tagger's body or person)
        verbs = [head.head] if head.dep_ in {"dobj", "nsubjpass"} else []
        verbs += [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # 'X launched by India'
        verbs = [v for v in verbs if v.lemma_.lower() in LAUNCHING and not not_done(v)]
        apposed = [c for c in head.children if c.dep_ == "appos" and c.lemma_.lower() == "operation"]
        participants = [m for v in verbs for m in _subjects(ctx, v, ACTORS) if v.dep_ != "acl"]
        participants += [m for x in [*verbs, *apposed] for m in _child_mentions(ctx, x, "by", ACTORS)
                         + [m for a in x.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                            for t in [o, *o.conjuncts] for m in [_mention(ctx, t, ACTORS)] if m]]
        where = {"Place", "State"}
        places = _child_mentions(ctx, head, "in", where)
        for x in [*verbs, *apposed] if not places else []:  # the purpose it runs for: 'to evacuate X from Sudan'
            purposes = [c for c in x.children if c.dep_ in {"xcomp", "acl", "advcl"}
                        and any(a.lower_ == "to" for a in c.children)]
            places = [m for c in purposes for p in ("from", "in") for m in _child_mentions(ctx, c, p, where)][:1]
            if places:
                break
        when = sentence_date(ctx, tok.sent, verbs[0].i) if verbs and verbs[0].lemma_.lower() != "lead" else None
        _record_event(ctx, events, head, f"Event:operation-{slug(name)}", name, "operation", when,
                      participants, places, proper=True)


def extract_events(ctx: ReportContext) -> EventIndex:
    events = EventIndex()
    kinds = ctx.gaz.triggers["events"]
    _operations(ctx, events)  # (before 'launched X' reads X as a body founded)
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if lemma in VISIT_NOUNS and tok.pos_ == "NOUN" or lemma == "visit" and tok.pos_ == "VERB":
            _visit(ctx, tok, events)
        elif tok.pos_ == "VERB" and lemma in {"travel", "fly", "arrive"} | {"be", "come", "go"} or _leads_group(tok):
            _visit(ctx, tok, events)
        elif _event_head(tok, lemma, kinds) or _compound_event(tok, lemma, kinds):
            compound = f"{tok.nbor(-1).lower_} {lemma}" if tok.i > 0 else lemma
            kind = kinds.get(compound, kinds.get(lemma))
            if kind == "ceremony":  # 'the inauguration ceremony', 'the swearing-in ceremony': of that kind
                before = ctx.doc[tok.left_edge.i:tok.i].text.lower()
                kind = next((kinds[w] for w in sorted(kinds, key=len, reverse=True) if kinds[w] != "ceremony"
                             and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", before)), kind)
            _other_event(ctx, tok, kind, events)
        elif tok.lower_ == "talks" and tok.pos_ == "NOUN" and any(c.lower_ == "between" for c in tok.children):
            _other_event(ctx, tok, "talks", events)  # 'talks between Traore and Putin in July' (lemma 'talk')
        if tok.pos_ == "VERB" and lemma == "arrive":
            _arrival(ctx, tok, events)
        if tok.pos_ == "VERB" and lemma in FOUNDING:
            _founding(ctx, tok, events)
        if tok.pos_ == "VERB" and lemma in CALL_VERBS:
            _call(ctx, tok, events)
        if tok.pos_ == "VERB" and lemma == "meet" and not any(t.lower_ in {"telephone", "phone"} for t in tok.subtree):
            _meeting(ctx, tok, events)
    _merge_undated_visits(ctx, events)
    _summits_of_visits(ctx, events)
    _same_day_gatherings(ctx, events)
    _join_the_arrival(ctx, events)
    for sent in ctx.doc.sents:
        _attendance(ctx, sent, events)
        _exchanged_visits(ctx, sent)
        _during(ctx, sent, events)
    return events


def settle_visits(ctx: ReportContext, events: EventIndex) -> None:
    """A dated visit is an event (who ATTENDED, where it was HELD_IN), and a VISITED edge
    beside it would say the same twice; a visit told without a date and with nothing else
    attached ('Novak, who is on a working visit to Iran') is only a VISITED edge. Run after
    the agreements, which may be signed at a visit."""
    b = ctx.builder
    for ref in [r for r in events.refs if r.kind == "visit"]:
        if ref.node not in b.nodes:
            continue  # (dropped at an earlier mention of the same visit)
        node = b.nodes[ref.node]
        touching = [e for e in b.edges.values() if ref.node in (e.source, e.target)]
        attendees = {e.source for e in touching if e.type == "ATTENDED"}
        others = [e for e in touching if e.type not in {"ATTENDED", "HELD_IN"}]
        states = {p for p in ref.participants if ctx.label_of(p) == "State"}
        if node.props.get("start"):
            for key, e in list(b.edges.items()):
                if e.type == "VISITED" and e.source in attendees and e.target in states:
                    del b.edges[key]
        elif len(attendees) <= 1 and not others:
            b.drop_node(ref.node)


TOLD_BEFORE = {"test", "explosion"}  # acts a report names, then dates in the sentence before or after


def _compound_event(tok: Token, lemma: str, kinds: dict[str, str]) -> bool:
    """A noun that names an event only with the word before it: 'test launch', 'missile test'
    (a 'launch' or a 'test' alone may be anything)."""
    return tok.pos_ == "NOUN" and tok.i > 0 and lemma not in kinds \
        and f"{tok.nbor(-1).lower_} {lemma}" in kinds and tok.nbor(-1).dep_ == "compound"


def _event_head(tok: Token, lemma: str, kinds: dict[str, str]) -> bool:
    """A noun naming an event: 'summit', 'talks', 'signing ceremony', 'the signing of the RAA',
    or the head of a proper name ('the 2nd Foreign and Defense Ministerial Meeting')."""
    if lemma not in kinds or kinds[lemma] == "visit":
        return False
    if lemma == "week" and tok.pos_ != "PROPN":
        return False  # 'Russian Energy Week' is an event; 'last week' is not
    if tok.pos_ == "PROPN":
        return tok.is_title and tok.i > 0 and (tok.nbor(-1).pos_ == "PROPN" or tok.nbor(-1).tag_ == "POS")  # "Women's Forum"
    if tok.pos_ != "NOUN" or any(a.lemma_.lower() in NAME_HEADS for a in tok.ancestors):
        return False
    if lemma == "signing":  # 'the signing of X' is the event; 'signing ceremony' is led by 'ceremony'
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and tok.dep_ != "compound"
    if kinds[lemma] == "exchange":
        return _exchange_of_people(tok)
    return True


def _exchange_of_people(tok: Token) -> bool:
    """'a prisoner swap', 'the exchange of 26 individuals', 'the exchange' after one: an
    exchange of people is an event; 'in exchange for', 'an exchange of views' are not."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and any(c.lower_ == "for" for c in tok.children):
        return False
    if tok.dep_ == "compound" and tok.head.lemma_.lower() not in {"operation", "deal", "agreement"}:
        return False  # ('prisoner exchange deal' is led by its last noun)
    words = {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
    words |= {o.lemma_.lower() for p in tok.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"}
    if tok.dep_ == "compound":
        words |= {c.lemma_.lower() for c in tok.head.children if c.dep_ in {"compound", "amod"}}
    words |= {t.lemma_.lower() for t in tok.sent}  # 'prisoners were freed in an exchange between X and Y'
    earlier = any(t.lemma_.lower() in TRADED for t in tok.doc[max(0, tok.i - 400):tok.i])
    definite = any(c.lower_ in {"the", "this", "that"} for c in tok.children)
    return bool(words & TRADED) or definite and earlier


def _merge_undated_visits(ctx: ReportContext, events: EventIndex) -> None:
    """'Putin's visit to North Korea' without a date is the dated one, if there is only one;
    likewise an undated 'the ceremony' or 'the summit' is the report's one dated ceremony or summit."""
    nodes = ctx.builder.nodes
    named = {r.node for r in events.refs if r.named}
    for ref in list(events.refs):
        if ref.start or ref.node not in nodes:
            continue
        if ref.kind == "visit":
            dated = sorted(n for n in nodes if n.startswith(ref.node + "-") and n[len(ref.node) + 1:].isdigit())
        else:
            same = {r.node for r in events.refs if r.kind == ref.kind and r.node in nodes}
            dated = sorted(n for n in same if n != ref.node and nodes[n].props.get("start"))
            if not dated:
                undated = sorted(same, key=lambda n: (n not in named, n))  # (the one with a name, if any)
                dated = [undated[0]] if undated[0] != ref.node else []
        if len(dated) == 1 and not (ref.node in named and dated[0] in named):  # (two named forums are two)
            if ref.node in named and ref.kind != "visit":  # the id from its name stays: other reports give it too
                events.fold(ctx, dated[0], ref.node)
            else:
                events.fold(ctx, ref.node, dated[0])


def _during_visit(summit: EventRef, visit: EventRef) -> bool:
    """A summit dated only by the visit's year, or on a day within the visit's dates."""
    if len(summit.start) == 4:
        return visit.start.startswith(summit.start)
    end = visit.end or visit.start
    if end == visit.start and len(end) == 10:  # 'arrived on 12 September': the visit goes on that month
        end = end[:7]
    return visit.start[:len(summit.start)] <= summit.start and summit.start[:len(end)] <= end


def _summits_of_visits(ctx: ReportContext, events: EventIndex) -> None:
    """'Kim visited Russia in September 2023' and 'the Kim-Putin summit last year' (or 'they
    met on 13 September') are one event: a summit or talks between a visitor and people of the
    state visited, dated within the visit (or only by its year), is that visit (if only one
    visit fits and the summit is not held elsewhere)."""
    nodes = ctx.builder.nodes
    visits = [r for r in events.refs if r.kind == "visit" and r.start and r.node in nodes]
    for ref in [r for r in events.refs if r.kind in {"summit", "talks", "meeting"} and r.start]:
        if ref.node not in nodes or ref.named:
            continue
        people = {p for p in ref.participants if ctx.label_of(p) == "Person"}
        held = {e.target for e in ctx.builder.edges.values() if e.source == ref.node and e.type == "HELD_IN"}
        fits = set()
        for visit in visits:
            visitor = next((p for p in visit.participants if ctx.label_of(p) == "Person"), None)
            host = next((p for p in visit.participants if ctx.label_of(p) == "State"), None)
            if visitor not in people or not _during_visit(ref, visit) or len(people) < 2:
                continue
            if all(p == visitor or home_state(ctx, p) == host for p in people) \
                    and all(ctx.state_of(h) == host for h in held):
                fits.add(visit.node)
        if len(fits) == 1:
            visit = fits.pop()
            summit = nodes[ref.node]  # the visit keeps its name and kind; the summit's name is an alias
            summit.aliases.add(summit.name)
            summit.name, summit.props["kind"] = nodes[visit].name, nodes[visit].props.get("kind", "visit")
            events.fold(ctx, ref.node, visit)


def _same_day_gatherings(ctx: ReportContext, events: EventIndex) -> None:
    """'Kim and Putin met for a rare summit on Wednesday' and 'Putin ... kicking off a meeting'
    the same day: meetings, summits and talks on one day that share a person are one event
    (kept under the one with the most people)."""
    nodes = ctx.builder.nodes
    gatherings = [r for r in events.refs if r.kind in {"meeting", "summit", "talks"} and r.start
                  and len(r.start) == 10 and r.node in nodes and not r.named]
    for day in sorted({r.start for r in gatherings}):
        same = [r for r in gatherings if r.start == day and r.node in nodes]
        people = {r.node: {p for p in r.participants if ctx.label_of(p) == "Person"} for r in same}
        keep = max(sorted(people), key=lambda n: len(people[n]), default=None)
        for node in sorted(people):
            if keep is not None and node != keep and node in nodes and people[node] and people[node] <= people[keep]:
                events.fold(ctx, node, keep)

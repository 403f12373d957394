"""Space launches: 'Russia launched Iran's Khayyam satellite from Kazakhstan', 'a Soyuz rocket
launched from Vostochny carrying an Iranian satellite', 'the launch of Pars-I'. Each clause
tells part of one launch; the parts are gathered per report (a payload's name in one
sentence, its site or its day in another) into one Event per payload, held where it lifted
off, that the launching state or body and the payload's state ATTENDED."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.context import ReportContext
from kg.extract.events import EventIndex, EventRef, is_reporter, sentence_date
from kg.extract.frames import Frame, lexicon
from kg.extract.logistics import reporting_date
from kg.extract.normalize import slug


@dataclass
class Launch:
    """What one clause tells of a launch."""

    payload: str | None  # its name ('Pars-I'), when the clause gives one
    owners: list[str] = field(default_factory=list)  # whose payload: 'an Iranian satellite'
    doers: list[str] = field(default_factory=list)  # who launched: 'Russia', 'a Russian Soyuz rocket'
    sites: list[str] = field(default_factory=list)
    when: tuple[str, str] | None = None
    year: str | None = None  # its year, or the report's
    token: int = 0
    evidence: dict | None = None


def launch_told(ctx: ReportContext, frame: Frame, nodes: dict[str, list[str]]) -> Launch | None:
    """The launch a 'launch' frame tells, if what it sends up is a payload (not 'launched an
    attack' or 'launched a probe' of a ministry)."""
    b, lex = ctx.builder, lexicon()
    space, launchers = lex["space_objects"], lex["launchers"]
    if any(c.lower_ == "test" for c in frame.trigger.children) or frame.trigger.lower_.startswith("test"):
        return None  # 'the first test launch of the new ICBM': a weapons test, an event of its own
    clause = [frame.trigger, *(t for slot in ("theme", "agent", "of", "partner") for t in frame.slots.get(slot, []))]
    if frame.trigger.pos_ == "VERB":
        clause += list(frame.trigger.subtree)  # ('a rocket ... carrying an Iranian satellite')
    objects = list(dict.fromkeys(t for t in clause if t.lemma_.lower() in space))
    names = [_name(ctx, t.left_edge.i, t.i + 1) for t in frame.slots.get("of", []) if t.lemma_.lower() not in space]
    names += [_name(ctx, t.left_edge.i, t.i) for t in objects if t.lemma_.lower() not in launchers]
    names = [n for n in names if n]  # ('the launch of Pars-I', 'the Khayyam satellite'; not the 'Soyuz rocket')
    if not objects and not names:
        return None
    states = [(t, m.node) for t in objects for c in t.children if c.dep_ in {"poss", "amod", "compound"}
              for m in [ctx.at(c)] if m is not None and m.label == "State"]
    doers = [n for n in nodes.get("agent", []) if b.nodes[n].label in {"State", "Organization"}]
    return Launch(
        payload=names[0] if names else None,
        owners=[n for t, n in states if t.lemma_.lower() not in launchers],
        doers=doers + [n for t, n in states if t.lemma_.lower() in launchers],
        sites=[n for slot in ("origin", "place") for n in nodes.get(slot, []) if b.nodes[n].label in {"Place", "State"}]
        + [m.node for t in objects for p in t.children if p.dep_ == "prep" and p.lower_ in {"from", "at"}
           for o in p.children if (m := ctx.at(o)) is not None and m.label in {"Place", "State"}],  # ('satellite from X')
        when=sentence_date(ctx, frame.sent, frame.trigger.i, skip=reporting_date),
        token=frame.trigger.i, evidence=ctx.evidence(frame.sent))


def _a_state(ctx: ReportContext, tok: Token) -> bool:
    m = ctx.at(tok)
    return m is not None and m.label in {"State", "Place"}


def _name(ctx: ReportContext, start: int, end: int) -> str | None:
    """The proper name among a payload's words: 'Pars-I' of 'the Pars-I remote sensing
    satellite', 'Khayyam' of "Iran's Khayyam satellite" (no state, demonym or kind word)."""
    doc, words = ctx.doc, []
    for tok in doc[start:end]:
        if words and (tok.text == "-" or doc[tok.i - 1].text == "-" or tok.text[:1].isupper() or tok.like_num):
            words.append(tok)  # ('Pars - I', 'Soyuz-2.1b')
        elif words:
            break
        elif tok.text[:1].isupper() and tok.pos_ in {"PROPN", "PRON", "X", "NOUN", "NUM"} \
                and not _a_state(ctx, tok) and tok.lower_ not in {"the", "a", "an"}:
            words.append(tok)
    text = "".join(t.text + t.whitespace_ for t in words).strip().strip("'\"“”")
    return text if text and text[:1].isupper() else None


def emit_launches(ctx: ReportContext, events: EventIndex, told: list[Launch]) -> None:
    """One event per payload: a clause that names none belongs to the launch of its year
    whose payload's state it shares, else to the report's one named launch."""
    this_year = (ctx.published or "")[:4] or None
    for x in told:  # (an undated clause tells of the launch the report is about, of its year)
        x.year = _year(x) or this_year
    named = [x for x in told if x.payload]
    groups: dict[str, list[Launch]] = {}
    for x in named:
        groups.setdefault(_key(x.payload), []).append(x)
    for x in told:
        if x.payload:
            continue
        fits = [k for k, g in groups.items() if x.year in {y.year for y in g}
                and (not x.owners or not _owners(g) or _owners(g) & set(x.owners))]
        if len(fits) == 1:
            groups[fits[0]].append(x)
        elif not fits and x.owners:
            groups.setdefault(slug(ctx.name_of(x.owners[0]) + f" satellite {x.year or ''}"), []).append(x)
    b = ctx.builder
    for key, group in groups.items():
        payload = next((x.payload for x in group if x.payload), None) or f"{ctx.name_of(group[0].owners[0])} satellite"
        key = key.removesuffix(f"-{group[0].year}") if not group[0].payload else key
        node = f"Event:launch-{key}"
        when = next((x.when for x in group if x.when), None)
        b.add_node(node, "Event", f"launch of {payload}", kind="launch", start=when[0] if when else None,
                   end=when[1] if when else None, evidence=group[0].evidence)
        for x in group:
            for who in dict.fromkeys([*x.doers, *x.owners]):
                if not is_reporter(ctx, who):
                    b.add_edge(who, "ATTENDED", node, evidence=x.evidence)
        site = next((s for x in group for s in x.sites if b.nodes[s].label == "Place"),
                    next((s for x in group for s in x.sites), None))
        if site is not None:
            b.add_edge(node, "HELD_IN", site, evidence=next(x.evidence for x in group if site in x.sites))
        events.add(EventRef(node, group[0].token, "launch", when[0] if when else None, when[1] if when else None,
                            set(_owners(group))))


ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}


def _key(payload: str) -> str:
    """'Pars-I' and 'Pars-1' are one payload: a numeral after the name, Roman or not."""
    key = slug(payload)
    head, _, last = key.rpartition("-")
    return f"{head}-{ROMAN[last]}" if head and last in ROMAN else key


def _year(x: Launch) -> str | None:
    return x.when[0][:4] if x.when else None


def _owners(group: list[Launch]) -> set[str]:
    return {n for x in group for n in x.owners + x.doers}

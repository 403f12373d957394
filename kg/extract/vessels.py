"""Ships: named vessels with their flag and IMO number, who owns them, where they
called, and who sanctioned or seized what.

A vessel is named by a ship word next to a proper name ('cargo ship Rasul
Gamzatov', 'the Navistar dry cargo carrier', 'dry cargo carriers Navistar,
Polarnet and Rojen') or by a hull prefix ('USS Lewis B. Puller', 'MV Razoni').
Once named, every mention of that name in the report is the ship, even where the
tagger took it for a person. 'The vessel' and 'the ship' refer to the last one
named; 'the company' to the last organisation.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext, doc_text, is_headline
from kg.extract.events import sentence_date
from kg.extract.frames import not_done
from kg.extract.normalize import clean_span_text, fold, slug
from kg.models import stable_hash

SHIP_WORDS = {"ship", "vessel", "tanker", "freighter", "carrier", "carriers", "ships", "vessels", "tankers",
              "dhow", "boat", "warship", "destroyer", "frigate", "corvette", "submarine", "ferry", "trawler",
              "bulker", "barge", "icebreaker", "cruiser", "tug", "cutter"}
NAVY_PREFIXES = {"USS": "US", "USNS": "US", "USCGC": "US", "HMS": "GB", "HMAS": "AU", "HMCS": "CA", "HMNZS": "NZ", "RFS": "RU",
                 "ROKS": "KR", "JS": "JP", "FS": "FR", "TCG": "TR", "ITS": "IT", "SPS": "ES", "HNLMS": "NL"}  # a navy's own ships
HULL_PREFIXES = {"USS", "USCGC", "HMS", "MV", "M/V", "MT", "M/T", "SS", "INS", "HMAS", "HMCS", "RFS", "USNS", "FS", "ROKS", "JS"}
CLASS_WORDS = {"class", "type", "series", "project"}  # 'the Talwar class frigates'
CIVIL_PREFIXES = {"MV", "M/V", "MT", "M/T", "SS"}
NAME_TAGS = {"", "PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART"}  # what a tagger makes of a ship's name
FLAGGED = re.compile(r"\b([A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)-(?:flagged|registered)\b")
FLAGGED_UNDER = re.compile(r"\b(?:flagged|registered|sailing)\s+(?:under|in)\s+(?:the\s+)?(?:flag\s+of\s+(?:the\s+)?)?"
                           r"([A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)")
IMO = re.compile(r"\bIMO(?:\s*(?:number|no\.?|#|:))?\s*(\d{7})\b", re.I)
CALL_VERBS = {"leave", "depart", "arrive", "dock", "call", "wait", "moor", "berth", "anchor", "unload", "load", "stay", "locate",
              "spot", "see", "observe", "photograph"}
OWN_VERBS = {"belong", "own", "operate", "manage", "charter"}
SANCTION_VERBS = {"sanction", "blacklist", "designate"}
SEIZE_VERBS = {"seize", "intercept", "board", "capture", "confiscate", "detain", "impound"}
TONNAGE = re.compile(r"\b([A-Z][\w\-]*(?: [A-Z0-9][\w\-]*){0,3})\s*\(\s*[\d,.]+\s*(?:dwt|DWT|gt|GT|grt|GRT|TEU|teu)\s*\)")
_TONS = r"(?:dwt|DWT|gt|GT|grt|GRT|TEU|teu)"
TONNAGE_BEFORE = re.compile(rf"\b[\d,.]+[- ]{_TONS}\s+([A-Z][\w\-]*(?: [A-Z0-9][\w\-]*){{0,3}})")  # 'the 75,200-dwt Yi Peng 3'
BUILT = re.compile(r"\b([A-Z][\w\-]*(?: [A-Z0-9][\w\-]*){0,3})\s*\(\s*built (?:in )?(?:19|20)\d\d\s*\)")  # 'X (built 2001)'
NAME_TOKEN = re.compile(r"^[A-Z][\w'’\-.]*$|^[IVX]+$|^\d+$")


def extract_vessels(ctx: ReportContext) -> None:
    names = _named_vessels(ctx)
    if names:
        _relabel_mentions(ctx, _vessel_nodes(ctx, names))
        for sent in ctx.doc.sents:
            _flags(ctx, sent)
            _imo(ctx, sent)
            _owners(ctx, sent)
            _active_owners(ctx, sent)
            _calls(ctx, sent)
    _seizures(ctx)  # unnamed ships ('a dhow') and sanctions on companies need no named vessel
    _sanctions(ctx)


def _named_vessels(ctx: ReportContext) -> dict[str, Span]:
    """Vessel name -> the sentence that names it as a ship."""
    doc, out = ctx.doc, {}
    for tok in doc:
        if tok.text in HULL_PREFIXES and tok.i + 1 < len(doc) and NAME_TOKEN.match(doc[tok.i + 1].text):
            civil = tok.text in CIVIL_PREFIXES  # 'the MV Rubymar' is the Rubymar (a navy's 'USS' stays in the name)
            out.setdefault(_name_from(doc, tok.i + 1 if civil else tok.i), tok.sent)
        tagged_noun = tok.pos_ in {"NOUN", "PROPN"} or tok.pos_ == "ADJ" and tok.i + 1 < len(doc) \
            and doc[tok.i + 1].pos_ == "PROPN"  # ('the frigate Gorshkov', with 'frigate' tagged an adjective)
        if tok.lower_ not in SHIP_WORDS and tok.lemma_.lower() not in SHIP_WORDS or not tagged_noun \
                or is_headline(tok.sent) or tok.text[:1].isupper() and tok.i > tok.sent.start:
            continue  # (a capitalised ship word is part of a name: 'the Warship Overseeing Team')
        k = tok.i + 1
        if k + 1 < len(doc) and doc[k].text == ",":  # 'a Russian cargo ship, the Port Olya 3,'
            k += 1
            if k + 1 < len(doc) and doc[k].lower_ in {"known", "named", "called"}:
                k += 2 if doc[k + 1].lower_ == "as" else 1
            k += 1 if k < len(doc) and doc[k].lower_ == "the" else 0
            if k < len(doc) and (doc[k].text in {"Port"} | HULL_PREFIXES or not doc[k].ent_type_
                                 or doc[k].ent_type_ in NAME_TAGS | {"NORP"} and doc[k - 1].lower_ == "the"
                                 and ctx.gaz.state_of_demonym(doc[k].text) is None):
                pass  # 'a cargo vessel, the Rubymar,' (a ship's name the tagger took for a person or a company)
            else:
                k = len(doc)
        after = _name_from(doc, k) if k < len(doc) and (k == tok.i + 1 or doc[k - 1].lower_ in {"the", ",", "as", "named", "called"}) else ""
        if after:
            out.setdefault(after, tok.sent)
            for conj in [c for c in doc[tok.i + 1].conjuncts if c.i > tok.i + 1]:  # the names listed after
                name = _name_from(doc, conj.left_edge.i if conj.left_edge.i > tok.i else conj.i)
                if name:
                    out.setdefault(name, tok.sent)
            continue
        for before in _names_before_ship_words(doc, tok.i):
            out.setdefault(before, tok.sent)
        head = tok.head
        if tok.dep_ == "appos" and head.pos_ == "PROPN" and head.ent_type_ in NAME_TAGS and head.i < tok.i:
            first = min([head.i] + [c.i for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
            out.setdefault(doc[first:head.i + 1].text, tok.sent)  # 'The Rubymar, a ship that ...'
    for tok in doc:  # 'Galaxy Leader was illegally boarded', 'X sailed under a Bahamian flag': only ships do that
        flies = tok.lemma_ == "fly" and any(c.dep_ == "dobj" and c.lemma_ == "flag" for c in tok.children)
        subjects = [c for c in tok.children if c.dep_ == "nsubjpass" and tok.lemma_ in {"board", "hijack"}
                    or c.dep_ == "nsubj" and (tok.lemma_ == "sail" and _under_flag(tok) is not None or flies)]
        if flies and not subjects:  # 'The Rubymar, registered to X and flying the Belizean flag, ...'
            clause = tok.head if tok.dep_ == "conj" else tok
            subjects = [clause.head] if clause.dep_ in {"acl", "relcl"} else []
        for subj in subjects:
            if subj.pos_ == "PROPN" and subj.text[:1].isupper() and subj.ent_type_ not in {"GPE", "NORP", "DATE"}:
                first = min([subj.i] + [c.i for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
                out.setdefault(doc[first:subj.i + 1].text, tok.sent)
    for m in INCLUDING.finditer(doc_text(doc)):  # 'American and British vessels, including the Sea Champion and ...'
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or any(x.label in {"State", "Place"} or x.node in ctx.gaz.entries
                               for x in ctx.in_span(span.start, span.end)):
            continue  # ('vessels, including the US Navy's'): no ship's name
        for listed in re.split(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", m.group(1)):
            if listed:
                out.setdefault(listed, span.sent)
    for pattern in (TONNAGE, TONNAGE_BEFORE, BUILT):  # 'the Lycavitos (58,786 dwt)', 'the 75,200-dwt Yi Peng 3'
        for m in pattern.finditer(doc_text(doc)):
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                out.setdefault(m.group(1), span.sent)
    named: dict[str, Span] = {}
    for n, sent in out.items():  # 'the MV Rubymar' is the Rubymar
        bare = n.split(" ", 1)[1] if n.split(" ", 1)[0] in CIVIL_PREFIXES and " " in n else n
        bare = _without_size_class(bare)
        if _plausible(ctx, bare):
            named.setdefault(bare, sent)
    out = named
    for name, sent in _listed_with(ctx, out):
        out.setdefault(name, sent)
    return out


_VNAME = r"[A-Z][\w\-]*(?: [A-Z0-9][\w\-]*)?"
INCLUDING = re.compile(rf"\b(?:ships|vessels|tankers|freighters|carriers|warships),?\s+(?:including|such as|namely)\s+"
                       rf"(?:the\s+)?({_VNAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?{_VNAME})*)")
_ALONG = re.compile(rf",?\s+(?:along|together) with\s+(?:the\s+)?({_VNAME}(?:,\s+(?:and\s+)?(?:the\s+)?{_VNAME})*)")


def _under_flag(verb: Token) -> Token | None:
    """The 'flag' of 'sailed under a Bahamian flag'."""
    return next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"
                 for o in c.children if o.dep_ == "pobj" and o.lower_ == "flag"), None)


def _listed_with(ctx: ReportContext, known: dict[str, Span]) -> list[tuple[str, Span]]:
    """'The Lady R, along with the Angara, Maia-1, and Maria, is one of four cargo ships':
    names listed with a known ship, where the sentence speaks of ships, are ships."""
    out = []
    for sent in ctx.doc.sents:
        if not any(t.lower_ in {"ships", "vessels", "tankers", "carriers", "freighters"} for t in sent):
            continue
        for name in known:
            for m in re.finditer(rf"\b{re.escape(name)}{_ALONG.pattern}", sent.text):
                for listed in re.split(r",\s+(?:and\s+)?(?:the\s+)?", m.group(1)):
                    if _plausible(ctx, listed):
                        out.append((listed, sent))
    return out


def _name_from(doc, i: int) -> str:
    """Proper-name tokens from i on ('Rasul Gamzatov', 'Lewis B. Puller'), or ''."""
    words = []
    j = i
    while j < len(doc) and NAME_TOKEN.match(doc[j].text) and doc[j].pos_ in {"PROPN", "NUM", "NOUN", "X"} \
            and (doc[j].ent_type_ not in {"DATE", "GPE", "NORP"} or doc[j].ent_type_ != "DATE" and j == i
                 and i > 0 and _after_ship_word(doc, i) and not doc[j].ent_id_
                 or doc[j].ent_type_ != "DATE" and j > i):  # 'the ship Aurora', 'Port Olya 3'
        words.append(doc[j].text)
        j += 1
        if len(words) == 4:
            break
    if words and words[0] in HULL_PREFIXES and len(words) == 1:
        return ""
    return " ".join(words)


def _after_ship_word(doc, i: int) -> bool:
    """'the ship Aurora', 'a cargo vessel, the Rubymar': a name right after a ship word."""
    return doc[i - 1].lower_ in SHIP_WORDS or i >= 3 and doc[i - 1].lower_ == "the" and doc[i - 2].text == "," \
        and doc[i - 3].lower_ in SHIP_WORDS


def _names_before_ship_words(doc, i: int) -> list[str]:
    """'the Navistar dry cargo carrier', 'the Shaoxing and Urumqi missile destroyers': names,
    then lowercase ship words, then the ship noun."""
    j = i - 1
    while j >= 0 and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"} and doc[j].lower_ not in SHIP_WORDS:
        if doc[j].lower_ in CLASS_WORDS:
            return []  # 'Talwar class frigates' names a class of ships, not a ship
        j -= 1
    if j < 0 or not (doc[j].pos_ == "PROPN" and NAME_TOKEN.match(doc[j].text)) \
            or j == i - 1 and doc[j].ent_type_ not in NAME_TAGS:  # (not 'the Russian vessel'; 'the Varyag cruiser')
        return []
    names, end = [], j
    while True:
        k = end
        while k - 1 >= 0 and doc[k - 1].pos_ == "PROPN" and NAME_TOKEN.match(doc[k - 1].text):
            k -= 1
        names.insert(0, doc[k:end + 1].text)
        if k >= 2 and doc[k - 1].lower_ in {"and", ","} and doc[k - 2].pos_ == "PROPN" and doc[i].tag_ == "NNS":
            end = k - 2  # a list of names before a plural ship noun
            continue
        return names if k > 0 and doc[k - 1].lower_ in {"the", "a", "an"} else []


SIZE_CLASSES = {"panamax", "neopanamax", "aframax", "suezmax", "vlcc", "ulcc", "handysize", "handymax", "supramax",
                "ultramax", "capesize", "kamsarmax", "q-max", "q-flex", "feeder"}  # a size of ship, not a name


def _without_size_class(name: str) -> str:
    """'the Eagle S Panamax oil tanker': the ship is the Eagle S."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in SIZE_CLASSES:
        words.pop()
    return " ".join(words)


def _plausible(ctx: ReportContext, name: str) -> bool:
    """Not a state, place, organisation or a title: 'the Russian vessel', 'ship Rojen'."""
    if not name or name.lower() in {"the", "a", "an"}:
        return False
    entry = ctx.gaz.lookup(name)
    ship_name = entry is None or entry.label == "Place" and entry.kind == "city"  # ships are often named after towns
    return ship_name and not any(w.lower() in SHIP_WORDS for w in name.split())


def _vessel_nodes(ctx: ReportContext, names: dict[str, Span]) -> dict[str, str]:
    """Name -> node; a name that ends another ship's name is that ship ('the frigate Gorshkov'
    and 'the Admiral Gorshkov', 'Pashin' and 'Akademik Pashin'), when it ends only one."""
    nodes = {}
    for name, sent in sorted(names.items(), key=lambda x: -len(x[0])):
        longer = [n for n in nodes if n.endswith(" " + name) and fold(n) != fold(name)]
        if len({nodes[n] for n in longer}) == 1:
            nodes[name] = nodes[longer[0]]
            acc = ctx.builder.nodes[nodes[name]]
            ctx.builder.add_node(nodes[name], "Vessel", acc.name, aliases=(name,))
        else:
            nodes[name] = _vessel_node(ctx, name, sent)
    return nodes


def _vessel_node(ctx: ReportContext, name: str, sent: Span) -> str:
    return ctx.builder.add_node("Vessel:" + slug(fold(name)), "Vessel", name, evidence=ctx.evidence(sent))


def _relabel_mentions(ctx: ReportContext, vessels: dict[str, str]) -> None:
    """Every mention of a vessel's name is the vessel (NER often reads ship names as people)."""
    b = ctx.builder
    folded = {fold(n): node for n, node in vessels.items()}
    short = {fold(n.rsplit(" ", 1)[0]): node for n, node in vessels.items()  # 'the Yi Peng' of the Yi Peng 3
             if len(n.split()) >= 3 and re.fullmatch(r"\d+|[IVX]+", n.split()[-1])}
    for m in ctx.mentions:
        node = folded.get(fold(m.text)) or folded.get(fold(m.text.split(" ", 1)[-1])) \
            if m.text.split(" ", 1)[0] in CIVIL_PREFIXES else folded.get(fold(m.text))
        if node is None and m.label in {"Person", "Organization"}:
            node = short.get(fold(m.text)) or folded.get(fold(_without_size_class(m.text)))
        if node is None or m.node == node:
            continue
        old = m.node
        m.label, m.node = "Vessel", node
        if old in b.nodes and b.nodes[old].label in {"Person", "Organization", "Place"} and not ctx.mentioned(old):
            b.drop_node(old)
    doc = ctx.doc
    for name, node in vessels.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            inside = ctx.in_span(span.start, span.end)
            if inside and any(m.label in {"State", "Vessel"} or m.end - m.start >= len(span) for m in inside):
                continue
            for m in inside:  # 'Lady' of 'the cargo ship Lady R': the tagger's person is part of the ship's name
                ctx.mentions.remove(m)
                if m.node in b.nodes and b.nodes[m.node].label in {"Person", "Organization", "Place"} \
                        and not ctx.mentioned(m.node):
                    b.drop_node(m.node)
            ctx.add_mention(Mention(span.start, span.end, "Vessel", node, name))


def _flags(ctx: ReportContext, sent: Span) -> None:
    """'the Maltese-flagged ship Rojen', 'a 460-foot Russian vessel' (apposition to a ship)."""
    here = ctx.in_span(sent.start, sent.end, "Vessel")
    if not here and not FLAGGED.search(sent.text):
        return
    ev = ctx.evidence(sent)
    for verb in sent:  # 'Galaxy Leader ... sailed under a Bahamian flag', '... flying the Belizean flag'
        flag = _under_flag(verb) if verb.lemma_ == "sail" else next(
            (c for c in verb.children if c.dep_ == "dobj" and c.lemma_ == "flag"), None) if verb.lemma_ == "fly" else None
        vessel = _subject_vessel(ctx, verb) if flag is not None else None
        state = next((ctx.gaz.state_of_demonym(c.text) for c in flag.children if c.dep_ in {"amod", "compound"}
                      and ctx.gaz.state_of_demonym(c.text)), None) if vessel else None
        if state:
            _set_flag(ctx, vessel, _state_node(ctx, state), ev)
    for m in FLAGGED.finditer(sent.text):
        written = re.sub(r"^(?:A|An|The)\s+", "", m.group(1))  # 'A Belize-flagged bulk tanker'
        state = ctx.gaz.state_of_demonym(written) or ctx.gaz.lookup(written, "State")
        start = sent.start_char + m.end()
        after = [v.node for v in here if ctx.doc[v.start].idx >= start] or _the_ship(ctx, sent, start)
        if state and after:
            _set_flag(ctx, after[0], _state_node(ctx, state), ev)
    for m in FLAGGED_UNDER.finditer(sent.text):  # 'The Eagle S, flagged under the Cook Islands, ...'
        state = ctx.gaz.lookup(m.group(1), "State") or ctx.gaz.state_of_demonym(m.group(1))
        before = [v for v in here if ctx.doc[v.start].idx < sent.start_char + m.start()]
        if state and before:
            _set_flag(ctx, before[-1].node, _state_node(ctx, state), ev)
    for v in here:
        iso = NAVY_PREFIXES.get(ctx.name_of(v.node).split()[0])
        state = ctx.gaz.state_by_iso(iso) if iso else None
        if state:  # 'USS Lewis B. Puller' is a ship of the US Navy
            _set_flag(ctx, v.node, _state_node(ctx, state), ev)
        _flag_of_ship_noun(ctx, v, ev)
        head = ctx.doc[v.end - 1]
        for t in [*head.children, head.head]:
            if t.dep_ == "appos" or head.dep_ == "appos" and t.i == head.head.i:
                if t.lower_ in SHIP_WORDS:
                    for c in t.children:
                        state = ctx.gaz.state_of_demonym(c.text) if c.dep_ in {"amod", "compound"} else None
                        if state:
                            _set_flag(ctx, v.node, _state_node(ctx, state), ev)


def _the_ship(ctx: ReportContext, sent: Span, char: int) -> list[str]:
    """'The 20-year-old, Cook Islands-flagged tanker was ...': 'the tanker' right after is the
    last ship named before (or the one ship the report names)."""
    nxt = ctx.doc.char_span(char, sent.end_char, alignment_mode="expand")
    named = [m for m in ctx.mentions if m.label == "Vessel"]
    earlier = [m.node for m in named if m.start < sent.start]
    ship = earlier[-1] if earlier else named[0].node if len({m.node for m in named}) == 1 else None
    word = next((t for t in nxt if t.pos_ == "NOUN"), None) if nxt is not None else None
    return [ship] if ship and word is not None and word.lower_ in SHIP_WORDS and word.i - nxt.start <= 2 else []


def _flag_of_ship_noun(ctx: ReportContext, v: Mention, ev: str) -> None:
    """'Danish Navy patrol vessel P525 Rota', 'the Russian cargo ship Sparta IV': the one state
    named before the ship noun (or whose navy or coast guard is) flies its flag."""
    doc = ctx.doc
    if v.start < 1 or doc[v.start - 1].lower_ not in SHIP_WORDS:
        return
    ship = doc[v.start - 1]
    first = ship.i
    while first > 0 and doc[first - 1].pos_ in {"PROPN", "NOUN", "ADJ"} and doc[first - 1].ent_type_ != "DATE":
        first -= 1  # the words of the ship's phrase: 'Danish Navy patrol'
    states = set()
    for m in ctx.in_span(first, ship.i):
        if m.label == "State":
            states.add(m.node)
        elif m.label == "Organization" and ctx.builder.nodes.get(m.node) is not None:
            entry = ctx.gaz.lookup(ctx.builder.nodes[m.node].props.get("country") or "", "State")
            if entry:
                states.add(_state_node(ctx, entry))
    if len(states) == 1:
        _set_flag(ctx, v.node, states.pop(), ev)


def _state_node(ctx: ReportContext, state) -> str:
    return ctx.builder.add_node(state.key, "State", state.name, iso=state.country)


def _set_flag(ctx: ReportContext, vessel: str, state: str, ev: str) -> None:
    """FLAGGED_IN, and the flag as a property of the vessel (what a ship table shows)."""
    ctx.builder.add_edge(vessel, "FLAGGED_IN", state, evidence=ev)
    ctx.builder.add_node(vessel, "Vessel", ctx.name_of(vessel), flag=ctx.name_of(state))


def _imo(ctx: ReportContext, sent: Span) -> None:
    here = ctx.in_span(sent.start, sent.end, "Vessel")
    for m in IMO.finditer(sent.text):
        before = [v for v in here if ctx.doc[v.start].idx <= sent.start_char + m.start()]
        if before:
            ctx.builder.add_node(before[-1].node, "Vessel", ctx.name_of(before[-1].node), imo=m.group(1))


def _subject_vessel(ctx: ReportContext, verb: Token) -> str | None:
    """The vessel a clause is about: named, or 'the vessel' / 'the ship' for the last one named."""
    while verb.dep_ in {"conj", "pcomp", "advcl"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head  # 'The ship was spotted at X ... after leaving Y': the ship left
        if verb.pos_ == "ADP":  # 'after' of 'after leaving'
            verb = verb.head
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            m = ctx.at(c) or next((ctx.at(a) for a in c.children if a.dep_ == "appos" and ctx.at(a)), None)
            if m and m.label == "Vessel":  # 'the Panama-flagged tanker Sea Falcon left ...'
                return m.node
            if c.lower_ in SHIP_WORDS and any(d.lower_ in {"the", "this", "that"} for d in c.children):
                own = ctx.in_span(c.left_edge.i, c.i, "Vessel")  # 'the Navistar dry cargo carrier'
                found = own[-1].node if own else salient_vessel(ctx, c.i)
                if found:  # (else the name may be the next subject: 'The ferry | Amanah carried ...')
                    return found
            if c.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                m = ctx.at(verb.head)
                return m.node if m and m.label == "Vessel" else None
            if c.lower_ in {"it", "she"}:  # '... the Lady R loaded containers, and two days later, it arrived ...'
                before = [x for x in ctx.in_span(c.sent.start, c.i) if x.label in ACTOR_LABELS | {"Vessel"}]
                return before[-1].node if before and before[-1].label == "Vessel" else None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # 'The Eagle S, owned by X, was carrying ...'
        m = ctx.at(verb.head)
        return m.node if m and m.label == "Vessel" else None
    return None


ACTOR_LABELS = {"Person", "Organization", "State"}


def salient_vessel(ctx: ReportContext, before: int) -> str | None:
    """'the vessel': the ship of the last sentence that names one, its subject before others
    ('The Eagle S tanker ... is under the supervision of the patrol ship Turva. The vessel
    ...' is the Eagle S), not merely the last ship named."""
    named = [x for x in ctx.mentions if x.label == "Vessel" and x.start < before]
    if not named:
        return None
    last = ctx.doc[named[-1].start].sent.start
    weight: dict[str, float] = {}
    for m in (x for x in named if ctx.doc[x.start].sent.start == last):
        root = ctx.doc[m.start:m.end].root
        while root.dep_ in {"compound", "appos"} and root.head.i != root.i:
            root = root.head  # ('The Eagle S tanker, which ..., is in ...': the tanker is the subject)
        weight[m.node] = max(weight.get(m.node, 0), (2 if root.dep_ in {"nsubj", "nsubjpass"} else 1) + m.start / 1e7)
    return max(weight, key=weight.get)


def _places_of(ctx: ReportContext, tok: Token) -> list[Mention]:
    """Places a ship can call at: not the sea of 'left a Black Sea port'."""
    return [m for m in ctx.in_span(tok.left_edge.i, tok.right_edge.i + 1, "Place")
            if ctx.builder.nodes[m.node].props.get("kind") not in {"sea", "river"}]


def _vessel_clauses(ctx: ReportContext, sent: Span, lemmas: set[str]):
    """(verb, vessel) for each clause of these verbs whose subject is a vessel."""
    for verb in sent:
        if verb.lemma_ in lemmas and (verb.pos_ == "VERB" or verb.lemma_ == "be"):
            vessel = _subject_vessel(ctx, verb)
            if vessel is not None:
                yield verb, vessel


def _calls(ctx: ReportContext, sent: Span) -> None:
    """'X left the port of Y on 8 March and arrived in Z', 'X, waiting in Y's port, departed
    for Z': port calls, and the voyage between them as a sea leg."""
    voyages: dict[str, tuple[list[str], list[str]]] = {}
    for verb, vessel in [*_vessel_clauses(ctx, sent, CALL_VERBS | CARRY_VERBS | {"sail", "head", "be"}),
                         *_carried_by(ctx, sent)]:
        if _planned(verb):
            continue  # 'will be inspected ... before arriving in Karasu': not yet a call
        if verb.lemma_ in CARRY_VERBS:  # 'were evacuated from X by INS Y and brought to Z': it called at both
            stops = [(c.lower_, p) for v in [verb, *verb.conjuncts] for c in v.children
                     if c.dep_ == "prep" and c.lower_ in {"from", "to", "into"} for p in _places_of(ctx, c)[:1]]
            for _, p in stops:
                ctx.builder.add_edge(vessel, "CALLED_AT", p.node, start=_clause_date(ctx, verb), evidence=ctx.evidence(sent))
            origins, ends = voyages.setdefault(vessel, ([], []))
            origins += [p.node for prep, p in stops if prep == "from"]
            ends += [p.node for prep, p in stops if prep != "from"]
            continue
        underway = [c for c in verb.children if c.lower_ in {"underway", "en"}]
        docked = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "in"}
                  and any(ctx.builder.nodes[p.node].props.get("kind") == "port" for p in _places_of(ctx, c))]
        if verb.lemma_ == "be" and not underway and not docked:
            continue  # ('is now at the Hodeidah port anchorage': in port; 'is in the Red Sea': no call)
        places, bound = [], []
        for c in [*verb.children, *(x for u in underway for x in u.children)]:  # 'is underway from X to Y'
            if c.dep_ == "prep" and c.lower_ in {"for", "to"} and verb.lemma_ == "be":
                bound += _places_of(ctx, c)[:1]
            if c.dep_ == "dobj" and verb.lemma_ in {"leave", "unload", "load"}:
                places += _places_of(ctx, c)
            if c.dep_ == "prep" and c.lower_ in {"from", "in", "at", "into"}:
                places += _places_of(ctx, c)[:1]
            if c.dep_ == "prep" and c.lower_ in {"for", "to"} and verb.lemma_ in {"leave", "depart", "sail", "head"}:
                bound += _places_of(ctx, c)[:1]
        when = _clause_date(ctx, verb)
        for p in places:
            ctx.builder.add_edge(vessel, "CALLED_AT", p.node, start=when, evidence=ctx.evidence(sent))
        origins, ends = voyages.setdefault(vessel, ([], []))
        if verb.lemma_ in {"arrive", "dock", "spot", "see", "observe", "photograph", "moor", "berth"}:
            ends += [p.node for p in places]  # where the voyage ended
        else:
            origins += [p.node for p in places if verb.lemma_ != "unload"]
            ends += [p.node for p in bound]
    for origins, ends in voyages.values():
        if origins and ends and origins[0] != ends[0]:
            route = f"route-{stable_hash(ctx.builder.report.id, sent.start_char, length=8)}"
            ctx.builder.add_edge(origins[0], "ROUTE_LEG", ends[0], mode="sea", seq=1, route=route,
                                 evidence=ctx.evidence(sent))


CARRY_VERBS = {"evacuate", "carry", "ferry", "transport", "bring", "take", "rescue", "ship", "move", "repatriate"}


def _carried_by(ctx: ReportContext, sent: Span):
    """(verb, vessel) for each passive clause of carrying whose agent is a vessel ('were evacuated
    from X by INS Y'); a vessel as the subject is _vessel_clauses'."""
    for verb in sent:
        if verb.lemma_.lower() not in CARRY_VERBS or verb.pos_ != "VERB":
            continue
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        found = [m.node for o in agents for m in [ctx.at(o)] if m is not None and m.label == "Vessel"]
        if found:
            yield verb, found[0]


def _planned(verb: Token) -> bool:
    """A verb, or the clause it hangs from, in the future or a modal: 'will arrive', 'could dock'."""
    for v in [verb, *list(verb.ancestors)[:3]]:
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "would", "could", "may", "might", "should", "'ll"}
               for c in v.children):
            return True
    return False


def _clause_date(ctx: ReportContext, verb: Token) -> str | None:
    """The date in this verb's own clause ('left ... on 8 March and arrived ... 6 days later')."""
    for c in verb.children:
        if c.dep_ in {"prep", "npadvmod"}:
            span = ctx.doc[c.left_edge.i:c.right_edge.i + 1]
            dated = [e for e in span.ents if e.label_ == "DATE"]
            if dated:
                when = sentence_date(ctx, verb.sent, dated[0].start)
                return when[0] if when else None
    return None


MANAGED = {"management", "ownership", "control", "operation"}


def _active_owners(ctx: ReportContext, sent: Span) -> None:
    """'Galaxy Maritime, a company that owns the ship', 'X, owner of the car carrier Y'."""
    for tok in sent:
        vessel_tok = None
        if tok.lemma_ == "own" and tok.pos_ == "VERB":
            vessel_tok = next((c for c in tok.children if c.dep_ == "dobj"), None)
            holder = tok.head if tok.dep_ == "relcl" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
        elif tok.lower_ == "owner" and tok.dep_ == "appos":
            vessel_tok = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                               for o in c.children if o.dep_ == "pobj"), None)
            holder = tok.head
        if vessel_tok is None or holder is None:
            continue
        vessel = _target(ctx, vessel_tok)
        if vessel is None or ctx.label_of(vessel) != "Vessel":
            vessel = next((m.node for m in ctx.in_span(vessel_tok.left_edge.i, vessel_tok.right_edge.i + 1, "Vessel")), None)
        owner = ctx.at(holder)
        if owner is None and holder.dep_ == "appos":  # 'Galaxy Maritime, a company ... that owns'
            owner = ctx.at(holder.head)
        if vessel and owner is not None and owner.label == "Organization":
            ctx.builder.add_edge(vessel, "OWNED_BY", owner.node, evidence=ctx.evidence(sent))


def _owners(ctx: ReportContext, sent: Span) -> None:
    """'The vessel belongs to the Russian company MG-Flot', 'owned by X', 'listed under the
    management of China's Ningbo Yipeng' (the owner named there is a company, whatever the
    tagger read in its name)."""
    for verb, vessel in _vessel_clauses(ctx, sent, OWN_VERBS | {"list", "register", "be"}):
        for c in verb.children:
            if c.dep_ not in {"prep", "agent"} or c.lower_ not in {"to", "by", "under"}:
                continue
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if verb.lemma_ not in OWN_VERBS or c.lower_ == "under":
                objs = [x for o in objs if o.lower_ in MANAGED for p in o.children
                        if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
            for obj in objs[:1]:
                orgs = ctx.in_span(obj.left_edge.i, obj.right_edge.i + 1, "Organization")
                owner = orgs[0].node if orgs else _company_named(ctx, obj)
                if owner:
                    ctx.builder.add_edge(vessel, "OWNED_BY", owner, evidence=ctx.evidence(sent))


def _company_named(ctx: ReportContext, obj: Token) -> str | None:
    """The proper name at an owner's place ('Ningbo Yipeng', read as a city and a word) as a company."""
    words = [t for t in obj.subtree if t.dep_ == "compound" and t.head.i == obj.i and t.pos_ == "PROPN"] + [obj]
    if obj.pos_ != "PROPN" or not all(t.text[:1].isupper() for t in words) or len(words) < 2:
        return None
    span = ctx.doc[words[0].i:obj.i + 1]
    inside = ctx.in_span(span.start, span.end)
    if any(m.label != "Place" for m in inside):
        return None
    for m in inside:
        ctx.forget(m)
    name = clean_span_text(span.text)
    node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name, kind="company",
                                evidence=ctx.evidence(obj.sent))
    ctx.add_mention(Mention(span.start, span.end, "Organization", node, name))
    return node


def _last_org_before(ctx: ReportContext, token: int, actor: str | None = None) -> str | None:
    earlier = [m for m in ctx.mentions if m.label == "Organization" and m.start < token and m.node != actor]
    return earlier[-1].node if earlier else None


def _target(ctx: ReportContext, tok: Token, actor: str | None = None) -> str | None:
    """An organisation, vessel or state named at tok, or 'the company' / 'the vessel'."""
    m = ctx.at(tok)
    if m and m.label in {"Organization", "Vessel", "State", "Person"}:
        return m.node
    named = next((x for a in tok.children if a.dep_ == "appos" for x in [ctx.at(a)] if x is not None
                  and x.label in {"Organization", "Vessel", "Person"}), None)
    if named is not None:  # "Tehran's flag carrier Iran Air"
        return named.node
    if tok.lower_ in {"company", "firm", "operator", "owner"}:
        return _last_org_before(ctx, tok.i, actor)
    if tok.lower_ in SHIP_WORDS:
        earlier = [x for x in ctx.mentions if x.label == "Vessel" and x.start < tok.i]
        return earlier[-1].node if earlier else None
    return None


FORCE_WORDS = {"force", "forces", "troop", "troops", "commando", "commandos", "seal", "seals", "marine", "marines",
               "navy", "guard", "guards", "pirate", "pirates", "gunman", "gunmen", "men", "soldier", "soldiers",
               "sailor", "sailors", "police", "officer", "officers", "team", "teams", "personnel", "militant", "militants"}


def _boarded_by_passengers(verb: Token) -> bool:
    """Is 'board' done by people who travel on the ship ('who boarded', 'evacuees boarded')
    rather than by a force? An active subject that is no force says so."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return verb.dep_ != "conj" and not any(c.dep_ in {"nsubjpass", "agent"} for c in verb.children)
    if subj.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
        subj = verb.head
    return subj.lower_ not in FORCE_WORDS and subj.lemma_.lower() not in FORCE_WORDS


def _actor_subject(ctx: ReportContext, verb: Token) -> str | None:
    """The state or organisation that does it: the subject, the subject shared with the verb
    before ('has intercepted and detained the tanker'), or for 'they' the subject of the
    verb that reports it ('Finnish police said they have seized ...')."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.tag_ == "PRP" and verb.dep_ == "ccomp":
                return _actor_subject(ctx, verb.head)
            m = ctx.at(c)
            if m and m.label in {"State", "Organization"}:
                return m.node
            for t in c.subtree:
                m = ctx.at(t)
                if m and m.label in {"State", "Organization"}:
                    return m.node
            return None
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        return _actor_subject(ctx, verb.head)
    return None


def _sanctions(ctx: ReportContext) -> None:
    """'X sanctioned Y', 'X imposed sanctions on Y', 'Y was sanctioned by X'."""
    for verb in ctx.doc:
        if verb.pos_ != "VERB" or _asked_for(verb) or not_done(verb):
            continue  # ('will impose sanctions on X': not imposed yet)
        pairs = []
        if verb.lemma_ in SANCTION_VERBS:
            actor = _actor_subject(ctx, verb)
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                actor = next((m.node for m in ctx.in_span(agent.i, agent.right_edge.i + 1)
                              if m.label in {"State", "Organization"}), actor)
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            pairs = [(actor, o) for o in objs]
        elif verb.lemma_ in {"impose", "slap", "levy"} and any(c.lemma_ == "sanction" for c in verb.children):
            actor = _actor_subject(ctx, verb)
            holders = [verb, *[c for c in verb.children if c.lemma_ == "sanction"]]  # 'sanctions on X'
            pairs = [(actor, o) for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                     for o in c.children if o.dep_ == "pobj"]
        for actor, obj in pairs:
            target = _target(ctx, obj, actor)
            if actor and target and actor != target and ctx.label_of(actor) in {"State", "Organization"}:
                ctx.builder.add_edge(actor, "SANCTIONED", target, evidence=ctx.evidence(verb.sent))


ASKING = {"ask", "request", "seek", "urge", "call", "plan", "want", "threaten", "try", "attempt", "order", "move"}


def _asked_for(verb: Token) -> bool:
    """'asked a Helsinki court to seize the tanker', 'a request to seize': not (yet) done."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.pos_ == "NOUN" or verb.head.lemma_.lower() in ASKING


CARGO_WORDS = {"cargo", "shipment", "consignment", "load", "freight"}


def _carrier_of(ctx: ReportContext, cargo: Token) -> str | None:
    """The ship whose cargo it is: 'the Eagle S's cargo', 'the vessel's cargo', 'its cargo',
    'the cargo of the tanker'."""
    owners = [c for c in cargo.children if c.dep_ == "poss"]
    owners += [o for p in cargo.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for owner in owners:
        m = ctx.at(owner)
        if m is not None and m.label == "Vessel":
            return m.node
        if owner.lower_ in SHIP_WORDS or owner.lower_ in {"its", "her"}:
            return salient_vessel(ctx, owner.i)
    return None


def _seizures(ctx: ReportContext) -> None:
    """'X seized/boarded the vessel Y', 'SEALs boarded a dhow near the coast of Somalia':
    SEIZED {start} and a seizure event where it happened. An unnamed ship ('a dhow') is a
    vessel of this report, named by its kind."""
    b = ctx.builder
    for verb in ctx.doc:
        if verb.lemma_ not in SEIZE_VERBS or verb.pos_ != "VERB" or _asked_for(verb):
            continue
        actor = _actor_subject(ctx, verb)
        if verb.lemma_ == "board" and actor is None and _boarded_by_passengers(verb):
            continue  # 'Indians who boarded INS Sumedha', 'passengers boarded the ferry': a passage, no seizure
        agent = next((c for v in [verb, *verb.conjuncts] for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:  # 'the tanker was seized by Iranian forces', 'was boarded and captured by X'
            actor = next((m.node for m in ctx.in_span(agent.i, agent.right_edge.i + 1)
                          if m.label in {"State", "Organization"}), actor)
        shared = list(verb.head.children) if verb.dep_ == "conj" else []  # '... was boarded and captured'
        later = [c for v in verb.conjuncts if v.i > verb.i for c in v.children if c.dep_ == "dobj"] \
            if not any(c.dep_ == "dobj" for c in verb.children) else []  # 'intercepted and detained the tanker'
        for c in [*verb.children, *(c for c in shared if c.dep_ == "nsubjpass"), *later]:
            if c.dep_ != "dobj" and not (c.dep_ == "nsubjpass" and agent is not None):
                continue
            m = ctx.at(c) or next(iter(ctx.in_span(c.left_edge.i, c.right_edge.i + 1, "Vessel")), None)
            if m is not None and m.label != "Vessel":  # 'LONDON, Nov 20 (Reuters) - X was boarded': the dateline
                m = next((x for a in c.children if a.dep_ == "appos" for x in [ctx.at(a)]
                          if x is not None and x.label == "Vessel"), m)
            vessel = m.node if m and m.label == "Vessel" else None
            cargo = c.lemma_.lower() if c.lemma_.lower() in CARGO_WORDS else None
            if vessel is None and cargo:  # 'seized the vessel's cargo', 'impounded its cargo': the ship's
                vessel = _carrier_of(ctx, c)
            named = {x.node for x in ctx.mentions if x.label == "Vessel"}
            if vessel is None and (c.lower_ in {"ship", "vessel"} or c.lower_ in SHIP_WORDS and any(
                    d.lower_ in {"the", "this"} for d in c.children)) and len(named) == 1 and not any(
                    d.lower_ in {"another", "second", "other"} for d in c.children):
                vessel = next(iter(named))  # 'seizing a cargo ship', 'the tanker': the one ship the report names
            if vessel is None and c.lower_ in SHIP_WORDS and c.lower_ not in {"ships", "vessels", "tankers", "carriers"}:
                vessel = b.add_node(f"Vessel:{b.report.id[:8]}-{slug(c.lower_)}", "Vessel", c.lower_,
                                    evidence=ctx.evidence(verb.sent))
                ctx.add_mention(Mention(c.i, c.i + 1, "Vessel", vessel, c.text))
            if vessel is None:
                continue
            own = _clause_date(ctx, verb)  # 'released video on Monday showing men seizing a ship': not Monday
            when = (own, own) if own else sentence_date(ctx, verb.sent, verb.i) if verb.dep_ == "ROOT" else None
            ev = ctx.evidence(verb.sent)
            if actor:
                b.add_edge(actor, "SEIZED", vessel, start=when[0] if when else None, commodity=cargo, evidence=ev)
            places = [p for x in verb.subtree if x.dep_ == "prep" and x.lower_ in {"in", "off", "near", "at"}
                      for p in ctx.in_span(x.i, x.right_edge.i + 1, "Place")
                      if b.nodes[p.node].props.get("kind") != "facility"]  # (no seizure is held in a cable)
            unnamed = vessel.startswith(f"Vessel:{b.report.id[:8]}")  # 'a dhow': this report's own
            year = when[0][:4] if when else (ctx.published or "")[:4]
            scope = b.report.id[:8] if unnamed else year  # a named ship's seizure is one event in every report
            event = b.add_node(f"Event:seizure-{slug(b.nodes[vessel].name)}-{scope}".rstrip("-"), "Event",
                               f"Seizure of the {b.nodes[vessel].name}", kind="seizure",
                               start=when[0] if when else None, end=when[1] if when else None, evidence=ev)
            if places:
                b.add_edge(event, "HELD_IN", places[-1].node, evidence=ev)
            if actor:
                b.add_edge(actor, "ATTENDED", event, evidence=ev)

"""Typed mentions of people, states, organisations and places, and their nodes.

spaCy's NER and the gazetteer ruler propose spans; this module decides what each
one is (a capital can be a city or its government), fixes common NER slips
('Primorsky Krai' as a person, 'Vostochnyport'), resolves short names to the
full name used elsewhere in the report, and creates the nodes.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.context import Mention, ReportContext, is_headline
from kg.extract.gazetteer import Entry
from kg.extract.normalize import clean_span_text, fold, slug
from kg.extract.roles import title_words

ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
PLACE_PREPS = {"in", "to", "at", "from", "near", "into", "via", "through", "outside", "inside",
               "across", "toward", "towards", "around"}
ACTOR_PREPS = {"between", "with", "against", "by", "for", "along", "alongside"}
# verbs whose object or 'to' phrase is a place, not a government
PLACE_VERBS = {"visit", "reach", "leave", "enter", "tour", "attack", "strike", "bomb", "shell", "hit",
               "capture", "occupy", "besiege", "encircle", "liberate", "evacuate", "surround", "depart",
               "flee", "cross", "pass", "approach", "land", "inspect", "bypass", "circle",
               "go", "come", "fly", "travel", "return", "arrive", "move", "be", "sail", "head",
               "drive", "relocate", "turn", "bring", "take", "send", "deliver", "ship", "transport"}
GOING_NOUNS = {"visit", "trip", "travel", "journey", "flight", "voyage", "return", "arrival", "route",
               "road", "railway", "rail", "line", "corridor", "highway", "pipeline", "way"}
GENERIC_WORDS = {"west", "east", "north", "south", "state", "states", "government", "treaty",
                 "agreement", "article", "president", "minister", "ministry", "the west"}
LEGAL_SUFFIXES = {"LLC", "Ltd", "Ltd.", "Inc", "Inc.", "JSC", "PJSC", "OJSC", "CJSC", "Co", "Co.", "GmbH", "Corp",
                  "Corp.", "PLC", "plc", "SA", "AG", "LLP"}
BODY_NOUNS = {"panel", "committee", "commission", "tribunal", "secretariat"}
CONNECTORS = {"of", "the", "and", "for", "on", "in", "to", "&"}  # small words inside names
PERSON_TITLES_KEPT = {"jr", "jr.", "sr", "sr."}
EVENT_HEADS = {"meeting", "summit", "forum", "conference", "talks", "dialogue", "ceremony", "exercise", "exercises"}
NAME_LIST = re.compile(r"^[A-Z][\w'’\-]*(?:, [A-Z][\w'’\-]*)+,? (?:and|or) [A-Z][\w'’\-]*$")  # 'Navistar, Polarnet and Rojen'
PERSON_NAME = re.compile(r"^[A-Z][\w'’\-.]*( [A-Z][\w'’\-.]*){0,4}$")


def person_id(name: str) -> str:
    return "Person:" + fold(name).replace(" ", "-")


def node_for_entry(ctx: ReportContext, entry: Entry, sent: Span, alias: str | None = None) -> str:
    props = {}
    if entry.label == "Place":
        props["kind"] = entry.kind
        state = ctx.gaz.state_by_iso(entry.country) if entry.country else None
        if state:
            props["country"] = state.name
    elif entry.label == "State":
        props["iso"] = entry.country
    elif entry.label == "Organization":
        props["kind"] = entry.kind or None
        state = ctx.gaz.state_by_iso(entry.country) if entry.country else None
        props["country"] = state.name if state else None
    aliases = (alias,) if alias and alias != entry.name else ()
    aliases += tuple(entry.aliases)  # curated names; geonames' many spellings stay in the gazetteer
    return ctx.builder.add_node(entry.key, entry.label, entry.name, aliases=aliases,
                                evidence=ctx.evidence(sent), **props)


def _place_kind(ctx: ReportContext, text: str) -> str | None:
    words = text.split()
    for kind, heads in ctx.gaz.place_words.items():
        for head in heads:
            if text.endswith(" " + head) or (len(words) > 1 and words[-1] == head):
                return kind
    return None


def _is_actor(span: Span) -> bool:
    """A capital used for its government: 'Moscow's delegation', 'Pyongyang is eager',
    'to strengthen Pyongyang as an ally', 'assistance to Pyongyang'. It stays the city
    after a place preposition or a verb of going ('a visit to Pyongyang', 'in Seoul')."""
    root = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS":
        return True
    if root.dep_ in ACTOR_DEPS:
        return True
    if root.dep_ == "conj":
        first = root.head
        while first.dep_ == "conj":
            first = first.head
        return first.ent_type_ == "GPE" and _is_actor(span.doc[first.i:first.i + 1])
    if root.dep_ == "dobj":  # 'visited Pyongyang' is the city; 'strengthen Pyongyang', 'leave Moscow to act' the state
        verb = root.head
        return verb.lemma_.lower() not in PLACE_VERBS or any(c.dep_ == "xcomp" for c in verb.children)
    if root.dep_ != "pobj" or root.head.pos_ != "ADP":
        return False
    prep = root.head
    if prep.lower_ in ACTOR_PREPS:
        return True
    if prep.lower_ == "of" and prep.head.lower_ in {"city", "capital", "town", "port"}:
        return False  # 'in the city of Baku'
    if prep.lower_ == "to":  # 'a visit to Pyongyang', but 'assistance to Pyongyang', 'compared to Moscow'
        return prep.head.lemma_.lower() not in PLACE_VERBS | GOING_NOUNS
    return prep.lower_ not in PLACE_PREPS


def _mention_for_ent(ctx: ReportContext, ent: Span) -> Mention | None:
    text = clean_span_text(ent.text)
    if not text or not re.search(r"[A-Za-z]", text) or text.lower() in GENERIC_WORDS or NAME_LIST.match(text):
        return None
    if re.fullmatch(r"MoUs?|MOUs?", text):
        return None  # a memorandum of understanding, not an organisation
    if text == "IMO" and re.match(r"\s*(?:number|no\.?|#|:)?\s*\d{7}\b", ent.doc.text[ent.end_char:], re.I):
        return None  # 'IMO: 9161003' is a ship's number, not the organisation
    start, end = ent.start, ent.end
    if ent[0].lower_ in {"the", "a", "an"}:
        start += 1
    if ent.label_ == "ORG":
        verb = next((t.i for t in ent.doc[start + 1:end] if t.tag_ in {"VBZ", "VBD", "VBP"}
                     or t.lower_ in _verb_forms(ctx)), None)
        if verb is not None:  # 'Coast Guard Seizes Shipment of ...': a headline's verb ends the name
            end = verb
        while end - start > 1 and ent.doc[end - 1].lower_ in {"resolution", "resolutions"}:
            end -= 1  # 'U.N. Security Council Resolution 2216': the council, and the resolution apart
            if not ent.ent_id_ and ctx.gaz.lookup(ent.doc[start:end].text, "Organization") is None:
                return None  # 'U.N Security Resolution 2216': a resolution, no organisation
        if (start, end) != (ent.start, ent.end):
            text = clean_span_text(ent.doc[start:end].text)
    heads = {h.lower() for h in ctx.gaz.titles["heads"]}
    while ent.label_ == "ORG" and end - start > 2 and ent.doc[start].lower_ in heads and ent.doc[start + 1].is_title:
        start += 1  # 'Secretary Ministry of National Food Security': the title, then the ministry
        text = clean_span_text(ent.doc[start:end].text)
    if not text.strip():
        return None
    if ent.label_ == "ORG" and text.split()[-1].lower() in {"cutter", "ship", "vessel", "tanker", "frigate", "destroyer"}:
        return None  # 'the Coast Guard Cutter's crew': a ship, named elsewhere
    if ent.label_ == "ORG" and end - start > 1 and ent.doc[start].tag_ in {"VBN", "VBD", "VBG"}:
        start += 1  # 'Rebranded African Corps and reorganised ...': the verb opens the sentence
        text = clean_span_text(ent.doc[start:end].text)
    while ent.label_ == "ORG" and end < len(ent.doc) and not ent.doc[end].ent_type_ \
            and (ent.doc[end].pos_ == "PROPN" or any(ch.isupper() for ch in ent.doc[end].text[1:])) \
            and ent.doc[end].text[:1].isupper() and ent.doc[end].dep_ != "appos" \
            and ent.doc[end].lower_ not in title_words(ctx) | {"resolution", "resolutions"}:
        end += 1  # 'Navy SEALs': the tagger stopped one word short
        text = clean_span_text(ent.doc[start:end].text)
    if not text.strip():
        return None
    body = ent.label_ == "ORG" and end < len(ent.doc) and ent.doc[end].lower_ in BODY_NOUNS and ent.doc[end].pos_ == "NOUN"
    if body:
        end += 1  # 'the United Nations panel of experts': a body of the organisation, not the organisation
        if end + 1 < len(ent.doc) and ent.doc[end].lower_ == "of" and ent.doc[end + 1].lower_ in {"experts", "inquiry"}:
            end += 2
        text = clean_span_text(ent.doc[start:end].text)
    if ent.label_ == "ORG" and text in LEGAL_SUFFIXES and start > 0 and ent.doc[start - 1].text[:1].isupper():
        start -= 1  # 'TransMorFlot LLC': the tagger kept only the suffix
        text = ent.doc[start:end].text
    if ent.ent_id_.startswith("demonym|"):
        entry = ctx.gaz.entries[ent.ent_id_.split("|", 1)[1]]
        node = node_for_entry(ctx, entry, ent.sent)
        return Mention(start, end, "State", node, text, via="demonym")
    entry = ctx.gaz.entries.get(ent.ent_id_) if ent.ent_id_ and not body else None
    if entry is None:
        entry = _lookup(ctx, ent, text)
    if entry is not None:
        return _mention_for_entry(ctx, ent, entry, text, start, end)
    return _unknown_entity(ctx, ent, text, start, end)


_VERB_FORMS: dict[int, frozenset[str]] = {}


def _org_word(ctx: ReportContext, word: str) -> bool:
    """'Organizations', 'Technologies', 'Ministry': a word that ends an organisation's name."""
    heads = {h.lower() for h in ctx.gaz.org_heads}
    w = word.lower()
    return w in heads or w.endswith("s") and (w[:-1] in heads or w.endswith("ies") and w[:-3] + "y" in heads)


def _verb_forms(ctx: ReportContext) -> frozenset[str]:
    """'Seizes', 'Signs', 'Ships': trigger verbs in the forms a title-case headline uses,
    which the tagger reads as names."""
    forms = _VERB_FORMS.get(id(ctx.gaz))
    if forms is None:
        lemmas = {w for words in ctx.gaz.triggers["verbs"].values() for w in words if " " not in w}
        forms = _VERB_FORMS[id(ctx.gaz)] = frozenset(
            f"{w}{end}" for w in lemmas for end in ("s", "es", "d", "ed") if not w.endswith("e") or end != "es")
    return forms


def _lookup(ctx: ReportContext, ent: Span, text: str) -> Entry | None:
    if ent.label_ in {"DATE", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME",
                      "LAW", "WORK_OF_ART", "LANGUAGE", "EVENT", "PRODUCT", "NORP"}:
        return None  # (a people the ruler does not know, 'Hui', 'Sunni', names no place)
    entry = ctx.gaz.lookup(text)
    if entry is None and re.fullmatch(r"[A-Z][a-z]+port", text):  # 'Vostochnyport'
        entry = ctx.gaz.lookup(text[:-4], "Place")
    if entry is None and ent.label_ == "PERSON":
        return None
    if entry is None and ent.label_ == "ORG":
        entry = _by_acronym(ctx, ent.doc, ent.end, text)
    return entry




def _by_acronym(ctx: ReportContext, doc, end: int, text: str) -> Entry | None:
    """'Korean Central New Agency (KCNA)': a known organisation, misspelt; its acronym
    in brackets and the initials of the name agree, so the name is read as the known one."""
    if not (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"):
        return None
    acronym = doc[end + 1].text
    initials = "".join(w[0] for w in text.split() if w.lower() not in CONNECTORS)
    if not re.fullmatch(r"[A-Z]{2,8}", acronym) or initials.upper() != acronym:
        return None
    entry = ctx.gaz.lookup(acronym, "Organization")
    return entry if entry is not None and entry.label == "Organization" else None


def _mention_for_entry(ctx: ReportContext, ent: Span, entry: Entry, text: str,
                       start: int, end: int) -> Mention:
    sent = ent.sent
    if entry.label == "State" and fold(text) in {fold(m) for m in entry.metonyms}:
        if not _is_actor(ent) and entry.capital and fold(entry.capital) == fold(text):
            city = ctx.gaz.lookup(text, "Place")
            if city:
                return Mention(start, end, "Place", node_for_entry(ctx, city, sent), text)
        return Mention(start, end, "State", node_for_entry(ctx, entry, sent, alias=text), text,
                       via="metonym")
    if entry.label == "Place" and entry.kind == "city":
        state = ctx.gaz.metonym_state(text)
        if state and _is_actor(ent):
            return Mention(start, end, "State", node_for_entry(ctx, state, sent, alias=text),
                           text, via="metonym")
    return Mention(start, end, entry.label, node_for_entry(ctx, entry, sent, alias=text), text)


def _unknown_entity(ctx: ReportContext, ent: Span, text: str, start: int, end: int) -> Mention | None:
    sent, b = ent.sent, ctx.builder
    kind = _place_kind(ctx, text)
    if ent.label_ == "PERSON" and kind is None and len(text.split()) > 1 and _org_word(ctx, text.split()[-1]):
        node = b.add_node("Organization:" + slug(text), "Organization", text, evidence=ctx.evidence(sent))
        return Mention(start, end, "Organization", node, text)  # 'the UK Maritime Trade Organizations said'
    if ent.label_ == "PERSON" and (ent.text.endswith("-") or end < len(ent.doc) and ent.doc[end].text == "-"
                                   and not ent.doc[end - 1].whitespace_):
        return None  # 'Russo' of 'Russo-Iranian'
    if ent.label_ in {"PERSON"} and kind is None:
        if not PERSON_NAME.match(text) or len(text) < 3 or re.search(r"\bNo\.?$|\d", text):  # 'Pier No. 2', 'L-39'
            return None
        if end - start == 1 and ent.doc[start].tag_ in {"NN", "NNS"}:  # 'Photographs of the equipment ...'
            return None
        doc, words = ent.doc, title_words(ctx)
        if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
                and doc[start - 1].lower_ not in words | ctx.gaz.place_heads and doc[start - 1].dep_ == "compound":
            start -= 1  # 'Gilberto' of 'Gilberto Teodoro Jr.' (the tagger kept only the last two)
        cut = [i for i in range(start, end - 2) if doc[i].lower_ in ctx.gaz.place_heads]
        if cut:  # 'Primorsky Territory Oleg Kozhemyako': the governor, not his territory
            start = cut[-1] + 1
        while end - start > 1 and doc[start].lower_ in words and doc[start].lower_ not in PERSON_TITLES_KEPT:
            start += 1  # 'Agriculture Zhang Wei' of 'Minister of Agriculture Zhang Wei'
        if end - start > 1 and doc[start].is_sent_start and doc[start].tag_ in {"VBG", "VBN", "VBD"}:
            start += 1  # 'Welcoming Pezeshkian as they sat down': the verb opens the sentence
        text = clean_span_text(doc[start:end].text)
        return Mention(start, end, "Person", "", text)  # node created after coreference
    if ent.label_ in {"GPE", "LOC", "FAC"} or (kind and ent.label_ == "PERSON"):
        if "." in text or "/" in text:
            return None
        if kind is None and ent.label_ == "GPE" and text[:1].isupper() and len(text.split()) <= 3 \
                and text not in _person_words(ctx):
            kind = "city"
        if kind is None:
            return None
        node = b.add_node("Place:" + slug(fold(text)), "Place", text, kind=kind,
                          evidence=ctx.evidence(sent))
        return Mention(start, end, "Place", node, text)
    if ent.label_ == "ORG" and kind == "building" and (text.endswith("Guest House") or not text.endswith("House")):
        # 'Kumsusan State Guest House' is a building; 'the White House' is an office of government
        node = b.add_node("Place:" + slug(fold(text)), "Place", text, kind=kind, evidence=ctx.evidence(sent))
        return Mention(start, end, "Place", node, text)
    if ent.label_ == "ORG":
        if "." in text.strip(".") and " " not in text or _names_a_document(ctx, text):
            return None
        last = ent.doc[end - 1]
        if re.search(r"(?:al|ic|ive|ary|ous)$", last.text) and last.dep_ in {"compound", "amod"} \
                and last.head.i == end and last.head.is_lower:  # 'International law': an adjective, not a name
            end -= 1
            text = clean_span_text(re.sub(r"\s+(?:and|or|of)$", "", ent.doc[start:end].text))
        if not text or text.islower():  # 'the navy said': whose navy, the text does not say here
            return None
        if re.search(r"\b(Treaty|Agreement|Memorandum|Declaration|Accord|Convention|Resolution)\b", text):
            return None
        if text.split()[-1].lower() in EVENT_HEADS:  # 'Foreign and Defense Ministerial Meeting' is an event
            return None
        if all(w.lower() in title_words(ctx) for w in text.split()) and end < len(ent.doc) \
                and ent.doc[end].text[:1].isupper():  # 'Defense' of 'Defense Minister X' ('The Diplomat' is a name)
            return None
        state = _state_in_name(ctx, text)
        name, aliases = text, ()
        if state is None:
            state = _possessor_state(ctx, ent)
            if state is not None and _government_body(text):
                name, aliases = body_name(state, text), (text,)
        props = {"country": state.name} if state else {}
        node = b.add_node("Organization:" + slug(name), "Organization", name, aliases=aliases,
                          evidence=ctx.evidence(sent), **props)
        return Mention(start, end, "Organization", node, text)
    return None


DOCUMENT_WORDS = r"(?:Treaty|Agreement|Accord|Pact|Convention|Memorandum(?: of Understanding)?|Declaration|Protocol|Charter|Initiative|Deal)"


def _names_a_document(ctx: ReportContext, text: str) -> bool:
    """'RAA' after 'the Reciprocal Access Agreement (RAA)' is the agreement, and 'CRBM' after
    'close-range ballistic missiles (CRBM)' a thing, not an organisation."""
    if re.fullmatch(r"[A-Z]{2,8}s?", text) is None:
        return False
    bare = re.escape(text.rstrip("s"))
    return re.search(rf"\b{DOCUMENT_WORDS}\s*\({bare}s?\)", ctx.doc.text) is not None or \
        re.search(rf"\b[a-z][a-z\-]+\s+\({bare}s?\)", ctx.doc.text) is not None


BODY_HEADS = {"ministry", "department", "army", "navy", "forces", "force", "guard", "parliament", "staff", "office",
              "service", "services", "police", "military", "government", "cabinet", "embassy", "council"}


def _government_body(name: str) -> bool:
    """'Defence Ministry', 'Ministry of National Defense', 'Navy': a body every state has, so
    its name alone does not say which."""
    words = name.lower().split()
    return bool(words) and (words[0] in BODY_HEADS or words[-1] in BODY_HEADS or name.lower() in BODY_NAMES)


BODY_NAMES = {"mfa": "Foreign Ministry", "ministry of foreign affairs": "Foreign Ministry",
              "foreign ministry": "Foreign Ministry", "foreign affairs ministry": "Foreign Ministry",
              "mod": "Defence Ministry", "ministry of defence": "Defence Ministry", "ministry of defense": "Defence Ministry",
              "defense ministry": "Defence Ministry", "defence ministry": "Defence Ministry"}


def body_name(state: Entry, body: str, written: str = "") -> str:
    """One name for a state's body however the report wrote whose it is ("Russia's Defence
    Ministry", 'the Russian Defence Ministry' -> 'Russian Defence Ministry'); a state known by
    its initials keeps them ('U.S. Navy' -> 'US Navy')."""
    body = BODY_NAMES.get(body.lower(), body)  # 'Russian MFA' = 'Russia's Ministry of Foreign Affairs'
    if re.fullmatch(r"(?:[A-Z]\.?){2,3}", written):
        return f"{written.replace('.', '')} {body}"
    owner = state.demonyms[0] if state.demonyms else state.name
    return f"{owner} {body}"


def _state_in_name(ctx: ReportContext, text: str) -> Entry | None:
    """The state an organisation's name places it in: 'Russian Railways', "Russia's SVR"."""
    words = re.split(r"[\s’']+", text)
    for n in (2, 1):
        head = " ".join(words[:n])
        entry = ctx.gaz.state_of_demonym(head) or ctx.gaz.lookup(head, "State")
        if entry is not None and len(words) > n:
            return entry
    return None


def _possessor_state(ctx: ReportContext, ent: Span) -> Entry | None:
    """"Russia's Foreign Intelligence Service", 'the Russian Foreign Ministry' (demonym outside the span)."""
    doc, i = ent.doc, ent.start
    if i >= 2 and doc[i - 1].tag_ == "POS":
        owner = ctx.gaz.entries.get(doc[i - 2].ent_id_)  # "South Korea's": the ruler's state, however many words
        if owner is not None and owner.label == "State":
            return owner
        return ctx.gaz.lookup(doc[i - 2].text, "State") or ctx.gaz.metonym_state(doc[i - 2].text)
    if i >= 1 and doc[i - 1].ent_type_ == "NORP":
        return ctx.gaz.state_of_demonym(doc[i - 1].text)
    return None


def _person_words(ctx: ReportContext) -> set[str]:
    """Every word of every person's name in the report ('Sharma adds' is not a city)."""
    return {t.text for e in ctx.doc.ents if e.label_ == "PERSON" for t in e}


def _short_names(ctx: ReportContext, people: list[Mention]) -> None:
    """'Kamikawa, for her part, said ...' where the tagger saw no name: a surname (or the
    family name first, 'Kihara') of one person named in full elsewhere in the report."""
    parts: dict[str, set[str]] = {}
    full: dict[str, str] = {}
    for m in people:
        words = m.text.split()
        if len(words) >= 2:
            full[m.text] = m.node
            for w in (words[0], words[-1]):
                if len(w) > 2 and w[:1].isupper():
                    parts.setdefault(w, set()).add(m.node)
    titles = title_words(ctx)
    added, skip = False, -1
    for m in [m for m in ctx.mentions if m.label == "Organization" and m.end - m.start == 1]:
        nodes = parts.get(m.text)  # "Trump's inauguration": the tagger's organisation is the person
        if nodes and len(nodes) == 1 and m.node not in ctx.gaz.entries and ctx.gaz.lookup(m.text) is None:
            old, m.label, m.node, m.via = m.node, "Person", next(iter(nodes)), "short name"
            if old in ctx.builder.nodes and not ctx.mentioned(old):
                ctx.builder.drop_node(old)
            added = True
    for tok in ctx.doc:
        nodes = parts.get(tok.text)
        if tok.i <= skip or not nodes or len(nodes) != 1 or tok.pos_ != "PROPN" or tok.lower_ in titles \
                or ctx.at(tok) is not None:
            continue
        if ctx.gaz.lookup(tok.text) is not None:
            continue
        node = next(iter(nodes))
        whole = next((n for n, x in full.items() if x == node and ctx.doc[tok.i:].text.startswith(n)), None)
        if whole is not None:  # the full name again, untagged this time: one mention, not two short ones
            span = ctx.doc.char_span(tok.idx, tok.idx + len(whole), alignment_mode="expand")
            ctx.mentions.append(Mention(span.start, span.end, "Person", node, whole))
            skip = span.end - 1
        else:
            ctx.mentions.append(Mention(tok.i, tok.i + 1, "Person", node, tok.text, via="short name"))
        added = True
    if added:
        ctx.index()


REPORTING_VERBS = {"say", "tell", "note", "point", "argue", "write", "add", "explain", "warn", "claim",
                   "observe", "comment", "suggest", "remark", "believe"}
PERSON_NOUNS = {"fellow", "analyst", "researcher", "professor", "expert", "scholar", "spokesman", "spokeswoman",
                "spokesperson", "official", "journalist", "author", "lecturer", "economist", "adviser", "advisor",
                "correspondent", "editor", "founder", "director", "head"}


def _speakers(ctx: ReportContext) -> list[Mention]:
    """People the tagger missed or took for an organisation, found by what they do: 'As
    Wooyeal Paik pointed out', 'said Keun-Wook Paik, senior research fellow at ...'."""
    doc, out = ctx.doc, []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.head.lemma_.lower() not in REPORTING_VERBS:
            continue
        org = ctx.at(tok)
        if org is not None:  # 'said Keun-Wook Paik, senior research fellow at ...'
            start, end = org.start, org.end
            person_appos = any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in tok.children)
            if org.label != "Organization" or end != tok.i + 1 or not person_appos \
                    or ctx.gaz.lookup(org.text, "Organization") is not None:
                continue
        else:  # 'As Wooyeal Paik pointed out'
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i \
                    and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
                start -= 1
            end = tok.i + 1
        words = [t for t in doc[start:end] if t.is_alpha]
        if not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() and t.text[1:2].islower() for t in words) \
                or any(t.text not in "-'" and not t.is_alpha for t in doc[start:end]):
            continue
        if _org_word(ctx, words[-1].text):  # 'the UK Maritime Trade Organizations said': an organisation
            if org is None:
                name = clean_span_text(doc[start:end].text)
                node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name,
                                            evidence=ctx.evidence(tok.sent))
                out.append(Mention(start, end, "Organization", node, name))
            continue
        if org is not None:
            ctx.forget(org)  # a person the tagger took for an organisation
        out.append(Mention(start, end, "Person", "", clean_span_text(doc[start:end].text)))
    ctx.index()
    return out


def _not_only_in_headlines(ctx: ReportContext, people: list[Mention]) -> list[Mention]:
    """A 'name' seen only in the title-case headline ('In Bid to Be Major Global Player') is
    the tagger reading capitals; a real person is named in the body too."""
    title = " ".join((ctx.builder.report.title or "").split())
    heads = {s.start for s in ctx.doc.sents if is_headline(s) and (
        " ".join(s.text.split()) == title or s.start == 0 and not s.text.rstrip().endswith((".", "!", "?", '"', "”")))}
    if not heads:
        return people
    body = " ".join(s.text for s in ctx.doc.sents if s.start not in heads)
    dropped = [m for m in people if ctx.doc[m.start].sent.start in heads and m.text.split()[-1] not in body]
    for m in dropped:
        ctx.mentions.remove(m)
    return [m for m in people if m not in dropped]


def resolve_people(ctx: ReportContext, people: list[Mention]) -> None:
    """Short names to the full name used in the same report ('Putin' -> 'Vladimir Putin'),
    and a misspelt full name to the one spelt most often ('Massoud Pezekshkian')."""
    canonical = _spelling_variants(people)
    full = sorted({m.text for m in people if len(_without_suffix(m.text).split()) > 1 and m.text not in canonical},
                  key=lambda n: (-len(n), n))
    for m in people:
        name = canonical.get(m.text, m.text)
        core = _without_suffix(name)
        if len(core.split()) == 1:  # 'Putin', and 'Marcos Jr.' after 'Ferdinand Marcos Jr.'
            f = fold(core)
            matches = [n for n in full if f in {fold(p) for p in re.split(r"[\s\-]", _without_suffix(n))}
                       and (core == name or _without_suffix(n) != n)]
            surnames = [n for n in matches if fold(_without_suffix(n).split()[-1]) == f or fold(n.split()[0]) == f]
            if surnames:
                name = surnames[0]
        m.node = ctx.builder.add_node(person_id(name), "Person", name, aliases=(m.text,),
                                      evidence=ctx.evidence(ctx.doc[m.start].sent))


def _spelling_variants(people: list[Mention]) -> dict[str, str]:
    """Two full names with the same given name whose surnames differ by a slip of one or two
    letters are one person in one report; the spelling used more often wins."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in people:
        if len(m.text.split()) > 1:
            counts[m.text] = counts.get(m.text, 0) + 1
            first[m.text] = min(first.get(m.text, m.start), m.start)
    names = sorted(counts, key=lambda n: (-counts[n], first[n]))
    canonical: dict[str, str] = {}
    for i, name in enumerate(names):
        for other in names[:i]:
            a, b = fold(name).split(), fold(other).split()
            if other not in canonical and len(a) == len(b) and a[:-1] == b[:-1] and len(a[-1]) >= 7 \
                    and _edits(a[-1], b[-1]) <= 2:
                canonical[name] = other
                break
    return canonical


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (short names only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


NAME_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


def _without_suffix(name: str) -> str:
    """'Marcos' of 'Marcos Jr.': a generational suffix is not a name word."""
    return NAME_SUFFIX.sub("", name)


def _titled_names(ctx: ReportContext) -> list[Mention]:
    """Names NER missed right after a title: 'Minister of Transport Roman Starovoyt',
    'President of Kazakhstan Kassym-Jomart Tokayev' (hyphenated given names included)."""
    words = title_words(ctx)
    covered = {t.i for e in ctx.doc.ents for t in e if not (e.label_ == "NORP" and not e.ent_id_)}  # 'Hui' of 'Choe Son Hui'
    out, i, doc = [], 0, ctx.doc
    while i < len(doc):
        j = i
        while j < len(doc) and j not in covered and (doc[j].pos_ == "PROPN" and doc[j].is_title or _name_hyphen(doc, j)
                                                     or j > i and _name_hyphen(doc, j - 1) and doc[j].is_lower
                                                     and doc[j].is_alpha and len(doc[j]) <= 4):  # 'Son-hui'
            j += 1
        if j - i >= 2:
            k = i
            while k < j and doc[k].lower_ in words:
                k += 1
            b = i - 1
            while b >= 0 and doc[b].lower_ in CONNECTORS:  # 'Governor of the | Primorsky Territory Oleg ...'
                b -= 1
            before = doc[b].lower_ if b >= 0 else ""
            if before == "," and b > 0:
                before = doc[b - 1].lower_
            titled = k > i or (before in words and before not in CONNECTORS) or _after_title_of_state(doc, i, words, covered) \
                or before in {"counterpart", "counterparts"}  # 'his North Korean counterpart, Choe Son Hui'
            k = max([k] + [x + 1 for x in range(k, j - 2) if doc[x].lower_ in ctx.gaz.place_heads])  # 'Primorsky Territory | Oleg ...'

            if titled and 2 <= j - k <= 5 and not _name_hyphen(doc, k) and not _name_hyphen(doc, j - 1) \
                    and not _org_word(ctx, doc[j - 1].text):
                out.append(Mention(k, j, "Person", "", doc[k:j].text))
        i = max(j, i + 1)
    return out


def _name_hyphen(doc, j: int) -> bool:
    """The hyphen inside 'Kassym-Jomart' (no spaces around it)."""
    return doc[j].text == "-" and 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _after_title_of_state(doc, i: int, words: frozenset[str], covered: set[int]) -> bool:
    """'President of Kazakhstan | Kassym-Jomart Tokayev': a title, 'of', a named state, then the name."""
    j = i - 1
    if j < 0 or j not in covered:
        return False
    ent = next((e for e in doc.ents if e.start <= j < e.end), None)
    if ent is None or ent.label_ not in {"GPE", "ORG", "NORP"} or ent.start < 2:
        return False
    return doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in words


ORG_HEADS = ("Institute", "University", "Centre", "Center", "Foundation", "Academy", "Council", "Agency",
             "Commission", "Committee", "Corporation", "Association", "Society", "School", "College", "Fund",
             "Bank", "Authority", "Service", "Office", "Bureau")
_ORG_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’-]+ )*(?:" + "|".join(ORG_HEADS) + r")"
    r"(?: (?:of|for|on) (?:the )?[A-Z][\w'’-]+(?:,? (?:and )?[A-Z][\w'’-]+)*)?")


def _org_names(ctx: ReportContext) -> list[Mention]:
    """Organisation names the tagger missed or cut: 'the Lagos Institute of Maritime Studies',
    'the Institute for Energy Studies'. A place inside such a name is part of the name."""
    doc, out = ctx.doc, []
    for m in _ORG_NAME.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or len(span) < 2 or is_headline(span.sent) or span[0].i == span.sent.start:
            continue
        inside = ctx.in_span(span.start, span.end)
        if any(x.label in {"Organization", "Person"} for x in inside) or any(
                x.start < span.start < x.end or x.start < span.end < x.end for x in ctx.mentions):
            continue  # the tagger's organisation stands; people are not institutes
        if ctx.gaz.lookup(span.text) is not None:
            continue
        for x in inside:
            ctx.forget(x)
        name = clean_span_text(span.text)
        node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name,
                                    evidence=ctx.evidence(span.sent))
        out.append(Mention(span.start, span.end, "Organization", node, name))
    return out


_OFFICE = re.compile(r"(?:the )?(?:Ministry|Department|Minister) (?:of|for) (?:the )?")


def _split_office_holders(ctx: ReportContext) -> None:
    """'the head of the Ministry of Natural Resources Alexander Kozlov', 'the Governor of the
    Primorsky Territory Oleg Kozhemyako': the tagger ran an official into his ministry or
    territory; the portfolio lexicon and the place words tell where that name ends."""
    doc = ctx.doc
    portfolios = sorted({v for vs in ctx.gaz.titles["portfolios"].values() for v in vs}, key=len, reverse=True)
    ents, changed = [], False
    for ent in doc.ents:
        cut, label = None, "ORG"
        m = _OFFICE.match(ent.text) if ent.label_ == "ORG" else None
        rest = ent.text[m.end():] if m else ""
        offset = m.end() if m else 0
        if m is None and ent.label_ == "ORG" and ent.start >= 2 and doc[ent.start - 2].lower_ in {"minister", "ministry"} \
                and doc[ent.start - 1].lower_ in {"of", "for"}:
            rest = ent.text  # 'Minister of | Energy & Water Resources Bintu Camara': the tagger began at the portfolio
        port = next((p for p in portfolios if rest.lower().startswith(p.lower() + " ")), None)
        if port:
            cut = ent.start_char + offset + len(port)
        elif ent.label_ in {"ORG", "PERSON"}:  # 'the Primorsky Territory Oleg Kozhemyako': the governor
            heads = [t for t in ent[:-2] if t.lower_ in ctx.gaz.place_heads and t.i > ent.start]
            cut, label = (heads[-1].idx + len(heads[-1]), "GPE") if heads else (None, label)
            org_heads = [t for t in ent[:-2] if t.text in ctx.gaz.org_heads and t.i > ent.start]
            if cut is None and org_heads:  # 'National Highway Authority Asim Amin'
                cut, label = org_heads[-1].idx + len(org_heads[-1]), "ORG"
        words = doc.text[cut + 1:ent.end_char].split() if cut else []
        if cut and 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() for w in words) \
                and _could_be_name(ctx, words):
            office = doc.char_span(ent.start_char, cut, label=label)
            person = doc.char_span(cut + 1, ent.end_char, label="PERSON")
            if office is not None and person is not None:
                ents += [office, person]
                changed = True
                continue
        ents.append(ent)
    if changed:
        doc.ents = ents


def _could_be_name(ctx: ReportContext, words: list[str]) -> bool:
    """'Oleg Kozhemyako' could be a person; 'Guest House' (of 'Kumsusan State Guest House') not."""
    generic = ctx.gaz.place_heads | title_words(ctx) | {h.lower() for h in ORG_HEADS}
    return not any(w.lower() in generic for w in words) and _place_kind(ctx, " ".join(words)) is None


def _whole_names(ctx: ReportContext) -> None:
    """'Choe Son Hui', 'Choe Son-hui': the tagger stops a three-syllable Korean name short (and
    took 'Hui' for a people); short name syllables right after a short two-word name, and a
    hyphenated lower-case syllable, belong to the name."""
    doc, ents, changed = ctx.doc, [], False
    taken = {t.i for e in doc.ents for t in e}
    for ent in doc.ents:
        end = ent.end
        if ent.label_ == "PERSON":
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha and len(doc[end + 1]) <= 4:
                end += 2  # 'Choe Son-hui'
            elif len(ent) == 2 and all(len(t) <= 5 for t in ent) and end < len(doc) and doc[end - 1].whitespace_ \
                    and doc[end].is_title and doc[end].is_alpha and len(doc[end]) <= 4 and not doc[end].ent_id_ \
                    and doc[end].ent_type_ in {"", "NORP", "GPE", "PERSON"}:
                end += 1  # 'Choe Son Hui'
        if end != ent.end:
            span = doc.char_span(ent.start_char, doc[end - 1].idx + len(doc[end - 1]), label="PERSON")
            if span is not None:
                ents = [e for e in ents if e.end <= span.start]
                ents.append(span)
                taken |= {t.i for t in span}
                changed = True
                continue
        if ents and ent.start < ents[-1].end:
            continue  # swallowed by the name before it
        ents.append(ent)
    if changed:
        doc.ents = ents


def extract_entities(ctx: ReportContext) -> None:
    """Fill ctx.mentions from the doc's entities, with nodes for each."""
    _whole_names(ctx)
    _split_office_holders(ctx)
    people = _titled_names(ctx)
    ctx.mentions.extend(people)
    for ent in ctx.doc.ents:
        mention = _mention_for_ent(ctx, ent)
        if mention is None:
            continue
        if mention.label == "Person":
            people.append(mention)
        ctx.mentions.append(mention)
    ctx.index()
    ctx.mentions.extend(_dateline(ctx))
    ctx.index()
    ctx.mentions.extend(_org_names(ctx))
    ctx.index()
    speakers = _speakers(ctx)
    people += [m for m in speakers if m.label == "Person"]
    ctx.mentions.extend(speakers)
    people = _not_only_in_headlines(ctx, people)
    resolve_people(ctx, people)
    ctx.index()
    _short_names(ctx, people)
    _facilities(ctx)
    _former_names(ctx)  # after the names typed by their kind ('the company Oceanic Carriers, formerly X')
    _defined_acronyms(ctx)
    _short_org_names(ctx)


def _short_org_names(ctx: ReportContext) -> None:
    """'the Treasury's assessment' after 'the U.S. Treasury Department': a one-word
    organisation the report named in full before is that one."""
    b = ctx.builder
    orgs = [m for m in ctx.mentions if m.label == "Organization" and m.node in b.nodes]
    for m in orgs:
        if m.end - m.start != 1 or m.node in ctx.gaz.entries or not m.text[:1].isupper():
            continue
        fuller = {o.node for o in orgs if o.node != m.node and o.start < m.start
                  and any(m.text in n.split() for n in {b.nodes[o.node].name, *b.nodes[o.node].aliases})}
        if len(fuller) == 1:
            old = m.node
            m.node = fuller.pop()
            if not ctx.mentioned(old):
                b.drop_node(old)


def _defined_acronyms(ctx: ReportContext) -> None:
    """'the Royal United Services Institute (RUSI)': the acronym is an alias, and a later
    'RUSI' is the same organisation, not a second one."""
    doc, b = ctx.doc, ctx.builder
    for m in [m for m in ctx.mentions if m.label == "Organization"]:
        if not (m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")"):
            continue
        acronym = doc[m.end + 1].text
        capitals = "".join(w[0] for w in m.text.split() if w[:1].isupper())
        if not re.fullmatch(r"[A-Z]{2,8}", acronym) or acronym == m.text or not _subsequence(acronym, capitals):
            continue
        if m.node not in b.nodes:
            continue
        b.add_node(m.node, "Organization", b.nodes[m.node].name, aliases=(acronym,))
        for other in [o for o in ctx.mentions if o.text == acronym and o.node != m.node]:
            old, other.node, other.label = other.node, m.node, "Organization"
            if old in b.nodes and not ctx.mentioned(old) and b.nodes[old].label == "Organization":
                b.drop_node(old)


def _subsequence(short: str, long: str) -> bool:
    """'RUSI' in 'RUSI', 'CNPC' in 'CNPC': the acronym's letters in order among the name's capitals."""
    it = iter(long)
    return short[:1] == long[:1] and all(ch in it for ch in short)


DATELINE_MARKS = {"–", "—", "-", "--", "(", ":"}


def _dateline(ctx: ReportContext) -> list[Mention]:
    """'MANILA – The Philippines and Japan ...', 'Niamey, (APP - ...)': the city a report is
    filed from opens a paragraph near the top, before a dash or bracket. Upper case hides it
    from the tagger, so it is looked up in the gazetteer here."""
    doc, out = ctx.doc, []
    taken = {i for m in ctx.mentions for i in range(m.start, m.end)}
    for sent in list(doc.sents)[:4]:
        first = sent[0]
        if first.is_space:
            continue
        known = ctx.at(first) if first.i in taken else None
        if known is not None:  # the tagger found the city: only the agencies after it are new
            if known.label in {"Place", "State"} and known.end < len(doc) and doc[known.end].text in DATELINE_MARKS | {","}:
                known.via = "dateline"
                out += _wire_credits(ctx, known.end, sent)
            continue
        for size in (3, 2, 1):
            end = first.i + size
            if end >= len(doc) or not all(t.is_alpha for t in doc[first.i:end]):
                continue
            after = doc[end + 1] if doc[end].text == "," and end + 1 < len(doc) else doc[end]
            if after.text not in DATELINE_MARKS:
                continue
            text = doc[first.i:end].text
            entry = ctx.gaz.lookup(text, "Place")
            if entry is not None and entry.kind == "city":
                out.append(Mention(first.i, end, "Place", node_for_entry(ctx, entry, sent), entry.name,
                                   via="dateline"))
                out += _wire_credits(ctx, end, sent)
                break
    return out + _slashed_credit(ctx)


def _slashed_credit(ctx: ReportContext) -> list[Mention]:
    """'MOSCOW, January 14. /TASS/.': the agency's credit in slashes after the dateline."""
    doc = ctx.doc
    m = re.search(r"(?<![\w/])/([A-Z][A-Za-z\-]{1,24})/", doc.text[:400])
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand") if m else None
    if span is None or ctx.in_span(span.start, span.end):
        return []
    name = m.group(1)
    entry = ctx.gaz.lookup(name, "Organization")
    node = node_for_entry(ctx, entry, span.sent) if entry else ctx.builder.add_node(
        "Organization:" + slug(name), "Organization", name, kind="media", evidence=ctx.evidence(span.sent))
    return [Mention(span.start, span.end, "Organization", node, name)]


def _wire_credits(ctx: ReportContext, i: int, sent: Span) -> list[Mention]:
    """'Niamey, (APP - UrduPoint / Pakistan Point News - 12th Apr, 2024)': the agencies that
    carry a dateline's story; ' - ' parts are agencies, ' / ' gives one agency's other name."""
    doc = ctx.doc
    while i < len(doc) and doc[i].text in {",", "-", "–"}:
        i += 1
    if i >= len(doc) or doc[i].text != "(":
        return []
    close = next((j for j in range(i + 1, min(len(doc), i + 40)) if doc[j].text == ")"), None)
    if close is None:
        return []
    for m in ctx.in_span(i, close + 1):  # the tagger's reading of the bracket ('APP - UrduPoint /')
        if m.label == "Organization":
            ctx.forget(m)
    out, part = [], []
    for j in range(i + 1, close + 1):
        if j < close and doc[j].text not in {"-", "–", "—"}:
            part.append(j)
            continue
        names = [[]]
        for k in part:
            names[-1].append(k) if doc[k].text != "/" else names.append([])
        spans = [doc[n[0]:n[-1] + 1] for n in names if n]
        if spans and all(sp[0].text[:1].isupper() and not any(t.like_num or t.ent_type_ == "DATE" for t in sp)
                         and len(sp) <= 5 for sp in spans):
            name, aliases = spans[0].text, tuple(sp.text for sp in spans[1:])
            entry = ctx.gaz.lookup(name, "Organization")
            node = node_for_entry(ctx, entry, sent) if entry else ctx.builder.add_node(
                "Organization:" + slug(name), "Organization", name, aliases=aliases, kind="media",
                evidence=ctx.evidence(sent))
            out += [Mention(sp.start, sp.end, "Organization", node, sp.text) for sp in spans]
        part = []
    return out


SITE_HEADS = {"airport", "airbase", "port", "seaport", "harbour", "harbor", "terminal", "station"}
NAMED_SITES = {"cosmodrome", "spaceport", "airport", "airbase", "airfield", "shipyard", "palace", "station"}
LINE_HEADS = {"railway", "railroad", "line", "section", "pipeline", "corridor", "bridge", "highway", "road",
              "route", "canal", "tunnel", "motorway", "link"}


def _facilities(ctx: ReportContext) -> None:
    """Infrastructure named after places: 'Niamey airport', 'the Rasht-Astara railway section',
    'the North-South route'. A facility lies in the state of the places it is named after."""
    doc, b = ctx.doc, ctx.builder
    added = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lower_ not in SITE_HEADS | LINE_HEADS or tok.dep_ == "compound" and tok.head.lower_ in LINE_HEADS:
            continue
        mods = [t for t in tok.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.i < tok.i]
        if not mods or any(c.dep_ == "nummod" or c.lower_ in {"a", "an", "any", "some", "another"} for c in tok.children):
            continue  # 'a Black Sea port', 'three key Ukrainian ports': no particular place
        first = min(t.left_edge.i for t in mods)
        words = doc[first:tok.i + 1]
        if not any(t.text[:1].isupper() and t.pos_ == "PROPN" for t in words) or any(t.ent_type_ in {"DATE", "ORG", "NORP"} for t in words):
            continue
        inner = ctx.in_span(first, tok.i + 1)
        places = [m for m in inner if m.label == "Place"]
        if tok.lower_ in SITE_HEADS and not places:
            continue
        if tok.lower_ in {"port", "seaport", "harbour", "harbor"} and len(places) == 1 and len(inner) == 1 \
                and b.nodes[places[0].node].props.get("kind") == "port":
            continue  # 'Rajin harbor' is the port of Rajin
        if any(m.label not in {"Place", "Person"} for m in inner):
            continue
        name = clean_span_text(words.text)
        countries = {b.nodes[m.node].props.get("country") for m in places} - {None}
        node = b.add_node("Place:" + slug(fold(name)), "Place", name, kind="facility",
                          country=countries.pop() if len(countries) == 1 else None, evidence=ctx.evidence(tok.sent))
        for m in inner:
            guessed = m.label == "Place" and m.node not in ctx.gaz.entries  # 'North-South' of 'the North-South route'
            if (m.label == "Person" or guessed) and m.node in b.nodes and not ctx.mentioned(m.node, besides=tuple(inner)):
                b.drop_node(m.node)  # 'Astara' of 'Rasht-Astara railway' read as a surname
                ctx.mentions.remove(m)
        added.append(Mention(first, tok.i + 1, "Place", node, name))
    added += _sites_after_places(ctx)
    added += _named_by_kind(ctx)
    added += _state_bodies(ctx)
    if added:
        ctx.mentions.extend(added)
        ctx.index()


MEDIA_HEADS = {"broadcaster", "newspaper", "agency", "channel", "daily", "outlet", "network", "television",
               "tabloid", "magazine", "company", "firm", "group", "militia", "movement", "consultancy", "consultants",
               "insurer", "operator", "shipowner", "manager", "carrier", "airline", "shipyard"}


def _named_by_kind(ctx: ReportContext) -> list[Mention]:
    """'The Tele Sahel broadcaster', 'the Wagner group': a name the tagger missed, typed by
    the noun that follows it."""
    doc, out = ctx.doc, []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lower_ not in MEDIA_HEADS:
            continue
        names = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title]
        after = [t for t in tok.rights if t.dep_ == "appos" and t.pos_ == "PROPN" and t.left_edge.i == tok.i + 1]
        if names:
            span = doc[min(t.left_edge.i for t in names):tok.i]
        elif after:  # 'the Greek company Oceanic Carriers'
            span = doc[after[0].left_edge.i:after[0].i + 1]
        else:
            continue
        if not all(t.pos_ == "PROPN" for t in span) or ctx.at(span[0]) or span[0].ent_type_:
            continue  # 'the Tele Sahel broadcaster': a name of its own, even if part of it is a place
        inner = ctx.in_span(span.start, span.end)
        if any(m.label not in {"Place", "State"} for m in inner):
            continue
        for m in inner:
            ctx.mentions.remove(m)
        name = span.text
        node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name, kind=tok.lower_,
                                    evidence=ctx.evidence(tok.sent))
        out.append(Mention(span.start, span.end, "Organization", node, name))
    return out


STATE_BODIES = {"army", "navy", "air force", "armed forces", "defence ministry", "defense ministry", "mfa",
                "foreign ministry", "interior ministry", "finance ministry", "coast guard",
                "border guard", "national guard", "press office", "security council", "parliament"}


def _state_bodies(ctx: ReportContext) -> list[Mention]:
    """'the Russian defence ministry', 'the Niger army', 'Kremlin press office': a state's body
    written in lower case, which the tagger leaves out."""
    doc, out = ctx.doc, []
    portfolios = {w.lower() for vs in ctx.gaz.titles["portfolios"].values() for v in vs for w in [v] if " " not in v}
    for m in [m for m in ctx.mentions if m.label == "State"]:
        gap = 1 if m.end < len(doc) and doc[m.end].tag_ == "POS" else 0  # "Burkina Faso's energy ministry"
        for n in (2, 1):
            if m.end + gap + n > len(doc):
                continue
            words = doc[m.end + gap:m.end + gap + n]
            phrase = " ".join(t.lower_ for t in words)
            body_words = phrase in STATE_BODIES or n == 2 and words[1].lower_ == "ministry" \
                and words[0].lower_ in portfolios  # any portfolio's ministry ('energy ministry')
            lower = all(t.is_lower and not t.ent_type_ for t in words) \
                and words[-1].dep_ not in {"compound", "amod"}  # 'Russian military instructors': no body
            nxt = doc[m.end + gap + n] if m.end + gap + n < len(doc) else None
            titled = all((t.is_title or t.is_upper) and t.ent_type_ in {"", "ORG"} for t in words) and not (
                nxt is not None and nxt.text[:1].isupper() and nxt.tag_ not in {"VBZ", "VBD", "VBP"}
                and not (nxt.is_title and nxt.lower_ in _verb_forms(ctx)))  # 'U.S. Coast Guard', 'U.S. Navy', 'US Coast Guard Seizes ...'
            if body_words and (lower or titled):
                state = ctx.name_of(m.node)
                body = " ".join(t.text if t.is_upper else t.text.capitalize() for t in words)
                entry = ctx.gaz.entries.get(m.node)
                owner = doc[m.start:m.end].text
                written = f"{owner} {body}"
                name = body_name(entry, body, owner) if entry and m.via != "metonym" else written  # 'Kremlin press office'
                for other in ctx.in_span(m.end, m.end + gap + n):  # the tagger's 'Navy' of 'U.S. Navy'
                    ctx.forget(other)
                node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name, country=state,
                                            aliases=(written,) if written != name else (),
                                            evidence=ctx.evidence(doc[m.start].sent))
                if gap:  # "Russia's energy ministry": the state stays a mention of its own
                    out.append(Mention(m.end + gap, m.end + gap + n, "Organization", node, name))
                else:
                    out.append(Mention(m.start, m.end + n, "Organization", node, name))
                    ctx.mentions.remove(m)
                ctx.index()
                break
    return out


def _sites_after_places(ctx: ReportContext) -> list[Mention]:
    """'the Vostochny Cosmodrome', 'Niamey Airport': a site named after a place is not the
    place (nor the port of the same name)."""
    doc, b, out = ctx.doc, ctx.builder, []
    for m in [m for m in ctx.mentions if m.label == "Place"]:
        if m.end >= len(doc) or doc[m.end].lower_ not in NAMED_SITES or ctx.at(doc[m.end]) is not None:
            continue
        name = f"{m.text} {doc[m.end].text.capitalize() if doc[m.end].is_lower else doc[m.end].text}"
        acc = b.nodes.get(m.node)
        node = b.add_node("Place:" + slug(fold(name)), "Place", name, kind="facility",
                          country=acc.props.get("country") if acc else None, evidence=ctx.evidence(doc[m.start].sent))
        out.append(Mention(m.start, m.end + 1, "Place", node, name))
        ctx.mentions.remove(m)
        if acc is not None and not ctx.mentioned(m.node) and acc.label == "Place" and acc.props.get("kind") != "city":
            b.drop_node(m.node)  # 'Vostochny' of the cosmodrome is not the port of that name
    return out


FORMERLY = re.compile(r"^[,(]?\s*(?:formerly|previously|once)(?: known as| called)?$")


def _former_names(ctx: ReportContext) -> None:
    """'MG-Flot, formerly TransMorFlot LLC': one organisation, the old name an alias."""
    orgs = [m for m in ctx.mentions if m.label == "Organization"]
    for a, b in zip(orgs, orgs[1:]):
        between = ctx.doc[a.end:b.start].text.strip()
        if FORMERLY.match(between) and a.node != b.node and b.node in ctx.builder.nodes:
            old = b.node
            ctx.builder.merge_node(old, a.node)
            acc = ctx.builder.nodes[a.node]
            acc.aliases.add(acc.name)
            acc.name = a.text  # the current name, not the longer former one
            for m in ctx.mentions:
                if m.node == old:
                    m.node = a.node

"""Typed mentions of people, states, organisations and places, and their nodes.

spaCy's NER and the gazetteer ruler propose spans; this module decides what each
one is (a capital can be a city or its government), fixes common NER slips
('Primorsky Krai' as a person, 'Vostochnyport'), finds datelines and creates the nodes.
People (kg.extract.people), organisations (kg.extract.organizations) and the sites and
lines the text names (kg.extract.sites) have modules of their own.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext, doc_text, is_headline
from kg.extract.gazetteer import Entry
from kg.extract.nlp import plain_plural
from kg.extract.normalize import clean_span_text, fold, slug
from kg.extract.organizations import (
    LEGAL_FORMS,
    apposed_kinds,
    bodies_named_again,
    body_name,
    defined_acronyms,
    former_names,
    government_body,
    joined_names,
    legal_names,
    longer_names,
    longer_org_forms,
    missions_placed,
    named_by_kind,
    names_a_document,
    org_names,
    org_word,
    people_named_as,
    possessor_state,
    sanctioning_council,
    short_org_names,
    state_bodies,
    state_companies,
    state_in_name,
)
from kg.extract.people import (
    CONNECTORS,
    HONORIFIC,
    PERSON_NAME,
    PERSON_TITLES_KEPT,
    could_be_name,
    listed_with_people,
    not_only_in_headlines,
    people_apposed_to_titles,
    person_words,
    resolve_people,
    short_names,
    speakers,
    split_office_holders,
    titled_names,
    whole_names,
)
from kg.extract.roles import is_portfolio, is_title, title_words
from kg.extract.sites import (
    PLACE_PREPS,
    definite_sites,
    facilities,
    places_named_again,
    places_taken_for_people,
    ports_named_whole,
    ruled_by,
    towns_taken_for_names,
)

QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
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
WEAPON_WORDS = {"missile", "system", "drone", "rocket", "launcher", "tank", "jet", "aircraft", "helicopter", "warhead",
                "howitzer", "submarine", "frigate", "destroyer", "vehicle", "complex"}
CAPITAL_PLACES = {"airport", "port", "seaport", "harbour", "harbor", "terminal", "station", "base", "airbase", "district",
                  "suburb", "outskirts", "centre", "center", "streets", "square"}  # what a capital's possessive places
BODY_NOUNS = {"panel", "committee", "commission", "tribunal", "secretariat"}
EVENT_HEADS = {"meeting", "summit", "forum", "conference", "talks", "dialogue", "ceremony", "exercise", "exercises"}
NAME_LIST = re.compile(r"^[A-Z][\w'’\-]*(?:, [A-Z][\w'’\-]*)+,? (?:and|or) [A-Z][\w'’\-]*$")  # 'Navistar, Polarnet and Rojen'


def node_for_entry(ctx: ReportContext, entry: Entry, sent: Span, alias: str | None = None) -> str:
    props = {}
    if entry.label == "Place":
        props["kind"] = entry.kind
        state = ctx.gaz.state_by_iso(entry.country) if entry.country else None
        if state:
            props["country"] = state.name
        props["lat"], props["lon"] = entry.lat, entry.lon
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


def _is_actor(span: Span) -> bool:
    """A capital used for its government: 'Moscow's delegation', 'Pyongyang is eager',
    'to strengthen Pyongyang as an ally', 'assistance to Pyongyang', 'the Moscow-controlled plant'. It stays the city
    after a place preposition or a verb of going ('a visit to Pyongyang', 'in Seoul')."""
    root = span.root
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.tag_ == "POS":  # "Moscow's delegation", but "Ankara's Esenboga Airport"
        return root.head.lower_ not in CAPITAL_PLACES
    if ruled_by(span.doc[span.end - 1]):  # 'the Moscow-controlled plant', 'Kyiv-backed'
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
    if prep.lower_ == "between":  # 'talks between Moscow and Kyiv', but 'flying between Pyongyang and X'
        return prep.head.lemma_.lower() not in PLACE_VERBS | GOING_NOUNS | {"shuttle", "ply", "run"}
    if prep.lower_ in ACTOR_PREPS:
        return True
    if prep.lower_ == "of" and prep.head.lower_ in {"city", "capital", "town", "port"}:
        return False  # 'in the city of Baku'
    if prep.lower_ == "to":  # 'a visit to Pyongyang', but 'assistance to Pyongyang', 'compared to Moscow'
        return prep.head.lemma_.lower() not in PLACE_VERBS | GOING_NOUNS
    return prep.lower_ not in PLACE_PREPS


def _names_a_class(ent: Span) -> bool:
    """Is the name followed, maybe through other names of a list, by 'class' ('Kirov-class')?"""
    doc, j = ent.doc, ent.end
    while j < min(len(doc), ent.end + 4) and (doc[j].lower_ in {"and", ",", "-", "or"} or doc[j].pos_ == "PROPN"):
        j += 1
    return j < len(doc) and doc[j].lower_ == "class"


def _mention_for_ent(ctx: ReportContext, ent: Span) -> Mention | None:
    text = clean_span_text(ent.text)
    if not text or not re.search(r"[A-Za-z]", text) or text.lower() in GENERIC_WORDS or NAME_LIST.match(text):
        return None
    if re.fullmatch(r"MoUs?|MOUs?", text):
        return None  # a memorandum of understanding, not an organisation
    if text == "IMO" and re.match(r"\s*(?:number|no\.?|#|:)?\s*\d{7}\b", doc_text(ent.doc)[ent.end_char:], re.I):
        return None  # 'IMO: 9161003' is a ship's number, not the organisation
    if text in ctx.gaz.triggers["not_names"]:
        return None  # 'MW', 'GMT', 'AIS': a unit, a time zone, a system
    start, end = ent.start, ent.end
    while end - start > 1 and ent.doc[end - 1].is_space:
        end -= 1  # ('the EAGLE S.' + a blank line: the name ends at the line)
    if ent[0].lower_ in {"the", "a", "an"}:
        start += 1
    if ent.label_ == "ORG":
        verb = next((t.i for t in ent.doc[start + 1:end] if t.tag_ in {"VBZ", "VBD", "VBP"}
                     or t.lower_ in ctx.gaz.verb_forms), None)
        if verb is not None:  # 'Coast Guard Seizes Shipment of ...': a headline's verb ends the name
            end = verb
        while end - start > 1 and ent.doc[end - 1].lower_ in {"resolution", "resolutions"}:
            end -= 1  # 'U.N. Security Council Resolution 2216': the council, and the resolution apart
            if not ent.ent_id_ and ctx.gaz.lookup(ent.doc[start:end].text, "Organization") is None:
                return None  # 'U.N Security Resolution 2216': a resolution, no organisation
        doc = ent.doc
        tail = end - 1 if end - start > 2 and doc[end - 1].lower_ == "the" and doc[end - 2].lower_ == "of" else end
        skip = 1 if end < len(doc) and doc[end].lower_ == "the" else 0  # ('... of | the Republic of Kazakhstan')
        state = next((e for e in doc.ents if e.start in {end, end + skip} and e.label_ == "GPE"), None) \
            if doc[tail - 1].lower_ == "of" else None
        entry = ctx.gaz.entries.get(state.ent_id_) if state is not None else None
        if entry is not None and entry.label == "State":
            end = state.end
        if (start, end) != (ent.start, ent.end):  # ('the Ports & Maritime Organisation of | Iran': its state)
            text = clean_span_text(ent.doc[start:end].text)
    while ent.label_ == "ORG" and end - start > 2 and ent.doc[start].lower_ in ctx.gaz.title_heads \
            and ent.doc[start + 1].is_title and not any(t.tag_ == "POS" for t in ent.doc[start:end]):
        start += 1  # 'Secretary Ministry of National Food Security': the title, then the ministry
        text = clean_span_text(ent.doc[start:end].text)
    if not text.strip():
        return None
    if ent.label_ == "ORG" and (is_title(ctx, text) or is_portfolio(ctx, text)):
        return None  # 'the Minister of Transport and Infrastructure': a title, whoever holds it
    if ent.label_ == "ORG" and _portfolio(ctx, ent.doc[start:end].root) and ctx.gaz.lookup(text) is None \
            and not org_word(ctx, text.split()[-1]):  # (not 'a spokesman for the State Department')
        return None  # 'Under Secretary of the Treasury for Terrorism and Financial Intelligence': a remit
    if ent.label_ == "ORG" and end < len(ent.doc) and ent.doc[end].lower_ in ctx.gaz.title_heads \
            and ctx.gaz.lookup(text) is None and len(text.split()) <= 3:
        return None  # "Iran's Telecommunications Minister": the minister's portfolio, not a body
    if ent.label_ in {"ORG", "PERSON", "PRODUCT", "GPE", "NORP"} and DESIGNATION.match(ent.doc[end - 1].text) \
            and ctx.gaz.lookup(text) is None:
        return None  # 'the K2PL variant', 'KAI FA-50 light combat aircraft': a model's designation, no actor
    if ent.label_ in {"ORG", "PERSON", "PRODUCT"} and re.fullmatch(r"[A-Z][a-z]+s", text) \
            and ctx.gaz.by_demonym.get(fold(text[:-1])) and ctx.gaz.lookup(text) is None:
        return None  # '37 Azerbaijanis, 16 Russians, 6 Kazakhs': people of a state, no one body or person
    if ent.label_ == "ORG" and len(ent) >= 2 and re.fullmatch(r"\d{2,4}", ent.doc[end - 1].text) \
            and ctx.gaz.lookup(text) is None and not re.search(r"\b(?:Resolution|Group|Article)\b", text):
        return None  # 'the Embraer 190', 'a Boeing 737': an aircraft's model, not its maker
    if ent.label_ in {"ORG", "PERSON", "PRODUCT", "NORP"} and _names_a_class(ent):
        return None  # 'three Talwar class ships', 'the Talwar and Teg class frigates': a class of ships, no actor
    if ent.label_ == "ORG" and text.split()[-1].lower() in {"cutter", "ship", "vessel", "tanker", "frigate", "destroyer"}:
        return None  # 'the Coast Guard Cutter's crew': a ship, named elsewhere
    if ent.label_ == "ORG" and end - start > 1 and ent.doc[start].tag_ in {"VBN", "VBD", "VBG"}:
        start += 1  # 'Rebranded African Corps and reorganised ...': the verb opens the sentence
        text = clean_span_text(ent.doc[start:end].text)
    while ent.label_ == "ORG" and end < len(ent.doc) and not ent.doc[end].ent_type_ \
            and (ent.doc[end].pos_ == "PROPN" or any(ch.isupper() for ch in ent.doc[end].text[1:])) \
            and ent.doc[end].text[:1].isupper() and ent.doc[end].dep_ != "appos" \
            and not ent.doc[end].is_sent_start and "\n" not in ent.doc[end - 1].whitespace_ \
            and ent.doc[end].lower_ not in title_words(ctx) | {"resolution", "resolutions"} \
            and not any(m.start == end and m.label == "Person" for m in ctx.mentions):  # 'the UN | Vasily Nebenzya'
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
    shouted = _shouted_state(ctx, text)
    if shouted is not None:  # 'FINNISH police said': a wire's capitals
        return Mention(start, end, "State", node_for_entry(ctx, shouted, ent.sent), text, via="demonym")
    if ent.ent_id_.startswith("demonym|"):
        doc = ent.doc
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in {"era", "style", "vintage", "type"}:
            return None  # 'a Soviet-era helicopter': a time or a kind, not the state
        entry = ctx.gaz.entries[ent.ent_id_.split("|", 1)[1]]
        node = node_for_entry(ctx, entry, ent.sent)
        return Mention(start, end, "State", node, text, via="demonym")
    entry = ctx.gaz.entries.get(ent.ent_id_) if ent.ent_id_ and not body else None
    if entry is None:
        entry = _lookup(ctx, ent, text)
    if entry is not None and entry.label == "Organization" and entry.kind == "international" \
            and fold(text) != fold(entry.name) and not re.match(r"(?:UN|U\.N\.?|United Nations)\b", text):
        state = possessor_state(ctx, ent) or _of_state(ctx, end)
        if state is not None:  # 'the Security Council of the Russian Federation' is Russia's, not the UN's
            name = body_name(state, text)
            node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name, aliases=(text,),
                                        evidence=ctx.evidence(ent.sent), country=state.name)
            return Mention(start, end, "Organization", node, text)
    if entry is not None:
        return _mention_for_entry(ctx, ent, entry, text, start, end)
    if ent.label_ == "ORG" and is_headline(ent.sent) and not any(t.pos_ in {"VERB", "AUX"} for t in ent.sent) \
            and not any(text in s.text for s in ent.doc.sents if not is_headline(s)):
        return None  # 'Global Concerns and Repercussions', a section heading: capitals name nothing
    return _unknown_entity(ctx, ent, text, start, end)


def _portfolio(ctx: ReportContext, tok) -> bool:
    """Is the name what a title is for ('Secretary ... for Terrorism', 'Commissioner for Trade')?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return False
    holder = tok.head.head
    if holder.dep_ == "pobj" and holder.head.lower_ == "of":  # 'Secretary of the Treasury for ...'
        holder = holder.head.head
    return holder.lower_ in ctx.gaz.title_heads


def _of_state(ctx: ReportContext, end: int) -> Entry | None:
    """The state of 'the Security Council of the Russian Federation' (after the name)."""
    doc = ctx.doc
    j = end + 1 if end < len(doc) and doc[end].lower_ == "of" else len(doc)
    j += 1 if j < len(doc) and doc[j].lower_ == "the" else 0
    entry = ctx.gaz.entries.get(doc[j].ent_id_) if j < len(doc) and doc[j].ent_type_ == "GPE" else None
    return entry if entry is not None and entry.label == "State" else None


def _lookup(ctx: ReportContext, ent: Span, text: str) -> Entry | None:
    if ent.label_ in {"PRODUCT", "NORP"} and _where(ctx, ent.root):  # 'moved to Belgorod', tagged a people
        entry = ctx.gaz.lookup(text, "Place") or _town(ctx, text)
        return entry if entry is not None and entry.kind in {"city", "port"} else None
    if ent.label_ in {"DATE", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME",
                      "LAW", "WORK_OF_ART", "LANGUAGE", "EVENT", "PRODUCT", "NORP"}:
        return None  # (a people the ruler does not know, 'Hui', 'Sunni', names no place)
    entry = ctx.gaz.lookup(text)
    described = DESCRIBED_PLACE.match(text) if entry is None and ent.label_ in {"GPE", "LOC"} else None
    if described:  # 'Port city Jeddah', 'the coastal town Tartus': the place the words describe
        entry = ctx.gaz.lookup(text[described.end():], "Place")
    if entry is None and re.fullmatch(r"[A-Z][a-z]+port", text):  # 'Vostochnyport'
        entry = ctx.gaz.lookup(text[:-4], "Place")
    if entry is None and ent.label_ == "PERSON":
        return None
    if entry is None and ent.label_ == "ORG":
        entry = _by_acronym(ctx, ent.doc, ent.end, text)
    return entry


DESCRIBED_PLACE = re.compile(r"(?:(?:port|coastal|border|capital|frontline|front-line|seaside|harbour|harbor|"
                             r"southern|northern|eastern|western)\s+)*(?:city|town|village|port)\s+(?:of\s+)?", re.I)


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


SITE_WORDS = {"crossing", "checkpoint", "border", "airport", "port", "harbour", "harbor", "airbase"}
CROSSINGS = {"crossing", "crossings", "checkpoint", "checkpoints"}
BASES = {"Base", "Airbase", "Camp", "Barracks", "Outpost"}  # the last word of a site's name, never a body's


def _crossing_named(root) -> bool:
    """'the Salla crossing', 'its border crossing in Raja-Jooseppi', 'that of Vaalimaa' after
    crossings: a name the tagger read as a body or a person names a border crossing."""
    if root.dep_ == "compound" and root.head.lower_ in CROSSINGS:
        return True
    if root.dep_ in {"pobj", "conj"} and root.head.lower_ == "of" and root.head.head.lower_ in {"that", "those"}:
        return any(t.lower_ in CROSSINGS for t in root.sent)  # 'all the crossings except one, that of X'
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "at"} and root.head.head.lower_ in CROSSINGS
TOWN_WORDS = {"city", "town", "village"}
CALLED_TOWN = {**dict.fromkeys(TOWN_WORDS, "city"), "port": "port", "island": "region"}  # 'the town of X': X is one, of that kind
DETENTION_SITES = {"prison", "jail", "center", "centre", "colony", "camp"}  # named after a place, not a person
FORCE_SITES = {"base", "airbase", "barracks", "airfield"}  # (named after the force that holds them too)
SITES_AFTER_NAMES = DETENTION_SITES | FORCE_SITES  # ('Ofer prison'; a crossing is named by its town)


def _media_staff(ctx: ReportContext, start: int) -> bool:
    """The name follows a news outlet's possessive ("Al Jazeera's | Malik Traina")."""
    doc = ctx.doc
    owner = next((e for e in doc.ents if e.end == start - 1), None) if doc[start - 1].tag_ == "POS" else None
    entry = ctx.gaz.lookup(owner.text, "Organization") if owner is not None else None
    return entry is not None and entry.kind == "media"


def _site_named(ctx: ReportContext, span: Span) -> Token | None:
    """The lower-case site noun a name is the modifier of ('Hatzerim | air base', 'Ofer | prison'),
    for a name the gazetteer does not know; a body's name only before a base ('the Hatzerim Air
    Force base'; 'the Wagner Group camp' is the group's)."""
    root = span.root
    head = root.head
    while root.dep_ in {"compound", "amod", "nmod"} and head.dep_ == "compound" and head.is_lower \
            and head.lower_ not in SITES_AFTER_NAMES and head.head.i != head.i:
        head = head.head  # ('air' of 'air base')
    if root.dep_ not in {"compound", "amod", "nmod"} or head.lower_ not in SITES_AFTER_NAMES or not head.is_lower \
            or head.i < span.end or ctx.gaz.lookup(span.text) is not None:
        return None
    if len(span) > 1 and org_word(ctx, span[-1].text) and head.lower_ not in FORCE_SITES or span.text.isupper():
        return None  # (nor 'the MINUSMA base': a body's, told by the body)
    return head
NAME_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "PRODUCT"}  # what the tagger may call a town
DESIGNATION = re.compile(r"^[A-Z]{1,5}-?\d{1,4}[A-Z]{0,4}s?$")  # 'K2PL', 'FA-50', 'Su-35', 'K9s': a model, no actor


MOTION = {"head", "travel", "go", "move", "return", "fly", "sail", "drive", "march", "relocate", "redeploy", "withdraw",
          "retreat", "evacuate", "arrive", "come", "journey", "route", "way", "trip", "convoy", "flight", "withdrawal",
          "departure", "depart", "leave", "flee", "pass", "cross", "transit", "smuggle"}  # what goes to, from, through


def _gone_to(tok) -> bool:
    """'heading to Gao', 'the withdrawal from Tessalit': a name after 'to' or 'from' on a word of
    going is where (not whom: 'said to X')."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"to", "from", "toward", "towards", "through", "via"} \
        and tok.head.head.lemma_.lower() in MOTION


def _short_state(ctx: ReportContext, text: str) -> Entry | None:
    """'Korea' in a report that names South Korea (and no other Korea): the one state the report
    names whose name ends in the word."""
    if " " in text or not text[:1].isupper():
        return None
    found = {entry.key for e in ctx.doc.ents if e.label_ == "GPE" and e.text.endswith(" " + text)
             for entry in [ctx.gaz.lookup(e.text, "State")] if entry is not None and entry.label == "State"}
    return ctx.gaz.entries[found.pop()] if len(found) == 1 else None


def _part_of_a_full_name(doc, word: str) -> bool:
    """Is the word, somewhere in the report, one word of a longer name ('Kim' of 'Kim Jong Un')?"""
    return any(t.text == word and any(0 <= t.i + d < len(doc) and doc[t.i + d].is_title and doc[t.i + d].pos_ == "PROPN"
                                      for d in (-1, 1)) for t in doc)


def _placed_after(ctx: ReportContext, end: int) -> bool:
    """'Goundam in the Tombouctou region', 'Menaka in northeastern Mali': a known town the text
    places right after its name."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "in":
        return False
    nxt = next((t for t in doc[end + 1:end + 7] if t.pos_ not in {"DET", "ADJ"} and t.lower_ != "of"
                and t.lemma_.lower() not in {"province", "region", "district", "state", "part"}), None)  # ('in the
    # southwestern province of Balochistan')
    return nxt is not None and (nxt.ent_type_ in {"GPE", "LOC"} or ctx.gaz.lookup(nxt.text, "State") is not None)


def _where(ctx: ReportContext, tok) -> bool:
    """Is a name used as a place: the object of 'in', 'at', 'from' ..., of 'the city of', a
    possessor ("Kotka's port"), a place listed with one, or a place the text places ('Gliwice, Poland')?"""
    if any(c.ent_type_ in {"GPE", "LOC"} or c.ent_type_ and ctx.gaz.lookup(c.text, "Place") for c in tok.conjuncts):
        return True  # 'hit Kursk and Belgorod'
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and (tok.head.lower_ in PLACE_PREPS or tok.head.lower_ == "of"
                               and tok.head.head.lemma_.lower() in ctx.gaz.place_heads | PLACED_NOUNS | {"site"}):
        return True
    if tok.dep_ == "poss":  # "Kotka's container port"
        return True
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in ctx.gaz.place_heads | SITE_WORDS | TOWN_WORDS:
        return True  # 'the Rafah crossing', 'the Niamey airport', 'Kherson city'
    after = tok.doc[tok.i + 1:tok.i + 3]
    return len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE"


def _common_word(ctx: ReportContext, text: str) -> bool:
    """'in Retaliation for ...' of a headline in title case: a word the text also writes in lower
    case, or that ends as English nouns do, is no town."""
    low = text.lower()
    return re.search(rf"\b{re.escape(low)}\b", doc_text(ctx.doc)) is not None \
        or re.search(r"(?:tion|sion|ment|ness|ance|ence|ity)$", low) is not None


def _town(ctx: ReportContext, text: str) -> Entry | None:
    named = (ctx.gaz.lookup(e.text, "State") for e in ctx.doc.ents if e.label_ == "GPE")  # (named later too:
    states = frozenset(acc.props.get("iso") for acc in ctx.builder.nodes.values() if acc.label == "State") \
        | {e.country for e in named if e is not None}  # 'Pazarcık in southern Turkey')
    return ctx.gaz.town(text, states)


DEPARTING = {"depart", "departs", "leave", "sail", "head", "set", "bound", "steam", "embark"}  # 'for X' is where to


PLACED_NOUNS = {"capital", "port", "camp", "base", "airport", "garrison"}  # 'the Timbuktu camp', 'one of its camps ..., X'


def listed_known_places(ctx: ReportContext) -> None:
    """'hit Khmelnytskyi, Odesa, Kropyvnytskyi and Kyiv', 'from Baku to Grozny': a name the tagger
    left untagged, listed with places (and no other kind of name) or after 'to', 'in', 'from' ...,
    is the gazetteer's place of that name."""
    ctx.index()
    for tok in ctx.doc:
        described = tok.dep_ == "compound" and tok.head.lemma_.lower() in TOWN_WORDS | PLACED_NOUNS \
            or tok.dep_ == "appos" and any(t.lemma_.lower() in TOWN_WORDS | PLACED_NOUNS
                                           for t in ctx.doc[max(tok.head.left_edge.i, tok.i - 12):tok.i])
        if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.is_title or tok.dep_ == "compound" and not described \
                or ctx.at(tok):
            continue  # ('a large city ..., Timbuktu', 'the Timbuktu camp': a known town by its noun)
        listed = [m for m in (ctx.at(t) for t in tok.conjuncts) if m is not None]
        placed = described or tok.dep_ == "pobj" and not tok.conjuncts and (
            tok.head.lower_ in PLACE_PREPS  # 'from Baku to Grozny'
            or tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in DEPARTING)  # 'departs X for Jeddah'
        if not placed and (not any(m.label == "Place" for m in listed)
                           or any(m.label not in {"Place", "State"} for m in listed)):
            continue
        entry = ctx.gaz.lookup(tok.text, "Place") or (_town(ctx, tok.text) if not placed or described else None)
        if placed and entry is not None and ctx.gaz.lookup(tok.text, "State") is not None:
            continue  # ('shipments to Kyiv': a capital the tagger left alone speaks for its state)
        if entry is not None:
            node = node_for_entry(ctx, entry, tok.sent, alias=tok.text)
            ctx.mentions.append(Mention(tok.i, tok.i + 1, "Place", node, tok.text))
    ctx.index()


def _unknown_entity(ctx: ReportContext, ent: Span, text: str, start: int, end: int) -> Mention | None:
    sent, b = ent.sent, ctx.builder
    kind = ctx.gaz.place_kind(text)
    town = _town(ctx, text) if kind is None and len(text.split()) <= 3 and ent.label_ in NAME_LABELS else None
    root = ent.doc[start:end].root
    if town is not None and (ent.label_ in {"GPE", "LOC"} or _where(ctx, root) and (
            ent.label_ != "PERSON" or (root.head.lower_ not in {"to", "with", "for"} or _gone_to(root)) and not any(
                text in e.text.split() for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) > 1))
            or _placed_after(ctx, end) and not _part_of_a_full_name(ctx.doc, text)):
        return Mention(start, end, "Place", node_for_entry(ctx, town, sent, alias=text), text)  # 'in Kherson'
    if ent.label_ in {"PERSON", "ORG"} and kind is None and town is None and end - start == 1 \
            and ctx.gaz.lookup(text) is None and (_gone_to(root) or ent.label_ == "PERSON" and (
                root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near"} or _placed_after(ctx, end))) \
            and not _part_of_a_full_name(ctx.doc, text) and not org_word(ctx, text) and not _common_word(ctx, text) \
            and not (start > 0 and ent.doc[start - 1].tag_ == "POS"):  # ("Saudi Arabia's Embassy in Iran")
        return Mention(start, end, "Place", ctx.add_place(text, "city", sent), text)  # 'its base in Tessalit'
    named_as = root.head.head.lemma_.lower() if root.dep_ == "pobj" and root.head.lower_ == "of" else ""
    if kind is None and ent.label_ in NAME_LABELS and named_as in CALLED_TOWN and len(text.split()) <= 2 \
            and text[:1].isupper() and not org_word(ctx, text.split()[-1]):  # 'the border town of Panjgur'
        nation = next((e for c in root.head.head.children if c.dep_ == "amod" and c.ent_type_ == "NORP"
                       for e in [ctx.gaz.state_of_demonym(c.text)] if e is not None), None)  # 'the Italian island of X'
        node = ctx.add_place(text, CALLED_TOWN[named_as], sent, **({"country": nation.name} if nation else {}))
        return Mention(start, end, "Place", node, text)
    words = text.split()
    if ent.label_ == "PERSON" and kind is None and plain_plural(words) \
            and not (start > 0 and ent.doc[start - 1].lower_ in title_words(ctx)):  # 'Spanish Fire Fighters': plain
        # words (not 'Petrobras CEO Jean Prates': a title before it makes it a name)
        if start > 0 and ent.doc[start - 1].ent_type_ == "NORP" and ent.doc[start - 1].dep_ == "compound":
            start, text = start - 1, f"{ent.doc[start - 1].text} {text}"  # (the body of its nation's name)
        node = b.add_node("Organization:" + slug(text), "Organization", text, evidence=ctx.evidence(sent))
        return Mention(start, end, "Organization", node, text)
    if ent.label_ == "PERSON" and kind is None and len(words) > 1 and org_word(ctx, words[-1]):
        node = b.add_node("Organization:" + slug(text), "Organization", text, evidence=ctx.evidence(sent))
        return Mention(start, end, "Organization", node, text)  # 'the UK Maritime Trade Organizations said'
    if ent.label_ == "PERSON" and ent.start > 0 and end < len(ent.doc) and ent.doc[ent.start - 1].text in QUOTES \
            and ent.doc[end].text in QUOTES:
        return None  # 'in particular "Oreshnik"': a quoted name is a thing's, not a person's
    if ent.label_ == "PERSON" and (ent.text.endswith("-") or end < len(ent.doc) and ent.doc[end].text == "-"
                                   and not ent.doc[end - 1].whitespace_):
        return None  # 'Russo' of 'Russo-Iranian'
    site = _site_named(ctx, ent.doc[start:end]) if ent.label_ in NAME_LABELS and kind is None else None
    if site is not None:  # 'the Lefortovo pre-trial detention center', "Israel's Hatzerim air base": a site
        name = clean_span_text(ent.doc[start:site.i + 1].text)  # named by the name
        return Mention(start, site.i + 1, "Place", ctx.add_place(name, "facility", sent), text)
    if ent.label_ in {"ORG", "PERSON", "GPE", "LOC", "FAC"} and kind is None and len(text.split()) <= 3 and _crossing_named(root):
        return Mention(start, end, "Place", ctx.add_place(text, "border", sent), text)  # 'the crossing in Salla'
    if ent.label_ == "PERSON" and kind is None and root.dep_ == "compound" and root.head.lower_ in SITE_WORDS \
            and end - start == 1:
        border = root.head.lower_ in {"border", "crossing", "checkpoint"}  # 'the Jaber border', 'the Rafah crossing'
        return Mention(start, end, "Place", ctx.add_place(text, "border" if border else "city", sent), text)
    if ent.label_ in {"PERSON"} and kind is None:
        if not PERSON_NAME.match(text) or len(text) < 3 or re.search(r"\bNo\.?$|\d", text) \
                or HONORIFIC.fullmatch(text + " "):  # ('Pier No. 2', 'L-39', 'Congratulations, Madam President X')
            return None
        head = ent.doc[end - 1].head
        if head.i >= end and head.i - end <= 5 and head.lemma_.lower() in WEAPON_WORDS:
            return None  # 'the Oreshnik medium-range ballistic missile': a weapon's name
        if end - start == 1 and ent.doc[start].tag_ in {"NN", "NNS"}:  # 'Photographs of the equipment ...'
            return None
        doc, words = ent.doc, title_words(ctx)
        if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
                and doc[start - 1].lower_ not in words | ctx.gaz.place_heads and doc[start - 1].dep_ == "compound":
            start -= 1  # 'Gilberto' of 'Gilberto Teodoro Jr.' (the tagger kept only the last two)
        cut = [i for i in range(start, end - 2) if doc[i].lower_ in ctx.gaz.place_heads]
        if cut:  # 'Primorsky Territory Oleg Kozhemyako': the governor, not his territory
            start = cut[-1] + 1
        posted = start > 0 and doc[start - 1].lower_ in {"to", "in"} and next(
            (k for k in (3, 2, 1) if end - start - k >= 2 and ctx.gaz.lookup(doc[start:start + k].text) is not None), 0)
        start += posted  # ('ambassador to Seoul | Xing Haiming', 'envoy to South Korea | X')
        while end - start > 1 and doc[start].lower_ in words and doc[start].lower_ not in PERSON_TITLES_KEPT:
            start += 1  # 'Agriculture Zhang Wei' of 'Minister of Agriculture Zhang Wei'
        start = max([start] + [i + 1 for i in range(start, end - 1) if doc[i].lower_ in ctx.gaz.title_heads])
        # ('Ministry Spokesperson Arindam Bagchi': the name after the title)
        if end - start > 1 and doc[start].is_sent_start and doc[start].tag_ in {"VBG", "VBN", "VBD"}:
            start += 1  # 'Welcoming Pezeshkian as they sat down': the verb opens the sentence
        text = clean_span_text(doc[start:end].text)
        return Mention(start, end, "Person", "", text)  # node created after coreference
    if ent.label_ in {"ORG", "FAC"} and text.split()[-1].lower() in SITE_WORDS - {"border"} and len(text.split()) > 1:
        town = next((e for n in range(len(text.split()) - 1, 0, -1) for head in [" ".join(text.split()[:n])]
                     for e in [ctx.gaz.lookup(head, "Place") or _town(ctx, head)] if e is not None), None)
        if town is not None:  # 'Al Arish International Airport': a site in that town, not a body
            state = ctx.gaz.state_by_iso(town.country) if town.country else None
            node = ctx.add_place(text, "facility", sent, **({"country": state.name} if state else {}))
            return Mention(start, end, "Place", node, text)
    if ent.label_ in {"GPE", "NORP"} and kind is None and (state := _short_state(ctx, text)) is not None:
        return Mention(start, end, "State", node_for_entry(ctx, state, sent, alias=text), text)  # 'Korea'
    if ent.label_ in {"GPE", "LOC", "FAC"} or (kind and ent.label_ == "PERSON"):
        if "." in text or "/" in text:
            return None
        if kind is None and ent.label_ == "GPE" and text[:1].isupper() and len(text.split()) <= 3 \
                and text not in person_words(ctx) and (_where(ctx, ent.doc[start:end].root) or _placed_after(ctx, end)
                                                       and not org_word(ctx, text) and ent.doc[start - 1].tag_ != "POS") \
                and not (is_headline(ent.sent) and _common_word(ctx, text)):
            kind = "city"  # (a name the gazetteer lacks, used as a place: 'in Gliwice', not 'the Bumar plant')
        if kind is None:
            return None
        node = ctx.add_place(text, kind, sent)
        return Mention(start, end, "Place", node, text)
    if ent.label_ in {"ORG", "FAC"} and len(text.split()) > 1 and text.split()[-1] in BASES:
        return Mention(start, end, "Place", ctx.add_place(text, "facility", sent), text)  # 'the X Operating Base': a site
    if ent.label_ == "ORG" and start > 0 and (ent.doc[start - 1].lower_ in ctx.gaz.title_heads or _media_staff(ctx, start)) \
            and ctx.at(ent.doc[start]) is None and PERSON_NAME.match(text) and 2 <= len(text.split()) <= 3 \
            and could_be_name(ctx, text.split()):  # 'MINUSMA head El-Ghassim Wane': a name after a title;
        return Mention(start, end, "Person", "", text)  # "Al Jazeera's Malik Traina": an outlet's reporter
    if ent.label_ == "ORG" and kind == "building" and (text.endswith("Guest House") or not text.endswith("House")):
        # 'Kumsusan State Guest House' is a building; 'the White House' is an office of government
        node = ctx.add_place(text, kind, sent)
        return Mention(start, end, "Place", node, text)
    if ent.label_ == "ORG":
        if "." in text.strip(".") and " " not in text or names_a_document(ctx, text):
            return None
        if len(ent) == 1 and ent[0].pos_ == "ADJ" and ent.start == ent.sent.start and not text.isupper() \
                and ctx.gaz.lookup(text) is None:
            return None  # 'Specialist medical teams are ...': a capital only because the sentence starts
        last = ent.doc[end - 1]
        if re.search(r"(?:al|ic|ive|ary|ous)$", last.text) and last.dep_ in {"compound", "amod"} \
                and last.head.i == end and last.head.is_lower:  # 'International law': an adjective, not a name
            end -= 1
            text = clean_span_text(re.sub(r"\s+(?:and|or|of)$", "", ent.doc[start:end].text))
        while end - start > 1 and DESIGNATION.match(ent.doc[end - 1].text):  # 'IAF C-130J': the aircraft's
            end -= 1  # body, not a body named so
            text = clean_span_text(ent.doc[start:end].text)
        if not text or text.islower():  # 'the navy said': whose navy, the text does not say here
            return None
        if start >= 2 and ent.doc[start - 1].lower_ in {"of", "for"} \
                and is_title(ctx, f"{ent.doc[start - 2].text} {ent.doc[start - 1].text} {text}"):
            return None  # 'State for External Affairs' of 'Minister of State for External Affairs'
        if re.search(r"\b(Treaty|Agreement|Memorandum|Declaration|Accord|Convention|Resolution|Contract|Pact|Protocol)\b"
                     r"|\bAct$", text):
            return None  # (a document or a law: 'the Export Control Reform Act')
        if text.split()[-1].lower() in EVENT_HEADS:  # 'Foreign and Defense Ministerial Meeting' is an event
            return None
        if all(w.lower() in title_words(ctx) for w in text.split()) and end < len(ent.doc) \
                and ent.doc[end].text[:1].isupper():  # 'Defense' of 'Defense Minister X' ('The Diplomat' is a name)
            return None
        state = state_in_name(ctx, text)
        name, aliases = text, ()
        if state is None:
            state = possessor_state(ctx, ent)
            if state is not None and government_body(text):
                name, aliases = body_name(state, text), (text,)
            elif state is not None and len(text.split()) > 1 and text.split()[-1] == "Party":
                name, aliases = f"{text} of {state.name}", (text,)  # "Vietnam's Communist Party"
        props = {"country": state.name} if state else {}
        node = b.add_node("Organization:" + slug(name), "Organization", name, aliases=aliases,
                          evidence=ctx.evidence(sent), **props)
        return Mention(start, end, "Organization", node, text)
    return None


def extract_entities(ctx: ReportContext) -> None:
    """Fill ctx.mentions from the doc's entities, with nodes for each."""
    whole_names(ctx)
    longer_names(ctx)
    split_office_holders(ctx)
    people = titled_names(ctx)
    ctx.mentions.extend(people)
    for ent in _unglued(ctx):
        mention = _mention_for_ent(ctx, ent)
        if mention is None:
            continue
        if mention.label == "Person":
            people.append(mention)
        ctx.mentions.append(mention)
    ctx.index()
    ctx.mentions.extend(_dateline(ctx) + _shouted_demonyms(ctx))
    ctx.index()
    ctx.mentions.extend(_halves(ctx))
    ctx.index()
    ctx.mentions.extend(org_names(ctx))
    ctx.index()
    joined_names(ctx)
    if legal_names(ctx) + apposed_kinds(ctx):
        people = [m for m in people if any(m is x for x in ctx.mentions)]  # ('Maritime' of 'Galaxy Maritime Ltd')
    found = speakers(ctx) + listed_with_people(ctx)
    people += [m for m in found if m.label == "Person"]
    ctx.mentions.extend(found)
    people = not_only_in_headlines(ctx, people)
    people = places_taken_for_people(ctx, people)
    towns_taken_for_names(ctx)
    listed_known_places(ctx)
    places_named_again(ctx)
    resolve_people(ctx, people)
    ctx.index()
    short_names(ctx, people)
    sites = facilities(ctx)
    added = sites + named_by_kind(ctx) + state_bodies(ctx)  # (all read the mentions as they were)
    for m in [m for m in added[len(sites):] if any(m.start < x.end and x.start < m.end for x in sites)]:
        added.remove(m)  # 'built at Baltisky shipyard': a site, not also a company
        if not ctx.mentioned(m.node) and not any(x.node == m.node for x in added):
            ctx.builder.drop_node(m.node)
    state_companies(ctx)  # ('Iran Air': after the bodies, which know 'U.S. Navy')
    sanctioning_council(ctx)
    if added:
        ctx.mentions.extend(added)
        ctx.index()
    ports_named_whole(ctx)
    ctx.mentions.extend(definite_sites(ctx))
    ctx.index()
    people_named_as(ctx, "Organization")  # ('Kyivstar said' typed a person, 'Kyivstar, the operator' a body)
    people_apposed_to_titles(ctx)
    former_names(ctx)  # after the names typed by their kind ('the company Oceanic Carriers, formerly X')
    defined_acronyms(ctx)
    short_org_names(ctx)
    longer_org_forms(ctx)
    missions_placed(ctx)
    bodies_named_again(ctx)
    platforms_as_channels(ctx)
    people_named_as(ctx, "Place", keep=lambda name: _part_of_a_full_name(ctx.doc, name))  # ('the departure
    # from Tessalit' read as a person where the report places Tessalit elsewhere)


CHANNEL_PREPS = {"on", "to", "via", "through", "in", "from"}  # 'wrote on Telegram', 'took to Twitter'
CHANNEL_NOUNS = {"post", "posts", "channel", "account", "page", "video", "message", "statement", "feed", "tweet"}


def platforms_as_channels(ctx: ReportContext) -> None:
    """'wrote on Telegram', 'took to Twitter', 'in a Facebook post': the platform is where it was
    said, no actor; its node stays only where it acts ('Telegram was fined')."""
    for m in [m for m in ctx.mentions if m.label == "Organization"
              and ctx.builder.nodes[m.node].props.get("kind") == "platform"]:
        tok = ctx.doc[m.end - 1]
        if tok.dep_ == "pobj" and tok.head.lower_ in CHANNEL_PREPS \
                or tok.dep_ in {"compound", "poss", "nmod"} and tok.head.lower_ in CHANNEL_NOUNS:
            ctx.forget(m)


def _unglued(ctx: ReportContext) -> list[Span]:
    """The tagger's names, with a list it read as one organisation split at its commas
    ('Belmont Trading, Kestrel Logistics, and Orava Systems'); not a legal form after a comma
    ('Hyundai Rotem Co., Ltd.') nor a name the gazetteer knows whole."""
    out = []
    for ent in ctx.doc.ents:
        state = _state_at_end(ctx, ent)
        if state is not None:  # 'from Al Arish Egypt': the town, then the state it is in
            out += [Span(ctx.doc, ent.start, state, label="GPE"), Span(ctx.doc, state, ent.end, label="GPE")]
            continue
        commas = [t.i for t in ent if t.text == ","]
        if ent.label_ != "ORG" or not commas or ctx.gaz.lookup(ent.text) is not None \
                or re.search(rf",\s*(?:{LEGAL_FORMS}|Co\.)", ent.text):
            out.append(ent)
            continue
        start = ent.start
        cuts = [*commas, *(t.i for t in ent if t.lower_ == "and" and t.i > commas[-1]), ent.end]
        for i in sorted(cuts):
            part = ctx.doc[start:i]
            if len(part) and part[0].lower_ == "and":
                part = part[1:]
            if len(part) and part[0].text[:1].isupper():
                out.append(Span(ctx.doc, part.start, part.end, label=ent.label_))
            start = i + 1
    return out


def _state_at_end(ctx: ReportContext, ent: Span) -> int | None:
    """Where the state's name starts in a name that ends with one after a town's ('Al Arish
    Egypt', 'Gliwice Poland'), else None."""
    if ent.label_ not in {"PERSON", "ORG", "GPE", "FAC"} or len(ent) < 2:
        return None
    for cut in range(ent.end - 1, ent.start, -1):
        head, tail = ctx.doc[ent.start:cut].text, ctx.doc[cut:ent.end].text
        state = ctx.gaz.lookup(tail, "State")
        place = ctx.gaz.lookup(head, "Place") or ctx.gaz.town(head)
        if state is not None and fold(tail) == fold(state.name) and place is not None \
                and place.country == state.country:  # (the town lies in that state: not "Lisa Monaco")
            return cut
    return None


def _halves(ctx: ReportContext) -> list[Mention]:
    """'accused the North of supplying weapons': 'the North' / 'the South' is the one state of
    that half the report names (North Korea, South Sudan), when it names just one."""
    out = []
    named = {m.node for m in ctx.mentions if m.label == "State"}
    for tok in ctx.doc[1:]:
        if tok.text not in {"North", "South"} or ctx.doc[tok.i - 1].lower_ != "the" or ctx.at(tok) is not None \
                or tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].pos_ == "PROPN":
            continue
        halves = [n for n in named if ctx.builder.nodes[n].name.startswith(tok.text + " ")]
        if len(halves) == 1:
            out.append(Mention(tok.i, tok.i + 1, "State", halves[0], tok.text, via="metonym"))
    return out


def _shouted_state(ctx: ReportContext, word: str):
    """The state a demonym written in capitals names ('FINNISH'), if it is one."""
    if not (word.isupper() and " " not in word and len(word) > 3):
        return None
    return ctx.gaz.state_of_demonym(word.title())


def _shouted_demonyms(ctx: ReportContext) -> list[Mention]:
    """'FINNISH police said ...': a wire's opening word in capitals is still a demonym (the
    tagger's own entities are read in _mention_for_ent)."""
    out = []
    for tok in ctx.doc:
        if tok.is_alpha and not tok.ent_type_ and ctx.at(tok) is None:
            state = _shouted_state(ctx, tok.text)
            if state is not None:
                out.append(Mention(tok.i, tok.i + 1, "State", node_for_entry(ctx, state, tok.sent), tok.text,
                                   via="demonym"))
    return out


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
            if known.label in {"Place", "State"} and known.end < len(doc) and (
                    doc[known.end].text in DATELINE_MARKS or doc[known.end].text == "," and _filed(doc, known)):
                city = ctx.gaz.lookup(known.text.title(), "Place") if known.label == "State" else None
                if city is not None and city.kind == "city" and fold(known.text) != fold(ctx.name_of(known.node)):
                    ctx.forget(known)  # 'LONDON, Nov 20 (Reuters)': the city, not the government
                    known = Mention(known.start, known.end, "Place", node_for_entry(ctx, city, sent), city.name)
                    ctx.add_mention(known)
                known.via = "dateline"
                out += _wire_credits(ctx, known.end, sent)
            continue
        for size in (3, 2, 1):
            end = first.i + size
            if end >= len(doc) or not all(t.is_alpha for t in doc[first.i:end]):
                continue
            after = doc[end + 1] if doc[end].text == "," and end + 1 < len(doc) else doc[end]
            state = _dateline_state(ctx, end) if after.text not in DATELINE_MARKS else None
            if after.text not in DATELINE_MARKS and state is None:
                continue
            text = doc[first.i:end].text
            entry = ctx.gaz.lookup(text, "Place")
            if entry is not None and entry.kind == "city" and state is not None:  # 'PESHAWAR, Pakistan Nov 1 (Reuters)'
                city = node_for_entry(ctx, entry, sent)
                out += [Mention(first.i, end, "Place", city, entry.name, via="dateline"), state]
                ctx.builder.add_edge(city, "LOCATED_IN", state.node, evidence=ctx.evidence(sent))
                out += _wire_credits(ctx, state.end, sent)
                break
            if entry is not None and entry.kind == "city":
                out.append(Mention(first.i, end, "Place", node_for_entry(ctx, entry, sent), entry.name,
                                   via="dateline"))
                out += _wire_credits(ctx, end, sent)
                break
    return out + _two_cities(ctx, taken) + _slashed_credit(ctx)


MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")


def _dateline_state(ctx: ReportContext, end: int) -> Mention | None:
    """The state after a dateline's city ('PESHAWAR, Pakistan Nov 1 (Reuters)'): a comma, a state's
    name, then a date, a comma or a credit."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    for size in (3, 2, 1):
        stop = end + 1 + size
        entry = ctx.gaz.lookup(doc[end + 1:stop].text, "State") if stop < len(doc) else None
        if entry is not None and entry.label == "State" and (doc[stop].text in {",", "("} | DATELINE_MARKS
                                                            or doc[stop].ent_type_ == "DATE" or MONTH.match(doc[stop].text)):
            return Mention(end + 1, stop, "State", node_for_entry(ctx, entry, doc[end].sent), doc[end + 1:stop].text)
    return None


def _filed(doc, known: Mention) -> bool:
    """'LONDON, Nov 20 (Reuters)', 'Beijing, (APP)': a name and a comma open a dateline when
    the name is in capitals or a date or a credit follows; 'China, Iran and Russia have
    begun ...' is a list of subjects."""
    after = doc[known.end + 1] if known.end + 1 < len(doc) else None
    return doc[known.start:known.end].text.isupper() or after is not None and (
        after.ent_type_ == "DATE" or after.text == "(")


TWO_CITIES = re.compile(r"^\s*([A-Z][A-Z .']+?)/([A-Z][A-Z .']+?)\s*[,\-–—(]")


def _two_cities(ctx: ReportContext, taken: set[int]) -> list[Mention]:
    """'MOSCOW/SEOUL - ...': a story filed from two cities names both."""
    doc, out = ctx.doc, []
    for sent in list(doc.sents)[:4]:
        m = TWO_CITIES.match(sent.text)
        if m is None:
            continue
        for group in (1, 2):
            span = doc.char_span(sent.start_char + m.start(group), sent.start_char + m.end(group), alignment_mode="expand")
            entry = ctx.gaz.lookup(m.group(group).strip().title(), "Place")
            if span is not None and entry is not None and entry.kind == "city" and not taken & set(range(span.start, span.end)):
                out.append(Mention(span.start, span.end, "Place", node_for_entry(ctx, entry, sent), entry.name,
                                   via="dateline"))
        break
    return out


def _slashed_credit(ctx: ReportContext) -> list[Mention]:
    """'MOSCOW, January 14. /TASS/.': the agency's credit in slashes after the dateline."""
    doc = ctx.doc
    m = re.search(r"(?<![\w/])/([A-Z][A-Za-z\-]{1,24})/", doc_text(doc)[:400])
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
        joined = doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_  # 'dpa-AFX'
        if j < close and (doc[j].text not in {"-", "–", "—"} or joined):
            part.append(j)
            continue
        names = [[]]
        for k in part:
            names[-1].append(k) if doc[k].text != "/" else names.append([])
        spans = [doc[n[0]:n[-1] + 1] for n in names if n]
        if spans and all(any(c.isupper() for c in sp.text) and not any(t.like_num or t.ent_type_ == "DATE" for t in sp)
                         and len(sp) <= 5 for sp in spans):
            name, aliases = spans[0].text, tuple(sp.text for sp in spans[1:])
            entry = ctx.gaz.lookup(name, "Organization")
            node = node_for_entry(ctx, entry, sent) if entry else ctx.builder.add_node(
                "Organization:" + slug(name), "Organization", name, aliases=aliases, kind="media",
                evidence=ctx.evidence(sent))
            out += [Mention(sp.start, sp.end, "Organization", node, sp.text) for sp in spans]
        part = []
    return out

"""Places the text names that no gazetteer holds: facilities and lines named after places
('Niamey airport', 'the Rasht-Astara railway section', 'the Power of Siberia 2 pipeline'),
sites named after a place ('the Vostochny Cosmodrome'), tri-borders, straits and islands
the tagger took for something else, and towns it read as people."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext, doc_text, is_headline
from kg.extract.normalize import clean_span_text, fold, slug
from kg.extract.organizations import org_word


def places_taken_for_people(ctx: ReportContext, people: list[Mention]) -> list[Mention]:
    """'between Grenaa in Denmark and Torekov in Sweden': a lone word the tagger read as a
    person, never part of a full name in the report, followed by 'in <state>', is a town there;
    so is a known town after a word of place ('came to Kherson')."""
    doc = ctx.doc
    words = {w for m in people if len(m.text.split()) > 1 for w in m.text.split()}
    keep = []
    for m in people:
        after = ctx.at(doc[m.end + 1]) if m.end + 1 < len(doc) and doc[m.end].lower_ == "in" else None
        titled = any(t.lower_ in ctx.gaz.title_heads for t in doc[max(m.start - 3, 0):m.start])
        kind = _listed_with_places(ctx, m)
        lone = (m.end - m.start == 1 or kind is not None) and m.text not in words and not titled
        town = doc[m.start].dep_ == "pobj" and doc[m.start].head.lower_ in PLACE_PREPS and ctx.gaz.town(m.text)
        kind = kind or (town.kind if town else None)  # 'experts came to Kherson': a known town after 'to'
        if not lone or kind is None and (after is None or after.label != "State" or after.via == "demonym"):
            keep.append(m)
            continue
        ctx.mentions.remove(m)
        if m.node and m.node in ctx.builder.nodes and not ctx.mentioned(m.node):
            ctx.builder.drop_node(m.node)
        country = ctx.name_of(after.node) if after is not None and after.label == "State" else None
        node = ctx.add_place(m.text, kind or "city", doc[m.start].sent, country=country)
        ctx.mentions.append(Mention(m.start, m.end, "Place", node, m.text))
        ctx.index()
    return keep


def towns_taken_for_names(ctx: ReportContext) -> None:
    """'moved from Kursk, Rylsk and Glushkovo to Belgorod': a lone unknown word the tagger read
    as an organisation or a people, listed with places and with nothing else, is a town."""
    doc, b = ctx.doc, ctx.builder
    ctx.index()  # (mentions were added since the last index)
    candidates = {}
    for ent in doc.ents:
        m = ctx.at(ent[0])
        if len(ent) == 1 and ent.label_ in {"ORG", "NORP", "PRODUCT"} and ent[0].pos_ == "PROPN" and ent[0].is_title \
                and (m is None or m.label == "Organization" and ctx.gaz.lookup(ent.text) is None):
            candidates[ent.start] = m
    for i, m in candidates.items():
        listed = [ctx.at(t) for t in doc[i].conjuncts if t.i not in candidates]
        if not listed or any(x is None or x.label not in {"Place", "State"} for x in listed):
            continue
        kinds = {b.nodes[x.node].props.get("kind") for x in listed if x.label == "Place"}
        if not kinds:
            continue
        if m is not None:
            ctx.mentions.remove(m)
            if not ctx.mentioned(m.node):
                b.drop_node(m.node)
        node = ctx.add_place(doc[i].text, (kinds.pop() or "city") if len(kinds) == 1 else "city", doc[i].sent)
        ctx.mentions.append(Mention(i, i + 1, "Place", node, doc[i].text))
        ctx.index()


PLACE_PREPS = {"in", "at", "near", "from", "to", "into", "outside", "around", "across", "via", "toward", "towards"}


def places_named_again(ctx: ReportContext) -> None:
    """'... killed in Aleppo. He had travelled to Aleppo from Beirut': a name the report has
    placed already, untagged this time after a word of place, is that place again."""
    doc = ctx.doc
    ctx.index()
    placed = {m.text: m.node for m in ctx.mentions if m.label == "Place" and " " not in m.text}
    for tok in doc:
        node = placed.get(tok.text) if tok.pos_ == "PROPN" and not tok.ent_type_ else None
        if node is not None and ctx.at(tok) is None and tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            ctx.mentions.append(Mention(tok.i, tok.i + 1, "Place", node, tok.text))
    ctx.index()


def _listed_with_places(ctx: ReportContext, m: Mention) -> str | None:
    """'from near Chongjin, Hamhung, and Musudan': a word listed with places and with no
    person is a place (not with states alone: 'Russia, China and Ramaphosa'); of their kind,
    when they agree on one."""
    root = ctx.doc[m.start:m.end].root
    listed = [ctx.at(t) for t in root.conjuncts]
    under = _listed_under(root)
    if under is not None and listed:  # 'the cities of Benghazi, Sousse and Al-Marj', 'four oil ports, Ras
        return under  # Lanuf, Zueitina and Brega': each a place of that kind, whatever the tagger read
    if not listed or any(x is None or x.label not in {"Place", "State"} for x in listed):
        return None
    kinds = {ctx.builder.nodes[x.node].props.get("kind") for x in listed if x.label == "Place"}
    if not kinds:
        return None
    return (kinds.pop() or "city") if len(kinds) == 1 else "city"


LIST_KINDS = {"city": "city", "town": "city", "village": "city", "port": "port", "province": "region",
              "region": "region", "district": "region"}


def _listed_under(tok: Token) -> str | None:
    """The kind of place a list hangs under: 'the cities of X, Y', 'four ports, X, Y'."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = first.head.head if first.dep_ == "pobj" and first.head.lower_ in {"of", "in"} else \
        first.head if first.dep_ == "appos" else None  # ('ports in Libya, X, Y': the parser's list of Libya)
    return LIST_KINDS.get(head.lemma_.lower()) if head is not None and head.tag_ == "NNS" else None


SITE_HEADS = {"airport", "airbase", "port", "seaport", "harbour", "harbor", "terminal", "station", "crossing",
              "checkpoint"}
NAMED_SITES = {"cosmodrome", "spaceport", "airport", "airbase", "airfield", "shipyard", "palace", "station"}
LINE_KINDS = {"cable": "cable", "interconnector": "cable", "pipeline": "pipeline", "railway": "railway",
              "railroad": "railway", "bridge": "bridge", "tunnel": "tunnel", "canal": "canal"}  # one name per line
LINE_HEADS = {"railway", "railroad", "line", "section", "pipeline", "corridor", "bridge", "highway", "road",
              "route", "canal", "tunnel", "motorway", "link", "cable", "interconnector"}
# Works named after a place or a name, with no place needed inside ('the Kakhovka dam', 'the
# Zaporizhzhia nuclear power plant', 'the Vrbetice ammunition depot').
WORKS_HEADS = {"dam", "plant", "reservoir", "refinery", "factory", "mine", "depot", "smelter", "arsenal",
               "warehouse", "facility"}


def facilities(ctx: ReportContext) -> list[Mention]:
    """Infrastructure named after places: 'Niamey airport', 'the Rasht-Astara railway section',
    'the North-South route'. A facility lies in the state of the places it is named after."""
    doc, b = ctx.doc, ctx.builder
    lines = _lines_named_with_of(ctx)
    if lines:
        ctx.mentions.extend(lines)
        ctx.index()
    added = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lower_ not in SITE_HEADS | LINE_HEADS | WORKS_HEADS \
                or tok.dep_ == "compound" and tok.head.lower_ in LINE_HEADS | WORKS_HEADS:
            continue
        if ctx.at(tok) is not None:
            continue  # named already ('the Power of Siberia 2 pipeline')
        mods = [t for t in tok.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.i < tok.i]
        counted = [c for c in tok.children if c.dep_ == "nummod" and not (c.i > 0 and doc[c.i - 1].pos_ == "PROPN")]
        if not mods or counted or any(c.lower_ in {"a", "an", "any", "some", "another"} for c in tok.children):
            continue  # 'a Black Sea port', 'three key Ukrainian ports': no particular place ('C-Lion 1 cable' is one)
        first = min(t.left_edge.i for t in mods)
        while first < tok.i and doc[first].tag_ in {"VBG", "VBN", "VBD"}:
            first += 1  # 'suspected of damaging Estlink 2 cable'
        words = doc[first:tok.i + 1]
        inner = ctx.in_span(first, tok.i + 1)
        named_line = tok.lower_ in LINE_HEADS | WORKS_HEADS and all(  # 'the C-Lion 1 cable', tagged as an organisation
            m.node not in ctx.gaz.entries and not ctx.mentioned(m.node, besides=(m,))
            for m in _overlapping(ctx, doc[first:tok.i + 1]) if m.label == "Organization")
        if not any(t.text[:1].isupper() and t.pos_ == "PROPN" and not ruled_by(t) for t in words) or any(
                t.ent_type_ in {"DATE", "NORP"} or t.ent_type_ == "ORG" and not named_line for t in words):
            continue
        places = [m for m in inner if m.label == "Place"]
        if tok.lower_ in SITE_HEADS and not places:
            continue
        if tok.lower_ in {"port", "seaport", "harbour", "harbor"} and len(places) == 1 and len(inner) == 1 \
                and b.nodes[places[0].node].props.get("kind") == "port":
            continue  # 'Rajin harbor' is the port of Rajin
        if any(m.label not in {"Place", "Person"} and not (m.label == "Organization" and named_line) for m in inner):
            continue
        name = clean_span_text(words.text)
        proper = [t for t in words if t.pos_ == "PROPN" or t.like_num]
        short = doc[proper[0].i:proper[-1].i + 1]  # 'Balticconnector' of 'the Balticconnector subsea gas pipeline'
        alias = (clean_span_text(short.text),) if len(proper) == len(short) and short.end < tok.i \
            and tok.lower_ not in WORKS_HEADS and not any((m.start, m.end) == (short.start, short.end) for m in places) \
            else ()  # ('Kakhovka' of 'the Kakhovka dam', 'Chabahar' of 'Chabahar port terminal': the town)
        if tok.lower_ == "terminal" and doc[tok.i - 1].lower_ in {"port", "seaport"} and places:
            name = clean_span_text(f"{doc[first:tok.i - 1].text} {tok.text}")  # 'Chabahar port terminal' is its terminal
        if alias and not places and tok.lower_ in LINE_KINDS:  # 'the Estlink 2 submarine power cable': the
            name, alias = f"{alias[0]} {LINE_KINDS[tok.lower_]}", (*alias, name)  # 'Estlink 2 cable', as written
        countries = {b.nodes[m.node].props.get("country") for m in places} - {None}
        alias += _initialed(words) + _bracketed(ctx, tok.i + 1)
        node = ctx.add_place(name, "facility", tok.sent, aliases=alias,
                             country=countries.pop() if len(countries) == 1 else None)
        _acronym_refers(ctx, node, alias)
        for m in [m for m in _overlapping(ctx, words) if m.label == "Organization"]:
            ctx.forget(m)
        for m in [m for m in inner if m.label != "Organization"]:
            guessed = m.label == "Place" and m.node not in ctx.gaz.entries  # 'North-South' of 'the North-South route'
            if (m.label == "Person" or guessed) and m.node in b.nodes and not ctx.mentioned(m.node, besides=tuple(inner)):
                b.drop_node(m.node)  # 'Astara' of 'Rasht-Astara railway' read as a surname
                ctx.mentions.remove(m)
                ctx.index()
        added.append(Mention(first, tok.i + 1, "Place", node, name))
    _shorter_lines(ctx, added)
    added += _sites_after_places(ctx)
    added += _sites_named_for_people(ctx)
    added += _named_lines(ctx)
    added += _border_points(ctx)
    added += _named_by_geo_noun(ctx)
    added += _seats_of_power(ctx)
    return added


def ruled_by(tok) -> bool:
    """'Moscow' of 'the Moscow-controlled atomic plant', 'Kyiv-backed': who holds or backs
    something (its state, for a capital), no part of a name."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_ \
        and doc[tok.i + 2].tag_ in {"VBN", "VBD"}


def _initialed(words: Span) -> tuple[str, ...]:
    """'Zaporizhzhia NPP' (and 'ZNPP') of 'the Zaporizhzhia nuclear power plant', 'Kakhovka HPP' of
    'the Kakhovka hydroelectric power plant': the name, then its lower-case words' initials."""
    proper = [t for t in words if t.text[:1].isupper()]
    plain = [t for t in words if t.is_lower and t.is_alpha]
    if not proper or len(plain) < 2 or proper[-1].i > plain[0].i or plain[-1].lower_ not in {"plant", "station"}:
        return ()
    initials = "".join(t.text[0] for t in plain).upper()
    return (f"{' '.join(t.text for t in proper)} {initials}", "".join(t.text[0] for t in proper).upper() + initials)


def _bracketed(ctx: ReportContext, i: int) -> tuple[str, ...]:
    """'the Kakhovka hydroelectric power plant (HPP)': the acronym given in brackets."""
    doc = ctx.doc
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and re.fullmatch(r"[A-Z]{2,8}", doc[i + 1].text):
        return (doc[i + 1].text,)
    return ()


def _acronym_refers(ctx: ReportContext, node: str, aliases: tuple[str, ...]) -> None:
    """A later 'ZNPP' or 'Zaporizhzhia NPP' the tagger read as a body or a person is the works."""
    for m in [m for m in ctx.mentions if m.text in aliases and m.label in {"Organization", "Person"}]:
        old = m.node
        m.label, m.node = "Place", node
        if old in ctx.builder.nodes and not ctx.mentioned(old) and old not in ctx.gaz.entries:
            ctx.builder.drop_node(old)
    ctx.index()


SEATS = {("presidential", "palace"), ("presidential", "residence"), ("royal", "palace"), ("presidential", "compound")}


def _seats_of_power(ctx: ReportContext) -> list[Mention]:
    """'the presidential palace', "Niger's presidential palace": a head of state's seat, a site
    of the state its possessor names, else of the one state the report is about."""
    from kg.extract.events import main_state

    doc, out = ctx.doc, []
    for tok in doc:
        if tok.i == 0 or (doc[tok.i - 1].lower_, tok.lower_) not in SEATS or ctx.at(tok) or ctx.at(doc[tok.i - 1]):
            continue
        poss = [m for c in tok.children if c.dep_ == "poss" for m in [ctx.at(c)] if m and m.label == "State"]
        state = poss[0].node if poss else main_state(ctx)
        if state is None or not any(c.lower_ in {"the", "its"} for c in tok.children) and not poss:
            continue
        name = f"Presidential {tok.lower_.capitalize()}" if doc[tok.i - 1].lower_ == "presidential" else "Royal Palace"
        node = ctx.builder.add_node(f"Place:{slug(name)}-{slug(ctx.name_of(state))}", "Place", name, kind="building",
                                    country=ctx.name_of(state), evidence=ctx.evidence(tok.sent))
        out.append(Mention(tok.i - 1, tok.i + 1, "Place", node, doc[tok.i - 1:tok.i + 1].text))
    return out


GEO_NOUNS = {"strait": "sea", "straits": "sea", "sea": "sea", "gulf": "sea", "bay": "sea", "sound": "sea",
             "island": "region", "islands": "region", "peninsula": "region", "river": "river"}


def _named_by_geo_noun(ctx: ReportContext) -> list[Mention]:
    """'the Kattegat strait', 'the Dnipro river': a name the tagger took for an organisation
    or a person, followed by a lower-case geographic noun, is a place of that kind."""
    doc, out = ctx.doc, []
    for m in [m for m in ctx.mentions if m.label in {"Organization", "Person"}]:
        if m.end >= len(doc) or doc[m.end].text not in GEO_NOUNS or m.end - m.start > 3:
            continue
        if any(org_word(ctx, t.text) for t in doc[m.start:m.end]):
            continue
        ctx.forget(m)
        name = clean_span_text(m.text)
        node = ctx.add_place(name, GEO_NOUNS[doc[m.end].text], doc[m.start].sent)
        out.append(Mention(m.start, m.end, "Place", node, name))
    return out


LINE_OF = re.compile(r"['‘\"“]?\b((?:[A-Z][\w\-]*\s+)+of\s+(?:the\s+)?[A-Z][\w\-]*(?:[\s\-]+(?:\d+|[IVX]+|[A-Z][\w\-]*))*)"
                     r"['’\"”]?\s+(?:(?:gas|oil|rail|road|power|trunk)\s+)?(pipeline|railway|bridge|cable|canal|tunnel|corridor)\b")


def _named_lines(ctx: ReportContext) -> list[Mention]:
    """'the "Friendship Bridge"', 'the Crimean Bridge': a proper name ending in a line word."""
    doc, out = ctx.doc, []
    for tok in doc:
        if tok.lower_ not in LINE_HEADS | {"bridge"} or not tok.text[:1].isupper() or tok.i == 0 \
                or tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" or is_headline(tok.sent):
            continue
        first = tok.i
        while first > tok.sent.start and (doc[first - 1].text[:1].isupper() and doc[first - 1].pos_ in {"PROPN", "ADJ"}
                                          and doc[first - 1].ent_type_ not in {"DATE", "ORG"}
                                          or doc[first - 1].text in {"-", "–"} and not doc[first - 1].whitespace_
                                          and first - 2 >= tok.sent.start and doc[first - 2].text[:1].isupper()):
            first -= 1  # ('the International North-South Transport Corridor': the hyphen inside the name)
        inside = _overlapping(ctx, doc[first:tok.i + 1])
        if first == tok.i or first == tok.sent.start and not doc[first].is_quote or \
                any(m.label not in {"Place", "State"} or m.end > tok.i + 1 for m in inside):
            continue
        name = clean_span_text(doc[first:tok.i + 1].text)
        for m in inside:
            ctx.forget(m)
        node = ctx.add_place(name, "facility", tok.sent)
        out.append(Mention(first, tok.i + 1, "Place", node, name))
    return out


def _lines_named_with_of(ctx: ReportContext) -> list[Mention]:
    """'the Power of Siberia 2 pipeline', "the 'Power of Siberia 2' gas pipeline": a line whose
    name has an 'of' in it (the tagger splits it and reads the place inside as the line)."""
    doc, out, named = ctx.doc, [], {}
    for match in LINE_OF.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(2), alignment_mode="expand")
        whole = doc.char_span(match.start(0), match.end(2), alignment_mode="expand")  # with its quote
        if span is None or whole is None or any(m.label not in {"Place", "Organization", "Person"}
                                                for m in _overlapping(ctx, whole)):
            continue
        name = f"{match.group(1)} {match.group(2)}"
        node = ctx.add_place(name, "facility", span.sent, aliases=(match.group(1),))
        for m in _overlapping(ctx, whole):
            ctx.forget(m)
        out.append(Mention(span.start, span.end, "Place", node, name))
        named[match.group(1)] = (node, name)
    for short, (node, name) in named.items():  # 'Power of Siberia 2' alone, or in a capitals heading
        for match in re.finditer(rf"\b{re.escape(short)}\b(?![\s\-]+\d)", doc_text(doc), re.I):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or any(m.start <= span.start < m.end for m in out):
                continue
            inside = _overlapping(ctx, span)
            if any(m.label not in {"Place", "Organization", "Person"} for m in inside):
                continue
            for m in inside:
                ctx.forget(m)
            out.append(Mention(span.start, span.end, "Place", node, name))
    return out


def _overlapping(ctx: ReportContext, span: Span) -> list[Mention]:
    """Mentions sharing a token with a span ('the Power of' of 'the Power of Siberia 2 pipeline')."""
    return [m for m in ctx.mentions if m.start < span.end and m.end > span.start]


TRIPOINT_MARKS = {"tri", "triple", "three-way", "trilateral"}


def _border_points(ctx: ReportContext) -> list[Mention]:
    """'the Russia-China-North Korea tri-border', 'the Brazil-Argentina-Paraguay triple border
    area': where three states meet is a place of its own (kind border); the states stay mentioned."""
    doc, out = ctx.doc, []
    for tok in doc:
        if tok.lower_ not in {"border", "tripoint"} or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        marks = [t for t in doc[max(tok.i - 3, 0):tok.i] if t.lower_ in TRIPOINT_MARKS]
        if tok.lower_ == "border" and not marks:
            continue
        end = (marks[0].i if marks else tok.i)
        states = []
        i = end - 1
        while i >= 0 and (m := ctx.at(doc[i])) is not None and m.label in {"State", "Place"} and m.end == i + 1:
            states.insert(0, m)
            i = m.start - 1
            if i < 0 or doc[i].text not in {"-", "–", "/"}:
                break
            i -= 1
        if len(states) < 2:
            continue
        area = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in {"area", "region", "zone"}
        words = doc[states[0].start:tok.i + 1 + area]
        name = clean_span_text(words.text)
        node = ctx.add_place(name, "border", tok.sent)
        out.append(Mention(end, tok.i + 1 + area, "Place", node, name))
    return out


def _shorter_lines(ctx: ReportContext, added: list[Mention]) -> None:
    """'the Estlink power cable' after 'the Estlink 2 submarine power cable': a line whose name
    begins the name of exactly one other line of the same kind is that line."""
    b = ctx.builder
    lines = {m.node for m in added if m.node in b.nodes and b.nodes[m.node].name.split()[-1] in LINE_KINDS.values()}
    for short in sorted(lines):
        words = b.nodes[short].name.split()
        longer = [n for n in lines if n != short and n in b.nodes and len(b.nodes[n].name.split()) > len(words)
                  and b.nodes[n].name.split()[:len(words) - 1] == words[:-1] and b.nodes[n].name.split()[-1] == words[-1]]
        if len(longer) == 1:
            ctx.merge(short, longer[0], pending=tuple(added))


SITE_MODIFIERS = {"international", "military", "civil", "civilian", "regional", "domestic", "oil", "container",
                  "grain", "cargo", "naval", "commercial", "coal", "gas", "fishing", "deep-water", "river"}
PORT_HEADS = {"port", "harbour", "harbor", "terminal", "seaport"}


def _sites_named_for_people(ctx: ReportContext) -> list[Mention]:
    """'Hanoi's Noi Bai international airport', 'Ben Gurion Airport': an airport or base named
    by a proper name that is no known place (the tagger reads it as a person or a company)."""
    doc, b, out = ctx.doc, ctx.builder, []
    for tok in doc:
        if tok.lower_ not in NAMED_SITES - {"station", "palace"} | PORT_HEADS or ctx.at(tok) is not None \
                or tok.lower_ in PORT_HEADS and tok.pos_ != "NOUN":
            continue
        end = tok.i
        while end > 0 and doc[end - 1].lower_ in SITE_MODIFIERS:
            end -= 1
        start = end
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and start > end - 4:
            start -= 1
        inner = _overlapping(ctx, doc[start:end])
        if start == end or any(m.label not in {"Organization", "Person"} or m.node in ctx.gaz.entries
                               or ctx.mentioned(m.node, besides=tuple(inner)) for m in inner):
            continue  # ('Niamey airport' is a place's; 'the Vostochny Cosmodrome' too)
        name = " ".join(t.text.capitalize() if t.is_lower else t.text for t in doc[start:tok.i + 1])
        kind, aliases = "facility", ()
        if tok.lower_ in PORT_HEADS:  # 'Kilpilahti oil port': the port of that name
            kind, aliases, name = "port", (doc[start:tok.i + 1].text,), doc[start:end].text
        owner = next((m for m in ctx.in_span(max(0, start - 3), start) if m.label in {"Place", "State", "Organization",
                      "Person"} and doc[m.end].tag_ == "POS"), None)  # "Hanoi's", "Porvoo's"
        country, town = None, None
        if owner is not None and owner.label in {"Organization", "Person"} and owner.node not in ctx.gaz.entries \
                and owner.end - owner.start == 1 and not ctx.mentioned(owner.node, besides=(owner,)):
            ctx.forget(owner)  # 'Porvoo's Kilpilahti oil port': a town, read as a name
            town = ctx.add_place(owner.text, "city", tok.sent)
            out.append(Mention(owner.start, owner.end, "Place", town, owner.text))
        elif owner is not None and owner.label in {"Place", "State"}:
            country = b.nodes[owner.node].props.get("country") if owner.label == "Place" else b.nodes[owner.node].name
            town = owner.node if owner.label == "Place" else None
        for m in inner:
            ctx.forget(m)
        node = ctx.add_place(name, kind, tok.sent, country=country, aliases=aliases)
        if town is not None:  # "Porvoo's Kilpilahti oil port", "Ankara's Esenboga Airport"
            b.add_edge(node, "LOCATED_IN", town, evidence=ctx.evidence(tok.sent))
        out.append(Mention(start, tok.i + 1, "Place", node, name))
    return out


PORT_NAME = re.compile(r"^(?:the\s+)?(.+?)\s+(?:(?:Port|Harbou?r)\s+)?(?:Port|Terminal|Harbou?r|Seaport)$", re.I)


def ports_named_whole(ctx: ReportContext) -> None:
    """'the Shahid Beheshti Port', '... Terminal', '... Port Terminal', 'the Shahid Beheshti
    terminal': a port named by a name that is no place is one port however its head is written
    (keyed by the name, as the port of a town is the town's)."""
    b = ctx.builder
    for m in [m for m in ctx.mentions if m.label in {"Place", "Organization"} and m.node not in ctx.gaz.entries]:
        match = PORT_NAME.match(m.text)
        bare = match.group(1) if match else ""
        if not bare[:1].isupper() or not all(w[:1].isupper() for w in bare.split()) \
                or ctx.gaz.lookup(bare):  # (a known place or body keeps its own port)
            continue
        node = ctx.add_place(bare, "port", ctx.doc[m.start].sent, aliases=(m.text,))
        while m.end - m.start > 1 and not ctx.doc[m.end - 1].is_title:
            m.end -= 1  # ('the Shahid Beheshti Port in | Chabahar', as the tagger cut it)
        if node != m.node:
            old, m.node, m.label = m.node, node, "Place"
            if old in b.nodes and not ctx.mentioned(old):
                b.drop_node(old)
    ctx.index()


def _sites_after_places(ctx: ReportContext) -> list[Mention]:
    """'the Vostochny Cosmodrome', 'Niamey Airport': a site named after a place is not the
    place (nor the port of the same name)."""
    doc, b, out = ctx.doc, ctx.builder, []
    for m in [m for m in ctx.mentions if m.label == "Place"]:
        if m.end >= len(doc) or doc[m.end].lower_ not in NAMED_SITES or ctx.at(doc[m.end]) is not None:
            continue
        name = f"{m.text} {doc[m.end].text.capitalize() if doc[m.end].is_lower else doc[m.end].text}"
        acc = b.nodes.get(m.node)
        node = ctx.add_place(name, "facility", doc[m.start].sent, country=acc.props.get("country") if acc else None)
        out.append(Mention(m.start, m.end + 1, "Place", node, name))
        ctx.mentions.remove(m)
        ctx.index()
        if acc is not None and not ctx.mentioned(m.node) and acc.label == "Place" and acc.props.get("kind") != "city":
            b.drop_node(m.node)  # 'Vostochny' of the cosmodrome is not the port of that name
    return out


GENERIC_SITES = {"facility", "site", "station", "complex", "installation"}  # words any one named site is called by


def definite_sites(ctx: ReportContext) -> list[Mention]:
    """'the plant', 'the nuclear plant', 'the station': a site the report has named, told again
    by its head word (or a generic one) after 'the'. It is the site of that head named last
    before it, when the sentence before or this one names it, else the only one the report names."""
    doc, b = ctx.doc, ctx.builder
    sites = [m for m in ctx.mentions if m.label == "Place" and m.node in b.nodes
             and b.nodes[m.node].props.get("kind") in {"facility", "port"}]
    out = []
    for tok in doc:
        head = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or head not in SITE_HEADS | WORKS_HEADS | GENERIC_SITES \
                or ctx.at(tok) is not None or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                or any(c.dep_ in {"compound", "amod", "nmod", "poss"} and not c.is_lower for c in tok.children) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # ('the Chabahar port', 'the port of Odesa' are names; 'the plants' no one site)
        fits = [m for m in sites if head in GENERIC_SITES or b.nodes[m.node].name.lower().split()[-1] == head
                or b.nodes[m.node].props.get("kind") == head]
        near = [m for m in fits if _sentence_before(doc, tok) <= m.start and m.end <= tok.i]
        named = {m.node for m in fits if m.end <= tok.i} or {m.node for m in fits}
        node = near[-1].node if near else named.pop() if len(named) == 1 else None
        if node is not None:
            out.append(Mention(tok.i, tok.i + 1, "Place", node, tok.text, via="definite"))
    return out


def _sentence_before(doc, tok) -> int:
    """Where the sentence before the token's starts."""
    start = tok.sent.start
    return doc[start - 1].sent.start if start > 0 else start


# The ways one kind of works is written ('nuclear power plant', 'NPP', 'nuclear plant'): one head.
SITE_HEAD_FORMS = {"nuclear power plant": "plant", "nuclear power station": "plant", "atomic power plant": "plant",
                   "nuclear plant": "plant", "atomic plant": "plant", "power plant": "plant", "power station": "plant",
                   "npp": "plant", "hpp": "plant", "tpp": "plant", "hydroelectric power plant": "plant",
                   "hydropower plant": "plant", "international airport": "airport", "air base": "airbase",
                   "airbase": "airbase", "naval base": "naval base"}


def site_key(name: str) -> str:
    """The key a site meets its other names by: its folded name with the head written one way
    ('Zaporizhzhia nuclear power plant', 'Zaporizhia NPP', 'Zaporizhzhya nuclear plant')."""
    key = fold(name)
    for form in sorted(SITE_HEAD_FORMS, key=len, reverse=True):
        if key.endswith(" " + form):
            return key[: -len(form)] + SITE_HEAD_FORMS[form]
    return key

"""Routes, shipments and geography: ROUTE_LEG {mode, seq, route}, SHIPPED {commodity,
quantity, unit, period, attributed_to}, LOCATED_IN and BORDERS.

Routes are read as ordered 'from X ... to Y' legs in a sentence that moves
something ('by sea', 'by rail', 'transported', 'shipped'); 'from where' continues
from the last stop. Shipments come from supply verbs ('Russia sends food ... to
North Korea'), their passives ('16,500 containers ... were exported to Russia')
and nominals ('sales of ammunition from North Korea to Russia').
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext
from kg.extract.dates import parse_period
from kg.extract.events import main_state
from kg.extract.frames import LIST_JOINS, not_done
from kg.extract.goods import goods_class, goods_model, model_node
from kg.extract.normalize import slug
from kg.extract.organizations import STATE_BODY_WORDS
from kg.models import stable_hash

FACILITY_NOUNS = {"facility", "facilities", "depot", "depots", "base", "bases", "warehouse",
                  "warehouses", "storage", "site", "sites", "arsenal", "arsenals", "airfield",
                  "terminal", "terminals", "port", "ports", "hub", "yard"}
MOVE_LEMMAS = {"transport", "ship", "move", "send", "deliver", "carry", "arrive", "export",
               "transfer", "haul", "route", "smuggle", "import", "travel", "sail", "leave", "depart"}
SHIP_NOUNS = {"sale", "shipment", "export", "delivery", "supply", "transfer", "consignment"}
REPORTING_VERBS = {"say", "assess", "report", "state", "believe", "think", "estimate", "note", "claim", "write", "tell",
                   "announce", "add", "argue", "suggest", "judge", "expect", "warn", "allege"}
HYPOTHETICAL = {"if", "whether", "unless"}
MODALS = {"may", "might", "could", "would"}


def _mode_of(ctx: ReportContext, tokens: Span) -> str | None:
    modes = ctx.gaz.triggers["modes"]
    for i, tok in enumerate(tokens):
        if tok.lower_ in {"by", "via"} and i + 1 < len(tokens):
            nxt = tokens[i + 1].lower_
            for mode, words in modes.items():
                if nxt in words:
                    return mode
    return None


def _vehicle_mode(ctx: ReportContext, sent: Span) -> str | None:
    """'the cargo ship Lady R delivering goods from Rason to Vostochny': by sea, as the one
    kind of vehicle the sentence names says (loaders/triggers.yaml, vehicles)."""
    vehicles = {w: mode for mode, words in ctx.gaz.triggers["vehicles"].items() for w in words}
    modes = {vehicles[t.lemma_.lower()] for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in vehicles}
    if any(m.label == "Vessel" for m in ctx.in_span(sent.start, sent.end)):
        modes.add("sea")
    return modes.pop() if len(modes) == 1 else None


def _place_np(ctx: ReportContext, obj: Token, sent: Span) -> str | None:
    """A place node for a prepositional object: a known place, else a facility noun phrase."""
    m = ctx.at(obj)
    if m and m.label in {"Place", "State"}:
        return m.node
    if obj.lemma_.lower() in NAMED_BY_PLACE:  # 'towards the Rafah border', 'to the Kherson area'
        inner = next((x for c in obj.children if c.dep_ == "compound" for x in [ctx.at(c)]
                      if x is not None and x.label == "Place"), None)
        if inner is not None:
            return inner.node
    if obj.lower_ in FACILITY_NOUNS or obj.lemma_ in FACILITY_NOUNS:
        named = _named_by(ctx, obj)
        if named is not None:
            return named
        if any(c.dep_ == "nummod" or c.lower_ in INDEFINITE for c in obj.children):
            return None  # 'from a Black Sea port', 'three key ports': no particular place
        owner = {t.i for c in obj.children if c.dep_ == "poss" for t in c.subtree}  # not "North Korea's"
        words = [t.text for t in obj.subtree if t.i <= obj.i and t.pos_ not in {"DET", "NUM"}
                 and t.dep_ not in {"quantmod", "advmod"} and t.i not in owner]
        name = " ".join(words)
        return ctx.builder.add_node("Place:" + slug(name), "Place", name, kind="facility",
                                    evidence=ctx.evidence(sent))
    return None


INDEFINITE = {"a", "an", "any", "some", "another", "several", "many", "various", "other"}
NAMED_BY_PLACE = {"border", "crossing", "checkpoint", "frontier", "area", "region", "outskirts"}


def _named_by(ctx: ReportContext, noun: Token) -> str | None:
    """The place a facility noun stands for: 'the port of Chernomorsk', "Karasu's port"."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    for owner in owners:
        m = ctx.at(owner)
        if m and m.label == "Place":
            return m.node
    for c in noun.children:  # 'Vostochny Port' is the port of Vostochny
        m = ctx.at(c) if c.dep_ == "compound" else None
        if m and m.label == "Place" and ctx.builder.nodes[m.node].props.get("kind") == "port":
            return m.node
    return None


TRIP_WORDS = {"trip", "voyage", "run", "shuttle", "ply", "sail", "fly", "flight", "route", "journey", "crossing", "transit", "travel",
              "round", "service", "lane"}
LINE_NOUNS = {"line", "link", "section", "corridor", "connection", "railway", "railroad", "road", "highway",
              "pipeline", "bridge"}  # what a leg between two places is built as
LINE_MODES = {"railway": "rail", "railroad": "rail", "rail": "rail", "pipeline": "pipeline", "road": "road",
              "highway": "road", "motorway": "road", "sea": "sea", "shipping": "sea", "ferry": "sea"}


def _lines_between(ctx: ReportContext, sent: Span) -> None:
    """'A railway line will be laid between the cities of Rasht and Astara': a leg of that mode."""
    mode = next((LINE_MODES[t.lower_] for t in sent if t.lower_ in LINE_MODES and t.pos_ in {"NOUN", "ADJ"}), None)
    trips = any(t.lemma_.lower() in TRIP_WORDS for t in sent)
    if mode is None and trips:  # 'two vessels made five trips between Najin and Dunay'
        mode = _vehicle_mode(ctx, sent)
    if mode is None:
        return
    for tok in sent:
        if tok.lower_ != "between" or tok.dep_ != "prep":
            continue
        head = tok.head
        while head.dep_ in {"appos", "nummod", "amod"} and head.head.i != head.i:  # 'trips—at least five—between'
            head = head.head
        if not (head.pos_ in {"VERB", "AUX"} or head.lemma_.lower() in TRIP_WORDS | LINE_NOUNS | set(LINE_MODES)):
            continue  # 'trade between the two countries' is no leg
        found = [m for m in ctx.in_span(tok.i, tok.right_edge.i + 1, "Place")
                 if ctx.builder.nodes[m.node].props.get("kind") != "facility"]
        places = list({m.node: m for m in found}.values())  # 'Najin (Rajin)' is one stop
        if len(places) == 2:
            route = f"route-{stable_hash(ctx.builder.report.id, sent.start_char, length=8)}"
            ctx.builder.add_edge(places[0].node, "ROUTE_LEG", places[1].node, mode=mode, seq=1, route=route,
                                 evidence=ctx.evidence(sent))
    for tok in sent:  # 'a railway bridge linking the Tumen River station with Khasan station'
        if tok.lemma_.lower() not in {"link", "connect", "join"} or tok.pos_ != "VERB" \
                or tok.head.lemma_.lower() not in LINE_NOUNS | set(LINE_MODES) | {"bridge", "tunnel", "ferry"}:
            continue
        ends = [c for c in tok.children if c.dep_ == "dobj"]
        ends += [o for h in [tok, *ends] for c in h.children if c.dep_ == "prep" and c.lower_ in {"with", "to"}
                 for o in c.children if o.dep_ == "pobj"]  # (the parser may hang 'with Y' on X)
        ends += [c for e in ends[:1] for c in e.conjuncts]  # 'linking Najin and Khasan'
        places = [m for e in ends[:2] for m in ctx.in_span(e.left_edge.i, e.i + 1, "Place")[-1:]]
        if len(places) == 2 and places[0].node != places[1].node:
            route = f"route-{stable_hash(ctx.builder.report.id, sent.start_char, tok.i, length=8)}"
            ctx.builder.add_edge(places[0].node, "ROUTE_LEG", places[1].node, mode=mode, seq=1, route=route,
                                 evidence=ctx.evidence(sent))


def _named_lines(ctx: ReportContext, sent: Span) -> None:
    """'the Tumangang-Khasan rail crossing', 'the Rasht-Astara railway': a line named after
    the two places it joins is a leg between them, by the mode its words say."""
    for tok in sent:
        if tok.lemma_.lower() not in LINE_NOUNS | {"crossing"} or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        mods = [t for t in tok.lefts if t.dep_ in {"compound", "amod", "nmod"}]
        if not mods:
            continue
        lo = min(t.left_edge.i for t in mods)
        words = [t.lower_ for t in ctx.doc[lo:tok.i + 1]]
        mode = next((LINE_MODES[w] for w in reversed(words) if w in LINE_MODES), None)
        found = [m for m in ctx.in_span(lo, tok.i) if m.label == "Place"]
        places = list({m.node: m for m in found}.values())
        if mode and len(places) == 2 and "-" in ctx.doc[places[0].end - 1:places[1].start + 1].text:
            route = f"route-{stable_hash(ctx.builder.report.id, sent.start_char, tok.i, length=8)}"
            ctx.builder.add_edge(places[0].node, "ROUTE_LEG", places[1].node, mode=mode, seq=1, route=route,
                                 evidence=ctx.evidence(sent))


def _routes(ctx: ReportContext, sent: Span) -> None:
    _lines_between(ctx, sent)
    _named_lines(ctx, sent)
    if not any(t.lemma_ in MOVE_LEMMAS for t in sent) and _mode_of(ctx, sent) is None:
        return
    legs: list[tuple[str, str, str | None]] = []
    last_stop = None
    toks = list(sent)
    for i, tok in enumerate(toks):
        if tok.lower_ != "from" or tok.dep_ != "prep":
            continue
        objs = [c for c in tok.children if c.dep_ in {"pobj", "advmod"}] or \
               ([toks[i + 1]] if i + 1 < len(toks) else [])
        if not objs:
            continue
        if objs[0].lower_ == "where":
            origins = [last_stop] if last_stop else []
        else:  # 'from Odesa and Chornomorsk', 'from areas near X and Y': each a leg of its own
            origin = _place_np(ctx, objs[0], sent)
            origins = _origins(ctx, tok) or ([origin] if origin is not None else [])
        dest, dest_tok = _next_to(ctx, toks, i, sent)
        if dest is None or not origins:
            continue
        mode = _mode_of(ctx, sent[max(0, tok.i - sent.start - 6):dest_tok - sent.start + 1]
                        if dest_tok else sent) or _vehicle_mode(ctx, sent)
        legs += [(o, dest, mode) for o in origins if o != dest]
        last_stop = dest
    if not legs:
        return
    ev = ctx.evidence(sent)
    starts = [n for n, (a, b, _) in enumerate(legs) if n == 0 or legs[n - 1][1] != a]  # a new route per origin
    for n, (a, b, mode) in enumerate(legs):
        first = max(x for x in starts if x <= n)
        route = f"route-{stable_hash(ctx.builder.report.id, sent.start_char, *([first] if first else []), length=8)}"
        if ctx.label_of(a) == "Place" and ctx.label_of(b) == "Place":
            ctx.builder.add_edge(a, "ROUTE_LEG", b, mode=mode or "unknown", seq=n - first + 1, route=route,
                                 evidence=ev)


ORIGIN_PREPS = {"near", "around", "outside", "of", "off"}


def _origins(ctx: ReportContext, frm: Token) -> list[str]:
    """'from areas near X and Y as well as the Z coastal cliff', 'from near X, Y, and Z,
    North Korea': each place the 'from' phrase lists is an origin (each a leg to where the
    route goes); a place that only says where another lies ('in Y', 'X, State') is none."""
    out: list[str] = []
    for m in ctx.in_span(frm.i + 1, frm.right_edge.i + 1):
        if m.label != "Place" or m.node in out:
            continue
        tok, ok = ctx.doc[m.start:m.end].root, True
        if tok.dep_ in {"nmod", "compound", "amod"}:  # 'the Musudan coastal cliff'
            tok = tok.head
        while ok and tok.i != frm.i:
            ok = tok.dep_ in {"pobj", "conj", "pcomp"} or tok.dep_ == "prep" and tok.lower_ in ORIGIN_PREPS
            tok = tok.head
        if ok:
            out.append(m.node)
    return out


def _next_to(ctx: ReportContext, toks: list[Token], i: int, sent: Span) -> tuple[str | None, int | None]:
    for tok in toks[i + 1:]:
        if tok.lower_ == "from" and tok.dep_ == "prep":
            return None, None
        if tok.lower_ in {"to", "toward", "towards"} and tok.dep_ in {"prep", "dative"}:
            for obj in tok.children:
                if obj.dep_ == "pobj":
                    node = _place_np(ctx, obj, sent)
                    if node:
                        return node, obj.i
    return None, None


PLACE_NOUNS = {"port", "ports", "city", "cities", "town", "towns", "region", "regions", "province", "provinces",
               "village", "villages", "island", "islands", "capital"}


def _demonym_places(ctx: ReportContext, sent: Span) -> None:
    """'the Iranian port of Bandar Amirabad', 'the Iranian cities of Rasht and Astara': the
    places lie in the demonym's state; a name the tagger took for a person is the place."""
    b = ctx.builder
    for tok in sent:
        if tok.lower_ not in PLACE_NOUNS:
            continue
        state = next((m for c in tok.children if c.dep_ in {"amod", "compound"}
                      for m in [ctx.at(c)] if m and m.label == "State"), None)
        state = state or next((m for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
                               for m in [ctx.at(o)] if o.dep_ == "pobj" and m and m.label == "State"), None)
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if not of:  # 'Iranian ports such as Amirabad and Anzali', 'Ukrainian cities, including Lviv'
            of = [o for c in tok.children if c.dep_ == "prep" and (c.lower_ == "including" or c.lower_ == "as"
                  and any(a.lower_ == "such" for a in c.children)) for o in c.children if o.dep_ == "pobj"]
        if not of:
            _apposed_place(ctx, tok, state, sent)
            continue
        if state is None:
            continue
        kind = "port" if tok.lower_.startswith("port") else "city" if tok.lower_ in {"city", "cities", "capital", "town", "towns"} else None
        for obj in [of[0], *of[0].conjuncts]:
            m = ctx.at(obj)
            if m is not None and m.label == "Person" and obj.pos_ == "PROPN":
                if m.node in b.nodes and not ctx.mentioned(m.node, besides=(m,)):
                    b.drop_node(m.node)
                name = ctx.doc[m.start:m.end].text
                m.label, m.node = "Place", b.add_node("Place:" + slug(name.lower()), "Place", name, kind=kind or "city",
                                                       country=ctx.name_of(state.node), evidence=ctx.evidence(sent))
            if m is not None and m.label == "Place":
                b.add_edge(m.node, "LOCATED_IN", state.node, evidence=ctx.evidence(sent))


def _apposed_place(ctx: ReportContext, noun: Token, state: Mention | None, sent: Span) -> None:
    """"Niger's capital, Niamey", 'in the country's capital, Niamey', 'the port city, X': the
    place lies in the state named (its possessor or demonym), else in the state the gazetteer
    puts it in when the report names that state."""
    b = ctx.builder
    state = state or next((m for c in noun.children if c.dep_ == "poss" for m in [ctx.at(c)]
                           if m and m.label == "State"), None)
    for obj in (c for c in noun.children if c.dep_ == "appos"):
        m = ctx.at(obj)
        if m is None or m.label != "Place":
            continue
        home = state.node if state else next((n for n, acc in b.nodes.items() if acc.label == "State"
                                              and acc.name == b.nodes[m.node].props.get("country")), None)
        if home is not None:
            b.add_edge(m.node, "LOCATED_IN", home, evidence=ctx.evidence(sent))


COMPANY_NOUNS = {"company", "firm", "group", "maker", "manufacturer", "shipbuilder", "shipyard", "operator", "contractor",
                 "carrier", "producer", "giant", "conglomerate", "corporation", "utility", "exporter", "supplier",
                 "developer", "builder", "airline", "bank", "lender", "insurer", "shipper", "subsidiary"}


def _home_of_companies(ctx: ReportContext, sent: Span) -> None:
    """'French company Vinci', 'French aviation company Dassault', "France's Dassault Aviation":
    a company is located in the state its nationality or its possessor names (a state's own
    bodies, 'Russia's Defence Ministry', are the state's, not located in it)."""
    doc = ctx.doc
    for org in ctx.in_span(sent.start, sent.end, "Organization"):
        words = {w.lower() for w in ctx.name_of(org.node).split()}
        known = ctx.gaz.entries.get(org.node)
        kind = ctx.builder.nodes[org.node].props.get("kind") or (known.kind if known else None)
        if words & STATE_BODY_WORDS or kind in {"international", "media", "armed_group"}:
            continue  # ("the UK's UN Ambassador": the UN is in no state)
        root = doc[org.start:org.end].root
        mods = [c for c in root.children if c.i < org.start]
        nouns = [c for c in mods if c.dep_ == "compound" and c.lemma_.lower() in COMPANY_NOUNS]
        nouns += [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in COMPANY_NOUNS]  # 'X, a ... supplier'
        if root.dep_ in {"oprd", "dobj"} and root.head.lemma_ in {"name", "call"} and root.head.dep_ == "acl" \
                and root.head.head.lemma_.lower() in COMPANY_NOUNS:
            nouns.append(root.head.head)  # 'a St. Petersburg company named X'
        if root.dep_ == "appos" and root.head.lemma_.lower() in COMPANY_NOUNS:
            nouns.append(root.head)  # 'the Maltese shell company X'
        owners = [c for c in mods if c.dep_ == "poss"]
        for n in nouns:  # 'Cypriot shell company', 'St. Petersburg company', 'Russia-based supplier'
            owners += [t for t in n.subtree if t.i < n.i and t.dep_ in {"amod", "compound", "npadvmod", "nmod"}]
        for tok in owners:
            m = ctx.at(tok)
            if m is None or m.node == org.node:
                continue
            if m.label == "State" and (tok.dep_ in {"amod", "compound", "npadvmod", "nmod"} or m.via != "demonym"):
                ctx.builder.add_edge(org.node, "LOCATED_IN", m.node, evidence=ctx.evidence(sent))
            elif m.label == "Place" and ctx.builder.nodes[m.node].props.get("kind") in {"city", "region"}:
                ctx.builder.add_edge(org.node, "LOCATED_IN", m.node, evidence=ctx.evidence(sent))
    _respectively(ctx, sent)


def _respectively(ctx: ReportContext, sent: Span) -> None:
    """'Verus, Defense Engineering, and Versor, registered in Russia, Kazakhstan, and Slovakia,
    respectively': the n-th company is in the n-th state."""
    if not any(t.lower_ == "respectively" for t in sent):
        return
    orgs = [m for m in ctx.in_span(sent.start, sent.end, "Organization")
            if not {w.lower() for w in ctx.name_of(m.node).split()} & STATE_BODY_WORDS]
    states = [m for m in ctx.in_span(sent.start, sent.end, "State") if m.via != "demonym"]
    orgs = list({m.node: m for m in orgs}.values())
    if len(orgs) >= 2 and len(orgs) == len(states) and orgs[-1].end <= states[0].start:
        for org, state in zip(orgs, states):
            ctx.builder.add_edge(org.node, "LOCATED_IN", state.node, evidence=ctx.evidence(sent))


LIE_VERBS = {"locate", "situate", "lie", "sit", "nestle"}
HUB_NOUNS = {"hub", "centre", "center", "capital", "city", "town", "port", "seaport"}
SHORES = {"shore", "coast", "bank", "edge", "outskirts", "banks", "shores"}  # 'on the shore of the Caspian Sea'
PLACE_HOLDERS = {"Place", "State"}


def _lies_in(ctx: ReportContext, sent: Span) -> None:
    """'Chabahar is a deep water port located in the Sistan-Baluchistan province of Iran', 'X lies
    in Y', 'X is a port in Y': the subject lies in the place after 'in' (and a region 'of' a
    state in that state)."""
    b = ctx.builder
    for tok in sent:
        noun = tok.head if tok.lemma_.lower() in LIE_VERBS and tok.dep_ == "acl" else None  # 'a port located in'
        if tok.lemma_.lower() in LIE_VERBS and tok.dep_ != "acl":
            subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)  # 'X lies in Y'
        elif tok.dep_ == "appos" and tok.lemma_.lower() in PLACE_NOUNS | HUB_NOUNS:  # 'Grozny, a city in the X'
            subject = tok.head
        elif noun is not None or tok.lower_ in PLACE_NOUNS and tok.dep_ == "attr":
            noun = noun or tok
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None) if noun.dep_ == "attr" else noun
        else:
            continue
        inner = ctx.at(subject) if subject is not None else None
        where = [o for c in tok.children if c.dep_ == "prep" and (c.lower_ in {"in", "on", "within"} or c.lower_ == "of"
                                                                  and tok.lemma_.lower() == "capital")
                 for o in c.children if o.dep_ == "pobj"]  # ('the capital of Russia's Chechnya')
        where = [next((x for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
                       if x.dep_ == "pobj"), o) if o.lemma_.lower() in SHORES else o for o in where]
        if inner is None or inner.label != "Place" or not where:
            continue
        target = ctx.at(where[0]) or next((m for c in where[0].children if c.dep_ in {"compound", "amod"}
                                          for m in [ctx.at(c)] if m), None)  # 'the Sistan-Baluchistan province'
        if target is None or target.label not in PLACE_HOLDERS or target.node == inner.node or target.via == "demonym":
            continue
        b.add_edge(inner.node, "LOCATED_IN", target.node, evidence=ctx.evidence(sent))
        state = next((m for c in where[0].children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                      for m in [ctx.at(o)] if m and m.label == "State"), None)  # '... province of Iran'
        if state is not None and target.label == "Place":
            b.add_edge(target.node, "LOCATED_IN", state.node, evidence=ctx.evidence(sent))


def _located_in(ctx: ReportContext, sent: Span) -> None:
    """'Najin in North Korea', 'Vladivostok, Russia', 'X, including Y', 'which borders Y'."""
    _demonym_places(ctx, sent)
    _lies_in(ctx, sent)
    _home_of_companies(ctx, sent)
    places = ctx.in_span(sent.start, sent.end)
    places = [m for m in places if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                                           for o in places)]  # ('Rivne' of 'the Rivne plant in Varash')
    doc = ctx.doc
    for k, (a, b) in enumerate(zip(places, places[1:])):
        if a.label == "State" and b.label == "Place" and a.via != "demonym" \
                and ctx.builder.nodes[b.node].props.get("kind") not in {"sea", "river"} and re.fullmatch(
                rf"['’]s{COMPASS}(?: (?:capital|city|port|town|region|province|border town|port city))?",
                doc[a.end:b.start].text.strip()):  # "Afghanistan's eastern Nangarhar province", "Iran's capital Tehran"
            ctx.builder.add_edge(b.node, "LOCATED_IN", a.node, evidence=ctx.evidence(sent))
        if a.label != "Place":
            continue
        between = doc[a.end:b.start].text.strip()
        if ctx.builder.nodes[a.node].props.get("kind") == "port":  # 'the Gwadar Port in Pakistan'
            between = re.sub(r"^(?:[Pp]ort|[Hh]arbou?r|[Ss]eaport)\s+(?=in\b|,)", "", between)
        city_of = re.fullmatch(r"in the (?:[A-Za-z\-]+ ){0,3}(?:city|town|port|region|province) of", between)
        subject = between == "," and (doc[b.end - 1].dep_ in {"nsubj", "nsubjpass"}  # '..., Beijing will be consulted'
                                      or b.end < len(doc) and doc[b.end].tag_ == "POS")  # "..., Thailand's ministry said"
        region = b.label == "State" or ctx.builder.nodes[b.node].props.get("kind") == "region"
        all_in = re.fullmatch(rf", (?:all|both|each) in(?: the)?{COMPASS}", between)  # '..., all in northern Iraq'
        if (re.fullmatch(rf", in(?: the)?{COMPASS}", between) or all_in) and region and b.via != "demonym":
            for m in [a, *(_listed_before(doc, places, k) if all_in else [])]:  # 'in Vladivostok, in the Far East'
                ctx.builder.add_edge(m.node, "LOCATED_IN", b.node, evidence=ctx.evidence(sent))
            continue
        glued = between == "" and b.label == "State" and ctx.builder.nodes[a.node].props.get("kind") == "city"
        site = a.node not in ctx.gaz.entries and b.node in ctx.gaz.entries \
            and ctx.builder.nodes[a.node].props.get("kind") in {"port", "facility"}  # 'the X terminal at Chabahar port'
        if (between in {"in", ","} or city_of or glued or site and between == "at") and b.label in {"State", "Place"} \
                and b.via != "demonym" and not subject and not (between == "," and _listed_after(ctx, places, k + 1)):
            kind = ctx.builder.nodes[b.node].props.get("kind")
            town = kind in {"region", "city"} or kind == "port" and (
                site or getattr(ctx.gaz.entries.get(b.node), "population", 0))
            if ctx.label_of(b.node) == "Place" and not town:  # ('Port Olya in Astrakhan': a port city)
                continue
            towns = {ctx.builder.nodes[m.node].props.get("kind") for m in (a, b)} <= {"city", "port"}
            if between == "," and towns and b.label == "Place":  # 'hit Khmelnytskyi, Odesa': a list of towns
                continue
            ctx.builder.add_edge(a.node, "LOCATED_IN", b.node, evidence=ctx.evidence(sent))
            if b.label == "State" and between in {",", "in"}:  # 'Chongjin, Hamhung, and Musudan, North Korea',
                # 'Karachi and the Gwadar Port in Pakistan'
                for m in _listed_before(doc, places, k):
                    if ctx.state_of(m.node) in {None, b.node}:
                        ctx.builder.add_edge(m.node, "LOCATED_IN", b.node, evidence=ctx.evidence(sent))
    for a, b in zip(places, places[1:]):
        between = doc[a.end:b.start].text.strip().lower()
        respectively = any(t.lower_ == "respectively" for t in sent)  # (pairs are _respectively's)
        if a.label == "Organization" and b.label in {"State", "Place"} and b.via != "demonym" and not respectively \
                and re.fullmatch(r",? ?(?:which is |that is )?(?:based|headquartered|registered) in(?: the)?", between):
            ctx.builder.add_edge(a.node, "LOCATED_IN", b.node, evidence=ctx.evidence(sent))  # 'X, based in the UAE'
        if a.label == "Organization" and b.label == "State" and b.via != "demonym" and between == "from" \
                and (b.end >= len(doc) or doc[b.end].lower_ not in {"to", "into", "for"}) \
                and not any(t.lemma_ in MOVE_LEMMAS | {"arrive", "come", "return"} for t in doc[sent.start:a.start]) \
                and not {w.lower() for w in ctx.name_of(a.node).split()} & STATE_BODY_WORDS:
            ctx.builder.add_edge(a.node, "LOCATED_IN", b.node, evidence=ctx.evidence(sent))  # 'Verus from Russia'
        kind = ctx.builder.nodes[b.node].props.get("kind") if b.label == "Place" else None
        inside_state = kind == "city" or kind == "region" and ctx.builder.nodes[b.node].props.get("country")
        if a.label == "Organization" and inside_state and between == "in" \
                and doc[a.end].head.i == doc[a.start:a.end].root.i:  # 'the Brooke Army Medical Center in Texas'
            ctx.builder.add_edge(a.node, "LOCATED_IN", b.node, evidence=ctx.evidence(sent))
        if a.label == "Organization" and b.label == "State" and between == "," and b.end < len(doc) \
                and doc[b.end].tag_ == "POS" and any(t.dep_ == "appos" and t.head.i == doc[a.start:a.end].root.i
                                                     for t in doc[b.end:min(b.end + 6, sent.end)]):
            ctx.builder.add_edge(a.node, "LOCATED_IN", b.node, evidence=ctx.evidence(sent))  # "Fingrid, Finland's grid operator"
        if a.label in {"State", "Place"} and b.label == "Organization" and between == "-based":
            ctx.builder.add_edge(b.node, "LOCATED_IN", a.node, evidence=ctx.evidence(sent))  # 'UAE-based X'
        if a.label == "Place" and b.label == "Place" and between in {", including", "including"}:
            ctx.builder.add_edge(b.node, "LOCATED_IN", a.node, evidence=ctx.evidence(sent))
        if a.label == "Place" and kind in {"facility", "port", "building"} and between in {"'s", "’s"} \
                and ctx.builder.nodes[a.node].props.get("kind") == "city":  # "Ankara's Esenboga Airport"
            ctx.builder.add_edge(b.node, "LOCATED_IN", a.node, evidence=ctx.evidence(sent))
        if a.label == "State" and b.label == "Organization" and a.via != "demonym" and between in {"'s", "’s"} \
                and not ctx.builder.nodes[b.node].props.get("country") \
                and ctx.builder.nodes[b.node].props.get("kind") != "international":  # "Finland's Fingrid" (a body the
            ctx.builder.add_edge(b.node, "LOCATED_IN", a.node, evidence=ctx.evidence(sent))  # gazetteer places not)
        if a.label == "State" and b.label == "Place" and a.via != "demonym" and between in {"'s", "’s"} \
                and ctx.state_of(b.node) in {None, a.node} \
                and ctx.builder.nodes[b.node].props.get("kind") not in {"sea", "river"}:  # "Russia's Kursk region"
            ctx.builder.add_edge(b.node, "LOCATED_IN", a.node, evidence=ctx.evidence(sent))
    for tok in sent:
        shares = tok.lemma_ == "share" and any(c.dep_ == "dobj" and c.lemma_.lower() in {"border", "boundary"}
                                               for c in tok.children)  # 'which shares boundaries with Ukraine'
        if tok.lemma_ == "border" and tok.pos_ == "VERB" or shares:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ in {"which", "that"} and tok.dep_ == "relcl":
                subj = tok.head
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if shares:
                heads = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
                obj = next((o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                            for o in c.children if o.dep_ == "pobj"), None)
            if subj is None or obj is None:
                continue
            a, b = _nearest_place(ctx, subj, exclude=tok), ctx.at(obj)
            if a and b and b.label in {"State", "Place"}:
                ctx.builder.add_edge(a.node, "BORDERS", b.node, evidence=ctx.evidence(sent))


COMPASS = r"(?: (?:[a-z]+ern|central|coastal))?"  # 'in northern Iraq', 'all in the Russian Far East'


def _listed_before(doc, mentions: list[Mention], k: int) -> list[Mention]:
    """The places listed with mention k before it ('Mosul, Kirkuk and Erbil'), read off the
    text, not the parse (which often hangs a list's second name elsewhere)."""
    out = []
    while k > 0 and re.sub(r"\s+the$", "", doc[mentions[k - 1].end:mentions[k].start].text.strip()) in LIST_JOINS \
            and mentions[k - 1].label == "Place":
        k -= 1
        out.append(mentions[k])
    return out


def _listed_after(ctx: ReportContext, mentions: list[Mention], k: int) -> bool:
    """Mention k is followed by another place of its kind in a list ('Mosul, Kirkuk and Erbil'):
    a list, not 'Kirkuk' saying where 'Mosul' lies ('Sevastopol, Crimea, and Kherson' keeps it)."""
    def town(m: Mention) -> bool:
        return ctx.builder.nodes[m.node].props.get("kind") in {"city", "port"}
    return k + 1 < len(mentions) and mentions[k].label == mentions[k + 1].label == "Place" \
        and town(mentions[k]) == town(mentions[k + 1]) \
        and ctx.doc[mentions[k].end:mentions[k + 1].start].text.strip() in LIST_JOINS


def _nearest_place(ctx: ReportContext, tok: Token, exclude: Token | None = None) -> Mention | None:
    """The place a phrase is about: itself, inside it, up its heads ('Krai - a territory with
    1.8 million inhabitants, which borders ...'), else the last place before it."""
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    m = ctx.at(tok)
    if m and m.label in {"Place", "State"}:
        return m
    for t in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
        m = ctx.at(t) if t.i not in skip else None
        if m and m.label in {"Place", "State"}:
            return m
    up = tok
    for _ in range(4):
        if up.head.i == up.i:
            break
        up = up.head
        m = ctx.at(up)
        if m and m.label in {"Place", "State"}:
            return m
    before = [m for m in ctx.in_span(tok.sent.start, tok.i + 1) if m.label in {"Place"}]
    return before[-1] if before else None


COUNT_NOUNS = {"thousands", "hundreds", "dozens", "millions", "tens", "scores", "lots", "batches", "batch",
               "packages", "package", "consignments", "consignment", "quantities", "amounts", "loads",
               "stocks", "stockpiles", "supplies", "deliveries", "cargoes"}  # 'large packages of ammunition'



def _commodity(ctx: ReportContext, tok: Token) -> tuple[str, str, float | None, str | None] | None:
    """(node, name, quantity, unit) for a shipped noun phrase."""
    lex = ctx.gaz.commodities
    units = set(lex["units"])
    quantity, unit = None, None
    head = tok
    of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if tok.lower_ in COUNT_NOUNS and of:  # 'thousands of Shahed drones': the drones, in no counted unit
        objs = [o for p in of for o in p.children if o.dep_ == "pobj"]
        if objs:
            return _commodity(ctx, objs[0])
    if (tok.lemma_.lower() in units or tok.lower_ in units) and of:
        unit = tok.lower_
        quantity = _number(tok)
        objs = [o for p in of for o in p.children if o.dep_ == "pobj"]
        if not objs:
            return None
        head = objs[0]
    own = _own_tokens(head)
    own = [t for t in own if t.tag_ not in {"JJR", "RBR", "JJS"} or t.i == head.i]  # not 'more warplanes'
    phrase = " ".join(t.text for t in own if t.i <= head.i and t.pos_ not in {"DET", "NUM", "PRON", "PUNCT"}
                      and t.dep_ not in {"nummod", "quantmod", "poss", "case"} and ctx.at(t) is None
                      or t.i == head.i)
    clause = {x.i for t in own if t.dep_ in {"acl", "relcl"} or t.dep_ == "prep" and t.lower_ in {"to", "from", "into", "via"}
              for x in t.subtree}  # 'drones used in attacks on ...', 'helicopters to Mali'
    full = " ".join(t.text for t in own if t.pos_ not in {"DET", "PUNCT", "CCONJ"} and t.dep_ != "poss"
                    and ctx.at(t) is None and t.i not in clause)
    generic = head.lemma_.lower() in lex["generic"] and " " in phrase  # 'relief goods', 'aid items': the
    phrases = [phrase.lower(), phrase.lower().rsplit(" ", 1)[0]] if generic else [phrase.lower()]  # modifier's goods
    for entry, said in ((e, p) for p in phrases for e in lex["commodities"]):
        words = sorted(entry["words"], key=len, reverse=True)
        for w in words:
            if re.fullmatch(rf"(?:\w+\s+)*{re.escape(w)}s?", said) or head.lemma_.lower() == w:
                name = entry["name"]
                if (model := goods_model(ctx, head)) is not None:  # '12 Rafale warplanes': the model is the goods
                    node = model_node(ctx, model, head)
                    return node, ctx.builder.nodes[node].name, quantity if quantity is not None else _number(head), unit
                node = _commodity_node(ctx, name, tok, aliases=tuple({phrase.lower(), full.lower()} - {name}))
                if quantity is None:
                    quantity = _number(head)
                return node, name, quantity, unit
    return None


def commodity_of(ctx: ReportContext, tok: Token) -> str | None:
    """The commodity node a single noun names ('gas', 'fertilizer', 'corn'), if the lexicon knows it."""
    if tok.dep_ == "compound" and goods_class(ctx, tok.head):
        return None  # ('fighter' of 'fighter jets': the phrase's head names the goods)
    cls = goods_class(ctx, tok)
    if cls is None:
        return None
    model = goods_model(ctx, tok)
    return model_node(ctx, model, tok) if model else _commodity_node(ctx, cls, tok)


def _commodity_node(ctx: ReportContext, name: str, tok: Token, aliases: tuple[str, ...] = ()) -> str:
    """One node per lexicon commodity, whatever words named it."""
    return ctx.builder.add_node("Commodity:" + slug(name), "Commodity", name, aliases=aliases,
                                evidence=ctx.evidence(tok.sent))


def _own_tokens(head: Token) -> list[Token]:
    """The noun phrase of a head without its conjuncts ('food' of 'food, spare parts and ...')."""
    skip = set()
    last = max((c.i for c in head.children if c.dep_ == "conj"), default=None)
    for child in head.children:
        if child.dep_ in {"conj", "cc", "appos"} or (child.dep_ == "punct" and child.i > head.i) \
                or last is not None and child.dep_ == "prep" and child.i > last and child.lower_ in {"for", "of"}:
            skip |= {t.i for t in child.subtree}
    own = [t for t in head.subtree if t.i not in skip]
    return own + [t for t in _trailing_preps(head) if t.i not in {o.i for o in own}]


def _trailing_preps(conj: Token) -> list[Token]:
    """'raw material for weapons manufacturing' of 'food, spare parts, and raw material for
    weapons manufacturing': the parser hangs the last item's modifier on the first item."""
    first = conj
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is conj or any(c.dep_ == "conj" and c.i > conj.i for c in conj.children):
        return []
    return [t for c in first.children if c.dep_ == "prep" and c.lower_ in {"for", "of"} and c.i > conj.i
            for t in c.subtree]  # not 'to Mali' of 'delivers warplanes, helicopters to Mali'


def _number(tok: Token) -> float | None:
    for child in tok.children:
        if child.dep_ == "nummod" or child.like_num:
            text = child.text.replace(",", "")
            mult = {"million": 1e6, "billion": 1e9, "thousand": 1e3}
            for c in child.children:
                if c.lower_ in mult:
                    return float(text) * mult[c.lower_] if _is_float(text) else None
            if _is_float(text):
                return float(text)
            if child.lower_ in {"million", "billion"}:
                inner = [c for c in child.children if c.like_num]
                if inner and _is_float(inner[0].text.replace(",", "")):
                    return float(inner[0].text.replace(",", "")) * {"million": 1e6, "billion": 1e9}[child.lower_]
    return None


def _is_float(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def _actor(ctx: ReportContext, tok: Token) -> str | None:
    m = ctx.at(tok)
    if m and m.label in {"State", "Organization"}:
        return m.node
    if m and m.label == "Place":
        return ctx.state_of(m.node)
    return None


def _attribution(ctx: ReportContext, sent: Span) -> str | None:
    text = sent.text
    m = re.search(r"according to (?:the )?(.+?)(?:[,.;]|$)", text, re.I)
    span = None
    if m:
        span = ctx.doc.char_span(sent.start_char + m.start(1), sent.start_char + m.end(1),
                                 alignment_mode="expand")
    for tok in sent:
        if span is None and tok.lemma_ in {"report", "say", "estimate", "state", "claim", "cite", "announce", "accuse",
                                           "reveal", "allege", "assess"} and tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ in {"nsubj"}]
            if subj:
                span = ctx.doc[subj[0].left_edge.i:subj[0].i + 1]
    if span is None:
        return None
    found = [x for x in ctx.in_span(span.start, span.end) if x.label in {"Organization", "Person", "State"}]
    return ctx.name_of(found[0].node) if found else None


def _received_shipment(ctx: ReportContext, sent: Span, verb: Token) -> None:
    """'Mali has received warplanes and helicopters from Russia': the subject receives, the
    'from' object ships."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    froms = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"]
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    recipient = _actor(ctx, subjects[0]) if subjects else None
    shipper = _actor(ctx, froms[0]) if froms else None
    emit_shipment(ctx, sent, shipper, recipient, objs)


def _shipments(ctx: ReportContext, sent: Span) -> None:
    verbs = set(ctx.gaz.triggers["verbs"]["ship"])
    receives = set(ctx.gaz.triggers["verbs"]["receive"])
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in verbs:
            if _hypothetical(tok) or not_done(tok) and tok.head.lemma_ not in {"agree", "commit"}:
                continue  # 'is preparing to send troops': not yet (a commitment, 'agreed to supply', is told as done)
            _verbal_shipment(ctx, sent, tok)
        elif tok.pos_ == "VERB" and (lemma in {"arrive", "land"} or lemma == "fly" and any(
                c.dep_ == "prep" and c.lower_ in {"into", "to"} for c in tok.children)) and not _hypothetical(tok):
            _arrival_shipment(ctx, sent, tok)  # ('flown into Ouagadougou', 'landed in Burkina Faso')
        elif tok.pos_ == "VERB" and lemma in receives and not _hypothetical(tok):
            _received_shipment(ctx, sent, tok)
        elif tok.pos_ == "NOUN" and lemma in SHIP_NOUNS:
            _nominal_shipment(ctx, sent, tok)
        if (lemma in BOUND or tok.lower_ in BOUND) and tok.dep_ in {"acl", "amod"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            _bound_for(ctx, sent, tok)


GROUP_NOUNS = {"contingent", "group", "batch", "wave", "unit", "team", "detachment"}
BOUND = {"bound", "intend", "intended", "destine", "destined", "head", "headed"}


def _bound_for(ctx: ReportContext, sent: Span, tok: Token) -> None:
    """'Iranian-made missile components bound for Yemen's Houthis': goods, the state that made
    them and the one they were meant for (the usual shape of an interdiction report)."""
    goods = tok.head
    recipient = next((m.node for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "to"}
                      for o in c.children if o.dep_ == "pobj" for m in [_actor_np(ctx, o)] if m), None)
    maker = next((m.node for t in goods.subtree if t.i < goods.i for m in [ctx.at(t)]
                  if m and m.label == "State" and m.via == "demonym"), None)
    emit_shipment(ctx, sent, maker, recipient, [goods])


def _actor_np(ctx: ReportContext, tok: Token) -> Mention | None:
    """The state or organisation a noun phrase names ('Yemen's Houthis' is the Houthis)."""
    m = ctx.at(tok)
    return m if m is not None and m.label in {"State", "Organization"} else None


def _hypothetical(tok: Token) -> bool:
    for t in [tok, *tok.ancestors]:
        if any(c.lower_ in HYPOTHETICAL and c.dep_ == "mark" for c in t.children):
            return True
        if any(c.lower_ in MODALS and c.dep_ == "aux" for c in t.children):
            return True
        if t.lower_ in {"possibility", "exclude"}:
            return True
    return False


def _verbal_shipment(ctx: ReportContext, sent: Span, verb: Token) -> None:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    objs = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    shipper, subjects = None, []
    if passive:
        agent = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        shipper = _actor(ctx, agent[0]) if agent else None
        if shipper is None and objs:  # '3,000 North Korean troops have been brought to Kursk': by North Korea
            shipper = next((m.node for t in objs[0].children if t.dep_ in {"amod", "compound", "nmod"}
                            for m in [ctx.at(t)] if m and m.label == "State" and m.via == "demonym"), None)
    else:
        subjects = []
        subj = verb
        while subj is not None and not any(c.dep_ == "nsubj" for c in subj.children) and subj.dep_ in {"xcomp", "conj", "advcl"}:
            subj = subj.head
        subjects = [c for c in subj.children if c.dep_ == "nsubj"] if subj is not None else []
        shipper = _actor(ctx, subjects[0]) if subjects else None
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "Iran's decision to send missiles": Iran sends
            owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
            shipper = (_actor(ctx, owner) if owner is not None else None) or shipper
    carrier = bool(subjects) and ((m := ctx.at(subjects[0])) is not None and m.label == "Vessel"
                                  or subjects[0].lemma_.lower() in {"vessel", "ship", "tanker", "freighter", "aircraft"})
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of":  # 'accused the North of supplying weapons': it supplies
        above = verb.head.head  # (the parser hangs 'of' on the verb or on its object)
        accused = [o for o in above.children if o.dep_ == "dobj"] if above.lemma_ in ACCUSING else \
            [above] if above.dep_ == "dobj" and above.head.lemma_ in ACCUSING else None
        if accused is not None:
            shipper = next((a for o in accused for a in [_actor(ctx, o)] if a), None)
            if shipper is None:
                return
    if carrier and shipper is None and objs:  # 'The Eagle S was carrying Russian oil to Egypt': Russia's
        shipper = next((x.node for t in objs[0].subtree for x in [ctx.at(t)]
                        if x is not None and x.label == "State" and x.via == "demonym"), None)
    explicit = not passive and bool(subjects) and shipper is None  # 'its vessels were transporting': not a state
    scope = sent if verb.lemma_ == "carry" else [verb]  # 'a ship carrying corn ... heading from A to B'
    froms = [o for v in scope for c in getattr(v, "children", []) if c.dep_ == "prep" and c.lower_ == "from"
             for o in c.children if o.dep_ == "pobj" and _actor(ctx, o) and ctx.label_of(_actor(ctx, o)) == "State"
             and ctx.at(o) and ctx.at(o).label == "State"]
    stationed = {"in", "into"} if verb.lemma_ in {"deploy", "station"} else set()  # 'stationed troops in the east of Russia'
    recipients = [o for v in scope for c in getattr(v, "children", []) if c.dep_ in {"prep", "dative"}
                  and c.lower_ in ({"to"} if froms or explicit else {"to", "for"}) | stationed
                  for o in c.children if o.dep_ == "pobj"]
    if froms and (shipper is None or ctx.label_of(shipper) != "State"):
        shipper = _actor(ctx, froms[0])  # 'the Russian MoD used the vessel to transport missiles from Iran to Russia'
    if shipper is None and explicit:
        return
    recipient = _actor(ctx, recipients[0]) if recipients else None
    withs = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    if withs and objs and _actor(ctx, objs[0]):  # 'supply the US with ammunition shells'
        recipient, objs = _actor(ctx, objs[0]), withs
    if shipper is None:
        shipper = _clause_actor(ctx, verb, exclude=recipient) or _sentence_actor(ctx, sent, exclude=recipient)
    if recipient is None:
        recipient = _supported(ctx, verb) or _other_state(ctx, sent, exclude=shipper)
    emit_shipment(ctx, sent, shipper, recipient, objs)


ACCUSING = {"accuse", "suspect", "charge", "convict", "blame"}
SUPPORT_VERBS = {"assist", "help", "support", "aid", "back", "bolster", "reinforce", "strengthen"}


def _supported(ctx: ReportContext, verb: Token) -> str | None:
    """'sent troops to assist Russia', 'sending troops in support of Russia's war effort':
    the one helped is who receives."""
    for v in [verb, verb.head] if verb.dep_ in {"xcomp", "conj"} else [verb]:
        for c in v.children:
            helped = []
            if c.dep_ in {"advcl", "xcomp"} and c.lemma_ in SUPPORT_VERBS:
                helped = [o for o in c.children if o.dep_ == "dobj"]
            if c.dep_ == "prep" and c.lower_ in {"in", "for"}:
                helped = [o for n in c.children if n.dep_ == "pobj" and n.lemma_ in {"support", "aid", "help"}
                          for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                          if o.dep_ == "pobj"]
            for o in helped:
                for t in [o, *(x for x in o.children if x.dep_ == "poss")]:  # "Russia's war effort"
                    m = ctx.at(t)
                    if m is not None and m.label == "State":
                        return m.node
    return None


def _arrival_shipment(ctx: ReportContext, sent: Span, verb: Token) -> None:
    """'Russian military instructors have arrived in Niger with an air defence system': what
    arrives (and what it brings) came from the state its demonym names, to where it arrived."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or ctx.at(subjects[0]) is not None:
        return
    if subjects[0].lower_ in GROUP_NOUNS:  # 'a contingent of Russian military personnel has flown into ...'
        subjects = [o for c in subjects[0].children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"] or subjects
    origin = next((m.node for t in subjects[0].children if t.dep_ in {"amod", "compound"}
                   for m in [ctx.at(t)] if m and m.label == "State" and m.via == "demonym"), None)
    if origin is None:  # 'the first military instructors from Africa Corps ... arrived'
        origin = next((a for c in subjects[0].children if c.dep_ == "prep" and c.lower_ == "from"
                       for o in c.children if o.dep_ == "pobj" for a in [_actor(ctx, o)] if a), None)
    dests = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at", "to", "into"}
             for o in c.children if o.dep_ == "pobj"]
    origins = [m.node for h in [verb, *dests] for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
               for o in c.children if o.dep_ == "pobj" for t in [o, *o.conjuncts]  # '... from Turkey, Jordan
               for m in [ctx.at(t)] if m is not None and m.label == "State"]  # and the UAE' (on the verb or the place)
    recipient = _actor(ctx, dests[0]) if dests else None
    if recipient is None and dests:  # "Burkina Faso's capital, Ouagadougou"
        recipient = next((a for c in dests[0].children if c.dep_ in {"poss", "appos"} for a in [_actor(ctx, c)] if a), None)
    if recipient is None and dests:  # 'arrived at Al Arish International Airport': the state it lies in
        place = ctx.at(dests[0])
        recipient = ctx.state_of(place.node) if place is not None and place.label == "Place" else None
    withs = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    for shipper in origins or [origin]:
        emit_shipment(ctx, sent, shipper, recipient, [subjects[0], *withs])


def _nominal_shipment(ctx: ReportContext, sent: Span, noun: Token) -> None:
    def pobjs(prep: str) -> list[Token]:
        return [o for c in noun.children if c.dep_ == "prep" and c.lower_ == prep
                for o in c.children if o.dep_ == "pobj"]
    objs, froms, tos = pobjs("of"), pobjs("from"), pobjs("to")
    if not tos and objs:  # 'shipment of advanced lethal aid to the Houthis'
        tos = [o for x in objs for c in x.children if c.dep_ == "prep" and c.lower_ == "to"
               for o in c.children if o.dep_ == "pobj"]
    if not objs or not tos:
        return
    recipient = _actor(ctx, tos[0])
    # 'Iran continues shipment of X to Y': without 'from', the clause's subject ships
    shipper = _actor(ctx, froms[0]) if froms else _clause_actor(ctx, noun, exclude=recipient)
    emit_shipment(ctx, sent, shipper, recipient, objs)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _clause_actor(ctx: ReportContext, verb: Token, exclude: str | None) -> str | None:
    """The nearest governing clause's state subject, stopping at a reporting verb
    ('Janes assesses that Russia will commit to providing food': Russia)."""
    for anc in verb.ancestors:
        if anc.lemma_ in REPORTING_VERBS and not _passive(anc):  # 'Russia is believed to ...' is Russia's act
            return None
        node = _subject_actor(ctx, anc, exclude)
        if node:
            return node
    return None


def _subject_actor(ctx: ReportContext, verb: Token, exclude: str | None) -> str | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            node = _actor(ctx, child)
            if node and node != exclude:
                return node
    return None


def _sentence_actor(ctx: ReportContext, sent: Span, exclude: str | None) -> str | None:
    """The state the sentence is about: the subject of its main verb (not of 'X assesses that ...':
    who reports a shipment is not who ships)."""
    root = sent.root
    if root.lemma_ in REPORTING_VERBS and not _passive(root):
        return None
    return _subject_actor(ctx, root, exclude)


def _other_state(ctx: ReportContext, sent: Span, exclude: str | None) -> str | None:
    states = []
    aside = {x.i for t in sent if t.dep_ == "relcl" or t.dep_ in {"advcl", "xcomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children) or t.lower_ == "according"
        for x in t.subtree}  # 'to help repel a Ukrainian incursion', 'according to South Korea's NIS'
    for m in ctx.in_span(sent.start, sent.end, "State"):
        if m.node != exclude and m.node not in states and m.start not in aside:
            states.append(m.node)
    return states[0] if len(states) == 1 else None


def reporting_date(date: Span) -> bool:
    """'On Friday, October 13, the government announced that ...': when it was said, not shipped."""
    verb = next((a for a in date.root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.lemma_ in REPORTING_VERBS | {"announce", "accuse", "reveal", "disclose", "confirm",
                                                                  "release", "publish", "issue"}


CARRIERS = {"carry", "transport", "bring", "ferry"}  # what a vehicle shipped does with the goods


def emit_shipment(ctx: ReportContext, sent: Span, shipper: str | None, recipient: str | None,
                  objs: list[Token], **marks: str) -> None:
    if not shipper or not recipient or shipper == recipient or not objs:
        return
    period = None
    dates = [e for e in sent.ents if e.label_ == "DATE" and not reporting_date(e)]
    between = re.search(r"between .+? and [^,]+", sent.text)
    if between:
        period = parse_period(between.group(0), ctx.published)
    elif dates:
        period = parse_period(dates[0].text, ctx.published)
    source = _attribution(ctx, sent)
    items = []
    for obj in objs:
        items += [obj, *obj.conjuncts]
        for of in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):  # '1,000 containers of
            items += [g for o in of.children if o.dep_ == "pobj" for g in o.conjuncts]  # equipment and munitions'
            if obj.lemma_.lower() in GROUP_NOUNS:  # 'the first group of 1,500 special forces'
                items += [o for o in of.children if o.dep_ == "pobj"]
    carried = [o for item in items for c in item.children if c.dep_ == "acl" and c.lemma_.lower() in CARRIERS
               for d in c.children if d.dep_ == "dobj" for o in [d, *d.conjuncts]]  # 'three military jets,
    carriers = {item.i for item in items if any(c.dep_ == "acl" and c.lemma_.lower() in CARRIERS
                                                for c in item.children)}  # carrying food': the food, not jets
    seen = set()
    for item in [i for i in items if i.i not in carriers] + carried:
        found = _commodity(ctx, item)
        if not found or found[1] in seen:
            continue
        node, name, quantity, unit = found
        seen.add(name)
        ctx.builder.add_edge(shipper, "SHIPPED", recipient, commodity=name, quantity=quantity,
                             unit=unit, period=period, attributed_to=source,
                             evidence=ctx.evidence(sent), **marks)


PART_WORDS = {"part", "parts", "region", "north", "south", "east", "west", "northeast", "northwest", "southeast",
              "southwest", "centre", "center", "interior", "corner", "section", "half", "end"}


def _part_of_the_country(ctx: ReportContext, sent: Span) -> None:
    """'Vaalimaa, Nuijamaa and Imatra, in the south-eastern part of the country', 'X, in the far north of
    the country': the places named before lie in the state the report is about (when it is one)."""
    for tok in sent:
        part = tok.head.head if tok.lower_ == "country" and tok.head.lower_ == "of" else None
        if part is None or part.lemma_.lower() not in PART_WORDS or part.head.lower_ != "in" \
                or not any(c.lower_ == "the" for c in tok.children):
            continue
        state = main_state(ctx)
        before = [m for m in ctx.in_span(sent.start, part.head.i) if m.label in {"Place", "State"}]
        while before and before[-1].label == "Place" and state:
            ctx.builder.add_edge(before.pop().node, "LOCATED_IN", state, evidence=ctx.evidence(sent))


def extract_logistics(ctx: ReportContext) -> None:
    for sent in ctx.doc.sents:
        _located_in(ctx, sent)  # first: it settles which names are places
        _part_of_the_country(ctx, sent)
        _routes(ctx, sent)
        _shipments(ctx, sent)

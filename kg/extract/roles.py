"""People's titles and whom they serve: HOLDS_ROLE {title}.

Finds the title phrase before a name ('Russian Defence Minister Andrei Belousov',
'the Russian president, Vladimir Putin'), after it ('Yuri Borisov, the director
general of Roscosmos', 'X, who has served as director of Russia's Foreign
Intelligence Service', 'X is a Research Assistant at Y'), and titles shared by a
list ('two deputy prime ministers - A and B').
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext
from kg.extract.frames import not_done

SKIP_RIGHT = {"the", "a", "an", "who", "has", "had", "have", "served", "serves", "as", "is", "was",
              "now", "then", "currently", "also", "been", "being", "who's"}
DASHES = {"–", "—", "-", ":", "--"}
LOCATIVE = {"in", "to", "at", "from", "into", "inside", "near", "across", "toward", "towards", "for"}
CONNECTING = {"and", "&", ",", "of", "for", "to", "the"}  # ('of Roscosmos, and Oleg Belozerov': a list, not a title)
REGIME_WORDS = {"junta", "government", "regime", "military", "transitional", "ruling", "army", "state"}  # 'Burkina Faso
# junta leader Captain Ibrahim Traore': the state before them is the leader's
STATE_TITLES = {"President", "Prime Minister", "Deputy Prime Minister", "Leader", "Supreme Leader",
                "King", "Chancellor", "Premier", "Emir", "Crown Prince", "Vice President"}


@cache
def _title_regex(heads: tuple[str, ...], mods: tuple[str, ...], ports: tuple[str, ...]) -> re.Pattern:
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    port = alt(ports)
    return re.compile(  # (a portfolio may join several: 'Minister of Transport and Infrastructure')
        rf"\b(?P<mods>(?:(?:{alt(mods)})\s+)*)(?:(?P<pre>{port})\s+)?(?P<head>{alt(heads)})s?"
        rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<post>(?:{port})(?:(?:{JOIN.pattern})(?:{port}))*))?\b", re.I)


JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")  # between the parts of a joined portfolio


@cache
def _title_words(lexicon: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for phrase in lexicon for w in re.split(r"[\s\-]", phrase) if w)


def _lexicon(ctx: ReportContext) -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]:
    t = ctx.gaz.titles
    ports = {}
    for canon, variants in t["portfolios"].items():
        for v in variants:
            ports[v.lower()] = canon
    return tuple(t["heads"]), tuple(t["modifiers"]), ports


def parse_title(ctx: ReportContext, phrase: str) -> str | None:
    """The canonical title in a phrase, or None: 'Russian Defence Minister' -> 'Minister of Defence'."""
    heads, mods, ports = _lexicon(ctx)
    phrase = re.sub(r"(\w)\s*-\s*(\w)", r"\1-\2", phrase)  # 'President - elect', 'Secretary - General' as tokens
    best = None
    for m in _title_regex(heads, mods, tuple(ports)).finditer(phrase):
        if best is None or len(m.group(0)) > len(best.group(0)):
            best = m
    if best is None:
        return None
    head = best.group("head")
    canonical = ctx.gaz.titles.get("canonical", {})
    head = canonical.get(head, canonical.get(head.lower(), head))
    head = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in head.split())
    port = best.group("post") or best.group("pre")
    mods = " ".join(w.capitalize() if w.islower() and w not in {"former", "then"} else w
                    for w in best.group("mods").split())
    if port:
        port_name = " and ".join(dict.fromkeys(ports.get(p.lower(), p) for p in _portfolio_parts(port, ports)))
        head = f"{head} for {port_name}" if " of " in head and best.group("post") and port_name not in head \
            else head if " of " in head else f"{head} of {port_name}"  # ('Minister of State for External Affairs')
        head = re.sub(r"^(\w+) Minister of", r"Minister of", head) if head.split()[0] in {
            "Defence", "Defense", "Foreign", "Transport"} else head
    title = f"{mods} {head}".strip() if mods else head
    if re.search(r"\b(former|ex-)", phrase, re.I) and not title.lower().startswith("former"):
        title = "former " + title
    return re.sub(r"\s+", " ", title)


def is_title(ctx: ReportContext, phrase: str) -> bool:
    """Is the phrase a title and nothing more ('the Minister of Transport and Infrastructure')?
    The tagger often reads one as an organisation."""
    heads, mods, ports = _lexicon(ctx)
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
    return len(phrase.split()) > 1 and _title_regex(heads, mods, tuple(ports)).fullmatch(phrase) is not None  # ('The
    # Diplomat' is a magazine)


def is_portfolio(ctx: ReportContext, text: str) -> bool:
    """'Roads and Urban Development', 'Ports': what a minister is for, never a body by itself."""
    _, mods, ports = _lexicon(ctx)
    words = text.split()
    while words and words[0] in mods:  # 'Union Ports, Shipping and Waterways'
        words = words[1:]
    text = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?$", "",  # '... of Iran': whose remit
                  " ".join(words)) if " of " in " ".join(words[1:]) else " ".join(words)
    parts = [p for p in JOIN.split(text.strip()) if p]
    return bool(parts) and (text.strip().lower() in ports or all(p.lower() in ports for p in parts))


def _portfolio_parts(port: str, ports: dict[str, str]) -> list[str]:
    """'Transport and Infrastructure' -> its known portfolios (a listed one kept whole:
    'Energy and Mines' is one portfolio, not two)."""
    if port.lower() in ports:
        return [port]
    return [p for p in JOIN.split(port) if p]


def title_words(ctx: ReportContext) -> frozenset[str]:
    """Every word that can be part of a title ('minister', 'deputy', 'defence', ...)."""
    heads, mods, ports = _lexicon(ctx)
    return _title_words(heads + mods + tuple(ports))


def _is_title_token(ctx: ReportContext, tok: Token) -> bool:
    words = title_words(ctx)
    return tok.lower_ in words or tok.lower_.rstrip("s") in words


def _left_phrase(ctx: ReportContext, person: Mention) -> tuple[list[Token], bool]:
    """Tokens of the title phrase left of a name, and whether it ended in a dash (a list)."""
    doc, i, toks = ctx.doc, person.start - 1, []
    sent_start = doc[person.start].sent.start
    listed = False
    if i >= sent_start and doc[i].text in DASHES:
        listed, i = True, i - 1
    elif i >= sent_start and doc[i].text == "," and i - 1 >= sent_start and _is_title_token(ctx, doc[i - 1]):
        i -= 1
    elif i >= sent_start and doc[i].text == ",":  # 'the Russian ambassador to the island, Viktor Koronelli'
        return _title_before_comma(ctx, i), False
    while i >= sent_start:
        tok = doc[i]
        mention = ctx.at(tok)
        if toks and tok.text == ")" and i - 3 >= sent_start and doc[i - 2].text == "(" \
                and (body := ctx.at(doc[i - 3])) is not None and body.label == "Organization":
            toks[:0] = list(doc[i - 2:i + 1])  # 'International Atomic Energy Agency (IAEA) Director General X'
            i -= 3
            continue
        if _is_title_token(ctx, tok) or tok.lower_ in {"of", "for", "to"} or tok.tag_ == "POS" \
                or tok.lower_ in {"and", "&", ","} and toks and toks[0].lower_ not in CONNECTING \
                and _is_title_token(ctx, toks[0]) and (tok.text != "," or i > sent_start
                                                       and _is_title_token(ctx, doc[i - 1])) \
                or (mention and mention.label in {"State", "Organization"}) or tok.like_num \
                or tok.lower_ in {"two", "three", "four", "both"} or tok.lower_ in REGIME_WORDS \
                or tok.lower_ in {"elect", "-"} and i > sent_start and doc[i - 1].text in {"-", "President", "Premier"} \
                or tok.text == "-" and toks and i > sent_start and _is_title_token(ctx, doc[i - 1]) \
                and _is_title_token(ctx, toks[0]) \
                or tok.pos_ in {"NOUN", "ADJ"} and tok.dep_ in {"compound", "amod"} and tok.is_lower and toks \
                and any(t.i == tok.head.i for t in toks) and _is_title_token(ctx, tok.head):
            toks.insert(0, tok)  # ('President-elect', 'Secretary-General', 'defense intelligence chief')
            i -= 1
            continue
        break
    while toks and toks[0].lower_ in {"of", "for", "to", "and", "&", ","}:
        toks.pop(0)
    return _own_title(ctx, toks), listed


def _title_before_comma(ctx: ReportContext, comma: int) -> list[Token]:
    """'the governor of Havana, X', 'the Russian ambassador to the island, X': a noun phrase
    led by a title and ending at the comma before the name (the parser often hangs the name
    on the phrase's last noun, not on the title)."""
    doc = ctx.doc
    start = doc[comma].sent.start
    j = comma - 1
    while j >= max(start, comma - 7) and (doc[j].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
                                                or doc[j].lower_ in {"of", "to", "for", "in"}):
        if _is_title_token(ctx, doc[j]) and doc[j].pos_ in {"NOUN", "PROPN"} and (
                j == start or doc[j - 1].pos_ in {"DET", "ADJ", "PROPN", "PUNCT"} or doc[j - 1].tag_ == "POS"):
            k = j
            while k - 1 >= start and (doc[k - 1].pos_ == "ADJ" or _is_title_token(ctx, doc[k - 1])):
                k -= 1  # 'the Russian ambassador'
            return _own_title(ctx, list(doc[k:comma]))
        j -= 1
    return []


def _own_title(ctx: ReportContext, toks: list[Token]) -> list[Token]:
    """'Russian President and North Korean leader Kim Jong Un': two titles of two states, and
    the name after them holds only the nearer one (the first is someone else's, unnamed)."""
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].lower_ not in {"and", "&"}:
            continue
        near, far = toks[k + 1:], toks[:k]
        heads = ctx.gaz.title_heads
        if not any(t.lower_ in heads for t in near) or not any(t.lower_ in heads for t in far):
            return toks
        a, b = _affiliation(ctx, far), _affiliation(ctx, near)
        return near if a and b and a != b else toks
    return toks


def _right_phrase(ctx: ReportContext, person: Mention) -> list[Token]:
    doc, i = ctx.doc, person.end
    sent_end = doc[person.start].sent.end
    if i < sent_end and doc[i].text == ",":
        i += 1
    elif not (i < sent_end and doc[i].lower_ in {"is", "was", "who"}):
        return []
    while i < sent_end and doc[i].lower_ in SKIP_RIGHT:
        i += 1
    toks = []
    while i < sent_end:
        tok = doc[i]
        mention = ctx.at(tok)
        if _is_title_token(ctx, tok) or tok.lower_ in {"of", "for", "at", "the", "and", "with"} \
                or tok.tag_ == "POS" or (mention and mention.label in {"State", "Organization"}) \
                or tok.is_lower and tok.pos_ in {"ADJ", "NOUN"} and toks and tok.head.i > tok.i \
                and _is_title_token(ctx, tok.head) \
                or mention and mention.label == "Place" and toks and toks[-1].lower_ in {"and", "for"}:
            toks.append(tok)  # ('a senior fellow for Russia and Eurasia with the IISS': the institute's)
            i += 1
            continue
        break
    while toks and toks[-1].lower_ in {"of", "for", "at", "the", "and", "with"}:
        toks.pop()
    nxt = ctx.doc[toks[-1].i + 1] if toks and toks[-1].i + 1 < len(ctx.doc) else None
    if nxt is not None and (m := ctx.at(nxt)) and m.label == "Person":
        return []  # 'A, Minister of X B': the title belongs to B
    return toks


def _affiliation(ctx: ReportContext, toks: list[Token]) -> str | None:
    """The organisation (preferred) or state named in a title phrase."""
    if not toks:
        return None
    found = [m for m in ctx.in_span(toks[0].i, toks[-1].i + 1) if not _posted_to(ctx, m)]
    orgs = [m for m in found if m.label == "Organization"]
    states = [m for m in found if m.label == "State"]
    envoy = any(t.lower_ in ENVOYS for t in toks)
    orgs = [m for m in orgs if not (envoy and states and _international(ctx, m.node))]  # "UK's UN Ambassador":
    if orgs:  # the UK's envoy to the UN
        return orgs[-1].node
    before = ctx.at(ctx.doc[toks[0].i - 1]) if toks[0].i > 0 else None
    if not states:  # 'Tripoli Prime Minister X': the state whose seat of government the city is
        seats = [e for m in [*found, before] if m is not None and m.label == "Place"
                 for e in [ctx.gaz.metonym_state(m.text)] if e is not None]
        return ctx.builder.add_node(seats[0].key, "State", seats[0].name, iso=seats[0].country) if seats else None
    return states[0].node  # "Pakistan's Ambassador to China" serves Pakistan


ENVOYS = {"ambassador", "envoy", "representative", "delegate"}


def _international(ctx: ReportContext, node: str) -> bool:
    known = ctx.gaz.entries.get(node)
    return (ctx.builder.nodes[node].props.get("kind") or (known.kind if known else None)) == "international"


def _posted_to(ctx: ReportContext, m: Mention) -> bool:
    """'Ambassador to China', 'Permanent Representative to the UN': where the holder is posted,
    not whom he serves."""
    i = m.start - (ctx.doc[m.start].lower_ == "the")
    return i > 0 and ctx.doc[i - 1].lower_ == "to" or i > 1 and ctx.doc[i - 1].lower_ == "the" and ctx.doc[i - 2].lower_ == "to"


PUBLIC_OFFICES = {"commissioner", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "commander",
                  "prosecutor", "ambassador"}  # posts of a state that a dateline's state may fill


def _filed_from(ctx: ReportContext, sent: Span, own: list[Token], besides: set[int] = frozenset()) -> str | None:
    """The state a report is filed from ('MANILA – ...'), when the sentence (outside the tokens
    `besides`) names no other state."""
    dateline = ctx.dateline()
    home = ctx.state_of(dateline.node) if dateline else None
    others = {m.node for m in _free_states(ctx, sent, own) if m.start not in besides} - {home}
    return None if others else home


def _sentence_state(ctx: ReportContext, sent: Span, own: list[Token] = ()) -> str | None:
    """The one state a sentence is about ('Moscow's delegation included ...'), if unambiguous.
    Relative clauses do not count: 'Novak, who is on a visit to Iran' is not Iran's minister;
    nor do places people are in or go to ('Kihara is in the Philippines'), nor a state in
    somebody else's title ('the Vice Chairman of the Commission of the People's Republic of China')."""
    aside = {t.i for t in sent if t.dep_ == "relcl" or t.dep_ == "advcl" and any(  # (or another's clause:
        c.dep_ in {"nsubj", "nsubjpass"} and c.i not in {o.i for o in own} for c in t.children) for t in t.subtree}
    # 'President Biden traded X after donors asked him to free her from Russian jail')
    states = {m.node for m in _free_states(ctx, sent, own)
              if m.start not in aside and not _where_someone_is(ctx.doc[m.end - 1])}
    return states.pop() if len(states) == 1 else None


def _ministry_state(ctx: ReportContext, title: str) -> str | None:
    """'energy and mines minister X' in a report on "Burkina Faso's energy ministry": the one
    ministry of that portfolio the report names gives the minister's state."""
    portfolio = title.split(" of ", 1)[1].lower() if " of " in title and "Minister" in title else None
    if not portfolio:
        return None
    states = set()
    for acc in ctx.builder.nodes.values():
        name = acc.name.lower()
        if acc.label == "Organization" and acc.props.get("country") and "ministry" in name and portfolio in name:
            states.add(acc.props["country"])
    if len(states) != 1:
        return None
    entry = ctx.gaz.lookup(states.pop(), "State")
    return entry.key if entry is not None and entry.key in ctx.builder.nodes else None


def _free_states(ctx: ReportContext, sent: Span, own: list[Token]) -> list[Mention]:
    """The state mentions of a sentence outside other people's titles."""
    mine = {t.i for t in own}
    return [m for m in ctx.in_span(sent.start, sent.end, "State") if not _in_other_title(ctx, ctx.doc[m.end - 1], mine)]


def _in_other_title(ctx: ReportContext, tok: Token, mine: set[int]) -> bool:
    for depth, a in enumerate(list(tok.ancestors)[:8]):
        if a.i in mine:
            return False
        if (_is_title_token(ctx, a) or a.lemma_.lower() == "counterpart") and a.pos_ in {"NOUN", "PROPN"} \
                and a.tag_ not in {"NNS", "NNPS"}:  # ('Russian officials, from President X on down': a group's)
            return True  # ('his North Korean counterpart' names the other man's state)
        m = ctx.at(a) if depth < 2 else None
        if m is not None and m.label == "Person":  # 'Chinese' of 'Chinese Premier Li Keqiang'
            return True
    return False


def _visited(ctx: ReportContext, person: Mention) -> set[str]:
    """States the person goes to anywhere in the report ('the visit of Prime Minister Imran
    Khan to China', 'X arrived in Iran'): a visitor is not the host's official."""
    out = set()
    for m in ctx.mentions:
        if m.label == "Person" and m.node == person.node:
            out |= _visited_here(ctx, m)
    return out


def _visited_here(ctx: ReportContext, person: Mention) -> set[str]:
    doc, out = ctx.doc, set()
    head = doc[person.start:person.end].root
    going = [head.head.head] if head.dep_ == "pobj" and head.head.lower_ in {"of", "by"} else []
    going += [head.head] if head.dep_ in {"poss", "nsubj"} else []
    for g in going:
        if g.lemma_.lower() not in {"visit", "trip", "tour", "travel", "arrive", "arrival", "journey", "go", "come", "fly"}:
            continue
        for c in g.children:
            targets = [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in {"to", "in"} else \
                [c] if c.dep_ == "dobj" else []
            for t in targets:
                m = ctx.at(t)
                if m is not None and m.label == "State":
                    out.add(m.node)
                elif m is not None and m.label == "Place":
                    state = ctx.state_of(m.node)
                    out |= {state} if state else set()
    return out


def _where_someone_is(tok: Token) -> bool:
    """'in the Philippines', 'a visit to Iran', 'visited Russia'."""
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"visit", "tour", "reach", "enter", "leave"}


def _appositive_phrase(ctx: ReportContext, person: Mention) -> list[Token]:
    """'The head of Niger's military government, General Abdourahamane Tiani': the phrase the
    name stands in apposition to."""
    root = ctx.doc[person.start:person.end].root
    if root.dep_ != "appos" or root.head.i >= person.start or not _is_title_token(ctx, root.head):
        return []
    head = root.head
    return [t for t in head.subtree if t.i < person.start and t.text != ","]


def _partner_state(ctx: ReportContext, person: Mention) -> str | None:
    """'Kamikawa and Defense Minister Kihara': a minister named with a colleague whose state is
    known serves the same state."""
    root = ctx.doc[person.start:person.end].root
    group = root
    while group.dep_ not in {"nsubj", "nsubjpass", "ROOT"} and group.head.i != group.i:
        group = group.head  # the whole subject: 'Joly and Defence Minister Bill Blair are ...'
    others = [*group.subtree] if group.dep_ != "ROOT" else [*root.conjuncts]
    for other in others:
        m = ctx.at(other)
        before = ctx.doc[max(other.sent.start, m.start - 4):m.start] if m is not None else []
        if m is not None and any(t.lower_ == "visiting" or (x := ctx.at(t)) is not None and x.label == "State"
                                 for t in before):
            continue  # 'Sharif and the visiting Chinese Vice Premier He Lifeng', 'Prime Minister Imran Khan and
            # Chinese Premier Li Keqiang': a guest, or a colleague whose state is named where ours is not
        if m is not None and m.label == "Person" and m.node != person.node:
            state = ctx.role_state(m.node)
            if state:
                return state
    return None


def extract_roles(ctx: ReportContext) -> dict[str, str]:
    """Add HOLDS_ROLE edges; return person node -> title, for later rules."""
    titles: dict[str, str] = {}
    list_title: dict[int, tuple[str, str | None, list[str]]] = {}
    for person in [m for m in ctx.mentions if m.label == "Person"]:
        sent = ctx.doc[person.start].sent
        left, listed = _left_phrase(ctx, person)
        right = _right_phrase(ctx, person)
        appos = _appositive_phrase(ctx, person)
        phrases = [t for t in (left, appos, right) if t]
        titled = [(toks, parse_title(ctx, " ".join(t.text for t in toks))) for toks in phrases]
        if len([x for x in titled if x[1]]) > 1 and titled[0][1] and _affiliation(ctx, titled[0][0]) is None \
                and right and _affiliation(ctx, right) is not None:  # 'Colonel-General X, Deputy Minister of
            phrases = [right] + [t for t in phrases if t is not right]  # Defence of the Russian Federation'
        for toks in phrases:
            title = parse_title(ctx, " ".join(t.text for t in toks)) if toks else None
            if not title:
                continue
            org = _affiliation(ctx, toks)
            if org is None and toks is left and appos:  # 'The head of Niger's government, General X'
                org = _affiliation(ctx, appos)
            near = [ctx.doc[toks[0].i - 1]] if toks[0].i > 0 else []
            unread = any(t.ent_type_ == "NORP" and ctx.at(t) is None for t in [*near, *toks])  # 'Korean Defense Minister':
            # (a nationality the gazetteer cannot place: the sentence's other state is not his)
            if org is None and not unread and (title.split()[-1] in {"President", "Minister", "Leader"} | {
                    t.split()[-1] for t in STATE_TITLES} or " of " in title):
                home = _filed_from(ctx, sent, toks)  # 'MANILA – ... President Marcos'; not 'From Pakistan side,
                # the documents were signed by ...' (filed from Beijing)
                org = _sentence_state(ctx, sent, toks) or _partner_state(ctx, person) or ctx.role_state(person.node) \
                    or home or _ministry_state(ctx, title)  # (a state his post was told of before outranks the dateline)
                if org in _visited(ctx, person):
                    org = None  # 'the visit of Prime Minister Imran Khan to China' (filed from Beijing)
            elif org is None and not unread and title.split()[-1].lower() in PUBLIC_OFFICES:
                root = ctx.doc[person.start:person.end].root.head  # ('PESHAWAR, Pakistan - Deputy Commissioner X
                said = {t.i for c in root.children if c.dep_ == "ccomp" for t in c.subtree}  # said ...': what he
                org = _filed_from(ctx, sent, toks, besides=said)  # said may name other states
                org = None if org in _visited(ctx, person) else org
            _add_role(ctx, person.node, title, org, sent, titles)
            if listed:  # 'The leaders of Russia and Belarus — Putin and Lukashenko': one state each, in order
                states = list(dict.fromkeys(m.node for m in ctx.in_span(toks[0].i, toks[-1].i + 1, "State")))
                list_title[person.start] = (title, org, states)
            break
        else:
            head = ctx.doc[person.start:person.end].root
            counterpart = _counterpart(ctx, person, titles)
            if counterpart:
                _add_role(ctx, person.node, counterpart[0], counterpart[1], sent, titles)
            elif head.dep_ == "conj":
                inherited = _list_member_title(ctx, head, list_title)
                if inherited:
                    _add_role(ctx, person.node, inherited[0], inherited[1], sent, titles)
    _appointments(ctx, titles)
    titled_references(ctx)
    return titles


APPOINTING = {"appoint", "reappoint", "name", "designate", "elect", "install", "promote", "confirm", "make"}
BECOMING = {"become", "remain", "stay"}


def _appointments(ctx: ReportContext, titles: dict[str, str]) -> None:
    """'Putin appointed Shoigu as Secretary of the Security Council', 'X was named chief of
    Y', 'X became / remains Chief of the General Staff': the title the clause gives the
    person, in the body its phrase names (else the one state of the sentence). Planned or
    negated clauses ('is expected to appoint') give none."""
    for verb in ctx.doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"} or lemma not in APPOINTING | BECOMING or not_done(verb):
            continue
        kids = list(verb.children)
        people = [c for c in kids if c.dep_ in ({"dobj", "nsubjpass"} if lemma in APPOINTING else {"nsubj"})]
        phrases = [o for c in kids if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ == "pobj"]
        phrases += [c for c in kids if c.dep_ in {"oprd", "attr"} or c.dep_ == "xcomp" and c.pos_ in {"NOUN", "PROPN"}]
        for who, phrase in ((p, ph) for p in people for ph in phrases):
            person = ctx.at(who)
            if person is None or person.label != "Person":
                continue
            aside = {t.i for d in phrase.subtree if d.dep_ in {"relcl", "acl", "appos"} and d.i != phrase.i
                     for t in d.subtree}  # ('as Secretary, a post he ...')
            toks = [t for t in phrase.subtree if t.i not in aside]
            title = parse_title(ctx, " ".join(t.text for t in toks))
            if not title:
                continue
            org = _affiliation(ctx, toks) or _sentence_state(ctx, verb.sent, toks)
            _add_role(ctx, person.node, title, org, verb.sent, titles)


LEADING = {"President", "Leader", "Supreme Leader", "Prime Minister", "Premier", "General Secretary", "Chairman",
           "King", "Emir", "Chancellor"}  # what 'the Russian leader' may mean


def titled_references(ctx: ReportContext) -> None:
    """'The meeting was part of the Russian leader's state visit': a state's title standing for
    a name refers to the one person of the report holding it for that state."""
    holders: dict[tuple[str, str], set[str]] = {}
    for e in ctx.builder.edges.values():
        if e.type == "HOLDS_ROLE" and ctx.label_of(e.target) == "State" and e.props.get("title"):
            title = e.props["title"]
            for word in {title.split()[-1].lower()} | ({"leader"} if title in LEADING else set()):
                holders.setdefault((e.target, word), set()).add(e.source)
    doc, added = ctx.doc, False
    for m in [m for m in ctx.mentions if m.label == "State" and m.via == "demonym"]:
        head = doc[m.end] if m.end < len(doc) else None
        opening = m.start == doc[m.start].sent.start  # 'Russian President and North Korean leader Kim signed'
        if head is None or not (opening or doc[m.start - 1].lower_ == "the") or ctx.at(head) is not None \
                or head.pos_ not in {"NOUN", "PROPN"} or m.end + 1 < len(doc) and doc[m.end + 1].pos_ == "PROPN":
            continue  # ('the Russian president, Vladimir Putin' is named already; 'a Russian president' is any)
        people = holders.get((m.node, head.lower_), set())
        if len(people) == 1:
            person = next(iter(people))
            ctx.mentions.remove(m)
            first = m.start if opening else m.start - 1
            ctx.mentions.append(Mention(first, m.end + 1, "Person", person, doc[first:m.end + 1].text, via="title"))
            added = True
    if added:
        ctx.index()


def _counterpart(ctx: ReportContext, person: Mention, titles: dict[str, str]) -> tuple[str, str] | None:
    """'Russian President Vladimir Putin and his Iranian counterpart Masoud Pezeshkian': the
    counterpart holds the same office in the state the demonym names. 'His Chinese and
    Mongolian counterparts Xi Jinping and Ukhnaagiin Khurelsukh': the n-th name, the n-th state."""
    doc = ctx.doc
    tok, steps = doc[person.start:person.end].root, 0
    while tok.dep_ == "conj" and tok.head.i != tok.i and ctx.at(tok.head) is not None:
        tok, steps = tok.head, steps + 1  # back to the first name of the list
    first = ctx.at(tok)
    i = first.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 1 or doc[i].lemma_.lower() != "counterpart":
        return None
    word = doc[i]
    states = list(dict.fromkeys(m.node for m in ctx.in_span(word.left_edge.i, word.i, "State")))
    if not states or steps >= len(states) or steps and len(states) < 2:
        return None
    sent = doc[person.start].sent
    earlier = [m for m in ctx.in_span(sent.start, word.left_edge.i, "Person") if m.node in titles]
    if not earlier:
        return None
    return titles[earlier[-1].node], states[steps]


def _list_member_title(ctx: ReportContext, tok: Token, list_title: dict) -> tuple | None:
    """A name in 'A and B' after 'two deputy prime ministers -' shares A's title; after 'the
    leaders of Russia and Belarus -' the n-th name serves the n-th state."""
    steps = 0
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok, steps = tok.head, steps + 1
        mention = ctx.at(tok)
        if mention and mention.start in list_title:
            title, org, states = list_title[mention.start]
            return (title, states[steps]) if len(states) > steps >= 1 and len(states) >= 2 else (title, org)
    return None


def _add_role(ctx: ReportContext, person: str, title: str, org: str | None, sent: Span,
              titles: dict[str, str]) -> None:
    singular = re.sub(r"(Minister|Director|Secretary|Leader|President|Officer)s\b", r"\1", title)
    titles.setdefault(person, singular)
    b = ctx.builder
    if org and b.nodes[org].label == "State" and singular.split()[-1].lower() in ctx.gaz.titles.get("private", ()):
        org = None  # 'American journalist X', 'US reporter X': a nationality, not a post of the state
    b.add_node(person, "Person", b.nodes[person].name, title=singular)
    if org:
        b.add_edge(person, "HOLDS_ROLE", org, title=singular, evidence=ctx.evidence(sent))

"""Organisations in a report: a state's bodies named after their state ('Russian Defence
Ministry', 'US Navy'), names the tagger missed or ran on, acronyms and short names of the
organisations named in full, and the things that only look like organisations
('CRBMs', 'MOU', 'Coast Guard Seizes Shipment of ...').
"""

from __future__ import annotations

import re

from spacy.tokens import Span
from spacy.util import filter_spans

from kg.extract.context import Mention, ReportContext, doc_text, is_headline
from kg.extract.gazetteer import Entry
from kg.extract.normalize import clean_span_text, fold, slug
from kg.extract.roles import title_words


def org_word(ctx: ReportContext, word: str) -> bool:
    """'Organizations', 'Technologies', 'Ministry': a word that ends an organisation's name."""
    heads, w = ctx.gaz.org_words, word.lower()
    return w in heads or w.endswith("s") and (w[:-1] in heads or w.endswith("ies") and w[:-3] + "y" in heads)


DOCUMENT_WORDS = r"(?:Treaty|Agreement|Accord|Pact|Convention|Memorandum(?: of Understanding)?|Declaration|Protocol|Charter|Initiative|Deal)"


def names_a_document(ctx: ReportContext, text: str) -> bool:
    """'RAA' after 'the Reciprocal Access Agreement (RAA)' is the agreement, and 'CRBM' after
    'close-range ballistic missiles (CRBM)' a thing, not an organisation."""
    if re.fullmatch(r"[A-Z]{2,8}s?", text) is None:
        return False
    bare = re.escape(text.rstrip("s"))
    return re.search(rf"\b{DOCUMENT_WORDS}\s*\({bare}s?\)", doc_text(ctx.doc)) is not None or \
        re.search(rf"\b[a-z][a-z\-]+\s+\({bare}s?\)", doc_text(ctx.doc)) is not None


BODY_HEADS = {"ministry", "department", "army", "navy", "forces", "force", "guard", "parliament", "staff", "office",
              "service", "services", "police", "military", "government", "cabinet", "embassy", "council"}


def government_body(name: str) -> bool:
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


def state_in_name(ctx: ReportContext, text: str) -> Entry | None:
    """The state an organisation's name places it in: 'Russian Railways', "Russia's SVR"."""
    words = re.split(r"[\s’']+", text)
    for n in (2, 1):
        head = " ".join(words[:n])
        entry = ctx.gaz.state_of_demonym(head) or ctx.gaz.lookup(head, "State")
        if entry is not None and len(words) > n:
            return entry
    return None


def possessor_state(ctx: ReportContext, ent: Span) -> Entry | None:
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


ORG_HEADS = ("Institute", "University", "Centre", "Center", "Foundation", "Academy", "Council", "Agency",
             "Commission", "Committee", "Corporation", "Association", "Society", "School", "College", "Fund",
             "Bank", "Authority", "Service", "Office", "Bureau", "Alliance", "Coalition", "League", "Organization",
             "Organisation", "Party", "Assembly", "Front", "Presidency", "Directorate", "Secretariat", "Inspectorate",
             "Army")


_ORG_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’-]+ (?:and )?)*(?:" + "|".join(ORG_HEADS) + r")"  # ('Disaster and Emergency ...')
    r"(?: (?:of|for|on) (?:the )?[A-Z][\w'’-]+(?:,? (?:and )?[A-Z][\w'’-]+)*)*")  # 'Central Committee of the Party of X'


def org_names(ctx: ReportContext) -> list[Mention]:
    """Organisation names the tagger missed or cut: 'the Lagos Institute of Maritime Studies',
    'the Institute for Energy Studies'. A place inside such a name is part of the name."""
    doc, out = ctx.doc, []
    for m in _ORG_NAME.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None and len(span) > 2 and span[0].lower_ in {"the", "a", "an"}:
            span = span[1:]  # ('The Finnish Refugee Advice Centre' opening a sentence)
        if span is None or len(span) < 2 or is_headline(span.sent) or span[0].i == span.sent.start:
            continue
        span = _name_end(ctx, span)
        inside = ctx.in_span(span.start, span.end)
        cut = [x for x in inside if x.label == "Organization" and x.node not in ctx.gaz.entries
               and x.end - x.start < len(span) and ctx.doc[x.start].i == span.start]  # 'Alliance' of 'Alliance of Sahel States'
        if any(x.label in {"Organization", "Person"} and x not in cut for x in inside) or any(
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


def bodies_named_again(ctx: ReportContext) -> None:
    """'the Nigerien Presidential Guard' and, later, 'soldiers from the presidential guard': a
    body's name without its state's word, in lower case, is that body again (when the report
    names one body so)."""
    doc, tails = ctx.doc, {}
    for m in (m for m in ctx.mentions if m.label == "Organization" and m.end - m.start >= 2):
        words = [t for t in doc[m.start:m.end] if t.pos_ != "DET"]
        if len(words) < 3 or not (ctx.gaz.state_of_demonym(words[0].text) or ctx.gaz.lookup(words[0].text, "State")):
            continue
        words = words[1:]  # ('Nigerien Presidential Guard' -> 'presidential guard')
        if all(t.is_title for t in words):
            tails.setdefault(" ".join(t.lower_ for t in words), set()).add(m.node)
    for tail, nodes in tails.items():
        n = len(tail.split())
        same = {m.node for m in ctx.mentions if m.label == "Organization" and m.node not in nodes
                and m.node not in ctx.gaz.entries and fold(ctx.name_of(m.node)) == fold(tail)}
        if len(nodes) == 1 and len(same) == 1:  # ('the Presidential Guard' of a quote): one body
            ctx.merge(same.pop(), next(iter(nodes)))
        for i in range(len(doc) - n + 1):
            span = doc[i:i + n]
            if len(nodes) == 1 and span.text == tail and not any(ctx.at(t) for t in span) \
                    and (i + n == len(doc) or doc[i + n].dep_ != "compound"):
                ctx.mentions.append(Mention(i, i + n, "Organization", next(iter(nodes)), span.text))
    ctx.index()


def missions_placed(ctx: ReportContext) -> None:
    """'the Iranian Embassy' after 'Iran's embassy in Riyadh': a state's mission named without
    its city is the report's one mission of that state with a city (when there is one)."""
    b = ctx.builder
    orgs = {m.node for m in ctx.mentions if m.label == "Organization" and m.node in b.nodes}
    orgs |= {n for n, acc in b.nodes.items() if acc.label == "Organization" and " in " in acc.name}
    for short in sorted(orgs):
        name = b.nodes[short].name if short in b.nodes else ""
        if not name or name.split()[-1] not in {"Embassy", "Consulate"}:
            continue
        placed = [n for n in orgs if n != short and n in b.nodes and b.nodes[n].name.startswith(name + " in ")]
        if len(placed) == 1:
            acts = {old: old.replace(slug(name), slug(b.nodes[placed[0]].name), 1) for old in list(b.nodes)
                    if old.startswith("Event:") and old.endswith("-" + slug(name))}  # ('Reopening of the X Embassy')
            ctx.merge(short, placed[0])
            for old, new in acts.items():
                if new in b.nodes:
                    ctx.merge(old, new)


def longer_org_forms(ctx: ReportContext) -> None:
    """'the Supreme State Council of the Union State' and, later, '... of the Union State of
    Belarus and Russia': the longer form of a name of three words or more is the same body."""
    b = ctx.builder
    orgs = {m.node for m in ctx.mentions if m.label == "Organization" and m.node in b.nodes
            and m.node not in ctx.gaz.entries}
    for long in sorted(orgs, key=lambda n: -len(b.nodes[n].name)):
        name = b.nodes[long].name
        short = [n for n in orgs if n != long and n in b.nodes and len(b.nodes[n].name.split()) >= 3
                 and (name.startswith(b.nodes[n].name + " of ") or name.endswith(" " + b.nodes[n].name)
                      and " of " in b.nodes[n].name)]  # ('Maritime Organisation of Iran' after 'Ports and ...')
        if len(short) == 1:
            ctx.merge(long, short[0])


def _name_end(ctx: ReportContext, span: Span) -> Span:
    """Where a run of capitals after an organisation's head word really ends: at a person
    ('the Communist Party of Vietnam | Nguyen Phu Trong'), at the state it is of when other
    names run on ('of Belarus and Russia' do not), and a second 'of' only for that state
    ('the Central Committee of the Communist Party of Laos')."""
    doc = ctx.doc
    dated = next((t.i for t in span if t.ent_type_ in {"DATE", "TIME"} and t.i > span.start + 1), None)
    if dated is not None and doc[dated - 1].lower_ in {"on", "of", "for"}:
        span = doc[span.start:dated - 1]  # '... Council of Kazakhstan on Monday': a date, not the name
    person = next((x for x in ctx.in_span(span.start, span.end, "Person") if x.start > span.start + 1), None)
    if person is not None:
        span = doc[span.start:person.start]
    state = next((x for x in ctx.in_span(span.start, span.end, "State") if doc[x.start - 1].lower_ == "of"
                  and x.end < span.end and doc[x.end].text[:1].isupper()), None)
    if state is not None:
        span = doc[span.start:state.end]
    ofs = [t.i for t in span if t.lower_ == "of"]
    last = ctx.in_span(ofs[-1] + 1, span.end, "State") if len(ofs) > 1 else []
    if len(ofs) > 1 and not (len(last) == 1 and last[0].end == span.end):
        span = doc[span.start:ofs[-1]]
    return span


APPOSED_KIND = re.compile(r"\b((?:[A-Z][\w\-'’]*\s){0,4}[A-Z][\w\-'’]*),\s+(?:a|an|[A-Z][\w\-]*['’]s)\s+(?:[\w\-]+\s+){0,4}?"
                          r"(news agency|agency|outlet|company|firm|newspaper|broadcaster|channel|think tank|organi[sz]ation|website"
                          r"|operator|utility|regulator|producer|manufacturer|airline|bank|insurer)\b")
MEDIA_KINDS = {"news agency", "agency", "outlet", "newspaper", "broadcaster", "channel"}


def apposed_kinds(ctx: ReportContext) -> list[Mention]:
    """'African Initiative, a pro-Kremlin Russian news agency': a name the report itself calls
    an agency, outlet or company is an organisation, whatever the tagger made of it."""
    doc, out = ctx.doc, []
    for m in APPOSED_KIND.finditer(doc_text(doc)):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or span[0].i == span.sent.start and span[0].lower_ in {"the", "a"} \
                or span[0].pos_ == "ADP" or any(t.ent_type_ in {"DATE", "TIME"} for t in span):
            continue  # ('On Thursday, Finland's grid operator ...': a time, not the operator)
        inside = [x for x in ctx.mentions if x.start < span.end and x.end > span.start]
        if any(x.label not in {"Place", "Person"} and not (x.label == "Organization" and x.node not in ctx.gaz.entries)
               or x.start < span.start or x.end > span.end for x in inside) or ctx.gaz.lookup(span.text) is not None:
            continue
        for x in inside:
            ctx.forget(x)
        name = clean_span_text(span.text)
        kind = "media" if m.group(2) in MEDIA_KINDS else "company" if m.group(2) in {"company", "firm"} else None
        node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name, kind=kind,
                                    evidence=ctx.evidence(span.sent))
        out.append(Mention(span.start, span.end, "Organization", node, name))
        ctx.add_mention(out[-1])
    return out


STATE_BODY_WORDS = {"ministry", "department", "council", "agency", "navy", "army", "force", "forces", "guard", "guards",
                    "service", "office", "committee", "commission", "government", "parliament", "command", "fleet",
                    "embassy", "court", "police", "assembly", "cabinet", "directorate", "corps", "marines", "military",
                    "presidency", "administration", "secretariat", "inspectorate"}
# (a state's own bodies, named alike in every state: 'the Defence Ministry' is located in no state, and no key across reports)
LEGAL_FORMS = (r"Private Limited|Pvt\.? Ltd\.?|Pte\.? Ltd\.?|Pty\.? Ltd\.?|Sdn\.? Bhd\.?|Ltd\.?|Limited Liability Partnership"
               r"|Limited Liability Company|Limited|LLC|LLP|Inc\.?|PJSC|OJSC|CJSC|JSC|GmbH|Corp\.|Corporation|PLC|plc|AG"
               r"|S\.R\.O\.?|SRO|s\.r\.o\.|S\.p\.A\.|SpA|B\.V\.|N\.V\.|SARL|OOO|FZE|FZCO|DMCC")
LEGAL_TAIL = rf"(?:{LEGAL_FORMS}|S\.A\.|Co\.,? Ltd\.?)(?:\s+FZ(?:E|CO|C)?\b)?"  # 'LLC FZ': a UAE free-zone company
LEGAL_NAME = re.compile(rf"\b((?:[A-Z][\w&'\-]*\s+){{1,4}}?)({LEGAL_TAIL})(?!\w)")
BASED = re.compile(r"^((?:[A-Z][\w.]*\s+)*[A-Z][\w.]*)-based\s+")  # 'UAE-based Caravella LLC FZ'
FIRST_FORMS = (r"Limited Liability Company|Limited Liability Partnership|(?:Public |Closed |Open )?Joint[- ]Stock Company"
               r"|LLC|OOO|JSC|PJSC|OJSC|CJSC|AO|PAO|ZAO|OAO")
LEGAL_FIRST = re.compile(  # 'Limited Liability Company Verus', 'JSC Almaz-Antey': the form before the name
    rf"\b({FIRST_FORMS})\s+((?:[A-Z][\w&'\-]*)(?:\s+[A-Z][\w&'\-]*){{0,3}})(?![\w-])")


def legal_names(ctx: ReportContext) -> list[Mention]:
    """'Galaxy Maritime Ltd', 'TransMorFlot LLC': a name with a company's legal form is a
    company, whatever the tagger made of its words; the bare name later ('Galaxy Maritime
    said') is the same company."""
    doc, out, found = ctx.doc, [], {}
    text = doc_text(doc)
    named = [(m.start(), m.end(), m.group(1), m.group(2), m.group(0)) for m in LEGAL_NAME.finditer(text)]
    named += [(m.start(), m.end(), m.group(2), m.group(1), m.group(0)) for m in LEGAL_FIRST.finditer(text)
              if not LEGAL_NAME.fullmatch(m.group(2))]
    for m_start, m_end, bare, form, whole in sorted(named):
        bare = " ".join(bare.split())
        if bare.split()[0] in {"The", "A", "An"}:
            bare = " ".join(bare.split()[1:])
        based = BASED.match(bare)
        if based:  # where it is based is no part of its name
            bare = bare[based.end():]
        start = m_start + (whole.index(bare) if bare and bare in whole and not whole.endswith(bare) else 0)
        span = doc.char_span(start, m_end, alignment_mode="expand")
        if not bare or ctx.gaz.lookup(bare) is not None or span is None or bare in found:
            continue
        first = span.start + 1 if span[0].lower_ == "the" else span.start
        covering = [x for x in ctx.mentions if x.start <= first and x.end >= span.end and x.label == "Organization"]
        if covering and covering[0].node in ctx.gaz.entries:  # a known company: its bare name later is it too
            found[bare] = ctx.builder.add_node(covering[0].node, "Organization", ctx.name_of(covering[0].node),
                                               aliases=(bare,))
            continue
        name = f"{bare} {form}"  # (one id by the bare name, whether or not the tagger had it whole)
        home = (ctx.gaz.lookup(based.group(1), "State") or ctx.gaz.lookup(based.group(1))) if based else None
        found[bare] = ctx.builder.add_node("Organization:" + slug(bare), "Organization", name, kind="company",
                                           aliases=(bare,), country=home.name if home and home.label == "State" else None)
    for bare, node in found.items():
        for m in re.finditer(rf"\b(?:(?:{FIRST_FORMS})\s+)?{re.escape(bare)}(?:\s+{LEGAL_TAIL})?(?!\w)", doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or span.end < len(doc) and doc[span.end].is_title and doc[span.end].pos_ == "PROPN" \
                    and doc[span.end].lower_ not in ctx.gaz.title_heads and not re.search(rf"\s{LEGAL_TAIL}$", m.group(0)):
                continue  # ('India Ports Global | Chabahar Free Zone': the start of another name)
            inside = [x for x in ctx.mentions if x.start < span.end and x.end > span.start]
            if any(x.label == "State" and not (x.start == span.start and x.end < span.end and x.via != "demonym")
                   or x.node == node or (x.start < span.start or x.end > span.end)
                   and not _listed_in(doc, x, span) for x in inside):
                continue
            for x in inside:
                ctx.forget(x)
            ctx.builder.add_node(node, "Organization", ctx.builder.nodes[node].name, evidence=ctx.evidence(span.sent))
            mention = Mention(span.start, span.end, "Organization", node, span.text)
            ctx.add_mention(mention)
            out.append(mention)
    return out


def _listed_in(doc, wider: Mention, span) -> bool:
    """'Limited Liability Company Verus, Defense Engineering LLP' read as one name: a list the
    tagger glued, which the company's own name splits."""
    before = doc[wider.start:span.start].text.strip() if wider.start < span.start else ","
    after = doc[span.end:wider.end].text.strip() if wider.end > span.end else ","
    return wider.label == "Organization" and wider.node not in ("", None) and \
        re.search(r"(?:,|\band)$", before) is not None and re.match(r"(?:,|and\b)", after) is not None


def short_org_names(ctx: ReportContext) -> None:
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


def joined_names(ctx: ReportContext) -> None:
    """'the Ports and Maritime Organisation of Iran': a lone plural word the tagger cut off
    before 'and' (or read as something else) and the body's name after it are one name."""
    doc, b = ctx.doc, ctx.builder
    for second in [m for m in ctx.mentions if m.label == "Organization" and m.start >= 2]:
        word, before = doc[second.start - 2], ctx.at(doc[second.start - 2])
        plural = word.tag_ in {"NNS", "NNPS"} or word.lower_.endswith("s") and not word.lower_.endswith("ss")
        if doc[second.start - 1].lower_ not in {"and", "&"} or not plural or not word.is_title \
                or before is not None and (before.label != "Organization" or before.end - before.start != 1
                                           or before.node in ctx.gaz.entries) \
                or not org_word(ctx, second.text.split()[-1]) and " of " not in second.text \
                or word.i > 0 and doc[word.i - 1].is_title:
            continue
        name = clean_span_text(doc[word.i:second.end].text)
        country = b.nodes[second.node].props.get("country") if second.node in b.nodes else None
        node = b.add_node("Organization:" + slug(name), "Organization", name, evidence=ctx.evidence(word.sent),
                          **({"country": country} if country else {}))
        for m in [x for x in (before, second) if x is not None]:
            ctx.forget(m)
        ctx.add_mention(Mention(word.i, second.end, "Organization", node, name))


def defined_acronyms(ctx: ReportContext) -> None:
    """'the Royal United Services Institute (RUSI)': the acronym is an alias, and a later
    'RUSI' is the same organisation, not a second one."""
    doc, b = ctx.doc, ctx.builder
    for m in [m for m in ctx.mentions if m.label == "Organization" or m.label == "Place" and m.node in b.nodes
              and b.nodes[m.node].props.get("kind") == "facility"]:  # ('the Temporary Operating Base (TOB)')
        if not (m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")"):
            continue
        acronym = doc[m.end + 1].text
        capitals = "".join(w[0] for w in m.text.split() if w[:1].isupper())
        if not re.fullmatch(r"[A-Z]{2,8}", acronym) or acronym == m.text or not (
                any(_subsequence(acronym, capitals[k:]) for k in range(len(capitals)))  # ('MINUSMA Temporary
                or _translated(ctx, acronym, m.text, capitals) or _native(ctx, acronym, m)):  # Operating Base
            # (TOB)': its own words')
            continue
        if m.node not in b.nodes:
            continue
        b.add_node(m.node, m.label, b.nodes[m.node].name, aliases=(acronym,))
        ctx.mentions.extend(Mention(t.i, t.i + 1, m.label, m.node, acronym) for t in doc
                            if t.text == acronym and t.i != m.end + 1 and ctx.at(t) is None)  # (untagged again)
        ctx.index()
        for other in [o for o in ctx.mentions if o.text == acronym and o.node != m.node]:
            old, other.node, other.label = other.node, m.node, m.label
            if old in b.nodes and not ctx.mentioned(old) and b.nodes[old].label == "Organization":
                b.merge_node(old, m.node)  # (its edges follow: "IPGL's subsidiary")


def _translated(ctx: ReportContext, acronym: str, name: str, capitals: str) -> bool:
    """'the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)': a
    long name's acronym in another language's word order, most of its letters among the capitals."""
    return len(name.split()) >= 4 and len(acronym) >= 4 and ctx.gaz.lookup(acronym) is None \
        and sum(ch in capitals for ch in set(acronym)) >= 0.75 * len(set(acronym))


def _native(ctx: ReportContext, acronym: str, m: Mention) -> bool:
    """"Türkiye's Disaster and Emergency Management Presidency (AFAD)": a body of three words or more
    is known by the acronym of its name in its own language, which shares no letters with the
    English one; an acronym the gazetteer knows as something else is no such name."""
    return m.label == "Organization" and len(m.text.split()) >= 3 and len(acronym) >= 3 \
        and ctx.gaz.lookup(acronym) is None


def _subsequence(short: str, long: str) -> bool:
    """'RUSI' in 'RUSI', 'CNPC' in 'CNPC': the acronym's letters in order among the name's capitals."""
    it = iter(long)
    return short[:1] == long[:1] and all(ch in it for ch in short)


MEDIA_HEADS = {"broadcaster", "newspaper", "agency", "channel", "daily", "outlet", "network", "television",
               "tabloid", "magazine", "company", "firm", "group", "militia", "movement", "consultancy", "consultants",
               "insurer", "operator", "shipowner", "manager", "carrier", "airline", "shipyard", "website", "portal",
               "subsidiary", "affiliate"}
OWNING_HEADS = {"subsidiary", "affiliate"}  # 'X's subsidiary Y': Y is X's


def people_named_as(ctx: ReportContext, label: str, keep=lambda name: False) -> None:
    """A one-word name typed a person where the report gives a node of `label` that name ('Kyivstar
    said ...' and 'Kyivstar, Ukraine's largest operator'): that node in every mention (unless
    `keep` says the name is a person's)."""
    b = ctx.builder
    others = {acc.name: node for node, acc in b.nodes.items() if acc.label == label and " " not in acc.name}
    for node, acc in list(b.nodes.items()):
        other = others.get(acc.name) if acc.label == "Person" and " " not in acc.name else None
        if other is None or keep(acc.name):
            continue
        for m in ctx.mentions:
            if m.node == node:
                m.label, m.node = label, other
        b.drop_node(node)
    ctx.index()


def named_by_kind(ctx: ReportContext) -> list[Mention]:
    """'The Tele Sahel broadcaster', 'the Wagner group': a name the tagger missed, typed by
    the noun that follows it."""
    doc, out = ctx.doc, []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lower_ not in MEDIA_HEADS:
            continue
        names = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title]
        after = [t for t in tok.rights if t.dep_ == "appos" and t.pos_ == "PROPN" and t.left_edge.i == tok.i + 1]
        if not after and tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i \
                and all(t.pos_ == "PROPN" for t in doc[tok.i + 1:tok.head.i + 1]):
            after = [tok.head]  # 'the website Beyond Parallel' (the kind noun parsed as a compound)
        nxt = ctx.at(doc[tok.i + 1]) if tok.i + 1 < len(doc) else None
        if not after and nxt is not None and nxt.label == "Person" and nxt.start == tok.i + 1 \
                and any(c.lower_ == "the" for c in tok.children):
            after = [doc[nxt.end - 1]]  # ('Beyond' read as a preposition)
        if names:
            span = doc[min(t.left_edge.i for t in names):tok.i]
        elif after:  # 'the Greek company Oceanic Carriers'
            span = doc[tok.i + 1:after[0].i + 1]
        else:
            continue
        person = ctx.at(span[0]) if after else None  # 'the website Beyond Parallel', read as a person
        person = person if person is not None and person.label == "Person" and (person.start, person.end) == (
            span.start, span.end) and not ctx.mentioned(person.node, besides=(person,)) else None
        unread = after and ctx.at(span[0]) is None and span[0].ent_type_ in {"FAC", "PRODUCT", "WORK_OF_ART", "LAW"}
        if not all(t.pos_ == "PROPN" or person is not None and t.is_title for t in span) \
                or (ctx.at(span[0]) or span[0].ent_type_) and person is None and not unread \
                and not (after and len(span) >= 3):  # ('the newspaper Helsingin Sanomat', read as a building)
            continue  # 'the Tele Sahel broadcaster': a name of its own, even if part of it is a place
        if person is not None:
            ctx.forget(person)
        inner = ctx.in_span(span.start, span.end)
        misread = [m for m in inner if m.label == "Person" and after and len(span) >= 3
                   and not ctx.mentioned(m.node, besides=(m,))]  # ('... Global Sohar Free Zone' read as a person)
        if any(m.label not in {"Place", "State"} and m not in misread for m in inner):
            continue
        for m in misread:
            ctx.forget(m)
        for m in [m for m in inner if m not in misread]:
            ctx.mentions.remove(m)
        name = span.text
        kind = "company" if tok.lower_ in OWNING_HEADS else tok.lower_
        node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name, kind=kind,
                                    evidence=ctx.evidence(tok.sent))
        out.append(Mention(span.start, span.end, "Organization", node, name))
        owner = next((m for c in tok.children if c.dep_ == "poss" for m in [ctx.at(c)] if m), None) \
            if tok.lower_ in OWNING_HEADS else None  # "IPGL's subsidiary India Ports Global Chabahar Free Zone"
        if owner is not None and owner.label == "Organization":
            ctx.builder.add_edge(node, "OWNED_BY", owner.node, evidence=ctx.evidence(tok.sent))
    return out


STATE_BODIES = {"army", "navy", "air force", "armed forces", "defence ministry", "defense ministry", "mfa",
                "foreign ministry", "interior ministry", "finance ministry", "coast guard",
                "border guard", "national guard", "press office", "security council", "parliament", "police",
                "prosecutor's office", "intelligence service", "customs", "military", "presidential guard",
                "republican guard", "presidential administration", "central bank", "general staff", "supreme court",
                "constitutional court", "embassy", "consulate", "consulate general"}
MISSIONS = {"embassy", "consulate", "consulate general"}  # a state's body abroad: named with where it is


STATE_COMPANY_WORDS = {"Air", "Airways", "Airlines", "Railways", "Shipping", "Telecom", "Post"}


def state_companies(ctx: ReportContext) -> list[Mention]:
    """'Iran Air', 'Korean Air', 'Turkish Airlines': a state's name or adjective followed by an
    airline's or a carrier's word is a company, not the state (the ruler reads 'Iran')."""
    doc, out = ctx.doc, []
    for m in [m for m in ctx.mentions if m.label == "State"]:
        if m.end >= len(doc) or doc[m.end].text not in STATE_COMPANY_WORDS or ctx.at(doc[m.end]) is not None \
                or m.end + 1 < len(doc) and doc[m.end + 1].text[:1].isupper():
            continue
        name = clean_span_text(doc[m.start:m.end + 1].text)
        entry = ctx.gaz.lookup(name, "Organization")
        node = node_for_company(ctx, name, entry, doc[m.start].sent)
        ctx.forget(m)
        mention = Mention(m.start, m.end + 1, "Organization", node, name)
        ctx.add_mention(mention)
        out.append(mention)
    return out


SANCTION_WORDS = {"sanction", "embargo"}


def sanctioning_council(ctx: ReportContext) -> None:
    """'U.N. sanctions', 'the UN arms embargo': only the Security Council imposes them, so the
    United Nations named in front of them is the Council (as the sanctions regime is named)."""
    from kg.extract.entities import node_for_entry

    council = ctx.gaz.entries.get("Organization:united-nations-security-council")
    doc = ctx.doc
    for m in [m for m in ctx.mentions if m.node == "Organization:united-nations"]:
        after = doc[m.end:m.end + 2]
        if council is None or not any(t.lemma_.lower() in SANCTION_WORDS for t in after) \
                or len(after) and after[0].lemma_.lower() not in SANCTION_WORDS and after[0].pos_ not in {"NOUN", "ADJ"}:
            continue
        ctx.forget(m)
        node = node_for_entry(ctx, council, doc[m.start].sent, alias=m.text)
        ctx.add_mention(Mention(m.start, m.end, "Organization", node, m.text, via=m.via))


def node_for_company(ctx: ReportContext, name: str, entry: Entry | None, sent: Span) -> str:
    if entry is not None:
        return ctx.builder.add_node(entry.key, "Organization", entry.name, evidence=ctx.evidence(sent))
    return ctx.builder.add_node("Organization:" + slug(name), "Organization", name, kind="company",
                                evidence=ctx.evidence(sent))


BODY_OFFICIALS = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "spokespeople"}


def state_bodies(ctx: ReportContext) -> list[Mention]:
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
                and (words[-1].dep_ not in {"compound", "amod"} or words[-1].head.lower_ in BODY_OFFICIALS)
            # ('Russian military instructors': no body; "Qatar's foreign ministry spokesman": the ministry's)
            nxt = doc[m.end + gap + n] if m.end + gap + n < len(doc) else None
            titled = all((t.is_title or t.is_upper) and t.ent_type_ in {"", "ORG"} for t in words) and not (
                nxt is not None and nxt.text[:1].isupper() and nxt.tag_ not in {"VBZ", "VBD", "VBP"}
                and not (nxt.is_title and nxt.lower_ in ctx.gaz.verb_forms)  # 'U.S. Coast Guard', 'US Coast Guard Seizes'
                and nxt.lower_ not in title_words(ctx))  # 'Finnish Police Director General X': the body, then a title
            if words[-1].lower_ == "military" and (words[-1].pos_ != "NOUN" or nxt is not None and (
                    nxt.pos_ == "NOUN" or nxt.tag_ == "POS")):
                continue  # 'Russian military aid': an adjective; 'the U.S. military's Central Command': that command
            if body_words and (lower or titled):
                state = ctx.name_of(m.node)
                body = " ".join(t.text if t.is_upper else t.text.capitalize() for t in words)
                entry = ctx.gaz.entries.get(m.node)
                owner = doc[m.start:m.end].text
                written = f"{owner} {body}"
                name = body_name(entry, body, owner) if entry and m.via != "metonym" else written  # 'Kremlin press office'
                end = m.end + gap + n
                host = ctx.at(doc[end + 1]) if phrase in MISSIONS and end + 1 < len(doc) and doc[end].lower_ == "in" \
                    else None  # "Iran's embassy in Riyadh": one of its embassies, by where it is
                if host is not None and host.label in {"Place", "State"} and host.node != m.node:
                    name = f"{name} in {ctx.name_of(host.node)}"
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
        out += _body_in_state(ctx, m)
    return out


def _body_in_state(ctx: ReportContext, m: Mention) -> list[Mention]:
    """'a spokesperson of the foreign ministry in Qatar': the state's own body (an embassy in a
    state is another state's, see MISSIONS)."""
    doc = ctx.doc
    if m.start < 3 or doc[m.start - 1].lower_ != "in" or m.label != "State":
        return []
    for n in (2, 1):
        words = doc[m.start - 1 - n:m.start - 1]
        phrase = " ".join(t.lower_ for t in words)
        if phrase in STATE_BODIES and all(t.is_lower for t in words) and words.start > 0 \
                and doc[words.start - 1].lower_ == "the" and ctx.at(words[0]) is None:
            entry = ctx.gaz.entries.get(m.node)
            body = " ".join(t.text.capitalize() for t in words)
            name = body_name(entry, body) if entry else f"{ctx.name_of(m.node)} {body}"
            node = ctx.builder.add_node("Organization:" + slug(name), "Organization", name, country=ctx.name_of(m.node),
                                        evidence=ctx.evidence(doc[m.start].sent))
            return [Mention(words.start, words.end, "Organization", node, name)]
    return []


FORMERLY = re.compile(r"^[,(]?\s*(?:formerly|previously|once)(?: known as| called)?$")


def former_names(ctx: ReportContext) -> None:
    """'MG-Flot, formerly TransMorFlot LLC': one organisation, the old name an alias."""
    orgs = [m for m in ctx.mentions if m.label == "Organization"]
    for a, b in zip(orgs, orgs[1:]):
        between = ctx.doc[a.end:b.start].text.strip()
        if FORMERLY.match(between) and a.node != b.node and b.node in ctx.builder.nodes:
            ctx.merge(b.node, a.node)
            acc = ctx.builder.nodes[a.node]
            acc.aliases.add(acc.name)
            acc.name = a.text  # the current name, not the longer former one


BODY_ENDS = {"Mission", "Force", "Forces", "Office", "Operation", "Programme", "Program", "Agency", "Commission",
             "Council", "Committee", "Fund", "Command", "Group"}


def _named_on(ctx: ReportContext, ent: Span) -> int:
    """Where a known body's name that runs on into a body of its own ends: title-case words
    ending in a body's word, then 'in <state>', then its acronym in brackets; else where it ends."""
    doc, j = ent.doc, ent.end
    while j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN" and not doc[j].ent_type_:
        j += 1
    if j - ent.end < 2 or doc[j - 1].text not in BODY_ENDS:
        return ent.end
    if j + 1 < len(doc) and doc[j].lower_ in {"in", "for", "of"} and doc[j + 1].ent_type_ == "GPE":
        j += 2  # ('... Mission in Mali')
    acronym = j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].is_upper
    return j if acronym else ent.end


def longer_names(ctx: ReportContext) -> None:
    """'the National Security Council': the ruler knew 'Security Council' (the UN's), the tagger
    took 'the National' for a name of its own; a known organisation's name inside a longer
    title-case name is that longer name, not the known organisation. Likewise a place's
    name before an organisation's head word ('Pacific Fleet') is that organisation's name."""
    doc, ents, changed = ctx.doc, [], False
    for ent in doc.ents:
        prev = ents[-1] if ents else None
        if ent.label_ == "ORG" and ent.ent_id_ and ent.start > 0:
            i = ent.start - 1
            while i >= 0 and doc[i].is_title and doc[i].pos_ in {"PROPN", "ADJ"} and not doc[i].ent_id_ \
                    and doc[i].ent_type_ in {"", "ORG"}:
                i -= 1
            start = i + 1
            if start < ent.start:
                if prev is not None and prev.end > start:
                    ents.pop()
                    start = min(start, prev.start)
                if doc[start].lower_ == "the":
                    start += 1
                for t in doc[start:ent.end]:
                    t.ent_id_ = ""  # no longer the known organisation
                ents.append(Span(doc, start, ent.end, label="ORG"))
                changed = True
                continue
        end = _named_on(ctx, ent) if ent.label_ == "ORG" and ent.ent_id_ else ent.end
        if end > ent.end:  # 'the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)'
            for t in doc[ent.start:end]:
                t.ent_id_ = ""  # (a body of its own, named after the known one)
            ents.append(Span(doc, ent.start, end, label="ORG"))
            changed = True
            continue
        entry = ctx.gaz.entries.get(ent.ent_id_) if ent.label_ in {"LOC", "GPE"} and ent.ent_id_ else None
        while entry is not None and entry.label == "Place" and end < len(doc) and doc[end].is_title \
                and doc[end].text in ctx.gaz.org_heads and not doc[end].ent_type_:
            end += 1  # 'the Pacific Fleet', 'the Black Sea Fleet': a body named after a place
        if end > ent.end:
            for t in doc[ent.start:end]:
                t.ent_id_ = ""
            ents.append(Span(doc, ent.start, end, label="ORG"))
            changed = True
            continue
        ents.append(ent)
    if changed:
        doc.ents = filter_spans(ents)  # (a name run on takes in the names inside it: 'Mission in | Mali')

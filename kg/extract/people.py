"""People in a report: names the tagger cut short or missed, short names and misspellings
resolved to the full name, and the people found by what they say.

A person node is keyed by the folded full name, so 'Kim Jong-un' and 'Kim Jong Un',
'Massoud' and 'Masoud' are one node in every report; a short name ('Putin') is the full
name used in the same report, never a guess across reports.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from kg.extract.context import Mention, ReportContext, doc_text, is_headline
from kg.extract.nlp import plain_plural
from kg.extract.normalize import clean_span_text, fold, slug
from kg.extract.organizations import LEGAL_FORMS, ORG_HEADS, org_word
from kg.extract.roles import title_words

CONNECTORS = {"of", "the", "and", "for", "on", "in", "to", "&"}  # small words inside names


PERSON_TITLES_KEPT = {"jr", "jr.", "sr", "sr."}


NAME_PARTICLES = r"(?:bin|bint|ibn|ben|van|von|de|da|di|du|del|della|der|den|dos|das|al|el|le|la|y)"  # 'Faisal bin Farhan'
PERSON_NAME = re.compile(rf"^[A-Z][\w'’\-.]*( (?:(?:{NAME_PARTICLES} )+|(?:al|el|ad|ar|as|ash|at|az|an|ul|ud)[-’'])?"
                         rf"[A-Z][\w'’\-.]*){{0,4}}$")  # ('Abdel Fattah al-Burhan')


def person_id(name: str) -> str:
    return "Person:" + fold(name).replace(" ", "-")


def person_words(ctx: ReportContext) -> set[str]:
    """Every word of every person's name in the report ('Sharma adds' is not a city)."""
    return {t.text for e in ctx.doc.ents if e.label_ == "PERSON" for t in e}


PARTICLES = {"Al", "El", "Le", "La", "De", "Da", "Di", "Du", "Do", "Ul", "Ur", "Mr", "Ms", "Dr", "St", "Jr", "Sr"}


def short_names(ctx: ReportContext, people: list[Mention]) -> None:
    """'Kamikawa, for her part, said ...' where the tagger saw no name: a surname (or the
    family name first, 'Kihara') of one person named in full elsewhere in the report."""
    parts: dict[str, set[str]] = {}
    full: dict[str, str] = {}
    titles = title_words(ctx)
    for m in people:
        words = m.text.split()
        before = ctx.doc[m.start - 1] if m.start > 0 else None
        if len(words) == 1 and m.node and before is not None and before.lower_ in titles \
                and (before.text[:1].isupper() or before.lower_ == "elect"):
            parts.setdefault(m.text.lower(), set()).add(m.node)  # 'President-elect Trump', then "Trump's inauguration"
        if len(words) >= 2:
            full[m.text] = m.node
            for w in (words[0], words[-1]):
                if (len(w) > 2 or len(w) == 2 and w.isalpha() and w not in PARTICLES) and w[:1].isupper():
                    # (case folded: 'Boris PIstorius', then 'Pistorius'; 'Ri' of 'Ri Il Kyu')
                    parts.setdefault(w.lower(), set()).add(m.node)
    added, skip = False, -1
    for m in [m for m in ctx.mentions if m.label == "Organization" and m.end - m.start == 1]:
        nodes = parts.get(m.text.lower())  # "Trump's inauguration": the tagger's organisation is the person
        if nodes and len(nodes) == 1 and m.node not in ctx.gaz.entries and ctx.gaz.lookup(m.text) is None:
            old, m.label, m.node, m.via = m.node, "Person", next(iter(nodes)), "short name"
            if old in ctx.builder.nodes and not ctx.mentioned(old):
                ctx.builder.drop_node(old)
            added = True
    for tok in ctx.doc:
        nodes = parts.get(tok.lower_) if tok.text[:1].isupper() else None
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


def speakers(ctx: ReportContext) -> list[Mention]:
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
        if words[-1].lower_ in title_words(ctx):
            continue  # 'Russian Permanent Representative to the UN X told': a title, its holder named after it
        if org_word(ctx, words[-1].text):  # 'the UK Maritime Trade Organizations said': an organisation
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


def listed_with_people(ctx: ReportContext) -> list[Mention]:
    """'Xi Jinping and Ukhnaagiin Khurelsukh', 'Colonel-General Younous-Bek Evkourov': a name the
    tagger took for an organisation, joined by 'and' to a person or after a title, and shaped
    like a person's name, is a person."""
    doc, out = ctx.doc, []
    heads = ctx.gaz.title_heads
    for org in [m for m in ctx.mentions if m.label == "Organization"]:
        root = doc[org.start:org.end].root
        other = ctx.at(root.head) if root.dep_ == "conj" else None
        titled = org.start > 0 and doc[org.start - 1].lower_ in heads and doc[org.start - 1].is_title
        words = [t for t in doc[org.start:org.end] if t.text not in {"-", "'"}]
        if not titled and (other is None or other.label != "Person") or not 2 <= len(words) <= 3 \
                or not all(t.is_alpha and t.text[:1].isupper() and t.text[1:2].islower() for t in words) \
                or org_word(ctx, words[-1].text) or ctx.gaz.lookup(org.text) is not None:
            continue
        ctx.forget(org)
        out.append(Mention(org.start, org.end, "Person", "", clean_span_text(org.text)))
    ctx.index()
    return out


def not_only_in_headlines(ctx: ReportContext, people: list[Mention]) -> list[Mention]:
    """A 'name' seen only in the title-case headline ('In Bid to Be Major Global Player') is
    the tagger reading capitals; a real person is named in the body too."""
    title = " ".join((ctx.builder.report.title or "").split())
    heads = {s.start for s in ctx.doc.sents if is_headline(s) and (
        " ".join(s.text.split()) == title or s.start == 0 and not s.text.rstrip().endswith((".", "!", "?", '"', "”")))}
    if not heads:
        return people
    body = " ".join(s.text for s in ctx.doc.sents if s.start not in heads)
    dropped = [m for m in people if ctx.doc[m.start].sent.start in heads
               and not re.search(rf"\b{re.escape(m.text.split()[-1])}\b", body)]  # (a word, not 'At' of 'Atomic')
    for m in dropped:
        ctx.mentions.remove(m)
    return [m for m in people if m not in dropped]


LEGAL_END = re.compile(rf"\b(?:Limited|{LEGAL_FORMS})$")  # a company's legal form ends no person's name
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Miss|Mme|Mister|Madam|Madame|Sir|Dame|Shri|Smt)\.?\s+")


def resolve_people(ctx: ReportContext, people: list[Mention]) -> None:
    """Short names to the full name used in the same report ('Putin' -> 'Vladimir Putin'),
    and a misspelt full name to the one spelt most often ('Massoud Pezekshkian')."""
    for m in [m for m in people if LEGAL_END.search(m.text)]:  # ('Private Limited' of 'BrahMos Aerospace Private Limited')
        people.remove(m)
        ctx.forget(m)
    canonical = _spelling_variants(people)
    full = sorted({HONORIFIC.sub("", m.text) for m in people if len(_without_suffix(HONORIFIC.sub("", m.text)).split()) > 1
                   and m.text not in canonical},
                  key=lambda n: (-len(n), n))
    for m in people:
        text = HONORIFIC.sub("", m.text)  # 'Mr. Lavrov' is Lavrov
        name = canonical.get(text, text)
        core = _without_suffix(name)
        if len(core.split()) == 1:  # 'Putin', and 'Marcos Jr.' after 'Ferdinand Marcos Jr.'
            f = fold(core)
            matches = [n for n in full if f in {fold(p) for p in re.split(r"[\s\-]", _without_suffix(n)) + n.split()}
                       and (core == name or _without_suffix(n) != n)]  # ('Kosiniak-Kamysz' too)
            surnames = [n for n in matches if fold(_without_suffix(n).split()[-1]) == f or fold(n.split()[0]) == f]
            if surnames:
                name = surnames[0]
        elif len(core.split()) == 2 and core.split()[0].lower() in SURNAME_PARTICLES:  # 'Al Ansari' after 'Majed
            longer = [n for n in full if fold(n).endswith(" " + fold(core)) and fold(n) != fold(core)]  # Al Ansari'
            name = longer[0] if len(longer) == 1 else name
        m.node = ctx.builder.add_node(person_id(name), "Person", name, aliases=(m.text,),
                                      evidence=ctx.evidence(ctx.doc[m.start].sent))


SURNAME_PARTICLES = set(NAME_PARTICLES[3:-1].split("|")) - {"y"}  # ('Al Ansari', 'von der Leyen')


def _spelling_variants(people: list[Mention]) -> dict[str, str]:
    """Two full names with the same given name whose surnames differ by a slip of one or two
    letters are one person in one report; the spelling used more often wins. A name told once
    with one word more in front is the name told often."""
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
    for name in names:  # 'Mujahid Ismail Haniyeh' once, in a eulogy, of the 'Ismail Haniyeh' named throughout
        rest = name.split(" ", 1)[1] if len(name.split()) >= 3 else None
        if rest in counts and counts[name] == 1 and name not in canonical and first[rest] < first[name]:
            canonical[name] = canonical.get(rest, rest)
    return canonical


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (rapidfuzz's, as the declared dependency)."""
    return Levenshtein.distance(a, b)


NAME_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


def _without_suffix(name: str) -> str:
    """'Marcos' of 'Marcos Jr.': a generational suffix is not a name word."""
    return NAME_SUFFIX.sub("", name)


def titled_names(ctx: ReportContext) -> list[Mention]:
    """Names NER missed right after a title: 'Minister of Transport Roman Starovoyt',
    'President of Kazakhstan Kassym-Jomart Tokayev' (hyphenated given names included)."""
    words = title_words(ctx)
    covered = {t.i for e in ctx.doc.ents for t in e if not (e.label_ == "NORP" and not e.ent_id_)}  # 'Hui' of 'Choe Son Hui'
    out, i, doc = [], 0, ctx.doc
    while i < len(doc):
        j = i
        while j < len(doc) and j not in covered and (doc[j].pos_ == "PROPN" and doc[j].is_title or _name_hyphen(doc, j)
                                                     or j == i and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN"
                                                     and doc[j - 1].lower_ in words | {"counterpart"}
                                                     and _short_name_word(ctx, j, covered)  # 'President To Lam'
                                                     or j > i and _name_hyphen(doc, j - 1) and doc[j].is_lower
                                                     and doc[j].is_alpha and len(doc[j]) <= 4):  # 'Son-hui'
            j += 1
        if j - i >= 2:
            k = i
            while k < j and doc[k].lower_ in words and doc[k].lower_ not in CONNECTORS:  # not "To" of "To Lam"
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
                    and not org_word(ctx, doc[j - 1].text) \
                    and not (k == i and before not in words and plain_plural([t.text for t in doc[k:j]])):
                # ('the team leader of Chilean Mountain Rescuers': plain words; 'CEO Jean Prates': a name)
                out.append(Mention(k, j, "Person", "", doc[k:j].text))
        i = max(j, i + 1)
    return out


def _name_hyphen(doc, j: int) -> bool:
    """The hyphen inside 'Kassym-Jomart' (no spaces around it)."""
    return doc[j].text == "-" and 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _after_title_of_state(doc, i: int, words: frozenset[str], covered: set[int]) -> bool:
    """'President of Kazakhstan | Kassym-Jomart Tokayev', 'Permanent Representative to the UN |
    Vasily Nebenzya': a title, 'of' or 'to', a named state or body, then the name; also through a chain of 'of's ('General Secretary of the Communist Party of Vietnam | X')."""
    j = i - 1
    for _ in range(3):
        if j < 0 or j not in covered:
            return False
        ent = next((e for e in doc.ents if e.start <= j < e.end), None)
        if ent is None or ent.label_ not in {"GPE", "ORG", "NORP"} or ent.start < 2:
            return False
        if doc[ent.start - 1].lower_ not in {"of", "to"}:  # 'Ambassador to the UN | X'
            return False
        if doc[ent.start - 2].lower_ in words:
            return True
        j = ent.start - 2
    return False


_OFFICE = re.compile(r"(?:the )?(?:Ministry|Department|Minister) (?:of|for) (?:the )?")


def split_office_holders(ctx: ReportContext) -> None:
    """'the head of the Ministry of Natural Resources Alexander Kozlov', 'the Governor of the
    Primorsky Territory Oleg Kozhemyako': the tagger ran an official into his ministry or
    territory; the portfolio lexicon and the place words tell where that name ends."""
    doc = ctx.doc
    portfolios = sorted({v for vs in ctx.gaz.titles["portfolios"].values() for v in vs}, key=len, reverse=True)
    ranks = sorted({h.lower() for h in ctx.gaz.titles["heads"]}, key=len, reverse=True)
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
        rank = next((t for t in ranks if ent.text.lower().startswith(t + " ")), None) if ent.label_ == "ORG" else None
        if rank and not org_word(ctx, ent[-1].text):  # 'Rear Admiral Shahram Irani': a title, then a name
            words = ent.text[len(rank):].split()
            person = doc.char_span(ent.start_char + len(rank) + 1, ent.end_char, label="PERSON")
            surname = len(words) == 1 and any(t.text == words[0] and not ent.start <= t.i < ent.end and t.pos_ == "PROPN"
                                              and t.ent_type_ in {"", "PERSON"} for t in doc)  # ('MoS
            # Muraleedharan', named elsewhere as no body)
            if (2 <= len(words) <= 3 or surname) and could_be_name(ctx, words) and person is not None:
                ents.append(person)
                changed = True
                continue
        if port:
            cut = ent.start_char + offset + len(port)
        elif ent.label_ in {"ORG", "PERSON"}:  # 'the Primorsky Territory Oleg Kozhemyako': the governor
            heads = [t for t in ent[:-2] if t.lower_ in ctx.gaz.place_heads and t.i > ent.start]
            cut, label = (heads[-1].idx + len(heads[-1]), "GPE") if heads else (None, label)
            org_heads = [t for t in ent[:-2] if t.text in ctx.gaz.org_heads and t.i > ent.start]
            if cut is None and org_heads:  # 'National Highway Authority Asim Amin'
                cut, label = org_heads[-1].idx + len(org_heads[-1]), "ORG"
        words = doc_text(doc)[cut + 1:ent.end_char].split() if cut else []
        if cut and 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:2].islower() for w in words) \
                and could_be_name(ctx, words):
            office = doc.char_span(ent.start_char, cut, label=label)
            person = doc.char_span(cut + 1, ent.end_char, label="PERSON")
            if office is not None and person is not None:
                ents += [office, person]
                changed = True
                continue
        ents.append(ent)
    if changed:
        doc.ents = ents


HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "gen", "col", "maj", "lt", "sgt", "capt", "adm", "rev"}


def _short_name_word(ctx: ReportContext, i: int, taken: set[int]) -> bool:
    """Is token i a capitalised short word that only a name explains: not at the start of a
    sentence or a headline, not a title or honorific ('To' of 'To Lam', 'Le' of 'Le Hoai Trung')?"""
    doc = ctx.doc
    if i < 1 or i in taken or not doc[i].is_title or not doc[i].is_alpha or len(doc[i]) > 3:
        return False
    t = doc[i]
    return not t.is_sent_start and doc[i - 1].text not in {".", ":", "\n", "\n\n", "“", '"', "(", "-", "–", "—"} \
        and not doc[i - 1].is_space and t.lower_ not in ctx.gaz.title_heads | HONORIFICS and not is_headline(t.sent)


def could_be_name(ctx: ReportContext, words: list[str]) -> bool:
    """'Oleg Kozhemyako' could be a person; 'Guest House' (of 'Kumsusan State Guest House') not."""
    generic = ctx.gaz.place_heads | title_words(ctx) | {h.lower() for h in ORG_HEADS}
    return not any(w.lower() in generic for w in words) and ctx.gaz.place_kind(" ".join(words)) is None


def whole_names(ctx: ReportContext) -> None:
    """'Choe Son Hui', 'Choe Son-hui': the tagger stops a three-syllable Korean name short (and
    took 'Hui' for a people); short name syllables right after a short two-word name, and a
    hyphenated lower-case syllable, belong to the name; so does a capitalised short word
    before a one-word name ('President To Lam', 'but To Lam said'), and an untagged surname
    the name's words hang on ('Rafael Mariano Grossi')."""
    doc, ents, changed = ctx.doc, [], False
    taken = {t.i for e in doc.ents for t in e}
    for ent in doc.ents:
        end, start = ent.end, ent.start
        if ent.label_ == "PERSON" and len(ent) == 1 and _short_name_word(ctx, start - 1, taken):
            start -= 1  # 'President To Lam', 'but To Lam said': a short family name the tagger read as a word
        while ent.label_ == "PERSON" and end < len(doc) and doc[end - 1].dep_ == "compound" \
                and doc[end - 1].head.i == end and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and not doc[end].ent_type_ and doc[end].lower_ not in ctx.gaz.title_heads:
            end += 1  # 'Rafael Mariano Grossi': the tagger stopped before the surname the name hangs on
        while ent.label_ == "PERSON" and end < len(doc) and doc[end - 1].lower_ in SURNAME_PARTICLES \
                and doc[end].is_title and doc[end].is_alpha:
            end += 1  # 'Ursula von der | Leyen': the tagger stopped after the particles of the surname
        if ent.label_ == "PERSON":
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha and len(doc[end + 1]) <= 4:
                end += 2  # 'Choe Son-hui'
            elif len(ent) == 2 and all(len(t) <= 5 for t in ent) and end < len(doc) and doc[end - 1].whitespace_ \
                    and doc[end].is_title and doc[end].is_alpha and len(doc[end]) <= 4 and not doc[end].ent_id_ \
                    and doc[end].ent_type_ in {"", "NORP", "GPE", "PERSON"}:
                end += 1  # 'Choe Son Hui'
        if end != ent.end or start != ent.start:
            span = doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label="PERSON")
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


def people_apposed_to_titles(ctx: ReportContext) -> None:
    """'The chairman of the African Union Commission, Moussa Faki Mahamat, said': a name the
    tagger typed a body, set beside a title and with no body's word in it, is the title's holder."""
    b = ctx.builder
    for m in [m for m in ctx.mentions if m.label == "Organization" and m.node not in ctx.gaz.entries]:
        span = ctx.doc[m.start:m.end]
        if span.root.dep_ != "appos" or span.root.head.lower_ not in ctx.gaz.title_heads or len(span) < 2 \
                or not all(t.pos_ == "PROPN" and t.is_title for t in span) \
                or any(t.lower_ in ctx.gaz.org_words for t in span) or ctx.mentioned(m.node, besides=(m,)):
            continue
        b.drop_node(m.node)
        m.label, m.node = "Person", b.add_node(person_id(m.text), "Person", m.text,
                                               evidence=ctx.evidence(span.sent))
    ctx.index()

"""Agreements and their articles: SIGNED, PARTY_TO, SIGNED_AT, HAS_ARTICLE, RENEWS,
CONCERNS, and sanctions regimes.

An agreement is identified by its kind, its parties and the month it was signed
when those are known, so 'the Treaty on the Comprehensive Strategic Partnership'
in one report and 'a new treaty' signed by the same two states that month in
another are one node; otherwise by its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from kg.extract.context import Mention, ReportContext, doc_text, in_lede
from kg.extract.events import EventIndex, EventRef, RefIndex, main_pair, sentence_date
from kg.extract.goods import PURCHASE_NOUNS, buys_goods, contract_name, model_contract, purchased
from kg.extract.normalize import clean_span_text, slug

KINDS = {"ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire", "armistice": "ceasefire",
         "treaty": "treaty", "agreement": "agreement", "accord": "agreement", "pact": "treaty",
         "convention": "treaty", "memorandum": "memorandum", "declaration": "declaration",
         "protocol": "agreement", "charter": "treaty", "initiative": "agreement", "deal": "agreement",
         "contract": "contract", "resolution": "resolution", "mou": "memorandum",
         "regulations": "agreement", "document": "agreement"}
KEYWORD = r"(Treaty|Agreement|Ceasefire|Truce|Armistice|Accord|Pact|Convention|Memorandum of Understanding|Memorandum|MoU|MOU|Declaration|Protocol|Charter|Initiative|Deal|Contract|Regulations)"
CAP = r"[A-Z0-9][\w\-'’.+]*"
NAMED = re.compile(
    rf"(?:(?:{CAP}|of|and|on|the|for|in)\s+)*?(?:{CAP}\s+)*{KEYWORD}"
    rf"(?:\s+(?:on|of|for|to|between)\s+(?:the\s+)?{CAP}(?:(?:\s+|,\s+|\s+(?:and|of|on|the|in|for)\s+){CAP})*)?")
_MOD = (r"(?!(?:and|or|the|an?|of|to|in|on|for|with|that|which|this|its|their|his|her|at|by|from|as|is|was|were|be"
        r"|been|has|have|had|will|would|signing|great|good|fair|raw)\b)[a-z0-9][a-z0-9\-]*")  # a word before the kind word
GENERIC = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+((?:(?:new|historic|landmark|bilateral|strategic|[a-z\-]+ship|friendship|defen[cs]e|security|"
    r"peace|trade|gas|arms|nuclear|military|economic|comprehensive|mutual|partnership|"
    r"strategic partnership|[A-Z][\w\-]+|" + _MOD + r")\s+)*)(treaty|agreement|accord|pact|deal|contract|document|memorandum of understanding|"
    r"ceasefire agreement|ceasefire deal|ceasefire|cease-fire|truce|armistice|"
    r"memorandum|initiative|MoU|MOU)(?:\s*\([A-Z]{2,6}s?\))?(?:\s+(?:with|between)\s+(?:the\s+)?[^,.;:()]{1,60}?(?=\s+(?:on|for)\s))?"
    r"(?:\s+(on|for|of|to)\s+([^,.;:()]+?(?:\([^)]*\)[^,.;:()]*?)?))?"
    r"(?=,|\.|;|:| and an? | while | which | that | along with | together with | was | were | is | has | with | between |"
    r" in (?:the )?[A-Z]|$)")
_KINDWORD = r"(treaty|agreement|pact|accord|deal|memorandum|declaration|convention|charter)"
QUOTED = re.compile(rf"[“\"]([A-Za-z0-9][^”\"]{{2,80}}?)[”\"]\s+{_KINDWORD}\b|[“\"]([A-Za-z0-9][^”\"]{{2,80}}?)\s{_KINDWORD}[”\"]",
                    re.I)
ANAPHOR = re.compile(r"\b(?:the|this|that|an?|its|their|these)\s+((?:" + _MOD + r"\s+){0,3})(treaty|agreement|pact|deal|accord|contract|"
                     r"ceasefire|truce|armistice|"
                     r"declaration|memorandum of understanding|memorandum|initiative|documents?|MoU|MOU)(?:'s|’s)?\b", re.I)
# A list item naming a document, on a line of its own: 'A Memorandum of Understanding on digital trade;'
LISTED = re.compile(r"^\s*(?:[Aa]n?\s+|[Tt]he\s+)?((?:Memorandum of Understanding|Memorandum|Agreement|Protocol|Regulations|"
                    r"Declaration|Treaty|Contract|Convention|Roadmap|Plan)\s+(?:on|to|between|for|of|about)\s+[^;]{3,200}?)"
                    r"\s*[;.,]?\s*$")
BROKERED = re.compile(r"^[\w.]+-(?:brokered|backed|led|sponsored|mediated|drafted)\s+")
GENERIC_MODS = {"ceasefire", "new", "historic", "landmark", "bilateral", "strategic", "friendship", "defence", "defense", "security",
                "peace", "trade", "gas", "arms", "nuclear", "military", "economic", "comprehensive", "mutual",
                "partnership", "the", "this", "that", "such", "first", "major", "key", "same", "previous", "latest",
                "similar", "another", "separate", "comparable", "analogous", "parallel", "earlier",
                "signed", "aforementioned", "above", "said", "proposed", "planned"}
NOT_A_DOCUMENT = re.compile(r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}(?:agency|outlet|company|group|organi[sz]ation|channel|"
                            r"network|firm|newspaper|broadcaster|website|institute|movement|party)\b")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_WORDS = (rf"(?:(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}}\s+)?|\d{{1,2}}\s+(?:{MONTHS}),?\s+(?:\d{{4}}\s+)?|"
              r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)")  # 'signed on June 19 the X Agreement'
THE_TWO = re.compile(r"\b(?:the two|both)\s+(?:(?:regional|estranged|former|old|long-time|longtime)\s+)?"
                     r"(?:countries|nations|states|sides|neighbou?rs|governments|rivals|adversaries|powers)\b", re.I)
GOAL_VERBS = {"bolster", "strengthen", "deepen", "boost", "enhance", "promote", "expand", "improve", "increase",
              "foster", "advance", "reinforce", "support", "ensure", "elevate", "consolidate", "further"}
ARTICLE = re.compile(r"\bArticles? (\d+)(?:\s*(?:and|,)\s*(\d+))*", re.I)
SANCTIONS = re.compile(r"\b((?:UN(?:SC)?|U\.N\.|United Nations(?: Security Council)?|UN Security Council|Security Council|US|U\.S\.|EU|E\.U\.|American|European|Western|international)\s+(?:\([A-Z]+\)\s+)?)?sanctions\b")
SIGN_VERBS = {"sign", "ink", "conclude", "seal"}
HEADLINE_VERBS = {f"{v}{end}" for v in SIGN_VERBS | {"agree", "reach", "strike", "approve", "announce", "unveil", "back",
                                                      "reject", "ratify", "renew", "extend", "hail", "seek", "say"}
                  for end in ("", "s", "es", "ed", "d")}  # 'Signs', 'Inks': title-case verbs taggers read as names


@dataclass
class AgreementRef:
    node: str
    start: int  # char offset
    end: int
    kind: str
    name: str
    parties: set[str] = field(default_factory=set)
    signed: str | None = None


def _kind(name: str) -> str:
    for word, kind in KINDS.items():
        if re.search(rf"\b{word}\b", name, re.I):
            return kind
    return "agreement"


_DATED = re.compile(r"^(?:(?:19|20)\d\d|\d+-year|\w+-long)\s+|\s+(?:of|from|in)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d$"
                    r"|\s+(?:on|of)\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+(?:19|20)\d\d)?$"
                    r"|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)$")


_FRAMED = re.compile(r"\s+(?:(?:for|of|between|among)\s+(?:the\s+)?(?:two|both|three|all|their|our)\s+(?:countries|states|nations|sides|parties)"
                     r"|between\s+(?:the\s+)?[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?\s+and\s+(?:the\s+)?[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?$"
                     r"|within\s+(?:the\s+)?(?:framework|Union|[A-Z])).*$")


def _plain_name(name: str) -> str:
    """'10-year US-Ukraine Security Agreement of June 2024' -> 'US-Ukraine Security Agreement';
    'agreement on mutual security guarantees for the two countries within the Union State' ->
    'agreement on mutual security guarantees' (who and in what frame are edges, not the name)."""
    name = re.sub(r"[“”\"]", "", name)  # 'Treaty on “comprehensive strategic partnership”'
    while (short := _DATED.sub("", name)) != name and len(short.split()) >= 2:
        name = short
    while (framed := _FRAMED.sub("", name)) != name and len(framed.split()) >= 2:
        name = framed  # ('... between Russia and Belarus within the framework of the Union State')
    return name


def _is_headline(sent: Span, start: int, end: int) -> bool:
    """'North Korea Signs New Treaty': a title-case headline, not an agreement's name."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.text[:1].isupper() and (t.pos_ in {"VERB", "AUX"} or t.lower_ in HEADLINE_VERBS)
                                    for t in span[:-1])


OF_DOCUMENT = re.compile(r"Articles? \d+(?:\s*(?:,|and)\s*\d+)* of (?:the )?")


def _named_agreements(ctx: ReportContext, sent: Span) -> list[tuple[int, int, str]]:
    """(start, end, name) of capitalised agreement names and 'an agreement on ...' phrases."""
    text, base, out = sent.text, sent.start_char, []
    for m in NAMED.finditer(text):
        if _is_headline(sent, base + m.start(), base + m.end()) or re.search(
                re.escape(m.group(0).strip()) + NOT_A_DOCUMENT.pattern, doc_text(sent.doc)):
            continue  # ('African Initiative, a pro-Kremlin news agency', wherever the report says so)
        name = _plain_name(clean_span_text(m.group(0)))
        article = OF_DOCUMENT.match(name)  # 'Article 99 of the UN Charter': the Charter, and its article
        start = base + m.start() + (m.group(0).find(name[article.end():]) if article else 0)
        name = name[article.end():] if article else name
        name = re.sub(r"^(?:(?i:of|and|on|the|for|in)\s+|" + DATE_WORDS + r")+", "", name)
        if len(name.split()) < 2 or re.fullmatch(KEYWORD, name.split()[-1]) and len(name.split()) < 2:
            continue
        if name.split()[0] in {"Key", "During", "Under", "In", "The", "This", "A"}:
            name = " ".join(name.split()[1:])
        if len(name.split()) >= 2:
            out.append((start, base + m.end(), name))
    for m in QUOTED.finditer(text):  # 'a “comprehensive strategic partnership” treaty': its name, as quoted
        words = " ".join(f"{m.group(1) or m.group(3)} {m.group(2) or m.group(4)}".split())
        if not any(s <= base + m.start() < e for s, e, _ in out) and len(words.split()) >= 3:
            out.append((base + m.start(), base + m.end(), words[0].upper() + words[1:]))
    for m in GENERIC.finditer(text):
        if any(s <= base + m.start(2) < e for s, e, _ in out):
            continue
        mods = BROKERED.sub("", re.sub(r"^(?:[a-z\-]+\s+)+(?=[A-Z])", "", m.group(1)))
        proper = re.search(r"\b[A-Z]", mods) is not None  # 'Black Sea grain initiative'
        if not proper:
            mods = re.sub(r"^(?:[a-z\-]+\s+)+", "", m.group(1))  # 'new', 'historic': not part of a name
        if m.group(4) and re.match(r"(?:this|that|it|them|which|more|less|over|about|nearly|almost|years?|months?|"
                                     r"decades?|a decade|the past|the first|the price)\b", m.group(4)):
            continue  # 'an agreement on this', 'the deal for more than a decade': no subject of its own
        keyword = sent.doc.char_span(base + m.start(2), base + m.end(2), alignment_mode="expand")
        bought = contract_name(ctx, sent, keyword[-1]) if keyword is not None else None
        if bought is not None:  # 'a contract to purchase 12 Rafale warplanes': the 'Rafale contract'
            out.append((base + m.start(2) - len(mods), max(bought[1], base + m.end(2)), bought[0]))
            continue
        purpose = m.group(3) == "to" and m.group(4) is not None
        if purpose:  # 'the agreement to build a bridge across the Tumen' (not 'an agreement to the effect')
            verb = sent.doc.char_span(base + m.start(4), base + m.end(4), alignment_mode="expand")
            if verb is None or verb[0].pos_ != "VERB" or verb[0].head.idx != base + m.start(2) \
                    or verb[0].lemma_.lower() in GOAL_VERBS or m.group(1).strip():
                continue  # ('signed a partnership treaty to bolster cooperation': why they signed, not what)
        dated = m.group(4) and re.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Febr)uary|March|April|May|"
                                        r"June|July|August|(?:Septem|Octo|Novem|Decem)ber|\d", m.group(4))
        if m.group(4) and not dated or proper:  # ('... took effect on Monday': a date, no subject)
            subject = re.split(r"\s+(?:to|via|by)\s+", m.group(4))[0] if purpose else m.group(4)
            tail = f" {m.group(3)} {subject}" if m.group(4) else ""  # not '(MOU) with Rosatom' between
            name = _plain_name(" ".join((mods + m.group(2) + tail).split()))
            out.append((base + m.start(2) - len(mods), base + m.end(), name[0].upper() + name[1:]))
        elif (described := _described(sent, base + m.start(2))) is not None:
            out.append((base + m.start(2) - 0, base + m.end(), described))
        elif re.match(r"\s+between\s+(?:the\s+)?[A-Z]", text[m.end(2):m.end(2) + 16]):  # 'a ceasefire between X and Y'
            out.append((base + m.start(2), base + m.end(2), m.group(2)[0].upper() + m.group(2)[1:]))
    for tok in sent:
        purchase = tok.lemma_.lower() in PURCHASE_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in SIGN_VERBS
        if (purchase or tok.pos_ == "NOUN" and tok.lower_ in KINDS) and not any(s <= tok.idx < e for s, e, _ in out) \
                and (bought := contract_name(ctx, sent, tok)) is not None:  # 'Serbia signed the purchase of 12 jets',
            out.append((tok.idx, bought[1], bought[0]))  # 'a contract worth $370 million to procure missiles'
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in KINDS and tok.lower_ not in {"resolution", "regulations"} \
                and not any(s <= tok.idx < e for s, e, _ in out):
            described = _described(sent, tok.idx)
            if described:
                out.append((tok.idx, tok.idx + len(tok.text), described))
    line = LISTED.match(text)
    if line and not any(s <= base + line.start(1) < e and e >= base + line.end(1) for s, e, _ in out):
        out = [o for o in out if o[1] <= base + line.start(1) or o[0] >= base + line.end(1)]
        out.append((base + line.start(1), base + line.end(1), " ".join(line.group(1).split())))
    return out


def _described(sent: Span, keyword_char: int) -> str | None:
    """'a monumental, multi-decade gas supply contract' -> 'Gas supply contract': the noun
    compounds that say what it is about, without the adjectives that praise it."""
    span = sent.doc.char_span(keyword_char, keyword_char + 1, alignment_mode="expand")
    if span is None:
        return None
    head = span[0]
    compounds = sorted((t for t in head.subtree if t.dep_ == "compound" and t.i < head.i
                        and t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "DATE" and t.lower_ not in PRAISE | SIGN_VERBS),
                       key=lambda t: t.i)
    if not compounds or compounds[-1].i != head.i - 1:
        return None
    first = compounds[0].left_edge.i if compounds[0].pos_ == "PROPN" else compounds[0].i
    doc = sent.doc
    if first - 2 >= sent.start and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
        first -= 2  # 'a long-term contract', not a 'Term contract'
    while first > sent.start and sent.doc[first - 1].pos_ == "ADJ" and sent.doc[first - 1].dep_ == "amod" \
            and sent.doc[first - 1].head.i in {head.i, *(c.i for c in compounds)} \
            and sent.doc[first - 1].lower_ not in EVALUATIVE | PRAISE:
        first -= 1  # 'comprehensive strategic partnership treaty': what kind of partnership
    doc = sent.doc
    if first - 3 >= sent.start and doc[first - 1].lower_ in DURATIONS and doc[first - 2].text == "-" \
            and doc[first - 3].like_num:
        first -= 3  # 'a 100-year partnership agreement': its term tells it from other partnerships
    text = BROKERED.sub("", sent.doc[first:head.i + 1].text)
    return text[0].upper() + text[1:]


DURATIONS = {"year", "decade", "month"}
KIND_NAMES = {"memorandum": "Memorandum of understanding", "treaty": "Treaty", "agreement": "Agreement", "ceasefire": "Ceasefire",
              "contract": "Contract", "declaration": "Declaration"}
DISTINCT_MODS = {"similar", "another", "separate", "comparable", "analogous", "parallel", "earlier", "previous"}
PRAISE = {"landmark", "milestone", "mega", "blockbuster", "flagship"}
EVALUATIVE = {"new", "historic", "major", "key", "first", "latest", "binding", "massive", "monumental", "rare",
              "important", "significant", "long", "awaited", "big", "huge", "controversial", "secret", "final",
              "preliminary", "draft", "formal", "bilateral", "similar", "separate", "previous", "earlier",
              "broader", "broad", "wider", "overall", "temporary", "interim", "fragile"}  # ('the broader truce')


class AgreementIndex(RefIndex):
    def __init__(self) -> None:
        self.refs: list[AgreementRef] = []

    def main(self, kind: str | None = None) -> AgreementRef | None:
        """The most mentioned agreement (of a kind) - what 'the treaty' means; the most
        specific name breaks ties. With none of that kind, the report's only agreement."""
        documents = [r for r in self.refs if r.kind not in {"sanctions", "resolution"}]
        any_kind = False
        if kind and not any(r.kind == kind for r in self.refs) and \
                (len({r.node for r in documents}) == 1 or kind == "agreement"):
            any_kind = True  # 'the agreement' may be the treaty the report is about
        counts: dict[str, int] = {}
        for r in documents if any_kind else self.refs:
            if kind is None or any_kind or r.kind == kind:
                counts[r.node] = counts.get(r.node, 0) + 1
        if not counts:
            return None
        names = {r.node: r.name for r in self.refs}
        signed = {r.node: r.signed or "" for r in self.refs}
        best = max(sorted(counts), key=lambda n: (counts[n], signed[n], len(names[n])))
        return next(r for r in self.refs if r.node == best)

    def before(self, char: int) -> AgreementRef | None:
        earlier = [r for r in self.refs if r.end <= char]
        return earlier[-1] if earlier else None


def _parties_in_name(ctx: ReportContext, sent: Span, start: int, end: int) -> set[str]:
    """States named inside an agreement's name or in 'between X and Y' right after it, and
    the seller of a contract ('from France's Dassault Aviation': the company, not France)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    parties = set()
    if span is not None:
        doc = ctx.doc
        parties = {m.node for m in ctx.in_span(span.start, span.end, "State") if not _owns_a_body(ctx, m)
                   and not (m.end + 1 < len(doc) and doc[m.end].text == "-"  # ('a China-mediated deal': its broker)
                            and doc[m.end + 1].lower_ in {"brokered", "mediated", "backed", "sponsored", "led"})}
        sides = purchased(span.root)[1] if span.root.lemma_.lower() in KINDS.keys() | PURCHASE_NOUNS else []
        parties |= {m.node for t in sides for m in [ctx.at(t)] if m and m.label in {"State", "Organization"}}
        after = ctx.doc[span.end:sent.end]
        if len(after) and after[0].lower_ == "between":  # (states, and the groups a ceasefire is between)
            listed = [t for o in after[0].children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
            parties |= {m.node for t in listed for m in [ctx.at(t)] if m and m.label in {"State", "Organization"}}
            aside = {t.i for d in after[0].subtree if d.dep_ in {"acl", "relcl"} for t in d.subtree}
            people = {m.node for m in ctx.in_span(after[0].i, after[0].right_edge.i + 1, "Person")
                      if m.start not in aside}  # (not the broker of 'X and Y, brokered by Z')
            parties |= {h for p in people for h in [_home(ctx, p)] if h}  # ('a deal between Prigozhin and
            # Putin': whom each speaks for)
        elif len(after) and after[0].lower_ == "with" and (any(t.lemma_ in SIGN_VERBS for t in sent)
                                                         or after[0].head.i == span.root.i):  # 'a treaty with X'
            # (the other party: the with-phrase of the document's own noun, or of a signing)
            with_ = after[0]  # 'Putin signed a similar agreement with North Korea'
            parties |= {m.node for m in ctx.in_span(with_.i, with_.right_edge.i + 1, "State")
                        if not any(a.dep_ == "relcl" for a in ctx.doc[m.start].ancestors if a.i > with_.i)}
        parties |= _who_agreed(ctx, span.root)
    return parties


AGREE_VERBS = {"agree", "reach", "strike", "conclude", "negotiate"}


def _who_agreed(ctx: ReportContext, noun) -> set[str]:
    """'Iran and Saudi Arabia agreed, in a deal brokered by China, ...', '... agreed under a
    China-mediated deal', 'reached a deal': the states (or bodies) that agreed are its parties."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in AGREE_VERBS or not any(
            a.i == verb.i for a in noun.ancestors if a.dep_ in {"prep", "dobj"} or a.i == verb.i):
        return set()
    if noun.head.i != verb.i and not (noun.head.dep_ == "prep" and noun.head.head.i in {verb.i, *(c.i for c in verb.children)}):
        return set()  # (the deal hangs from the agreeing verb, or a preposition of it or of its infinitive)
    subjects = [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in (c, *c.conjuncts)]
    found = {m.node for t in subjects for m in [ctx.at(t)] if m and m.label in {"State", "Organization"}}
    return found if len(found) >= 2 else set()  # (armed groups agree too: 'the SAF and the RSF agreed to a truce')


def _owns_a_body(ctx: ReportContext, state: Mention) -> bool:
    """'France's Dassault Aviation', 'Russian company Rosatom': the state marks whose body it is."""
    tok = ctx.doc[state.end - 1]
    head = tok.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    owner = ctx.at(head)
    return tok.dep_ in {"poss", "amod", "compound"} and owner is not None and owner.label == "Organization"


def _signers(ctx: ReportContext, sent: Span) -> list[Mention]:
    out = []
    for tok in sent:
        if tok.lemma_ in SIGN_VERBS and tok.pos_ == "VERB":
            if tok.dep_ in {"acl", "advcl"} and tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children):
                for t in [tok.head, *tok.head.conjuncts]:  # 'with Miller and Zhou signing an agreement'
                    m = ctx.at(t)
                    if m and m.label in {"Person", "State", "Organization"} and m not in out:
                        out.append(m)
            for child in tok.children:
                if child.dep_ in {"nsubj"}:
                    people = ctx.in_span(child.left_edge.i, child.right_edge.i + 1, "Person")
                    if people:  # 'the Minister of Transport of Russia Vitaly Savelyev and the Minister ...'
                        out += [m for m in people if m not in out]
                        continue
                    for t in [child, *child.conjuncts]:
                        m = ctx.at(t)
                        if m and m.label in {"Person", "State", "Organization"}:
                            out.append(m)
                        elif m is None and t.pos_ == "NOUN":  # 'Russian and Belarusian presidents signed'
                            out += [x for a in t.children if a.dep_ in {"amod", "nmod", "compound"} for d in [a, *a.conjuncts]
                                    for x in [ctx.at(d)] if x and x.label == "State" and x not in out]
                if child.dep_ == "agent":
                    people = [m for m in ctx.in_span(child.i, child.right_edge.i + 1, "Person")]
                    if people:  # 'signed by Xi Jinping, President of Kyrgyzstan Sadyr Japarov, ...'
                        out += [m for m in people if m not in out]
                        continue
                    for obj in child.children:
                        for t in [obj, *obj.conjuncts]:
                            m = ctx.at(t)
                            if m and m.label in {"Person", "State", "Organization"}:
                                out.append(m)
            withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
            withs += [c for d in tok.children if d.dep_ == "dobj" for c in d.children if c.dep_ == "prep" and c.lower_ == "with"]
            for w in withs:  # 'Spassky signed a MOU with Mali's Minister of Energy Bintu Camara': the other signer
                people = [m for m in ctx.in_span(w.i, w.right_edge.i + 1, "Person")]
                out += [m for m in people[:1] if m not in out]
    return out


def _witnesses(ctx: ReportContext, sent: Span) -> list[Mention]:
    """'... in the presence of President Marcos', 'witnessed by X': there, but not signing."""
    out = []
    for tok in sent:
        if tok.lower_ == "presence" and tok.head.lower_ in {"in", "under"}:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out += ctx.in_span(c.i, c.right_edge.i + 1, "Person")
    return out


def _home(ctx: ReportContext, node: str) -> str | None:
    """Whom a signer signs for: a state itself; a minister's state; a chief executive's company."""
    if ctx.label_of(node) in {"State", "Organization"}:
        return node if ctx.label_of(node) == "State" else None
    state = ctx.role_state(node)
    if state:
        return state
    orgs = sorted(e.target for e in ctx.builder.edges.values() if e.source == node and e.type == "HOLDS_ROLE"
                  and ctx.label_of(e.target) == "Organization")
    return orgs[0] if len(orgs) == 1 else None


CLASS = {"treaty": {"treaty", "agreement"}, "agreement": {"treaty", "agreement", "ceasefire", "contract"},
         "ceasefire": {"ceasefire", "agreement"}, "contract": {"contract", "agreement"}}
SUBJECT_NOISE = {"on", "of", "the", "a", "an", "and", "for", "to", "in", "mutual", "new", "bilateral", "joint"}


def _same_subject(a: str, b: str) -> bool:
    """'treaty on security guarantees' and 'agreement on mutual security guarantees': the same
    subject told with other words (the kind word and fillers aside)."""
    def words(name: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]+", name.lower()) if w not in SUBJECT_NOISE and w not in KINDS}
    x, y = words(a), words(b)
    return bool(x and y) and len(x & y) / min(len(x), len(y)) >= 0.5


def _agreement_id(kind: str, name: str, parties: set[str], month: str | None) -> str:
    """By its parties and month when known (so reports naming it differently meet); a 'treaty',
    a 'pact', a 'contract' and an 'agreement' signed by the same states in one month are one
    document told with different words."""
    if len(parties) >= 2 and month:
        who = "-".join(sorted(p.split(":", 1)[1] for p in parties))
        return f"Agreement:{'agreement' if kind in {'treaty', 'contract'} else kind}-{who}-{month}"
    return f"Agreement:{slug(name)}"


def _event_for(ctx: ReportContext, sent: Span, events: EventIndex, people: set[str],
               when: tuple[str, str] | None) -> tuple[EventRef | None, bool]:
    """The event an agreement was signed at, and whether the text ties them firmly."""
    sign = next((t for t in sent if t.lemma_.lower() in SIGN_VERBS and t.pos_ == "VERB"), None)
    clause = next((a for a in ([sign, *sign.ancestors] if sign is not None else []) if a.dep_ == "relcl"), None)
    noun = clause.head if clause is not None else None
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in {"to", "in"}:
        noun = noun.head.head  # 'his visit to North Korea, where ...'
    if noun is not None and noun.lemma_.lower() in {"visit", "trip", "tour"}:
        # '... after his state visit to North Korea, where he signed a partnership agreement': that visit's
        ref = next((r for r in events.refs if r.token == noun.i), None)
        return (ref, True) if ref is not None else (None, False)
    for ref in events.refs:
        if sent.start <= ref.token < sent.end:
            return ref, True
    if when:
        ref = events.overlapping(when[0], when[1], people)
        if ref:
            return ref, True
    named = {KIND_OF_WORD[w.lower()] for w in re.findall(r"\b(trip|visit|summit|ceremony|talks|meeting)\b", sent.text, re.I)}
    if named:
        return events.current(sent.start, named), False
    if when:
        return None, False
    ref = events.current(sent.start)  # the event the report is telling, if it told one before this sentence
    return (ref, False) if ref is not None and ref.token < sent.start else (None, False)


SIGNING_WORDS = {"sign", "ink", "conclude", "seal", "ceremony", "signing", "summit", "meeting", "talks"}
KIND_OF_WORD = {"trip": "visit", "visit": "visit", "summit": "summit", "ceremony": "signing", "talks": "talks",
                "meeting": "meeting"}


def extract_agreements(ctx: ReportContext, events: EventIndex) -> AgreementIndex:
    index = AgreementIndex()
    pending: list[tuple] = []
    listing: tuple | None = None  # 'The summit participants also signed:' and the items under it
    for sent in ctx.doc.sents:
        found = _named_agreements(ctx, sent)
        signers = _signers(ctx, sent)
        signing = bool(signers) or re.search(r"\bsigning\b|\bsigned\b|\binked\b", sent.text) is not None
        if listing and found and LISTED.match(sent.text):
            signers, signing = listing[0], True
        elif listing and not LISTED.match(sent.text):
            listing = None
        if signing and sent.text.rstrip().endswith(":"):
            listing = (signers,)
            continue
        agreeing = re.search(r"\b(?:agreed|reached|struck)\b", sent.text) is not None  # ('agreed under a deal')
        if not found and (signing or agreeing):
            m = ANAPHOR.search(sent.text)
            if m:
                mods = [w for w in (m.group(1) or "").split() if w.lower() not in EVALUATIVE | PRAISE]  # not 'key'
                found = [(sent.start_char + m.start(), sent.start_char + m.end(), " ".join([*mods, m.group(2)]))]
        when = sentence_date(ctx, sent) if signing or agreeing else None
        if signing and when is None and ctx.published and in_lede(sent) and re.search(r"\b(?:signed|inked)\b", sent.text):
            when = (ctx.published[:7], ctx.published[:7])  # a news lede tells the day's signing: the month it was filed
        event, firm = _event_for(ctx, sent, events, {s.node for s in signers}, when) \
            if signing and found else (None, False)
        pending.append((sent, found, signers, event, firm, when))
    deferred = []  # 'signing an agreement' in a caption before the paragraph that names it
    for sent, found, signers, event, firm, when in pending:
        for start, end, name in found:
            if not _add_agreement(ctx, index, sent, start, end, name, signers, (event, firm), when):
                deferred.append((sent, start, end, name, signers, (event, firm), when))
    for sent, start, end, name, signers, found_event, when in deferred:
        _add_agreement(ctx, index, sent, start, end, name, signers, found_event, when)
    _merge_same_names(ctx, index)
    _quoted_into_keyed(ctx, index)
    _merge_short_names(ctx, index)
    _signing_events(ctx, index, events)
    _generic_into_named(ctx, index)
    _descriptions_into_signed(ctx, index)
    _indefinite_into_signed(ctx, index)
    _articles(ctx, index)
    _renews(ctx, index)
    _sanctions(ctx, index)
    _resolutions(ctx, index)
    _commitments(ctx, index)
    _brokers(ctx, index)
    return index


BROKER = re.compile(r"([\w.]+)-(?:brokered|backed|sponsored|mediated)\s+(?:[A-Za-z][\w'-]*\s+){0,6}$")


RESOLUTION = re.compile(
    r"\b(?:(?P<un>UN|U\.N\.?|United Nations|UNSC)\s+)?(?P<sc>Security Council\s+|Security\s+|UNSC\s+)?"
    r"Resolutions?\s+(?:No\.?\s*)?(?P<num>\d{2,4}(?:\s*\(\d{4}\))?)")


def _resolutions(ctx: ReportContext, index: AgreementIndex) -> None:
    """'U.N Security Resolution 2216', 'Security Council resolution 1718 (2006)': a numbered UN
    resolution, one node whatever the spelling ('Resolution 2216' alone counts when the report
    names the UN or its Security Council)."""
    text, b = doc_text(ctx.doc), ctx.builder
    un_named = re.search(r"\b(?:UN|U\.N\.?|United Nations|UNSC|Security Council)\b", text) is not None
    for m in RESOLUTION.finditer(text):
        if not (m.group("un") or m.group("sc") or un_named):
            continue
        number = re.match(r"\d+", m.group("num")).group(0)
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        name = f"UN Security Council Resolution {number}"
        node = b.add_node(f"Agreement:unsc-resolution-{number}", "Agreement", name, kind="resolution",
                          aliases=tuple({clean_span_text(m.group(0)), f"Resolution {number}"} - {name}),
                          evidence=ctx.evidence(span.sent))
        index.refs.append(AgreementRef(node, m.start(), m.end(), "resolution", name))
    index.refs.sort(key=lambda r: r.start)


def _brokers(ctx: ReportContext, index: AgreementIndex) -> None:
    """'the UN-brokered Black Sea grain initiative': the broker SUPPORTS the agreement."""
    doc = ctx.doc
    for ref in index.refs:
        if ref.node not in ctx.builder.nodes:
            continue
        before = doc_text(doc)[max(0, ref.start - 80):ref.start]
        m = BROKER.search(before)
        if m is None:
            continue
        span = doc.char_span(ref.start - len(before) + m.start(1), ref.start - len(before) + m.end(1),
                             alignment_mode="expand")
        broker = ctx.at(span[0]) if span is not None and len(span) else None
        if broker is not None and broker.label in {"Organization", "State"}:
            ctx.builder.add_edge(broker.node, "SUPPORTS", ref.node, evidence=ctx.evidence(span.sent))


COOPERATION = {"cooperation", "co-operation", "partnership"}


def _commitments(ctx: ReportContext, index: AgreementIndex) -> None:
    """'Niger's military government agreed in January to step up security cooperation with
    Russia': an agreement between the two states, named after what they agreed on."""
    b = ctx.builder
    for tok in ctx.doc:
        if tok.lemma_ != "agree" or tok.pos_ != "VERB":
            continue
        for verb in [c for c in tok.children if c.dep_ == "xcomp"]:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in COOPERATION), None)
            if obj is None:
                continue
            partners = [m for t in (verb, obj) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                        for o in c.children if o.dep_ == "pobj" for m in [ctx.at(o)] if m and m.label == "State"]
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            mine = [m for m in ctx.in_span(subject.left_edge.i, subject.i + 1, "State")] if subject is not None else []
            if len(partners) != 1 or len(mine) != 1 or mine[0].node == partners[0].node:
                continue
            sent = tok.sent
            topic = " ".join(t.text for t in obj.lefts if t.dep_ in {"compound", "amod"})
            a, c = ctx.name_of(mine[0].node), ctx.name_of(partners[0].node)
            name = f"{a}-{c} {topic + ' ' if topic else ''}{obj.lower_} agreement"
            when = sentence_date(ctx, sent, tok.i)
            node = _agreement_id("agreement", name, {mine[0].node, partners[0].node}, when[0][:7] if when else None)
            phrase = ctx.doc[obj.left_edge.i:max(t.i for t in obj.subtree) + 1].text
            ev = ctx.evidence(sent)
            alias = phrase if " with " in phrase else f"{phrase} with {c}"
            b.add_node(node, "Agreement", name, aliases=(alias,), kind="agreement",
                       signed=when[0] if when else None, evidence=ev)
            for m in (mine[0], partners[0]):
                b.add_edge(m.node, "PARTY_TO", node, evidence=ev)
            index.refs.append(AgreementRef(node, tok.idx, tok.idx + len(tok), "agreement", name,
                                           {mine[0].node, partners[0].node}, when[0] if when else None))
    index.refs.sort(key=lambda r: r.start)


def _merge_short_names(ctx: ReportContext, index: AgreementIndex) -> None:
    """'the Reciprocal Agreement' in a quote is the report's 'Reciprocal Access Agreement':
    every word of a short name inside exactly one longer name of the same kind."""
    b = ctx.builder
    nodes = sorted({r.node for r in index.refs if r.node in b.nodes and r.kind != "sanctions"})
    for node in nodes:
        if node not in b.nodes:
            continue
        words = set(re.findall(r"\w+", b.nodes[node].name.lower()))
        if len(words) < 2:
            continue
        longer = [n for n in nodes if n != node and n in b.nodes and _kind(b.nodes[n].name) == _kind(b.nodes[node].name)
                  and words < set(re.findall(r"\w+", b.nodes[n].name.lower()))]
        if len(longer) == 1:
            keyed = node != f"Agreement:{slug(b.nodes[node].name)}" and longer[0] == f"Agreement:{slug(b.nodes[longer[0]].name)}"
            if keyed:  # the party-and-month id is what other reports will use: keep it, with the longer name
                name, short = b.nodes[longer[0]].name, b.nodes[node].name
                index.fold(ctx, longer[0], node)
                b.nodes[node].name = name
                b.add_node(node, "Agreement", name, aliases=(short,))
            else:
                index.fold(ctx, node, longer[0])


def _signing_events(ctx: ReportContext, index: AgreementIndex, events: EventIndex) -> None:
    """Tie signed agreements to where they were signed: the report's one signing ceremony,
    else its one summit or meeting, else a 'Signing of X' event of their own. Signers and
    witnesses ATTENDED it; it takes the signing date and place when it has none."""
    b = ctx.builder
    ceremonies = sorted({r.node for r in events.refs if r.kind == "signing" and r.node in b.nodes})
    gatherings = sorted({r.node for r in events.refs if r.kind in {"summit", "meeting", "talks", "conference"}
                         and r.node in b.nodes})
    shared = ceremonies[0] if len(ceremonies) == 1 else None
    if shared is None and not ceremonies and len(gatherings) == 1:
        shared = gatherings[0]
    signed_at = {e.source: e.target for e in b.edges.values() if e.type == "SIGNED_AT"}
    for sent in ctx.doc.sents:
        if not re.search(r"\bsign|\binked\b|\bceremony", sent.text):
            continue
        inside = sorted({r.node for r in index.refs if sent.start_char <= r.start < sent.end_char and r.node in b.nodes
                         and r.kind != "sanctions"})
        signers, witnesses = _signers(ctx, sent), _witnesses(ctx, sent)
        if not inside and not (signers or witnesses):
            continue
        ev = ctx.evidence(sent)
        targets = set()
        for node in inside:
            signed = b.nodes[node].props.get("signed")
            if not (signed or signers):
                continue
            event = signed_at.get(node) or shared
            if event is not None and event == shared and not _same_time(signed, b.nodes[event].props.get("start")):
                event = None  # a summit months before the signing is not where it was signed
            if event is None and signed:
                event = b.add_node(f"Event:signing-{slug(b.nodes[node].name)}", "Event",
                                   f"Signing of the {b.nodes[node].name}", kind="signing", start=signed, end=signed,
                                   evidence=ev)
            if event is None:
                continue
            b.add_edge(node, "SIGNED_AT", event, evidence=ev)
            signed_at[node] = event
            targets.add(event)
            if signed and not b.nodes[event].props.get("start"):
                b.add_node(event, "Event", b.nodes[event].name, start=signed, end=signed)
        if not targets and shared and (signers or witnesses):
            targets.add(shared)
        for event in sorted(targets):
            for m in signers + witnesses:
                if ctx.label_of(m.node) == "Person":
                    b.add_edge(m.node, "ATTENDED", event, evidence=ev)
            held = any(e.source == event and e.type == "HELD_IN" for e in b.edges.values())
            place = next((m for t in sent if t.lower_ in {"at", "in"} and t.dep_ == "prep"
                          and t.head.lemma_.lower() in SIGNING_WORDS  # not 'ports in the Black Sea'
                          for m in ctx.in_span(t.i, t.right_edge.i + 1, "Place")), None)
            if place and not held:
                b.add_edge(event, "HELD_IN", place.node, evidence=ev)
    _drop_untimely_signings(ctx)
    _name_ceremonies(ctx)


def _drop_untimely_signings(ctx: ReportContext) -> None:
    """An agreement signed on 17 January was not signed at a summit of the October before:
    a SIGNED_AT guessed from an undated sentence goes when the dates disagree."""
    b = ctx.builder
    for key, e in list(b.edges.items()):
        if e.type != "SIGNED_AT" or e.source not in b.nodes or e.target not in b.nodes:
            continue
        if not _same_time(b.nodes[e.source].props.get("signed"), b.nodes[e.target].props.get("start")):
            del b.edges[key]


def _same_time(a: str | None, b: str | None) -> bool:
    """Dates that may be the same day: one is a prefix of the other ('2024-06', '2024-06-19'), or either is unknown."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _name_ceremonies(ctx: ReportContext) -> None:
    """A signing ceremony is named after the one agreement signed at it ('Signing of the
    Reciprocal Access Agreement'), not after whoever spoke of it."""
    b = ctx.builder
    signed: dict[str, set[str]] = {}
    for e in b.edges.values():
        if e.type == "SIGNED_AT" and e.target in b.nodes and b.nodes[e.target].props.get("kind") == "signing":
            signed.setdefault(e.target, set()).add(e.source)
    for event, agreements in sorted(signed.items()):
        if len(agreements) == 1:
            b.nodes[event].name = f"Signing of the {b.nodes[next(iter(agreements))].name}"


def _add_agreement(ctx: ReportContext, index: AgreementIndex, sent: Span, start: int, end: int,
                   name: str, signers: list[Mention], found_event: tuple, when) -> bool:
    """Add one agreement mention; False when it is a bare 'the agreement' with nothing yet to refer to."""
    b = ctx.builder
    event, firm = found_event
    name = model_contract(ctx, name)  # ('the Rafale deal' of a report that buys Rafales)
    kind = _kind(name)
    generic = generic_name(name) and not _dated_proper_name(doc_text(ctx.doc)[start:end], name) \
        or bool(index.refs) and (_named_after_places(ctx, start, end, name) or _only_termed(name)
                                 or BROKERED.match(name) is not None and generic_name(BROKERED.sub("", name)))
    parties = _parties_in_name(ctx, sent, start, end)
    parties |= {h for s in signers for h in [_home(ctx, s.node)] if h}
    if len(parties) < 2 and THE_TWO.search(sent.text):  # 'the leaders of the two nations signed'
        parties |= set(main_pair(ctx, least=2))
    bought = buys_goods(ctx, name)
    if event and not parties and event.kind == "visit" and not bought:  # (a contract's parties are who buys and sells)
        parties |= {p for p in event.participants if ctx.label_of(p) == "State"}
        parties |= {h for p in event.participants for h in [_home(ctx, p)] if h}
    distinct = bool(set(name.lower().split()) & DISTINCT_MODS)  # 'a similar agreement' is not the report's main one
    main = index.main(kind) if generic and not distinct else None
    between = parties if len(parties) >= 2 else {s.node for s in signers} if len(signers) >= 2 else set()
    if generic and between and distinct:  # 'a similar agreement with Y': its own node, named after its parties
        names = sorted(ctx.name_of(p) for p in between)
        name = f"{KIND_NAMES.get(kind, kind.capitalize())} between {', '.join(names[:-1])} and {names[-1]}"
        generic, event = False, event if firm else None
    between_two = len(parties) >= 2 and re.match(r"\s+between\s", doc_text(ctx.doc)[end:end + 10]) is not None
    if generic and (main is not None or len(parties) < 2 or not (event or when or between_two)):
        # ('a ceasefire between Israel and Hezbollah': a document of the news, by its two parties)
        if main is None:
            return False
        documents = {r.node for r in index.refs if r.kind not in {"sanctions", "resolution"}}
        if re.search(r"(?:document|agreement|treatie|deal|memorand(?:um|a))s$", name.lower()) and len(documents) > 1:
            return True  # 'the signed documents' of a report telling several: which, it does not say
        node = main.node  # 'the treaty', 'a new treaty': the report's main one
        event = event if firm else None
        b.add_node(node, "Agreement", b.nodes[node].name, aliases=(name,) if len(name.split()) > 1 else ())
    else:
        date = (event.start if event and event.start else (when[0] if when else None))
        year_in_name = re.search(r"\b(1[89]\d\d|20\d\d)\b", doc_text(ctx.doc)[start:end])
        if year_in_name and not date:
            date = year_in_name.group(1)
        month = date[:7] if date else ctx.published[:7] if ctx.published and len(ctx.published) >= 7 else None
        node = f"Agreement:{slug(name)}" if bought else _agreement_id(kind, name, parties, month)
        # (undated: the month of the news that tells of it; a contract by what it buys)
        known = {b.nodes[node].name, *b.nodes[node].aliases} if node in b.nodes else set()
        if node in b.nodes and not generic and slug(name) not in {slug(a) for a in known} \
                and _kind(b.nodes[node].name) in CLASS.get(kind, {kind}) and not generic_name(b.nodes[node].name) \
                and not any(_same_subject(name, a) for a in known) and not _only_termed(name) \
                and not _only_termed(b.nodes[node].name):
            node = f"Agreement:{slug(name)}"  # another document of the same parties and month
        b.add_node(node, "Agreement", name, kind=kind, signed=date if signers or event else None,
                   evidence=ctx.evidence(sent))
        for p in parties:
            b.add_edge(p, "PARTY_TO", node, evidence=ctx.evidence(sent))
        if year_in_name and not signers:
            b.add_node(node, "Agreement", name, signed=year_in_name.group(1))
    acronym = re.match(r"\s*\(([A-Z]{2,8})\)", doc_text(ctx.doc)[end:end + 12])
    if acronym and not generic:  # 'the Reciprocal Access Agreement (RAA)'
        b.add_node(node, "Agreement", b.nodes[node].name, aliases=(acronym.group(1),))
    raw = re.sub(r"^(?:(?i:of|and|on|the|for|in|a|an)\s+|" + DATE_WORDS + r")+", "", clean_span_text(doc_text(ctx.doc)[start:end]))
    raw = re.sub(r"[\"“”]", "", raw)  # '"100-Year Partnership" treaty' as a name
    if len(raw.split()) > 1 and "(" not in raw and len(raw) <= 100 \
            and raw.lower() not in {n.lower() for n in {b.nodes[node].name, *b.nodes[node].aliases}}:
        b.add_node(node, "Agreement", b.nodes[node].name, aliases=(raw,))  # as the report wrote it
    ev = ctx.evidence(sent)
    for s in signers:
        b.add_edge(s.node, "SIGNED", node, evidence=ev)
        home = s.node if ctx.label_of(s.node) == "Organization" else _home(ctx, s.node)  # a company signs for itself
        if home:
            b.add_edge(home, "PARTY_TO", node, evidence=ev)
    if event:
        b.add_edge(node, "SIGNED_AT", event.node, evidence=ev)
        for s in signers:
            if ctx.label_of(s.node) == "Person":
                b.add_edge(s.node, "ATTENDED", event.node, evidence=ev)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        _concerns(ctx, node, span, ev)
    index.refs.append(AgreementRef(node, start, end, kind, name, parties, b.nodes[node].props.get("signed")))
    index.refs.sort(key=lambda r: r.start)
    return True


def _concerns(ctx: ReportContext, node: str, span: Span, ev: str) -> None:
    """What an agreement covers: places and goods in its name ('gas supply contract'), and in
    the purpose clause of the sentence that signs it ('... to ensure that food and fertilizer
    exports reach those in need from ... Odessa, Chernomorsk, and Yuzhny')."""
    from kg.extract.logistics import commodity_of

    sent = span.sent
    purpose = [t for t in sent if t.i >= span.end and t.dep_ in {"advcl", "xcomp", "acl"}
               and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)
               and t.head.lemma_ in SIGN_VERBS | {"agree", "establish", "create", "launch"}]
    regions = [(span.start, span.end)] + [(t.left_edge.i, t.right_edge.i + 1) for t in purpose[:1]]
    for lo, hi in regions:
        for m in ctx.in_span(lo, hi):
            if m.label in {"Place", "Commodity"}:
                ctx.builder.add_edge(node, "CONCERNS", m.node, evidence=ev)
        for tok in ctx.doc[lo:hi]:
            if tok.pos_ in {"NOUN", "PROPN"} and ctx.at(tok) is None:
                found = commodity_of(ctx, tok)
                if found:
                    ctx.builder.add_edge(node, "CONCERNS", found, evidence=ev)


def _merge_same_names(ctx: ReportContext, index: AgreementIndex) -> None:
    """A name-only node ('Treaty on X' mentioned alone) is the dated, party-keyed one of that name."""
    b = ctx.builder
    by_name: dict[str, list[str]] = {}
    for node in sorted({r.node for r in index.refs}):
        if node in b.nodes:
            for name in {b.nodes[node].name, *b.nodes[node].aliases}:
                by_name.setdefault(slug(name), []).append(node)
    for ref in index.refs:
        if ref.node not in b.nodes or ref.node != f"Agreement:{slug(ref.name)}":
            continue
        keyed = sorted({n for n in by_name.get(slug(ref.name), []) if n != ref.node and n in b.nodes})
        if len(keyed) == 1:
            index.fold(ctx, ref.node, keyed[0])


def _quoted_into_keyed(ctx: ReportContext, index: AgreementIndex) -> None:
    """'signed a broad cooperation pact' ... the “comprehensive strategic partnership treaty”:
    a quoted description in lower case, with no parties or date of its own, is the one
    agreement of its kind the report has signed, and the better name for it."""
    b = ctx.builder
    keyed = sorted({r.node for r in index.refs if r.node in b.nodes and r.node != f"Agreement:{slug(r.name)}"
                    and r.kind not in {"sanctions", "resolution"}})
    if len(keyed) != 1:
        return
    target = keyed[0]
    for ref in list(index.refs):
        name = ref.name
        quoted = re.search(r"[“\"]", doc_text(ctx.doc)[ref.start:ref.end]) is not None
        if ref.node == target or ref.node not in b.nodes or not quoted or name[1:] != name[1:].lower() \
                or _kind(name) != _kind(b.nodes[target].name) or b.nodes[ref.node].props.get("signed") \
                or any(e.target == ref.node and e.type == "PARTY_TO" for e in b.edges.values()):
            continue
        old_name = b.nodes[target].name
        index.fold(ctx, ref.node, target)
        if len(name.split()) > len(old_name.split()):
            b.nodes[target].name = name
            b.add_node(target, "Agreement", name, aliases=(old_name,))


def _generic_into_named(ctx: ReportContext, index: AgreementIndex) -> None:
    """'signing an agreement' in a caption and 'a gas supply contract' in the text, signed at
    the same ceremony: one agreement, when it is the only named one signed there."""
    b = ctx.builder
    signed_at: dict[str, set[str]] = {}
    for e in b.edges.values():
        if e.type == "SIGNED_AT":
            signed_at.setdefault(e.source, set()).add(e.target)
    for node in sorted(signed_at):
        if node not in b.nodes or not generic_name(b.nodes[node].name):
            continue
        named = {n for n, at in signed_at.items() if n != node and n in b.nodes and at & signed_at[node]
                 and not generic_name(b.nodes[n].name)}
        if len(named) == 1:
            index.fold(ctx, node, named.pop())


def _descriptions_into_signed(ctx: ReportContext, index: AgreementIndex) -> None:
    """'signed a comprehensive partnership treaty' and, later, 'met ... to seal a wide-ranging
    cooperation agreement': an undated, unsigned agreement told only by a description, between
    the same states as the one agreement the report has signed, is that agreement."""
    b = ctx.builder
    parties: dict[str, set[str]] = {}
    signed_by: dict[str, set[str]] = {}
    for e in b.edges.values():
        if e.type == "PARTY_TO":
            parties.setdefault(e.target, set()).add(e.source)
        if e.type == "SIGNED":
            signed_by.setdefault(e.target, set()).add(e.source)
    nodes = sorted({r.node for r in index.refs if r.node in b.nodes and r.kind not in {"sanctions", "resolution"}})
    signed = [n for n in nodes if b.nodes[n].props.get("signed") and n in signed_by]
    for node in nodes:
        name = b.nodes[node].name
        if node in signed or node in signed_by or b.nodes[node].props.get("signed") or name[1:] != name[1:].lower() \
                or len(parties.get(node, set())) < 2 or re.search(r"\s(?:on|of|for|to|between|about)\s", name):
            continue  # ('the treaty on the demarcation of the border' says what it is about: its own)
        fits = [n for n in signed if parties.get(node, set()) <= parties.get(n, set())]
        if len(fits) == 1:
            index.fold(ctx, node, fits[0])


def _indefinite_into_signed(ctx: ReportContext, index: AgreementIndex) -> None:
    """'Now that there is an agreement on labour, ...' in a report on one signed treaty: an
    agreement told once, indefinitely, by its subject alone, with nobody who made or joined it,
    is that treaty's provision on the subject, not a document of its own."""
    b = ctx.builder
    linked = {e.target for e in b.edges.values() if e.type in {"PARTY_TO", "SIGNED", "SIGNED_AT"}}
    parties: dict[str, set[str]] = {}
    for e in b.edges.values():
        if e.type == "PARTY_TO":
            parties.setdefault(e.target, set()).add(e.source)
    signed = sorted({r.node for r in index.refs if r.node in b.nodes and b.nodes[r.node].props.get("signed")
                     and len(parties.get(r.node, set())) >= 2 and r.kind not in {"sanctions", "resolution"}})
    if len(signed) != 1:
        return
    text = doc_text(ctx.doc)
    for ref in list(index.refs):
        node = ref.node
        if node == signed[0] or node not in b.nodes or node in linked or b.nodes[node].props.get("signed") \
                or sum(r.node == node for r in index.refs) > 1 or not re.search(r"\ban?\s+$", text[max(0, ref.start - 4):ref.start]) \
                or not re.search(r"\s(?:on|for)\s", ref.name) or _actors_around(ctx, ref):
            continue
        index.fold(ctx, node, signed[0])


def _actors_around(ctx: ReportContext, ref: AgreementRef) -> bool:
    """Does the clause say who made the agreement ('Russia reached an agreement on gas with X')?"""
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return True
    head = span.root
    verb = head.head if head.dep_ in {"dobj", "attr", "nsubj", "nsubjpass", "pobj"} else head
    if verb.lemma_.lower() in SIGN_VERBS:
        return True  # 'They also signed an agreement on water sharing': made by whoever signed
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    partners = [o for t in (head, verb) for c in t.children if c.dep_ == "prep" and c.lower_ in {"with", "between"}
                for o in c.children if o.dep_ == "pobj"]
    return any(m.label in {"State", "Organization", "Person"} for t in subjects + partners
               for m in ctx.in_span(t.left_edge.i, t.right_edge.i + 1))


def _dated_proper_name(written: str, name: str) -> bool:
    """'the 1951 Mutual Defence Treaty': capitalised words and a year name one document."""
    return re.search(r"\b(?:1[89]\d\d|20\d\d)\b", written) is not None and len(name.split()) >= 2 \
        and all(w[:1].isupper() for w in name.split() if w.lower() not in {"of", "on", "and", "the", "for"})


def _named_after_places(ctx: ReportContext, start: int, end: int, name: str) -> bool:
    """'the Chabahar pact' after the contract on Chabahar's terminal: a kind word after a place
    named before has no name of its own (not a plural: 'the Minsk agreements')."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or name.endswith("s"):
        return False
    b = ctx.builder
    placed = {w.lower() for m in ctx.mentions if m.label in {"Place", "State"} and m.end <= span.start
              and m.node in b.nodes for n in (b.nodes[m.node].name, m.text) for w in n.split()}
    words = [w for w in re.findall(r"[\w\-]+", name.lower()) if w not in KINDS and w != "the"]
    return bool(words) and all(w in placed for w in words)


TERM = re.compile(r"\b(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)-(?:year|month|week|day)"
                  r"|(?:long|short|medium|mid)-term|[a-z]+-long)\b\s*", re.I)  # ('the four-day truce')


def _only_termed(name: str) -> bool:
    """'the 10-year contract', 'a long-term contract': a term and a kind word say which document
    of these parties and month only as 'the' would (a '50-year partnership agreement' says more)."""
    plain = re.sub(r"^(?:the|a|an|this|that)\s+", "", TERM.sub("", name).strip(), flags=re.I)
    return plain != name.strip() and plain.lower() in KINDS


def generic_name(name: str) -> bool:
    """'the treaty', 'a new defence pact': no name of its own ('Xi'an Declaration' has one)."""
    words = name.lower().split()
    words[-1:] = [w[:-1] if w.endswith("s") and w[:-1] in KINDS else w for w in words[-1:]]  # 'the signed documents'
    return len(words) == 1 or len(words) <= 3 and words[-1] in KINDS and words[0] not in {"agreement", "treaty"} \
        and all(w in GENERIC_MODS for w in words[:-1])


def _articles(ctx: ReportContext, index: AgreementIndex) -> None:
    topics = ctx.gaz.triggers.get("topics", {})
    b = ctx.builder
    for sent in ctx.doc.sents:
        matches = list(ARTICLE.finditer(sent.text))
        for i, m in enumerate(matches):
            start = sent.start_char + m.start()
            named = next((r for r in index.refs if r.start > start and OF_DOCUMENT.fullmatch(
                doc_text(ctx.doc)[start:r.start])), None)  # ('Article 99 of the UN Charter')
            ref = named or (index.before(start) if re.search(r"\btreaty|agreement", sent.text[:m.start()] + sent.text[m.end():m.end() + 60], re.I) else None)
            ref = index.main("treaty") or index.main() if ref is None else ref
            if ref is None:
                continue
            clause_end = matches[i + 1].start() if i + 1 < len(matches) else len(sent.text)
            clause = sent.text[m.end():clause_end]
            topic = _topic(clause, topics)
            for number in re.findall(r"\d+", m.group(0)):
                node = f"{ref.node.replace('Agreement:', 'Article:')}-art{number}"
                b.add_node(node, "Article", f"Article {number}", number=int(number), topic=topic,
                           agreement=ref.node, evidence=ctx.evidence(sent))
                b.add_edge(ref.node, "HAS_ARTICLE", node, evidence=ctx.evidence(sent))


def _topic(clause: str, topics: dict[str, list[str]]) -> str | None:
    best = None
    for topic, words in topics.items():
        for w in words:
            m = re.search(rf"\b{re.escape(w)}", clause, re.I)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), topic)
    return best[1] if best else None


def _renews(ctx: ReportContext, index: AgreementIndex) -> None:
    verbs = set(ctx.gaz.triggers["verbs"]["renew"])
    for sent in ctx.doc.sents:
        if not any(t.lemma_ in verbs and t.pos_ == "VERB" for t in sent):
            continue
        inside = [r for r in index.refs if sent.start_char <= r.start < sent.end_char]
        subject = index.before(sent.start_char) if len(inside) == 1 else (inside[0] if inside else None)
        targets = inside if len(inside) == 1 else inside[1:]
        for t in targets:
            if subject and t.node != subject.node:
                ctx.builder.add_edge(subject.node, "RENEWS", t.node, evidence=ctx.evidence(sent))


def _sanctions(ctx: ReportContext, index: AgreementIndex) -> None:
    """'UNSC sanctions', 'U.N. sanctions': a sanctions regime named after who imposed it."""
    b = ctx.builder
    for sent in ctx.doc.sents:
        for m in SANCTIONS.finditer(sent.text):
            issuer_text = (m.group(1) or "").strip()
            issuer_text = re.sub(r"\s*\([A-Z]+\)$", "", issuer_text)
            if not issuer_text or issuer_text.lower() in {"western", "international", "american", "european"}:
                continue
            entry = ctx.gaz.lookup(issuer_text)
            if entry is None:
                continue
            if entry.key == "Organization:united-nations":
                entry = ctx.gaz.entries.get("Organization:united-nations-security-council", entry)
            target = None
            t = re.match(r"\s+(?:against|on|imposed on|targeting)\s+", sent.text[m.end():])
            after = ctx.doc.char_span(sent.start_char + m.end() + t.end(), sent.end_char,
                                      alignment_mode="expand") if t else None
            if after is not None and len(after):
                hit = ctx.at(after[0]) or (ctx.at(after[1]) if len(after) > 1 and after[0].lower_ == "the" else None)
                if hit is not None and hit.label == "State":
                    target = ctx.name_of(hit.node)
            name = f"{entry.name} sanctions" + (f" on {target}" if target else "")
            node = f"Agreement:sanctions-{slug(entry.name)}"
            b.add_node(node, "Agreement", name, aliases=(f"{issuer_text} sanctions",), kind="sanctions",
                       evidence=ctx.evidence(sent))
            start = sent.start_char + m.start()
            index.refs.append(AgreementRef(node, start, sent.start_char + m.end(), "sanctions", name))
    index.refs.sort(key=lambda r: r.start)

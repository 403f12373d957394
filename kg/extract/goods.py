"""Goods told by their model ('12 Rafale warplanes', 'K2 tanks', 'Fath-360 missiles') and the
contracts that buy them. A model is one commodity, named as the report first wrote it and
known by the model alone, so reports calling it 'Rafale jets' and 'Rafale fighter jets' meet
on one node; a contract to buy it is named by what it buys ('Rafale contract'), so reports
that tell 'a contract to purchase 12 Rafale warplanes' and 'an agreement on the purchase of
12 Rafale jets' name one document alike."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.context import ReportContext
from kg.extract.normalize import slug

NOT_MODELS = {"NORP", "GPE", "ORG", "PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "LOC", "FAC"}
ACQUIRE = {"purchase", "buy", "acquire", "procure", "supply", "deliver", "sell", "provide", "build", "produce",
           "manufacture", "lease"}
PURCHASE_NOUNS = {"purchase", "sale", "supply", "delivery", "acquisition", "procurement", "provision", "transfer",
                  "order", "lease", "production", "manufacture"}


def goods_class(ctx: ReportContext, tok: Token) -> str | None:
    """The lexicon's name for the goods a noun denotes ('warplanes' -> 'combat aircraft')."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    for entry in ctx.gaz.commodities["commodities"]:
        if lemma in entry["words"] or lower in entry["words"]:
            return entry["name"]
    return None


def model_of(ctx: ReportContext, head: Token) -> str | None:
    """The designation written before a goods noun: its capitalised or alphanumeric words that
    name no state, person, body or date ('Rafale', 'K2', 'Fath-360'; not 'Russian', 'new'),
    with only lower-case modifiers between it and the noun ('Rafale multi-role fighter jets')."""
    doc = head.doc
    right = None
    for i in range(head.i - 1, head.left_edge.i - 1, -1):
        tok = doc[i]
        if _designation(ctx, tok):
            right = i
            break
        hyphened = 0 < i < len(doc) - 1 and doc[i - 1].text == "-" and doc[i + 1].text == "-"  # 'surface-to-air'
        if tok.pos_ not in {"ADJ", "NOUN", "PUNCT"} and not hyphened or tok.pos_ == "PUNCT" and tok.text != "-" \
                or tok.text[:1].isupper():
            return None  # ('12', 'the', 'Russian': the words before the noun end here)
    if right is None:
        return None
    left = right
    while left - 1 >= head.left_edge.i and (_designation(ctx, doc[left - 1]) or doc[left - 1].text == "-"
                                            and left - 2 >= head.left_edge.i and _designation(ctx, doc[left - 2])):
        left -= 1
    return re.sub(r"\s+-\s+", "-", doc[left:right + 1].text)


def _designation(ctx: ReportContext, tok: Token) -> bool:
    mention = ctx.at(tok)
    maker = mention is not None and mention.label == "Organization" and mention.end - mention.start == 1 \
        and mention.node not in ctx.gaz.entries and tok.dep_ in {"compound", "nmod"}  # 'BrahMos missiles', by its maker's name
    if mention is not None and not maker:
        return False
    if re.search(r"\d", tok.text) and re.search(r"[A-Za-z]", tok.text) or tok.text.isdigit() and tok.nbor(-1).text == "-":
        return True  # 'K2', 'Su-35', '360' of 'Fath-360' (not 'ten-thousand'; whatever the tagger made of them: '180 K2' a number)
    if tok.ent_type_ in NOT_MODELS - {"ORG"} or tok.ent_type_ == "ORG" and not maker:
        return False
    return tok.text[:1].isupper() and not tok.is_sent_start and (tok.pos_ == "PROPN" or tok.ent_type_ == "PRODUCT")


def _report_models(ctx: ReportContext) -> dict[str, set[str]]:
    """Each goods class with the models the report names for it (cached on the context)."""
    if ctx.goods_models is None:
        ctx.goods_models = {}
        for tok in ctx.doc:
            if tok.pos_ == "NOUN" and (cls := goods_class(ctx, tok)) and (model := model_of(ctx, tok)):
                ctx.goods_models.setdefault(cls, set()).add(model)
    return ctx.goods_models


def known_models(ctx: ReportContext) -> set[str]:
    return set().union(*_report_models(ctx).values())


def goods_model(ctx: ReportContext, head: Token) -> str | None:
    """The model a goods noun names: its own, or for 'the warplanes' the one model the report
    names for that class."""
    own = model_of(ctx, head)
    if own:
        return own
    cls = goods_class(ctx, head)
    models = _report_models(ctx).get(cls or "", set())
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in head.children)
    return next(iter(models)) if definite and len(models) == 1 else None


def model_node(ctx: ReportContext, model: str, head: Token) -> str:
    """One node per model: named 'Rafale warplanes' as first written, known as 'Rafale' too."""
    cls = goods_class(ctx, head)
    start = next((i for i in range(head.left_edge.i, head.i) if model.startswith(head.doc[i].text)), head.i)
    written = re.sub(r"\s+-\s+", "-", head.doc[start:head.i + 1].text)
    if not written.startswith(model):
        written = f"{model} {head.text}"
    node = "Commodity:" + slug(model)
    name = ctx.builder.nodes[node].name if node in ctx.builder.nodes else written
    return ctx.builder.add_node(node, "Commodity", name, aliases=tuple({model, written} - {name}),
                                kind=cls, evidence=ctx.evidence(head.sent))


def purchased(doc_tok: Token) -> tuple[Token | None, list[Token]]:
    """(goods, sides) of a contract noun, the sides being who sells and who buys: 'a contract to
    purchase 12 Rafale warplanes from France's Dassault Aviation', 'an agreement for the purchase
    of twelve jets by Serbia', 'signed a contract with Dassault for the delivery of 12 jets' (the
    parser hangs that 'for' on the verb), 'Serbia signed the purchase of twelve jets'."""
    goods, sides = None, []
    verbs = [c for c in doc_tok.children if c.dep_ in {"acl", "relcl"}]
    verbs += [v for a in doc_tok.children if a.dep_ == "amod" for v in a.children if v.dep_ == "xcomp"]  # 'worth $1m to buy'
    if doc_tok.dep_ == "dobj":  # 'signed a contract Thursday to procure ...'
        verbs += [v for v in doc_tok.head.children if v.dep_ in {"xcomp", "advcl"} and v.i > doc_tok.i
                  and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)]
    for verb in (v for v in verbs if v.lemma_.lower() in ACQUIRE):
        goods = next((c for c in verb.children if c.dep_ == "dobj"), None)
        sides += _objects(verb, {"from", "with"})
    if doc_tok.lemma_.lower() in PURCHASE_NOUNS:
        goods = next(iter(_objects(doc_tok, {"of"})), None)
        return goods, _objects(doc_tok, {"by"}) + (_objects(goods, {"by", "from"}) if goods is not None else [])
    preps = [c for c in doc_tok.children if c.dep_ == "prep"]
    if doc_tok.dep_ == "dobj":  # (the verb's 'for the delivery of')
        preps += [c for c in doc_tok.head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > doc_tok.i]
    for prep in preps:
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            if prep.lower_ == "with":
                sides.append(obj)
            elif prep.lower_ in {"for", "on", "of"} and obj.lemma_.lower() in PURCHASE_NOUNS and goods is None:
                goods = next(iter(_objects(obj, {"of"})), None)
                sides += _objects(obj, {"by"}) + (_objects(goods, {"by", "from"}) if goods is not None else [])
    return goods, sides


def _objects(tok: Token, preps: set[str]) -> list[Token]:
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children if o.dep_ == "pobj"]


def contract_name(ctx: ReportContext, sent: Span, doc_tok: Token) -> tuple[str, int] | None:
    """(name, end char) of a contract that buys goods, or None: 'Rafale contract' for goods of
    a known model, 'Contract for combat aircraft' for goods of a class alone."""
    goods, sides = purchased(doc_tok)
    if goods is None or not sent.start <= goods.i < sent.end:
        return None
    cls = goods_class(ctx, goods)
    if cls is None:
        return None
    model = goods_model(ctx, goods)
    last = ctx.doc[max([goods.i, *(t.i for t in sides)])]
    return (f"{model} contract" if model else f"Contract for {cls}"), last.idx + len(last.text)


def buys_goods(ctx: ReportContext, name: str) -> bool:
    """Whether an agreement's name is one contract_name gives ('Rafale contract')."""
    model = re.fullmatch(r"(.+) contract", name)
    return model is not None and model.group(1) in known_models(ctx) or name.startswith("Contract for ") \
        and name[len("Contract for "):] in {e["name"] for e in ctx.gaz.commodities["commodities"]}


def model_contract(ctx: ReportContext, name: str) -> str:
    """'Rafale deal', 'Rafale agreement' -> 'Rafale contract' when the report names Rafale as goods."""
    found = re.fullmatch(r"(.+?)(?: (?:" + "|".join(PURCHASE_NOUNS) + "))? (?:deal|agreement|contract|accord)", name, re.I)
    models = {slug(m): m for m in known_models(ctx)}  # ('Brahmos acquisition contract' of BrahMos missiles)
    return f"{models[slug(found.group(1))]} contract" if found and slug(found.group(1)) in models else name

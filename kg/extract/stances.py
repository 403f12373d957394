"""Stances: OPPOSES / SUPPORTS between actors and what they oppose or support.

A stance verb ('oppose', 'veto', 'dismiss', 'circumvent', 'support', 'back')
links its subject - or the possessor of the stance noun, 'Russia's ...
willingness to circumvent UNSC sanctions' - to the agreements, sanctions or
actors it governs.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.context import Mention, ReportContext, doc_text

EXTRA_OPPOSE = {"circumvent", "evade", "counter", "counteract", "violate", "breach", "undermine", "flout"}
TARGETS = {"Agreement", "State", "Organization", "Person"}


def _actor_for(ctx: ReportContext, verb: Token) -> Mention | None:
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in {"nsubj", "poss"}:
                m = ctx.at(child) or next((ctx.at(t) for t in child.subtree if ctx.at(t)), None)
                if m and m.label in {"State", "Organization", "Person"}:
                    return m
                if child.dep_ == "nsubj":
                    return None  # 'officials said the shipments violate sanctions': the shipments do, not the officials
        if tok.dep_ in {"xcomp", "acl", "conj", "advcl", "pcomp", "pobj", "prep"} or tok.pos_ == "NOUN":
            tok = tok.head
        else:
            break
    for child in tok.children:
        if child.dep_ == "poss":
            m = ctx.at(child)
            if m and m.label in {"State", "Organization", "Person"}:
                return m
    return None


def _denied(verb: Token) -> bool:
    """'not violated', 'denying that Moscow had violated': no stance is stated."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(a.lemma_.lower() in {"deny", "refute", "dispute"} for a in verb.ancestors)


def _objects(ctx: ReportContext, verb: Token) -> list[Mention]:
    out = []
    for t in verb.subtree:
        if t.i <= verb.i:
            continue
        m = ctx.at(t)
        if m and m.label in TARGETS and m not in out:
            out.append(m)
    return out


def extract_stances(ctx: ReportContext, agreement_spans: list[tuple[int, int, str]]) -> None:
    verbs = ctx.gaz.triggers["verbs"]
    oppose = set(verbs["oppose"]) | EXTRA_OPPOSE
    support = set(verbs["support"])
    for sent in ctx.doc.sents:
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in oppose | support:
                continue
            if _denied(tok):
                continue
            rel = "OPPOSES" if lemma in oppose else "SUPPORTS"
            actor = _actor_for(ctx, tok)
            if actor is None:
                continue
            targets = [a for a in _agreements_after(ctx, sent, tok, agreement_spans)]
            for target in targets:
                ctx.builder.add_edge(actor.node, rel, target, evidence=ctx.evidence(sent))
    _backed(ctx)


BACKED = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-(?:backed|sponsored|supported|funded|armed|allied)\s+(?:the\s+)?")


def _backed(ctx: ReportContext) -> None:
    """'Yemen's Iran-backed Houthis', 'Russia-backed separatists': the backer SUPPORTS them."""
    doc = ctx.doc
    for m in BACKED.finditer(doc_text(doc)):
        backer = ctx.gaz.lookup(m.group(1), "State") or ctx.gaz.state_of_demonym(m.group(1))
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        backed = ctx.at(after[0]) if after is not None else None
        if backer is None or backed is None or backed.label not in {"Organization", "Person"}:
            continue
        node = ctx.builder.add_node(backer.key, "State", backer.name, iso=backer.country)
        ctx.builder.add_edge(node, "SUPPORTS", backed.node, evidence=ctx.evidence(after[0].sent))


def _agreements_after(ctx: ReportContext, sent: Span, verb: Token,
                      spans: list[tuple[int, int, str]]) -> list[str]:
    lo = verb.idx
    hi = verb.doc[verb.right_edge.i].idx + len(verb.doc[verb.right_edge.i])
    return [node for start, end, node in spans if lo < start < hi and sent.start_char <= start < sent.end_char]

"""Estimative language as data: a sentence judged 'almost certainly', 'likely',
'roughly even chance' becomes an Assessment with its ICD 203 band, ABOUT the
things it names."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.context import ReportContext
from kg.models import stable_hash

ABOUT_LABELS = {"State", "Organization", "Place", "Person", "Agreement", "Commodity"}


@cache
def _phrases(bands: tuple) -> list[tuple[re.Pattern, str, str, str]]:
    out = []
    for band, probability, phrases in bands:
        for phrase in phrases:
            out.append((re.compile(rf"\b{re.escape(phrase)}\b", re.I), phrase, band, probability))
    out.sort(key=lambda p: -len(p[1]))
    return out


def extract_assessments(ctx: ReportContext) -> None:
    bands = tuple((b["band"], b["probability"], tuple(b["phrases"])) for b in ctx.gaz.icd203["bands"])
    b = ctx.builder
    for sent in ctx.doc.sents:
        hit = None
        for pattern, phrase, band, probability in _phrases(bands):
            m = pattern.search(sent.text)
            if m and (hit is None or len(phrase) > len(hit[0])):
                hit = (m.group(0).lower(), band, probability)
        if hit is None:
            continue
        node = f"Assessment:{stable_hash(b.report.id, sent.start_char)}"
        text = " ".join(sent.text.split())
        b.add_node(node, "Assessment", f"{hit[0]}: {text[:80]}", likelihood=hit[0], band=hit[1],
                   probability=hit[2], text=text, evidence=ctx.evidence(sent))
        b.add_edge(b.report_node, "ASSESSES", node, evidence=ctx.evidence(sent))
        about = {m.node for m in ctx.in_span(sent.start, sent.end) if m.label in ABOUT_LABELS}
        for target in sorted(about):
            b.add_edge(node, "ABOUT", target, evidence=ctx.evidence(sent))

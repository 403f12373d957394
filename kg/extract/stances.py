"""Backing told in one word: 'Yemen's Iran-backed Houthis', 'Russia-backed separatists' give
SUPPORTS from the backer. Stances told by a verb ('Russia vetoed', 'Washington condemned the
trial', 'willingness to circumvent sanctions') are frames (kinds `oppose` and `support` in
loaders/frames.yaml), read with every other relation kind.
"""

from __future__ import annotations

import re

from kg.extract.context import ReportContext, doc_text

BACKED = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-(?:backed|sponsored|supported|funded|armed|allied)\s+(?:the\s+)?")


def extract_backing(ctx: ReportContext) -> None:
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

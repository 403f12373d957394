"""`kg explain NAME`: an entity and its facts with every evidence quote and the
report it came from, so an analyst can check why the graph says it."""

from __future__ import annotations

import re
from typing import Any

from kg.store import cypher
from kg.store.base import Store

FIND_EXACT = """MATCH (n)
WHERE n.id = $name OR toLower(n.name) = toLower($name)
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = toLower($name))
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.aliases AS aliases, n.evidence AS evidence
LIMIT 10"""
FIND_LOOSE = """MATCH (n)
WHERE NOT n:Report AND (toLower(n.name) CONTAINS toLower($name)
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($name)))
RETURN n.id AS id, labels(n)[0] AS label, n.name AS name, n.aliases AS aliases, n.evidence AS evidence
LIMIT 10"""
FACTS = """MATCH (n {id: $id})-[r]-(m)
WHERE NOT type(r) IN ['MENTIONS', 'ABOUT']
RETURN startNode(r).name AS subject, type(r) AS relation, endNode(r).name AS object,
       coalesce(r.title, r.commodity, r.mode, r.delegation) AS detail, r.evidence AS evidence, r.key AS key,
       r.review AS review
ORDER BY relation, subject, object"""
STATEMENTS = (FIND_EXACT, FIND_LOOSE, FACTS)
_EVIDENCE = re.compile(r"^(Report:[^:]+):(?:p(\d+):)?(\d+)-(\d+) (.*)$", re.S)  # (p3: the page of a PDF)


def quotes(evidence: list[str] | None, reports: dict[str, dict]) -> list[dict[str, Any]]:
    out = []
    for item in evidence or []:
        m = _EVIDENCE.match(item)
        if not m:
            continue
        report = reports.get(m.group(1), {})
        out.append({"report": m.group(1), "publisher": report.get("publisher"), "published": report.get("published"),
                    "title": report.get("title"), "page": int(m.group(2)) if m.group(2) else None,
                    "chars": f"{m.group(3)}-{m.group(4)}", "quote": m.group(5)})
    return out


def explain(store: Store, name: str) -> list[dict[str, Any]]:
    """Matching entities (exact name or alias first, else partial), each with its quotes and facts."""
    found = store.read(FIND_EXACT, {"name": name}) or store.read(FIND_LOOSE, {"name": name})
    reports = {r["id"]: r for r in store.read(cypher.REPORTS)}
    out = []
    for node in found:
        facts = [{"fact": f"{f['subject']} {f['relation']} {f['object']}" + (f" ({f['detail']})" if f["detail"] else ""),
                  "key": f["key"], "review": f["review"], "quotes": quotes(f["evidence"], reports)}
                 for f in store.read(FACTS, {"id": node["id"]})]
        out.append({"id": node["id"], "label": node["label"], "name": node["name"], "aliases": node["aliases"] or [],
                    "quotes": quotes(node["evidence"], reports), "facts": facts})
    return out

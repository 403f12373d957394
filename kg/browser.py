"""Neo4j Browser, made pleasant: a graph style (GraSS) from the ontology's colours
and captions, and a guide (`:play`) that walks an analyst through the saved queries.

`kg browser -o browser/` writes both; docker-compose serves that folder and tells
Browser to apply the style and open the guide after connecting.
"""

from __future__ import annotations

import html
from pathlib import Path

from kg.ontology import ontology
from kg.queries import browser_params, library

GUIDE_ORDER = ["who-attended", "delegation", "agreements-signed", "parties", "agreement-articles",
               "articles-about", "routes-from", "route-between", "shipments", "reported-by", "visits",
               "assessments", "sources-for", "corroborated", "path-between", "timeline"]


def _darker(color: str, factor: float = 0.8) -> str:
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{int(c * factor):02X}" for c in rgb)


def style_grass() -> str:
    """Colour and caption per label; relationships captioned by their type."""
    onto = ontology()
    out = ["node {\n  diameter: 50px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n"
           "  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}",
           "relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n"
           "  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: '<type>';\n}"]
    for label in sorted(onto.labels):
        spec = onto.labels[label]
        caption = "name" if spec.caption == "title" else spec.caption
        size = {"State": 65, "Event": 60, "Agreement": 60, "Report": 40, "Assessment": 40}.get(label, 50)
        out.append(f"node.{label} {{\n  color: {spec.color};\n  border-color: {_darker(spec.color)};\n"
                   f"  text-color-internal: #FFFFFF;\n  diameter: {size}px;\n  caption: '{{{caption}}}';\n}}")
    for rel in ("MENTIONS", "ABOUT", "ASSESSES"):
        out.append(f"relationship.{rel} {{\n  color: #D3D3D3;\n  shaft-width: 1px;\n  caption: '<type>';\n}}")
    return "\n".join(out) + "\n"


INTRO = [("kg: reports as a graph",
          "Every node and relationship keeps its <code>sources</code> (report ids) and "
          "<code>evidence</code> (the sentence it was read from). Click a block to put it in the "
          "editor, then run it. Start with what is loaded:",
          ["MATCH (n) RETURN labels(n)[0] AS label, count(*) AS nodes ORDER BY nodes DESC",
           "MATCH (r:Report) RETURN r.name AS title, r.publisher AS publisher, r.published AS published"]),
         ("The whole picture", "Facts around the entities of one report (provenance links left out):",
          ["MATCH (r:Report)-[:MENTIONS]->(x)\nWITH r, collect(x)[0..40] AS xs LIMIT 1\n"
           "UNWIND xs AS x\nMATCH p = (x)-[rel]-(y) WHERE NOT type(rel) IN ['MENTIONS', 'ABOUT']\n"
           "RETURN p LIMIT 150"])]


def _slide(title: str, lead: str, blocks: list[str]) -> str:
    code = "\n".join(f'<pre class="pre-scrollable code runnable">{html.escape(b)}</pre>' for b in blocks)
    return (f'<slide class="row-fluid">\n<div class="col-sm-4">\n<h3>{html.escape(title)}</h3>\n'
            f'<p class="lead">{lead}</p>\n</div>\n<div class="col-sm-8">\n{code}\n</div>\n</slide>')


def guide_html() -> str:
    """Slides for `:play`: what kg loaded, then one saved question per slide."""
    queries = library()
    slides = [_slide(title, lead, blocks) for title, lead, blocks in INTRO]
    for name in GUIDE_ORDER + sorted(set(queries) - set(GUIDE_ORDER)):
        q = queries.get(name)
        if q is None:
            continue
        blocks = [p for p in [browser_params(q)] if p] + [q.cypher]
        lead = (f"{html.escape(q.description)}<br><br>Saved as <code>{q.name}</code>; in a terminal: "
                f"<code>{html.escape(q.examples[0]) if q.examples else 'kg ask ' + q.name}</code>")
        slides.append(_slide(q.title, lead, blocks))
    body = "\n".join(slides)
    return ('<style type="text/css" media="screen"></style>\n'
            '<article class="guide" ng-controller="AppCtrl">\n<carousel class="deck container-fluid">\n'
            f"{body}\n</carousel>\n</article>\n")


def write_browser_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"style.grass": style_grass(), "kg-guide.html": guide_html()}
    out = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out

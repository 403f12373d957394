"""The Neo4j Browser files in browser/ are generated from the ontology and the
saved queries and are committed up to date; the guide's own Cypher runs."""

from kg.browser import INTRO, guide_html, style_grass
from kg.ontology import ontology
from kg.queries import library
from kg.store.embedded import EmbeddedStore
from tests.conftest import ROOT


def test_committed_browser_files_are_current():
    assert (ROOT / "browser" / "style.grass").read_text() == style_grass(), "run: kg browser -o browser"
    assert (ROOT / "browser" / "kg-guide.html").read_text() == guide_html(), "run: kg browser -o browser"


def test_style_covers_every_label_and_the_guide_every_query():
    grass, guide = style_grass(), guide_html()
    for label, spec in ontology().labels.items():
        assert f"node.{label} {{" in grass and spec.color in grass
    for name in library():
        assert f"<code>{name}</code>" in guide


def test_guide_cypher_runs_on_the_embedded_store(seeded_home):
    with EmbeddedStore(seeded_home) as store:
        for _title, _lead, blocks in INTRO:
            for block in blocks:
                assert store.read(block), block

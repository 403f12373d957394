"""The extraction pipeline: one report in, its nodes and edges (with evidence) out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from kg.extract.agreements import extract_agreements
from kg.extract.assessments import extract_assessments
from kg.extract.builder import GraphBuilder
from kg.extract.context import ReportContext
from kg.extract.entities import extract_entities
from kg.extract.events import extract_events, settle_visits
from kg.extract.facts import extract_facts
from kg.extract.gazetteer import gazetteer
from kg.extract.hazards import extract_hazards
from kg.extract.logistics import extract_logistics
from kg.extract.nlp import pipeline
from kg.extract.organizations import missions_placed
from kg.extract.places import extract_place_hierarchy
from kg.extract.releases import extract_releases
from kg.extract.relief import extract_relief
from kg.extract.resolve import fold_same_names, resolve_events
from kg.extract.roles import extract_roles
from kg.extract.stances import extract_backing
from kg.extract.vessels import extract_vessels
from kg.models import Extraction, Report
from kg.validate import validate_extraction

BATCH_SIZE = 16


def extract_doc(report: Report, doc: Doc) -> Extraction:
    """Run every rule over one parsed report."""
    builder = GraphBuilder(report)
    ctx = ReportContext(doc, builder, gazetteer(), report.published)
    extract_entities(ctx)
    fold_same_names(ctx)
    extract_vessels(ctx)
    extract_roles(ctx)
    events = extract_events(ctx)
    extract_hazards(ctx, events)
    extract_relief(ctx, events)
    extract_releases(ctx, events)
    agreements = extract_agreements(ctx, events)
    settle_visits(ctx, events)
    extract_logistics(ctx)
    resolve_events(ctx, events)
    documents = [(r.start, r.end, r.node) for r in agreements.refs]
    extract_facts(ctx, events, documents)
    missions_placed(ctx)  # (the frames placed some missions: 'reopened its embassy in Riyadh')
    resolve_events(ctx, events)  # again: the frames placed and dated some events
    extract_backing(ctx)
    extract_assessments(ctx)
    fold_same_names(ctx)  # (again: later rules named some places anew)
    extract_place_hierarchy(ctx)
    builder.mention_all()
    extraction = builder.build()
    validate_extraction(extraction)
    return extraction


APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


# Cyrillic letters drawn like Latin ones: a Latin word with one of them in it was typed on a
# mixed keyboard ('Vostochny Сosmodrome' with a Cyrillic 'С').
HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухіјѕ", "ABEKMHOPCTXaeopcyxijs")
MIXED_WORD = re.compile(r"\w*[A-Za-z]\w*")


def _latin(match: re.Match) -> str:
    word = match.group(0)
    return word.translate(HOMOGLYPHS) if re.search(r"[\u0400-\u04ff]", word) else word


def parse_text(report: Report) -> str:
    """The text the parser sees: curly apostrophes made straight ('Xi’an' is 'Xi'an' to the
    gazetteer and the tokenizer), Cyrillic look-alikes inside Latin words made Latin. One
    character for one, so every offset still points into the report as stored."""
    return MIXED_WORD.sub(_latin, report.text.translate(APOSTROPHES))


def extract(report: Report) -> Extraction:
    return extract_doc(report, pipeline()(parse_text(report)))


def extract_many(reports: Iterable[Report]) -> Iterator[Extraction]:
    """Extract reports in order, parsing them in batches (nlp.pipe) for speed."""
    nlp = pipeline()
    items = list(reports)
    docs = nlp.pipe((parse_text(r) for r in items), batch_size=BATCH_SIZE)
    for report, doc in zip(items, docs, strict=True):
        yield extract_doc(report, doc)

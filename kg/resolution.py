"""Resolution across reports, at load time: a document, a ship, a named event or a person
that one report names otherwise than another ('the 100-year partnership agreement' in one, the UK-Ukraine
agreement of January 2025 in the next; 'Gorshkov' and 'the Admiral Gorshkov') goes to the
node the store, or an earlier report of the same load, already holds under that name.

A name is a key when it is distinctive (not 'the agreement', 'a landmark deal'); two
nodes meet only when the states that mark them agree (an agreement's parties, a ship's
flag: one set holds the other). The nodes that meet keep the smallest of their ids, and a
report that shows two stored nodes to be one ('Admiral Gorshkov', also called 'Gorshkov')
folds them in the store, so reports loaded in any order give the same graph. Within one
report the extractor has resolved already (kg/extract/resolve.py); this is the step a
single report cannot take.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from kg.extract.agreements import generic_name
from kg.extract.builder import fact_key
from kg.extract.normalize import fold, simple_key
from kg.extract.organizations import LEGAL_FORMS, STATE_BODY_WORDS
from kg.extract.people import HONORIFIC
from kg.extract.resolve import FOLDABLE  # (the kinds of gathering a report folds, met across reports too)
from kg.extract.sites import site_key
from kg.models import Edge, Extraction, Node
from kg.store import cypher

KIND_WORDS = ("agreement", "treaty", "accord", "pact", "deal", "contract", "memorandum", "memorandum of understanding")
KIND_WORD = re.compile(r"\s+(?:" + "|".join(sorted({re.escape(fold(w)) for w in KIND_WORDS}, key=len, reverse=True))
                       + r")s?$")  # (matched on folded names: 'treaty' folds to 'treati')
WHEN = "when:"  # the key of an unnamed gathering: its kind and month, met only with two states in common
DAY = "day:"
SIGNED = "signed:"  # the key of an unnamed event a document was signed at: that document  # the day it is dated to, when the report gives one: no key, a check
SHORT = "short:"  # a three-word name without its middle word: it meets that two-word name, not another three-word one
BARE, FULL = "acronym:", "acronym-of:"  # a body named by its acronym; a full name with that acronym
TARGET = "target:"  # the key of an act done to a person (an arrest, a coup): its kind and whom, near spellings too
NEAR = {"Person": 10}  # labels whose full names (of at least so many letters) also meet a near spelling
MARKS = {"Agreement": ("PARTY_TO", "in"), "Vessel": ("FLAGGED_IN", "out"), "Event": ("ATTENDED", "in"),
         "Person": ("HOLDS_ROLE", "out"), "Organization": ("LOCATED_IN", "out"),
         "Place": ("LOCATED_IN", "out")}  # the states that tell two apart: an agreement's parties, a ship's
# flag, the states at an event, the state a person serves, a company's home, the state a site lies in
LEGAL_FORM = re.compile(rf"\s+(?:{LEGAL_FORMS}|Pvt Ltd|company)$", re.I)  # (on folded keys: no dots)


def resolvable(node: Node) -> bool:
    """Is this node met across reports by its names? Places only when sites: a town has its
    gazetteer id already."""
    return node.label in MARKS and (node.label != "Place" or node.props.get("kind") == "facility")


def keys(node: Node) -> set[str]:
    """The distinctive names a node is known by, folded (an agreement's without the word
    for its kind: the '100-year partnership' treaty is the '100-year partnership' agreement),
    and its id (which another report may give it again)."""
    names, extra = [node.name, *node.aliases], set()
    if node.label == "Agreement":
        names = [KIND_WORD.sub("", fold(n)) for n in names if not generic_name(n)]
    if node.label == "Event":  # only a proper name, also as its words' stems ('Marine' / 'Maritime Security Belt')
        names = [node.name, " ".join(w[:4] for w in fold(node.name).split())] if node.props.get("named") else []
        when = str(node.props.get("start") or "")
        if not node.props.get("named") and node.props.get("kind") in FOLDABLE and len(when) >= 7:
            extra = {f"{WHEN}{node.props['kind']} {when[:7]}"}  # an unnamed gathering: by kind and month
            extra |= {DAY + when} if len(when) == 10 else set()  # (and not on another day it is dated to)
        if not node.props.get("named") and node.props.get("target"):  # ('Basoum's arrest' is Bazoum's)
            extra |= {f"{TARGET}{node.props.get('kind')} {fold(node.props['target'])}"}
    if node.label == "Organization":  # 'BrahMos Aerospace Private Limited' is 'BrahMos Aerospace' (and 'BAPL')
        extra |= _acronym_keys(node)
        names = [LEGAL_FORM.sub("", _org_spelling(n)) for n in names if not set(simple_key(n).split()) & STATE_BODY_WORDS]
        names += [short for n in names if (short := OF_STATE.sub("", n)) != n and len(short.split()) >= 3]
    if node.label == "Person":  # a full name ('Wladyslaw' / 'Władysław Kosiniak-Kamysz'), not a surname alone
        names = [HONORIFIC.sub("", n) for n in names]  # ('Mr. Berglund' is no full name)
        full = [n for n in names if len(fold(n).split()) >= 2]
        names = full + [bare for n in full if len((bare := re.sub(r"\b[A-Z]\.\s+", "", n)).split()) >= 2]  # 'Brian E. Nelson'
        extra |= {SHORT + fold(f"{w[0]} {w[-1]}") for n in full if len(w := n.split()) == 3}  # 'Rafael (Mariano) Grossi'
    if node.label == "Place":  # a site, by its head written one way ('X NPP' is the X nuclear power plant)
        return {"id:" + node.id} | {site_key(n) for n in names if len(n) >= 4}
    return {k for n in names if len(k := fold(n)) >= 4} | {"id:" + node.id} | extra


ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}")
ACRONYM_GLUE = {"of", "the", "and", "for", "&", "on", "in"}


def _acronym_keys(node: Node) -> set[str]:
    """A body named by its acronym alone ('IAF') and one named in full ('Indian Air Force', or
    any body the text gave that acronym): keys that meet only each other, so two full names of
    one acronym ('Indian' and 'Israeli Air Force') never meet through it."""
    if ACRONYM.fullmatch(node.name):
        return {BARE + node.name}
    out = {FULL + a for a in node.aliases if ACRONYM.fullmatch(a)}
    words = [w for w in re.split(r"[\s\-]+", node.name) if w.lower() not in ACRONYM_GLUE]
    if 3 <= len(words) <= 6 and all(w[:1].isupper() for w in words):
        out.add(FULL + "".join(w[0] for w in words))  # 'Ministry of External Affairs' is the 'MEA'
    return out


OF_STATE = re.compile(r"\s+of\s+[a-z]+(?:\s+[a-z]+)?$")  # 'Ports and Maritime Organisation of Iran' is also
# 'Ports and Maritime Organisation' (its state stays a mark: LOCATED_IN)


def _org_spelling(name: str) -> str:
    """'Ports & Maritime Organisation' and 'Ports and Maritime Organization': one spelling."""
    key = simple_key(name.replace("&", " and "))
    return re.sub(r"(\w)isation\b", r"\1ization", key)


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a <= b or b <= a


def _shared(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two unnamed gatherings of one kind and month are one when two states were at both, or
    every state one report names at it is at the other."""
    return len(a & b) >= 2 or bool(a and b) and (a <= b or b <= a)


class Resolver:
    """The resolvable nodes of the store and of this load, by label and key."""

    def __init__(self, store) -> None:
        self.by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.marks: dict[str, frozenset[str]] = {}
        self.label: dict[str, str] = {}
        self.days: dict[str, set[str]] = {}  # an event's days, from its DAY keys
        self.merges: list[tuple[str, str, str]] = []  # (label, old, into): stored nodes to fold, in order
        self.by_first: dict[tuple[str, str], set[str]] = defaultdict(set)  # (label, first word) -> keys
        for label in MARKS:
            for row in store.read(cypher.resolution_rows(label)):
                node = Node(id=row["id"], label=label, name=row["name"] or "", aliases=row["aliases"] or [],
                            props={k: row.get(k) for k in ("named", "kind", "start", "target")})
                if not resolvable(node):
                    continue
                folded = {"id:" + i for i in row["merged_ids"] or []}  # ids it had, which a report may give again
                folded |= {SIGNED + a for a in row.get("signed") or [] if not row.get("named")}
                self._remember(label, node.id, keys(node) | folded, frozenset(m for m in row["marks"] if m))

    def _remember(self, label: str, node: str, names: set[str], marks: frozenset[str]) -> None:
        for key in names:
            self.by_key[(label, key)].add(node)
            if (label in NEAR or key.startswith(TARGET)) and not key.startswith("id:"):
                self.by_first[(label, key.split()[0])].add(key)
                self.by_first[(label, "~" + key.split()[-1])].add(key)  # (by the last word too)
        self.marks[node] = self.marks.get(node, frozenset()) | marks
        self.days[node] = self.days.get(node, set()) | {k for k in names if k.startswith(DAY)}
        self.label[node] = label

    def _fold(self, old: str, into: str) -> None:
        """Remember that `old` is now `into` (the caller folds it in the store)."""
        for ids in self.by_key.values():
            if old in ids:
                ids.discard(old)
                ids.add(into)
        self.marks[into] = self.marks.get(into, frozenset()) | self.marks.pop(old, frozenset())
        self.days[into] = self.days.get(into, set()) | self.days.pop(old, set())
        self.merges.append((self.label.pop(old), old, into))

    def resolve(self, extraction: Extraction) -> Extraction:
        """The extraction with its nodes renamed to the ones already known, and remembered;
        stored nodes it shows to be one are queued in `merges` (take them with take_merges)."""
        marks = _marks(extraction)
        remap: dict[str, str] = {}
        known = {n.id: keys(n) for n in extraction.nodes if resolvable(n)}  # (before any renaming)
        signed = defaultdict(set)
        for e in extraction.edges:
            if e.type == "SIGNED_AT":
                signed[e.target].add(e.source)
        for node in sorted(extraction.nodes, key=lambda n: n.label == "Event"):  # (events after what was signed)
            if not resolvable(node):
                continue
            if node.label == "Event" and not node.props.get("named"):  # the signing of one document is one signing
                known[node.id] |= {SIGNED + remap.get(a, a) for a in signed.get(node.id, ())}
            mine = marks.get(node.id, frozenset())
            names = self._near(node.label, known[node.id])
            found = set().union(*(self.by_key.get((node.label, k), set()) for k in names
                                  if not k.startswith((WHEN, DAY, SHORT, BARE, FULL))))
            found |= self._by_acronym(node, names)
            found |= set().union(*(self.by_key.get((node.label, k), set()) for k in self._shortened(node.label, names)))
            found = {i for i in found - {node.id} if _compatible(mine, self.marks[i])}
            alike = set().union(*(self.by_key.get((node.label, k), set()) for k in names if k.startswith(WHEN)))
            days = {k for k in names if k.startswith(DAY)}
            found |= {i for i in alike - {node.id} if _shared(mine, self.marks[i])
                      and not (days and self.days.get(i) and not days & self.days[i])}
            if not found:
                continue
            group = found | {node.id}
            into = min(group)  # the same survivor whatever came first
            for old in sorted(found - {into}):
                self._fold(old, into)
            if node.id != into:
                remap[node.id] = into
        for node in extraction.nodes:
            if resolvable(node):
                self._remember(node.label, remap.get(node.id, node.id), known[node.id], marks.get(node.id, frozenset()))
        return _renamed(extraction, remap) if remap else extraction

    def _by_acronym(self, node: Node, names: set[str]) -> set[str]:
        """The full-named body a bare acronym stands for, if only one has it; the bare acronyms a
        full name stands for."""
        found = set()
        for k in names:
            if k.startswith(BARE):
                full = self.by_key.get((node.label, FULL + k[len(BARE):]), set()) - {node.id}
                found |= full if len(full) == 1 else set()
            elif k.startswith(FULL):  # (not one a full name of that acronym has taken already)
                found |= self.by_key.get((node.label, BARE + k[len(FULL):]), set()) - self.by_key.get((node.label, k), set())
        return found - {node.id}

    @staticmethod
    def _shortened(label: str, names: set[str]) -> set[str]:
        """A three-word name's short form as a name ('Rafael Grossi' of 'Rafael Mariano Grossi'), and a
        two-word name as a short form: the two meet, two three-word names do not."""
        if label != "Person":
            return set()
        return {k[len(SHORT):] for k in names if k.startswith(SHORT)} | {
            SHORT + k for k in names if ":" not in k and len(k.split()) == 2}

    def _near(self, label: str, names: set[str]) -> set[str]:
        """The keys themselves, and for people the known full names one slip of spelling away
        ('Ahn Gyu-back' and 'Ahn Gyu-baek', 'Abdourahamane' and 'Abdourahmane Tchiani'), and the acts
        done to them: the same first or last word and word count, 90% alike."""
        out = set(names)
        for key in names:
            words = key.split()
            if key.startswith("id:") or not key.startswith(TARGET) and len(key) < NEAR.get(label, len(key) + 1):
                continue
            alike = self.by_first.get((label, words[0]), set()) | self.by_first.get((label, "~" + words[-1]), set())
            out |= {k for k in alike if len(k.split()) == len(words) and fuzz.ratio(k, key) >= 90}
        return out

    def take_merges(self) -> list[tuple[str, str, str]]:
        out, self.merges = self.merges, []
        return out


def _marks(extraction: Extraction) -> dict[str, frozenset[str]]:
    states = {n.id for n in extraction.nodes if n.label == "State"}
    out: dict[str, set[str]] = defaultdict(set)
    for e in extraction.edges:
        for rel_type, side in MARKS.values():
            if e.type == rel_type:
                node, mark = (e.target, e.source) if side == "in" else (e.source, e.target)
                if mark in states:  # (as the store reads them: states only)
                    out[node].add(mark)
    return {k: frozenset(v) for k, v in out.items()}


def _renamed(extraction: Extraction, remap: dict[str, str]) -> Extraction:
    """Nodes and edges under their new ids; edge keys recomputed, loops dropped."""
    nodes = [n.model_copy(update={"id": remap[n.id], "props": {**n.props, "merged_ids": [n.id]},
                                  "aliases": sorted({*n.aliases, n.name})})  # (its spelling stays an alias)
             if n.id in remap else n for n in extraction.nodes]  # (the id it had, as a fold in the store keeps it)
    edges: list[Edge] = []
    for e in extraction.edges:
        source, target = remap.get(e.source, e.source), remap.get(e.target, e.target)
        if source == target:
            continue
        edges.append(e.model_copy(update={"source": source, "target": target,
                                          "key": fact_key(source, e.type, target, e.props)}))
    return extraction.model_copy(update={"nodes": nodes, "edges": edges})

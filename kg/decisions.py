"""An analyst's corrections, kept outside the extracted graph and applied again on every
load, reload, retract and push (as Aleph's nomenklatura and OpenCTI keep theirs): a
rejected fact never comes back with re-extraction, a merge is never split again.

Decisions live in one plain file in the store folder, `decisions.jsonl`: one JSON object
a line, in the order they were taken, so it diffs and merges like code. They are applied
in that order, by one pure function over nodes and edges (`apply`), to each report's
extraction before it is written and to the part of a store a new decision touches.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import ValidationError, model_validator

from kg.errors import KGError
from kg.extract.builder import fact_key
from kg.extract.normalize import slug
from kg.models import Edge, Extraction, Model, Node, stable_hash
from kg.ontology import ontology

FILE = "decisions.jsonl"
Action = Literal["accept", "reject", "merge", "split", "rename", "retype"]


class Decision(Model):
    """One correction. `target` is a fact key (TYPE:hash) or a node id (Label:key)."""

    action: Action
    target: str
    into: str | None = None  # merge: the node that stays
    value: str | None = None  # rename: the new name; retype: the new label; split: the alias to split off
    what: str | None = None  # what the target was when decided ('Putin SIGNED treaty'), for people reading the file
    note: str | None = None
    at: str = ""
    by: str = ""

    @model_validator(mode="after")
    def _names_from_the_schema(self) -> Decision:
        """Labels and types reach Cypher from targets: they must be the ontology's."""
        onto = ontology()
        ids = [self.target, self.into] if self.into else [self.target]
        for ref in ids:
            head = ref.split(":", 1)[0]
            if ":" not in ref or (head not in onto.labels and head not in onto.relationships):
                raise ValueError(f"{ref!r} is neither a node id (Label:key) nor a fact key (TYPE:hash)")
        if self.action == "accept" and not is_fact_key(self.target):
            raise ValueError(f"accept needs a fact key, not {self.target!r}")
        if self.action not in ("accept", "reject") and is_fact_key(self.target):
            raise ValueError(f"{self.action} needs a node id, not {self.target!r}")
        if self.into and is_fact_key(self.into):
            raise ValueError(f"merge into a node id, not {self.into!r}")
        if self.action == "retype" and self.value not in onto.labels:
            raise ValueError(f"retype to a label of the ontology, not {self.value!r}")
        if self.action in ("rename", "split", "retype") and not self.value:
            raise ValueError(f"{self.action} needs a value")
        if self.action == "merge" and not self.into:
            raise ValueError("merge needs 'into'")
        return self

    @property
    def id(self) -> str:
        """Same decision, same id: taking or importing it twice changes nothing."""
        return stable_hash(self.action, self.target, self.into, self.value, length=12)

    @property
    def on_fact(self) -> bool:
        return is_fact_key(self.target)


def is_fact_key(text: str) -> bool:
    """Fact keys are 'TYPE:hash', node ids 'Label:key' (types are upper case)."""
    head = text.split(":", 1)[0]
    return head.isupper() and head in ontology().relationships


def label_of(node_id: str) -> str:
    label = node_id.split(":", 1)[0]
    if label not in ontology().labels:
        raise KGError(f"{node_id!r} is not a node id (Label:key, e.g. Person:kim-jong-un)")
    return label


def make(action: str, target: str, *, into: str | None = None, value: str | None = None,
         what: str | None = None, note: str | None = None) -> Decision:
    """A decision checked against the ontology, stamped with time and user."""
    if action == "merge" and into == target:
        raise KGError("merge: two different nodes are needed")
    if action == "merge" and into and label_of(target) != label_of(into):
        raise KGError(f"merge: {target} and {into} have different labels (retype one first)")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    try:
        return Decision(action=action, target=target, into=into, value=(value or "").strip() or None, what=what,
                        note=note, at=stamp, by=getpass.getuser())
    except ValidationError as e:
        raise KGError(f"{action}: {e.errors()[0]['msg'].removeprefix('Value error, ')}") from e


class DecisionLog:
    """The decisions file of a store folder."""

    def __init__(self, home: Path):
        self.path = Path(home) / FILE

    def read(self) -> list[Decision]:
        return read_file(self.path) if self.path.exists() else []

    def add(self, decisions: Iterable[Decision]) -> list[Decision]:
        """Append the decisions not taken yet; returns those."""
        known = {d.id for d in self.read()}
        new = []
        for d in decisions:
            if d.id not in known:
                known.add(d.id)
                new.append(d)
        if new:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                for d in new:
                    f.write(dumps(d) + "\n")
        return new


def dumps(decision: Decision) -> str:
    return json.dumps(decision.model_dump(exclude_none=True), ensure_ascii=False, sort_keys=True)


def read_file(path: Path) -> list[Decision]:
    """Decisions of a .jsonl file, each line checked; a bad line is one error naming it."""
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise KGError(f"{path}: cannot read decisions: {e.strerror}") from e
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append(Decision.model_validate_json(line))
        except ValidationError as e:
            problem = e.errors()[0]
            where = ".".join(str(p) for p in problem["loc"])
            raise KGError(f"{path}:{number}: not a decision: {problem['msg'].removeprefix('Value error, ')}"
                          + (f" ({where})" if where else "")) from e
    return out


# -- applying decisions: one pure function over nodes and edges ------------------------

def apply(nodes: list[Node], edges: list[Edge], decisions: Iterable[Decision]) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges as the decisions, taken in order, leave them."""
    for d in decisions:
        ids = {n.id for n in nodes}
        if d.on_fact:
            if any(e.key == d.target for e in edges):
                edges = _on_fact(d, edges)
        elif d.target in ids:
            nodes, edges = STEPS[d.action](d, nodes, edges)
    return nodes, edges


def apply_extraction(extraction: Extraction, decisions: list[Decision]) -> Extraction:
    if not decisions:
        return extraction
    nodes, edges = apply(extraction.nodes, extraction.edges, decisions)
    return extraction.model_copy(update={"nodes": nodes, "edges": edges})


def _on_fact(d: Decision, edges: list[Edge]) -> list[Edge]:
    if d.action == "reject":
        return [e for e in edges if e.key != d.target]
    return [e.model_copy(update={"props": {**e.props, "review": "accepted"}}) if e.key == d.target else e
            for e in edges]


def _reject_node(d: Decision, nodes: list[Node], edges: list[Edge]):
    return ([n for n in nodes if n.id != d.target],
            [e for e in edges if d.target not in (e.source, e.target)])


def _rename(d: Decision, nodes: list[Node], edges: list[Edge]):
    out = []
    for n in nodes:
        if n.id == d.target and n.name != d.value:
            aliases = sorted({*n.aliases, n.name} - {d.value})
            n = n.model_copy(update={"name": d.value, "aliases": aliases})
        out.append(n)
    return out, edges


def _merge(d: Decision, nodes: list[Node], edges: list[Edge]):
    """(value: the kept node's name when decided; the merged one's becomes an alias, so a
    report that names only the merged one cannot rename the kept one.)"""
    return _move(nodes, edges, d.target, d.into, None, name=d.value)


def _retype(d: Decision, nodes: list[Node], edges: list[Edge]):
    return _move(nodes, edges, d.target, f"{d.value}:{d.target.split(':', 1)[1]}", d.value)


def _move(nodes: list[Node], edges: list[Edge], old: str, new: str, label: str | None, name: str | None = None):
    """Node `old` under id `new` (and `label`), its edges following with keys recomputed;
    loops, and edges the ontology does not allow at the new label, dropped."""
    onto = ontology()
    out = []
    for n in nodes:
        if n.id == old:
            keep = onto.label_properties(label or n.label)
            props = {k: v for k, v in n.props.items() if k in keep}
            props["merged_ids"] = sorted({*(props.get("merged_ids") or []), old})
            update = {"id": new, "label": label or n.label, "props": props}
            if name and name != n.name:
                update.update(name=name, aliases=sorted({*n.aliases, n.name} - {name}))
            n = n.model_copy(update=update)
        out.append(n)
    labels = {n.id: n.label for n in out}
    moved = []
    for e in edges:
        if old not in (e.source, e.target):
            moved.append(e)
            continue
        source, target = (new if e.source == old else e.source), (new if e.target == old else e.target)
        if source == target:
            continue
        ends = (labels.get(source), labels.get(target))
        if label and None not in ends and ends not in onto.endpoints(e.type):
            continue
        moved.append(e.model_copy(update={"source": source, "target": target,
                                          "key": fact_key(source, e.type, target, e.props)}))
    return out, moved


def _split(d: Decision, nodes: list[Node], edges: list[Edge]):
    """The alias becomes a node of its own; the quotes, and the facts all of whose quotes,
    name the alias and no other name of the node go with it."""
    old = next(n for n in nodes if n.id == d.target)
    alias = d.value
    if _plain(alias) not in {_plain(a) for a in old.aliases}:
        return nodes, edges
    new_id = f"{old.label}:{slug(alias)}"
    if new_id == old.id:
        new_id += "-split"
    others = [n for n in {old.name, *old.aliases} if _plain(n) != _plain(alias)]
    only_alias = lambda quote: _names(alias, quote) and not any(_names(n, quote) for n in others)  # noqa: E731
    quotes = [q for q in old.evidence if only_alias(q)]
    reports = _reports(quotes) or old.sources
    split = Node(id=new_id, label=old.label, name=alias, sources=reports, evidence=quotes)
    kept = old.model_copy(update={"aliases": [a for a in old.aliases if _plain(a) != _plain(alias)],
                                  "evidence": [q for q in old.evidence if q not in quotes]})
    out_edges = []
    for e in edges:
        mine = [q for q in e.evidence if only_alias(q)] if old.id in (e.source, e.target) else []
        if not mine:
            out_edges.append(e)
            continue
        rest = [q for q in e.evidence if q not in mine]
        if rest:  # (the quotes that name the node stay with it, their reports with them)
            out_edges.append(e.model_copy(update={"evidence": rest, "sources": _reports(rest)}))
        source = new_id if e.source == old.id else e.source
        target = new_id if e.target == old.id else e.target
        out_edges.append(e.model_copy(update={"source": source, "target": target, "evidence": mine,
                                              "sources": _reports(mine),
                                              "key": fact_key(source, e.type, target, e.props)}))
    out_edges += [Edge(source=r, target=new_id, type="MENTIONS", key=fact_key(r, "MENTIONS", new_id, {}), sources=[r])
                  for r in split.sources]  # (provenance you can traverse, as every node has)
    return [kept if n.id == old.id else n for n in nodes] + [split], out_edges


def _reports(quotes: list[str]) -> list[str]:
    """The report ids of evidence quotes ('Report:abc:120-250 ...' -> 'Report:abc')."""
    return sorted({":".join(q.split(":", 2)[:2]) for q in quotes})


def _plain(text: str) -> str:
    """'Kim Jong-un' and 'kim jong un' are one spelling."""
    return " ".join(re.sub(r"[-‐‑–—_.]", " ", text.lower()).split())


def _names(name: str, quote: str) -> bool:
    return re.search(r"\b" + re.escape(_plain(name)) + r"\b", _plain(quote)) is not None


STEPS = {"reject": _reject_node, "rename": _rename, "merge": _merge, "retype": _retype, "split": _split}

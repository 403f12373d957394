"""Per-report state shared by the extraction rules: the parsed doc, the typed
mentions, the graph builder and the report's dates."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.builder import GraphBuilder
from kg.extract.gazetteer import Gazetteer
from kg.extract.normalize import fold, slug


def doc_text(doc) -> str:
    """The document's text, read once: spaCy's doc.text joins every token anew on each call."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def is_headline(sent: Span) -> bool:
    """'Grain Ships Leave Ukraine's Black Sea Ports': title case (its verbs too), so capitals name nothing."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.7 \
        and not any(t.pos_ == "VERB" and t.is_lower for t in sent)  # a sentence dense with names still has a verb


def in_lede(sent: Span) -> bool:
    """Is this one of the first two sentences of the body (a title-case headline does not count)?
    A news lede tells the day's news."""
    body = [s for s in sent.doc.sents if not is_headline(s) and s.text.strip()]
    return any(sent.start == s.start for s in body[:2])


@dataclass
class Mention:
    """A typed reference to a node in the text."""

    start: int  # token index
    end: int  # token index (exclusive)
    label: str
    node: str
    text: str
    via: str = "name"  # name, demonym, metonym, acronym, pronoun, short name, dateline

    def tokens(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


@dataclass
class ReportContext:
    doc: Doc
    builder: GraphBuilder
    gaz: Gazetteer
    published: str | None
    mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    goods_models: dict[str, set[str]] | None = None  # goods class -> the models the report names (kg.extract.goods)

    def index(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def add_mention(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.index()

    def in_span(self, start: int, end: int, label: str | None = None) -> list[Mention]:
        """Mentions that lie inside tokens [start, end)."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end and (label is None or m.label == label):
                out.append(m)
            i += 1
        return out

    def at(self, token: Token) -> Mention | None:
        """The mention covering a token, if any."""
        i = bisect_left(self._starts, token.i + 1) - 1
        while i >= 0 and self.mentions[i].start >= token.i - 12:
            m = self.mentions[i]
            if m.start <= token.i < m.end:
                return m
            i -= 1
        return None

    def evidence(self, sent: Span) -> str:
        return self.builder.evidence(sent.start_char, sent.end_char, sent.text)

    def merge(self, old: str, new: str, pending: tuple = ()) -> None:
        """One thing found under two nodes: fold them, and every mention (also those not yet
        indexed, `pending`) follows."""
        self.builder.merge_node(old, new)
        for m in [*self.mentions, *pending]:
            if m.node == old:
                m.node = new

    def add_place(self, name: str, kind: str, sent: Span, **props) -> str:
        """A place a rule found outside the gazetteer, keyed by its folded name (so spellings
        with and without accents meet); returns its node id."""
        return self.builder.add_node("Place:" + slug(fold(name)), "Place", name, kind=kind,
                                     evidence=self.evidence(sent), **props)

    def sentence_index(self, sent: Span) -> int:
        return sent.start

    def forget(self, mention: Mention) -> None:
        """A mention read wrongly: gone, and its node too if nothing else names it."""
        self.mentions.remove(mention)
        self.index()
        if not self.mentioned(mention.node):
            self.builder.drop_node(mention.node)

    def mentioned(self, node_id: str, besides: tuple = ()) -> bool:
        """Does any mention (other than those given) still refer to this node?"""
        return any(m.node == node_id and m not in besides for m in self.mentions)

    def state_of(self, node: str) -> str | None:
        """The state a place lies in (added if new), or the state itself."""
        acc = self.builder.nodes.get(node)
        if acc is None:
            return None
        if acc.label == "State":
            return node
        country = acc.props.get("country")
        entry = self.gaz.lookup(country, "State") if country else None
        return self.builder.add_node(entry.key, "State", entry.name, iso=entry.country) if entry else None

    def role_state(self, person: str) -> str | None:
        """The state a person holds a role in directly ('Minister of Defence of Russia')."""
        for edge in self.builder.edges.values():
            if edge.source == person and edge.type == "HOLDS_ROLE" and self.label_of(edge.target) == "State":
                return edge.target
        return None

    def dateline(self) -> Mention | None:
        """The place (or state) the report is filed from, if it opens with one ('MANILA –')."""
        return next((m for m in self.mentions if m.via == "dateline"), None)

    def label_of(self, node_id: str) -> str:
        return self.builder.nodes[node_id].label

    def name_of(self, node_id: str) -> str:
        return self.builder.nodes[node_id].name

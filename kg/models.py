"""Plain data passed between the steps: reports, evidence, nodes, edges.

Every model forbids unknown fields, so a typo at a boundary fails loudly.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def report_node_id(report: str) -> str:
    """'abc123' or 'Report:abc123' -> 'Report:abc123' (users may type either)."""
    return report if report.startswith("Report:") else f"Report:{report}"


class Report(Model):
    """One report: its text and what is known about where it came from."""

    id: str
    text: str
    path: str = ""
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None
    pages: list[int] = Field(default_factory=list)  # where each page of a PDF starts (character offsets)

    @property
    def node_id(self) -> str:
        """The Report node's id, which is also what every 'sources' list holds."""
        return report_node_id(self.id)

    def meta(self) -> dict[str, Any]:
        """Properties of the Report node (the text itself stays out of the graph)."""
        fields = ("title", "publisher", "published", "author", "url", "path")
        return {f: getattr(self, f) for f in fields if getattr(self, f)}


class Evidence(Model):
    """Where a fact was read: report id, page (PDFs), character span, and the sentence."""

    report: str
    start: int
    end: int
    text: str
    page: int | None = None

    def render(self) -> str:
        quote = " ".join(self.text.split())
        if len(quote) > 400:
            quote = quote[:397] + "..."
        page = f"p{self.page}:" if self.page else ""
        return f"{self.report}:{page}{self.start}-{self.end} {quote}"


class Node(Model):
    id: str
    label: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    props: dict[str, Any] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class Edge(Model):
    source: str
    target: str
    type: str
    props: dict[str, Any] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    key: str = ""


class Extraction(Model):
    """What one report contributes to the graph."""

    report: Report
    nodes: list[Node]
    edges: list[Edge]


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short deterministic hash of the parts (same on every machine and run)."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]

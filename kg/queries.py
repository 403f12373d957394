"""Saved queries: queries/*.cypher, one per file, with a comment header.

    // Who attended an event                       <- title (Neo4j Browser shows it)
    // name: who-attended
    // description: ...
    // param event: string - part of the event name, e.g. "state visit"
    // param since: string? - optional (a trailing ? means optional, default null)
    // example: kg ask who-attended --param event="state visit"

Every query ends by taking at most $limit rows, ordered first and enriched after
(roles, counts), so an answer costs the same however large the graph grows.
"""

from __future__ import annotations

import difflib
import json
import re
import shlex
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import QueryError
from kg.paths import data_dir

_PARAM = re.compile(r"^//\s*param\s+(\w+)\s*:\s*(\w+)(\?)?\s*(?:[-—–]\s*(.*))?$")
_FIELD = re.compile(r"^//\s*(name|description|example)\s*:\s*(.*)$")
TYPES = {"string": str, "int": int, "float": float, "bool": bool}
DEFAULT_LIMIT = 100  # rows a saved query returns unless asked for more: a screenful, and fast at any size
ALL_ROWS = 2**31 - 1  # what --limit 0 sends: LIMIT takes a positive integer


@dataclass
class Param:
    name: str
    type: str
    optional: bool
    description: str = ""


@dataclass
class SavedQuery:
    name: str
    title: str
    description: str
    cypher: str
    path: Path
    params: list[Param] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)

    def bind(self, given: dict[str, str], limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
        """Check and convert CLI parameters against the header; add $limit, the most rows
        to return (0 for all), which every saved query takes."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r}; "
                             f"expected: {self.signature()}")
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name not in given:
                if not p.optional:
                    raise QueryError(f"query {self.name!r} needs --param {p.name}=...; "
                                     f"expected: {self.signature()}")
                out[p.name] = None
                continue
            try:
                value = given[p.name]
                out[p.name] = value.lower() in {"1", "true", "yes"} if p.type == "bool" \
                    else TYPES[p.type](value)
            except (ValueError, KeyError) as e:
                raise QueryError(f"query {self.name!r}: {p.name}={given[p.name]!r} "
                                 f"is not a {p.type}") from e
        if limit < 0:
            raise QueryError(f"--limit must be 0 (all rows) or more, not {limit}")
        out["limit"] = limit or ALL_ROWS
        return out

    def signature(self) -> str:
        parts = [f"{p.name}:{p.type}{'?' if p.optional else ''}" for p in self.params]
        return ", ".join(parts) or "(no parameters)"


def parse_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    header = []
    for line in lines:
        if not line.startswith("//"):
            break
        header.append(line.strip())
    title = header[0].lstrip("/ ").strip() if header else path.stem
    fields: dict[str, str] = {}
    params, examples = [], []
    for line in header[1:]:
        if m := _PARAM.match(line):
            if m.group(2) not in TYPES:
                raise QueryError(f"{path}: parameter {m.group(1)} has unknown type {m.group(2)!r}")
            params.append(Param(m.group(1), m.group(2), bool(m.group(3)), m.group(4) or ""))
        elif m := _FIELD.match(line):
            if m.group(1) == "example":
                examples.append(m.group(2).strip())
            else:
                fields[m.group(1)] = m.group(2).strip()
    name = fields.get("name", path.stem)
    if name != path.stem:
        raise QueryError(f"{path}: header name {name!r} differs from the file name")
    body = "\n".join(lines[len(header):]).strip()
    return SavedQuery(name, title, fields.get("description", ""), body, path, params, examples)


@cache
def library() -> dict[str, SavedQuery]:
    """Every saved query shipped with kg, by name."""
    return {q.name: q for q in (parse_query(p) for p in sorted(data_dir("queries").glob("*.cypher")))}


def get_query(name: str) -> SavedQuery:
    queries = library()
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3)
    hint = f"; did you mean {' or '.join(close)}?" if close else f"; known: {', '.join(queries)}"
    raise QueryError(f"no saved query named {name!r}{hint}")


def example_params(example: str) -> dict[str, str]:
    """The --param key=value pairs of a header example line."""
    words, out = shlex.split(example), {}
    for flag, pair in zip(words, words[1:]):
        if flag in {"--param", "-p"} and "=" in pair:
            key, value = pair.split("=", 1)
            out[key] = value
    return out


def browser_params(query: SavedQuery) -> str:
    """The first example's parameters as a Neo4j Browser ':param' line ('' if none)."""
    if not query.examples:
        return ""
    values: dict[str, Any] = dict(query.bind(example_params(query.examples[0])))
    if not values:
        return ""
    body = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items())
    return f":param {{{body}}}"


def bundle(path: Path) -> int:
    """A zip of the library that Neo4j Browser imports as saved scripts, in a 'kg' folder.

    Each script keeps its title as the first comment line (Browser shows it as the
    name) and gains a comment with the ':param' line to run first.
    """
    queries = library()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for q in queries.values():
            text = q.path.read_text(encoding="utf-8")
            first, rest = text.split("\n", 1)
            params = browser_params(q)
            hint = f"// Run first in Browser: {params}\n" if params else ""
            info = zipfile.ZipInfo(f"kg/{q.name}.cypher", date_time=(2024, 1, 1, 0, 0, 0))
            zf.writestr(info, first + "\n" + hint + rest)
    return len(queries)

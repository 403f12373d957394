"""Read report files (plain text, Markdown, HTML) into Report models.

Refuses what it cannot read faithfully - empty, binary, oversized, undecodable
files, bad front matter - with an InvalidReport that names the file.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import yaml

from kg.documents import DOCUMENT_SUFFIXES, html_main_text, html_metadata, read_document
from kg.errors import InvalidReport
from kg.models import Report, stable_hash

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | DOCUMENT_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024
META_FIELDS = {"title", "publisher", "published", "author", "url", "date", "source"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"%PDF", b"\x1f\x8b",
                b"\x7fELF", b"BM", b"II*\x00", b"MM\x00*")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def iter_report_paths(paths: list[Path]) -> Iterator[Path]:
    """Files named directly, and report files found in folders (sorted, recursive)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES - {""} \
                        and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_report(path: Path) -> Report:
    """Read one report file; raise InvalidReport naming the file and the problem. Metadata:
    the document's own (PDF info, Word properties, e-mail headers, a web page's <meta>),
    then front matter, then a sidecar `<file>.yaml` beside it, each overriding the last."""
    suffix = path.suffix.lower()
    pages: list[int] = []
    if suffix in DOCUMENT_SUFFIXES:
        meta, body, pages = read_document(path, _read_bytes(path, binary=True))
    else:
        text = _decode(path, _read_bytes(path))
        found, body = _split_front_matter(path, text)
        meta = {}
        if suffix in HTML_SUFFIXES:
            meta = html_metadata(body)
            body = html_main_text(body) or html_to_text(body)
        elif suffix in MARKDOWN_SUFFIXES:
            body = markdown_to_text(body)
        meta.update(found)
    meta.update(_sidecar(path))
    body = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    body = CONTROL.sub(" ", body)  # stray control characters: no meaning in text, trouble in exports
    if not body.strip():
        raise InvalidReport(f"{path}: the report has no text")
    meta = {k: v for k, v in meta.items() if k in Report.model_fields}
    if "published" in meta and not DATE_RE.match(meta["published"]):
        del meta["published"]  # (a document's own date that is no ISO date: better none than a wrong one)
    return Report(id=report_id(body), text=body, path=str(path), pages=pages, **meta)


def _sidecar(path: Path) -> dict[str, str]:
    """Metadata from `<file>.yaml` beside the report (for files that cannot hold front matter)."""
    side = path.with_name(path.name + ".yaml")
    if not side.is_file():
        return {}
    meta, _ = _split_front_matter(side, f"---\n{side.read_text(encoding='utf-8')}\n---\n")
    return meta


def report_id(text: str) -> str:
    """Content hash: the same text is the same report wherever it comes from."""
    return stable_hash(" ".join(text.split()))


def _read_bytes(path: Path, binary: bool = False) -> bytes:
    try:
        if not path.exists():
            raise InvalidReport(f"{path}: no such file or folder")
        if path.is_dir():
            raise InvalidReport(f"{path}: is a folder with no reports in it")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidReport(
                f"{path}: {size / 1e6:.0f} MB is over the {MAX_BYTES // 2**20} MiB limit for one report; "
                "split it into several files")
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise InvalidReport(f"{path}: cannot read: {e.strerror or e}") from e
    if not raw.strip():
        raise InvalidReport(f"{path}: the file is empty")
    if not binary and (raw.startswith(BINARY_MAGIC) or b"\x00" in raw[:8192]):
        raise InvalidReport(f"{path}: looks like a binary file, not a text report")
    return raw


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise InvalidReport(f"{path}: not UTF-8 and its encoding cannot be detected")
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.98 * len(text):
        raise InvalidReport(f"{path}: not UTF-8 and does not decode cleanly as {best.encoding}")
    return text


def _split_front_matter(path: Path, text: str) -> tuple[dict[str, str], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as e:
        raise InvalidReport(f"{path}: front matter is not valid YAML ({_first_line(e)})") from e
    if not isinstance(meta, dict):
        raise InvalidReport(f"{path}: front matter must be 'key: value' lines")
    unknown = sorted(str(k) for k in meta if k not in META_FIELDS)
    if unknown:
        raise InvalidReport(f"{path}: unknown front matter field(s) {', '.join(unknown)}; "
                            f"allowed: {', '.join(sorted(META_FIELDS))}")
    meta = {k: str(v).strip() for k, v in meta.items() if v is not None}
    if "date" in meta:
        meta.setdefault("published", meta.pop("date"))
    if "source" in meta:
        meta.setdefault("url", meta.pop("source"))
    if "published" in meta and not DATE_RE.match(meta["published"]):
        raise InvalidReport(f"{path}: published={meta['published']!r} is not an ISO date "
                            "(2024, 2024-06 or 2024-06-25)")
    return meta, text[match.end():]


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
             "article", "header", "footer", "blockquote", "ul", "ol", "table", "title"}
    SKIP = {"script", "style", "noscript", "nav", "svg", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block per line."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def markdown_to_text(markup: str) -> str:
    """Markdown without its markup, read by a CommonMark parser (markdown-it-py): headings,
    emphasis, links and images become their text, code blocks go, one block per line, a list
    item keeps a bullet."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markup)
    blocks: list[str] = []
    for i, token in enumerate(tokens):
        if token.type != "inline":
            continue
        words = [" " if c.type in {"softbreak", "hardbreak"} else c.content
                 for c in token.children or [] if c.type in {"text", "code_inline", "image", "softbreak", "hardbreak"}]
        bullet = "• " if i >= 2 and tokens[i - 2].type == "list_item_open" else ""
        blocks.append(bullet + " ".join("".join(words).split()))
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"

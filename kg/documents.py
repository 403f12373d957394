"""Reports as analysts receive them: PDF, Word, e-mail and web pages, read by maintained
libraries into text and metadata (title, author, date), so relative dates resolve and the
Report node says where the text came from. Front matter or a sidecar still overrides.

Each reader returns (metadata, text, page starts); page starts are the character offsets
where a PDF's pages begin, so every evidence quote can say on which page it was read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from kg.errors import InvalidReport

PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
EMAIL_SUFFIXES = {".eml"}
DOCUMENT_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES | EMAIL_SUFFIXES

Read = tuple[dict[str, str], str, list[int]]


def read_document(path: Path, raw: bytes) -> Read:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return read_pdf(path, raw)
    if suffix in DOCX_SUFFIXES:
        return read_docx(path, raw)
    return read_email(path, raw)


def _iso(value) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    return None


def _meta(**values) -> dict[str, str]:
    return {k: " ".join(str(v).split()) for k, v in values.items() if v and str(v).strip()}


def _paragraphs(text: str) -> str:
    """A page laid out as lines (pypdf's layout mode, where a vertical gap is a blank line) as
    paragraphs: the lines of a block joined by spaces (a PDF breaks lines where the column
    ends, not where the writer did), blocks apart."""
    blocks = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(j for b in blocks if (j := " ".join(b.split())))


def read_pdf(path: Path, raw: bytes) -> Read:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise InvalidReport(f"{path}: the PDF is encrypted; save an unlocked copy first")
        pages = [_paragraphs(page.extract_text(extraction_mode="layout") or "") for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError) as e:
        raise InvalidReport(f"{path}: not a readable PDF ({str(e).splitlines()[0] if str(e) else type(e).__name__})") from e
    if not any(p.strip() for p in pages):
        raise InvalidReport(f"{path}: the PDF has no text layer (a scanned image?); run OCR on it first "
                            "(e.g. ocrmypdf) and load the result")
    starts, text = [], ""
    for page in pages:
        if not page:
            starts.append(len(text))
            continue
        glue = "" if not text else " " if not re.search(r"[.!?:\"”')\]]$", text) else "\n\n"
        text += glue  # (a sentence that runs on over the page break is one sentence)
        starts.append(len(text))
        text += page
    meta = _meta(title=info.title if info else None, author=info.author if info else None,
                 published=_iso(info.creation_date) if info else None)
    return meta, text + "\n", starts


def read_docx(path: Path, raw: bytes) -> Read:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, ValueError, KeyError) as e:
        raise InvalidReport(f"{path}: not a readable Word document (.docx)") from e
    blocks = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    for table in document.tables:  # (after the body text: a table's cells, one row per line)
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                blocks.append(" | ".join(dict.fromkeys(cells)))
    props = document.core_properties
    meta = _meta(title=props.title, author=props.author, published=_iso(props.created))
    return meta, "\n\n".join(blocks) + "\n", []


def read_email(path: Path, raw: bytes) -> Read:
    from kg.ingest import html_to_text

    message = BytesParser(policy=policy.default).parsebytes(raw)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise InvalidReport(f"{path}: the e-mail has no text part")
    text = body.get_content()
    if body.get_content_subtype() == "html":
        text = html_to_text(text)
    published = None
    if message["date"]:
        try:
            published = parsedate_to_datetime(str(message["date"])).date().isoformat()
        except (TypeError, ValueError):
            published = None
    meta = _meta(title=message["subject"], author=message["from"], published=published)
    return meta, text, []


def html_metadata(markup: str) -> dict[str, str]:
    """Title, author and publication date of a web page (<title>, <meta>, Open Graph,
    JSON-LD), as trafilatura reads them."""
    from trafilatura import extract_metadata

    found = extract_metadata(markup)
    if found is None:
        return {}
    date = found.date if found.date and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", found.date) else None
    return _meta(title=found.title, author=found.author, published=date, publisher=found.sitename, url=found.url)


def html_main_text(markup: str) -> str | None:
    """The article of a web page without its navigation, ads and footers (trafilatura), or
    None when it finds none (a fragment, a page of links)."""
    from trafilatura import extract

    text = extract(markup, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    if not text or not text.strip():
        return None
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"  # one block a line

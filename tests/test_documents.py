"""Reports as analysts have them (issue 18): a seed written as PDF, Word, a web page and an
e-mail gives the facts of its text version, with the document's own metadata; a scanned PDF
is refused in one line. The documents are made here with real writers (fpdf2, python-docx,
the stdlib's email), then read by kg's real readers and extraction."""

import datetime as dt
import unicodedata
from email.message import EmailMessage
from pathlib import Path

import pytest

from kg.errors import InvalidReport
from kg.extract.pipeline import extract
from kg.ingest import read_report
from tests.conftest import SEEDS, run_kg

SEED = SEEDS / "000_05fd45c6ef7ea26c.txt"
TITLE = "Russia-North Korea strategic treaty"


def _paragraphs() -> list[str]:
    """The seed's body as paragraphs, in Latin-1 (the PDF writer's core fonts), so that every
    version holds exactly the same words."""
    body = read_report(SEED).text
    latin = unicodedata.normalize("NFKD", body).translate(str.maketrans("‘’“”–—", "''\"\"--"))
    latin = latin.encode("latin-1", "ignore").decode("latin-1")
    return [" ".join(p.split()) for p in latin.split("\n\n") if p.strip()]


def _facts(path: Path) -> set[tuple]:
    x = extract(read_report(path))
    names = {n.id: (n.label, n.name) for n in x.nodes if n.label != "Report"}
    return set(names.values()) | {(names[e.source], e.type, names[e.target]) for e in x.edges
                                  if e.source in names and e.target in names}


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("documents")
    paras = _paragraphs()
    text = folder / "seed.txt"
    text.write_text(f"---\ntitle: {TITLE}\nauthor: Janes\npublished: 2024-06-25\n---\n" + "\n\n".join(paras) + "\n",
                    encoding="utf-8")  # (the same metadata: relative dates resolve alike)

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(TITLE)
    pdf.set_author("Janes")
    pdf.set_creation_date(dt.datetime(2024, 6, 25, tzinfo=dt.UTC))
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for i, p in enumerate(paras):
        if i == len(paras) // 2:
            pdf.add_page()  # a second page: quotes from it must say so
        pdf.multi_cell(0, 6, p)
        pdf.ln(6)
    pdf.output(str(folder / "seed.pdf"))

    import docx

    document = docx.Document()
    for p in paras:
        document.add_paragraph(p)
    document.core_properties.title = TITLE
    document.core_properties.author = "Janes"
    document.core_properties.created = dt.datetime(2024, 6, 25)
    document.save(str(folder / "seed.docx"))

    html = "".join(f"<p>{p}</p>" for p in paras)
    (folder / "seed.html").write_text(
        f"<html><head><title>{TITLE}</title><meta property='og:site_name' content='Janes'>"
        f"<meta property='article:published_time' content='2024-06-25'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>{html}</article>"
        f"<footer>Copyright and cookie policy</footer></body></html>", encoding="utf-8")

    mail = EmailMessage()
    mail["Subject"] = TITLE
    mail["From"] = "Janes <news@example.org>"
    mail["Date"] = "Tue, 25 Jun 2024 09:00:00 +0000"
    mail.set_content("\n\n".join(paras) + "\n")
    (folder / "seed.eml").write_bytes(bytes(mail))
    return {s: folder / f"seed.{s}" for s in ("txt", "pdf", "docx", "html", "eml")}


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "eml"])
def test_a_document_gives_the_facts_of_its_text(versions, kind):
    assert _facts(versions[kind]) == _facts(versions["txt"])


@pytest.mark.parametrize("kind", ["pdf", "docx", "html", "eml"])
def test_a_documents_own_metadata_is_read(versions, kind):
    report = read_report(versions[kind])
    assert report.title == TITLE and report.published == "2024-06-25", report
    assert "Janes" in (report.author or report.publisher or ""), report


def test_a_pdf_quote_says_its_page(versions):
    report = read_report(versions["pdf"])
    assert len(report.pages) >= 2
    evidence = [e for n in extract(report).nodes for e in n.evidence]
    assert any(":p2:" in e for e in evidence) and any(":p1:" in e for e in evidence)


def test_a_sidecar_overrides_the_documents_metadata(versions, tmp_path):
    copy = tmp_path / "brief.docx"
    copy.write_bytes(versions["docx"].read_bytes())
    (tmp_path / "brief.docx.yaml").write_text("publisher: Janes Intelligence Review\npublished: 2024-06-26\n")
    report = read_report(copy)
    assert (report.publisher, report.published, report.title) == ("Janes Intelligence Review", "2024-06-26", TITLE)


def test_a_scanned_pdf_is_refused_in_one_line(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 50, style="F")  # an image of a page: no text layer
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InvalidReport, match="no text layer"):
        read_report(path)
    proc = run_kg(tmp_path / "home", "load", str(path), check=False)
    assert proc.returncode == 1 and "no text layer" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_a_folder_loads_its_documents(versions, tmp_path):
    proc = run_kg(tmp_path / "home", "load", str(versions["pdf"].parent))
    assert "failed 0" in proc.stderr, proc.stderr
    status = run_kg(tmp_path / "home", "status", "--format", "csv").stdout
    assert sum(line.startswith("report,") for line in status.splitlines()) == 1  # five files, one text: one report

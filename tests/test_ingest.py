from pathlib import Path

import pytest

from kg.errors import InvalidReport
from kg.ingest import read_report


def test_front_matter_is_metadata(tmp_path: Path):
    f = tmp_path / "r.txt"
    f.write_text('---\ntitle: "A report"\npublisher: Janes\npublished: 2024-06-25\n---\nBody text here.\n')
    report = read_report(f)
    assert (report.title, report.publisher, report.published) == ("A report", "Janes", "2024-06-25")
    assert report.text == "Body text here.\n"


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"---\nweather: sunny\n---\ntext\n", "unknown front matter field"),
    (b"---\npublished: yesterday\n---\ntext\n", "not an ISO date"),
])
def test_bad_files_are_refused_with_the_file_named(tmp_path: Path, content: bytes, problem: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(InvalidReport, match=problem) as info:
        read_report(f)
    assert str(f) in str(info.value)


def test_bom_and_latin1_are_decoded(tmp_path: Path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffPutin visited Pyongyang.".encode())
    assert read_report(f).text.startswith("Putin")
    g = tmp_path / "latin1.txt"
    g.write_bytes("Le président Macron a visité Malacañang à Manille.".encode("latin-1"))
    assert "président" in read_report(g).text

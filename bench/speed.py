"""Extraction speed on real reports against spaCy alone (the issue's 'at least half of spaCy').

    python -m bench.speed PATH... [--repeat 3] [--out bench/out/speed.json]

Reads the reports as `kg load` does, then times, best of --repeat: en_core_web_sm alone
(nlp.pipe, kg's batch size) and kg's whole extraction (extract_many). A synthetic corpus
(bench/run.py) says how cost grows; this says what real prose costs.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.run import _spacy_alone, _words
from kg.extract.pipeline import extract_many
from kg.ingest import iter_report_paths, read_report


def _kg_alone(reports) -> float:
    started = time.perf_counter()
    for _ in extract_many(reports):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    reports = [read_report(p) for p in iter_report_paths(args.paths)]
    texts = [r.text for r in reports]
    words = _words(texts)
    _kg_alone(reports[:1])  # load the model and the gazetteers once, outside the timing
    spacy = min(_spacy_alone(texts) for _ in range(args.repeat))
    kg = min(_kg_alone(reports) for _ in range(args.repeat))
    result = {"reports": len(reports), "words": words, "spacy_words_per_s": round(words / spacy),
              "kg_words_per_s": round(words / kg), "ratio": round(spacy / kg, 2)}
    table = Table("reports", "words", "spaCy alone (words/s)", "kg extraction (words/s)", "kg / spaCy")
    table.add_row(*(str(result[k]) for k in ("reports", "words", "spacy_words_per_s", "kg_words_per_s", "ratio")))
    Console().print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()

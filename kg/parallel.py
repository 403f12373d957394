"""Extraction in worker processes: a pure function report -> extraction, so it spreads over
cores with nothing shared but the reports going in and the extractions coming out.

Each worker loads its own spaCy pipeline once (the first chunk it is given) and parses its
chunks with nlp.pipe, as a single process does. Results come back in input order, so a
load writes the same transactions in the same order and gives a byte-identical graph for
every number of workers. A worker that dies (killed, out of memory) loses nothing: its chunk
and every chunk not yet done are extracted in this process instead.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kg.models import Extraction, Report
from kg.processes import die_with_parent

CHUNK = 16  # reports per task: the batch nlp.pipe parses at once (kg.extract.pipeline.BATCH_SIZE)
AUTO_MIN_REPORTS = 24  # below this, starting workers (a model load each) costs more than it saves


def available_cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on Linux)
        return os.cpu_count() or 1


def jobs_for(requested: int | None, reports: int) -> int:
    """-j N as given; without it, every available core when the load is big enough to pay
    for starting the workers, else one process."""
    if requested:
        return max(1, requested)
    return available_cores() if reports >= AUTO_MIN_REPORTS else 1


def extract_reports(reports: Iterable[Report], jobs: int = 1) -> Iterator[Extraction]:
    """Extractions of the reports, in their order, on `jobs` processes."""
    from kg.extract.pipeline import extract_many

    items = list(reports)
    if jobs <= 1 or len(items) <= 1:
        yield from extract_many(items)
        return
    context = multiprocessing.get_context("spawn")  # (no fork of a process holding threads and sockets)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=die_with_parent) as pool:
        yield from in_order(lambda chunk: pool.submit(extract_chunk, chunk), chunked(items, jobs), 2 * jobs)


def chunked(items: list[Report], workers: int) -> list[list[Report]]:
    """Chunks of at most CHUNK reports, enough of them to keep every worker busy."""
    size = max(1, min(CHUNK, math.ceil(len(items) / (2 * max(1, workers)))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def extract_chunk(reports: list[Report]) -> list[Extraction]:
    """The task a worker runs (a process of -j, or a Dask worker)."""
    from kg.extract.pipeline import extract_many

    return list(extract_many(reports))


def in_order(submit: Callable[[list[Report]], Future], chunks: list[list[Report]], limit: int) -> Iterator[Extraction]:
    """Chunks submitted with at most `limit` in flight (memory stays flat on a big corpus),
    results taken in submission order. If the workers are gone (a pool broken by a killed
    worker), the chunk waited for and every one after it are extracted in this process."""
    from kg.extract.pipeline import extract_many

    todo = deque(chunks)
    window: deque[tuple[list[Report], Future]] = deque()
    while todo or window:
        while todo and len(window) < limit:
            chunk = todo.popleft()
            window.append((chunk, submit(chunk)))
        chunk, future = window[0]
        try:
            result = future.result()
        except BrokenProcessPool:
            warnings.warn("an extraction worker died; the reports it had are extracted in this process",
                          RuntimeWarning, stacklevel=2)
            for rest in [c for c, _ in window] + list(todo):
                yield from extract_many(rest)
            return
        window.popleft()
        yield from result

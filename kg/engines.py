"""The pure extraction step on an existing distributed engine, for corpora beyond one machine.

Dask (`pip install 'kg[dask]'`) is the engine: it is Python throughout, so a worker runs
kg's own code with no serialisation layer in between (Spark would run it through a Python
bridge beside a JVM), it starts from a laptop (LocalCluster) and scales to the clusters
analysts' infrastructure teams already run (Kubernetes, SSH, HPC schedulers through
dask-jobqueue) without code changes, and its wheel is small (Ray's is an order of magnitude
larger). The client reads the reports and sends their text, so workers need kg installed but
not the files; results come back in input order and are written as the same shards the
local run writes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from kg.errors import KGError
from kg.models import Extraction, Report
from kg.parallel import chunked, extract_chunk, in_order

ENGINES = ("processes", "dask")


def extract_on_dask(reports: Iterable[Report], address: str | None, workers: int) -> Iterator[Extraction]:
    """Extractions in input order, computed on the Dask cluster at `address` (None: a local
    cluster of `workers` processes, started and stopped here)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise KGError("the dask engine needs the 'dask' extra: pip install 'kg[dask]'") from None
    items = list(reports)
    if not items:
        return
    cluster = None
    try:
        if address:
            client = Client(address, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, RuntimeError, TimeoutError) as e:
        where = f"the Dask scheduler at {address}" if address else "a local Dask cluster"
        raise KGError(f"cannot start or reach {where}: {str(e).splitlines()[0]}") from None
    try:
        limit = 4 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        yield from in_order(lambda chunk: client.submit(extract_chunk, chunk, pure=False), chunked(items, workers),
                            limit)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

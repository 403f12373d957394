"""Past one process (issue 20): -j N, extraction shards and the Dask engine give the same
graph as one process. Real extraction, real embedded store, real worker processes."""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from bench.generate import write_corpus
from kg.export import graph_from_store
from kg.graph import node_link_json
from kg.loading import load_paths
from kg.store.embedded import EmbeddedStore
from tests.conftest import SEEDS, run_kg


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    write_corpus(folder / "generated", 40)
    return folder


def _load(home: Path, paths: list[Path], jobs: int | None = None) -> str:
    with EmbeddedStore(home) as store:
        load_paths(store, paths, jobs=jobs)
        return node_link_json(graph_from_store(store))


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory) -> str:
    return _load(tmp_path_factory.mktemp("j1"), [corpus], jobs=1)


def test_two_workers_give_the_graph_of_one_process(corpus, one_process, tmp_path):
    assert '"Report"' in one_process
    assert _load(tmp_path / "j2", [corpus], jobs=2) == one_process


def test_shards_are_deterministic_resumable_and_load_to_the_same_graph(corpus, one_process, tmp_path):
    run_kg(tmp_path, "extract", str(corpus), "-o", str(tmp_path / "a"), "-j", "2")
    run_kg(tmp_path, "extract", str(corpus), "-o", str(tmp_path / "b"), "-j", "1")
    lines = lambda d: sorted(line for p in sorted(d.glob("part-*.jsonl")) for line in p.read_text().splitlines())  # noqa: E731
    assert lines(tmp_path / "a") == lines(tmp_path / "b")
    # resumed: a first run that got only the seeds, then the whole corpus
    run_kg(tmp_path, "extract", *map(str, sorted(corpus.glob("*.txt"))), "-o", str(tmp_path / "c"))
    again = run_kg(tmp_path, "extract", str(corpus), "-o", str(tmp_path / "c"))
    assert "already in" in again.stderr and len(list((tmp_path / "c").glob("part-*.jsonl"))) == 2
    assert lines(tmp_path / "c") == lines(tmp_path / "a")
    with EmbeddedStore(tmp_path / "home") as store:
        load_paths(store, [tmp_path / "c"])
        assert node_link_json(graph_from_store(store)) == one_process


def test_shards_merged_in_any_order_give_the_same_graph(corpus, one_process, tmp_path):
    run_kg(tmp_path, "extract", str(corpus), "-o", str(tmp_path / "all"))
    part = next((tmp_path / "all").glob("part-*.jsonl"))
    records = part.read_text().splitlines()
    folders = []
    for name, chunk in (("x", records[::2]), ("y", records[1::2])):  # two folders, records interleaved
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(tmp_path / "all" / "kg-extractions.json", folder)
        (folder / "part-00000.jsonl").write_text("\n".join(reversed(chunk)) + "\n")
        folders.append(folder)
    assert _load(tmp_path / "h1", folders) == one_process
    assert _load(tmp_path / "h2", folders[::-1]) == one_process


def test_a_bad_record_is_one_line_naming_the_file_and_nothing_is_written(corpus, tmp_path):
    run_kg(tmp_path, "extract", *map(str, sorted(corpus.glob("*.txt"))), "-o", str(tmp_path / "s"))
    part = next((tmp_path / "s").glob("part-*.jsonl"))
    lines = part.read_text().splitlines()
    record = json.loads(lines[-1])
    del record["report"]["id"]
    part.write_text("\n".join([*lines[:-1], json.dumps(record)]) + "\n")
    proc = run_kg(tmp_path / "home", "load", str(tmp_path / "s"), check=False)
    assert proc.returncode == 1
    assert str(part) in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    status = run_kg(tmp_path / "home", "status", "--format", "json")
    assert '"Report"' not in status.stdout


def test_the_dask_engine_writes_the_same_shards_on_a_two_worker_local_cluster(corpus, tmp_path):
    seeds = [str(p) for p in sorted(corpus.glob("*.txt"))]
    run_kg(tmp_path, "extract", *seeds, "-o", str(tmp_path / "dask"), "--engine", "dask", "-j", "2")
    run_kg(tmp_path, "extract", *seeds, "-o", str(tmp_path / "local"), "-j", "1")
    read = lambda d: sorted((d / "part-00000.jsonl").read_text().splitlines())  # noqa: E731
    assert read(tmp_path / "dask") == read(tmp_path / "local")


def test_a_killed_worker_loses_no_report(corpus, one_process, tmp_path):
    env = {**os.environ, "KG_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "load", "-j", "2", str(corpus)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        try:
            workers = [c for c in psutil.Process(proc.pid).children() if "spawn_main" in " ".join(c.cmdline())]
            busy = [w for w in workers if w.cpu_times().user > 1.0]  # a worker with its model loaded
        except psutil.Error:  # (a process that ended while it was looked at)
            busy = []
        if busy:
            killed = busy[0].pid
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.2)
    _, stderr = proc.communicate(timeout=600)
    assert killed is not None, "no worker was seen to kill"
    assert proc.returncode == 0, stderr
    with EmbeddedStore(tmp_path / "home") as store:
        assert node_link_json(graph_from_store(store)) == one_process


def test_the_bulk_path_from_shards_to_neo4j_admin_csvs(corpus, tmp_path):
    """Shards (from any engine) -> one store -> neo4j-admin CSVs: every node and edge in the CSVs."""
    run_kg(tmp_path, "extract", str(corpus), "-o", str(tmp_path / "shards"), "-j", "2")
    run_kg(tmp_path / "home", "load", str(tmp_path / "shards"))
    run_kg(tmp_path / "home", "export", "--format", "neo4j-admin", "-o", str(tmp_path / "csv"))
    with EmbeddedStore(tmp_path / "home") as store:
        graph = graph_from_store(store)
    def rows(prefix: str) -> int:
        return sum(len(list(csv.reader(p.open(newline="", encoding="utf-8")))) - 1
                   for p in (tmp_path / "csv").glob(f"{prefix}_*.csv"))

    assert rows("nodes") == graph.number_of_nodes() and rows("rels") == graph.number_of_edges()
    assert "neo4j-admin database import full" in (tmp_path / "csv" / "import.sh").read_text()


def test_zz_no_dask_process_outlives_its_run():
    """The local clusters above are stopped by the runs that started them."""
    left = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "distributed" in " ".join(child.cmdline()) or "dask" in child.name():
                left.append(child.pid)
        except psutil.Error:
            continue
    assert not left


def test_workers_end_when_a_load_is_killed(corpus, tmp_path):
    env = {**os.environ, "KG_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "load", "-j", "2", str(corpus)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[psutil.Process] = []
    deadline = time.monotonic() + 120
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        try:
            workers = [c for c in psutil.Process(proc.pid).children(recursive=True)
                       if "spawn_main" in " ".join(c.cmdline())]
        except psutil.Error:
            workers = []
        time.sleep(0.2)
    assert len(workers) == 2, "the workers were not seen"
    proc.kill()
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, [p.pid for p in alive]

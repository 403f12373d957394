"""Bad input, interrupted loads, concurrency, retraction, injection: nothing lost,
nothing half-written. Real extraction, real embedded store, real processes."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import InvalidReport
from kg.export import graph_from_store
from kg.extract.pipeline import extract
from kg.graph import node_link_json
from kg.ingest import iter_report_paths, read_report
from kg.loading import load_paths
from kg.store.embedded import EmbeddedStore
from tests.conftest import ROOT, SEEDS, run_kg

BAD = ROOT / "tests" / "data" / "bad"
GOOD = ROOT / "tests" / "data" / "good"
BAD_FILES = sorted(BAD.iterdir())


def _export(home: Path) -> str:
    with EmbeddedStore(home) as store:
        return node_link_json(graph_from_store(store))


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.name for p in BAD_FILES])
def test_each_bad_file_is_refused_naming_the_file(path):
    with pytest.raises(InvalidReport) as info:
        read_report(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": ") and "\n" not in message


def test_odd_but_readable_files_load(tmp_path):
    texts = {p.name: read_report(p).text for p in GOOD.iterdir()}
    assert "Путин" in texts["cyrillic-cp1251.txt"]
    assert "président" in texts["french-latin1.txt"] and "Genève" in texts["french-latin1.txt"]
    assert not texts["bom-utf8.txt"].startswith("\ufeff")
    with EmbeddedStore(tmp_path / "s") as store:
        result = load_paths(store, [GOOD])
        assert len(result.loaded) == len(texts) and not result.failed
        people = {r["n"] for r in store.read("MATCH (p:Person) RETURN p.name AS n")}
    assert "Sergei Lavrov" in people


def test_a_mixed_folder_keeps_going_and_leaves_failures_out(tmp_path):
    mixed = tmp_path / "inbox"
    shutil.copytree(BAD, mixed)
    for p in GOOD.iterdir():
        shutil.copy(p, mixed / p.name)
    home = tmp_path / "home"
    stopped = run_kg(home, "load", str(mixed), check=False)  # without --keep-going: nothing is loaded
    assert stopped.returncode == 1 and "Traceback" not in stopped.stderr
    assert len([line for line in stopped.stderr.splitlines() if line.strip()]) == 1
    assert _export(home) == node_link_json(__import__("networkx").MultiDiGraph())
    proc = run_kg(home, "load", "--keep-going", str(mixed), check=False)
    assert proc.returncode == 1
    assert f"loaded {len(list(GOOD.iterdir()))}, unchanged 0, failed {len(BAD_FILES)}" in proc.stderr
    for bad in BAD_FILES:
        assert sum(bad.name in line for line in proc.stderr.splitlines() if line.startswith("failed")) == 1


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"end.\n")
    proc = run_kg(tmp_path / "home", "load", str(huge), check=False)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 1 and len(lines) == 1 and "huge.txt" in lines[0] and "limit" in lines[0]


def test_a_file_that_vanishes_mid_run_is_reported(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    paths = list(iter_report_paths([inbox]))
    paths[1].unlink()  # listed, then gone before it is read
    with EmbeddedStore(tmp_path / "home") as store:
        result = load_paths(store, paths, keep_going=True)
    assert len(result.loaded) == len(paths) - 1
    assert [p for p, _ in result.failed] == [str(paths[1])]
    assert "no such file" in result.failed[0][1]


def test_a_missing_path_is_one_line(tmp_path):
    proc = run_kg(tmp_path / "home", "load", str(tmp_path / "nowhere"), check=False)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 1 and len(lines) == 1 and "nowhere" in lines[0]


def test_sigkill_mid_load_leaves_whole_reports_only(tmp_path):
    """Kill -9 while loading: every report in the store is complete, the rest absent (one process:
    worker start-up would move the moment reports are written; -j writes through the same path)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = sorted(SEEDS.glob("*.txt")) + sorted(GOOD.iterdir())
    for copy in range(5):  # enough distinct reports that the kill lands mid-load on any machine
        for p in sources:
            text = p.read_bytes() + f"\n\nCopy {copy} of this report.\n".encode()
            (corpus / f"{copy}_{p.name}").write_bytes(text)
    total = len(sources) * 5
    home = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "load", "-j", "1", str(corpus)],
                            env={**os.environ, "KG_HOME": str(home)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_first_report(home, str(corpus).encode(), proc)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the load ended before the kill: the corpus is too small"
    with EmbeddedStore(home) as store:
        present = sorted(r["path"] for r in store.read("MATCH (r:Report) RETURN r.path AS path"))
    assert 0 < len(present) < total, f"the kill did not land mid-load ({len(present)} of {total} reports present)"
    reference = tmp_path / "reference"
    with EmbeddedStore(reference) as store:
        load_paths(store, [Path(p) for p in present])
    assert _export(tmp_path / "killed") == _export(reference)


def _wait_for_first_report(home: Path, marker: bytes, proc: subprocess.Popen, limit: float = 300.0) -> None:
    """Block until the store's write log (fsynced on every write) holds a report from the corpus:
    the kill then lands mid-load however slow the machine's start-up is."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the load ended before the kill: the corpus is too small"
        if any(marker in log.read_bytes() for log in home.glob("appendonlydir/*.aof")):
            return
        time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"no report reached the write log in {limit:.0f}s")


def test_seeds_in_any_order_give_the_same_graph(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    exports = []
    for order in (files, files[::-1], [files[1], files[2], files[0]]):
        home = tmp_path / f"h{len(exports)}"
        with EmbeddedStore(home) as store:
            for f in order:
                load_paths(store, [f])
        exports.append(_export(home))
    assert exports[0] == exports[1] == exports[2]


def test_reports_written_together_give_the_graph_written_one_by_one(tmp_path):
    """A load writes reports in groups (one transaction each); the rows the group shares are
    merged in Python by the rules the upsert Cypher applies, so the graph is the same."""
    files = sorted(SEEDS.glob("*.txt")) + sorted(GOOD.iterdir())
    extractions = [extract(read_report(f)) for f in files]
    with EmbeddedStore(tmp_path / "one") as store:
        for x in extractions:
            store.apply(x)
    with EmbeddedStore(tmp_path / "group") as store:
        store.apply_many(extractions[:2])
        store.apply_many(extractions[2:])
    one, group = _export(tmp_path / "one"), _export(tmp_path / "group")
    assert '"sources"' in one and one == group


def test_retract_removes_only_that_report_and_reload_restores(seeded_home, tmp_path):
    home = tmp_path / "home"
    shutil.copytree(seeded_home, home, ignore=shutil.ignore_patterns("*.sock", "*.pid", "kg.lock"))
    before = _export(home)
    janes = read_report(SEEDS / "000_05fd45c6ef7ea26c.txt")
    with EmbeddedStore(home) as store:
        store.retract(janes.id)
        assert not store.has_report(janes.id)
        left = store.read("MATCH (n) WHERE $r IN n.sources RETURN count(n) AS n", {"r": janes.node_id})
        assert left[0]["n"] == 0
        # a fact only Janes reported is gone; one others also reported keeps their sources
        assert not store.read("MATCH (p:Person {name: 'Andrei Belousov'}) RETURN p")
        putin = store.read("MATCH (p:Person {name: 'Vladimir Putin'})-[r:HOLDS_ROLE]->() RETURN r.sources AS s")
        assert putin and all(janes.node_id not in row["s"] for row in putin)
        load_paths(store, [SEEDS / "000_05fd45c6ef7ea26c.txt"])
    assert _export(home) == before


def test_two_writers_one_waits_then_gives_up_cleanly(seeded_home, tmp_path):
    with EmbeddedStore(seeded_home):
        env = {**os.environ, "KG_HOME": str(seeded_home), "KG_LOCK_WAIT": "1"}
        proc = subprocess.run([sys.executable, "-m", "kg", "load", str(SEEDS)], env=env,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "store is locked" in proc.stderr and "Traceback" not in proc.stderr
    assert run_kg(seeded_home, "status").returncode == 0


INJECTIONS = ["x'}) DETACH DELETE n //", 'a"}) MATCH (m) DETACH DELETE m RETURN 1 //', "`Person`", "{}", "$rows",
              "\\'; MATCH (n) DELETE n"]


def test_injected_text_is_data(seeded_home, tmp_path):
    """Quotes, backticks, braces and Cypher keywords in parameters and in reports stay data."""
    import json

    from kg.queries import library

    home = tmp_path / "home"
    shutil.copytree(seeded_home, home, ignore=shutil.ignore_patterns("*.sock", "*.pid", "kg.lock"))
    before = _export(home)
    proc = run_kg(home, "ask", "who-attended", "--param", f"event={INJECTIONS[0]}", "--format", "json")
    assert proc.stdout.strip() == "[]"
    report = tmp_path / "evil.txt"
    body = " ".join(f"Russian President Vladimir Putin met Minister {v} in Moscow on 3 March 2024 to sign the "
                    f"{v} Agreement." for v in INJECTIONS)
    report.write_text(f"---\ntitle: {json.dumps(INJECTIONS[1])}\n---\n{body}\n")
    with EmbeddedStore(home) as store:
        for value in INJECTIONS:
            for query in library().values():
                params = {p.name: (2 if p.type == "int" else value) for p in query.params}
                store.read(query.cypher, query.bind({k: str(v) for k, v in params.items()}))
            assert store.read("MATCH (n) WHERE n.name = $v RETURN n", {"v": value}) == []
        load_paths(store, [report])
        titles = [r["t"] for r in store.read("MATCH (r:Report) RETURN r.name AS t")]
        assert INJECTIONS[1] in titles
        store.retract(read_report(report).id)
    assert _export(home) == before


def test_close_compacts_a_grown_log_and_nothing_is_lost(tmp_path, monkeypatch):
    """A store whose write log has grown is snapshotted on close, so the next open does not
    replay every write; the graph read back is the same."""
    import kg.store.embedded as embedded

    home = tmp_path / "home"
    with EmbeddedStore(home) as store:
        load_paths(store, sorted(SEEDS.glob("*.txt")))
    before = _export(home)
    logs = home / "appendonlydir"
    grown = sum(p.stat().st_size for p in logs.glob("*.incr.aof"))
    monkeypatch.setattr(embedded, "COMPACT_OVER", 1)
    with EmbeddedStore(home):
        pass
    # the writes now live in the snapshot; at most a few schema commands follow it
    assert sum(p.stat().st_size for p in logs.glob("*.incr.aof")) < grown / 20
    assert sum(p.stat().st_size for p in logs.glob("*.base.rdb")) > 10_000
    assert _export(home) == before


def test_a_stale_server_that_ignores_sigterm_is_stopped_before_a_new_one_starts(tmp_path):
    """A server a killed run left behind must not share the store with the new one, even if it
    ignores SIGTERM; a pid that is no redis-server is left alone."""
    home = tmp_path / "store"
    home.mkdir()
    code = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)  # {}"
    stale = subprocess.Popen([sys.executable, "-c", code.format("redis-server")])
    other = subprocess.Popen([sys.executable, "-c", code.format("not a server")])
    try:
        time.sleep(0.5)  # (the handler is set)
        (home / "falkordb.pid").write_text(str(stale.pid))
        with EmbeddedStore(home) as store:
            assert stale.wait(timeout=15) == -signal.SIGKILL  # asked, then forced
            assert store.graph is not None
        (home / "falkordb.pid").write_text(str(other.pid))
        with EmbeddedStore(home):
            assert other.poll() is None  # not ours: untouched
    finally:
        for proc in (stale, other):
            if proc.poll() is None:
                proc.kill()
                proc.wait()

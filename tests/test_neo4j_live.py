"""Against a real Neo4j (only when NEO4J_URI is set; e.g. `docker compose up -d`,
then NEO4J_URI=neo4j://localhost:7687 NEO4J_PASSWORD=... pytest -m neo4j).

Use a throwaway server: the tests refuse to touch a database holding anything
that kg did not write.
"""

import json
import os

import pytest

from kg.queries import example_params, library
from kg.store.embedded import EmbeddedStore
from tests.conftest import SEEDS, run_kg

pytestmark = [pytest.mark.neo4j, pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="no live Neo4j: set NEO4J_URI and NEO4J_PASSWORD (docker compose up -d) to run")]


@pytest.fixture(scope="module")
def neo4j():
    from kg.store.neo4j import Neo4jSettings, Neo4jStore

    store = Neo4jStore(Neo4jSettings.from_env())
    foreign = store.read("MATCH (n) WHERE n.sources IS NULL RETURN count(n) AS n")[0]["n"]
    if foreign:
        store.close()
        pytest.skip("this Neo4j holds data kg did not write; use a throwaway server")
    store._write([("MATCH (n) DETACH DELETE n", {})])
    yield store
    store.close()


def _counts(store):
    return (store.read("MATCH (n) RETURN count(n) AS n")[0]["n"],
            store.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"])


def _normal(rows):
    def fix(value):
        if isinstance(value, list):
            return sorted((fix(v) for v in value), key=json.dumps)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    return sorted(json.dumps({k: fix(v) for k, v in r.items()}, sort_keys=True) for r in rows)


def test_push_twice_then_queries_match_the_embedded_store(neo4j, seeded_home, tmp_path):
    run_kg(tmp_path, "--store", "neo4j", "load", str(SEEDS))
    first = _counts(neo4j)
    proc = run_kg(seeded_home, "push")
    assert "0 nodes and 0 relationships created" in proc.stderr
    assert _counts(neo4j) == first
    constraints = neo4j.read("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")[0]["names"]
    assert "person_id" in constraints
    with EmbeddedStore(seeded_home) as embedded:
        for name, query in library().items():
            for example in query.examples:
                params = query.bind(example_params(example))
                assert _normal(neo4j.read(query.cypher, params)) == _normal(embedded.read(query.cypher, params)), name


def test_retract_on_neo4j_removes_only_that_report(neo4j, tmp_path):
    run_kg(tmp_path, "--store", "neo4j", "load", str(SEEDS))
    report = neo4j.read("MATCH (r:Report) RETURN r.id AS id ORDER BY id LIMIT 1")[0]["id"]
    before = _counts(neo4j)
    run_kg(tmp_path, "--store", "neo4j", "retract", report)
    assert _counts(neo4j) < before
    assert not neo4j.has_report(report)
    run_kg(tmp_path, "--store", "neo4j", "load", str(SEEDS))
    assert _counts(neo4j) == before


def test_wrong_password_is_one_line(tmp_path):
    env_password = os.environ.pop("NEO4J_PASSWORD", None)
    os.environ["NEO4J_PASSWORD"] = "certainly-wrong"
    try:
        proc = run_kg(tmp_path, "--store", "neo4j", "status", check=False)
    finally:
        os.environ["NEO4J_PASSWORD"] = env_password or ""
    assert proc.returncode == 1 and "wrong user or password" in proc.stderr
    assert "certainly-wrong" not in proc.stderr and "Traceback" not in proc.stderr


def test_server_gone_mid_push_then_a_rerun_completes(neo4j, seeded_home, tmp_path):
    """A connection cut in the middle of a push: one-line error, exit 1; pushing again
    completes the graph with nothing duplicated."""
    import socket
    import threading
    from urllib.parse import urlparse

    target = urlparse(os.environ["NEO4J_URI"])
    upstream = (target.hostname or "localhost", target.port or 7687)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    budget = {"bytes": 40_000}  # enough for the handshake and the first batches, not the whole push

    def pipe(src, dst, count):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if count:
                    budget["bytes"] -= len(data)
                    if budget["bytes"] < 0:
                        break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass

    def proxy():
        while budget["bytes"] >= 0:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(upstream)
            threading.Thread(target=pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=pipe, args=(server, client, False), daemon=True).start()
        listener.close()  # the server is gone: retries find nobody

    threading.Thread(target=proxy, daemon=True).start()
    proc = run_kg(seeded_home, "--neo4j-uri", f"bolt://127.0.0.1:{listener.getsockname()[1]}", "push", check=False)
    lines = [line for line in proc.stderr.splitlines() if line.strip() and "Traceback" not in line]
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert any("Neo4j" in line for line in lines), proc.stderr
    run_kg(seeded_home, "push")
    with EmbeddedStore(seeded_home) as embedded:
        assert _counts(neo4j) == (embedded.read("MATCH (n) RETURN count(n) AS n")[0]["n"],
                                  embedded.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"])


def test_injected_text_is_data_on_neo4j(neo4j, tmp_path):
    """The injection corpus of test_reliability, through every saved query and a load and
    retract on Neo4j: the graph is the same afterwards."""
    from kg.ingest import read_report
    from kg.loading import load_paths
    from tests.test_reliability import INJECTIONS

    run_kg(tmp_path, "--store", "neo4j", "load", str(SEEDS))
    before = _counts(neo4j)
    report = tmp_path / "evil.txt"
    body = " ".join(f"Russian President Vladimir Putin met Minister {v} in Moscow on 3 March 2024 to sign the "
                    f"{v} Agreement." for v in INJECTIONS)
    report.write_text(f"---\ntitle: {json.dumps(INJECTIONS[1])}\n---\n{body}\n")
    for value in INJECTIONS:
        for query in library().values():
            params = {p.name: (2 if p.type == "int" else value) for p in query.params}
            neo4j.read(query.cypher, query.bind({k: str(v) for k, v in params.items()}))
    load_paths(neo4j, [report])
    assert INJECTIONS[1] in [r["t"] for r in neo4j.read("MATCH (r:Report) RETURN r.name AS t")]
    neo4j.retract(read_report(report).id)
    assert _counts(neo4j) == before

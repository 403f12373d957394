"""Neo4j faults that need no server: each is one line, exit 1, no traceback, no password."""

import socket

from tests.conftest import run_kg


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kg_neo4j(tmp_path, uri, *args, password="s3cret-value"):
    import os

    env_before = dict(os.environ)
    os.environ["NEO4J_PASSWORD"] = password
    try:
        return run_kg(tmp_path, "--neo4j-uri", uri, *args, check=False)
    finally:
        os.environ.clear()
        os.environ.update(env_before)


def _one_line(proc, *words):
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 1, proc.stderr
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "s3cret-value" not in proc.stderr + proc.stdout
    for word in words:
        assert word in lines[0], lines[0]


def test_refused_connection(tmp_path):
    _one_line(_kg_neo4j(tmp_path, f"bolt://127.0.0.1:{_free_port()}", "push"), "cannot reach Neo4j")


def test_server_that_drops_the_connection(tmp_path):
    """Something listens but hangs up (a server going away, a wrong port): one line, exit 1."""
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    stop = threading.Event()

    def hang_up() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.recv(64)  # the Bolt handshake, then nothing
            conn.close()

    thread = threading.Thread(target=hang_up, daemon=True)
    thread.start()
    try:
        _one_line(_kg_neo4j(tmp_path, f"bolt://127.0.0.1:{port}", "--store", "neo4j", "status"), "Neo4j")
    finally:
        stop.set()
        thread.join()
        listener.close()


def test_unknown_host(tmp_path):
    _one_line(_kg_neo4j(tmp_path, "bolt://no-such-host.invalid:7687", "--store", "neo4j", "status"),
              "cannot reach Neo4j", "no-such-host.invalid")


def test_malformed_address(tmp_path):
    _one_line(_kg_neo4j(tmp_path, "ftp://somewhere", "push"), "Neo4j")


def test_missing_address(tmp_path):
    import os

    saved = os.environ.pop("NEO4J_URI", None)
    try:
        proc = run_kg(tmp_path, "--store", "neo4j", "status", check=False)
    finally:
        if saved:
            os.environ["NEO4J_URI"] = saved
    _one_line(proc, "NEO4J_URI")


def test_debug_shows_the_traceback(tmp_path):
    proc = _kg_neo4j(tmp_path, f"bolt://127.0.0.1:{_free_port()}", "--debug", "push")
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_no_secrets_in_the_repository():
    """Passwords live in an untracked .env; compose reads NEO4J_AUTH from it."""
    import re
    import subprocess

    from tests.conftest import ROOT

    assert ".env" in (ROOT / ".gitignore").read_text().split()
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "${NEO4J_AUTH" in compose and not re.search(r"NEO4J_AUTH:\s*neo4j/", compose)
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert ".env" not in tracked
    for name in tracked:
        if name.endswith((".py", ".yml", ".yaml", ".toml", ".md", ".cfg", ".sh")) and name != ".env.example":
            text = (ROOT / name).read_text(errors="ignore")
            assert not re.search(r"NEO4J_PASSWORD\s*=\s*['\"]?\w{6,}", text), name


def test_an_http_address_says_bolt_is_expected(tmp_path):
    _one_line(_kg_neo4j(tmp_path, "http://localhost:7474", "push"), "HTTP address", "neo4j://localhost:7687")


def test_an_address_without_scheme_says_which_to_use(tmp_path):
    _one_line(_kg_neo4j(tmp_path, "localhost:7687", "push"), "no scheme", "neo4j://localhost:7687")

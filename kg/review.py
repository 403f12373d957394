"""`kg review`: a local web app (Starlette) to check the graph fact by fact and correct it.

Facts come least certain first: hedged ones before stated ones, then the fewest reports
first, accepted ones last; each shows its sentence highlighted in the report's text. Every
button takes a decision through the same code as the CLI (kg/decisions_store.take), so a
decision made here is in the store folder's decisions file and survives every reload.

Serves only this machine: the app answers only to loopback host names (a web page elsewhere
cannot rebind a name to it), and a decision must come as JSON with the page's own header
(a form on another site cannot post one)."""

from __future__ import annotations

import ipaddress
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from kg.errors import KGError
from kg.explain import quotes
from kg.export import graph_from_store
from kg.ontology import ontology
from kg.view import HIDDEN_TYPES, report_meta

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
HEADER = "x-kg-review"  # sent by the page's script; a cross-site form cannot set it
ACTIONS = ("accept", "reject", "merge", "split", "rename", "retype")


def check_loopback(host: str) -> None:
    """Refuse to serve on anything but this machine (no login protects the app)."""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host.strip("[]")).is_loopback:
            return
    except ValueError:
        pass
    raise KGError(f"kg review serves only this machine (127.0.0.1, ::1 or localhost), not {host!r}")


def facts(graph) -> list[dict[str, Any]]:
    """Every fact with what the page shows, least certain first."""
    reports = report_meta(graph)
    out = []
    for source, target, key, a in graph.edges(keys=True, data=True):
        if a["type"] in HIDDEN_TYPES:
            continue
        s, t = graph.nodes[source], graph.nodes[target]
        detail = {k: v for k, v in a.items() if k not in ("type", "sources", "evidence", "confidence", "review",
                                                          "first_reported") and v not in (None, "", [])}
        out.append({"key": key, "type": a["type"], "confidence": a.get("confidence"),
                    "attributed_to": a.get("attributed_to"), "review": a.get("review"),
                    "reports": len(a.get("sources") or []), "detail": detail,
                    "source": _entity(source, s), "target": _entity(target, t),
                    "quotes": quotes(a.get("evidence"), reports)})
    return sorted(out, key=lambda f: (f["review"] == "accepted", f["confidence"] is None, f["reports"],
                                      f["type"], f["source"]["name"], f["key"]))


def _entity(node_id: str, attrs: dict) -> dict[str, Any]:
    return {"id": node_id, "label": attrs.get("label"), "name": attrs.get("name") or node_id,
            "aliases": attrs.get("aliases") or []}


@lru_cache(maxsize=32)
def _report_text(path: str, report_id: str) -> str | None:
    """The text the offsets refer to, if the report file is still there unchanged."""
    from kg.ingest import read_report

    try:
        report = read_report(Path(path))
    except (OSError, KGError):
        return None
    return report.text if report.node_id == report_id else None


class Review:
    """The app's state: one open store (used by one request at a time) and its folder."""

    def __init__(self, store, home: Path):
        self.store, self.home, self.lock = store, Path(home), threading.Lock()

    def graph(self):
        with self.lock:
            return graph_from_store(self.store)

    def page(self, _request: Request) -> HTMLResponse:
        folder = resources.files("kg") / "templates"
        html = (folder / "review.html").read_text(encoding="utf-8")
        script = (folder / "review.js").read_text(encoding="utf-8")
        return HTMLResponse(html.replace("/*REVIEW_JS*/", script))

    def list_facts(self, _request: Request) -> JSONResponse:
        graph = self.graph()
        entities = sorted((_entity(n, a) for n, a in graph.nodes(data=True) if a.get("label") != "Report"),
                          key=lambda e: (e["name"].lower(), e["id"]))
        from kg.decisions import DecisionLog

        return JSONResponse({"facts": facts(graph), "entities": entities, "decisions": len(DecisionLog(self.home).read()),
                             "labels": sorted(set(ontology().labels) - {"Report"})})

    def report(self, request: Request) -> JSONResponse:
        """A report's text with where a quote lies in it (or the quote alone if the file moved)."""
        report_id = request.query_params.get("id", "")
        start, _, end = request.query_params.get("chars", "").partition("-")
        meta = report_meta(self.graph()).get(report_id)
        if meta is None:
            return JSONResponse({"error": f"no report {report_id!r}"}, status_code=404)
        text = _report_text(meta["path"], report_id) if meta.get("path") else None
        span = [int(start), int(end)] if start.isdigit() and end.isdigit() else None
        return JSONResponse({**meta, "id": report_id, "text": text, "span": span})

    async def decide(self, request: Request) -> JSONResponse:
        if request.headers.get(HEADER) != "1" or request.headers.get("content-type", "") != "application/json":
            return JSONResponse({"error": "decisions come from the review page (JSON with its header)"},
                                status_code=403)
        body = await request.json()
        if not isinstance(body, dict) or body.get("action") not in ACTIONS or not isinstance(body.get("target"), str):
            return JSONResponse({"error": f"action must be one of {', '.join(ACTIONS)}, with a target"},
                                status_code=400)
        args = {k: body[k] if isinstance(body.get(k), str) else None for k in ("into", "value", "note")}
        from starlette.concurrency import run_in_threadpool

        try:
            decision, new = await run_in_threadpool(self._take, body["action"], body["target"], args)
        except KGError as e:
            return JSONResponse({"error": str(e)}, status_code=400)
        return JSONResponse({"id": decision.id, "what": decision.what, "action": decision.action, "new": new})

    def _take(self, action: str, target: str, args: dict):
        from kg.decisions_store import take

        with self.lock:
            return take(self.store, self.home, action, target, **args)


def app(store, home: Path) -> Starlette:
    """The review app over an open store."""
    review = Review(store, home)
    routes = [Route("/", review.page), Route("/api/facts", review.list_facts),
              Route("/api/report", review.report), Route("/api/decisions", review.decide, methods=["POST"])]
    return Starlette(routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(LOOPBACK_NAMES))])

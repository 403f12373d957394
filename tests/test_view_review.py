"""kg view's page and kg review's app in a real headless Chromium (Debian's, driven by
Playwright), on the seeds in the real embedded store. The view is opened with the network
off; the review app is served on loopback and driven by clicks."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import SEEDS, run_kg

from kg.decisions import DecisionLog

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("KG_REQUIRE_BROWSER") == "1"  # set by .ci/run where chromium can be installed
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
SHOTS = Path(os.environ.get("KG_ARTIFACTS", "")) if os.environ.get("KG_ARTIFACTS") else None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if CHROMIUM is None or sync_playwright is None:
        reason = "needs Debian's chromium (apt-get install chromium; or set KG_CHROMIUM) and playwright"
        if REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _shot(page, name: str, tmp_path: Path) -> Path:
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def test_view_works_offline_with_graph_map_and_evidence(browser, seeded_home, tmp_path):
    out = tmp_path / "routes.html"
    run_kg(seeded_home, "view", "routes-from", "-p", "place=Najin", "-o", str(out))
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 850})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(out.as_uri())
    page.wait_for_selector("#map circle.place")
    data = page.evaluate("kgView.data")
    assert [u for u in requests if not u.startswith("file:")] == [] and errors == []
    names = {n["name"] for n in data["nodes"]}
    assert {"Najin", "Vostochny"} <= names, names
    assert page.locator("#graph canvas").count() == 1
    assert page.evaluate("kgView.network.body.data.nodes.length") == len(data["nodes"])
    # the map: a dot per place with coordinates, the sea leg drawn between them
    assert page.locator("#map circle.place").count() == len(data["places"]) >= 2
    assert page.locator("#map path.land").count() > 0
    sea = page.locator("#map path.route[data-mode='sea']")
    assert sea.count() >= 1
    sea.first.dispatch_event("click")
    details = page.locator("#details").inner_text()
    assert "ROUTE_LEG" in details and "corroboration: 1 report(s)" in details and "Najin" in details, details
    # a real click on a node of the graph shows its evidence
    node = next(n for n in data["nodes"] if n["name"] == "Vostochny")
    box = page.locator("#graph canvas").bounding_box()
    at = page.evaluate("id => kgView.network.canvasToDOM(kgView.network.getPosition(id))", node["id"])
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_selector(f"#details[data-showing='{node['id']}']")
    assert "Vostochny \u2014 Place" in page.locator("#details h2").inner_text()
    assert page.locator("#details .quote").count() >= 1
    _shot(page, "view-routes-from-najin", tmp_path)
    context.close()


def test_view_of_an_entity_and_bad_names(seeded_home, tmp_path):
    out = tmp_path / "kim.html"
    run_kg(seeded_home, "view", "--entity", "Vladimir Putin", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html  # (everything inlined)
    data = json.loads(html.split('<script id="kg-data" type="application/json">', 1)[1].split("</script>", 1)[0])
    assert any(n["name"] == "Vladimir Putin" for n in data["nodes"])
    assert any(e["type"] == "ATTENDED" for e in data["edges"]), [e["type"] for e in data["edges"]]
    missing = run_kg(seeded_home, "view", "--entity", "Nobody Atall", "-o", str(tmp_path / "x.html"), check=False)
    assert missing.returncode == 1 and "nothing named 'Nobody Atall'" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.html").exists()


@pytest.fixture(scope="module")
def review_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("kg-review")
    run_kg(home, "load", str(SEEDS))
    return home


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(home: Path):
    """kg review's app on loopback over the real embedded store, stopped (and the store's
    server with it) at the end."""
    import uvicorn

    from kg.review import app
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(home) as store:
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app(store, home), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.should_exit = True
            thread.join(15)


def _post(url: str, body: dict, headers: dict) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def test_review_app_accept_reject_merge_in_chromium(browser, review_home, tmp_path):
    with serving(review_home) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']")
        listed = page.request.get(url + "api/facts").json()["facts"]
        assert page.locator(".fact").count() == len(listed) > 50
        assert all(a["reports"] <= b["reports"] for a, b in zip(listed, listed[1:]) if a["confidence"] == b["confidence"])

        # reject the first fact listed: its sentence shows highlighted in the report's text first
        first = page.locator(".fact").first
        rejected = first.get_attribute("data-key")
        first.click()
        mark = page.locator("#report mark")
        mark.wait_for()
        quote = next(f for f in listed if f["key"] == rejected)["quotes"][0]["quote"]
        assert " ".join(mark.inner_text().split())[:40] == " ".join(quote.split())[:40]
        assert len(page.locator("#report").inner_text()) > 5 * len(quote)  # (the whole report around it)
        page.click("#fact-pane .reject-fact")
        page.wait_for_selector(f".fact[data-key='{rejected}']", state="detached")

        # accept another: it is marked and goes to the end of the list
        second = page.locator(".fact").first
        accepted = second.get_attribute("data-key")
        second.click()
        page.click("#fact-pane .accept")
        page.wait_for_selector(f".fact[data-key='{accepted}'] .badge.accepted")
        assert page.locator(".fact").last.get_attribute("data-key") == accepted

        # merge two places through the subject's tools
        page.fill("#filter", "Far Eastern Federal District")
        about = next(f["key"] for f in listed if f["key"] not in (rejected, accepted)
                     and "Place:far-eastern-federal-district" in (f["source"]["id"], f["target"]["id"]))
        page.click(f".fact[data-key='{about}']")
        box = page.locator(".entity[data-id='Place:far-eastern-federal-district']")
        box.locator(".merge-value").fill("Place:primorsky-krai")
        box.locator("button.merge").click()
        page.wait_for_function("() => !document.querySelector(\".entity[data-id='Place:far-eastern-federal-district']\")")
        page.fill("#filter", "Primorsky Krai")
        page.locator(".fact").first.click()
        page.locator("#report mark").wait_for()
        _shot(page, "review-after-merge", tmp_path)
        after = page.request.get(url + "api/facts").json()
        assert errors == []
    ids = {f[end]["id"] for f in after["facts"] for end in ("source", "target")}
    assert "Place:far-eastern-federal-district" not in ids and "Place:primorsky-krai" in ids
    assert rejected not in {f["key"] for f in after["facts"]}
    assert next(f for f in after["facts"] if f["key"] == accepted)["review"] == "accepted"
    log = [(d.action, d.target, d.into) for d in DecisionLog(review_home).read()]
    assert log == [("reject", rejected, None), ("accept", accepted, None),
                   ("merge", "Place:far-eastern-federal-district", "Place:primorsky-krai")]
    # the decisions hold through a reload from the files
    run_kg(review_home, "load", "--force", str(SEEDS))
    merged = json.loads(run_kg(review_home, "explain", "Far Eastern Federal District", "--format", "json").stdout)
    assert [n["id"] for n in merged] == ["Place:primorsky-krai"]
    with serving(review_home) as url:
        again = urllib.request.urlopen(url + "api/facts", timeout=30).read()
    again = json.loads(again)["facts"]
    assert rejected not in {f["key"] for f in again}
    assert next(f for f in again if f["key"] == accepted)["review"] == "accepted"


def test_review_app_answers_only_its_own_page(review_home):
    with serving(review_home) as url:
        decide = url + "api/decisions"
        body = {"action": "reject", "target": "Place:najin"}
        assert _post(decide, body, {"content-type": "application/json"}) == 403  # (no page header: a foreign form)
        assert _post(decide, body, {"content-type": "text/plain", "x-kg-review": "1"}) == 403
        assert _post(decide, body, {"content-type": "application/json", "x-kg-review": "1",
                                    "host": "attacker.example"}) == 400  # (a rebound name: refused)
        assert _post(decide, {"action": "explode", "target": "x"},
                     {"content-type": "application/json", "x-kg-review": "1"}) == 400
        assert DecisionLog(review_home).path.exists() is False or all(
            d.target != "Place:najin" for d in DecisionLog(review_home).read())


def test_review_refuses_other_interfaces(review_home):
    proc = run_kg(review_home, "review", "--host", "0.0.0.0", "--no-open", check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: kg review serves only this machine (127.0.0.1, ::1 or localhost), not '0.0.0.0'"

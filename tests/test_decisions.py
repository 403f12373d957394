"""Analyst decisions (kg/decisions.py) on the real embedded store: taken through the CLI,
kept in decisions.jsonl, and applied again by every reload, retract+reload, fresh load and
push, which all give the graph the decisions left."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, run_kg

from kg.decisions import DecisionLog, read_file
from kg.errors import KGError
from kg.export import graph_from_store
from kg.graph import node_link_json
from kg.ingest import read_report
from kg.loading import load_paths
from kg.push import push_store
from kg.store.embedded import EmbeddedStore

TREATY_REPORT = "001_112a82c29610a1ad.txt"  # (The Diplomat's report)


def _export(home: Path) -> str:
    with EmbeddedStore(home) as store:
        return node_link_json(graph_from_store(store))


def _facts(home: Path, name: str) -> dict[str, str]:
    """Fact text -> key, for an entity."""
    out = json.loads(run_kg(home, "explain", name, "--format", "json").stdout)
    return {f["fact"]: f["key"] for e in out for f in e["facts"]}


def _read(home: Path, query: str, **params) -> list[dict]:
    with EmbeddedStore(home) as store:
        return store.read(query, params)


@pytest.fixture(scope="module")
def decided(tmp_path_factory) -> tuple[Path, str]:
    """Seeds loaded, then one decision of each kind taken with the CLI; the export after."""
    home = tmp_path_factory.mktemp("decided")
    run_kg(home, "load", str(SEEDS))
    facts = _facts(home, "Kim Jong Un")
    attended = next(k for f, k in facts.items() if "ATTENDED" in f and "visit to Russia" in f)
    signed = next(k for f, k in facts.items() if "SIGNED Treaty on the Comprehensive" in f)
    run_kg(home, "reject", attended, "--note", "that visit was in 2019")
    run_kg(home, "accept", signed)
    run_kg(home, "rename", "Kim Jong Un", "Kim Jong-un")
    run_kg(home, "merge", "Primorsky Krai", "Far Eastern Federal District")  # (wrong in fact: made to be tested)
    run_kg(home, "retype", "Kumsusan State Guest House", "Organization")
    return home, _export(home)


def test_each_decision_changes_the_graph(decided):
    home, _ = decided
    facts = _facts(home, "Kim Jong-un")
    assert not any("visit to Russia" in f for f in facts), facts  # rejected
    signed = _read(home, "MATCH (:Person)-[r:SIGNED]->(a:Agreement) WHERE a.name STARTS WITH 'Treaty on the Comp' "
                         "RETURN r.review AS review")
    assert {r["review"] for r in signed} >= {"accepted"}, signed
    kim = _read(home, "MATCH (p:Person {id: 'Person:kim-jong-un'}) RETURN p.name AS name, p.aliases AS aliases")
    assert kim[0]["name"] == "Kim Jong-un" and "Kim Jong Un" in kim[0]["aliases"], kim
    places = _read(home, "MATCH (p:Place) WHERE p.name IN ['Primorsky Krai', 'Far Eastern Federal District'] "
                         "RETURN p.id AS id, p.name AS name, p.merged_ids AS merged, "
                         "'Far Eastern Federal District' IN p.aliases AS alias")
    assert places == [{"id": "Place:primorsky-krai", "name": "Primorsky Krai", "alias": True,  # (the kept name)
                       "merged": ["Place:far-eastern-federal-district"]}], places
    house = _read(home, "MATCH (n) WHERE n.name = 'Kumsusan State Guest House' RETURN labels(n)[0] AS label")
    assert house == [{"label": "Organization"}], house
    assert [d.action for d in DecisionLog(home).read()] == ["reject", "accept", "rename", "merge", "retype"]


def test_decisions_survive_reload_with_force(decided, tmp_path):
    home, before = decided
    copy = tmp_path / "home"
    shutil.copytree(home, copy, ignore=shutil.ignore_patterns("*.sock", "*.pid", "kg.lock"))
    run_kg(copy, "load", "--force", str(SEEDS))
    assert _export(copy) == before


def test_decisions_survive_retract_and_reload(decided, tmp_path):
    home, before = decided
    copy = tmp_path / "home"
    shutil.copytree(home, copy, ignore=shutil.ignore_patterns("*.sock", "*.pid", "kg.lock"))
    report = read_report(SEEDS / TREATY_REPORT).id
    run_kg(copy, "retract", report)
    kept = _read(copy, "MATCH (p:Person {id: 'Person:kim-jong-un'}) RETURN p.name AS name")
    assert kept == [{"name": "Kim Jong-un"}]  # the other reports still name him: the rename holds
    run_kg(copy, "load", str(SEEDS))
    assert _export(copy) == before


def test_a_fresh_store_with_imported_decisions_loads_to_the_same_graph(decided, tmp_path):
    home, before = decided
    exported = tmp_path / "decisions.jsonl"
    run_kg(home, "decisions", "export", "-o", str(exported))
    fresh = tmp_path / "fresh"
    run_kg(fresh, "decisions", "import", str(exported))
    run_kg(fresh, "load", str(SEEDS))
    assert _export(fresh) == before
    again = run_kg(fresh, "decisions", "import", str(exported))
    assert "imported 0 new" in again.stderr  # importing twice changes nothing
    assert len(DecisionLog(fresh).read()) == 5


def test_a_push_to_a_store_loaded_before_the_decisions_ends_in_the_same_graph(decided, tmp_path):
    home, before = decided
    target_home = tmp_path / "target"
    with EmbeddedStore(target_home) as target:
        load_paths(target, [SEEDS])  # stale: the rejected fact, both ports, the old name
        with EmbeddedStore(home) as source:
            push_store(source, target, decisions=DecisionLog(home).read())
    assert _export(target_home) == before


def test_split_takes_the_alias_and_the_facts_only_it_names(tmp_path):
    home = tmp_path / "home"
    run_kg(home, "load", str(SEEDS))
    run_kg(home, "split", "Kim Jong Un", "Kim")
    rows = _read(home, "MATCH (p:Person) WHERE p.name IN ['Kim', 'Kim Jong Un'] RETURN p.id AS id, p.name AS name, "
                       "p.aliases AS aliases")
    assert {r["name"] for r in rows} == {"Kim", "Kim Jong Un"}, rows
    assert all("Kim" not in (r["aliases"] or []) for r in rows), rows
    before = _export(home)
    run_kg(home, "load", "--force", str(SEEDS))
    assert _export(home) == before


def test_bad_decisions_give_one_line_and_change_nothing(decided, tmp_path):
    home, before = decided
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"action": "reject", "target": "Person:x"}\n{"action": "retype", "target": "Person:x", '
                   '"value": "Robot"}\n')
    with pytest.raises(KGError, match=r"bad.jsonl:2: not a decision: retype to a label"):
        read_file(bad)
    proc = run_kg(home, "decisions", "import", str(bad), check=False)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    proc = run_kg(home, "merge", "Najin", "Kim Jong-un", check=False)
    assert proc.returncode == 1 and "different labels" in proc.stderr, proc.stderr
    proc = run_kg(home, "reject", "SIGNED:0000000000000000", check=False)
    assert proc.returncode == 1 and "no fact" in proc.stderr, proc.stderr
    assert _export(home) == before and len(DecisionLog(home).read()) == 5

"""Acceptance: the analyst questions q1-q10 of the seeds' gold file, answered
through `kg ask` (real CLI, real extraction, real embedded store).

The expected answers are those of ../shared/eval/seeds.gold.yaml, written out
here so the test runs wherever the repository does.
"""

import json

from tests.conftest import run_kg

DELEGATION = {"Denis Manturov", "Alexander Novak", "Sergei Lavrov", "Andrei Belousov", "Alexey Krivoruchko",
              "Alexander Kozlov", "Roman Starovoyt", "Yuri Borisov", "Oleg Belozerov"}


def ask(home, query, **params):
    args = ["ask", query, "--format", "json"]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    return json.loads(run_kg(home, *args).stdout)


def test_q1_russian_delegation(seeded_home):
    rows = ask(seeded_home, "delegation", event="state visit", state="Russia")
    members = {r["member"] for r in rows if "Putin" in r["event"]}
    assert DELEGATION <= members
    assert members - DELEGATION <= {"Vladimir Putin"}  # he led it


def test_q2_agreements_signed_during_the_visit(seeded_home):
    rows = ask(seeded_home, "agreements-signed", event="Putin state visit")
    names = sorted(r["agreement"] for r in rows)
    assert len(names) == 3, names
    assert any("Comprehensive Strategic Partnership" in n for n in names)
    assert any("bridge" in n and "Tumen" in n for n in names)
    assert any("healthcare" in n for n in names)


def test_q3_articles_of_the_treaty_and_what_they_cover(seeded_home):
    rows = ask(seeded_home, "agreement-articles", agreement="strategic partnership")
    covers = {int(r["article"]): r["covers"] for r in rows}
    assert set(covers) == {3, 9, 10, 12, 16}
    expected = {3: "security", 9: "food and energy", 10: "science", 12: "agricultur", 16: "sanctions"}
    for number, words in expected.items():
        assert words in (covers[number] or ""), (number, covers[number])


def test_q4_the_article_about_sanctions(seeded_home):
    rows = ask(seeded_home, "articles-about", topic="sanctions")
    assert [(r["article"], "Strategic Partnership" in r["agreement"]) for r in rows] == [("Article 16", True)]


def test_q5_route_from_najin(seeded_home):
    rows = ask(seeded_home, "routes-from", place="Rajin")  # the other spelling finds it too
    legs = [(r["leg"], r["from"], r["to"], r["mode"]) for r in rows]
    assert legs[0][:2] == (1, "Najin") and legs[0][2].startswith("Vostochny") and legs[0][3] == "sea"
    assert legs[1][:2] == (2, "Vostochny") and "storage" in legs[1][2] and legs[1][3] == "rail"


def test_q6_what_north_korea_ships_to_russia(seeded_home):
    rows = ask(seeded_home, "shipments", **{"from": "North Korea", "to": "Russia", "commodity": "munitions"})
    figures = [r for r in rows if r["quantity"]]
    assert [(r["quantity"], r["unit"], r["period"]) for r in figures] == [(16500, "containers", "2023-09/2024-09")]
    assert "State Department" in figures[0]["reported_by"]


def test_q7_what_russia_sends_north_korea(seeded_home):
    rows = ask(seeded_home, "shipments", **{"from": "Russia", "to": "North Korea"})
    commodities = " | ".join(r["commodity"] for r in rows)
    for thing in ("food", "spare parts", "raw material", "energy", "technical assistance"):
        assert thing in commodities, (thing, commodities)


def test_q8_reports_covering_the_signing(seeded_home):
    rows = ask(seeded_home, "sources-for", name="Comprehensive Strategic Partnership")
    publishers = {r["publisher"] for r in rows if " SIGNED_AT " in r["fact"]}
    assert publishers == {"Janes", "The Diplomat", "Observer Research Foundation"}
    assert all(r["quote"] for r in rows)


def test_q9_russian_officials_who_visited_north_korea(seeded_home):
    rows = ask(seeded_home, "visits", **{"from": "Russia", "to": "North Korea", "since": "2023"})
    visitors = {r["visitor"] for r in rows}
    assert {"Vladimir Putin", "Sergei Shoigu", "Sergey Naryshkin", "Sergei Lavrov"} <= visitors
    assert "Kim Jong Un" not in visitors


def test_q10_what_janes_judges_almost_certain(seeded_home):
    rows = ask(seeded_home, "assessments", likelihood="almost certain", publisher="Janes")
    texts = [r["judgement"] for r in rows]
    assert len(texts) == 3
    for words in ("labour migration", "food imports", "Beijing will almost certainly be consulted"):
        assert sum(words in t for t in texts) == 1, words
    assert {r["band"] for r in rows} == {"almost certain"}


NOTHING_IN_SEEDS = {"vessels"}  # the seed reports name no ships


def test_every_saved_query_runs_its_examples_on_the_embedded_store(seeded_home):
    """Each file, unchanged, on FalkorDB with the parameters of its header examples."""
    from kg.queries import example_params, library
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(seeded_home) as store:
        for name, query in library().items():
            assert query.examples, f"{name} has no example"
            for example in query.examples:
                rows = store.read(query.cypher, query.bind(example_params(example)))
                assert rows or name in NOTHING_IN_SEEDS, f"{example} found nothing"

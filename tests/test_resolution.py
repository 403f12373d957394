"""Resolution across reports (kg/resolution.py) on the real embedded store: a ship or a
document that reports name differently meets on one node, whatever order they load in."""

import itertools
from pathlib import Path

from kg.export import graph_from_store
from kg.graph import node_link_json
from kg.loading import load_paths
from kg.store.embedded import EmbeddedStore

SHIP = {
    "a.txt": "The frigate Golovko docked in Manila on Monday, June 3, 2024.",
    "b.txt": "The Russian frigate Admiral Golovko left Manila on Friday, June 7, 2024.",
    "c.txt": "The frigate Admiral Golovko arrived in Manila on June 3, 2024. The frigate Golovko stayed five days.",
}
TREATY = {
    "a.txt": "Kenyan President William Ruto and Japanese Prime Minister Taro Sato signed the Mombasa Maritime "
             "Accord in Nairobi on March 3, 2026.",
    "b.txt": "The Mombasa Maritime Agreement between Japan and Kenya will open ports to Japanese ships.",
    "c.txt": "Tanzania and Uganda signed a Mombasa Maritime Accord of their own on March 20, 2026.",
}


def _write(folder: Path, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(f"---\ntitle: {name}\npublished: 2026-03-21\n---\n{text}\n")
        paths.append(path)
    return paths


def _graph(home: Path) -> dict:
    with EmbeddedStore(home) as store:
        return graph_from_store(store)


def _loaded_one_by_one(home: Path, paths: list[Path]) -> str:
    with EmbeddedStore(home) as store:
        for path in paths:
            load_paths(store, [path])
        return node_link_json(graph_from_store(store))


def _one_graph_in_every_order(tmp_path: Path, texts: dict[str, str]):
    """The reports loaded one by one in every order give one graph; it is returned."""
    paths = _write(tmp_path / "reports", texts)
    exports = {_loaded_one_by_one(tmp_path / f"h{i}", list(order))
               for i, order in enumerate(itertools.permutations(paths))}
    assert len(exports) == 1, f"{len(exports)} graphs from {len(paths)} reports in different orders"
    return _graph(tmp_path / "h0")


def test_a_ship_named_two_ways_is_one_node_in_every_load_order(tmp_path):
    g = _one_graph_in_every_order(tmp_path, SHIP)
    ships = [n for n, d in g.nodes(data=True) if d["label"] == "Vessel"]
    assert len(ships) == 1 and g.nodes[ships[0]]["name"] == "Admiral Golovko", ships


def test_the_folded_ship_remembers_its_other_id_and_retracts_cleanly(tmp_path):
    paths = _write(tmp_path / "reports", SHIP)
    home = tmp_path / "home"
    with EmbeddedStore(home) as store:
        for path in paths:
            load_paths(store, [path])
        rows = store.read("MATCH (v:Vessel) RETURN v.id AS id, v.merged_ids AS merged")
        assert len(rows) == 1 and rows[0]["merged"], rows
        for path in paths:
            from kg.ingest import read_report
            store.retract(read_report(path).id)
        assert store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0


def test_a_document_named_two_ways_meets_but_a_namesake_of_other_parties_does_not(tmp_path):
    paths = _write(tmp_path / "reports", TREATY)
    home = tmp_path / "home"
    with EmbeddedStore(home) as store:
        load_paths(store, paths)
        rows = store.read("MATCH (s:State)-[:PARTY_TO]->(a:Agreement) RETURN a.id AS a, collect(s.name) AS parties")
    by_parties = {tuple(sorted(r["parties"])) for r in rows}
    assert ("Japan", "Kenya") in by_parties and ("Tanzania", "Uganda") in by_parties, rows
    assert len(rows) == 2, rows  # the Japan-Kenya accord and agreement are one; Tanzania-Uganda's is its own


EXERCISE = {
    "a.txt": "Kenya and Tanzania held a naval drill called Maritime Partnership 2026 off Mombasa.",
    "b.txt": "Kenya, Tanzania and Uganda are taking part in the exercise, known as Marine Partnership 2026.",
    "c.txt": "Kenya and Tanzania staged a naval drill called Maritime Partnership 2025 last year.",
}


def test_a_named_exercise_spelt_two_ways_is_one_event_but_last_years_is_its_own(tmp_path):
    g = _one_graph_in_every_order(tmp_path, EXERCISE)
    events = sorted(d["name"] for _, d in g.nodes(data=True) if d["label"] == "Event")
    assert len(events) == 2 and "Maritime Partnership 2025" in events, events


PEOPLE = {
    "a.txt": "Danish Defence Minister Jørgen Hansen visited Oslo on Monday, March 2, 2026.",
    "b.txt": "Jorgen Hamsen, Denmark's defence minister, met Norwegian officials in Oslo on March 2, 2026.",
    "c.txt": "Swedish Foreign Minister Jorgen Hanson spoke in Stockholm on March 3, 2026.",
}


def test_a_person_spelt_apart_in_two_reports_is_one_but_a_namesake_of_another_state_is_not(tmp_path):
    g = _one_graph_in_every_order(tmp_path, PEOPLE)
    people = {n: d for n, d in g.nodes(data=True) if d["label"] == "Person"}
    assert len(people) == 2, people
    states = {n: {g.nodes[t]["name"] for _, t, k in g.out_edges(n, keys=True)
                  if g.edges[n, t, k]["type"] == "HOLDS_ROLE"} for n in people}
    danish = next(n for n, s in states.items() if "Denmark" in s)
    assert {"Jørgen Hansen", "Jorgen Hamsen"} <= {people[danish]["name"], *people[danish]["aliases"]}, people[danish]
    assert any(s == {"Sweden"} for s in states.values()), states


SUMMITS = {
    "a.txt": "Chile and Peru held a trade summit in Lima on March 4, 2026, with Bolivia as a guest.",
    "b.txt": "Peru, Chile and Ecuador attended a summit on trade on March 4, 2026, officials said.",
    "c.txt": "Chile and Peru attended another summit on fisheries on March 12, 2026.",
}


def test_unnamed_summits_of_one_month_meet_when_their_states_agree_but_not_on_another_day(tmp_path):
    g = _one_graph_in_every_order(tmp_path, SUMMITS)
    summits = {n: {s for s, _, k in g.in_edges(n, keys=True) if g.edges[s, n, k]["type"] == "ATTENDED"}
               for n, d in g.nodes(data=True) if d["label"] == "Event"}
    assert len(summits) == 2, summits  # the 4 March summit of two reports, and the one of 12 March
    fourth = next(n for n in summits if str(g.nodes[n].get("start")) == "2026-03-04")
    assert {"State:peru", "State:chile", "State:ecuador"} <= summits[fourth], summits


COMPANY = {
    "a.txt": "Kenya signed a contract with the Nairobi Marine Works Company to build two patrol boats on March 3, 2026.",
    "b.txt": "Nairobi Marine Works will deliver the first patrol boat next year, the Kenyan navy said.",
}


def test_a_company_with_and_without_its_legal_form_is_one_node(tmp_path):
    g = _one_graph_in_every_order(tmp_path, COMPANY)
    orgs = sorted(d["name"] for _, d in g.nodes(data=True) if d["label"] == "Organization")
    assert sum("Nairobi Marine Works" in name for name in orgs) == 1, orgs


SIGNING = {
    "a.txt": "Oman and India signed a 10-year contract on March 3, 2026. Minister Anita Rao witnessed the signing "
             "of the 10-year contract.",
    "b.txt": "Oman and India signed a long-term contract for the Sohar container terminal on March 3, 2026. "
             "Minister Karim Tavassoli witnessed the signing of the long-term contract.",
}


def test_the_signing_of_one_document_told_in_two_reports_is_one_event_in_every_load_order(tmp_path):
    g = _one_graph_in_every_order(tmp_path, SIGNING)
    signings = [n for n, d in g.nodes(data=True) if d["label"] == "Event"]
    documents = [n for n, d in g.nodes(data=True) if d["label"] == "Agreement"]
    assert len(documents) == 1 and len(signings) == 1, (documents, signings)
    witnesses = {s for s, _, k in g.in_edges(signings[0], keys=True) if g.edges[s, signings[0], k]["type"] == "ATTENDED"}
    assert len(witnesses) == 2, witnesses


MIDDLE_NAMES = {
    "a.txt": "IAEA Director General Tomas Ignacio Berglund arrived in Vienna on Monday, March 16, 2026.",
    "b.txt": "Director General Tomas Berglund of the IAEA said on March 17, 2026 that the inspection would go on.",
}
TWO_MIDDLE_NAMES = {
    "a.txt": "IAEA Director General Tomas Ignacio Berglund arrived in Vienna on Monday, March 16, 2026.",
    "b.txt": "Swedish envoy Tomas Henrik Berglund said on March 17, 2026 that talks would go on.",
}


def _names(g, label: str = "Person") -> list[str]:
    return sorted(d["name"] for _, d in g.nodes(data=True) if d["label"] == label)


def test_a_name_with_and_without_its_middle_name_is_one_person_in_every_load_order(tmp_path):
    assert _names(_one_graph_in_every_order(tmp_path, MIDDLE_NAMES)) == ["Tomas Ignacio Berglund"]


def test_two_middle_names_keep_two_people_apart(tmp_path):
    assert _names(_one_graph_in_every_order(tmp_path, TWO_MIDDLE_NAMES)) == \
        ["Tomas Henrik Berglund", "Tomas Ignacio Berglund"]


def test_a_site_whose_head_reports_write_apart_is_one_node_in_every_load_order(tmp_path):
    texts = {"a.txt": "Shelling hit the Rivne nuclear power plant on March 3, 2026.",
             "b.txt": "Engineers repaired the Rivne NPP on March 9, 2026.",
             "c.txt": "The Rivne nuclear plant is Ukraine's second largest."}
    g = _one_graph_in_every_order(tmp_path, texts)
    sites = [d["name"] for _, d in g.nodes(data=True) if d["label"] == "Place" and d.get("kind") == "facility"]
    assert len(sites) == 1, sites


ACRONYMS = {
    "a.txt": "The Zambezi River Authority (ZRA) opened an office in Livingstone on March 3, 2026. The Ministry of "
             "Coastal Affairs paid for it.",
    "b.txt": "The ZRA said on March 9, 2026 that the MCA had paid for repairs in Livingstone.",
}
NAMESAKES = {
    "a.txt": "The Zambezi River Authority (ZRA) opened an office in Livingstone on March 3, 2026.",
    "b.txt": "The Zonal Rail Administration (ZRA) met in Lusaka on March 9, 2026.",
}


def test_a_body_named_by_its_acronym_in_one_report_and_in_full_in_another_is_one_node(tmp_path):
    assert _names(_one_graph_in_every_order(tmp_path, ACRONYMS), "Organization") == ["Ministry of Coastal Affairs", "Zambezi River Authority"]


def test_two_full_names_of_one_acronym_stay_two_bodies(tmp_path):
    assert _names(_one_graph_in_every_order(tmp_path, NAMESAKES), "Organization") == ["Zambezi River Authority", "Zonal Rail Administration"]

"""Natural disasters as events held where they strike, and the goods and bodies that relief
reports name. Invented reports; the real extraction."""

from kg.extract.pipeline import extract
from kg.ingest import report_id
from kg.models import Report
from tests.test_extraction_rules import _events, _facts, _named


def test_an_earthquake_is_one_event_held_where_it_struck_and_in_its_state():
    text = ("An earthquake with a magnitude of 6.9 hit northern Peru on March 3, 2026. The earthquake occurred at a "
            "depth of ten kilometers in the Trujillo region. Rescuers searched the rubble after the quake. At least 40 "
            "people were killed in the twin earthquakes, officials said.")
    labels, edges = _facts(text, published="2026-03-04")
    quakes = _named(labels, "Event")
    assert len(quakes) == 1, quakes  # every mention is the one disaster
    assert (quakes[0], "HELD_IN", "Peru") in edges
    assert not any(t == "ATTENDED" and o == quakes[0] for _, t, o in edges)  # no one attends a disaster


def test_a_disaster_struck_names_the_place_not_its_possessor_and_a_feared_one_is_none():
    text = ("The storm struck Kenya's Mombasa county on Friday. Forecasters said a second cyclone could hit Tanzania "
            "next week.")
    labels, edges = _facts(text, published="2026-04-11")
    storms = _named(labels, "Event")
    assert len(storms) == 1, storms
    assert any(o == "Mombasa" and t == "HELD_IN" for s, t, o in edges if s == storms[0]), edges
    assert (storms[0], "HELD_IN", "Kenya") in edges
    assert not any(o == "Tanzania" and t == "HELD_IN" for _, t, o in edges)  # 'could hit': not (yet) struck


def test_rescuers_arriving_where_a_disaster_struck_do_not_attend_it():
    text = ("Floods hit Bangladesh on Monday. Teams from Nepal arrived in Bangladesh on Tuesday.")
    labels, edges = _facts(text, published="2026-07-08")
    floods = _events(labels, "Flood")
    assert floods and not any(t == "ATTENDED" and o in floods for _, t, o in edges), edges


def test_goods_named_by_the_word_before_a_generic_head_are_that_commodity():
    _, edges = _facts("Chile has dispatched its first batch of rescue teams and relief goods to Ecuador. "
                      "Peru sent fuel supplies to Bolivia.", published="2026-03-05")
    assert ("Chile", "SHIPPED", "Ecuador") in edges
    assert ("Peru", "SHIPPED", "Bolivia") in edges


def test_states_whose_rescuers_went_take_part_in_the_relief_effort_and_those_yet_to_go_do_not():
    text = ("Floods hit Bangladesh on Monday. Teams from Nepal arrived in Bangladesh on Tuesday to join the rescue "
            "operations. Bhutan was the first country to respond. The country has dispatched a team of 40 rescuers. "
            "Several flights from Sri Lanka have arrived carrying search and rescue teams. Rescue teams from across the "
            "region, including Thailand and Laos, have departed. India will send a medical team.")
    labels, edges = _facts(text, published="2026-07-08")
    relief = _events(labels, "Relief")
    assert len(relief) == 1, labels
    assert (relief[0], "HELD_IN", "Bangladesh") in edges
    for state in ("Nepal", "Bhutan", "Sri Lanka", "Thailand", "Laos"):
        assert (state, "ATTENDED", relief[0]) in edges, state
    assert ("India", "ATTENDED", relief[0]) not in edges  # 'will send': not there yet
    assert ("Bangladesh", "ATTENDED", relief[0]) not in edges  # the stricken state hosts it


def test_a_medical_team_with_no_disaster_or_relief_told_is_no_relief_effort():
    labels, _ = _facts("A Chinese medical team arrived in Pyongyang on Monday for talks on hospital equipment.",
                       published="2026-07-08")
    assert not _events(labels, "Relief"), labels


def test_a_capitalised_adjective_opening_a_sentence_is_no_body():
    labels, _ = _facts("An earthquake hit Peru on Monday. Specialist medical teams are accompanying rescuers from "
                       "Chile to Peru.", published="2026-07-08")
    assert "Specialist" not in labels, labels


def test_a_named_storm_is_one_event_and_the_floods_it_brought_are_that_storm():
    text = ("Storm Velora hit the cities of Benghazi, Tobruk and Derna in Libya on Sunday. More than 1,000 people are "
            "missing in Libya after Storm Velora caused devastating floods. The floods in Libya destroyed roads.")
    labels, edges = _facts(text, published="2026-09-11")
    assert _named(labels, "Event") == ["Storm Velora"], labels  # no body, and the floods are the storm's
    for town in ("Benghazi", "Tobruk", "Libya"):
        assert ("Storm Velora", "HELD_IN", town) in edges, town


def test_a_disaster_is_held_in_each_town_listed_but_not_in_one_of_a_state_the_report_never_names():
    labels, edges = _facts("Floods hit the cities of Derna, Benghazi and Sousse in Libya on Sunday.",
                           published="2026-09-11")
    floods = _events(labels, "Flood")
    assert floods, labels
    assert (floods[0], "HELD_IN", "Benghazi") in edges and (floods[0], "HELD_IN", "Libya") in edges, edges
    assert (floods[0], "HELD_IN", "Sousse") not in edges  # (the gazetteer's Sousse is Tunisia's)
    assert "Tunisia" not in labels


def test_places_listed_under_a_place_noun_are_places_of_that_kind_whatever_the_tagger_read():
    labels, _ = _facts("Four major oil ports in Libya, Ras Lanuf, Zueitina, Brega and Es Sidra, were closed. Heavy rain "
                       "hit the cities of Benghazi, Sousse, Al-Marj and Derna.", published="2026-09-11")
    for port in ("Ras Lanuf", "Brega", "Es Sidra"):
        assert labels.get(port) == "Place", (port, labels)
    assert labels.get("Al-Marj") == "Place", labels


def test_a_region_named_like_a_town_of_the_reports_state_is_that_town():
    text = "Floods reached Al Bayda and Benghazi in eastern Libya on Sunday."
    x = extract(Report(id=report_id(text), text=text, title="test", published="2026-09-11"))
    bayda = [n for n in x.nodes if n.name == "Al Bayda"]
    assert bayda and bayda[0].props.get("kind") == "city", bayda  # not Yemen's Al Bayda governorate
    assert bayda[0].props.get("country") in {"LY", "Libya"}, bayda[0].props


def test_a_vehicle_carrying_goods_is_how_they_went_not_what_was_shipped():
    labels, _ = _facts("The Egyptian military also sent 25 rescue teams as well as three military jets, carrying food "
                       "and medical supplies to Libya.", published="2026-09-11")
    commodities = set(_named(labels, "Commodity"))
    assert {"food", "medicine"} <= commodities, labels
    assert "combat aircraft" not in commodities


def test_nations_listed_before_rescue_teams_each_take_part_in_the_relief():
    text = ("Storm Velora hit Libya on Sunday. Turkish, Qatari, Algerian, and other international rescue and "
            "humanitarian as well as medical teams arrived in Derna on Tuesday.")
    labels, edges = _facts(text, published="2026-09-12")
    relief = _events(labels, "Relief")
    assert relief, labels
    for state in ("Türkiye", "Qatar", "Algeria"):
        assert (state, "ATTENDED", relief[0]) in edges, state

"""Natural disasters as events held where they strike, and the goods and bodies that relief
reports name. Invented reports; the real extraction."""

from tests.test_extraction_rules import _facts, _named


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
    floods = _named(labels, "Event")
    assert floods and not any(t == "ATTENDED" and o in floods for _, t, o in edges), edges


def test_goods_named_by_the_word_before_a_generic_head_are_that_commodity():
    _, edges = _facts("Chile has dispatched its first batch of rescue teams and relief goods to Ecuador. "
                      "Peru sent fuel supplies to Bolivia.", published="2026-03-05")
    assert ("Chile", "SHIPPED", "Ecuador") in edges
    assert ("Peru", "SHIPPED", "Bolivia") in edges

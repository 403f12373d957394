"""Releases of captives as events, one per day. Invented reports; the real extraction."""

from kg.extract.pipeline import extract
from kg.ingest import report_id
from kg.models import Report
from tests.test_extraction_rules import _events, _facts, _named


def _event_starts(text: str, published: str) -> set[str]:
    x = extract(Report(id=report_id(text), text=text, title="test", published=published))
    return {n.props.get("start") for n in x.nodes if n.label == "Event"}


def test_a_release_of_hostages_is_an_event_of_who_freed_and_who_received_them():
    text = ("Korvan Front releases 12 hostages\n\n"
            "The Korvan Front had released 12 people on Friday, the first group of hostages freed under the truce. "
            "The group handed over the hostages to the International Committee of the Red Cross (ICRC), which "
            "took them out of Mali through the Gao crossing. The ICRC said it had received 12 citizens.")
    labels, edges = _facts(text, published="2026-05-09")
    releases = _events(labels, "Release")
    assert len(releases) == 1, labels
    assert ("Korvan Front", "ATTENDED", releases[0]) in edges, edges
    assert ("International Committee of the Red Cross", "ATTENDED", releases[0]) in edges, edges


def test_each_day_of_releases_is_its_own_event_and_an_undated_mention_is_the_round_told():
    text = ("Hostages freed in Mali\n\n"
            "Rebels released 12 hostages held in Mali on Friday. On Saturday, the rebels freed eight more hostages. "
            "In the second round of hostage releases, four nationals of Chad were freed.")
    labels, edges = _facts(text, published="2026-05-10")
    releases = _events(labels, "Release")
    assert len(releases) == 2, labels
    assert any(o == "Mali" and t == "HELD_IN" for s, t, o in edges if s in releases), edges


def test_a_release_that_is_only_planned_is_no_event():
    labels, _ = _facts("Hostages in Mali\n\nThe rebels will release 12 hostages next week, officials said.",
                       published="2026-05-10")
    assert not _events(labels, "Release"), labels


def test_a_date_that_opens_the_report_before_a_dash_is_when_it_was_filed_not_when_it_happened():
    text = ("26th May 2026 – (Mali) Rebels handed over 13 hostages to the International Committee of the Red Cross "
            "on Saturday night.")
    starts = _event_starts(text, "2026-05-26")  # (a Tuesday)
    assert starts == {"2026-05-23"}, starts


def test_a_truce_is_named_without_the_words_that_only_describe_it():
    labels, edges = _facts("This release is distinct from the broader truce agreement between Chad and the Korvan "
                           "Front.", published="2026-05-10")
    assert "Truce agreement" in _named(labels, "Agreement"), labels
    assert ("Chad", "PARTY_TO", "Truce agreement") in edges


def test_a_place_before_a_states_possessive_is_not_in_that_state():
    _, edges = _facts("The group was brought east of the Gao crossing between Mali and the Gaza Strip, Chad's "
                      "Ministry of Foreign Affairs said.", published="2026-05-10")
    assert not any(t == "LOCATED_IN" and o == "Chad" for _, t, o in edges), edges

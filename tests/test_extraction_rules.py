"""The general extraction rules on short texts written for these tests (not taken from any
report): real spaCy parse, real gazetteer, no store. Each text exercises one family of
rules the seeds do not contain (ships, meetings, signings at a summit, place facts)."""

import re

import pytest

from kg.extract.pipeline import extract
from kg.ingest import report_id
from kg.models import Report


def _facts(text: str, published: str = "2024-05-20") -> tuple[dict, set[tuple[str, str, str]]]:
    report = Report(id=report_id(text), text=text, title="test", published=published)
    x = extract(report)
    names = {n.id: n.name for n in x.nodes}
    labels = {n.name: n.label for n in x.nodes}
    edges = {(names[e.source], e.type, names[e.target]) for e in x.edges if e.type != "MENTIONS"}
    return labels, edges


def _named(labels: dict, label: str) -> list[str]:
    """The names of the nodes of one label."""
    return [n for n, got in labels.items() if got == label]


def _events(labels: dict, prefix: str) -> list[str]:
    """The names of the events whose name starts so ('Relief', 'Release', 'Flood')."""
    return [n for n in _named(labels, "Event") if n.startswith(prefix)]


@pytest.fixture(scope="module")
def shipping():
    return _facts(
        "Satellite images show that the Panama-flagged tanker Sea Falcon left the Iranian port of "
        "Bandar Abbas on 2 May and arrived in Latakia four days later.\n\n"
        "The vessel belongs to the Greek company Oceanic Carriers, formerly Blue Wave Shipping Ltd.\n\n"
        "Last year the US Treasury Department imposed sanctions on the company.\n\n"
        "On Monday, French sailors boarded a dhow off the coast of Yemen.\n")


def test_named_ship_flag_owner_and_port_calls(shipping):
    labels, edges = shipping
    assert labels.get("Sea Falcon") == "Vessel"
    assert ("Sea Falcon", "CALLED_AT", "Bandar Abbas") in edges
    assert ("Sea Falcon", "CALLED_AT", "Latakia") in edges
    assert ("Sea Falcon", "OWNED_BY", "Oceanic Carriers") in edges
    assert ("Bandar Abbas", "LOCATED_IN", "Iran") in edges
    assert ("Bandar Abbas", "ROUTE_LEG", "Latakia") in edges  # the voyage between the two calls


def test_sanctions_reach_the_company_named_before(shipping):
    _, edges = shipping
    assert ("US Treasury Department", "SANCTIONED", "Oceanic Carriers") in edges


def test_an_unnamed_boarded_ship_is_a_vessel_of_the_report(shipping):
    labels, edges = shipping
    assert labels.get("dhow") == "Vessel"
    assert any(t == "SEIZED" and o == "dhow" for _, t, o in edges)


def test_meeting_gives_met_with_and_an_event_where_it_happened():
    labels, edges = _facts("Turkish President Recep Tayyip Erdogan and Hungarian Prime Minister Viktor Orban "
                           "met at the Dolmabahce Palace in Istanbul on 14 May.")
    assert ("Recep Tayyip Erdogan", "MET_WITH", "Viktor Orban") in edges or \
        ("Viktor Orban", "MET_WITH", "Recep Tayyip Erdogan") in edges
    meetings = _named(labels, "Event")
    assert meetings and any((p, "ATTENDED", meetings[0]) in edges for p in ("Viktor Orban", "Recep Tayyip Erdogan"))


def test_documents_listed_under_a_signing_are_signed_at_the_summit():
    labels, edges = _facts(
        "BAKU: The summit of the heads of state in the city of Baku ended on 10 May.\n\n"
        "The summit participants also signed:\n\n"
        "A Memorandum of Understanding on cooperation in the field of renewable energy;\n\n"
        "A Memorandum of Understanding on the development of transport corridors;\n")
    memoranda = [n for n, label in labels.items() if label == "Agreement" and n.startswith("Memorandum")]
    assert len(memoranda) == 2
    summit = next(n for n, label in labels.items() if label == "Event")
    assert all((m, "SIGNED_AT", summit) in edges for m in memoranda)
    assert (summit, "HELD_IN", "Baku") in edges


def test_a_state_body_in_lower_case_is_an_organisation():
    labels, _ = _facts("The Polish defence ministry said the drills would continue until June.")
    assert labels.get("Polish Defence Ministry") == "Organization"


def test_a_capital_is_its_government_unless_someone_goes_there():
    labels, edges = _facts(
        "BRASILIA – Chile and Peru agreed on Friday to expand trade. Santiago's assistance to Lima "
        "has grown since 2019, a plan to strengthen Lima as a partner. Chilean President Gabriel Boric "
        "made a visit to Lima in March.\n")
    assert "Santiago" not in labels and labels.get("Lima") == "Place"
    assert labels.get("Brasília") == "Place"  # the dateline, in the gazetteer's spelling
    visit = "Gabriel Boric visit to Peru"  # dated: an event held in the city, not a VISITED edge as well
    assert ("Gabriel Boric", "ATTENDED", visit) in edges and (visit, "HELD_IN", "Lima") in edges
    assert ("Gabriel Boric", "VISITED", "Peru") not in edges
    state_mentions = {o for s, t, o in edges if t == "MENTIONS" and labels.get(o) == "State"}
    assert state_mentions <= {"Chile", "Peru", "Brazil"}


def test_the_same_year_points_back_to_the_last_year_named():
    labels, edges = _facts(
        "The Chilean foreign minister, Alberto van Klaveren, went to Lima on a working visit in 2022. "
        "The Peruvian president, Pedro Castillo, visited Santiago the same year.\n")
    visits = [n for n, label in labels.items() if label == "Event" and "Pedro Castillo" in n]
    assert visits and ("Pedro Castillo", "ATTENDED", visits[0]) in edges


def test_a_minister_named_with_a_colleague_serves_the_same_state_not_the_host():
    _, edges = _facts(
        "Canadian Foreign Minister Melanie Joly met her Mexican counterpart on Tuesday. "
        "Joly and Defence Minister Bill Blair are in Mexico for the annual security dialogue.\n")
    assert ("Bill Blair", "HOLDS_ROLE", "Canada") in edges
    assert ("Bill Blair", "HOLDS_ROLE", "Mexico") not in edges


def test_a_misspelt_organisation_is_read_through_its_acronym_and_panels_are_bodies():
    labels, _ = _facts(
        "Korean Central New Agency (KCNA) said the United Nations panel of experts had been "
        "disbanded after a veto.\n")
    assert labels.get("Korean Central News Agency") == "Organization"
    assert "Korean Central New Agency" not in labels
    assert labels.get("United Nations panel of experts") == "Organization"


def test_people_found_by_what_they_say_and_wire_credits_in_the_dateline():
    labels, edges = _facts(
        "Lagos, (NAN - NewsWire / West Africa Wire - 3rd May, 2024) Nigeria signed a port deal on Friday.\n\n"
        "As Chinedu Okafor pointed out in an earlier column, the deal took two years. "
        "\"The port will double its capacity,\" said Ngozi-Ada Eze, senior research fellow at the "
        "Lagos Institute of Maritime Studies.\n")
    assert labels.get("Chinedu Okafor") == "Person"
    assert labels.get("Ngozi-Ada Eze") == "Person"
    assert ("Ngozi-Ada Eze", "HOLDS_ROLE", "Lagos Institute of Maritime Studies") in edges
    assert labels.get("NAN") == "Organization" and labels.get("NewsWire") == "Organization"
    assert ("Lagos", "LOCATED_IN", "Nigeria") in edges  # filed from there: a place the report stands on
    assert not any("-" in name and label == "Organization" and "NAN" in name for name, label in labels.items())


def test_officials_the_tagger_ran_into_their_ministry_or_territory():
    labels, edges = _facts(
        "He was met by the Governor of the Khabarovsk Territory Dmitry Demeshin and the head of the "
        "Ministry of Natural Resources Ivan Petrenko.\n")
    assert labels.get("Ivan Petrenko") == "Person" and labels.get("Dmitry Demeshin") == "Person"
    assert labels.get("Ministry of Natural Resources") == "Organization"
    assert ("Ivan Petrenko", "HOLDS_ROLE", "Ministry of Natural Resources") in edges


def test_an_arrival_at_a_named_place_and_who_arrived_with_it():
    labels, edges = _facts(
        "State radio showed a Turkish cargo plane arriving at Tripoli airport on Tuesday night.\n\n"
        "Atlas Freight Ltd confirmed it had arrived in Libya.\n", published="2024-05-24")
    arrivals = [n for n, label in labels.items() if label == "Event" and "arrival" in n]
    assert len(arrivals) == 1
    assert (arrivals[0], "HELD_IN", "Tripoli Airport") in edges or any(
        s == arrivals[0] and t == "HELD_IN" and "Tripoli" in o for s, t, o in edges)
    assert ("Atlas Freight Ltd", "ATTENDED", arrivals[0]) in edges


def test_agreeing_to_cooperate_with_a_state_is_an_agreement_between_the_two():
    labels, edges = _facts("Mali's transitional government agreed in March to expand energy cooperation with "
                           "Türkiye, officials said.\n")
    agreements = _named(labels, "Agreement")
    assert agreements == ["Mali-Türkiye energy cooperation agreement"]
    assert ("Mali", "PARTY_TO", agreements[0]) in edges and ("Türkiye", "PARTY_TO", agreements[0]) in edges


def test_a_broker_supports_the_deal_and_a_signing_is_not_held_where_its_ports_are():
    labels, edges = _facts("On 3 March, the EU-brokered Danube transit accord was signed by Moldova and Romania "
                           "to keep grain moving through the ports in the Black Sea.\n")
    accord = next(n for n, label in labels.items() if label == "Agreement")
    assert ("European Union", "SUPPORTS", accord) in edges
    assert not any(t == "HELD_IN" and o == "Black Sea" for _, t, o in edges)


def test_an_agreement_named_only_generically_at_a_ceremony_is_the_one_named_there():
    labels, edges = _facts(
        "Brazil's President Lula da Silva and Argentina's President Javier Milei attend an agreement signing "
        "ceremony in Brasilia on May 2, 2024, with Petrobras CEO Jean Prates signing an agreement. Brazil and "
        "Argentina signed a gas transit contract in Brasilia, officials said.\n", published="2024-05-02")
    agreements = sorted(n for n, label in labels.items() if label == "Agreement")
    assert agreements == ["Gas transit contract"], agreements
    assert ("Jean Prates", "SIGNED", "Gas transit contract") in edges


def test_goods_bound_for_a_recipient_and_a_navy_ship_flies_its_navy_flag():
    labels, edges = _facts(
        "The destroyer USS Mason stopped a boat in the Gulf of Aden on Monday. Officials said the boat carried "
        "Iranian-made drones bound for Sudan's Rapid Support Forces.\n")
    assert ("USS Mason", "FLAGGED_IN", "United States") in edges
    assert any(s == "Iran" and t == "SHIPPED" for s, t, _ in edges)


def test_officials_stand_for_their_state_and_who_acts_during_talks_attended_them():
    labels, edges = _facts(
        "Meanwhile, Indian officials were in Tokyo to hold the first 2+2 maritime dialogue. During the talks, "
        "India and Japan agreed to share port data.\n")
    dialogue = next(n for n, label in labels.items() if label == "Event")
    assert "2+2" in dialogue
    assert ("India", "ATTENDED", dialogue) in edges and ("Japan", "ATTENDED", dialogue) in edges
    assert (dialogue, "HELD_IN", "Tokyo") in edges


def test_founding_an_organisation_is_a_dated_event_where_it_happened():
    labels, edges = _facts("The two ministries established the Joint Monitoring Centre in Ankara on 3 May 2023.\n")
    founding = next((n for n, label in labels.items() if label == "Event"), None)
    assert founding is not None and "Joint Monitoring Centre" in founding
    assert (founding, "HELD_IN", "Ankara") in edges


def test_generic_ports_are_no_places_and_the_port_of_x_is_x():
    labels, edges = _facts(
        "Bulk carriers Aurora, Meridian and Kestrel left a Black Sea port on Friday. Exports leave from "
        "four key Ukrainian ports. The ship Aurora departed from the port of Odesa, and the ship Meridian "
        "waited in Izmail's port.")
    places = {n for n, label in labels.items() if label == "Place"}
    assert not any("port" in p.lower() for p in places), places
    assert "Aurora, Meridian and Kestrel" not in labels  # a list of names is not one organisation
    assert ("Aurora", "CALLED_AT", "Odesa") in edges


def test_a_suffixed_short_name_is_the_full_name_and_a_headline_verb_is_no_name():
    labels, _ = _facts(
        "Brazil, Chile ink trade pact\n\n"
        "President Ignacio Ferreira Jr. welcomed the delegation on Monday.\n\n"
        "\"This is a good day,\" Ferreira Jr. said.")
    people = {n for n, label in labels.items() if label == "Person"}
    assert people == {"Ignacio Ferreira Jr"}, people
    assert not any(n.lower().startswith("ink") for n in labels)


def test_an_agreements_acronym_is_the_agreement_and_its_ceremony_is_named_after_it():
    labels, edges = _facts(
        "Kenya and Ghana signed the Maritime Cooperation Agreement (MCA) in Nairobi on Tuesday. "
        "Kenyan Foreign Minister Mary Wanjiru described the signing of the MCA as historic.")
    assert "MCA" not in labels
    assert ("Maritime Cooperation Agreement", "SIGNED_AT", "Signing of the Maritime Cooperation Agreement") in edges


def test_a_numbered_un_resolution_is_one_agreement_and_law_is_no_organisation():
    labels, _ = _facts(
        "The shipment violated U.N Security Resolution 1701 and International law, the navy said. "
        "Resolution 1701 was adopted in 2006.")
    assert labels.get("UN Security Council Resolution 1701") == "Agreement"
    assert "International" not in labels
    assert not any(label == "Organization" and "Resolution" in n for n, label in labels.items())


def test_whoever_joins_the_event_attended_it_not_the_visit_in_his_relative_clause():
    _, edges = _facts(
        "President Lula took part in the signing ceremony of a port agreement in Lisbon on Monday. "
        "The event was also joined by Finance Minister Joao Moreira, who is on a working visit to Portugal.")
    ceremonies = {o for s, t, o in edges if t == "ATTENDED" and s == "Joao Moreira"}
    assert any("ceremony" in c.lower() or "signing" in c.lower() for c in ceremonies), ceremonies


def test_a_modifier_after_the_last_listed_good_belongs_to_that_good():
    text = "In return, Belarus sends grain, fertilizer and machinery for tractor assembly to Cuba."
    x = extract(Report(id=report_id(text), text=text, title="test", published="2024-05-20"))
    aliases = {n.name: set(n.aliases) for n in x.nodes if n.label == "Commodity"}
    assert set(aliases) == {"grain", "fertilizer", "machinery"}
    assert "machinery for tractor assembly" in aliases["machinery"]
    assert not any("tractor" in a for a in aliases["grain"] | aliases["fertilizer"])
    assert sum(e.type == "SHIPPED" for e in x.edges) == 3


def test_a_ship_named_with_its_number_its_sisters_and_its_voyage():
    labels, edges = _facts(
        "Imagery shows the cargo ship Nordic Star, delivering goods from Nampo, North Korea, to Vanino, in Russia. "
        "From the port, the Nordic Star (IMO: 9234567) loaded containers on May 2, and four days later, it arrived "
        "in Vanino.\n\n"
        "The Nordic Star, along with the Baikal, Tavda-2, and Irina, is one of four Russian cargo ships on the run.\n\n"
        "Two Russian-flagged vessels made six trips between Chongjin and Slavyanka.")
    assert {labels.get(n) for n in ("Nordic Star", "Baikal", "Tavda-2", "Irina")} == {"Vessel"}
    assert "IMO" not in labels and "International Maritime Organization" not in labels
    assert not any(label == "Person" for label in labels.values())
    assert ("Nordic Star", "CALLED_AT", "Vanino") in edges
    assert ("Nampo", "ROUTE_LEG", "Vanino") in edges
    assert ("Chongjin", "ROUTE_LEG", "Slavyanka") in edges


def test_a_line_named_after_two_places_is_a_leg_and_unnamed_acronyms_join_their_organisation():
    labels, edges = _facts(
        "Freight moves through the Zabaikalsk-Manzhouli rail crossing, the Centre for Maritime Studies (CMS) "
        "said on Monday. CMS analysts counted 40 trains.")
    assert ("Zabaikalsk", "ROUTE_LEG", "Manzhouli") in edges
    assert "CMS" not in labels and labels.get("Centre for Maritime Studies") == "Organization"


def test_who_says_a_deal_is_broken_does_not_oppose_it_and_denials_state_no_stance():
    _, edges = _facts(
        "French officials said the deliveries violate European Union sanctions. Iran denied that Tehran had "
        "violated EU sanctions.")
    assert not any(t == "OPPOSES" for _, t, _ in edges), edges


def test_an_announcement_date_is_not_the_shipment_period_and_listed_goods_all_ship():
    _, edges = _facts("On Friday, May 3, 2024, the Dutch government announced that Belarus had provided Serbia with "
                      "more than 200 containers of fertilizer and machinery.")
    assert ("Belarus", "SHIPPED", "Serbia") in edges
    report = Report(id="x", text="On Friday, May 3, 2024, the Dutch government announced that Belarus had provided "
                    "Serbia with more than 200 containers of fertilizer and machinery.", title="t", published="2024-05-06")
    shipped = [e for e in extract(report).edges if e.type == "SHIPPED"]
    assert {e.props.get("commodity") for e in shipped} == {"fertilizer", "machinery"}
    assert all(e.props.get("period") is None for e in shipped)
    assert all(e.props.get("attributed_to") == "Netherlands" for e in shipped)


def test_an_event_after_a_dated_clause_does_not_take_its_date_and_companions_attend():
    labels, edges = _facts("Trade grew in October, a few weeks after Brazil's defense minister, Jose Mucio, attended "
                           "a defence exhibition with the Peruvian leader, Dina Boluarte, in the country's capital, Lima.")
    fair = next(n for n, label in labels.items() if label == "Event")
    assert ("Jose Mucio", "ATTENDED", fair) in edges and ("Dina Boluarte", "ATTENDED", fair) in edges
    assert (fair, "HELD_IN", "Lima") in edges


def test_a_counterpart_holds_the_same_office_and_a_quoted_description_names_the_deal():
    labels, edges = _facts(
        "Turkish President Recep Tayyip Erdogan and his Azerbaijani counterpart Ilham Aliyev signed a broad "
        "security pact on Friday. Officials said the “comprehensive alliance and security treaty” covers defence "
        "and energy. Welcoming Aliyev, Erdogan said Erdogan's aides had planned it long ago.")
    assert ("Ilham Aliyev", "HOLDS_ROLE", "Azerbaijan") in edges
    assert ("Azerbaijan", "PARTY_TO", "Comprehensive alliance and security treaty") in edges
    assert not any(n.startswith("Welcoming") for n in labels)
    assert _named(labels, "Agreement") == ["Comprehensive alliance and security treaty"]


def test_a_misspelt_name_is_the_same_person_and_spelling_variants_fold():
    from kg.extract.normalize import fold
    labels, _ = _facts("President Massoud Rezaiyan arrived on Monday. Later, President Massoud Rezaiayn met the press.")
    assert _named(labels, "Person") == ["Massoud Rezaiyan"]
    assert fold("Massoud Hassani") == fold("Masoud Hasani") and fold("APP") != fold("AP")


def test_a_similar_agreement_is_not_the_main_one_and_troops_go_to_no_purpose_clause():
    _, edges = _facts(
        "Chile and Peru signed a trade agreement in Lima on Monday. In June last year, Chile signed a similar "
        "agreement with Bolivia. Bolivia sent up to 900 troops to help repel an Argentine incursion.")
    assert ("Bolivia", "PARTY_TO", "Trade agreement") not in edges
    assert not any(t == "SHIPPED" and o == "Argentina" for _, t, o in edges)


def test_a_signing_months_after_a_summit_was_not_signed_at_it():
    _, edges = _facts(
        "The two leaders have signed a Defence Cooperation Agreement\n\n"
        "President Ruto of Kenya and his Ethiopian counterpart Abiy Ahmed signed a Defence Cooperation Agreement "
        "in Nairobi on Friday.\n\n"
        "They last met at the African Union summit in Addis Ababa in late October.", published="2025-01-17")
    signed_at = {o for s, t, o in edges if t == "SIGNED_AT"}
    assert signed_at and not any("summit" in o.lower() for o in signed_at), signed_at


def test_state_bodies_in_title_case_cutters_tonnage_and_headline_verbs():
    labels, edges = _facts(
        "French Navy Seizes Cargo of Suspected Rifles\n\n"
        "The U.S. Coast Guard cutter USCGC Harriet Lane boarded a vessel on Monday. U.S. Navy ships tracked it. "
        "The ship was identified as the Nordvik (31,200 dwt). Registered in Malta, the bulk carrier is owned by "
        "Nordlys Shipping of Norway. "
        "The UK Maritime Trade Operations said the crew was safe.")
    assert labels.get("US Coast Guard") == "Organization" and labels.get("US Navy") == "Organization"
    assert labels.get("USCGC Harriet Lane") == "Vessel" and ("USCGC Harriet Lane", "FLAGGED_IN", "United States") in edges
    assert labels.get("Nordvik") == "Vessel" and ("Nordvik", "OWNED_BY", "Nordlys Shipping") in edges
    assert labels.get("Maritime Trade Operations") != "Person"
    said = _facts("The UK Maritime Security Organizations said the crew was safe.")[0]
    assert said.get("Maritime Security Organizations") == "Organization"
    assert not any("Seizes" in n for n in labels)


def test_an_undated_visit_is_a_visited_edge_and_no_event():
    labels, edges = _facts("The ceremony in Lima was also joined by Finance Minister Joao Moreira, who is on a "
                           "working visit to Peru.")
    assert ("Joao Moreira", "VISITED", "Peru") in edges
    assert not any(label == "Event" and "visit" in n for n, label in labels.items())


def test_aircraft_deliveries_a_handover_ceremony_and_no_people_from_models_or_plurals():
    labels, edges = _facts(
        "Chad has received more warplanes and helicopters from Belarus, a Reuters correspondent noted.\n\n"
        "Reuters counted six planes at a ceremony on Thursday attended by Belarusian ambassador Pavel Lukin "
        "and Chad's army chief, General Abakar Idriss.\n\n"
        "Photographs of the Yak-130 jets were posted online. The shipment included Sukhoi Su-25 attack planes "
        "and the Czech-designed Albatros L-39.", published="2023-01-20")
    assert ("Belarus", "SHIPPED", "Chad") in edges
    assert labels.get("combat aircraft") == "Commodity" and labels.get("helicopters") == "Commodity"
    ceremony = next(n for n, label in labels.items() if label == "Event")
    assert "signing" not in ceremony.lower()
    assert ("Pavel Lukin", "ATTENDED", ceremony) in edges
    assert not any(s == "Reuters" and t == "ATTENDED" for s, t, _ in edges)
    assert "Photographs" not in labels and "Albatros L-39" not in labels


def test_a_visitor_is_not_the_hosts_official_and_a_guest_is_no_colleague():
    _, edges = _facts(
        "NAIROBI - Kenya and Uganda on Saturday signed 12 agreements.\n\n"
        "The documents were signed during the visit of Prime Minister Amos Okello to Kenya at a ceremony held "
        "at State House.\n\n"
        "The ceremony was witnessed by Prime Minister Amos Okello and Kenyan President William Ruto.\n\n"
        "From the Ugandan side, the documents were signed by Minister for Foreign Affairs Jeje Odongo, "
        "Finance Minister Matia Kasaija and Uganda's Ambassador to Kenya Joy Kabatsi.")
    assert not any(s == "Amos Okello" and t == "HOLDS_ROLE" and o == "Kenya" for s, t, o in edges)
    assert ("William Ruto", "HOLDS_ROLE", "Kenya") in edges
    assert ("Joy Kabatsi", "HOLDS_ROLE", "Uganda") in edges
    assert not any(s == "Jeje Odongo" and t == "HOLDS_ROLE" and o == "Kenya" for s, t, o in edges)


def test_an_official_run_into_his_authority_and_a_memorandum_is_no_organisation():
    labels, edges = _facts(
        "Member Planning of National Highway Authority Asim Amin signed the MOU on port development. "
        "The Secretary Ministry of National Food Security Zafar Hassan signed the third document.")
    assert labels.get("Asim Amin") == "Person" and labels.get("National Highway Authority") == "Organization"
    assert labels.get("Ministry of National Food Security") == "Organization"
    assert "MOU" not in labels
    assert any(label == "Agreement" and n.startswith("MOU on") for n, label in labels.items())


def test_korean_names_whole_and_counterparts_named_after_a_comma():
    labels, edges = _facts(
        "SEOUL, May 2. /Yonhap/. North Korean Foreign Minister Ri Son Gwon will visit Laos. Vietnamese Foreign "
        "Minister Bui Thanh Son and his North Korean counterpart, Kim Yo Jong, met in Hanoi on Tuesday.",
        published="2024-05-02")
    assert labels.get("Ri Son Gwon") == "Person" and labels.get("Kim Yo Jong") == "Person"
    assert not any(label == "Place" and n not in {"Seoul", "Hanoi"} for n, label in labels.items()), labels
    assert labels.get("Yonhap") == "Organization"
    assert _facts("The Vietnamese MFA said so.")[0].get("Vietnamese Foreign Ministry") == "Organization"
    assert ("Bui Thanh Son", "MET_WITH", "Kim Yo Jong") in edges or ("Kim Yo Jong", "MET_WITH", "Bui Thanh Son") in edges


def test_named_forums_are_events_and_the_end_of_her_way_is_where():
    labels, edges = _facts(
        "HAVANA (Prensa Latina) – Cuban Foreign Minister Bruno Rodriguez and his Angolan counterpart, Tete Antonio, "
        "held a meeting on May 6. Rodriguez met with Tete Antonio, who was in Havana on his way to Caracas to "
        "participate in the first ALBA Youth Forum.", published="2024-05-08")
    meetings = [n for n, label in labels.items() if label == "Event" and "meeting" in n]
    assert len(meetings) == 1, meetings  # 'held a meeting' and 'met with' are one meeting
    forum = next(n for n, label in labels.items() if label == "Event" and "Forum" in n)
    assert (forum, "HELD_IN", "Caracas") in edges and ("Tete Antonio", "ATTENDED", forum) in edges
    assert not any(s == "Cuba" and t == "ATTENDED" for s, t, _ in edges)  # the dateline is no participant


def test_a_ship_named_like_its_port_its_voyage_and_who_really_shipped():
    labels, edges = _facts(
        "Satellite images identified a Russian cargo ship, the Port Vanino 2, suspected of carrying arms.\n\n"
        "The ship was spotted at Port Olya in Astrakhan on the Caspian Sea on May 4, after leaving the Iranian "
        "port of Amirabad on April 29. The ship will be inspected before arriving in Makhachkala.\n\n"
        "The Russian Ministry of Defense used the vessel to transport close-range ballistic missiles (CRBMs) "
        "from Iran to Russia. Iranian ports such as Amirabad and Anzali have been used. Analysts at Orbital "
        "Technologies said the Russo-Iranian trade grew.", published="2024-05-10")
    assert labels.get("Port Vanino 2") == "Vessel"
    assert ("Port Vanino 2", "CALLED_AT", "Olya") in edges and ("Port Vanino 2", "CALLED_AT", "Bandar Amirabad") in edges
    assert ("Bandar Amirabad", "ROUTE_LEG", "Olya") in edges
    assert not any(t == "CALLED_AT" and o == "Makhachkala" for _, t, o in edges)  # a planned arrival
    assert ("Olya", "LOCATED_IN", "Astrakhan") in edges and ("Bandar Anzali", "LOCATED_IN", "Iran") in edges
    assert ("Iran", "SHIPPED", "Russia") in edges and not any(t == "SHIPPED" and o == "Russia" and s != "Iran"
                                                              for s, t, o in edges)
    assert "CRBMs" not in labels and "CRBM" not in labels and "Russo" not in labels
    assert labels.get("Orbital Technologies") == "Organization"


def test_a_one_word_organisation_named_in_full_before_is_that_one():
    labels, _ = _facts("The U.S. Treasury Department announced the sanctions on Monday. According to the Treasury's "
                       "figures, exports rose. Helikon Shipping Group said on Monday it would appeal. According to "
                       "Helikon, the ship was idle.")
    assert sorted(n for n, label in labels.items() if label == "Organization") == [
        "Helikon Shipping Group", "US Treasury Department"]


@pytest.mark.parametrize("mangle", [str.upper, str.lower, lambda t: t.replace(" ", "  \n"), lambda t: t.replace(" ", "-"),
                                    lambda t: t.replace(",", " ("), lambda t: re.sub(r"[.,;:]", "", t)])
def test_mangled_text_never_crashes_the_rules(mangle):
    text = ("MANILA – President Ferdinand Marcos Jr. and his Japanese counterpart, Kim Yo Jong, signed the Reciprocal "
            "Access Agreement (RAA) on Monday. The Lady R (IMO: 9161003), along with the Angara, is one of two cargo "
            "ships. U.N Security Resolution 2216 and International law; the U.S. Navy said. Photographs of L-39 jets.")
    labels, _ = _facts(mangle(text))
    assert "test" in labels  # the report node is always there


def test_junta_leaders_portfolio_ministries_and_memoranda_named_by_their_subject():
    labels, edges = _facts(
        "Niger's energy ministry announced the signing of a memorandum of understanding (MOU) with the Russian "
        "company Rosatom for the construction of a solar plant in the Sahel state. The agreement, signed by energy "
        "minister Mahaman Moussa and Rosatom's deputy director general Pavel Ivanov, covers training. The move "
        "follows a request made by Niger junta leader General Abdourahamane Tiani to Russian President Vladimir "
        "Putin during the Russia-Africa summit in St. Petersburg in July. Mali's Minister of Energy & Water "
        "Resources Bintu Camara attended.", published="2023-10-13")
    memo = "Memorandum of understanding for the construction of a solar plant"
    assert labels.get(memo) == "Agreement"
    assert ("Mahaman Moussa", "HOLDS_ROLE", "Niger") in edges and ("Niger", "PARTY_TO", memo) in edges
    assert ("Abdourahamane Tiani", "HOLDS_ROLE", "Niger") in edges
    assert ("Bintu Camara", "HOLDS_ROLE", "Mali") in edges
    summit = next(n for n, label in labels.items() if label == "Event" and "summit" in n)
    assert ("Abdourahamane Tiani", "ATTENDED", summit) in edges and ("Vladimir Putin", "ATTENDED", summit) in edges


def test_talks_between_two_leaders_and_a_named_week_are_events():
    labels, edges = _facts(
        "The deal follows talks between Chilean President Gabriel Boric and Peruvian President Dina Boluarte in "
        "July. Ministers signed documents on the sidelines of the Lima Energy Week in Lima.", published="2023-10-13")
    assert ("Dina Boluarte", "MET_WITH", "Gabriel Boric") in edges or ("Gabriel Boric", "MET_WITH", "Dina Boluarte") in edges
    assert any(label == "Event" and "Energy Week" in n for n, label in labels.items())
    assert not any(label == "Event" and "week" in n.lower() and "Energy" not in n for n, label in labels.items())


def test_a_lede_signing_by_two_presidents_and_leaders_listed_by_their_states():
    labels, edges = _facts(
        "ASTANA, March 6 (Xinhua) -- Kazakh and Uzbek presidents signed an agreement on mutual water guarantees for "
        "the two countries within the Central Asia framework.\n\n"
        "The leaders of Turkey and Azerbaijan — Recep Tayyip Erdogan and Ilham Aliyev — met later. "
        "The treaty between Kazakhstan and Uzbekistan on the demarcation of the border was signed on December 6, 2022. "
        "Erdogan asked for \"Oreshnik\" to be discussed by the Council of Elders of the Union of.",
        published="2024-03-06")
    deal = "Agreement on mutual water guarantees"
    assert labels.get(deal) == "Agreement"
    assert ("Kazakhstan", "PARTY_TO", deal) in edges and ("Uzbekistan", "PARTY_TO", deal) in edges
    assert ("Recep Tayyip Erdogan", "HOLDS_ROLE", "Türkiye") in edges
    assert ("Ilham Aliyev", "HOLDS_ROLE", "Azerbaijan") in edges
    assert labels.get("Treaty on the demarcation of the border") == "Agreement"
    assert "Oreshnik" not in labels
    assert not any(n.endswith(" of") for n in labels)


def test_transliterations_of_given_names_fold_together():
    from kg.extract.normalize import fold
    assert fold("Aleksandr Lukashenko") == fold("Alexander Lukashenko")
    assert fold("Yevgeny Prigozhin") == fold("Evgeny Prigozhin")
    assert fold("Yemen") != fold("Oman")


def test_troops_brought_or_stationed_a_national_council_and_shared_borders():
    labels, edges = _facts(
        "According to Polish intelligence, about 2,000 Belarusian troops have been secretly brought to the Belgorod "
        "region of Russia. Jane Doe, spokesperson for the National Security Council, said so. Finland has stationed "
        "500 soldiers in the east of Estonia. Troops entered Russia's Kaliningrad region, which shares a border with "
        "Lithuania.",
        published="2024-10-29")
    assert ("Belarus", "SHIPPED", "Russia") in edges and ("Finland", "SHIPPED", "Estonia") in edges
    assert labels.get("National Security Council") == "Organization"
    assert "United Nations Security Council" not in labels
    assert ("Kaliningrad Oblast", "LOCATED_IN", "Russia") in edges
    assert ("Kaliningrad Oblast", "BORDERS", "Lithuania") in edges


def test_a_summit_dated_by_year_is_the_visit_of_that_year_and_a_tri_border_is_a_place():
    labels, edges = _facts(
        "French President Emmanuel Macron visited Germany in March 2023 and was welcomed by German Chancellor "
        "Olaf Scholz. The Macron-Scholz summit last year opened a new chapter, officials said.\n\n"
        "The new bridge lies downstream from the Brazil-Argentina-Paraguay triple border, and Asuncion will "
        "be consulted.", published="2024-05-20")
    events = _named(labels, "Event")
    assert len(events) == 1 and "visit" in events[0]  # one event, named as the visit
    assert ("Olaf Scholz", "ATTENDED", events[0]) in edges
    assert labels.get("Brazil-Argentina-Paraguay triple border") == "Place"
    assert not any(s.endswith("triple border") and t == "LOCATED_IN" for s, t, _ in edges)  # not 'X, Asuncion will'


def test_counterparts_in_order_and_everyone_at_a_meeting_met():
    labels, edges = _facts(
        "The deal was inked after a meeting between Russian President Vladimir Putin and his Chinese and "
        "Mongolian counterparts Xi Jinping and Ukhnaagiin Khurelsukh in Beijing on Tuesday.")
    assert labels.get("Ukhnaagiin Khurelsukh") == "Person"  # the tagger's organisation, listed with a person
    assert ("Xi Jinping", "HOLDS_ROLE", "China") in edges
    assert ("Ukhnaagiin Khurelsukh", "HOLDS_ROLE", "Mongolia") in edges
    assert ("Xi Jinping", "HOLDS_ROLE", "Mongolia") not in edges
    met = {frozenset((s, o)) for s, t, o in edges if t == "MET_WITH"}
    assert frozenset(("Vladimir Putin", "Ukhnaagiin Khurelsukh")) in met
    assert frozenset(("Vladimir Putin", "Xi Jinping")) in met


def test_ships_by_tonnage_before_the_name_build_year_manager_flag_and_passive_seizure():
    labels, edges = _facts(
        "Vessel trackers show the 61,000-dwt Ocean Lark (built 2009) at anchor off Skagen. The Ocean Lark, which "
        "is listed under the management of China's Ningbo Haitong, is underway from Ust-Luga to Egypt.\n\n"
        "It was shadowed by Danish Navy patrol vessel P520 Diana. The Marshall Islands-flagged tanker Sea Crest "
        "was seized by Iranian forces on Friday.", published="2024-11-20")
    assert labels.get("Ocean Lark") == "Vessel"
    assert ("Ocean Lark", "CALLED_AT", "Ust-Luga") in edges
    assert ("Ocean Lark", "OWNED_BY", "Ningbo Haitong") in edges and labels["Ningbo Haitong"] == "Organization"
    assert ("P520 Diana", "FLAGGED_IN", "Denmark") in edges
    assert ("Iran", "SEIZED", "Sea Crest") in edges


def test_towns_straits_lines_with_of_cables_police_and_a_joined_wire_credit():
    labels, edges = _facts(
        "COPENHAGEN (dpa-AFX) - The freighter lay idle in the Kattegat strait between Grenaa in Denmark and "
        "Torekov in Sweden.\n\n"
        "The C-Lion 1 cable between Finland and Germany was cut, and the Swedish police opened an "
        "investigation. Work on the Power of Siberia 2 pipeline, which would transit Mongolia, goes on, and "
        "the Power of Siberia 2 will carry gas.")
    assert labels.get("Grenaa") == "Place" and ("Grenaa", "LOCATED_IN", "Denmark") in edges
    assert labels.get("Torekov") == "Place" and ("Torekov", "LOCATED_IN", "Sweden") in edges
    assert labels.get("Kattegat") == "Place"
    assert labels.get("C-Lion 1 cable") == "Place"
    assert labels.get("Power of Siberia 2 pipeline") == "Place"
    assert "Siberia" not in labels and not any(n.startswith("Power") and lab != "Place" for n, lab in labels.items())
    assert labels.get("Swedish Police") == "Organization"
    assert labels.get("dpa-AFX") == "Organization"


def test_one_summit_per_day_inside_the_visit_and_cyrillic_look_alikes():
    labels, edges = _facts(
        "MOSCOW/SEOUL - North Korean leader Kim Jong Un arrived in Russia on September 12, 2023. Kim signed the "
        "visitors book during the visit to the Vostochny \u0421osmodrome, where he met with Russian President "
        "Vladimir Putin.\n\n"
        "Kim Jong Un and Vladimir Putin met for a rare summit on September 13, 2023. Putin shook hands with "
        "Kim at the cosmodrome on September 13, 2023, kicking off a meeting.", published="2023-09-14")
    events = _named(labels, "Event")
    assert len(events) == 1, events  # the visit, the summit and the meeting are one event
    assert ("Vladimir Putin", "ATTENDED", events[0]) in edges
    assert labels.get("Vostochny Cosmodrome") == "Place" and "Vostochny" not in labels  # a Cyrillic 'С' in it
    assert labels.get("Seoul") == "Place"  # the second city of the dateline


def test_an_agreement_named_by_what_it_builds_and_the_two_countries_are_its_parties():
    labels, edges = _facts(
        "Russia and North Korea have deepened ties. North Korea sent workers to Russia.\n\n"
        "The two countries signed the agreement to build a bridge across the Tumen River in June 2024.\n\n"
        "In June 2024, the leaders of the two nations signed a comprehensive strategic partnership treaty to "
        "bolster cooperation.", published="2025-04-30")
    bridge = "Agreement to build a bridge across the Tumen River"
    assert labels.get(bridge) == "Agreement"
    assert ("Russia", "PARTY_TO", bridge) in edges and ("North Korea", "PARTY_TO", bridge) in edges
    treaty = "Comprehensive strategic partnership treaty"
    assert labels.get(treaty) == "Agreement" and ("Russia", "PARTY_TO", treaty) in edges
    assert not any(n.endswith("to bolster cooperation") for n in labels)  # why they signed, not what
    assert not any(s == "Tumen River" and t == "LOCATED_IN" for s, t, _ in edges)  # a river is no one state's


def test_a_named_bridge_a_line_linking_two_stations_and_a_military_that_speaks():
    labels, edges = _facts(
        'The bridge is being built near the existing "Friendship Bridge", a rail bridge. North Korea and Russia '
        "have only one railway bridge linking the North's Tumangang station with Russia's Khasan station.\n\n"
        "North Korea fired two missiles, the South Korean military said. Russian military aid grew.")
    assert labels.get("Friendship Bridge") == "Place"
    assert any(t == "ROUTE_LEG" and s.startswith("Tumangang") and o.startswith("Khasan") for s, t, o in edges)
    assert labels.get("South Korean Military") == "Organization"
    assert "Russian Military" not in labels


def test_a_hijacked_ship_its_owner_flag_port_and_backers():
    labels, edges = _facts(
        "LONDON, Nov 20 (Reuters) - Sea Harmony was illegally boarded and captured by Houthi Rebels during a "
        "helicopter raid on Sunday. Northwind Shipping Ltd, owner of the car carrier Sea Harmony, said the ship "
        "is now at the Hodeidah port anchorage.\n\n"
        "At the time of its capture, Sea Harmony sailed under a Bahamian flag. Yemen's Iran-backed Houthis "
        "released video on Monday showing armed men seizing a cargo ship, a Soviet-era helicopter above it. "
        "Northwind Shipping said the crew was safe.", published="2023-11-21")
    assert labels.get("Sea Harmony") == "Vessel"
    assert ("Houthis", "SEIZED", "Sea Harmony") in edges
    assert ("Sea Harmony", "OWNED_BY", "Northwind Shipping Ltd") in edges
    assert "Northwind Shipping" not in labels  # the bare name later is the same company
    assert ("Sea Harmony", "FLAGGED_IN", "Bahamas") in edges
    assert ("Sea Harmony", "CALLED_AT", "Hodeidah") in edges
    assert ("Iran", "SUPPORTS", "Houthis") in edges
    assert labels.get("London") == "Place" and "United Kingdom" not in labels  # a dateline names the city
    assert "Soviet Union" not in labels
    events = _named(labels, "Event")
    assert len(events) == 1 and ("Houthis", "ATTENDED", events[0]) in edges  # 'a cargo ship' is Sea Harmony


def test_norway_is_a_state_with_an_adjective():
    labels, edges = _facts("Norwegian Prime Minister Jonas Gahr Store met Danish officials in Oslo.")
    assert ("Jonas Gahr Store", "HOLDS_ROLE", "Norway") in edges  # the YAML key NO once read as false


def test_one_treaty_however_described_and_a_president_elect():
    labels, edges = _facts(
        "Russia and Iran have grown closer. Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a treaty on "
        "\u201ccomprehensive strategic partnership\u201d between their countries on January 17. The signed document "
        "covers trade and science.\n\n"
        "In Moscow, Putin met with Pezeshkian to seal a wide-ranging cooperation agreement as both nations face "
        "sanctions. His visit came ahead of Monday's inauguration of President-elect Trump, who has pledged to "
        "broker peace in Ukraine. Kremlin spokesman Dmitry Peskov dismissed any link with Trump's inauguration.",
        published="2025-01-17")
    agreements = _named(labels, "Agreement")
    assert agreements == ["Treaty on comprehensive strategic partnership"], agreements
    assert ("Iran", "PARTY_TO", agreements[0]) in edges and ("Vladimir Putin", "SIGNED", agreements[0]) in edges
    assert labels.get("Trump") == "Person" and [n for n, lab in labels.items() if lab == "Person" and "Trump" in n] == ["Trump"]
    labels, edges = _facts("The talks came ahead of the inauguration of U.S. President-elect Donald Trump.")
    assert ("Donald Trump", "HOLDS_ROLE", "United States") in edges


def test_troops_flown_in_a_named_agency_a_general_with_his_post_and_an_alliance():
    labels, edges = _facts(
        "A contingent of Russian military personnel has flown into Ghana's capital, Accra, two sources said. "
        "Photos posted by Sahel Voice, a pro-Kremlin news agency, showed the arrival.\n\n"
        "On June 2, the head of state of Niger received a delegation led by Colonel-General Younous-Bek "
        "Evkourov, Deputy Minister of Defense of the Russian Federation. All members of the Alliance of Sahel "
        "States agreed. Russian Foreign Minister Sergei Lavrov spoke in Accra. Mr. Lavrov said the talks went "
        "well.", published="2024-06-05")
    assert ("Russia", "SHIPPED", "Ghana") in edges
    assert labels.get("Sahel Voice") == "Organization"
    assert labels.get("Younous-Bek Evkourov") == "Person" and ("Younous-Bek Evkourov", "HOLDS_ROLE", "Russia") in edges
    assert labels.get("Alliance of Sahel States") == "Organization"
    assert [n for n in labels if "Lavrov" in n] == ["Sergei Lavrov"]  # 'Mr. Lavrov' is he


def test_a_section_heading_names_no_organisation():
    labels, _ = _facts("Troops landed in Mali on Monday.\n\nGlobal Concerns and Repercussions\n\n"
                       "The move alarmed Western capitals, Human Rights Watch said.")
    assert "Global Concerns" not in labels


def test_ships_listed_before_a_plural_ship_noun():
    labels, _ = _facts("Four Chinese naval vessels, including the Shaoxing and Urumqi missile destroyers, "
                       "joined the drills near Vladivostok.")
    assert labels.get("Shaoxing") == "Vessel" and labels.get("Urumqi") == "Vessel"  # ships named after towns


def test_an_inauguration_is_an_event_and_a_relative_clause_places_nothing():
    labels, edges = _facts(
        "His visit came ahead of the inauguration of U.S. President-elect Donald Trump on January 20, who has "
        "pledged to take a tougher stance on Iran, which has setbacks in its sphere of influence across the "
        "Middle East.", published="2025-01-17")
    events = _named(labels, "Event")
    assert events and ("Donald Trump", "ATTENDED", events[0]) in edges
    assert not any(t == "HELD_IN" for _, t, _ in edges)  # the Middle East is no place of the inauguration


def test_who_decided_to_send_is_the_shipper():
    _, edges = _facts("The United States on Tuesday unveiled fresh sanctions in response to what it called Iran's "
                      "escalatory decision to send ballistic missiles to Russia.", published="2024-09-10")
    assert ("Iran", "SHIPPED", "Russia") in edges and ("United States", "SHIPPED", "Russia") not in edges


def test_a_state_airline_is_a_company_and_can_be_sanctioned():
    labels, edges = _facts("The US State Department sanctioned Tehran's flag carrier Iran Air for operating in "
                           "Russia. Turkish Airlines still flies to Moscow.", published="2024-09-10")
    assert labels.get("Iran Air") == "Organization" and labels.get("Turkish Airlines") == "Organization"
    assert ("US State Department", "SANCTIONED", "Iran Air") in edges


def test_an_undated_recurring_gathering_is_no_event():
    labels, _ = _facts("Australia and New Zealand were invited to the annual NATO summit, which worried Beijing. "
                       "NATO leaders held a summit in Vilnius on July 11.", published="2023-07-20")
    events = _named(labels, "Event")
    assert len(events) == 1 and "Vilnius" in events[0]  # the dated one, not the series


def test_an_indefinite_agreement_on_a_subject_is_the_signed_treaty():
    labels, edges = _facts(
        "Mongolia and Kazakhstan signed a treaty on strategic partnership in Astana on Monday. Now that there is "
        "an agreement on fisheries, more Kazakh boats will sail to Mongolian lakes. Kazakhstan also reached "
        "an agreement on grain with Uzbekistan.", published="2024-03-06")
    agreements = _named(labels, "Agreement")
    treaty = next(a for a in agreements if "strategic partnership" in a.lower())
    assert not any("fisheries" in a.lower() for a in agreements)  # folded into the treaty
    assert any("grain" in a.lower() for a in agreements)  # this one has its own parties
    assert ("Mongolia", "PARTY_TO", treaty) in edges


def test_united_nations_sanctions_are_the_security_councils():
    labels, _ = _facts("Such sales violate U.N. sanctions on Eritrea, and the UN arms embargo still holds. "
                       "The United Nations General Assembly met in New York.", published="2024-03-06")
    assert labels.get("United Nations Security Council") == "Organization"
    assert "United Nations" not in labels  # no UN node of its own: its only mentions were the sanctions'


def test_a_short_family_word_after_a_title_is_part_of_the_name():
    labels, edges = _facts("Laotian President Thongloun Sisoulith met with his Vietnamese counterpart To Lam in "
                           "Vientiane on Monday. Later, To Lam said the talks went well.", published="2024-07-08")
    assert labels.get("To Lam") == "Person" and "Lam" not in labels
    assert ("To Lam", "HOLDS_ROLE", "Vietnam") in edges
    assert ("Thongloun Sisoulith", "MET_WITH", "To Lam") in edges or ("To Lam", "MET_WITH", "Thongloun Sisoulith") in edges


def test_two_titles_of_two_states_before_one_name():
    _, edges = _facts("Kazakh President and Kyrgyz leader Sadyr Japarov signed on May 3 the Treaty on Eternal "
                      "Friendship.", published="2024-05-04")
    assert ("Sadyr Japarov", "HOLDS_ROLE", "Kyrgyzstan") in edges
    assert ("Sadyr Japarov", "HOLDS_ROLE", "Kazakhstan") not in edges
    assert ("Sadyr Japarov", "SIGNED", "Treaty on Eternal Friendship") in edges  # no date in the name


def test_a_party_of_a_state_is_one_organisation_however_written():
    labels, edges = _facts(
        "General Secretary of the Communist Party of Laos Thongloun Sisoulith received the Chinese envoy in "
        "Vientiane on Monday for talks on the railway. Laos's Communist Party has ruled since 1975.",
        published="2024-07-08")
    assert labels.get("Communist Party of Laos") == "Organization" and "Communist Party" not in labels
    assert ("Thongloun Sisoulith", "HOLDS_ROLE", "Communist Party of Laos") in edges


def test_a_states_title_stands_for_its_one_holder():
    _, edges = _facts("Kazakh President Kassym-Jomart Tokayev arrived in Baku on Monday. The talks were part of "
                      "the Kazakh president's state visit to Azerbaijan.", published="2024-08-06")
    assert ("Kassym-Jomart Tokayev", "VISITED", "Azerbaijan") in edges or any(
        s == "Kassym-Jomart Tokayev" and t == "ATTENDED" and "visit" in o for s, t, o in edges)


def test_who_met_during_their_meeting_and_a_meeting_with_someone():
    labels, edges = _facts(
        "Mongolian President Ukhnaa Khurelsukh and Russian President Vladimir Putin reached a consensus on "
        "measures to expand trade during their meeting in Ulaanbaatar on Tuesday. Putin speaks at a meeting with "
        "Mongolia's Prime Minister Luvsannamsrain Oyun-Erdene in Ulaanbaatar, September 3, 2024.",
        published="2024-09-04")
    meetings = _named(labels, "Event")
    assert any(("Ukhnaa Khurelsukh", "ATTENDED", m) in edges and ("Vladimir Putin", "ATTENDED", m) in edges
               for m in meetings)
    assert not any(s == "Russia" and t == "ATTENDED" for s, t, _ in edges)  # a title's state attends nothing
    assert ("Luvsannamsrain Oyun-Erdene", "MET_WITH", "Vladimir Putin") in edges or \
        any(("Luvsannamsrain Oyun-Erdene", "ATTENDED", m) in edges for m in meetings)


def test_an_airport_named_for_a_person_is_a_facility():
    labels, edges = _facts("The plane touched down at Tehran's Imam Khomeini international airport on Monday.",
                           published="2024-08-06")
    assert labels.get("Imam Khomeini International Airport") == "Place"
    assert ("Imam Khomeini International Airport", "LOCATED_IN", "Tehran") in edges  # (the town the possessive names)


def test_a_fellow_with_an_institute_serves_the_institute():
    _, edges = _facts("The deals matter less, said Jane Doe, a senior fellow for Russia and Eurasia with the Royal "
                      "Institute of Strategic Affairs in London.", published="2024-06-20")
    assert ("Jane Doe", "HOLDS_ROLE", "Royal Institute of Strategic Affairs") in edges
    assert ("Jane Doe", "HOLDS_ROLE", "Russia") not in edges


def test_several_signed_documents_are_no_agreement_of_their_own():
    labels, _ = _facts("Laos and Vietnam signed a memorandum on rail links in Hanoi on Monday. Details of the "
                       "signed documents remain unclear.", published="2024-06-20")
    assert not any("documents" in n.lower() for n, label in labels.items() if label == "Agreement")


def test_an_agreement_signed_where_an_earlier_visit_went_is_not_the_later_visits():
    labels, edges = _facts(
        "Vladimir Putin pays a state visit to Vietnam, where he hasn't been since 2017. Putin's trip to Vietnam "
        "comes shortly after his state visit to North Korea, where he was hosted by the country's leader Kim "
        "Jong Un and signed a comprehensive partnership agreement.", published="2024-06-20")
    assert not any(t == "PARTY_TO" and s == "Vietnam" for s, t, _ in edges)
    assert not any(t == "SIGNED_AT" for _, t, _ in edges)


def test_a_visit_told_as_the_days_news_is_dated_by_the_report():
    def visits(text: str) -> set[str]:
        x = extract(Report(id=report_id(text), text=text, title="t", published="2024-07-10"))
        return {n.id for n in x.nodes if n.label == "Event" and n.props.get("start", "").startswith("2024-07")}
    told = visits("Indian Prime Minister Narendra Modi pays a state visit to Austria, where he met business leaders.")
    dated = visits("Narendra Modi arrived in Vienna early Wednesday morning from Moscow.")
    assert told and told == dated  # one visit of this month, however each report tells it: reports merge on it
    past, edges = _facts("Narendra Modi, who is on a working visit to Austria, spoke. Modi has visited Austria "
                         "twice.", published="2024-07-10")
    assert not any(label == "Event" for label in past.values())  # in passing, and a perfect: no event
    assert ("Narendra Modi", "VISITED", "Austria") in edges


def test_a_title_in_a_list_of_subjects_leads_to_its_name():
    _, edges = _facts("Russian President Vladimir Putin (R) and Vietnamese President To Lam (L) attend a welcoming "
                      "ceremony on June 20, 2024 in Hanoi.", published="2024-06-20")
    assert any(s == "To Lam" and t == "ATTENDED" for s, t, _ in edges)


def test_an_unnamed_title_opening_a_sentence_is_its_holder_and_days_keep_events_apart():
    _, edges = _facts(
        "Russian President Vladimir Putin attended a welcoming ceremony in Hanoi on June 20. Russian President and "
        "North Korean leader Kim Jong Un signed on June 19 the Treaty on Eternal Friendship.", published="2024-06-21")
    assert ("Vladimir Putin", "SIGNED", "Treaty on Eternal Friendship") in edges
    assert not any(s == "Treaty on Eternal Friendship" and t == "SIGNED_AT" and "ceremony" in o for s, t, o in edges)


def test_a_planned_meeting_is_no_meeting_yet():
    labels, edges = _facts("Later on Thursday, Vladimir Putin is scheduled to meet with Prime Minister Pham Minh "
                           "Chinh. Xi Jinping will meet Lula da Silva.", published="2024-06-20")
    assert not any(t == "MET_WITH" for _, t, _ in edges)
    assert not any(label == "Event" for label in labels.values())


def test_a_committee_of_a_party_of_a_state_is_named_whole():
    labels, _ = _facts("General Secretary of the Central Committee of the Communist Party of Laos Thongloun "
                       "Sisoulith received the delegation.", published="2024-06-20")
    assert labels.get("Central Committee of the Communist Party of Laos") == "Organization"


def test_large_packages_of_a_commodity_are_that_commodity():
    _, edges = _facts("Pyongyang supplied Moscow with large packages of artillery shells.", published="2024-06-20")
    assert ("North Korea", "SHIPPED", "Russia") in edges


def test_a_named_cable_is_one_place_however_described():
    labels, _ = _facts("The tanker damaged the Balt 3 submarine power cable in the Gulf of Riga on Monday. Police "
                       "said the Balt 3 undersea cable and the Balt power cable were cut.", published="2024-12-27")
    cables = [n for n, label in labels.items() if label == "Place" and "Balt" in n]
    assert cables == ["Balt 3 cable"]
    assert labels.get("Gulf of Riga") == "Place"


@pytest.fixture(scope="module")
def detained_tanker():
    return _facts(
        "The Finnish Border Guard has intercepted and detained the oil tanker Baltic Star, suspected of damaging "
        "a cable. The Malta-registered vessel was carrying Russian oil to Egypt.\n\n"
        "The Baltic Star, owned by UAE-based Nordic Sea LLC FZ, is anchored off Porvoo. The 20-year-old, "
        "Malta-flagged tanker lost an anchor.\n\n"
        "SWEDISH police said they have seized the tanker Polar Wind, flagged under the Marshall Islands.",
        published="2024-12-27")


def test_who_detained_a_tanker_and_under_which_flag(detained_tanker):
    labels, edges = detained_tanker
    assert ("Finnish Border Guard", "SEIZED", "Baltic Star") in edges  # the subject of 'intercepted and detained'
    assert ("Swedish Police", "SEIZED", "Polar Wind") in edges  # 'they' is who said so, in a wire's capitals
    assert ("Baltic Star", "FLAGGED_IN", "Malta") in edges
    assert ("Polar Wind", "FLAGGED_IN", "Marshall Islands") in edges


def test_a_free_zone_company_owns_the_ship_and_the_ship_carries_its_states_oil(detained_tanker):
    labels, edges = detained_tanker
    assert labels.get("Nordic Sea LLC FZ") == "Organization"
    assert ("Baltic Star", "OWNED_BY", "Nordic Sea LLC FZ") in edges
    assert ("Nordic Sea LLC FZ", "LOCATED_IN", "United Arab Emirates") in edges
    assert ("Russia", "SHIPPED", "Egypt") in edges


def test_a_port_named_after_a_town_read_as_a_name_and_a_requested_seizure():
    labels, edges = _facts(
        "The Polar Wind is anchored near Kotka's Mussalo container port. Port operator Steveco asked a Helsinki court "
        "to seize the tanker. SWEDISH police said they have seized the tanker Polar Wind.", published="2024-12-27")
    assert labels.get("Mussalo") == "Place" and labels.get("Kotka") == "Place"
    assert ("Mussalo", "LOCATED_IN", "Kotka") in edges
    assert not any(s == "Steveco" and t == "SEIZED" for s, t, _ in edges)  # asked for, not done
    assert ("Swedish Police", "SEIZED", "Polar Wind") in edges


def test_the_following_day_counts_from_the_last_date_told():
    text = ("The cable was damaged on December 25, alongside four telecom lines. The following day, the Finnish "
            "Border Guard boarded the tanker Polar Wind.")
    x = extract(Report(id=report_id(text), text=text, title="t", published="2025-01-02"))
    seizures = [n for n in x.nodes if n.label == "Event" and n.props.get("kind") == "seizure"]
    assert [n.props.get("start") for n in seizures] == ["2024-12-26"]


def test_a_state_body_before_a_title_holds_the_role():
    _, edges = _facts("\"Other cables were damaged,\" said Swedish Police Director General Anna Lind.",
                      published="2024-12-27")
    assert ("Anna Lind", "HOLDS_ROLE", "Swedish Police") in edges


def test_one_treaty_told_as_treaty_and_agreement_and_named_without_parties_or_day():
    labels, edges = _facts(
        "Kazakh President Kassym-Jomart Tokayev and his Kyrgyz counterpart Sadyr Japarov on Friday signed a new "
        "treaty on border guarantees between Kazakhstan and Kyrgyzstan within the framework of the CSTO. Kazakh "
        "and Kyrgyz presidents signed an agreement on mutual border guarantees on Friday. They also signed an "
        "agreement on water sharing.", published="2024-12-07")
    agreements = sorted(n for n, label in labels.items() if label == "Agreement")
    assert len([a for a in agreements if "border guarantees" in a]) == 1
    assert not any("Friday" in a or "between" in a for a in agreements)
    assert any("water" in a for a in agreements)  # another subject: another document


def test_a_weapon_named_like_a_person_and_an_upcoming_friday():
    labels, _ = _facts("Putin raised the possibility of deploying the Oreshnik medium-range ballistic missile in "
                       "Belarus.", published="2024-12-06")
    assert "Oreshnik" not in labels
    text = "Putin and Lukashenko will sign the security pact at the upcoming summit in Minsk on Friday."
    x = extract(Report(id=report_id(text), text=text, title="t", published="2024-12-05"))
    assert {n.props.get("start") for n in x.nodes if n.label == "Event"} <= {"2024-12-06", None}


def test_ships_named_in_appositions_lists_and_by_their_flag():
    labels, edges = _facts(
        "A Panama-flagged bulk carrier, the MV Coral Bay (IMO: 9138898), sank on Saturday. The Coral Bay, a ship "
        "that fell victim to a missile attack, had been adrift. The Amber Star, registered to a UK-based owner and "
        "flying the Liberian flag, is taking on water. Houthi spokesman Yahya Sarea claimed attacks on American "
        "vessels, including the Sea Lark and the Blue Heron.", published="2024-03-03")
    for ship in ("Coral Bay", "Amber Star", "Sea Lark", "Blue Heron"):
        assert labels.get(ship) == "Vessel", ship
    assert "MV Coral Bay" not in labels  # the civil prefix is no part of the name
    assert ("Coral Bay", "FLAGGED_IN", "Panama") in edges
    assert ("Amber Star", "FLAGGED_IN", "Liberia") in edges


def test_a_dated_attack_is_an_event_of_its_attacker_and_an_undated_one_is_not():
    labels, edges = _facts("On February 19, a Houthi attack in the Bab el-Mandeb strait damaged the vessel. Such "
                           "attacks worry insurers.", published="2024-02-24")
    attacks = _named(labels, "Event")
    assert len(attacks) == 1
    assert ("Houthis", "ATTENDED", attacks[0]) in edges and (attacks[0], "HELD_IN", "Bab el-Mandeb") in edges


def test_a_website_named_like_a_person_and_a_title_case_station():
    labels, _ = _facts("A report published on Friday by the website Beyond Horizon claims traffic rose. Ocean "
                       "Watch, a website run by a think tank, agreed. Trains waited at North Korea's Tumen River "
                       "Station.", published="2023-10-08")
    assert labels.get("Beyond Horizon") == "Organization" and labels.get("Ocean Watch") == "Organization"
    assert labels.get("Tumangang") == "Place"  # the gazetteer's 'Tumen River station', written in title case


def test_a_ship_size_class_is_no_part_of_the_name_and_the_vessel_is_the_report_s_subject_ship():
    labels, edges = _facts("The Baltic Pearl Aframax tanker left the port of Primorsk on March 2. The Baltic Pearl, "
                           "which carries fuel oil, was watched by the patrol ship Uisko. The vessel was heading from "
                           "the port of Primorsk to Rotterdam.", published="2026-03-05")
    ships = {n for n, label in labels.items() if label == "Vessel"}
    assert "Baltic Pearl" in ships and not any("Aframax" in s for s in ships), ships
    assert ("Uisko", "CALLED_AT", "Primorsk") not in edges  # 'the vessel' is the Baltic Pearl, not the last ship named


def test_units_time_zones_and_a_heading_after_an_initial_are_no_organisations():
    text = ("Grid operator Voltna said the cable carried 650 MW until 1026 GMT, when it failed near the tanker "
            "SIRIUS B.\n\nInvestigation Underway\n\nThe Latvian State Police (LSP said it questioned the crew.")
    labels, _ = _facts(text, published="2026-03-05")
    orgs = {n for n, label in labels.items() if label == "Organization"}
    assert not orgs & {"MW", "GMT"}, orgs
    assert not any("Underway" in o or "(" in o for o in orgs), orgs


def test_an_appointment_gives_the_role_in_the_body_its_phrase_names():
    _, edges = _facts("President Tokayev appointed Daniyar Akhmetov as the Secretary of the Security Council of "
                      "Kazakhstan on Monday. Marat Nurlanov was named chief of the National Guard. Aigerim Sadykova "
                      "remains Chairwoman of the Agency for Strategic Planning. Tokayev is expected to appoint "
                      "Yerlan Bekov as ambassador.", published="2026-03-05")
    roles = {(s, o) for s, t, o in edges if t == "HOLDS_ROLE"}
    council = next((o for s, o in roles if s == "Daniyar Akhmetov"), None)
    assert council is not None and "Security Council" in council and "United Nations" not in council, roles
    assert ("Marat Nurlanov", "National Guard") in roles, roles
    assert ("Aigerim Sadykova", "Agency for Strategic Planning") in roles, roles
    assert not any(s == "Yerlan Bekov" for s, _ in roles), roles  # only expected


def test_sites_and_bodies_are_placed_by_possessive_prefix_in_and_apposition():
    _, edges = _facts("The talks were held at Baku's Heydar Aliyev Airport on Monday. Later the team met at the "
                      "Central Clinical Hospital in Baku. Statnett, Norway's power grid operator, said on Monday that "
                      "the line was safe.", published="2026-03-05")
    assert ("Heydar Aliyev Airport", "LOCATED_IN", "Baku") in edges
    assert ("Central Clinical Hospital", "LOCATED_IN", "Baku") in edges
    assert ("Statnett", "LOCATED_IN", "Norway") in edges


def test_a_seized_cargo_is_a_seizure_of_its_ship():
    _, edges = _facts("The tanker Amber Sky was stopped off Gotland. Swedish customs said it had seized the vessel's "
                      "cargo on Tuesday.", published="2026-03-05")
    assert any(t == "SEIZED" and o == "Amber Sky" for _, t, o in edges), edges


def test_a_capitalised_treaty_with_its_year_is_one_document_with_the_other_party():
    labels, edges = _facts("The clash led Peru to reaffirm its commitment to the 1962 Mutual Defence Treaty with "
                           "Chile.", published="2026-03-05")
    treaty = next((n for n, label in labels.items() if label == "Agreement"), None)
    assert treaty == "Mutual Defence Treaty", labels
    assert ("Chile", "PARTY_TO", treaty) in edges


def test_a_ceasefire_between_a_state_and_a_group_is_a_document_its_brokers_support():
    labels, edges = _facts("A ceasefire between Sudan and the Rapid Support Forces took effect on Monday. The truce, "
                           "brokered by Qatar and Egypt, is meant to last a month.", published="2026-03-05")
    truce = _named(labels, "Agreement")
    assert len(truce) == 1, truce
    assert {("Sudan", "PARTY_TO", truce[0]), ("Rapid Support Forces", "PARTY_TO", truce[0])} <= edges, edges
    assert {("Qatar", "SUPPORTS", truce[0]), ("Egypt", "SUPPORTS", truce[0])} <= edges, edges
    assert ("Qatar", "PARTY_TO", truce[0]) not in edges


def test_a_manner_adverb_is_no_estimate_but_a_remote_chance_is():
    def bands(text):
        x = extract(Report(id=report_id(text), text=text, title="test", published="2026-03-05"))
        return [n.props.get("band") for n in x.nodes if n.label == "Assessment"]
    assert bands("The drones were launched remotely from trucks near the base.") == []
    assert bands("There is a remote chance that the base reopens this year.") == ["almost no chance"]


def test_a_contract_to_buy_a_model_is_named_by_it_and_its_seller_is_a_party():
    labels, edges = _facts(
        "Egypt signed a contract to buy 24 Typhoon fighter jets from Britain's BAE Systems on Monday.\n\n"
        "Officials said the Typhoon deal would modernise the air force.")
    contracts = _named(labels, "Agreement")
    assert contracts == ["Typhoon contract"]
    assert labels["Typhoon fighter jets"] == "Commodity"
    assert ("Typhoon contract", "CONCERNS", "Typhoon fighter jets") in edges
    assert {("Egypt", "SIGNED", "Typhoon contract"), ("Egypt", "PARTY_TO", "Typhoon contract"),
            ("BAE Systems", "PARTY_TO", "Typhoon contract")} <= edges
    assert ("United Kingdom", "PARTY_TO", "Typhoon contract") not in edges  # (whose company it is, not a party)
    assert ("BAE Systems", "LOCATED_IN", "United Kingdom") in edges


def test_a_purchase_signed_and_an_agreement_for_the_purchase_are_one_contract_with_the_buyer():
    labels, edges = _facts(
        "Indonesia signed the purchase of 42 Rafale jets on 10 February.\n\n"
        "An agreement for the purchase of the jets by Indonesia was first announced in 2022.")
    assert _named(labels, "Agreement") == ["Rafale contract"]
    assert {("Indonesia", "SIGNED", "Rafale contract"), ("Indonesia", "PARTY_TO", "Rafale contract"),
            ("Rafale contract", "CONCERNS", "Rafale jets")} <= edges
    assert "combat aircraft" not in labels  # ('the jets': the one model the report buys)


def test_a_company_is_located_in_its_nationality_but_a_state_body_is_not():
    labels, edges = _facts(
        "German defence company Rheinmetall will build an ammunition plant in Lithuania, Russia's Defence "
        "Ministry said on Tuesday.")
    assert ("Rheinmetall", "LOCATED_IN", "Germany") in edges
    assert not any(e[1] == "LOCATED_IN" and labels.get(e[0]) == "Organization" and e[2] == "Russia" for e in edges)


def test_a_contract_worth_a_sum_to_procure_goods_named_by_their_maker_and_its_legal_form():
    labels, edges = _facts(
        "Vietnam on Tuesday signed a contract worth about $ 200 million to procure the Akash surface-to-air "
        "missiles made in India.\n\n"
        "Ravi Menon, the chairman of the Bharat Dynamics Private Limited, signed the contract in Hanoi.")
    assert _named(labels, "Agreement") == ["Akash contract"]
    assert {("Vietnam", "SIGNED", "Akash contract"), ("Akash contract", "CONCERNS", "Akash surface-to-air missiles")} <= edges
    assert "Private Limited" not in labels and labels.get("Bharat Dynamics Private Limited") == "Organization"


def test_places_of_a_list_lie_in_the_region_the_list_ends_with_not_in_one_another():
    _, edges = _facts("Inspectors visited Mosul, Kirkuk and Erbil, all in northern Iraq, on Monday.\n\n"
                      "Drones struck Odesa, Mykolaiv, and Kherson, Ukraine, on Sunday.\n\n"
                      "Troops moved to Sevastopol, Crimea, and Kherson in May.")
    for town in ("Mosul", "Kirkuk", "Erbil"):
        assert (town, "LOCATED_IN", "Iraq") in edges
    for town in ("Odesa", "Mykolaiv", "Kherson"):
        assert (town, "LOCATED_IN", "Ukraine") in edges
    assert ("Mosul", "LOCATED_IN", "Kirkuk") not in edges and ("Odesa", "LOCATED_IN", "Mykolaiv") not in edges
    assert ("Sevastopol", "LOCATED_IN", "Crimea") in edges  # a town, then its region: no list


def test_every_place_a_from_phrase_lists_is_an_origin_and_towns_the_tagger_mistyped_are_places():
    labels, edges = _facts("Cargo ships carried the grain from Odesa and Chornomorsk to Istanbul in August.\n\n"
                           "The units moved from Kursk, Rylsk and Glushkovo to Belgorod by rail.")
    assert ("Odesa", "ROUTE_LEG", "Istanbul") in edges and ("Chornomorsk", "ROUTE_LEG", "Istanbul") in edges
    for town in ("Kursk", "Glushkovo", "Belgorod"):  # (tagged a product, an organisation, a people)
        assert labels.get(town) == "Place", town
    rylsk = next(n for n in labels if n.startswith("Ryl"))  # a town of GeoNames, 'Ryl’sk' there
    assert labels[rylsk] == "Place"
    assert {(t, "ROUTE_LEG", "Belgorod") for t in ("Kursk", rylsk, "Glushkovo")} <= edges


def test_flights_between_capitals_are_a_leg_between_cities():
    labels, edges = _facts("Il-76 transport planes have been flying between Tehran and Moscow since May, officials said.")
    assert labels.get("Tehran") == labels.get("Moscow") == "Place"
    assert ("Tehran", "ROUTE_LEG", "Moscow") in edges


def test_a_deployment_of_troops_is_an_event_dated_by_its_days_not_by_the_statement():
    labels, edges = _facts("Ships of the Pacific Fleet carried 1,500 North Korean special forces from Chongjin to "
                           "Vladivostok between October 8 and 13, the agency said on Friday.\n\n"
                           "Chad's army said on 4 March that it deployed 800 soldiers to Niger between 20 and 27 "
                           "February to assist Niger's government.")
    korea = "North Korea troop deployment to Russia"
    assert labels.get(korea) == "Event"
    assert {("North Korea", "ATTENDED", korea), ("Pacific Fleet", "ATTENDED", korea),
            (korea, "HELD_IN", "Vladivostok"), ("North Korea", "SHIPPED", "Russia")} <= edges
    chad = next(n for n, label in labels.items() if label == "Event" and n.endswith("deployment to Niger"))
    assert (chad, "HELD_IN", "Niger") in edges
    report = Report(id="t", text="Chad's army said on 4 March that it deployed 800 soldiers to Niger between "
                    "20 and 27 February.", title="test", published="2024-05-20")
    event = next(n for n in extract(report).nodes if n.label == "Event")
    assert (event.props["start"], event.props["end"]) == ("2024-02-20", "2024-02-27")


def test_the_north_is_the_report_s_one_northern_state_and_an_accused_supplier_ships():
    labels, edges = _facts("South Korea's spy agency said on Friday that North Korea had sent 1,500 soldiers to "
                           "Russia.\n\nSeoul has accused the North of supplying artillery shells to Russia.")
    assert "the North" not in labels
    shipped = {e for e in edges if e[1] == "SHIPPED"}
    assert ("North Korea", "SHIPPED", "Russia") in shipped and not any(s == "South Korea" for s, _, _ in shipped)


def test_hyphenated_titles_and_a_service_before_a_rank():
    labels, _ = _facts("NATO Deputy Secretary-General Mircea Geoana met officials in Vilnius on Tuesday. "
                       "The intelligence service colonel Ivan Petrov was not present.")
    report = Report(id="t2", text="NATO Deputy Secretary-General Mircea Geoana met officials in Vilnius on Tuesday. "
                    "The intelligence service colonel Ivan Petrov was not present.", title="test", published="2024-05-20")
    titles = {n.name: n.props.get("title") for n in extract(report).nodes if n.label == "Person"}
    assert titles["Mircea Geoana"] == "Deputy Secretary-General"
    assert titles["Ivan Petrov"] == "Colonel"  # ('service' holds no 'Vice')


def test_sentences_glued_at_a_date_are_two_sentences():
    from kg.extract.nlp import pipeline
    doc = pipeline()("The ships left Chongjin on Oct. 8.In a statement, the ministry said the troops had landed.")
    assert [s.text.split()[0] for s in doc.sents] == ["The", "In"]


def test_towns_too_small_for_every_name_are_places_where_the_text_uses_them_as_places():
    labels, edges = _facts("Russian forces advanced toward Pokrovsk and Kramatorsk in eastern Ukraine.\n\n"
                           "Officials in Kursk said a drone hit a substation.\n\n"
                           "The railway will link the Iranian cities of Rasht and Astara.")
    report = Report(id="t3", text="Russian forces advanced toward Pokrovsk and Kramatorsk in eastern Ukraine. "
                    "The railway will link the Iranian cities of Rasht and Astara.", title="t", published="2024-05-20")
    places = {n.name: n.props for n in extract(report).nodes if n.label == "Place"}
    assert places["Pokrovsk"]["country"] == places["Kramatorsk"]["country"] == "Ukraine"
    assert places["Pokrovsk"]["lat"] is not None
    assert places["Astara"]["country"] == "Iran"  # (a town of Azerbaijan has that name too)
    assert labels.get("Kursk") == "Place"  # (tagged a product)


def test_lexicons_read_on_and_off_as_words_not_booleans():
    from kg.extract.frames import lexicon
    preps = lexicon()["preps"]
    assert preps["on"] == "on" and preps["off"] == "place"
    assert {"kind": "sanction", "from": "agent", "to": "on", "edge": "SANCTIONED"} in lexicon()["facts"]


def test_sanctions_on_a_list_of_companies_named_with_their_legal_forms_either_side():
    labels, edges = _facts(
        "OFAC imposed sanctions on Belmont Trading LLC, Kestrel Logistics LLP and Orava Systems SRO on Tuesday.\n\n"
        "The targets are Limited Liability Company Belmont Trading, Kestrel Logistics Limited Liability "
        "Partnership and Orava Systems S.R.O.\n\n"
        "Belmont Trading, Kestrel Logistics, and Orava Systems are registered in Russia, Kazakhstan, and "
        "Slovakia, respectively.")
    companies = {"Belmont Trading LLC", "Kestrel Logistics LLP", "Orava Systems SRO"}
    assert {n for n, label in labels.items() if label == "Organization"} == companies | {"Office of Foreign Assets Control"}
    assert {("Office of Foreign Assets Control", "SANCTIONED", c) for c in companies} <= edges
    assert {("Belmont Trading LLC", "LOCATED_IN", "Russia"), ("Kestrel Logistics LLP", "LOCATED_IN", "Kazakhstan"),
            ("Orava Systems SRO", "LOCATED_IN", "Slovakia")} <= edges
    assert ("Orava Systems SRO", "LOCATED_IN", "Russia") not in edges


def test_a_company_from_a_state_lies_there_and_a_title_s_remit_is_no_organisation():
    labels, edges = _facts("Sanctions were imposed against Kestrel Logistics LLP from Kazakhstan and Orava Systems "
                           "SRO from Slovakia.\n\nBrian Hale, Assistant Secretary of the Treasury for Terrorism and "
                           "Financial Intelligence, said the network was exposed.")
    assert ("Kestrel Logistics LLP", "LOCATED_IN", "Kazakhstan") in edges
    assert ("Orava Systems SRO", "LOCATED_IN", "Slovakia") in edges
    assert "Terrorism" not in labels and "Financial Intelligence" not in labels
    assert not any(s == "Brian Hale" and t == "HOLDS_ROLE" and o in {"Terrorism", "Financial Intelligence"}
                   for s, t, o in edges)


@pytest.fixture(scope="module")
def designation():
    return _facts("The U.S. Treasury Department announced on Aug. 16 that it had sanctioned three entities.\n\n"
                  "The companies are Belmont Trading, Kestrel Logistics, and Orava Systems, registered in Russia, "
                  "Kazakhstan, and Slovakia, respectively.\n\n"
                  "All of them are owned by Slovak national Ivan Horak, who was sanctioned in March.")


def test_counted_targets_are_the_names_the_report_lists_and_a_glued_list_is_three_companies(designation):
    labels, edges = designation
    companies = ("Belmont Trading", "Kestrel Logistics", "Orava Systems")
    assert all(labels.get(c) == "Organization" for c in companies)
    assert {("US Treasury Department", "SANCTIONED", c) for c in companies} <= edges


def test_all_of_them_owned_by_a_person_makes_him_their_owner_and_an_agentless_designation_is_the_report_s(designation):
    _, edges = designation
    assert {("Ivan Horak", "HOLDS_ROLE", c) for c in ("Belmont Trading", "Kestrel Logistics", "Orava Systems")} <= edges
    assert ("US Treasury Department", "SANCTIONED", "Ivan Horak") in edges


def test_a_relative_clause_the_parser_hung_on_the_verb_still_refers_to_the_list_before_it():
    report = Report(id="t4", text="OFAC imposed sanctions on Belmont Trading LLC, Kestrel Logistics LLP and Orava "
                    "Systems SRO, all of which are owned or led by Slovak national Ivan Horak.", title="t",
                    published="2024-05-20")
    x = extract(report)
    names = {n.id: n.name for n in x.nodes}
    roles = {(names[e.target], e.props.get("title")) for e in x.edges if e.type == "HOLDS_ROLE"
             and names[e.source] == "Ivan Horak"}
    assert roles == {(c, "owner") for c in ("Belmont Trading LLC", "Kestrel Logistics LLP", "Orava Systems SRO")}


@pytest.fixture(scope="module")
def export_case():
    return _facts("Viktor Lanz, 41, was arrested in the Republic of Malta on Saturday at the request of the United "
                  "States, the release said.\n\n"
                  "Court documents say Lanz worked for LLC Tekhnoprom, a Russia-based supplier of electronics.\n\n"
                  "The ultimate buyer was a Novosibirsk company named Tekhnoprom.\n\n"
                  "Lanz used the Maltese shell company Orbitalis.\n\n"
                  "Deputy Attorney General Maria Chad said Malta has extradited Viktor Lanz to the United States.")


def test_an_arrest_and_an_extradition_are_events_of_the_person_held_where_they_were_done(export_case):
    labels, edges = export_case
    arrest = next(n for n, label in labels.items() if label == "Event" and "arrest" in n)
    extradition = next(n for n, label in labels.items() if label == "Event" and "extradition" in n)
    assert {("Viktor Lanz", "ATTENDED", arrest), (arrest, "HELD_IN", "Malta"),
            ("Viktor Lanz", "ATTENDED", extradition), ("Malta", "ATTENDED", extradition)} <= edges


def test_an_employer_and_where_a_company_is_from_its_descriptions(export_case):
    _, edges = export_case
    assert ("Viktor Lanz", "HOLDS_ROLE", "Tekhnoprom LLC") in edges  # 'worked for'
    assert ("Tekhnoprom LLC", "LOCATED_IN", "Russia") in edges  # 'a Russia-based supplier'
    assert ("Tekhnoprom LLC", "LOCATED_IN", "Novosibirsk") in edges  # 'a Novosibirsk company named X'
    assert ("Orbitalis", "LOCATED_IN", "Malta") in edges  # 'the Maltese shell company X'


def test_a_surname_that_is_a_state_s_name_and_a_prosecutor_s_title(export_case):
    labels, edges = export_case
    assert labels.get("Maria Chad") == "Person" and "Chad" not in labels
    report = Report(id="t5", text="Deputy Attorney General Maria Chad said so. U.S. Attorney Damian Wills agreed.",
                    title="t", published="2024-05-20")
    titles = {n.name: n.props.get("title") for n in extract(report).nodes if n.label == "Person"}
    assert titles == {"Maria Chad": "Deputy Attorney General", "Damian Wills": "U.S. Attorney"}


def test_a_law_is_no_organisation_and_a_person_s_arrest_is_one_event_however_dated():
    labels, _ = _facts("He is charged under the Export Control Reform Act.\n\n"
                       "Viktor Lanz was arrested in Malta on 26 August.\n\n"
                       "Lanz, who was arrested in Malta, denies the charges.")
    assert "Export Control Reform Act" not in labels
    assert _named(labels, "Event") == ["Viktor Lanz arrest in Malta"]


def test_a_middle_initial_does_not_keep_one_person_apart():
    from kg.models import Node
    from kg.resolution import keys
    assert keys(Node(id="Person:a", label="Person", name="Brian E. Nelson")) & \
        keys(Node(id="Person:b", label="Person", name="Brian Nelson"))


def test_a_space_launch_is_one_event_per_payload_at_its_site_with_both_states():
    labels, edges = _facts(
        "A Russian Soyuz rocket launched from the Baikonur Cosmodrome on 5 May, carrying an Egyptian satellite.\n\n"
        "The launch of Nilesat-II was broadcast live by Egyptian television.\n\n"
        "It follows Russia's launch of Egypt's Tiba-1 satellite from Kazakhstan in 2019.\n\n"
        "Egypt's Communications Minister Amr Talaat welcomed the launch.\n\n"
        "Russia launched an attack on Kharkiv on Sunday.")
    launches = sorted(n for n, label in labels.items() if label == "Event" and n.startswith("launch"))
    assert launches == ["launch of Nilesat-II", "launch of Tiba-1"]  # (the attack on Kharkiv is no launch)
    assert {("Russia", "ATTENDED", "launch of Nilesat-II"), ("Egypt", "ATTENDED", "launch of Nilesat-II"),
            ("launch of Tiba-1", "HELD_IN", "Kazakhstan")} <= edges
    assert any(e[0] == "launch of Nilesat-II" and e[1] == "HELD_IN" and "Baikonur" in e[2] for e in edges)
    assert "Communications" not in labels  # the minister's portfolio, no organisation


def test_a_convoy_route_towards_a_crossing_and_relief_flown_in_from_three_states():
    labels, edges = _facts(
        "The Jordanian Red Crescent said a convoy of aid trucks had started moving from Mafraq Jordan towards "
        "the Jaber border with Syria.\n\n"
        "On Sunday evening, relief supplies arrived at Amman Civil Airport from Qatar, Kuwait and Oman.")
    assert labels.get("Jordanian Red Crescent") == "Organization"  # (a state's society, named by its people)
    mafraq = next(n for n, label in labels.items() if label == "Place" and n.startswith("Mafraq"))
    assert (mafraq, "LOCATED_IN", "Jordan") in edges  # ('Mafraq Jordan' read as one name)
    assert any(a == mafraq and t == "ROUTE_LEG" and "Jaber" in b for a, t, b in edges)
    assert labels.get("Amman Civil Airport") == "Place"  # a site in a town, not a body
    assert {(s, "SHIPPED", "Jordan") for s in ("Qatar", "Kuwait", "Oman")} <= edges


def test_an_expulsion_of_a_state_s_diplomats_is_an_event_of_both_states_and_a_blast_is_one_too():
    labels, edges = _facts(
        "Estonia on Monday expelled 12 Belarusian diplomats over the 2019 blast in Narva, in the region of "
        "Ida-Viru.\n\n"
        "Officials said GRU officers were involved.\n\n"
        "Belarus on Tuesday expelled five Estonian diplomats in retaliation.\n\n"
        "Deputy Foreign Minister Lisa Monaco commented.")
    expulsions = [n for n, label in labels.items() if label == "Event" and "expulsion" in n]
    assert len(expulsions) == 2
    first = next(n for n in expulsions if n.startswith("Estonia"))
    assert {("Estonia", "ATTENDED", first), ("Belarus", "ATTENDED", first), (first, "HELD_IN", "Estonia")} <= edges
    assert any(label == "Event" and "blast" in n for n, label in labels.items())
    assert labels.get("Main Intelligence Directorate") == "Organization"  # 'GRU'
    assert labels.get("Lisa Monaco") == "Person"  # (no town 'Lisa' in Monaco)


def test_a_weapons_test_is_an_event_its_overseer_attended_dated_by_the_sentence_before():
    labels, edges = _facts("Iran said it launched a new Kheibar missile on Thursday.\n\n"
                           "Iranian President Masoud Pezeshkian oversaw the first test launch of the missile.")
    test = next(n for n, label in labels.items() if label == "Event")
    assert "test launch" in test and "launch of" not in test  # (a weapons test, no space launch)
    assert ("Masoud Pezeshkian", "ATTENDED", test) in edges
    report = Report(id="t6", text="Iran said it launched a new Kheibar missile on Thursday.\n\nIranian President "
                    "Masoud Pezeshkian oversaw the first test launch of the missile.", title="t", published="2024-05-20")
    event = next(n for n in extract(report).nodes if n.label == "Event")
    assert event.props.get("start") == "2024-05-16"


@pytest.fixture(scope="module")
def court_case():
    return _facts(
        "A judge in Ukraine's Lviv region on Tuesday sentenced Daily Courier reporter Tomas Varga to "
        "nine years in prison, a verdict reached in a closed trial.\n\n"
        "Varga was detained in Lviv in May 2023 by the SBU.\n\n"
        "The trial, held in the Lviv Regional Court, began on April 2.\n\n"
        "Handed down in a court in Lviv, Varga's sentence came after two hearings.\n\n"
        "Along with Anna Brook, a former U.S. Marine from Novi, Michigan, who was arrested in Ukraine in "
        "December 2021, he is held in the Lukyanivska pre-trial detention center.\n\n"
        "Vedant Rao, a deputy spokesman for the State Department, said the case was a sham.",
        published="2024-07-19")


def test_a_sentencing_and_a_trial_are_events_of_the_person_where_the_court_sat(court_case):
    labels, edges = court_case
    events = {n for n, label in labels.items() if label == "Event"}
    sentencing = next(n for n in events if "Tomas Varga sentencing" in n)
    trial = next(n for n in events if "Tomas Varga trial" in n)  # ('a closed trial': the case told before it)
    arrest = next(n for n in events if "Tomas Varga arrest" in n)  # ('detained by the SBU': a person seized)
    assert {("Tomas Varga", "ATTENDED", sentencing), ("Tomas Varga", "ATTENDED", trial),
            ("Tomas Varga", "ATTENDED", arrest), (sentencing, "HELD_IN", "Lviv")} <= edges
    assert any(e[1] == "ATTENDED" and e[2] == trial and labels[e[0]] == "Organization" and "Court" in e[0]
               for e in edges)  # ('held in the Lviv Regional Court': the court sat at it)
    assert any(e[0] == arrest and e[1] == "HELD_IN" and e[2] == "Lviv" for e in edges)


def test_who_after_a_place_in_an_apposition_is_the_person_it_describes(court_case):
    labels, edges = court_case
    arrest = next(n for n, label in labels.items() if label == "Event" and "Anna Brook arrest" in n)
    assert {("Anna Brook", "ATTENDED", arrest), (arrest, "HELD_IN", "Ukraine")} <= edges
    assert labels.get("Lukyanivska pre-trial detention center") == "Place"


def test_a_journalists_nationality_is_no_post_and_a_spokesman_for_a_body_serves_it(court_case):
    labels, edges = court_case
    assert ("Tomas Varga", "HOLDS_ROLE", "Daily Courier") in edges or labels.get("Daily Courier") is None
    assert not any(e[0] == "Tomas Varga" and e[1] == "HOLDS_ROLE" and labels[e[2]] == "State" for e in edges)
    assert any(e[0] == "Vedant Rao" and e[1] == "HOLDS_ROLE" and "State Department" in e[2] for e in edges)


def test_an_interview_is_a_meeting_and_coming_to_a_region_a_visit():
    labels, edges = _facts("Oleg Ivanov, a deputy whom Sarah Klein interviewed when she came to the Urals, testified.")
    assert ("Sarah Klein", "MET_WITH", "Oleg Ivanov") in edges
    assert ("Sarah Klein", "VISITED", "Urals") in edges


def test_a_stance_is_a_frame_about_the_event_or_document_named_after_it():
    labels, edges = _facts(
        "The Minsk City Court sentenced John Miller, a reporter, to eight years on Monday after a closed trial that "
        "was condemned by the United States.\n\nThe European Union denounced the verdict.")
    trial = next(n for n, label in labels.items() if label == "Event" and "John Miller trial" in n)
    sentencing = next(n for n, label in labels.items() if label == "Event" and "John Miller sentencing" in n)
    assert {("United States", "OPPOSES", trial), ("European Union", "OPPOSES", sentencing)} <= edges


@pytest.fixture(scope="module")
def mutiny():
    return _facts(
        "A tense standoff is unfolding in Russia, where the leader of the Wagner Group, Yevgeny Prigozhin, "
        "seemed to be mounting an armed rebellion.\n\n"
        "Wagner fighters first captured the city of Rostov-on-Don. Wagner fighters later left Rostov.\n\n"
        "Any Wagner Group fighters who took part in the rebellion will be pardoned.\n\n"
        "Officials in Minsk said a deal between Prigozhin and Russian President Vladimir Putin, brokered by "
        "Belarusian dictator Alexander Lukashenko, ended the crisis.", published="2023-06-25")


def test_a_mutiny_is_an_event_of_those_who_took_part_held_where_the_clause_says(mutiny):
    labels, edges = mutiny
    rebellion = next(n for n, label in labels.items() if label == "Event" and "rebellion" in n)
    assert {("Wagner Group", "ATTENDED", rebellion),
            (rebellion, "HELD_IN", "Russia")} <= edges  # ('in Russia, where ...'; 'who took part in')
    assert labels.get("Rostov-on-Don") == "Place" and "Rostov" not in labels  # (one city, called by its first name)


def test_a_deal_between_people_binds_whom_they_speak_for_and_its_broker_supports_it(mutiny):
    labels, edges = mutiny
    deal = next(n for n, label in labels.items() if label == "Agreement")
    assert {("Russia", "PARTY_TO", deal), ("Wagner Group", "PARTY_TO", deal),
            ("Alexander Lukashenko", "SUPPORTS", deal), ("Alexander Lukashenko", "HOLDS_ROLE", "Belarus")} <= edges


def test_an_event_held_nowhere_named_meets_across_reports_by_its_sides():
    def ids(text):
        report = Report(id=report_id(text), text=text, title="test", published="2023-06-25")
        return {n.id for n in extract(report).nodes if n.label == "Event"}
    a = ids("The mutiny by the Wagner Group ended on Saturday evening.")
    b = ids("Members of the Wagner Group who took part in the uprising will not be charged.")
    assert a & b, (a, b)


@pytest.fixture(scope="module")
def killing():
    return _facts(
        "Militia commander Omar Haddad was killed in an airstrike on his home in Aleppo on Monday, hours after "
        "attending the inauguration ceremony of Syrian President Karim Nasser.\n\n"
        "Brother Omar Haddad was a hero, his movement said. Haddad had travelled to Aleppo from Beirut.\n\n"
        "Haddad survived an attempt to kill him in 2019.", published="2024-07-31")


def test_a_killing_is_the_persons_event_and_the_strike_that_killed_him_is_that_event(killing):
    labels, edges = killing
    events = [n for n, label in labels.items() if label == "Event" and "nauguration" not in n]
    assert len(events) == 1, events  # (the strike that killed him is his killing; 'an attempt to kill him' is none)
    assert {("Omar Haddad", "ATTENDED", events[0]), (events[0], "HELD_IN", "Aleppo")} <= edges
    assert "Brother Omar Haddad" not in labels  # (a name told once with a word more is the same man)


def test_an_inauguration_is_known_by_whom_it_inaugurates_and_a_journey_is_a_visit(killing):
    labels, edges = killing
    inauguration = next(n for n, label in labels.items() if label == "Event" and "nauguration" in n)
    assert "Karim Nasser" in inauguration and "Omar Haddad" not in inauguration
    assert ("Karim Nasser", "ATTENDED", inauguration) in edges
    assert ("Omar Haddad", "VISITED", "Aleppo") in edges


def test_after_doing_is_done_by_the_clauses_subject_and_modifiers_stand_between_body_and_title():
    labels, edges = _facts(
        "John Miller was arrested shortly after meeting with Prime Minister Anna Berg.\n\n"
        "A senior Hamas official, Omar Saleh, spoke. His death follows Karim Aziz, a senior Hezbollah "
        "military commander, in Beirut.\n\nRussian officials, from President Vladimir Putin on down, agreed.")
    assert ("John Miller", "MET_WITH", "Anna Berg") in edges
    assert {("Omar Saleh", "HOLDS_ROLE", "Hamas"), ("Karim Aziz", "HOLDS_ROLE", "Hezbollah"),
            ("Vladimir Putin", "HOLDS_ROLE", "Russia")} <= edges


def test_an_election_is_held_in_its_state_and_contested_by_who_ran_and_a_planned_one_is_none():
    labels, edges = _facts(
        "Georgia's President Nino Kapanadze defeated challenger Levan Gelashvili in Sunday's runoff, Georgia's "
        "election commission said. Georgia's voters turned out in large numbers.\n\n"
        "The Georgian Dream party, which backed Gelashvili, will face a hard test in the parliamentary elections "
        "next summer.\n\n\"Congratulations, Madam President Nino Kapanadze!\" the prime minister said.",
        published="2024-11-04")
    runoff = _named(labels, "Event")
    assert len(runoff) == 1, runoff  # (the elections of next summer are not held yet)
    assert {("Nino Kapanadze", "ATTENDED", runoff[0]), ("Levan Gelashvili", "ATTENDED", runoff[0]),
            (runoff[0], "HELD_IN", "Georgia")} <= edges
    assert "Madam" not in labels


def test_a_defection_is_the_defectors_act_held_where_he_fled_from_and_two_letter_surnames_count():
    labels, edges = _facts(
        "Ri Chol Su, a counsellor at the North Korean embassy in Laos, fled last year.\n\n"
        "Ri defected from Laos to South Korea with his wife in November 2023.", published="2024-07-16")
    defection = next(n for n, label in labels.items() if label == "Event" and "defection" in n)
    assert {("Ri Chol Su", "ATTENDED", defection), (defection, "HELD_IN", "Laos")} <= edges


def test_a_one_word_name_the_report_gives_a_body_is_that_body_in_every_mention():
    text = (
        "On December 12, Volodar, the largest operator of Ukraine, experienced a large-scale failure due to a hacker "
        "attack.\n\nRussian hackers breached the network of Ukrainian telecom operator Volodar at least as early as "
        "May 2023, an official said.\n\nAfter a significant pause, there were several attempts aimed at causing more "
        "significant harm to Volodar, but the SBU helped repel new cyber attacks.\n\nVolodar, Ukraine's largest "
        "mobile operator, experienced a massive failure on Dec. 12, 2023.")
    nodes = extract(Report(id=report_id(text), text=text, title="test", published="2024-01-04")).nodes
    assert [n.label for n in nodes if n.name == "Volodar"] == ["Organization"]


def test_a_unit_or_subsidiary_of_a_body_is_a_member_of_it():
    labels, edges = _facts("Officials said Kestrel Logistics, a subsidiary of Orava Holdings, shipped the parts. "
                           "Lifecell is a unit of the Netherlands-based operator Veon.")
    assert {("Kestrel Logistics", "MEMBER_OF", "Orava Holdings"), ("Lifecell", "MEMBER_OF", "Veon")} <= edges


@pytest.fixture(scope="module")
def coup():
    return _facts(
        "General Rene Ossombe, head of the Gabonese Republican Guard, was named leader of a transitional council "
        "on Friday, two days after his unit overthrew Gabonese President Paul Ndong.\n\n"
        "Soldiers from the republican guard surrounded the presidential palace on Wednesday.\n\n"
        "Ossombe said his unit detained Ndong in the presidential palace in Gabon's capital, Libreville.\n\n"
        "The African Union rejected the coup against Ndong. A foreign minister described the coup as dangerous.\n\n"
        "The minister, Anne Lavigne, said she had spoken to Ndong.", published="2026-08-30")


def test_an_overthrow_is_a_coup_done_to_the_head_of_state_held_in_his_state(coup):
    labels, edges = coup
    events = [n for n, label in labels.items() if label == "Event" and "coup" in n]
    assert len(events) == 1, events  # ('overthrew Ndong' and 'the coup against Ndong': one)
    assert {("Paul Ndong", "ATTENDED", events[0]), (events[0], "HELD_IN", "Gabon"),
            ("African Union", "OPPOSES", events[0])} <= edges
    assert not any(e[1] == "ATTENDED" and e[2] == events[0] and labels.get(e[0]) == "Person" and e[0] != "Paul Ndong"
                   for e in edges)  # (who described the coup took no part in it)


def test_his_unit_and_the_body_named_again_in_lower_case_are_the_body_he_heads(coup):
    labels, edges = coup
    guards = [n for n, label in labels.items() if label == "Organization" and "Guard" in n]
    assert len(guards) == 1, guards  # ('the republican guard' is the Gabonese Republican Guard)
    arrest = next(n for n, label in labels.items() if label == "Event" and "arrest" in n)
    coup_event = next(n for n, label in labels.items() if label == "Event" and "coup" in n)
    assert {(guards[0], "ATTENDED", arrest), (guards[0], "ATTENDED", coup_event)} <= edges


def test_a_capital_in_apposition_lies_in_its_state_and_the_palace_is_the_states_site(coup):
    labels, edges = coup
    assert ("Libreville", "LOCATED_IN", "Gabon") in edges
    assert labels.get("Presidential Palace") == "Place"
    arrest = next(n for n, label in labels.items() if label == "Event" and "arrest" in n)
    assert (arrest, "HELD_IN", "Presidential Palace") in edges


def test_who_has_spoken_to_a_person_met_him(coup):
    _, edges = coup
    assert ("Anne Lavigne", "MET_WITH", "Paul Ndong") in edges


def test_a_name_set_beside_a_title_is_the_titles_holder():
    labels, _ = _facts("The chairman of the Sahel Development Commission, Moussa Idriss Kandi, said the talks "
                       "would resume.")
    assert labels.get("Moussa Idriss Kandi") == "Person"


def test_an_envoy_posted_to_a_body_serves_his_state_and_is_no_part_of_its_name():
    labels, edges = _facts("Belarusian Permanent Representative to the UN Oleg Marchenko told the Security Council "
                           "on Monday that the talks had failed.")
    assert labels.get("Oleg Marchenko") == "Person"
    assert ("Oleg Marchenko", "HOLDS_ROLE", "Belarus") in edges
    assert not any(e[0] == "Oleg Marchenko" and e[1] == "HOLDS_ROLE" and e[2] == "United Nations" for e in edges)
    assert "Permanent Representative" not in labels  # (a title, not a person)


def test_a_body_its_acronym_then_a_title_and_a_name_is_one_sentence_and_one_role():
    _, edges = _facts("The World Health Organization (WHO) Director General Amina Cole said on Friday that the "
                      "clinics in the region would reopen.")
    assert ("Amina Cole", "HOLDS_ROLE", "World Health Organization") in edges


def test_works_named_after_a_place_their_acronyms_and_an_act_done_to_them():
    labels, edges = _facts("Russian troops shelled the Enerhodar thermal power plant (ETPP) on Sunday, officials "
                           "said.\n\nEngineers said the Enerhodar TPP had lost power, and the ETPP was shut.\n\n"
                           "The destruction of the Novodnistrovsk dam on 3 March flooded two villages.",
                           published="2025-03-10")
    plant = "Enerhodar thermal power plant"
    assert labels.get(plant) == "Place"
    assert "ETPP" not in labels and "Enerhodar TPP" not in labels  # (both name the plant)
    attacks = {e[0] for e in edges if e[1] == "HELD_IN" and e[2] == plant}
    assert len(attacks) == 1 and labels[attacks.pop()] == "Event"
    assert any(e[0] == "Russia" and e[1] == "ATTENDED" and e[2] in labels and labels[e[2]] == "Event" for e in edges)
    assert labels.get("Novodnistrovsk dam") == "Place"
    assert any(e[1] == "HELD_IN" and e[2] == "Novodnistrovsk dam" for e in edges)


def test_towns_listed_with_towns_are_places_and_none_lies_in_another():
    labels, edges = _facts("Air raid alerts sounded in Rivne, Lutsk, Ternopil and Uzhhorod on Sunday.\n\n"
                           "Missiles later struck Mykolaiv city, the governor said.")
    for town in ("Rivne", "Lutsk", "Ternopil", "Uzhhorod", "Mykolaiv"):
        assert labels.get(town) == "Place", town
    assert not any(e[1] == "LOCATED_IN" and labels.get(e[2]) == "Place" for e in edges)


def test_cities_including_some_lie_in_the_state_and_a_strike_on_a_place_is_held_there():
    labels, edges = _facts("Drones struck several cities in Ukraine, including Lutsk, Rivne and Kharkiv, overnight.\n\n"
                           "Russian forces launched a missile attack on Lutsk on 3 March, killing four people.",
                           published="2025-03-10")
    for town in ("Lutsk", "Rivne", "Kharkiv"):
        assert (town, "LOCATED_IN", "Ukraine") in edges
    attacks = [e[0] for e in edges if e[1] == "HELD_IN" and e[2] == "Lutsk"]
    assert len(attacks) == 1 and labels[attacks[0]] == "Event"
    assert ("Russia", "ATTENDED", attacks[0]) in edges


@pytest.fixture(scope="module")
def concession():
    return _facts("MUSCAT: Oman and India on Monday signed a key 10-year contract to run the Sohar container "
                  "terminal.\n\nThe contract was signed by Kestrel Ports Global Limited (KPGL) and the Harbours and "
                  "Maritime Authority of Oman in the presence of Minister of Fisheries, Ports and Waterways Anita Rao."
                  "\n\nOman's Minister of Roads and Urban Development, Karim Al Tavassoli, said the Sohar pact was a "
                  "milestone. KPGL will invest $90 million.", published="2024-09-02")


def test_a_portfolio_of_several_parts_is_a_title_not_a_body_nor_part_of_a_name(concession):
    labels, edges = concession
    assert labels.get("Anita Rao") == "Person" and labels.get("Karim Al Tavassoli") == "Person"
    for portfolio in ("Ports", "Waterways", "Roads and Urban Development"):
        assert portfolio not in labels
    assert ("Karim Al Tavassoli", "HOLDS_ROLE", "Oman") in edges


def test_a_company_named_after_its_state_and_a_body_joined_by_and_keep_their_whole_names(concession):
    labels, edges = concession
    assert labels.get("Kestrel Ports Global Limited") == "Organization"
    assert "KPGL" not in labels  # (its acronym, defined in brackets)
    assert labels.get("Harbours and Maritime Authority of Oman") == "Organization"
    assert ("Harbours and Maritime Authority of Oman", "PARTY_TO", "10-year contract") in edges


def test_a_termed_contract_and_a_pact_named_after_its_place_are_one_document(concession):
    labels, edges = concession
    assert _named(labels, "Agreement") == ["10-year contract"]
    assert ("India", "SIGNED", "10-year contract") in edges and ("Oman", "PARTY_TO", "10-year contract") in edges


def test_a_port_named_by_a_name_is_one_port_however_its_head_is_written():
    labels, edges = _facts("Kestrel Ports will run the Al Noor Port in Sohar for 10 years.\n\nThe Al Noor terminal "
                           "handles containers, and the Al Noor Port Terminal is the largest in the Gulf.")
    ports = [n for n, label in labels.items() if n.startswith("Al Noor")]
    assert ports == ["Al Noor"] and labels["Al Noor"] == "Place"
    assert ("Al Noor", "LOCATED_IN", "Sohar") in edges


def test_money_codes_portfolios_of_a_state_and_legislatures_are_what_they_are():
    labels, edges = _facts("The company will commit the INR equivalent of USD 250 million, the Rajya Sabha was told."
                           "\n\nOfficials met Karim Tavassoli, Minister of Roads and Urban Development of Oman.")
    assert "INR" not in labels and "USD" not in labels
    assert labels.get("Rajya Sabha") == "Organization"
    assert not any("Roads" in n for n in labels)
    assert ("Karim Tavassoli", "HOLDS_ROLE", "Oman") in edges


def test_provinces_come_from_iso_3166_2_and_a_port_located_in_one_lies_there():
    labels, edges = _facts("Gwadar is a deep-water port located in the Balochistan province of Pakistan.\n\n"
                           "Bandar Abbas lies in Hormozgan province, and ships also call at ports in "
                           "Sistan-Baluchistan.")
    assert labels.get("Balochistan Province") == "Place" and labels.get("Hormozgan Province") == "Place"
    assert labels.get("Sistan and Baluchestan") == "Place"  # (ISO's 'Sīstān va Balūchestān', as English writes it)
    assert ("Gwadar", "LOCATED_IN", "Balochistan Province") in edges
    assert ("Balochistan Province", "LOCATED_IN", "Pakistan") in edges
    assert ("Bandar Abbas", "LOCATED_IN", "Hormozgan Province") in edges
    assert "Central" not in labels


def test_a_one_word_province_is_matched_only_where_the_text_uses_it_as_a_place():
    labels, _ = _facts("\"The port will double its capacity,\" said Ngozi-Ada Eze, a fellow at the Lagos Institute "
                       "of Maritime Studies.\n\nFloods hit farms in Hormozgan last week, Iranian officials said.")
    assert labels.get("Ngozi-Ada Eze") == "Person"  # (Ngozi is also a province of Burundi)
    assert labels.get("Hormozgan Province") == "Place"


def test_a_subsidiary_is_owned_by_its_parent_and_a_hyphen_stays_in_a_corridors_name():
    labels, edges = _facts("Oman Ports Global Limited (OPGL) won the tender.\n\nUnder the deal, OPGL's subsidiary "
                           "Oman Ports Global Sohar Free Zone (OPGSFZ) will run the berths, a link in the "
                           "Trans-Gulf Transport Corridor.\n\nThe route bypasses Karachi and the Gwadar Port in Pakistan.")
    assert ("Oman Ports Global Sohar Free Zone", "OWNED_BY", "Oman Ports Global Limited") in edges
    assert "OPGSFZ" not in labels and "OPGL" not in labels
    assert labels.get("Trans-Gulf Transport Corridor") == "Place"
    assert ("Karachi", "LOCATED_IN", "Pakistan") in edges and ("Gwadar", "LOCATED_IN", "Pakistan") in edges


def test_a_plane_that_crashed_near_a_town_is_a_crash_held_there_and_apposed_places_lie_in_theirs():
    labels, edges = _facts("A Pegasus Air jet flying from Izmir to Grozny, the capital of Russia's Chechnya, crashed "
                           "near the city of Aktau on Tuesday.\n\nIt had diverted to Makhachkala, a Russian city in "
                           "the North Caucasus, and then to Aktau, a port on the eastern shore of the Caspian Sea.",
                           published="2025-02-04")
    crashes = [n for n, label in labels.items() if label == "Event" and n.startswith("Crash")]
    assert len(crashes) == 1 and (crashes[0], "HELD_IN", "Aktau") in edges
    assert labels.get("Grozny") == "Place" and ("Grozny", "LOCATED_IN", "Chechnya") in edges
    assert ("Chechnya", "LOCATED_IN", "Russia") in edges
    assert ("Aktau", "LOCATED_IN", "Caspian Sea") in edges
    assert any(e[0] == "Makhachkala" and e[1] == "LOCATED_IN" and "Caucasus" in e[2] for e in edges)


def test_a_state_reopening_its_embassy_is_an_event_held_where_the_embassy_is():
    labels, edges = _facts("Qatar reopened its embassy in Tripoli on Monday, Libyan media reported.\n\n"
                           "Qatar's embassy in Tripoli had been shut since 2014.", published="2025-05-13")
    reopenings = [n for n, label in labels.items() if label == "Event" and n.startswith("Reopening")]
    assert len(reopenings) == 1
    assert (reopenings[0], "HELD_IN", "Tripoli") in edges and ("Qatar", "ATTENDED", reopenings[0]) in edges
    embassies = [n for n, label in labels.items() if label == "Organization" and "Embassy" in n]
    assert embassies == ["Qatari Embassy in Tripoli"], embassies
    assert ("Qatari Embassy in Tripoli", "LOCATED_IN", "Tripoli") in edges


def test_a_name_with_a_particle_a_deal_agreed_with_its_broker_and_a_mission_named_twice():
    labels, edges = _facts("In March, Qatar and Bahrain agreed, in a deal brokered by Kuwait, to restore ties.\n\n"
                           "In May, Qatari Foreign Minister Khalid bin Salem, during his visit to Manama, said the "
                           "embassy would reopen.\n\nQatar reopened its embassy in Manama on Monday. The Qatari "
                           "embassy had been shut since 2017.", published="2025-06-10")
    assert labels.get("Khalid bin Salem") == "Person"
    assert ("Khalid bin Salem", "HOLDS_ROLE", "Qatar") in edges and ("Khalid bin Salem", "VISITED", "Bahrain") in edges
    deals = _named(labels, "Agreement")
    assert len(deals) == 1
    assert ("Qatar", "PARTY_TO", deals[0]) in edges and ("Bahrain", "PARTY_TO", deals[0]) in edges
    assert ("Kuwait", "SUPPORTS", deals[0]) in edges and ("Kuwait", "PARTY_TO", deals[0]) not in edges
    assert _named(labels, "Organization") == ["Qatari Embassy in Manama"]


def test_attacks_in_a_states_territory_are_held_there_and_a_headlines_common_word_is_no_town():
    labels, edges = _facts("Kenya Strikes Militant Camps in Somalia in Retaliation for Border Raids\n\n"
                           "Kenya's military carried out overnight attacks in the territory of Somalia on Thursday, "
                           "officials said. The retaliation followed raids on border posts.", published="2025-03-14")
    assert "Retaliation" not in labels
    attacks = _named(labels, "Event")
    assert any((a, "HELD_IN", "Somalia") in edges for a in attacks), attacks


def test_a_name_the_text_calls_a_town_is_a_place_even_if_no_gazetteer_holds_it():
    labels, edges = _facts("Rockets hit a depot in the border town of Qarawil in Balochistan on Monday, and a "
                           "market in the cities of Dornak and Farsan.", published="2025-03-14")
    for town in ("Qarawil", "Dornak", "Farsan"):
        assert labels.get(town) == "Place", (town, labels)
    assert not any(label == "Organization" for label in labels.values())


def test_a_crash_told_near_a_town_and_in_its_state_is_one_crash():
    labels, edges = _facts("A cargo jet crashed near the city of Aktau on Tuesday.\n\nThe jet crashed in Kazakhstan "
                           "after a fire on board, the ministry said on Tuesday.", published="2025-02-04")
    crashes = [n for n, label in labels.items() if label == "Event" and n.startswith("Crash")]
    assert len(crashes) == 1, crashes
    assert (crashes[0], "HELD_IN", "Aktau") in edges


def test_people_of_a_state_an_aircraft_model_and_a_body_of_the_republic_of_x():
    labels, _ = _facts("Passengers included 37 Azerbaijanis, 16 Russians and 6 Kazakhs. The Embraer 190 crashed, "
                       "experts from the Ministry of Transport of the Republic of Kazakhstan said.",
                       published="2025-01-09")
    assert not {"Azerbaijanis", "Russians", "Kazakhs", "Embraer 190"} & set(labels)
    assert labels.get("Ministry of Transport of the Republic of Kazakhstan") == "Organization"


def test_a_site_told_by_its_short_names_and_its_head_word_is_one_place_where_the_mission_arrived():
    labels, edges = _facts("Agency Inspectors Will Stay At Rivne Plant\n\n"
                           "The IAEA mission arrived at the Rivne nuclear power plant in Varash on Tuesday. "
                           "Shelling had hit the Rivne NPP before. Engineers of RNPP said the plant was safe.",
                           published="2026-03-12")
    sites = [n for n, label in labels.items() if label == "Place" and re.search(r"Rivne \w", n)]
    assert sites == ["Rivne nuclear power plant"], sites  # (Rivne alone is the city)
    assert "RNPP" not in labels and "Will Stay At" not in labels
    arrivals = _named(labels, "Event")
    assert any(("International Atomic Energy Agency", "ATTENDED", a) in edges
               and (a, "HELD_IN", "Rivne nuclear power plant") in edges for a in arrivals), edges
    assert ("Rivne nuclear power plant", "LOCATED_IN", "Varash") in edges


def test_the_plant_visited_is_the_plant_named_and_a_leader_travels_with_his_delegation():
    labels, edges = _facts("Shelling hit the Rivne nuclear power plant on Monday. Director General Tomas Berglund "
                           "visited the plant on Tuesday.", published="2026-03-12")
    visits = _named(labels, "Event")
    assert any(("Tomas Berglund", "ATTENDED", v) in edges and (v, "HELD_IN", "Rivne nuclear power plant")
               in edges for v in visits), edges
    labels, edges = _facts("Foreign Minister Ana Duarte led a Brazilian delegation to Luanda on Monday.",
                           published="2026-03-12")
    assert any(("Ana Duarte", "ATTENDED", v) in edges for v in labels if labels[v] == "Event"), edges


def test_a_capital_that_holds_a_site_is_its_state_and_a_known_town_after_to_is_a_place():
    labels, _ = _facts("Engineers spoke at the Moscow-controlled atomic plant on Friday. UN experts came to "
                       "Kherson on Monday.", published="2026-03-12")
    assert not any("controlled" in n for n in labels) and labels.get("Russia") == "State", labels
    assert labels.get("Kherson") == "Place"


def test_a_named_operation_is_an_event_its_launcher_attended_where_it_runs():
    labels, edges = _facts("Kenya has launched Operation Safari Bay to evacuate its citizens from Somalia, Foreign "
                           "Minister Amina Wekesa said on Monday. Families left Mogadishu under #OperationSafariBay. "
                           "Kenya began 'Operation Safari Bay' - a rescue operation by the Kenya Navy.",
                           published="2026-03-12")
    assert labels.get("Operation Safari Bay") == "Event", labels
    assert "OperationSafariBay" not in labels
    assert ("Kenya", "ATTENDED", "Operation Safari Bay") in edges
    assert any("Navy" in s and (p, o) == ("ATTENDED", "Operation Safari Bay") for s, p, o in edges), edges
    assert ("Operation Safari Bay", "HELD_IN", "Somalia") in edges
    assert ("Amina Wekesa", "HOLDS_ROLE", "Kenya") in edges  # (not Somalia, named before the comma)


def test_titles_of_a_junior_minister_a_rank_abbreviation_and_a_title_run_into_a_name():
    labels, edges = _facts("Minister of State for Foreign Affairs, Joseph Kamau arrived in Nairobi. MoS Kamau met "
                           "the press. The army is led by Gen Idris al-Tahir. Ministry Spokesperson Grace Otieno "
                           "spoke later.", published="2026-03-12")
    assert labels.get("Joseph Kamau") == "Person" and "MoS Kamau" not in labels, labels
    assert not any(n.startswith("State for") for n in labels)
    assert labels.get("Idris al-Tahir") == "Person", labels
    assert labels.get("Grace Otieno") == "Person", labels


def test_a_body_led_by_a_person_and_armed_groups_that_agree_to_a_truce():
    labels, edges = _facts("The Wagner Group, led by Yevgeny Prigozhin, rebelled on Saturday. The Sudanese "
                           "Armed Forces and the Popular Defence Forces agreed to a ceasefire on Sunday.",
                           published="2026-03-12")
    assert ("Yevgeny Prigozhin", "HOLDS_ROLE", "Wagner Group") in edges
    truces = _named(labels, "Agreement")
    assert truces and all(("Popular Defence Forces", "PARTY_TO", t) in edges for t in truces), (labels, edges)


def test_a_platform_written_on_is_no_actor_but_one_that_acts_is():
    labels, _ = _facts("Taking to Twitter, spokesperson Grace Otieno wrote that the talks had ended. The group "
                       "posted on Telegram.", published="2026-03-12")
    assert "Twitter" not in labels and "Telegram" not in labels, labels
    labels, _ = _facts("A Moscow court fined Telegram on Monday.", published="2026-03-12")
    assert labels.get("Telegram") == "Organization"


def test_passengers_boarding_a_ship_are_no_seizure_and_a_carrying_ship_calls_at_both_ends():
    labels, edges = _facts("Families who boarded INS Kalvari were taken to Mombasa. As many as 300 Kenyans were "
                           "evacuated from Mogadishu by INS Kalvari and brought to Mombasa on Monday.",
                           published="2026-03-12")
    assert not any(label == "Event" and n.startswith("Seizure") for n, label in labels.items()), labels
    assert ("INS Kalvari", "CALLED_AT", "Mogadishu") in edges and ("INS Kalvari", "CALLED_AT", "Mombasa") in edges
    assert ("Mogadishu", "ROUTE_LEG", "Mombasa") in edges


def test_a_described_port_city_a_ship_bound_for_a_city_and_an_aircraft_type_after_a_body():
    labels, edges = _facts("Red Sea port city Jeddah has become a hub. The ferry departs Mogadishu for Mombasa. "
                           "Two KDF C-130J aircraft landed in Mombasa.", published="2026-03-12")
    assert labels.get("Jeddah") == "Place" and labels.get("Mombasa") == "Place", labels
    assert "KDF C-130J" not in labels


def test_a_fleet_word_ending_a_body_name_makes_no_body_own_another():
    _, edges = _facts("It is a rescue operation by the Kenya Navy and Kenya Air Force.", published="2026-03-12")
    assert not any(e[1] == "OWNED_BY" for e in edges), edges


def test_a_state_closing_a_crossing_is_an_event_there_that_a_state_criticising_it_opposes():
    labels, edges = _facts("Norway closed all its crossings except one, that of Brennvik. Norway closed its northern "
                           "border crossing in Brennvik on Thursday, and Russia criticized the closure. The crossing "
                           "at Brennvik lies in the far north of the country. Norway named it a matter of security.",
                           published="2026-03-12")
    assert labels.get("Brennvik") == "Place", labels
    closures = _named(labels, "Event")
    assert closures and all(("Norway", "ATTENDED", c) in edges and (c, "HELD_IN", "Brennvik") in edges
                            and ("Russia", "OPPOSES", c) in edges for c in closures), edges
    assert ("Brennvik", "LOCATED_IN", "Norway") in edges


def test_a_newspaper_the_tagger_took_for_a_building_and_a_centre_opening_a_sentence():
    labels, _ = _facts("Asylum cannot be sought there, writes the newspaper Aftenposten Nord. The Norwegian Refugee "
                       "Advice Centre expressed concern.", published="2026-03-12")
    assert labels.get("Aftenposten Nord") == "Organization", labels
    assert labels.get("Norwegian Refugee Advice Centre") == "Organization", labels


def test_a_mission_hands_over_a_base_and_withdraws_from_a_town_but_not_yet_from_the_next():
    labels, edges = _facts("The United Nations Integrated Stabilization Mission in Chad (MINUSTAC) completed the handover "
                           "of its Temporary Operating Base in the village of Korbol to the Chadian authorities on Monday. "
                           "MINUSTAC head Idriss Mahamat said the mission had withdrawn from its base in Bardai on 3 May "
                           "2026. A convoy is heading to Faya, and Boulmi in northern Chad will be closed. The mission is withdrawing from Kalait in the "
                           "coming days.", published="2026-05-12")
    mission = "United Nations Integrated Stabilization Mission in Chad"
    assert labels.get(mission) == "Organization" and "MINUSTAC" not in labels, labels  # (its acronym, in French order)
    handovers = [n for n, label in labels.items() if label == "Event" and n.startswith("Handover")]
    assert handovers and all((mission, "ATTENDED", h) in edges and ("Chad", "ATTENDED", h) in edges
                             and (h, "HELD_IN", "Korbol") in edges for h in handovers), edges
    assert any(p == "HELD_IN" and o == "Bardai" for _, p, o in edges), edges
    assert not any(n.startswith("Withdrawal from Kala") for n in labels), labels  # (in the coming days)
    assert labels.get("Idriss Mahamat") == "Person" and ("Idriss Mahamat", "HOLDS_ROLE", mission) in edges
    assert labels.get("Boulmi") == "Place", labels


def test_a_dateline_city_and_state_an_official_it_is_filed_from_and_a_crossing_passed_through():
    labels, edges = _facts("Uzbek official says 50,000 Tajiks returned\n\n"
                           "SAMARKAND, Uzbekistan Nov 1 (Reuters) - More than 50,000 Tajiks have returned home. "
                           "Deputy Commissioner Rustam Aliev said the Tajik nationals had traveled from across "
                           "Uzbekistan. A total of 9,100 migrants passed through Oybek in the eastern province of "
                           "Tashkent. Mr Aliev is from Tajikistan's northern Sughd region.", published="2026-11-01")
    assert ("Samarkand", "LOCATED_IN", "Uzbekistan") in edges, edges
    assert ("Rustam Aliev", "HOLDS_ROLE", "Uzbekistan") in edges, edges  # (what he said names Tajikistan)
    assert labels.get("Oybek") == "Place", labels
    assert any(s.startswith("Sughd") and o == "Tajikistan" for s, p, o in edges if p == "LOCATED_IN"), edges


def test_a_un_agency_by_its_description_and_a_spanish_agency_credit():
    labels, _ = _facts("Madrid, Oct 31 (EFE).- Families never registered with the UN refugee agency, Haider Zaman "
                       "told Efe.", published="2026-11-01")
    assert labels.get("UNHCR") == "Organization" and labels.get("EFE") == "Organization", labels


def test_an_envoy_named_after_where_he_is_posted_and_a_summons_both_sides_attend():
    labels, edges = _facts("Vice Foreign Minister Anna Berg summoned Chinese Ambassador to Sweden Li Wenhao to the "
                           "ministry on Friday over his remarks.", published="2026-06-12")
    assert labels.get("Li Wenhao") == "Person" and "Sweden Li Wenhao" not in labels, labels
    summons = _named(labels, "Event")
    assert summons and all(("Anna Berg", "ATTENDED", s) in edges and ("Li Wenhao", "ATTENDED", s) in edges
                           for s in summons), edges


def test_a_short_state_name_is_the_one_state_of_that_name_the_report_names():
    labels, _ = _facts("China's ambassador to Korea spoke. South Korea protested on Friday.", published="2026-06-12")
    assert labels.get("South Korea") == "State" and "Korea" not in labels, labels
    text = "North Korea and South Korea met. Korea is divided."
    x = extract(Report(id=report_id(text), text=text, title="test", published="2026-06-12"))
    assert not any("Korea" in n.aliases for n in x.nodes if n.label == "State"), x.nodes  # (two Koreas: neither)


def test_a_post_told_with_its_state_outranks_the_state_the_report_is_filed_from():
    text = ("LIMA, Peru, March 3. Following the instructions of President of Chile Ramiro Valdesquez, two aircraft "
            "were sent to the zone.\n\nBy President Ramiro Valdesquez's order, one of the aircraft flew north.")
    _, edges = _facts(text, published="2026-03-03")
    assert ("Ramiro Valdesquez", "HOLDS_ROLE", "Chile") in edges
    assert ("Ramiro Valdesquez", "HOLDS_ROLE", "Peru") not in edges


def test_a_bodys_acronym_in_its_own_language_is_still_its_acronym():
    labels, _ = _facts("Nurses of the Bolivian Civil Emergency Relief Directorate (VIDECI) flew to Oruro. VIDECI said "
                       "more teams would follow.", published="2026-03-03")
    orgs = _named(labels, "Organization")
    assert orgs == ["Bolivian Civil Emergency Relief Directorate"], orgs  # one body, known by both names


def test_a_name_made_of_plain_words_in_the_plural_is_a_body_not_a_person():
    labels, _ = _facts("Tomas Orvell, the team leader of Chilean Mountain Rescuers, told reporters they had two dogs.",
                       published="2026-03-03")
    assert not any("Rescuers" in name for name in _named(labels, "Person")), labels
    assert labels.get("Tomas Orvell") == "Person"


def test_a_town_whose_name_has_a_dotless_i_is_found_in_the_reports_state():
    labels, _ = _facts("Rescuers reached Pazarcık in southern Turkey on Tuesday.", published="2026-02-07")
    assert labels.get("Pazarcik") == "Place", labels
    assert "Pazardzhik" not in labels  # the Turkish town, not Bulgaria's Pazardzhik (once 'Pazarcik' in Turkish)


def test_a_name_before_a_site_noun_names_that_site():
    labels, edges = _facts("The captives were taken to Mali's Tessoura air base, then to the Karvelo crossing and the "
                           "Dunmara Air Force base. The Wagner Group camp near Gao was empty.", published="2026-05-10")
    assert labels.get("Tessoura air base") == "Place", labels
    assert labels.get("Karvelo crossing") == "Place", labels
    assert labels.get("Dunmara Air Force base") == "Place", labels
    assert ("Tessoura air base", "LOCATED_IN", "Mali") in edges
    assert labels.get("Wagner Group") == "Organization"  # a body's camp is still the body's


def test_a_surname_with_its_particle_is_the_full_name_told_before():
    labels, _ = _facts("The ministry spokesman, Rashed Al Tamimi, confirmed the release. Earlier, Al Tamimi said the "
                       "delay was over. Mr. Al Tamimi added more.", published="2026-05-10")
    assert _named(labels, "Person") == ["Rashed Al Tamimi"], labels


def test_a_spokesman_of_a_states_ministry_serves_the_ministry():
    _, edges = _facts("Oman's foreign ministry spokesman, Rashed Al Tamimi, confirmed the release. Salim Al Harthy, a "
                      "spokesperson of the foreign ministry in Kuwait, said on Friday that the Thai nationals were "
                      "freed.", published="2026-05-10")
    assert ("Rashed Al Tamimi", "HOLDS_ROLE", "Omani Foreign Ministry") in edges, edges
    assert ("Salim Al Harthy", "HOLDS_ROLE", "Kuwaiti Foreign Ministry") in edges, edges
    assert ("Salim Al Harthy", "HOLDS_ROLE", "Thailand") not in edges  # what he said is not whom he serves


def test_a_seat_of_government_before_a_title_is_the_state_the_holder_serves():
    _, edges = _facts("Tripoli Prime Minister Hamid Zawari announced on Tuesday that an aid plane is headed to Derna.",
                      published="2026-09-12")
    assert ("Hamid Zawari", "HOLDS_ROLE", "Libya") in edges, edges


def test_a_name_after_a_news_outlets_possessive_is_its_reporters():
    labels, _ = _facts("Reporting from Tripoli on Tuesday, Al Jazeera's Karim Haddadi said the roads were cut.",
                       published="2026-09-12")
    assert labels.get("Karim Haddadi") == "Person", labels


def test_a_national_army_is_a_body_and_a_state_body_is_located_in_no_state():
    labels, edges = _facts("Seven members of the Libyan National Army were missing. Nurses of the Turkish Disaster and "
                           "Emergency Management Presidency (AFAD) flew in.", published="2026-09-12")
    assert labels.get("Libyan National Army") == "Organization", labels
    assert not any(t == "LOCATED_IN" and "Presidency" in s for s, t, _ in edges), edges


def test_a_surname_of_several_particles_is_one_name():
    labels, _ = _facts("The President of the Arvian Council, Marta von der Hollen, said the talks would go on.",
                           published="2026-09-12")
    assert labels.get("Marta von der Hollen") == "Person", labels
    assert "Hollen" not in labels


def test_arriving_on_a_named_island_is_a_visit_held_there_in_its_state():
    text = ("Marta von der Hollen arrived on the Italian island of Pantelleria on Sunday. Interior Minister Paolo "
            "Verdi also made the trip.")
    labels, edges = _facts(text, published="2026-09-13")
    visits = _named(labels, "Event")
    assert len(visits) == 1, labels
    assert (visits[0], "HELD_IN", "Pantelleria") in edges, edges
    assert ("Marta von der Hollen", "ATTENDED", visits[0]) in edges, edges
    assert ("Pantelleria", "LOCATED_IN", "Italy") in edges


def test_an_article_of_a_named_document_belongs_to_that_document():
    labels, edges = _facts("The council rejected the Arvian draft resolution. Secretary-General Tomas Orvell had "
                           "invoked Article 41 of the Arvian Charter to urge a vote.", published="2026-12-09")
    assert ("Arvian Charter", "HAS_ARTICLE", "Article 41") in edges, edges
    assert "Article 41 of the Arvian Charter" not in labels


def test_a_sponsor_backs_its_text_and_a_states_envoy_to_the_un_serves_the_state():
    labels, edges = _facts("The Arvian Accord, drafted by Chile, was vetoed by Peru. Peru's UN Ambassador Tomas Orvell "
                           "said his country objected.", published="2026-12-09")
    assert ("Chile", "SUPPORTS", "Arvian Accord") in edges, edges
    assert ("Tomas Orvell", "HOLDS_ROLE", "Peru") in edges, edges
    assert not any(s == "United Nations" and t == "LOCATED_IN" for s, t, _ in edges), edges

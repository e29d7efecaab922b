"""Add the names countries go by in the languages agencies file in, beyond English and
Russian ("Espagne", "España", "Polska", "Österreich", "Azərbaycan"), from CLDR through
Babel, as aliases: datelines (`Madrid (Espagne), 5 juillet (LaPresse) –`) and tags read
them (places.country_data.agency_language_names)."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, agency_language_names, known_names

    country = apps.get_model("places", "Country")
    add_aliases(country, agency_language_names(known_names(country)))


def remove_names(apps, schema_editor):
    """Remove the names this migration adds, but those earlier migrations gave."""
    from places.country_data import (
        agency_language_names,
        cldr_names,
        iso_countries,
        known_names,
        press_names,
        region_names,
        remove_aliases,
        translated_names,
    )

    country = apps.get_model("places", "Country")
    earlier: dict[str, set[str]] = {}
    for record in iso_countries():
        earlier.setdefault(record["code"], set()).update(record["aliases"])
    for names in (translated_names("ru"), cldr_names("ru"), press_names(), region_names()):
        for code, given in names.items():
            earlier.setdefault(code, set()).update(given)
    added = {
        code: [n for n in names if n not in earlier.get(code, set())]
        for code, names in agency_language_names(known_names(country)).items()
    }
    remove_aliases(country, added)


class Migration(migrations.Migration):
    dependencies = [("places", "0009_add_region_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

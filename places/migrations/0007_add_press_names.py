"""Add the names copy prints for countries that no earlier migration gave, as aliases:
"UK", "UAE" (countryinfo's abbreviations), "US", "U.S.", "США", "РФ", "Кыргызстан"
(places/data/country_press_names.json)."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, press_names

    add_aliases(apps.get_model("places", "Country"), press_names())


def remove_names(apps, schema_editor):
    """Remove the names this migration adds, but those 0002, 0003 and 0006 gave already."""
    from places.country_data import (
        cldr_names,
        iso_countries,
        press_names,
        remove_aliases,
        translated_names,
    )

    earlier: dict[str, set[str]] = {}
    for country in iso_countries():
        earlier.setdefault(country["code"], set()).update(country["aliases"])
    for names in (translated_names("ru"), cldr_names("ru")):
        for code, given in names.items():
            earlier.setdefault(code, set()).update(given)
    added = {
        code: [n for n in names if n not in earlier.get(code, set())]
        for code, names in press_names().items()
    }
    remove_aliases(apps.get_model("places", "Country"), added)


class Migration(migrations.Migration):
    dependencies = [("places", "0006_add_cldr_russian_country_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

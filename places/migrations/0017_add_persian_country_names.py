"""Add the names Persian copy gives countries (`ایران`, `روسیه`, `جمهوری آذربایجان`),
CLDR's Persian names through Babel, and the names Persian and Arabic copy print where
CLDR gives the official one (`آمریکا`, `السعودية`), and the United States' abbreviations
in Spanish, Portuguese and Romanian (`EE.UU.`, `EUA`, `SUA`; places/data
/country_press_names.json), as aliases (places.country_data.persian_country_names). With them the tagger reads
countries in Arabic-script text, not only in its datelines."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, known_names, persian_country_names

    country = apps.get_model("places", "Country")
    add_aliases(country, persian_country_names(known_names(country)))


def remove_names(apps, schema_editor):
    """Remove the names this migration adds, but those earlier migrations gave."""
    from places.country_data import (
        arabic_country_names,
        known_names,
        persian_country_names,
        remove_aliases,
    )

    country = apps.get_model("places", "Country")
    added = persian_country_names(known_names(country))
    earlier = arabic_country_names(known_names(country))
    remove_aliases(
        country,
        {
            code: [n for n in names if n not in earlier.get(code, [])]
            for code, names in added.items()
        },
    )


class Migration(migrations.Migration):
    dependencies = [("places", "0016_city_region")]

    operations = [migrations.RunPython(add_names, remove_names)]

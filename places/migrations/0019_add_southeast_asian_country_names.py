"""Add the names Indonesian, Malay and Vietnamese copy gives countries ("Amerika Serikat",
"Yordania", "Jepun", "Trung Quốc", "Hàn Quốc"), CLDR's through Babel, Vietnamese ones
also with the tone marked the older way ("Thuỵ Sĩ"), and those copy prints that CLDR
gives otherwise ("Palestina") or that are one syllable ("Nga", "Mỹ", "Pháp"; places/data
/country_press_names.json) as aliases (places.country_data.southeast_asian_country_names):
the tagger reads them in ANTARA's, MINA's, Bernama's and VNA's copy, the one-syllable
Vietnamese ones only in Vietnamese copy and where no name or word holds them
(ingest.vietnamese)."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, known_names, southeast_asian_country_names

    country = apps.get_model("places", "Country")
    add_aliases(country, southeast_asian_country_names(known_names(country)))


def remove_names(apps, schema_editor):
    """Remove the names this migration adds, but those earlier migrations gave (many
    languages write "Indonesia", "Malaysia", "Argentina")."""
    from places.country_data import (
        agency_language_names,
        cldr_names,
        iso_countries,
        known_names,
        press_names,
        region_names,
        remove_aliases,
        southeast_asian_country_names,
        translated_names,
    )

    country = apps.get_model("places", "Country")
    known = known_names(country)
    earlier: dict[str, set[str]] = {}
    for record in iso_countries():
        earlier.setdefault(record["code"], set()).update(record["aliases"])
    given = (translated_names("ru"), cldr_names("ru"), press_names(), region_names())
    for names in (*given, agency_language_names(known)):
        for code, names_of_code in names.items():
            earlier.setdefault(code, set()).update(names_of_code)
    added = {
        code: [n for n in names if n not in earlier.get(code, set())]
        for code, names in southeast_asian_country_names(known).items()
    }
    remove_aliases(country, added)


class Migration(migrations.Migration):
    dependencies = [("places", "0018_add_cjk_country_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

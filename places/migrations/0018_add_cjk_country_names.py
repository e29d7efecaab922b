"""Add the names Chinese, Japanese and Korean copy gives countries (`美国`, `アメリカ合衆国`,
`미국`), CLDR's through Babel, and those it prints that CLDR gives otherwise (`米国`,
`한국`; places/data/country_press_names.json) as aliases
(places.country_data.cjk_country_names): the tagger reads them in such copy, where no
space parts the words."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, cjk_country_names, known_names

    country = apps.get_model("places", "Country")
    add_aliases(country, cjk_country_names(known_names(country)))


def remove_names(apps, schema_editor):
    """Remove the names this migration adds (no earlier one gave a name in these scripts)."""
    from places.country_data import cjk_country_names, known_names, remove_aliases

    country = apps.get_model("places", "Country")
    remove_aliases(country, cjk_country_names(known_names(country)))


class Migration(migrations.Migration):
    dependencies = [("places", "0017_add_persian_country_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

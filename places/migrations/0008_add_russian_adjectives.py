"""Add the Russian adjectives copy names countries by ("российский", "кыргызский") to
the countries' demonyms (places/data/country_press_names.json)."""

from django.db import migrations


def add_adjectives(apps, schema_editor):
    from places.country_data import add_aliases, russian_adjectives

    add_aliases(apps.get_model("places", "Country"), russian_adjectives(), field="demonyms")


def remove_adjectives(apps, schema_editor):
    from places.country_data import remove_aliases, russian_adjectives

    remove_aliases(apps.get_model("places", "Country"), russian_adjectives(), field="demonyms")


class Migration(migrations.Migration):
    dependencies = [("places", "0007_add_press_names")]

    operations = [migrations.RunPython(add_adjectives, remove_adjectives)]

"""Add the regions whose names hold another country's name ("New Mexico", "Northern
Ireland", "Inner Mongolia") to their own country's aliases, so that a report naming them
is not tagged with the country they contain (places.country_data.region_names)."""

from django.db import migrations


def add_regions(apps, schema_editor):
    from places.country_data import add_aliases, region_names

    add_aliases(apps.get_model("places", "Country"), region_names())


def remove_regions(apps, schema_editor):
    from places.country_data import region_names, remove_aliases

    remove_aliases(apps.get_model("places", "Country"), region_names())


class Migration(migrations.Migration):
    dependencies = [("places", "0008_add_russian_adjectives")]

    operations = [migrations.RunPython(add_regions, remove_regions)]

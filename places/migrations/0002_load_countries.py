"""Load every ISO 3166-1 country from pycountry (demonyms and spellings from countryinfo)."""

from django.db import migrations


def load_countries(apps, schema_editor):
    from places.country_data import iso_countries

    Country = apps.get_model("places", "Country")
    for data in iso_countries():
        Country.objects.update_or_create(
            code=data["code"], defaults={**data, "slug": data["code"].lower()}
        )


def unload_countries(apps, schema_editor):
    apps.get_model("places", "Country").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(load_countries, unload_countries)]

"""Add the Russian names of every country (pycountry's ISO 3166-1 translations) as aliases."""

from django.db import migrations


def add_russian_names(apps, schema_editor):
    from places.country_data import add_aliases, translated_names

    add_aliases(apps.get_model("places", "Country"), translated_names("ru"))


def remove_russian_names(apps, schema_editor):
    from places.country_data import remove_aliases, translated_names

    remove_aliases(apps.get_model("places", "Country"), translated_names("ru"))


class Migration(migrations.Migration):
    dependencies = [("places", "0002_load_countries")]

    operations = [migrations.RunPython(add_russian_names, remove_russian_names)]

"""Add the Russian names of every country (pycountry's ISO 3166-1 translations) as aliases."""

from django.db import migrations


def add_russian_names(apps, schema_editor):
    from places.country_data import translated_names

    Country = apps.get_model("places", "Country")
    names = translated_names("ru")
    for country in Country.objects.all():
        extra = [n for n in names.get(country.code, []) if n not in country.aliases]
        if extra:
            country.aliases = [*country.aliases, *extra]
            country.save(update_fields=["aliases"])


def remove_russian_names(apps, schema_editor):
    from places.country_data import translated_names

    Country = apps.get_model("places", "Country")
    names = translated_names("ru")
    for country in Country.objects.all():
        kept = [a for a in country.aliases if a not in names.get(country.code, [])]
        if kept != country.aliases:
            country.aliases = kept
            country.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("places", "0002_load_countries")]

    operations = [migrations.RunPython(add_russian_names, remove_russian_names)]

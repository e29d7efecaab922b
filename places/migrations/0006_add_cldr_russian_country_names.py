"""Add the Russian names newspapers use for countries (CLDR, through Babel) as aliases:
"Россия", "Великобритания", "КНДР", where pycountry's translations (0003) give the
official names only ("Российская Федерация")."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import cldr_names

    Country = apps.get_model("places", "Country")
    names = cldr_names("ru")
    for country in Country.objects.all():
        extra = [n for n in names.get(country.code, []) if n not in country.aliases]
        if extra:
            country.aliases = [*country.aliases, *extra]
            country.save(update_fields=["aliases"])


def remove_names(apps, schema_editor):
    """Remove the names this migration adds, but those 0003 gave already."""
    from places.country_data import cldr_names, translated_names

    Country = apps.get_model("places", "Country")
    names, earlier = cldr_names("ru"), translated_names("ru")
    for country in Country.objects.all():
        added = set(names.get(country.code, [])) - set(earlier.get(country.code, []))
        kept = [a for a in country.aliases if a not in added]
        if kept != country.aliases:
            country.aliases = kept
            country.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("places", "0005_country_coverage_count")]

    operations = [migrations.RunPython(add_names, remove_names)]

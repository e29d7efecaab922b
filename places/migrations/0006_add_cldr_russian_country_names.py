"""Add the Russian names newspapers use for countries (CLDR, through Babel) as aliases:
"Россия", "Великобритания", "КНДР", where pycountry's translations (0003) give the
official names only ("Российская Федерация")."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.country_data import add_aliases, cldr_names

    add_aliases(apps.get_model("places", "Country"), cldr_names("ru"))


def remove_names(apps, schema_editor):
    """Remove the names this migration adds, but those 0003 gave already."""
    from places.country_data import cldr_names, remove_aliases, translated_names

    earlier = translated_names("ru")
    added = {
        code: [n for n in names if n not in earlier.get(code, [])]
        for code, names in cldr_names("ru").items()
    }
    remove_aliases(apps.get_model("places", "Country"), added)


class Migration(migrations.Migration):
    dependencies = [("places", "0005_country_coverage_count")]

    operations = [migrations.RunPython(add_names, remove_names)]

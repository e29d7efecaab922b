"""Fill the coverage index, successor times and counts for reports already stored."""

from django.db import migrations


def build(apps, schema_editor):
    from articles.coverage import rebuild_coverage

    rebuild_coverage(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_visible_from_and_coverage"),
        ("places", "0005_country_coverage_count"),
        ("events", "0004_event_coverage_count"),
        ("organizations", "0004_organization_coverage_count_person_coverage_count"),
    ]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]

"""List updates and corrections wherever their published predecessors were listed: a
rebuild of the coverage index and counts, for databases that hold a chain of reports."""

from django.db import migrations
from django.db.models import Q


def build(apps, schema_editor):
    from articles.coverage import rebuild_coverage

    linked = Q(update_of__isnull=False) | Q(correction_of__isnull=False)
    if apps.get_model("articles", "Article").objects.filter(linked).exists():
        rebuild_coverage(apps)


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_search_vector")]

    # Backwards, the index keeps the inherited rows: harmless to the code before this.
    operations = [migrations.RunPython(build, migrations.RunPython.noop)]

"""Trigram indexes for the admin's report search (PostgreSQL; SQLite searches by scanning).

The admin searches with case-insensitive `contains`, which PostgreSQL runs as
`UPPER(column::text) LIKE UPPER('%term%')`: these indexes match that expression.
"""

from django.db import migrations

SEARCHED = ["headline", "dateline_raw", "byline"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in SEARCHED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS article_{column}_trgm ON articles_article "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS article_item_id_upper ON articles_article "
        "((UPPER(agency_item_id::text)))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in SEARCHED:
        schema_editor.execute(f"DROP INDEX IF EXISTS article_{column}_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS article_item_id_upper")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_build_coverage")]

    operations = [migrations.RunPython(create, drop)]

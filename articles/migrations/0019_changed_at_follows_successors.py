"""The sync stream's key also moves when a published update or correction replaces a
report (`superseded_at`), so the stream sends the replaced report again then.

A generated column cannot be altered: it is dropped and added again, with its index. On
SQLite that rebuilds the table, which drops the triggers that keep its FTS5 search table
(0012) in step with the reports: they are made again after it, both ways.
"""

from importlib import import_module

import django.db.models.functions.comparison
from django.db import migrations, models

search = import_module("articles.migrations.0012_search_vector")
ARTICLE_TRIGGERS = ("article_insert", "article_update", "article_delete")


def restore_search_triggers(apps, schema_editor) -> None:
    """Make the FTS5 table's triggers on the reports again (SQLite, when it has them)."""
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or search.FTS not in connection.introspection.table_names():
        return
    names = tuple(f"{search.FTS_TRIGGER}{name} " for name in ARTICLE_TRIGGERS)
    for name in ARTICLE_TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {search.FTS_TRIGGER}{name}", None)
    for statement in search._sqlite_forward():
        if statement.startswith("CREATE TRIGGER") and statement[15:].startswith(names):
            schema_editor.execute(statement, None)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_normalize_languages"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_search_triggers),
        migrations.RemoveIndex(model_name="article", name="article_changed_idx"),
        migrations.RemoveField(model_name="article", name="changed_at"),
        migrations.AddField(
            model_name="article",
            name="changed_at",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.comparison.Greatest(
                    models.F("updated_at"),
                    django.db.models.functions.comparison.Coalesce(
                        models.Case(
                            models.When(
                                status="published",
                                then=django.db.models.functions.comparison.Greatest(
                                    models.F("published_at"),
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("embargo_until"), models.F("published_at")
                                    ),
                                ),
                            ),
                            default=models.Value(None),
                        ),
                        models.F("updated_at"),
                    ),
                    models.Case(
                        models.When(
                            status="published",
                            then=django.db.models.functions.comparison.Coalesce(
                                models.F("superseded_at"), models.F("updated_at")
                            ),
                        ),
                        default=models.F("updated_at"),
                    ),
                ),
                help_text="When the public last saw it change: the latest of last save, going public and being replaced by a published update or correction.",
                output_field=models.DateTimeField(),
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["changed_at", "id"], name="article_changed_idx"),
        ),
        migrations.RunPython(restore_search_triggers, migrations.RunPython.noop),
    ]

"""Index the last weeks' fingerprints for the near-duplicate check on import.

Built without blocking writes on PostgreSQL (docs/deploy.md, "Indexes on big tables").
"""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class AddIndexWithoutLocking(AddIndexConcurrently):
    """CREATE INDEX CONCURRENTLY on PostgreSQL; a plain CREATE INDEX elsewhere (SQLite)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            migrations.AddIndex.database_forwards(
                self, app_label, schema_editor, from_state, to_state
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            migrations.AddIndex.database_backwards(
                self, app_label, schema_editor, from_state, to_state
            )


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("articles", "0008_coverage_count_indexes")]

    operations = [
        AddIndexWithoutLocking(
            model_name="article",
            index=models.Index(
                condition=models.Q(("fingerprint__isnull", False)),
                fields=["created_at"],
                include=("fingerprint",),
                name="article_recent_fingerprint_idx",
            ),
        ),
    ]

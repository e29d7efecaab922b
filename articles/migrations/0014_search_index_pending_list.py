"""Let the search index take new reports through its pending list (PostgreSQL).

With `fastupdate` off (0012), every report inserted wrote each of its words into the
GIN index there and then: about a millisecond a report, the larger part of what a
saved wire report cost the database. With it on, new entries are appended to a
pending list and merged in bulk once the list passes `gin_pending_list_limit` (or by
autovacuum). Searches also scan that list: kept at 256 kB, a few pages, it adds well
under a millisecond to a search (measured on the 1M benchmark database).

Changing these storage parameters takes a lock that lets reads and writes go on.
"""

from django.db import migrations

FORWARD = (
    "ALTER INDEX IF EXISTS article_search_idx SET (fastupdate = on, gin_pending_list_limit = 256)"
)
REVERSE = (
    "ALTER INDEX IF EXISTS article_search_idx SET (fastupdate = off); "
    "ALTER INDEX IF EXISTS article_search_idx RESET (gin_pending_list_limit)"
)


def forward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def reverse(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE)


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_chain_coverage")]

    operations = [migrations.RunPython(forward, reverse)]

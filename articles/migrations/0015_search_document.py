"""Name the search vector's formula on its own (PostgreSQL): `articles_search_document`
weighs a report's headline (A), summary (B), tag names (D) and body (C) given as text.

`articles_article_search_vector` (0012) now looks up the report's tag names and hands
them to it, so the vectors are unchanged. A bulk load that already knows each report's
tag names (`demo.corpus`) builds the same vector with the same formula as the report
goes in, instead of rewriting every report afterwards.
"""

from importlib import import_module

from django.db import migrations

initial = import_module("articles.migrations.0012_search_vector")

DOCUMENT = """CREATE OR REPLACE FUNCTION articles_search_document(
      language text, headline text, summary text, body text, tags text
    ) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE
      cfg regconfig := articles_search_config(language);
    BEGIN
      RETURN setweight(to_tsvector(cfg, coalesce(headline, '')), 'A')
          || setweight(to_tsvector(cfg, coalesce(summary, '')), 'B')
          || setweight(to_tsvector(cfg, coalesce(tags, '')), 'D')
          || setweight(to_tsvector(cfg, left(coalesce(body, ''), 200000)), 'C');
    END $$"""

VECTOR = f"""CREATE OR REPLACE FUNCTION articles_article_search_vector(
      article bigint, language text, headline text, summary text, body text
    ) RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
    DECLARE
      tags text;
    BEGIN
      {initial._pg_tag_names()} INTO tags;
      RETURN articles_search_document(language, headline, summary, body, tags);
    END $$"""

# 0012's own definition of the per-report function, which did not call the new one.
(INITIAL_VECTOR,) = [
    s
    for s in initial.PG_FORWARD
    if s.startswith("CREATE OR REPLACE FUNCTION articles_article_search_vector(")
]


def forward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DOCUMENT, None)
        schema_editor.execute(VECTOR, None)


def reverse(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INITIAL_VECTOR, None)
        schema_editor.execute(
            "DROP FUNCTION IF EXISTS articles_search_document(text, text, text, text, text)", None
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_search_index_pending_list")]

    operations = [migrations.RunPython(forward, reverse)]

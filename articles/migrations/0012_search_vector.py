"""Full-text search over reports, kept in step by the database (`articles.search` queries it).

PostgreSQL: a stored `search_vector` (tsvector: headline A, summary B, body C, tag names D)
built in the report's language configuration (`russian` for ru*, `english` otherwise).
Triggers keep it exact: on the report row when its text or language changes, on the four
tag tables (statement-level, one update per statement however many rows), and on the
tagged records when they are renamed. The triggers come first, so writes made during the
fill are kept; the fill runs in batches of reports, each its own transaction (the table is
never locked for the whole fill, and a fill cut short resumes where it stopped); then the
GIN index is built concurrently. Hence a non-atomic migration, whose steps may be re-run.

SQLite: an FTS5 table with the same four columns, kept by triggers — when the build has
FTS5 (else search falls back to a plain `icontains` match).

Not model fields: no ORM query loads the vector unless it asks for it.
"""

from django.db import migrations, transaction

# Tag tables: (through table, its key column, record table, record key, names searched).
TAGS = [
    ("articles_article_events", "event_id", "events_event", "id", ["name"]),
    ("articles_article_countries", "country_id", "places_country", "code", ["name"]),
    (
        "articles_article_organizations",
        "organization_id",
        "organizations_organization",
        "id",
        ["name", "short_name"],
    ),
    ("articles_article_people", "person_id", "organizations_person", "id", ["name"]),
]
TEXT = ["headline", "summary", "body", "language"]


def _pg_tag_names() -> str:
    parts = [
        f"(SELECT string_agg(concat_ws(' ', {', '.join('r.' + n for n in names)}), ' ') "
        f"FROM {through} t JOIN {table} r ON r.{key} = t.{column} WHERE t.article_id = article)"
        for through, column, table, key, names in TAGS
    ]
    return f"SELECT concat_ws(' ', {', '.join(parts)})"


VECTOR = "articles_article_search_vector(a.id, a.language, a.headline, a.summary, a.body)"

PG_FORWARD = [
    "ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_vector tsvector",
    # ru, ru-RU, ru_RU: Russian stemming; everything else English.
    """CREATE OR REPLACE FUNCTION articles_search_config(language text) RETURNS regconfig
       LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT CASE WHEN split_part(replace(lower(language), '_', '-'), '-', 1) = 'ru'
                THEN 'pg_catalog.russian' ELSE 'pg_catalog.english' END::regconfig $$""",
    # Tags before the body: a long body cannot push their positions past the limit.
    # The body is capped so that no text, however long, exceeds a tsvector's 1 MB.
    # PL/pgSQL keeps the tag query's plan for the session (a SQL function nested in
    # another would plan it again for every report: four times slower to fill).
    f"""CREATE OR REPLACE FUNCTION articles_article_search_vector(
          article bigint, language text, headline text, summary text, body text
        ) RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
        DECLARE
          cfg regconfig := articles_search_config(language);
          tags text;
        BEGIN
          {_pg_tag_names()} INTO tags;
          RETURN setweight(to_tsvector(cfg, coalesce(headline, '')), 'A')
              || setweight(to_tsvector(cfg, coalesce(summary, '')), 'B')
              || setweight(to_tsvector(cfg, tags), 'D')
              || setweight(to_tsvector(cfg, left(coalesce(body, ''), 200000)), 'C');
        END $$""",
    """CREATE OR REPLACE FUNCTION articles_article_search_row() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_vector := articles_article_search_vector(
           NEW.id, NEW.language, NEW.headline, NEW.summary, NEW.body);
         RETURN NEW;
       END $$""",
    f"""CREATE OR REPLACE FUNCTION articles_article_search_tags() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            UPDATE articles_article a SET search_vector = {VECTOR}
             WHERE a.id IN (SELECT article_id FROM new_tags);
          ELSIF TG_OP = 'DELETE' THEN
            UPDATE articles_article a SET search_vector = {VECTOR}
             WHERE a.id IN (SELECT article_id FROM old_tags);
          ELSE
            UPDATE articles_article a SET search_vector = {VECTOR}
             WHERE a.id IN (SELECT article_id FROM new_tags
                            UNION SELECT article_id FROM old_tags);
          END IF;
          RETURN NULL;
        END $$""",
    # Arguments: the tag table, its key column, the renamed record's key column.
    f"""CREATE OR REPLACE FUNCTION articles_article_search_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          EXECUTE format('UPDATE articles_article a SET search_vector = {VECTOR}
                           WHERE a.id IN (SELECT t.article_id FROM %I t WHERE t.%I = ($1).%I)',
                         TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]) USING NEW;
          RETURN NULL;
        END $$""",
    "CREATE OR REPLACE TRIGGER articles_article_search_insert BEFORE INSERT ON articles_article "
    "FOR EACH ROW EXECUTE FUNCTION articles_article_search_row()",
    f"CREATE OR REPLACE TRIGGER articles_article_search_update BEFORE UPDATE OF {', '.join(TEXT)} "
    f"ON articles_article FOR EACH ROW WHEN ("
    + " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in TEXT)
    + ") EXECUTE FUNCTION articles_article_search_row()",
]
for _through, _column, _table, _key, _names in TAGS:
    PG_FORWARD += [
        f"CREATE OR REPLACE TRIGGER {_through}_search_insert AFTER INSERT ON {_through} "
        f"REFERENCING NEW TABLE AS new_tags FOR EACH STATEMENT "
        f"EXECUTE FUNCTION articles_article_search_tags()",
        f"CREATE OR REPLACE TRIGGER {_through}_search_delete AFTER DELETE ON {_through} "
        f"REFERENCING OLD TABLE AS old_tags FOR EACH STATEMENT "
        f"EXECUTE FUNCTION articles_article_search_tags()",
        f"CREATE OR REPLACE TRIGGER {_through}_search_update AFTER UPDATE ON {_through} "
        f"REFERENCING OLD TABLE AS old_tags NEW TABLE AS new_tags FOR EACH STATEMENT "
        f"EXECUTE FUNCTION articles_article_search_tags()",
        f"CREATE OR REPLACE TRIGGER {_table}_search_renamed AFTER UPDATE OF {', '.join(_names)} "
        f"ON {_table} FOR EACH ROW WHEN ("
        + " OR ".join(f"OLD.{n} IS DISTINCT FROM NEW.{n}" for n in _names)
        + f") EXECUTE FUNCTION articles_article_search_renamed('{_through}', '{_column}', "
        f"'{_key}')",
    ]

FILL_BATCH = 5000  # reports a fill statement updates (and locks) at a time
PG_FILL = (
    f"UPDATE articles_article a SET search_vector = {VECTOR} "
    f"WHERE a.id >= %s AND a.id < %s AND a.search_vector IS NULL"
)
# Searches read a settled index: no pending list to scan (writes are few).
PG_INDEX = (
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS article_search_idx ON articles_article "
    "USING gin (search_vector) WITH (fastupdate = off)"
)

PG_REVERSE = [
    *(f"DROP TRIGGER IF EXISTS {t}_search_renamed ON {t}" for _, _, t, _, _ in TAGS),
    *(
        f"DROP TRIGGER IF EXISTS {through}_search_{event} ON {through}"
        for through, *_ in TAGS
        for event in ("insert", "delete", "update")
    ),
    "DROP TRIGGER IF EXISTS articles_article_search_insert ON articles_article",
    "DROP TRIGGER IF EXISTS articles_article_search_update ON articles_article",
    "DROP FUNCTION IF EXISTS articles_article_search_renamed()",
    "DROP FUNCTION IF EXISTS articles_article_search_tags()",
    "DROP FUNCTION IF EXISTS articles_article_search_row()",
    "DROP FUNCTION IF EXISTS articles_article_search_vector(bigint, text, text, text, text)",
    "DROP FUNCTION IF EXISTS articles_article_tag_names(bigint)",  # an earlier draft's helper
    "DROP FUNCTION IF EXISTS articles_search_config(text)",
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]


def _sqlite_tag_names(article: str) -> str:
    parts = []
    for through, column, table, key, names in TAGS:
        name = " || ' ' || ".join(f"coalesce(r.{n}, '')" for n in names)
        parts.append(
            f"SELECT {name} AS name FROM {through} t JOIN {table} r ON r.{key} = t.{column} "
            f"WHERE t.article_id = {article}"
        )
    return f"(SELECT group_concat(name, ' ') FROM ({' UNION ALL '.join(parts)}))"


FTS = "articles_article_fts"
# Every trigger's name starts with this: `articles.search` checks they are all there.
FTS_TRIGGER = "search_fts_"


def _retag(article: str) -> str:
    return f"UPDATE {FTS} SET tags = {_sqlite_tag_names(article)} WHERE rowid = {article}"


def _sqlite_forward() -> list[str]:
    statements = [
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(headline, summary, body, tags, "
        f"tokenize = 'porter unicode61 remove_diacritics 2')",
        f"INSERT INTO {FTS} (rowid, headline, summary, body, tags) "
        f"SELECT a.id, a.headline, a.summary, a.body, {_sqlite_tag_names('a.id')} "
        f"FROM articles_article a",
        f"CREATE TRIGGER {FTS_TRIGGER}article_insert AFTER INSERT ON articles_article BEGIN "
        f"INSERT INTO {FTS} (rowid, headline, summary, body, tags) VALUES (new.id, "
        f"new.headline, new.summary, new.body, {_sqlite_tag_names('new.id')}); END",
        f"CREATE TRIGGER {FTS_TRIGGER}article_update AFTER UPDATE OF headline, summary, body "
        f"ON articles_article BEGIN UPDATE {FTS} SET headline = new.headline, "
        f"summary = new.summary, body = new.body WHERE rowid = new.id; END",
        f"CREATE TRIGGER {FTS_TRIGGER}article_delete AFTER DELETE ON articles_article BEGIN "
        f"DELETE FROM {FTS} WHERE rowid = old.id; END",
    ]
    for through, column, table, key, names in TAGS:
        statements += [
            f"CREATE TRIGGER {FTS_TRIGGER}{through}_insert AFTER INSERT ON {through} BEGIN "
            f"{_retag('new.article_id')}; END",
            f"CREATE TRIGGER {FTS_TRIGGER}{through}_delete AFTER DELETE ON {through} BEGIN "
            f"{_retag('old.article_id')}; END",
            f"CREATE TRIGGER {FTS_TRIGGER}{through}_update AFTER UPDATE ON {through} BEGIN "
            f"{_retag('old.article_id')}; {_retag('new.article_id')}; END",
            f"CREATE TRIGGER {FTS_TRIGGER}{table}_renamed AFTER UPDATE OF {', '.join(names)} "
            f"ON {table} BEGIN UPDATE {FTS} SET tags = {_sqlite_tag_names(f'{FTS}.rowid')} "
            f"WHERE rowid IN (SELECT article_id FROM {through} WHERE {column} = new.{key}); END",
        ]
    return statements


def _sqlite_reverse() -> list[str]:
    triggers = ["article_insert", "article_update", "article_delete"]
    for through, _, table, _, _ in TAGS:
        triggers += [f"{through}_insert", f"{through}_delete", f"{through}_update"]
        triggers.append(f"{table}_renamed")
    return [f"DROP TRIGGER IF EXISTS {FTS_TRIGGER}{name}" for name in triggers] + [
        f"DROP TABLE IF EXISTS {FTS}"
    ]


def _has_fts5(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        return bool(cursor.fetchone()[0])


def _run(schema_editor, statements: list[str]) -> None:
    for sql in statements:
        schema_editor.execute(sql, None)  # no parameters: `%` is literal


def _pg_fill(schema_editor) -> None:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM articles_article")
        first, last = cursor.fetchone()
    for start in range(first or 0, (last or -1) + 1, FILL_BATCH):
        schema_editor.execute(PG_FILL, (start, start + FILL_BATCH))  # one transaction each


def forward(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias):
            _run(schema_editor, PG_FORWARD)
        _pg_fill(schema_editor)
        schema_editor.execute(PG_INDEX, None)
    elif connection.vendor == "sqlite" and _has_fts5(connection):
        with transaction.atomic(using=connection.alias):
            _run(schema_editor, _sqlite_forward())


def reverse(apps, schema_editor) -> None:
    connection = schema_editor.connection
    with transaction.atomic(using=connection.alias):
        if connection.vendor == "postgresql":
            _run(schema_editor, PG_REVERSE)
        elif connection.vendor == "sqlite":
            _run(schema_editor, _sqlite_reverse())


class Migration(migrations.Migration):
    atomic = False  # the fill commits batch by batch; the index is built concurrently

    dependencies = [
        ("articles", "0011_sync_stream_and_dateline_index"),
    ]

    operations = [migrations.RunPython(forward, reverse)]

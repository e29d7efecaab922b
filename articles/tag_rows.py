"""Reports' tags as plain rows: one query for every tag of every report on a page.

Prefetching runs a query per tag kind and builds a model instance, a manager and a
queryset cache for every tag; a report page or an API list of 20 reports spends more on
that (compiling four queries included) than on the database. Here all four kinds come
from one hand-written statement, written once per database and reused, straight into
dicts in each kind's own order (its model's `Meta.ordering`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, cast

from django.db import connection
from django.db.models import ManyToManyField

from articles.models import Article

# Tag field → the columns a tag row carries.
COLUMNS = {
    "events": ("slug", "name"),
    "countries": ("code", "name", "slug"),
    "organizations": ("slug", "name"),
    "people": ("slug", "name"),
}


def attach_tag_rows(articles: Sequence[Article]) -> None:
    """Give each report `tag_rows`: {field: [{column: value}, …]} in the tags' own order."""
    for article in articles:
        article.tag_rows = {field: [] for field in COLUMNS}
    by_pk = {article.pk: article for article in articles}
    if not by_pk:
        return
    fields = list(COLUMNS)
    ids = list(by_pk)
    params: list[Any]  # one array of ids per kind (PostgreSQL), or the ids once per kind
    if connection.vendor == "postgresql":
        sql, params = _statement(connection.vendor, 0), [ids] * len(fields)
    else:
        sql, params = _statement(connection.vendor, len(ids)), ids * len(fields)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, article_id, *values in cursor.fetchall():
            field = fields[kind]
            row = dict(zip(COLUMNS[field], values, strict=False))
            by_pk[article_id].tag_rows[field].append(row)


@lru_cache(maxsize=32)
def _statement(vendor: str, count: int) -> str:
    """The UNION of one SELECT per tag kind, rows numbered in the kind's model order.

    PostgreSQL takes the report ids as one array (one statement to prepare whatever the
    page size); other databases get a placeholder per id (`count` of them).
    """
    quote = connection.ops.quote_name
    width = max(len(columns) for columns in COLUMNS.values())
    parts = []
    for kind, (field, columns) in enumerate(COLUMNS.items()):
        m2m = cast(ManyToManyField, Article._meta.get_field(field))
        assert m2m.remote_field.through is not None  # resolved once the models are loaded
        # Options, typed loosely: the fields read here are concrete, with a column
        through: Any = m2m.remote_field.through._meta
        target: Any = m2m.related_model._meta
        source_fk = through.get_field(m2m.m2m_field_name()).column
        target_fk = through.get_field(m2m.m2m_reverse_field_name()).column
        order = ", ".join(
            f"x.{quote(target.get_field(name.lstrip('-')).column)}"
            + (" DESC" if name.startswith("-") else " ASC")
            for name in [*target.ordering, target.pk.name]
        )
        shown = [f"x.{quote(target.get_field(name).column)}" for name in columns]
        shown += ["NULL"] * (width - len(columns))
        shown = [f"{value} AS c{n}" for n, value in enumerate(shown)]
        ids = "= ANY(%s)" if vendor == "postgresql" else f"IN ({', '.join(['%s'] * count)})"
        parts.append(
            f"SELECT {kind} AS kind, t.{quote(source_fk)} AS article_id, {', '.join(shown)}, "
            f"ROW_NUMBER() OVER (PARTITION BY t.{quote(source_fk)} ORDER BY {order}) AS pos "
            f"FROM {quote(through.db_table)} t "
            f"JOIN {quote(target.db_table)} x "
            f"ON x.{quote(target.pk.column)} = t.{quote(target_fk)} "
            f"WHERE t.{quote(source_fk)} {ids}"
        )
    selected = ", ".join(f"c{n}" for n in range(width))
    union = " UNION ALL ".join(parts)
    return f"SELECT kind, article_id, {selected} FROM ({union}) tags ORDER BY kind, article_id, pos"


def tag_instances(article: Article) -> dict[str, list]:
    """Return a report's attached tag rows as unsaved model instances, for templates
    that link them (`get_absolute_url`) and compare them with the dateline's."""
    models = {
        field: cast(ManyToManyField, Article._meta.get_field(field)).related_model
        for field in COLUMNS
    }
    return {
        field: [models[field](**row) for row in rows] for field, rows in article.tag_rows.items()
    }

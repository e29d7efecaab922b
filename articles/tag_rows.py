"""Reports' tags as plain rows, for lists that print many reports with all their tags.

Prefetching builds a model instance, a manager and a queryset cache for every tag of
every report; an API list of 20 reports spends more on that than on its queries. Here
each kind is one query of the few columns shown, straight into dicts.
"""

from __future__ import annotations

from collections.abc import Sequence

from articles.models import Article

# Tag field → the columns a tag shows, as the tag serializers name them.
SHOWN = {
    "events": ("slug", "name"),
    "countries": ("code", "name"),
    "organizations": ("slug", "name"),
    "people": ("slug", "name"),
}


def attach_tag_rows(articles: Sequence[Article]) -> None:
    """Give each report `tag_rows`: {field: [{column: value}, …]} in the tags' own order."""
    for article in articles:
        article.tag_rows = {field: [] for field in SHOWN}
    by_pk = {article.pk: article for article in articles}
    if not by_pk:
        return
    for field, columns in SHOWN.items():
        m2m = Article._meta.get_field(field)
        through, target = m2m.remote_field.through, m2m.m2m_reverse_field_name()
        order = [_through(target, name) for name in m2m.related_model._meta.ordering]
        rows = (
            through.objects.filter(article_id__in=by_pk)
            .order_by(*order)
            .values_list("article_id", *(f"{target}__{column}" for column in columns))
        )
        for article_id, *values in rows:
            by_pk[article_id].tag_rows[field].append(dict(zip(columns, values, strict=True)))


def _through(relation: str, ordering: str) -> str:
    descending = ordering.startswith("-")
    return f"{'-' if descending else ''}{relation}__{ordering.lstrip('-')}"

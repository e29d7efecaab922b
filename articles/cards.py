"""Report cards, the unit every list page is made of, rendered once and kept.

A card (headline, dateline, agency, time, summary, event and country tags) depends only
on the report, on the names of its tags, and on whether the page is its agency's own
(which leaves the agency out). It is cached under the report's id and
last change and under the page-cache generation, which any change to a report or the
registry renews (newsroom/page_cache.py), so a card is never stale. A list page then
costs one cache round trip for its cards; only the cards missing from the cache fetch
their full rows and their tags (one query each, `articles.tag_rows`) and go through the
template. So a list reads only the few columns of `ArticleQuerySet.for_cards`.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article
from articles.tag_rows import attach_tag_rows, tag_instances
from newsroom.page_cache import current_generation

CARD_TEMPLATE = "includes/article_card.html"
CARD_VERSION = 2  # raised when the card's markup changes: cards kept before are not served


def render_cards(articles: Sequence[Article], *, agency_id: int | None = None) -> list[SafeString]:
    """Return the HTML card of each report, in order, from the cache where possible.

    On an agency's own page (`agency_id`) the cards of its reports leave the agency out.
    """
    if not articles:
        return []
    seconds = settings.FRAGMENT_CACHE_SECONDS
    generation = current_generation() if seconds else 0
    keys = [_key(article, generation, agency_id) for article in articles]
    cached = cache.get_many(keys) if seconds else {}
    missing = [a for a, key in zip(articles, keys, strict=True) if key not in cached]
    if missing:
        rows = Article.objects.for_listing().prefetch_related(None)
        full = rows.in_bulk([a.pk for a in missing])
        attach_tag_rows(list(full.values()))
        template = get_template(CARD_TEMPLATE)
        fresh = {
            _key(a, generation, agency_id): template.render(
                {
                    "article": full[a.pk],
                    "tags": tag_instances(full[a.pk]),
                    "hide_agency": _own(a, agency_id),
                }
            )
            for a in missing
            if a.pk in full  # deleted since the list was read: no card
        }
        if seconds:
            cache.set_many(fresh, seconds)
        cached.update(fresh)
    # Rendered (and escaped) by the template.
    return [mark_safe(cached[key]) for key in keys if key in cached]


def _key(article: Article, generation: int, agency_id: int | None) -> str:
    changed = article.updated_at.timestamp() if article.updated_at else 0
    own = ":own" if _own(article, agency_id) else ""
    return f"card:{CARD_VERSION}:{generation}:{article.pk}:{changed}{own}"


def _own(article: Article, agency_id: int | None) -> bool:
    return agency_id is not None and article.agency_id == agency_id

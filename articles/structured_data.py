"""schema.org NewsArticle data for a report page (JSON-LD)."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def news_article(
    article: Article, tags: dict[str, list[Any]], request: HttpRequest
) -> dict[str, Any]:
    """Return the schema.org NewsArticle description of a published report.

    `tags` are its tags by field, as `articles.tag_rows.tag_instances` gives them.
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "inLanguage": article.language,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "description": article.summary or strip_tags(article.body)[:300],
        "about": [{"@type": "Event", "name": e.name} for e in tags["events"]]
        + [{"@type": "Country", "name": c.name} for c in tags["countries"]],
    }
    if article.agency:
        data["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": article.agency.name}
    if article.dateline_city:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline_city.name}
    if article.byline:
        data["author"] = {"@type": "Person", "name": article.byline}
    return data


def as_json_ld(data: dict[str, Any]) -> SafeString:
    """Return data as JSON safe to place inside a <script> element."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES))

"""A report page's meta: OpenGraph article data and a schema.org NewsArticle (JSON-LD)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.models import Article
from editorial.models import Action, EditorialAction
from newsroom.structured_data import (
    JsonLd,
    SocialMeta,
    absolute,
    collection_page,
    headline,
    iso,
    og_locale,
    page_meta,
    place,
    publisher,
    ref,
    summary,
)

# The steps that make a report public: its public version starts with the last of them.
PUBLISH_STEPS = (Action.PUBLISHED, Action.SCHEDULED, Action.EMBARGO_LIFTED)

# What a report's JSON-LD reads besides what its page shows: the dateline city's place.
GEO_FIELDS = ("dateline_city__latitude", "dateline_city__longitude")

# The report list's filters that make it a list of its own (kept in its canonical address).
LIST_FACETS = ("event", "country", "organization", "person", "agency")


def report_page(
    article: Article,
    tags: dict[str, list[Any]],
    request: HttpRequest,
    *,
    predecessor: Article | None = None,
    successor: Article | None = None,
) -> SocialMeta:
    """Return a published report's page meta (`tags` as `articles.tag_rows.tag_instances`
    gives them; `predecessor` and `successor` only when public)."""
    data = news_article(article, tags, request, predecessor=predecessor, successor=successor)
    names = [tag.name for field in ("events", "countries", "organizations", "people")
             for tag in tags[field]]  # fmt: skip
    section = tags["events"][0] if tags["events"] else article.dateline_country
    return page_meta(
        request,
        article.get_absolute_url(),
        title=article.headline,
        description=data["description"],
        data=data,
        og_type="article",
        locale=og_locale(article.language),
        published_time=iso(data["datePublished"]),
        modified_time=iso(data["dateModified"]),
        section=section.name if section else "",
        tags=tuple(dict.fromkeys(names)),
    )


def news_article(
    article: Article,
    tags: dict[str, list[Any]],
    request: HttpRequest,
    *,
    predecessor: Article | None = None,
    successor: Article | None = None,
) -> JsonLd:
    """Return the schema.org NewsArticle description of a published report."""
    url = absolute(request, article.get_absolute_url())
    data: JsonLd = {
        "@type": "NewsArticle",
        "headline": headline(article.headline),
        "description": summary(article.summary or article.body),
        "datePublished": article.visible_from,
        "dateModified": date_modified(article),
        "inLanguage": article.language,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": publisher(request),
        "about": [ref("Event", e, request) for e in tags["events"]]
        + [ref("Person", p, request) for p in tags["people"]],
        "mentions": [ref("Organization", o, request) for o in tags["organizations"]]
        + [ref("Country", c, request) for c in tags["countries"]],
    }
    if article.dateline_raw:
        data["dateline"] = article.dateline_raw
    if article.dateline_city or article.dateline_country:
        where = place(request, city=article.dateline_city, country=article.dateline_country)
        data["contentLocation"] = data["locationCreated"] = where
    data.update(_sources(article, request))
    data.update(_corrections(article, request, predecessor, successor))
    return data


def _sources(article: Article, request: HttpRequest) -> JsonLd:
    """The byline's author, then the filing agency (author and source organization);
    the publisher for a report that names neither (search engines ask for an author)."""
    authors = [{"@type": "Person", "name": article.byline}] if article.byline else []
    if article.agency is None:
        return {"author": authors or [publisher(request)]}
    agency = ref("NewsMediaOrganization", article.agency, request)
    return {"author": [*authors, agency], "sourceOrganization": agency}


def _corrections(
    article: Article, request: HttpRequest, predecessor: Article | None, successor: Article | None
) -> JsonLd:
    """What this report updates or corrects (isBasedOn), and a correction published of it."""
    data: JsonLd = {}
    if predecessor is not None:
        data["isBasedOn"] = _reference(predecessor, request)
        if article.correction_of_id == predecessor.pk:
            default = _("Corrects “%(headline)s”.") % {"headline": predecessor.headline}
            note = article.correction_note or default
            data["correction"] = _correction(note, article.visible_from, url=None)
    if successor is not None and successor.correction_of_id == article.pk:
        url = absolute(request, successor.get_absolute_url())
        note = successor.correction_note or successor.headline
        data["correction"] = _correction(note, successor.visible_from, url=url)
    return data


def _reference(article: Article, request: HttpRequest) -> JsonLd:
    url = absolute(request, article.get_absolute_url())
    return {"@type": "NewsArticle", "headline": headline(article.headline), "url": url}


def _correction(note: str, at: datetime.datetime | None, *, url: str | None) -> JsonLd:
    data: JsonLd = {"@type": "CorrectionComment", "text": note, "datePublished": at}
    return {**data, "url": url} if url else data


def date_modified(article: Article) -> datetime.datetime:
    """Return when the public version of a report last changed.

    That is its last save after it went public; storing a report (an import, the demo)
    or publishing it is no change of it, even with an earlier publish time (the wire's),
    so a report never edited since is last modified when it went public.
    """
    public_since: datetime.datetime = article.visible_from
    if article.version == 1 or article.updated_at <= public_since:
        return public_since
    published = last_publish_step(article)  # asked only when a save came after
    return public_since if published and article.updated_at <= published else article.updated_at


def last_publish_step(article: Article) -> datetime.datetime | None:
    """Return when the report was last published (or its embargo lifted), per the audit trail."""
    steps = EditorialAction.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk),
        action__in=PUBLISH_STEPS,
    )
    return steps.order_by("-at").values_list("at", flat=True).first()


def report_list_page(request: HttpRequest, filterset: Any) -> SocialMeta:
    """Return the report list's meta; its canonical address keeps valid facet filters."""
    description = _("Published wire reports, newest first, by event, country and agency.")
    path = reverse("articles:article_list")
    params = facets(filterset)
    return collection_page(
        request, path, title=_("Reports"), description=description, params=params
    )


def search_page(request: HttpRequest, filterset: Any, text: str) -> SocialMeta:
    """Return the search page's meta; its canonical address keeps the words (spacing
    normalized) and, like the report list's, valid facet filters."""
    words = " ".join(text.split())
    if words:
        shown = {"words": Truncator(words).chars(60)}
        title = _("Search: %(words)s") % shown
        description = _("Published wire reports matching “%(words)s”, most relevant first.") % shown
    else:
        title = _("Search")
        description = _("Search the published wire reports by words, event, country and agency.")
    data = {"@type": "SearchResultsPage", "name": title, "description": description}
    params = {"q": words, **facets(filterset)}
    path = reverse("search")
    return page_meta(request, path, title=title, description=description, data=data, params=params)


def facets(filterset: Any) -> dict[str, str]:
    """Return a report list's or search's valid entity filters (slugs by filter name):
    they make it a list of its own, where dates, words and paging do not."""
    chosen = filterset.form.cleaned_data if filterset.is_valid() else {}
    return {name: chosen[name].slug for name in LIST_FACETS if chosen.get(name)}

"""RSS 2.0 and Atom feeds of the newest reports: all of them, or about one entity.

Links are absolute on the host the feed was asked on (like the pages' JSON-LD), not the
sites framework's domain, which nothing in the project sets.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Case, QuerySet, TextField, Value, When
from django.db.models.functions import Left
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator

from articles.models import Article, ArticleQuerySet
from articles.tag_rows import attach_tag_rows
from events.models import Event
from newsroom.safe_text import safe_text
from organizations.models import Organization, OrganizationKind, Person
from places.models import Country

Entity = Country | Event | Organization | Person

# The entities of each kind the public may see (every country has a page).
PUBLIC_ENTITIES: dict[str, Callable[[], QuerySet]] = {
    "country": Country.objects.all,
    "event": Event.objects.public,
    "organization": Organization.objects.public,
    "person": Person.objects.public,
}
# A report without a summary is described by the start of its body, cut in the database.
OPENING_CHARS = 2000
DESCRIPTION_WORDS = 60


def site_name() -> str:
    """Return the publisher's name, as the pages' titles give it."""
    return getattr(settings, "SITE_NAME", "Newsroom")


def host_name(request: HttpRequest) -> str:
    """Return the host name for tag: URIs and UIDs: `TAG_AUTHORITY`, else the host the
    request was made to (without a port). A site answering under several names
    (`example.org`, `www.example.org`) sets `TAG_AUTHORITY`, so that a report has one
    GUID and a feed reader one item."""
    domain, _ = split_domain_port(settings.TAG_AUTHORITY or request.get_host())
    return domain or request.get_host()


@dataclass(frozen=True)
class Subject:
    """What a feed is about (None: every report), and the request it answers."""

    request: HttpRequest
    kind: str | None = None
    entity: Entity | None = None

    def absolute(self, location: str) -> str:
        return self.request.build_absolute_uri(location)


@dataclass(frozen=True)
class Item:
    """A report in a feed, with its absolute address and stable id."""

    article: Article
    link: str
    guid: str
    opening: str


# The time an empty feed gives when the public has never seen a report change.
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class _ItemLanguages:
    """A feed generator that gives each entry its report's language, and the feed one
    only when all its entries share it (never the site's own language for all)."""

    items: list[dict]
    feed: dict
    writing = False

    def write(self, outfile, encoding) -> None:  # type: ignore[no-untyped-def]
        languages = {item.get("language") or None for item in self.items}
        self.feed["language"] = languages.pop() if len(languages) == 1 else None
        self.writing = True
        try:
            super().write(outfile, encoding)  # type: ignore[misc]
        finally:
            self.writing = False

    def latest_post_date(self) -> datetime.datetime:
        """Return when the feed last changed: for its Last-Modified, its newest item's
        time or the last change the public saw, whichever is later (a withdrawal removes
        an item and adds none); in the feed itself (<updated>, <lastBuildDate>), its
        newest item's time, so that its ETag holds while its own items do.

        An empty feed gives the last change the public saw. Never the time of asking,
        which Django gives it: its Last-Modified, <updated> and ETag would change on
        every request, and no feed reader would ever get a 304."""
        times = [item.get(key) for item in self.items for key in ("updateddate", "pubdate")]
        newest = max(filter(None, times), default=None)
        if self.writing and newest is not None:
            return newest
        return max(filter(None, [newest, self.feed.get("public_change")]), default=NEVER)


class ReportRss(_ItemLanguages, Rss201rev2Feed):
    pass


class ReportAtom(_ItemLanguages, Atom1Feed):
    def item_attributes(self, item: dict) -> dict[str, str]:
        return {"xml:lang": item["language"]} if item.get("language") else {}


class ReportFeed(Feed):
    """The newest current published reports, all or about one entity, as RSS or Atom."""

    size = 30
    item_guid_is_permalink = False  # a tag: URI, stable if the report's address moves

    def __init__(self, kind: str | None = None, *, atom: bool = False) -> None:
        if kind is not None and kind not in PUBLIC_ENTITIES:
            raise ValueError(f"Not an entity kind: {kind}")
        self.kind = kind
        self.feed_type = ReportAtom if atom else ReportRss

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Subject:
        """Find the entity (a 404 unless the public may see it)."""
        if self.kind is None:
            return Subject(request)
        if self.kind == "country":
            slug = (slug or "").lower()  # /countries/AZ/… as /countries/az/…
        entity = PUBLIC_ENTITIES[self.kind]().get(slug=slug)
        return Subject(request, self.kind, entity)

    def feed_extra_kwargs(self, obj: Subject) -> dict[str, datetime.datetime | None]:
        """The last change the public saw (`latest_post_date`): the feed's Last-Modified
        moves on when a report leaves the public's view, so that a reader asking with
        If-Modified-Since is not told that nothing changed."""
        return {"public_change": Article.objects.last_public_change()}

    def title(self, obj: Subject) -> str:
        about = f"Reports about {self.name(obj)}" if obj.entity else "Latest reports"
        return f"{about} · {site_name()}"

    def description(self, obj: Subject) -> str:
        if obj.entity is None:
            return "The latest published wire reports."
        if isinstance(obj.entity, Country):
            return f"The latest wire reports about or datelined in {self.name(obj)}."
        agency = isinstance(obj.entity, Organization) and obj.entity.kind == (
            OrganizationKind.NEWS_AGENCY
        )
        about = "about or filed by" if agency else "about"
        return f"The latest wire reports {about} {self.name(obj)}."

    def name(self, obj: Subject) -> str:
        """Return the entity's name as XML can carry it (one stored before text was
        scrubbed would otherwise fail the whole feed)."""
        return safe_text(str(obj.entity))

    def subtitle(self, obj: Subject) -> str:  # Atom's description
        return self.description(obj)

    def link(self, obj: Subject) -> str:
        page = obj.entity.get_absolute_url() if obj.entity else reverse("articles:article_list")
        return obj.absolute(page)

    def feed_url(self, obj: Subject) -> str:
        return obj.absolute(obj.request.path)

    def items(self, obj: Subject) -> list[Item]:
        articles = list(self.reports(obj)[: self.size])
        attach_tag_rows(articles)  # one query for every tag of every item
        host = host_name(obj.request)
        return [
            Item(
                article,
                link=obj.absolute(article.get_absolute_url()),
                guid=f"tag:{host},{article.created_at:%Y-%m-%d}:report:{article.pk}",
                opening=article.opening,  # type: ignore[attr-defined]  # annotated
            )
            for article in articles
        ]

    def reports(self, obj: Subject) -> ArticleQuerySet:
        """Return the feed's reports, newest first, with only the columns an item shows."""
        reports = Article.objects.published().current()
        if obj.kind is not None:
            reports = reports.about(**{obj.kind: obj.entity})
        opening = Case(
            When(summary="", then=Left("body", OPENING_CHARS)),
            default=Value(""),
            output_field=TextField(),
        )
        listed = reports.for_listing().prefetch_related(None)  # tags: attach_tag_rows
        return listed.annotate(opening=opening).newest_first()

    def author_name(self, obj: Subject) -> str:
        """The publisher: Atom needs an author for the reports that name no agency."""
        return site_name()

    def item_title(self, item: Item) -> str:
        return safe_text(item.article.headline)  # one stored before text was scrubbed

    def item_link(self, item: Item) -> str:
        return item.link

    def item_guid(self, item: Item) -> str:
        return item.guid

    def item_description(self, item: Item) -> str:
        """HTML, as readers take a description: the summary (plain text) escaped, or the
        start of the body (HTML) without its tags."""
        summary = item.article.summary
        text = escape(summary) if summary else strip_tags(item.opening)
        return safe_text(Truncator(" ".join(text.split())).words(DESCRIPTION_WORDS))

    def item_pubdate(self, item: Item) -> datetime.datetime | None:
        return item.article.visible_from  # when it became public

    def item_updateddate(self, item: Item) -> datetime.datetime:
        """Return when it last changed for the public: a scheduled report saved before its
        time changes when it appears (the feed's Last-Modified, for 304s, follows this)."""
        article = item.article
        return max(filter(None, [article.updated_at, article.visible_from]))

    def item_author_name(self, item: Item) -> str | None:
        return safe_text(item.article.agency.name) if item.article.agency else None

    def item_categories(self, item: Item) -> list[str]:
        rows = item.article.tag_rows  # events, countries, organizations, people
        return [safe_text(row["name"]) for tags in rows.values() for row in tags]

    def item_extra_kwargs(self, item: Item) -> dict[str, str]:
        return {"language": item.article.language}

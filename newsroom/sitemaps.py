"""Sitemaps (an index of sections, a news sitemap) and robots.txt.

Addresses are absolute on the host the sitemap was asked on (like the feeds), not the
sites framework's domain. Each section lists only what the public may see, through the
same query methods as the pages. The reports section never counts its rows: it pages by
ranges of id (`IdRangePaginator`), its page count read off the primary key's index.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Any, cast

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View

from articles.feeds import site_name
from articles.models import Article
from events.models import Event
from newsroom.languages import news_sitemap_language
from newsroom.safe_text import safe_text
from organizations.models import Organization, Person
from places.models import Country

XML = "application/xml"
NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most this many URLs from a news sitemap
# Crawlers stay out of the admin, and of the API: it repeats the public pages as JSON for
# integrators (who do not read robots.txt), under a rate limit a crawler would spend.
# Search results are endless variations of pages the sitemaps already list.
DISALLOWED = ("/admin/", "/api/", "/search/")


class IdRangePaginator(Paginator):
    """Page a queryset by ranges of id: page n holds the rows with ids in ((n-1)·k, n·k].

    Counting a million public reports scans them all; the highest id is one step down
    the primary key's index. A page holds at most `per_page` rows (fewer where ids belong
    to reports that are not public), and a report stays on its page as others arrive.
    """

    @cached_property
    def count(self) -> int:  # the highest id, standing in for the count (pages follow)
        rows = cast(QuerySet, self.object_list)
        return rows.order_by().aggregate(top=Max("pk"))["top"] or 0

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        low = (number - 1) * self.per_page
        rows = cast(QuerySet, self.object_list).filter(pk__gt=low, pk__lte=low + self.per_page)
        return Page(rows, number, self)


class ReportSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        """Return every public report page (superseded ones too: their pages stay up)."""
        fields = ("pk", "slug", "published_at", "created_at", "updated_at", "visible_from")
        return Article.objects.published().only(*fields).order_by("pk")

    @property
    def paginator(self) -> Paginator:
        return IdRangePaginator(self.items(), self.limit)

    def lastmod(self, item: Article) -> datetime.datetime:
        """Return when the page last changed for the public: a report saved before its
        scheduled time or embargo changed when it appeared (as in the feeds)."""
        return max(filter(None, [item.updated_at, item.visible_from]))


class EntitySitemap(Sitemap):
    """Public events, organizations or people (the registries: counting them is cheap)."""

    changefreq = "daily"
    model: type[Event | Organization | Person]

    def items(self) -> QuerySet:
        public = self.model._default_manager.public()  # type: ignore[attr-defined]
        return public.only("pk", "slug", "updated_at").order_by("pk")

    def lastmod(self, item: Event | Organization | Person) -> datetime.datetime:
        return item.updated_at


class EventSitemap(EntitySitemap):
    model = Event


class OrganizationSitemap(EntitySitemap):
    model = Organization


class PersonSitemap(EntitySitemap):
    model = Person


class CountrySitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> QuerySet:
        """Return every country: each has a page."""
        return Country.objects.only("code", "slug").order_by("code")


class PageSitemap(Sitemap):
    """The lists: home, reports, events, countries."""

    changefreq = "hourly"

    def items(self) -> list[str]:
        return ["home", "articles:article_list", "events:event_list", "places:country_list"]

    def location(self, item: str) -> str:  # type: ignore[override]
        return reverse(item)


SECTIONS: dict[str, type[Sitemap]] = {
    "pages": PageSitemap,
    "reports": ReportSitemap,
    "events": EventSitemap,
    "countries": CountrySitemap,
    "organizations": OrganizationSitemap,
    "people": PersonSitemap,
}


@method_decorator(x_robots_tag, name="get")
class SitemapIndexView(View):
    """`/sitemap.xml`: every page of every section."""

    def get(self, request: HttpRequest) -> HttpResponse:
        locations = []
        for section, sitemap in SECTIONS.items():
            url = request.build_absolute_uri(reverse("sitemap_section", args=[section]))
            pages = sitemap().paginator.num_pages
            locations += [url, *(f"{url}?p={n}" for n in range(2, pages + 1))]
        items = [SitemapIndexItem(url) for url in locations]
        return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type=XML)


@method_decorator(x_robots_tag, name="get")
class SitemapSectionView(View):
    """`/sitemap-<section>.xml?p=<n>`: one page of one section."""

    def get(self, request: HttpRequest, section: str) -> HttpResponse:
        if section not in SECTIONS:
            raise Http404("No such sitemap.")
        site, page = RequestSite(request), request.GET.get("p", 1)
        try:
            urls = SECTIONS[section]().get_urls(page=page, site=site, protocol=request.scheme)
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404("No such page of the sitemap.") from error
        return TemplateResponse(request, "sitemap.xml", {"urlset": urls}, content_type=XML)


@method_decorator(x_robots_tag, name="get")
class NewsSitemapView(View):
    """`/sitemap-news.xml`: reports made public in the last 48 hours (Google News format)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        fields = ("pk", "slug", "headline", "language", "published_at", "created_at")
        recent = (
            Article.objects.published().current().listed_between(after=timezone.now() - NEWS_WINDOW)
        )
        reports = recent.newest_first().only(*fields, "visible_from")[:NEWS_LIMIT]
        urls = [
            {
                "location": request.build_absolute_uri(report.get_absolute_url()),
                "report": report,
                "language": news_sitemap_language(report.language),
                "title": safe_text(report.headline),  # one stored before it was scrubbed
            }
            for report in reports
        ]
        context = {"urlset": urls, "publication": site_name()}
        return TemplateResponse(request, "sitemaps/news.xml", context, content_type=XML)


class RobotsView(View):
    """`/robots.txt`: the public site open, the admin and API closed, both sitemaps."""

    def get(self, request: HttpRequest) -> HttpResponse:
        sitemaps = [request.build_absolute_uri(reverse(n)) for n in ("sitemap", "sitemap_news")]
        lines = [
            "User-agent: *",
            *(f"Disallow: {path}" for path in DISALLOWED),
            "Allow: /",
            "",
            *(f"Sitemap: {url}" for url in sitemaps),
        ]
        return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

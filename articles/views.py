"""Public pages for reports: home, the filterable list and the report page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, TemplateView

from articles import search, structured_data
from articles.cards import render_cards
from articles.choices import Options
from articles.coverage import recent_country_coverage
from articles.filters import ArticleFilterSet
from articles.models import LINK_FIELDS, Article, ArticleQuerySet
from articles.tag_rows import attach_tag_rows, tag_instances
from events.models import Event
from newsroom.page_cache import current_generation
from newsroom.pagination import KeysetPage, page_from_request
from newsroom.structured_data import website_page
from organizations.models import Organization
from places.models import Country

if TYPE_CHECKING:
    from django.views.generic.base import ContextMixin, View

    class _PageBase(ContextMixin, View):  # what the views the mixin goes with provide
        pass
else:
    _PageBase = object


class ReportPageMixin(_PageBase):
    """Add a page of current published reports (newest first, keyset-paged) to a page."""

    side_list_size = 10

    def paginate_reports(
        self, queryset: ArticleQuerySet, *, agency_id: int | None = None
    ) -> KeysetPage:
        """Return the page of reports the request asks for, with its rendered `cards`
        (which leave out the agency on its own page, `agency_id`)."""
        reports = queryset.current().for_cards()
        key = reports.listing_key()
        page = page_from_request(self.request, reports, key, settings.ARTICLES_PER_PAGE)
        page.cards = render_cards(page.object_list, agency_id=agency_id)
        return page

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        params = self.request.GET.copy()
        params.pop("cursor", None)
        return super().get_context_data(query=params.urlencode(), **kwargs)


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        latest = Article.objects.published().current().for_cards()
        return super().get_context_data(
            latest_cards=render_cards(list(latest.newest_first()[:12])),
            # Built and read only when their fragment is not kept (the `fragment` tag).
            upcoming_events=SimpleLazyObject(
                lambda: Event.objects.public().upcoming().for_listing()[:6]
            ),
            recent_countries=SimpleLazyObject(lambda: recent_country_coverage(days=30, limit=10)),
            social=website_page(self.request),
            **kwargs,
        )


FILTER_CHOICES_SECONDS = 60


def filter_choices() -> dict[str, Options]:
    """Return the report filter's choices: covered events and countries, and agencies.

    Kept for a minute within a page-cache generation (any change to a report or the
    registry starts a new one); an embargo lifting shows its event within the minute.
    """
    seconds = min(settings.FRAGMENT_CACHE_SECONDS, FILTER_CHOICES_SECONDS)
    key = f"report-filter-choices:{current_generation()}"
    choices = cache.get(key) if seconds else None
    if choices is None:
        agencies = Organization.objects.agencies().public()
        choices = {
            "event": Options(list(Event.objects.covered().values_list("slug", "name"))),
            "country": Options(list(Country.objects.covered().values_list("slug", "name"))),
            "agency": Options(list(agencies.values_list("slug", "name"))),
        }
        if seconds:
            cache.set(key, choices, seconds)
    return choices


class ArticleListView(ReportPageMixin, TemplateView):
    template_name = "articles/article_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        reports = Article.objects.published()
        filterset = ArticleFilterSet(self.request.GET, queryset=reports)
        page = self.paginate_reports(filterset.qs if filterset.is_valid() else reports.none())
        return super().get_context_data(
            filter=filterset,
            page_obj=page,
            choices=filter_choices(),
            social=structured_data.report_list_page(self.request, filterset),
            **kwargs,
        )


class SearchView(TemplateView):
    """Published reports ranked by relevance to `q`, filterable like the report list."""

    template_name = "articles/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        text = self.request.GET.get("q", "").strip()
        filterset = ArticleFilterSet(self.request.GET, queryset=Article.objects.published())
        problem, results = search.problem(text), None
        if text and not problem and filterset.is_valid():
            page = search.page_number(self.request.GET.get("page"))
            matches = filterset.qs.current()
            results = search.ranked(matches, text, page=page, per_page=settings.ARTICLES_PER_PAGE)
        params = self.request.GET.copy()
        params.pop("page", None)
        social = structured_data.search_page(self.request, filterset, "" if problem else text)
        return super().get_context_data(
            filter=filterset, q=text, problem=problem, results=results,
            choices=filter_choices(), query=params.urlencode(), social=social, **kwargs,
        )  # fmt: skip


class ArticleDetailView(DetailView):
    """A published report; a withdrawn one answers 410 Gone; staff may preview the rest."""

    context_object_name = "article"
    related_size = 4  # related reports beside the text

    def get(self, request, *args, **kwargs):
        slug = self.kwargs["slug"]
        public = Article.objects.published().for_detail(*structured_data.GEO_FIELDS)
        self.object = _one(public.filter(slug=slug))
        if self.object is None:
            gone = Article.objects.withdrawn().filter(slug=slug).first()
            if gone is not None and self._at_its_address(gone):
                context = {"article": gone}
                return render(request, "articles/article_withdrawn.html", context, status=410)
            self.object = self._staff_preview(slug)
        if self.object is None:
            raise Http404("No such report.")
        if not self._at_its_address(self.object):  # its publish date changed: same report
            return HttpResponsePermanentRedirect(self.object.get_absolute_url())
        response = self.render_to_response(self.get_context_data(object=self.object))
        if not self.object.is_public:  # a staff preview: no cache may keep it
            patch_cache_control(response, private=True, no_store=True)
        return response

    def _at_its_address(self, article: Article) -> bool:
        return article.get_absolute_url() == self.request.path

    def _staff_preview(self, slug: str) -> Article | None:
        if not self.request.user.has_perm("articles.view_article"):
            return None
        return _one(Article.objects.for_detail().filter(slug=slug))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        article = self.object
        attach_tag_rows([article])
        tags = tag_instances(article)
        chain = article.public_chain()
        links = self._neighbours(article, chain)
        context = {
            "preview": not article.is_public,
            "tags": tags,
            "chain": chain if len(chain) > 1 else [],
            # Built and read only when its fragment is not kept (the `fragment` tag).
            "related": SimpleLazyObject(lambda: self._related(article, tags, chain)),
            **links,
        }
        if article.is_public:
            context["social"] = structured_data.report_page(article, tags, self.request, **links)
        return super().get_context_data(**context, **kwargs)

    def _neighbours(self, article: Article, chain: list[Article]) -> dict[str, Article | None]:
        """The public report this one follows, and its newest public successor: off the chain."""
        follows = article.correction_of_id or article.update_of_id
        followers = [r for r in chain if article.pk in (r.update_of_id, r.correction_of_id)]
        return {
            "predecessor": next((r for r in chain if r.pk == follows), None),
            "successor": followers[-1] if followers else None,  # the chain is oldest first
        }

    def _related(self, article: Article, tags: dict[str, list], chain: list[Article]) -> list:
        """A few other current reports about its first event, else its dateline country."""
        event = tags["events"][0].slug if tags["events"] else None
        public = Article.objects.published().current()
        reports = public.related_to(article, event=event, chain=chain)
        return list(reports.only(*LINK_FIELDS)[: self.related_size])


def _one(reports: ArticleQuerySet) -> Article | None:
    """Return the one report a unique look-up finds, or None (unordered: no sort)."""
    return next(iter(reports.order_by()[:1]), None)

"""Public pages for reports: home, the filterable list and the report page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.generic import DetailView, TemplateView

from articles import structured_data
from articles.filters import ArticleFilterSet
from articles.models import Article, ArticleQuerySet
from events.models import Event
from newsroom.pagination import KeysetPage, page_from_request
from organizations.models import Organization
from places.models import Country


class ReportPageMixin:
    """Add a page of current published reports (newest first, keyset-paged) to a page."""

    side_list_size = 10

    def paginate_reports(self, queryset: ArticleQuerySet) -> KeysetPage:
        reports = queryset.current().for_listing()
        key = reports.listing_key()
        return page_from_request(self.request, reports, key, settings.ARTICLES_PER_PAGE)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        params = self.request.GET.copy()
        params.pop("cursor", None)
        return super().get_context_data(query=params.urlencode(), **kwargs)


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        latest = Article.objects.published().current().for_listing().newest_first()
        return super().get_context_data(
            latest_articles=latest[:12],
            upcoming_events=Event.objects.upcoming().for_listing()[:6],
            top_countries=Country.objects.with_coverage()[:10],
            **kwargs,
        )


class ArticleListView(ReportPageMixin, TemplateView):
    template_name = "articles/article_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        reports = Article.objects.published()
        filterset = ArticleFilterSet(self.request.GET, queryset=reports)
        page = self.paginate_reports(filterset.qs if filterset.is_valid() else reports.none())
        return super().get_context_data(
            filter=filterset,
            page_obj=page,
            event_choices=Event.objects.covered().only("slug", "name", "start_date"),
            country_choices=Country.objects.covered().only("code", "slug", "name"),
            agency_choices=Organization.objects.agencies().only("slug", "name"),
            **kwargs,
        )


class ArticleDetailView(DetailView):
    """A published report; a withdrawn one answers 410 Gone; staff may preview the rest."""

    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        slug = self.kwargs["slug"]
        self.object = Article.objects.published().for_detail().filter(slug=slug).first()
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
        return self.render_to_response(self.get_context_data(object=self.object))

    def _at_its_address(self, article: Article) -> bool:
        return article.get_absolute_url() == self.request.path

    def _staff_preview(self, slug: str) -> Article | None:
        if not self.request.user.has_perm("articles.view_article"):
            return None
        return Article.objects.for_detail().filter(slug=slug).first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        article = self.object
        context = {"successor": article.public_successor(), "preview": not article.is_public}
        predecessor = article.predecessor
        context["predecessor"] = predecessor if predecessor and predecessor.is_public else None
        if article.is_public:
            context["json_ld"] = structured_data.as_json_ld(
                structured_data.news_article(article, self.request)
            )
        return super().get_context_data(**context, **kwargs)

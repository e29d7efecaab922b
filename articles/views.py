"""Public pages for reports: home, the filterable list and the report page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from articles import structured_data
from articles.filters import ArticleFilterSet
from articles.models import Article
from events.models import Event
from organizations.models import Organization
from places.models import Country


class ReportPageMixin:
    """Add a page of published reports (newest first) to a page's context."""

    def paginate_reports(self, queryset) -> Page:
        reports = queryset.current().for_listing().newest_first()
        paginator = Paginator(reports, settings.ARTICLES_PER_PAGE)
        return paginator.get_page(self.request.GET.get("page"))


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            latest_articles=Article.objects.published().current().for_listing().newest_first()[:12],
            upcoming_events=Event.objects.upcoming().for_listing()[:6],
            top_countries=Country.objects.with_coverage()[:10],
            **kwargs,
        )


class ArticleListView(FilterView):
    filterset_class = ArticleFilterSet
    paginate_by = settings.ARTICLES_PER_PAGE
    template_name = "articles/article_list.html"

    def get_queryset(self):
        return Article.objects.published().current().for_listing().newest_first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            event_choices=Event.objects.filter(articles__in=Article.objects.published())
            .distinct()
            .only("slug", "name", "start_date"),
            country_choices=Country.objects.with_coverage().only("code", "slug", "name"),
            agency_choices=Organization.objects.agencies().only("slug", "name"),
            query=self.query_without_page(),
            **kwargs,
        )

    def query_without_page(self) -> str:
        params = self.request.GET.copy()
        params.pop("page", None)
        return params.urlencode()


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

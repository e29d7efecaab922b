"""Public pages for reports: home, the filterable list and the report page."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
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
        paginator = Paginator(queryset.for_listing().newest_first(), settings.ARTICLES_PER_PAGE)
        return paginator.get_page(self.request.GET.get("page"))


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            latest_articles=Article.objects.published().for_listing().newest_first()[:12],
            upcoming_events=Event.objects.upcoming().for_listing()[:6],
            top_countries=Country.objects.with_coverage()[:10],
            **kwargs,
        )


class ArticleListView(FilterView):
    filterset_class = ArticleFilterSet
    paginate_by = settings.ARTICLES_PER_PAGE
    template_name = "articles/article_list.html"

    def get_queryset(self):
        return Article.objects.published().for_listing().newest_first()

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
    context_object_name = "article"

    def get_object(self, queryset=None) -> Article:
        try:
            day = datetime.date(*(int(self.kwargs[k]) for k in ("year", "month", "day")))
        except ValueError:
            raise Http404("No such date.") from None
        return get_object_or_404(
            Article.objects.published().for_detail(),
            slug=self.kwargs["slug"],
            published_at__date=day,
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = structured_data.news_article(self.object, self.request)
        return super().get_context_data(json_ld=structured_data.as_json_ld(data), **kwargs)

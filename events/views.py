"""Public event pages: upcoming and past events, and one event with its reports."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.views.generic import DetailView, TemplateView

from articles.models import Article
from articles.views import ReportPageMixin
from events.models import Event


class EventListView(TemplateView):
    template_name = "events/event_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        events = Event.objects.for_listing().with_published_article_count()
        past = Paginator(events.past(), settings.ARTICLES_PER_PAGE)
        return super().get_context_data(
            upcoming_events=events.upcoming(),
            page_obj=past.get_page(self.request.GET.get("page")),
            **kwargs,
        )


class EventDetailView(ReportPageMixin, DetailView):
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.for_detail()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        reports = Article.objects.published().filter(events=self.object)
        return super().get_context_data(page_obj=self.paginate_reports(reports), **kwargs)

"""Public event pages: upcoming and past events, and one event with its reports."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from articles.coverage import Timeline, coverage_timeline
from articles.models import Article
from articles.views import ReportPageMixin
from events.models import Event
from events.structured_data import event_page
from newsroom.pagination import is_number
from newsroom.structured_data import collection_page
from places.models import Country


class EventListView(TemplateView):
    """Upcoming events (the next ones) and past events (page-numbered), optionally by country."""

    template_name = "events/event_list.html"
    upcoming_shown = 50
    max_page = 200

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        code = self.request.GET.get("country", "").strip().upper()
        country = (
            Country.objects.filter(code=code).first() if re.fullmatch("[A-Z]{2}", code) else None
        )
        events = Event.objects.public().for_listing()
        if country:
            events = events.involving_country(country)
        past = Paginator(events.past().with_published_article_count(), settings.ARTICLES_PER_PAGE)
        number = self.request.GET.get("page", "1")
        page = past.get_page(min(int(number), self.max_page) if is_number(number) else 1)
        return super().get_context_data(
            upcoming_events=events.upcoming().with_published_article_count()[: self.upcoming_shown],
            page_obj=page,
            country=country,
            query=f"country={country.slug}" if country else "",
            social=collection_page(
                self.request,
                reverse("events:event_list"),
                title=_("Events of %(name)s") % {"name": country.name} if country else _("Events"),
                description=_("Current, upcoming and past events, with their reports."),
                params={"country": country.slug if country else ""},
            ),
            **kwargs,
        )


class EventDetailView(ReportPageMixin, DetailView):
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.public().for_detail()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        reports = Article.objects.published().about(event=self.object)
        page = self.paginate_reports(reports)
        social = event_page(self.object, page.object_list, self.request)
        return super().get_context_data(
            page_obj=page, social=social, timeline=coverage_around(self.object), **kwargs
        )


AROUND = datetime.timedelta(days=7)


def coverage_around(event: Event) -> Timeline | None:
    """Return the event's reports per day from a week before it to a week after, or to
    today if that is sooner (None before the week before it)."""
    first, last = event.start_date - AROUND, min(event.end_date + AROUND, timezone.localdate())
    return coverage_timeline("event", event.pk, first, last) if first <= last else None

"""Public event pages: upcoming and past events, and one event with its reports."""

from __future__ import annotations

import datetime
import re
from typing import Any, cast

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from articles.coverage import Timeline, coverage_timeline
from articles.models import Article
from articles.views import ReportPageMixin
from events.models import Event, EventQuerySet
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
        asked = self.request.GET.get("page", "1")
        number = min(int(asked), self.max_page) if is_number(asked) else 1

        def events() -> EventQuerySet:
            listed = Event.objects.public().for_listing()
            return listed.involving_country(country) if country else listed

        def past_page() -> Page:
            past = events().past().with_published_article_count()
            return Paginator(past, settings.ARTICLES_PER_PAGE).get_page(number)

        upcoming = events().upcoming().with_published_article_count()
        return super().get_context_data(
            # Built and read only when the lists' fragment is not kept (the `fragment` tag).
            upcoming_events=SimpleLazyObject(lambda: upcoming[: self.upcoming_shown]),
            page_obj=SimpleLazyObject(past_page),
            page_number=number,
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
        return Event.objects.public().select_related("series")  # the page's frame

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event = self.object
        reports = Article.objects.published().about(event=event)
        page = self.paginate_reports(reports)
        # Facts and participants: read only when not kept (the `fragment` template tag).
        details = cast(Event, SimpleLazyObject(lambda: Event.objects.for_detail().get(pk=event.pk)))
        social = event_page(event, page.object_list, self.request, details=details)
        return super().get_context_data(
            page_obj=page,
            social=social,
            details=details,
            timeline=coverage_around(event),
            **kwargs,
        )


AROUND = datetime.timedelta(days=7)


def coverage_around(event: Event) -> Timeline | None:
    """Return the event's reports per day from a week before it to a week after, or to
    today if that is sooner (None before the week before it)."""
    first, last = event.start_date - AROUND, min(event.end_date + AROUND, timezone.localdate())
    return coverage_timeline("event", event.pk, first, last) if first <= last else None

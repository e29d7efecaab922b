"""iCalendar (RFC 5545) feeds of public events: all of them, a country's, a series'."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View

from articles.feeds import host_name, site_name
from events.models import Event, EventQuerySet, EventSeries, EventStatus
from newsroom.safe_text import safe_text
from places.models import Country

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Newsroom//Events//EN"
STATUSES = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.HELD: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",  # on, at dates still to be fixed
    EventStatus.CANCELLED: "CANCELLED",
}
# What a calendar entry shows: one query, whatever the number of events.
CALENDAR_FIELDS = (
    "pk", "name", "slug", "start_date", "end_date", "status", "venue", "theme", "description",
    "updated_at", "city__name", "country__name",
)  # fmt: skip


def calendar_entry(event: Event, request: HttpRequest) -> icalendar.Event:
    """Return an event as an all-day VEVENT (DTEND exclusive: the day after it ends),
    its text without the control characters RFC 5545 refuses (one stored before text was
    scrubbed)."""
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@{host_name(request)}")
    entry.add("dtstamp", event.updated_at)
    entry.add("last-modified", event.updated_at)
    entry.add("dtstart", event.start_date)
    entry.add("dtend", event.end_date + datetime.timedelta(days=1))
    entry.add("summary", safe_text(event.name))
    entry.add("status", STATUSES.get(EventStatus(event.status), "CONFIRMED"))
    entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
    place = [event.venue, event.city.name if event.city else "", str(event.country or "")]
    if location := ", ".join(part for part in place if part):
        entry.add("location", safe_text(location))
    if description := "\n\n".join(text for text in (event.theme, event.description) if text):
        entry.add("description", safe_text(description))
    return entry


def utc_zone() -> icalendar.Timezone:
    """Return UTC as a VTIMEZONE: what an empty calendar holds, RFC 5545 (§3.6) asking
    every calendar for one component at least (strict readers refuse one without)."""
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", datetime.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", datetime.timedelta(0))
    standard.add("tzoffsetto", datetime.timedelta(0))
    standard.add("tzname", "UTC")
    zone = icalendar.Timezone()
    zone.add("tzid", "UTC")
    zone.add_component(standard)
    return zone


def calendar(name: str, events: Iterable[Event], request: HttpRequest) -> bytes:
    """Return a named calendar of events as iCalendar bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", safe_text(name))
    for event in events:
        cal.add_component(calendar_entry(event, request))
    if not cal.subcomponents:
        cal.add_component(utc_zone())
    return cal.to_ical()


class CalendarView(View):
    """A calendar of public events; subclasses choose which (`get_events`)."""

    def get(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        name, events = self.get_events(slug)
        listed = events.select_related("city", "country").only(*CALENDAR_FIELDS)
        rows = listed.order_by("start_date", "pk")
        return HttpResponse(calendar(name, rows, request), content_type=CONTENT_TYPE)

    def get_events(self, slug: str | None) -> tuple[str, EventQuerySet]:
        """Return the calendar's name and its events."""
        return f"Events · {site_name()}", Event.objects.public()


class SeriesCalendarView(CalendarView):
    def get_events(self, slug: str | None) -> tuple[str, EventQuerySet]:
        series = get_object_or_404(EventSeries.objects.public(), slug=slug)
        return f"{series.name} · {site_name()}", Event.objects.public().filter(series=series)


class CountryCalendarView(CalendarView):
    def get_events(self, slug: str | None) -> tuple[str, EventQuerySet]:
        country = get_object_or_404(Country.objects.only("code", "name"), slug=(slug or "").lower())
        events = Event.objects.public().involving_country(country)
        return f"Events: {country.name} · {site_name()}", events

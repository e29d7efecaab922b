"""An event page's meta: a schema.org Event (JSON-LD)."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from articles.coverage import kept_for_readers
from articles.models import Article
from events.models import Event, EventStatus, Participation
from newsroom.structured_data import (
    SCHEMA,
    JsonLd,
    SocialMeta,
    page_meta,
    place,
    ref,
    reports_about,
    summary,
)

# A held event went ahead as planned: schema.org has no status of its own for it.
EVENT_STATUS: dict[str, str] = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.HELD: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
}


def event_page(
    event: Event, reports: Iterable[Article], request: HttpRequest, *, details: Event | None = None
) -> SocialMeta:
    """Return an event page's meta (`reports` the page's, published).

    The event is described from `details` (the event `for_detail`, which may be lazy: it
    is read only when the description is not kept; `kept_for_readers`), or from `event`.
    """
    base = request.build_absolute_uri("/")
    kept = kept_for_readers(
        f"event-data:{base}:{event.pk}", lambda: event_data(details or event, request)
    )
    data = {**kept, "subjectOf": reports_about(reports, request)}
    return page_meta(
        request,
        event.get_absolute_url(),
        title=event.name,
        description=data.get("description") or event.name,
        data=data,
    )


def event_data(event: Event, request: HttpRequest) -> JsonLd:
    """Return the schema.org Event: dates, place, status, organizers and participants."""
    data: JsonLd = {
        "@type": "Event",
        "name": event.name,
        "startDate": event.start_date,
        "endDate": event.end_date,
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS.get(event.status, 'EventScheduled')}",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "organizer": [ref("Organization", org, request) for org in event.organizers.all()],
        "attendee": [_attendee(p, request) for p in event.participations.all()],
    }
    if event.description or event.theme:
        data["description"] = summary(event.description or event.theme)
    if event.city or event.country or event.venue:  # search engines ask for a location
        data["location"] = place(request, city=event.city, country=event.country, name=event.venue)
    if event.series:
        data["superEvent"] = {"@type": "EventSeries", "name": event.series.name}
    if event.website:
        data["sameAs"] = event.website
    return data


def _attendee(participation: Participation, request: HttpRequest) -> JsonLd:
    """A participant as schema.org's `attendee` takes it (a Person or Organization): a
    country takes part through its government's delegation, the state it serves."""
    country = participation.country
    if country is not None:
        state = {"@type": "Country", "name": country.name, "identifier": country.code}
        return ref("GovernmentOrganization", country, request, areaServed=state)
    return ref("Organization", participation.organization, request)

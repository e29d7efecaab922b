"""The row that lists of events print, one per event."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from events.models import Event, EventStatus, ParticipationRole

if TYPE_CHECKING:
    from places.models import City, Country

register = template.Library()

QUIET_STATUSES = (EventStatus.SCHEDULED, EventStatus.HELD)  # said of most events: not shown


@register.simple_tag
def event_row(event: Event, country: Country | None = None) -> SafeString:
    """Render an event's row: linked name, dates, place, published reports, unusual status,
    and on a country's page (`country`) the country's role in it.

    Lists print up to seventy of them; through a template include each cost about half a
    millisecond, here a tenth of that. Reads only what `EventQuerySet.for_listing()`
    loads, and `article_count` and `country_role` where the list annotated them.
    """
    dates = date_format(event.start_date, "j M Y")
    if event.end_date != event.start_date:
        dates += "–" + date_format(event.end_date, "j M Y")
    place = [cast("City", event.city).name] if event.city_id else []
    place += [cast("Country", event.country).name] if event.country_id else []
    count = getattr(event, "article_count", 0) or 0
    return format_html(
        '<li class="event-row"><a href="{}">{}</a> <span class="meta">{}{}{}{}{}</span></li>',
        event.get_absolute_url(),
        event.name,
        _roles(event, country),
        dates,
        format_html(" · {}", ", ".join(place)) if place else "",
        format_html(" · {}", ngettext("%(n)s report", "%(n)s reports", count) % {"n": f"{count:,}"})
        if count
        else "",
        format_html(" · <strong>{}</strong>", event.get_status_display())
        if event.status not in QUIET_STATUSES
        else "",
    )


def _roles(event: Event, country: Country | None) -> SafeString | str:
    """The country's part in the event: host (the event's country) and its participation."""
    if country is None:
        return ""
    roles = [ParticipationRole.HOST.label] if event.country_id == country.pk else []
    role = getattr(event, "country_role", None)
    if role and ParticipationRole(role).label not in roles:
        roles.append(ParticipationRole(role).label)
    return format_html('<span class="role">{}</span> · ', ", ".join(roles)) if roles else ""

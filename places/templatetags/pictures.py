"""Coverage pictures in templates: timelines, ranked bars, flags, and a report's dateline
with its locator map. The drawing is `newsroom.pictures`; the words come from templates."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from newsroom import pictures

if TYPE_CHECKING:
    from articles.coverage import Timeline
    from articles.models import Article

register = template.Library()


@register.simple_tag
def coverage_timeline(
    timeline: Timeline,
    *,
    ident: str,
    title: str,
    description: str,
    marked_from: datetime.date | None = None,
    marked_until: datetime.date | None = None,
    marked_label: str = "",
) -> SafeString:
    """Draw reports per day or month, with the table of the same numbers."""
    marked = (marked_from, marked_until or marked_from) if marked_from else None
    return pictures.timeline(
        timeline.points,
        period=timeline.period,
        caption=pictures.Caption(ident, title, description, title),
        marked=marked,  # type: ignore[arg-type]  # both set when marked_from is
        marked_label=marked_label,
    )


@register.simple_tag
def ranked_bars(
    bars: Sequence[tuple[str, str, int]], *, ident: str, title: str, description: str, heading: str
) -> SafeString:
    """Draw (label, address, reports) as ranked bars, with the table of the same numbers."""
    caption = pictures.Caption(ident, title, description, title)
    return pictures.ranked_bars(
        [pictures.Bar(*bar) for bar in bars], caption=caption, heading=heading
    )


@register.filter
def flag(code: str) -> SafeString:
    """Return a country's flag beside its name, hidden from screen readers (the name says it)."""
    emoji = pictures.flag(code)
    if not emoji:
        return SafeString("")
    return format_html('<span class="flag" aria-hidden="true">{}</span>', emoji)


@register.simple_tag
def report_dateline(article: Article) -> SafeString:
    """Render a report's dateline as printed, then where it was filed: the city (linked
    to the reports from its country) and the country (its page), on a locator map when
    the city's coordinates are known.

    Reads only the dateline fields report pages load (`DATELINE_FIELDS`, `GEO_FIELDS`).
    """
    printed = format_html('<p class="dateline"><strong>{}</strong></p>', article.dateline_raw)
    printed = printed if article.dateline_raw else SafeString("")
    if not article.dateline_country_id:
        return printed
    country, city = article.dateline_country, article.dateline_city
    assert country is not None  # loaded with the report
    place = format_html('<a href="{}">{}</a>', country.get_absolute_url(), country.name)
    if city is not None:
        reports = f"{reverse('articles:article_list')}?{urlencode({'country': country.slug})}"
        city_link = format_html('<a href="{}">{}</a>', reports, city.name)
        place = format_html(_("{city}, {country}"), city=city_link, country=place)
    filed = format_html(_("Filed from {place}"), place=place)
    if city is None or city.latitude is None or city.longitude is None:
        return format_html('{}<p class="filed-from">{}</p>', printed, filed)
    latitude, longitude = float(city.latitude), float(city.longitude)
    where = coordinates(latitude, longitude)
    names = {"city": city.name, "country": country.name, "where": where}
    locator = pictures.locator_map(
        country.code,
        latitude,
        longitude,
        ident=f"locator-{article.pk}",
        title=_("%(city)s on a map of %(country)s") % names,
        description=_("A dot marks %(city)s, at %(where)s, on an outline of %(country)s.") % names,
    )
    return format_html(
        '{}<figure class="locator" lang="{}">{}<figcaption>{} <span class="meta">{}</span>'
        "</figcaption></figure>",
        printed, get_language(), locator, filed, where,
    )  # fmt: skip


def coordinates(latitude: float, longitude: float) -> str:
    """Return a place's position as people read it: '46.35° N, 48.04° E'."""
    north = pgettext("compass", "N") if latitude >= 0 else pgettext("compass", "S")
    east = pgettext("compass", "E") if longitude >= 0 else pgettext("compass", "W")
    return f"{abs(latitude):.2f}°\u00a0{north}, {abs(longitude):.2f}°\u00a0{east}"  # unbroken

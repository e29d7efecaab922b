"""What search engines and link previews read of a public page.

Every public page gets a canonical address, OpenGraph and Twitter meta and schema.org
JSON-LD (`includes/social_meta.html`). Canonical addresses are absolute and carry no
query string, except a list's own filters that make it a different list (a report list
by event, country, organization, person or agency; events by country): cursors, page
numbers, date bounds and tracking parameters are left out. Shared pieces live here;
each app builds its own pages' data (`articles.structured_data`, …).
"""

from __future__ import annotations

import datetime
import json
import locale
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import to_locale

if TYPE_CHECKING:
    from articles.models import Article
    from places.models import City, Country

JsonLd = dict[str, Any]

SCHEMA = "https://schema.org"
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class SocialMeta:
    """What `includes/social_meta.html` puts in a page's <head>; times are ISO 8601."""

    url: str
    title: str
    description: str
    json_ld: SafeString
    og_type: str = "website"
    locale: str = ""
    published_time: str = ""
    modified_time: str = ""
    section: str = ""
    tags: tuple[str, ...] = ()

    @property
    def site_name(self) -> str:
        """Return the site's name (og:site_name)."""
        return settings.SITE_NAME


def page_meta(
    request: HttpRequest,
    path: str,
    *,
    title: str,
    description: str,
    data: JsonLd,
    params: Mapping[str, str] | None = None,
    **extra: Any,
) -> SocialMeta:
    """Return a page's meta: its canonical address (also the JSON-LD's `url`) and `data`
    (empty properties left out)."""
    url = canonical_url(request, path, params)
    filled = {key: value for key, value in data.items() if value not in (None, "", [])}
    json_ld = {"@context": SCHEMA, **filled, "url": url}
    return SocialMeta(
        url=url,
        title=title,
        description=description,
        json_ld=as_json_ld(json_ld),
        locale=extra.pop("locale", "") or og_locale(settings.LANGUAGE_CODE),
        **extra,
    )


def canonical_url(request: HttpRequest, path: str, params: Mapping[str, str] | None = None) -> str:
    """Return the absolute address of `path` with only the given non-empty `params`."""
    query = urlencode([(name, value) for name, value in (params or {}).items() if value])
    return absolute(request, f"{path}?{query}" if query else path)


def absolute(request: HttpRequest, path: str) -> str:
    """Return `path` as an absolute URL on the host the request came to."""
    return request.build_absolute_uri(path)


def as_json_ld(data: JsonLd) -> SafeString:
    """Return data as JSON safe inside a <script> element (`<`, `>`, `&` escaped)."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES))


def iso(moment: datetime.datetime | datetime.date | None) -> str:
    """Return a time as JSON-LD writes it (ISO 8601, UTC as Z), or ''."""
    return DjangoJSONEncoder().default(moment) if moment else ""


def og_locale(language: str) -> str:
    """Return a BCP 47 tag as OpenGraph's language_TERRITORY: en → en_US, pt-BR → pt_BR."""
    tag = to_locale(language.strip() or "en")
    if "_" in tag:
        return tag
    known = locale.normalize(tag).split(".")[0]  # ru → ru_RU.ISO8859-5
    return known if known.startswith(f"{tag}_") else tag


# Google's limit for a NewsArticle's headline; longer ones are refused as structured data.
HEADLINE_CHARS = 110


def headline(text: str) -> str:
    """Return a headline as schema.org readers take it: at most 110 characters, a longer
    one cut at a word and ended with an ellipsis rather than mid-word."""
    text = " ".join(text.split())
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[: HEADLINE_CHARS - 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return f"{words.rstrip(' ,;:–—-')}…"


def summary(text: str, words: int = 40) -> str:
    """Return text (HTML allowed) as a one-paragraph description of at most `words` words."""
    return Truncator(" ".join(strip_tags(text).split())).words(words)


def publisher(request: HttpRequest) -> JsonLd:
    """Return this site as the publisher of its pages."""
    return {"@type": "NewsMediaOrganization", "name": settings.SITE_NAME, "url": home(request)}


def home(request: HttpRequest) -> str:
    """Return the site's absolute home address."""
    return absolute(request, reverse("home"))


def ref(kind: str, record: Any, request: HttpRequest, **more: Any) -> JsonLd:
    """Return a named record with a public page as a schema.org `kind` with its address."""
    url = absolute(request, record.get_absolute_url())
    return {"@type": kind, "name": record.name, "url": url, **more}


def place(
    request: HttpRequest,
    *,
    city: City | None,
    country: Country | None,
    name: str = "",
) -> JsonLd:
    """Return a Place: named (venue, else city, else country), its address (when a city or
    country is known) and coordinates."""
    address: JsonLd = {"@type": "PostalAddress"}
    if city is not None:
        address["addressLocality"] = city.name
    if country is not None:
        address["addressCountry"] = country.code
    label = name or (city.name if city else country.name if country else "")
    data: JsonLd = {"@type": "Place", "name": label}
    if len(address) > 1:
        data["address"] = address
    if country is not None:
        data["containedInPlace"] = ref("Country", country, request)
    if city is not None and city.latitude is not None and city.longitude is not None:
        coordinates = {"latitude": float(city.latitude), "longitude": float(city.longitude)}
        data["geo"] = {"@type": "GeoCoordinates", **coordinates}
    return data


def reports_about(reports: Iterable[Article], request: HttpRequest) -> list[JsonLd]:
    """Return a page's published reports as NewsArticle references (`subjectOf`)."""
    return [
        {
            "@type": "NewsArticle",
            "headline": headline(report.headline),
            "url": absolute(request, report.get_absolute_url()),
            "datePublished": report.visible_from,
        }
        for report in reports
    ]


def website_page(request: HttpRequest) -> SocialMeta:
    """Return the home page's meta: the site as a WebSite."""
    description = _("Wire reports by event, country, organization and person.")
    data = {"@type": "WebSite", "name": settings.SITE_NAME, "publisher": publisher(request)}
    title = settings.SITE_NAME
    return page_meta(request, reverse("home"), title=title, description=description, data=data)


def collection_page(
    request: HttpRequest,
    path: str,
    *,
    title: str,
    description: str,
    params: Mapping[str, str] | None = None,
) -> SocialMeta:
    """Return a list page's meta: a CollectionPage of the site."""
    website = {"@type": "WebSite", "name": settings.SITE_NAME, "url": home(request)}
    data: JsonLd = {"@type": "CollectionPage", "name": title, "description": description}
    data["isPartOf"] = website
    return page_meta(request, path, title=title, description=description, data=data, params=params)

"""Country pages' meta: the index as a CollectionPage, a country as a schema.org Country."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Article
from newsroom.structured_data import SocialMeta, collection_page, page_meta, reports_about
from places.models import Country


def country_page(country: Country, reports: Iterable[Article], request: HttpRequest) -> SocialMeta:
    """Return a country page's meta, with the page's (published) reports as `subjectOf`."""
    description = _(
        "Wire reports about or datelined in %(name)s, and the events it hosted or took part in."
    ) % {"name": country.name}
    data = {
        "@type": "Country",
        "name": country.name,
        "alternateName": [n for n in country.all_names if n != country.name],
        "identifier": country.code,
        "subjectOf": reports_about(reports, request),
    }
    path = country.get_absolute_url()
    return page_meta(request, path, title=country.name, description=description, data=data)


def country_list_page(request: HttpRequest) -> SocialMeta:
    """Return the country index's meta."""
    description = _("Every country, with the number of published reports about it.")
    path = reverse("places:country_list")
    return collection_page(request, path, title=_("Countries"), description=description)

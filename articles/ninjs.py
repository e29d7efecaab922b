"""Reports and events as IPTC ninjs (News in JSON) documents: 3.1, and 2.2 for reports.

Identifiers. A document's `uri` names the record, not an address it was fetched from, so
it stays the same whichever host serves it and for every version: `urn:newsroom:article:<id>`
for a report (its public URL holds a date and a slug that may still change before it is
published), `urn:newsroom:event:<slug>` for an event (registry slugs never change).
Countries are named by IPTC's ISO 3166-1 URI (`http://cvx.iptc.org/iso3166-1a2/AZ`, the
code also as `literal`), cities by GeoNames (`https://sws.geonames.org/<id>/`). Events,
organizations and people carry their slug as `literal` and, given `base_url`, their public
page as `uri`.

The dateline travels as printed (a description with role "dateline"), its resolved city
and country as places with rel "dateline", their names as `located`. ninjs dates all
carry a time, so the dateline date has no field of its own: readers take it from the
printed dateline, its year (or, undated, the date itself) from `firstCreated`, as the
importer does for any wire.

Pass reports from `Article.objects.for_detail()` with `EXTRA_FIELDS` loaded too, and their
tags attached (`articles.tag_rows.attach_tag_rows`) or prefetched, and their successors
attached (`articles.successors.attach_successors`): no query is then run, but one for an
update or correction (the report it links must be public). Pass events
from `Event.objects.for_detail()`, which also keeps organizations not yet public out.
"""

from __future__ import annotations

import datetime
from typing import Any

from articles.models import Article
from articles.successors import public_successor, successor_kind
from articles.tag_rows import COLUMNS
from articles.workflow import ArticleStatus
from events.models import Event, Participation, ParticipationRole
from newsroom.models import slug_url
from organizations.models import Organization
from places.models import City

VERSIONS = ("3.1", "2.2")
URN = "urn:newsroom"
COUNTRY_URI = "http://cvx.iptc.org/iso3166-1a2/"
CITY_URI = "https://sws.geonames.org/"
ABOUT, DATELINE = "about", "dateline"
AGENCY_ITEM_ID = "agency-item-id"

# Report fields read here that `ArticleQuerySet.for_detail()` leaves deferred.
EXTRA_FIELDS = ("dateline_city__geonames_id", "withdrawal_reason")

# Tag field → ninjs property and the view of the tag's public page.
TAG_KINDS = {
    "events": ("events", "events:event_detail"),
    "organizations": ("organisations", "organizations:organization_detail"),
    "people": ("people", "organizations:person_detail"),
}
ORGANIZATION_PAGE = TAG_KINDS["organizations"][1]

# ninjs 2.x spells every property in lower case; one 3.x property was renamed.
RENAMED_IN_2 = {"embargoeduntil": "embargoed"}


def article_to_ninjs(article: Article, *, version: str = "3.1", base_url: str = "") -> dict:
    """Return a report as a ninjs document of `version` ("3.1" or "2.2")."""
    if version not in VERSIONS:
        raise ValueError(f"ninjs version {version!r} is not supported: choose one of {VERSIONS}.")
    base = base_url.rstrip("/")
    withdrawn = article.status == ArticleStatus.WITHDRAWN
    doc = {
        "standard": _standard(version),
        "uri": article_uri(article.pk),
        "type": "text",
        "version": str(article.version),
        "firstCreated": _stamp(first_created(article)),
        "versionCreated": _stamp(article.updated_at),
        "pubStatus": pub_status(article),
        "embargoedUntil": _stamp(article.embargo_until),
        "language": article.language,
        "slugline": article.slug,
        "headlines": [_text("main", article.headline)],
        "by": article.byline,
        "located": _located(article),
        "descriptions": _descriptions(article, withdrawn),
        # A withdrawn report's text is no longer to be used: only the notice remains.
        "bodies": [] if withdrawn else [_text("main", article.body, "text/html")],
        "edNote": f"Withdrawn. {article.withdrawal_reason}".strip() if withdrawn else "",
        "infoSources": _info_sources(article, base),
        "altIds": [_alt_id(AGENCY_ITEM_ID, article.agency_item_id)],
        "places": _places(article),
        **{name: _tags(article, field, base) for field, (name, _) in TAG_KINDS.items()},
        "associations": _associations(article, version),
    }
    doc = _compact(doc)
    return doc if version == "3.1" else _as_version_2(doc)


def event_to_ninjs(event: Event, *, base_url: str = "") -> dict:
    """Return an event as a ninjs 3.1 event: dates, place, organizers and participants."""
    base = base_url.rstrip("/")
    participations = sorted(event.participations.all(), key=Participation.sort_key)
    organizers = [
        _organisation(o, ParticipationRole.ORGANIZER.value, base) for o in event.organizers.all()
    ]
    attending = [
        _organisation(p.organization, p.role, base) for p in participations if p.organization
    ]
    details = {
        "eventStatus": f"{URN}:event-status:{event.status}",
        "dates": {
            "expectedStartDate": event.start_date.isoformat(),
            "expectedEndDate": event.end_date.isoformat(),
        },
        "organiser": {k: v for k, v in organizers[0].items() if k != "rel"} if organizers else {},
    }
    series = event.series
    doc = {
        "standard": _standard("3.1"),
        "uri": event_uri(event.slug),
        "type": "event",
        "title": event.name,
        "firstCreated": _stamp(event.created_at),
        "versionCreated": _stamp(event.updated_at),
        "descriptions": [_text("theme", event.theme), _text("description", event.description)],
        "eventDetails": details,
        "places": _unique(_event_places(event, participations)),
        "organisations": _unique(organizers + attending),
        "events": [_ref(series.name, "series", series.slug)] if series else [],
    }
    return _compact(doc)


def article_uri(pk: int) -> str:
    """Return the ninjs `uri` of a report: the same for every version and every host."""
    return f"{URN}:article:{pk}"


def event_uri(slug: str) -> str:
    """Return the ninjs `uri` of an event."""
    return f"{URN}:event:{slug}"


def pub_status(article: Article) -> str:
    """Return the ninjs publication status: usable when public, canceled when withdrawn."""
    if article.status == ArticleStatus.WITHDRAWN:
        return "canceled"
    return "usable" if article.is_public else "withheld"  # draft, scheduled, embargoed


def first_created(article: Article) -> datetime.datetime:
    """Return when the report first existed: the earlier of its record and its publication.

    A report imported from an archive was published before its record was created here;
    its publish time then dates it (and its dateline's year) for the reader.
    """
    stamps = [article.created_at, article.published_at]
    return min(stamp for stamp in stamps if stamp is not None)


def tag_rows(article: Article, field: str) -> list[dict[str, Any]]:
    """Return one kind of a report's tags as rows: its attached `tag_rows`, else its tags."""
    rows = getattr(article, "tag_rows", None)
    if rows is not None:
        return rows[field]
    columns = COLUMNS[field]
    return [{name: getattr(tag, name) for name in columns} for tag in getattr(article, field).all()]


# Parts of a report


def _descriptions(article: Article, withdrawn: bool) -> list[dict[str, str]]:
    descriptions = [_text(DATELINE, article.dateline_raw)]
    if not withdrawn:
        descriptions.insert(0, _text("summary", article.summary))
        descriptions.append(_text("correction-note", article.correction_note))
    return descriptions


def _info_sources(article: Article, base: str) -> list[dict[str, str]]:
    agency = article.agency
    if agency is None:
        return []
    return [{**_organisation(agency, "", base), "role": "originator"}]


def _located(article: Article) -> str:
    """Return the names of the dateline's city and country, those of them that are resolved."""
    places = (article.dateline_city, article.dateline_country)
    return ", ".join(place.name for place in places if place is not None)


def _places(article: Article) -> list[dict[str, str]]:
    places = []
    if article.dateline_city is not None:
        places.append(_city(article.dateline_city, DATELINE))
    if article.dateline_country is not None:
        country = article.dateline_country
        places.append(_country(country.code, country.name, DATELINE))
    places += [_country(row["code"], row["name"], ABOUT) for row in tag_rows(article, "countries")]
    return places


def _tags(article: Article, field: str, base: str) -> list[dict[str, str]]:
    view = TAG_KINDS[field][1]
    return [
        _ref(row["name"], ABOUT, row["slug"], _page(base, view, row["slug"]))
        for row in tag_rows(article, field)
    ]


def _associations(article: Article, version: str) -> list[dict[str, Any]]:
    """Link the public report this one corrects or updates, and the public one that
    corrects or updates it (ninjs 2.x names the link by its rel)."""
    links = []
    earlier = article.predecessor if article.correction_of_id or article.update_of_id else None
    if earlier is not None and earlier.is_public:
        rel = "correction-of" if article.correction_of_id else "update-of"
        links.append(_association(earlier, rel, version))
    later = public_successor(article)
    if later is not None:
        rel = "corrected-by" if successor_kind(article, later) == "correction" else "updated-by"
        links.append(_association(later, rel, version))
    return links


def _association(other: Article, rel: str, version: str) -> dict[str, Any]:
    link = {"uri": article_uri(other.pk), "type": "text", "version": str(other.version)}
    if version == "3.1":
        return {"name": other.headline, "rel": rel, **link}
    return {"name": rel, **link, "headlines": [_text("main", other.headline)]}


# Parts of an event


def _event_places(event: Event, participations: list[Participation]) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    city, country = event.city, event.country
    if event.venue:
        address = {
            "locality": city.name if city else "",
            "country": country.name if country else "",
        }
        contact = [{"type": "physical", "address": address}]
        places.append({"name": event.venue, "rel": "venue", "contactInfo": contact})
    if city is not None:
        places.append(_city(city, "location"))
    if country is not None:
        places.append(_country(country.code, country.name, "host"))
    places += [
        _country(p.country.code, p.country.name, p.role) for p in participations if p.country
    ]
    return _compact(places)


# Small helpers


def _standard(version: str) -> dict[str, str]:
    schema = f"http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json"
    return {"name": "ninjs", "version": version, "schema": schema}


def _stamp(value: datetime.datetime | None) -> str:
    """Return an RFC 3339 UTC time to the second ("" for none, dropped by _compact)."""
    if value is None:
        return ""
    return value.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _text(role: str, value: str, content_type: str = "text/plain") -> dict[str, str]:
    return {"role": role, "contentType": content_type, "value": value} if value else {}


def _alt_id(role: str, value: str) -> dict[str, str]:
    return {"role": role, "value": value} if value else {}


def _page(base: str, view: str, slug: str) -> str:
    return f"{base}{slug_url(view, slug)}" if base and slug else ""


def _ref(name: str, rel: str, literal: str = "", uri: str = "") -> dict[str, str]:
    return _compact({"name": name, "rel": rel, "uri": uri, "literal": literal})


def _country(code: str, name: str, rel: str) -> dict[str, str]:
    return _ref(name, rel, code, f"{COUNTRY_URI}{code}")


def _city(city: City, rel: str) -> dict[str, str]:
    return _ref(city.name, rel, uri=f"{CITY_URI}{city.geonames_id}/" if city.geonames_id else "")


def _organisation(organization: Organization, rel: str, base: str) -> dict[str, str]:
    slug = organization.slug
    return _ref(organization.name, rel, slug, _page(base, ORGANIZATION_PAGE, slug))


def _compact(value: Any) -> Any:
    """Drop empty strings, lists and objects (and None) from nested dicts and lists."""
    if isinstance(value, dict):
        pairs = ((key, _compact(item)) for key, item in value.items())
        return {key: item for key, item in pairs if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in map(_compact, value) if item not in (None, "", [], {})]
    return value


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    unique: list[dict[str, Any]] = []
    for item in items:
        if item not in unique:
            unique.append(item)
    return unique


def _as_version_2(value: Any) -> Any:
    """Spell a 3.x document's property names as ninjs 2.x does."""
    if isinstance(value, dict):
        return {
            RENAMED_IN_2.get(key.lower(), key.lower()): _as_version_2(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_as_version_2(item) for item in value]
    return value

"""Load the demo newsroom (see `demo.data`): safe to run again, it never edits a row.

Every record is looked up by its natural key first and created only when missing, so a
second run creates nothing and leaves records that editors have changed as they are.
Relations (tags, organizers) are set only on records created by the same run; the rows
that have their own natural key (participations, affiliations) are added when missing.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from articles.models import Article
from demo import data
from events.models import Event, EventSeries, Participation
from ingest.agencies import load_agencies
from organizations.models import Affiliation, Organization, Person
from places.models import City, Country


@dataclass
class DemoResult:
    """How many records of each kind the run created, and how many were already there."""

    created: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)

    def record(self, kind: str, *, created: bool) -> None:
        """Count one record of a kind as created or as already present."""
        (self.created if created else self.present)[kind] += 1

    @property
    def total_created(self) -> int:
        """Return the number of records created."""
        return sum(self.created.values())

    @property
    def total_present(self) -> int:
        """Return the number of records that were already there."""
        return sum(self.present.values())


@dataclass
class _Registry:
    countries: dict[str, Country]
    cities: dict[str, City] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    series: dict[str, EventSeries] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)

    def country(self, code: str | None) -> Country | None:
        return self.countries[code] if code else None


@transaction.atomic
def load_demo() -> DemoResult:
    """Create the demo places, organizations, people, events and reports that are missing."""
    result = DemoResult()
    registry = _Registry(countries=_countries())
    spec: (  # each kind in turn
        data.CitySpec
        | data.OrganizationSpec
        | data.PersonSpec
        | data.AffiliationSpec
        | data.SeriesSpec
        | data.EventSpec
        | data.ArticleSpec
    )
    for spec in data.CITIES:
        registry.cities[spec.key] = _city(spec, result)
    for spec in data.ORGANIZATIONS:
        registry.organizations[spec.slug] = _organization(spec, registry, result)
    for spec in data.PEOPLE:
        registry.people[spec.slug] = _person(spec, registry, result)
    for spec in data.AFFILIATIONS:
        _affiliation(spec, registry, result)
    for spec in data.SERIES:
        registry.series[spec.slug] = _series(spec, registry, result)
    for spec in data.EVENTS:
        registry.events[spec.slug] = _event(spec, registry, result)
    for spec in data.ARTICLES:
        _article(spec, registry, result)
    load_agencies()  # the wire desk's agency registry, beside the demo's own agencies
    return result


def _countries() -> dict[str, Country]:
    """Return the countries the demo refers to, failing clearly if any is missing."""
    codes = {spec.country for spec in data.CITIES}
    codes |= {spec.country for spec in data.ORGANIZATIONS + data.PEOPLE if spec.country}
    for event in data.EVENTS:
        codes |= {p.country for p in event.participations if p.country}
    for article in data.ARTICLES:
        codes |= set(article.countries)
    countries = Country.objects.in_bulk(sorted(codes))
    missing = sorted(codes - countries.keys())
    if missing:
        raise LookupError(f"Countries missing: {', '.join(missing)}. Run `manage.py migrate`.")
    return countries


def _city(spec: data.CitySpec, result: DemoResult) -> City:
    """Return the gazetteer's city if loaded, else the same name in the country, else create it."""
    city = (
        City.objects.filter(geonames_id=spec.geonames_id).first()
        or City.objects.filter(name=spec.name, country_id=spec.country)
        .order_by("-population")
        .first()
    )
    created = city is None
    if city is None:
        # The GeoNames id lets a later load_gazetteer refresh this row instead of adding one.
        city = City.objects.create(
            name=spec.name,
            country_id=spec.country,
            geonames_id=spec.geonames_id,
            population=spec.population,
            latitude=spec.latitude,
            longitude=spec.longitude,
            timezone=spec.timezone,
            aliases=list(spec.aliases),
        )
    result.record("cities", created=created)
    return city


def _organization(
    spec: data.OrganizationSpec, registry: _Registry, result: DemoResult
) -> Organization:
    """Return the organization with the spec's slug, creating it if missing."""
    organization, created = Organization.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "short_name": spec.short_name,
            "kind": spec.kind,
            "country": registry.country(spec.country),
            "aliases": list(spec.aliases),
            "description": spec.description,
            "website": spec.website,
            "founded_year": spec.founded_year,
            "closed_year": spec.closed_year,
            # The demo registry's bodies organize and attend its announced events.
            "always_public": True,
        },
    )
    result.record("organizations", created=created)
    return organization


def _person(spec: data.PersonSpec, registry: _Registry, result: DemoResult) -> Person:
    """Return the person with the spec's slug, creating them if missing."""
    person, created = Person.objects.get_or_create(
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "country": registry.country(spec.country),
            "aliases": list(spec.aliases),
            "description": spec.description,
            "born_year": spec.born_year,
            "died_year": spec.died_year,
        },
    )
    result.record("people", created=created)
    return person


def _affiliation(spec: data.AffiliationSpec, registry: _Registry, result: DemoResult) -> None:
    """Add the person's role in the organization if missing."""
    _, created = Affiliation.objects.get_or_create(
        person=registry.people[spec.person],
        organization=registry.organizations[spec.organization],
        title=spec.title,
        defaults={"since": spec.since},
    )
    result.record("affiliations", created=created)


def _series(spec: data.SeriesSpec, registry: _Registry, result: DemoResult) -> EventSeries:
    """Return the series with the spec's slug or name, creating it if missing."""
    series = (
        EventSeries.objects.filter(slug=spec.slug).first()
        or EventSeries.objects.filter(name=spec.name).first()
    )
    created = series is None
    if series is None:
        series = EventSeries.objects.create(
            slug=spec.slug,
            name=spec.name,
            description=spec.description,
            aliases=list(spec.aliases),
        )
        series.organizers.set([registry.organizations[slug] for slug in spec.organizers])
    result.record("event series", created=created)
    return series


def _event(spec: data.EventSpec, registry: _Registry, result: DemoResult) -> Event:
    """Return the event with the spec's slug (or series edition), creating it if missing."""
    series = registry.series[spec.series] if spec.series else None
    event = Event.objects.filter(slug=spec.slug).first()
    if event is None and series is not None and spec.edition is not None:
        event = Event.objects.filter(series=series, edition=spec.edition).first()
    created = event is None
    if event is None:
        city = registry.cities[spec.city]
        event = Event.objects.create(
            slug=spec.slug,
            name=spec.name,
            series=series,
            edition=spec.edition,
            start_date=spec.start_date,
            end_date=spec.end_date,
            city=city,
            country=registry.countries[city.country_id],
            venue=spec.venue,
            theme=spec.theme,
            description=spec.description,
            status=spec.status,
            aliases=list(spec.aliases),
            always_public=True,  # announced in the registry, reports or not
        )
        event.organizers.set([registry.organizations[slug] for slug in spec.organizers])
    result.record("events", created=created)
    for participation in spec.participations:
        _participation(event, participation, registry, result)
    return event


def _participation(
    event: Event, spec: data.ParticipationSpec, registry: _Registry, result: DemoResult
) -> None:
    """Add the country's or organization's role at the event if missing."""
    organization = registry.organizations[spec.organization] if spec.organization else None
    _, created = Participation.objects.get_or_create(
        event=event,
        country=registry.country(spec.country),
        organization=organization,
        role=spec.role,
        defaults={"note": spec.note},
    )
    result.record("participations", created=created)


def _article(spec: data.ArticleSpec, registry: _Registry, result: DemoResult) -> None:
    """Create the report unless the agency already has one with its item id."""
    agency = registry.organizations[spec.agency]
    exists = Article.objects.filter(agency=agency, agency_item_id=spec.agency_item_id).exists()
    result.record("reports", created=not exists)
    if exists:
        return
    city = registry.cities[spec.dateline_city]
    article = Article(
        # A slug an editor already used elsewhere is left to Article.save() to make unique.
        slug="" if Article.objects.filter(slug=spec.slug).exists() else spec.slug,
        headline=spec.headline,
        summary=spec.summary,
        body="\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in spec.paragraphs),
        dateline_raw=spec.dateline_raw,
        dateline_city=city,
        dateline_country=registry.countries[city.country_id],
        dateline_date=spec.dateline_date,
        agency=agency,
        agency_item_id=spec.agency_item_id,
        byline=spec.byline,
        language=spec.language,
        status=spec.status,
        published_at=spec.published_at,
        embargo_until=spec.embargo_until,
    )
    article.save()
    article.events.set([registry.events[slug] for slug in spec.events])
    article.countries.set([registry.countries[code] for code in spec.countries])
    article.organizations.set([registry.organizations[slug] for slug in spec.organizations])
    article.people.set([registry.people[slug] for slug in spec.people])
    date_as_published(article)


def date_as_published(article: Article) -> None:
    """Date a report published before the load as stored then and never changed since.

    Saving stamps it created and changed at load time: its `updated_at` (the API's, the
    sync stream's, schema.org's dateModified) would claim an edit that never happened.
    """
    published = article.published_at
    if published is not None and published < article.created_at:
        Article.objects.filter(pk=article.pk).update(created_at=published, updated_at=published)

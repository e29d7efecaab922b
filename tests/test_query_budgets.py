"""Every public list page and API list runs the same number of queries for 2 and 20 items."""

import datetime
from dataclasses import dataclass
from typing import Any, cast

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import ParticipationRole
from tests.factories import (
    AffiliationFactory,
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@dataclass
class World:
    """One of each parent object that the pages list items for."""

    event: object
    agency: object
    organization: object
    person: object

    def report(self, n: int) -> None:
        """Add a fully tagged, published report."""
        city = CityFactory(country=country("RU"))
        ArticleFactory(
            agency=self.agency,
            dateline_city=city,
            tags={
                "events": [self.event, EventFactory()],
                "countries": [country("AZ"), country("KZ")],
                "organizations": [self.organization],
                "people": [self.person],
            },
        )

    def event_edition(self, n: int) -> None:
        """Add a past and an upcoming event with participants, and a reported one."""
        for start in (datetime.date(2020, 1, 1), datetime.date(2099, 1, 1)):
            event = EventFactory(
                start_date=start, city=CityFactory(), country=country("AZ"), always_public=True
            )
            event.organizers.add(self.organization)
            ParticipationFactory(event=event, country=country("IR"))
            ParticipationFactory(
                event=event, country=country("BY"), role=ParticipationRole.OBSERVER
            )

    def event_in_series(self, n: int) -> None:
        """Add a public event in a series of its own, organized by the organization."""
        event = EventFactory(series=EventSeriesFactory(), always_public=True)
        cast(Any, event.series).organizers.add(self.organization)

    def affiliated_person(self, n: int) -> None:
        AffiliationFactory(
            organization=self.organization,
            person__country=country("AZ"),
            person__always_public=True,
        )
        OrganizationFactory(country=country("AZ"), parent=self.organization, always_public=True)


@pytest.fixture
def world(db) -> World:
    # Marked public: pages whose lists hold registry rows, not reports, must show them.
    return World(
        event=EventFactory(slug="the-event", city=CityFactory(), always_public=True),
        agency=AgencyFactory(slug="the-agency", always_public=True),
        organization=OrganizationFactory(slug="the-org", country=country("AZ"), always_public=True),
        person=PersonFactory(slug="the-person", always_public=True),
    )


# Page name → (its address, the World method that adds one more item it lists).
PAGES: dict[str, tuple[str, str]] = {
    "home": ("/", "report"),
    "home-events": ("/", "event_edition"),
    "article-list": ("/articles/", "report"),
    "article-list-filtered": ("/articles/?country=az&event=the-event", "report"),
    "event-list": ("/events/", "event_edition"),
    "event-page": ("/events/the-event/", "report"),
    "country-list": ("/countries/", "report"),
    "country-page": ("/countries/az/", "report"),
    "country-page-events": ("/countries/az/", "event_edition"),
    "organization-page": ("/organizations/the-org/", "report"),
    "organization-page-people": ("/organizations/the-org/", "affiliated_person"),
    "agency-page": ("/organizations/the-agency/", "report"),
    "person-page": ("/people/the-person/", "report"),
    "api-articles": ("/api/v1/articles/", "report"),
    "api-articles-filtered": ("/api/v1/articles/?event=the-event&country=kz", "report"),
    "api-articles-sync": ("/api/v1/articles/?updated_since=2000-01-01", "report"),
    "api-articles-sync-filtered": (
        "/api/v1/articles/?ordering=updated_at&country=az",
        "report",
    ),
    "api-events": ("/api/v1/events/", "event_edition"),
    "api-event-series": ("/api/v1/event-series/", "event_in_series"),
    "api-cities": ("/api/v1/cities/?country=ru", "report"),
    "api-countries": ("/api/v1/countries/", "report"),
    "api-organizations": ("/api/v1/organizations/", "affiliated_person"),
    "api-people": ("/api/v1/people/", "affiliated_person"),
}


# Pages made of report cards, which a page reads from the card cache when it is on.
CARD_PAGES = ["home", "article-list", "article-list-filtered", "event-page", "country-page",
              "organization-page", "agency-page", "person-page"]  # fmt: skip


def queries_of_every_page(client, settings, pages: list[str]) -> dict[str, int]:
    """Count each page's queries: rendered afresh, and (card pages) with the card cache
    on, cold and then warm."""
    counts = {}
    for name in pages:
        url = PAGES[name][0]
        modes = ["rendered"] + (["cards-cold", "cards-warm"] if name in CARD_PAGES else [])
        for mode in modes:
            settings.FRAGMENT_CACHE_SECONDS = 0 if mode == "rendered" else 3600
            if mode != "cards-warm":
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            counts[f"{name} ({mode})"] = len(queries.captured_queries)
    return counts


@pytest.mark.parametrize("builder", sorted({name for _, name in PAGES.values()}))
def test_list_queries_do_not_grow_from_2_to_20_items(client, world, settings, builder):
    """Every page listing what `builder` adds, at 2 items and at 20 (built once for all)."""
    pages = [name for name, (_, built_by) in PAGES.items() if built_by == builder]
    add = getattr(world, builder)
    for n in range(2):
        add(n)
    few = queries_of_every_page(client, settings, pages)
    for n in range(18):
        add(n)
    many = queries_of_every_page(client, settings, pages)
    too_many = {page: count for page, count in few.items() if count > MAX_QUERIES}
    grew = {page: (few[page], many[page]) for page in few if many[page] > few[page]}
    assert not too_many, f"over {MAX_QUERIES} queries: {too_many}"
    assert not grew, f"more queries at 20 items than at 2: {grew}"


def test_report_page_queries_do_not_grow_with_tags(client, django_assert_max_num_queries):
    def tagged_report(n: int):
        return ArticleFactory(
            tags={
                "events": EventFactory.create_batch(n),
                "countries": [country(c) for c in ["AZ", "RU", "KZ", "IR", "TM"][: n % 5 + 1]],
                "organizations": OrganizationFactory.create_batch(n),
                "people": PersonFactory.create_batch(n),
            }
        )

    small, large = tagged_report(2).get_absolute_url(), tagged_report(20).get_absolute_url()
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        assert client.get(small).status_code == 200
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(large)
    assert response.status_code == 200

"""Every public list page and API list runs the same number of queries for 2 and 20 items."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import pytest
from django.core.cache import cache

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


PAGES: dict[str, tuple[str, Callable[[World], Callable[[int], None]]]] = {
    "home": ("/", lambda w: w.report),
    "home-events": ("/", lambda w: w.event_edition),
    "article-list": ("/articles/", lambda w: w.report),
    "article-list-filtered": ("/articles/?country=az&event=the-event", lambda w: w.report),
    "event-list": ("/events/", lambda w: w.event_edition),
    "event-page": ("/events/the-event/", lambda w: w.report),
    "country-list": ("/countries/", lambda w: w.report),
    "country-page": ("/countries/az/", lambda w: w.report),
    "country-page-events": ("/countries/az/", lambda w: w.event_edition),
    "organization-page": ("/organizations/the-org/", lambda w: w.report),
    "organization-page-people": ("/organizations/the-org/", lambda w: w.affiliated_person),
    "agency-page": ("/organizations/the-agency/", lambda w: w.report),
    "person-page": ("/people/the-person/", lambda w: w.report),
    "api-articles": ("/api/v1/articles/", lambda w: w.report),
    "api-articles-filtered": ("/api/v1/articles/?event=the-event&country=kz", lambda w: w.report),
    "api-articles-sync": ("/api/v1/articles/?updated_since=2000-01-01", lambda w: w.report),
    "api-articles-sync-filtered": (
        "/api/v1/articles/?ordering=updated_at&country=az",
        lambda w: w.report,
    ),
    "api-events": ("/api/v1/events/", lambda w: w.event_edition),
    "api-event-series": ("/api/v1/event-series/", lambda w: w.event_in_series),
    "api-cities": ("/api/v1/cities/?country=ru", lambda w: w.report),
    "api-countries": ("/api/v1/countries/", lambda w: w.report),
    "api-organizations": ("/api/v1/organizations/", lambda w: w.affiliated_person),
    "api-people": ("/api/v1/people/", lambda w: w.affiliated_person),
}


# Pages made of report cards, which a page reads from the card cache when it is on.
CARD_PAGES = ["home", "article-list", "article-list-filtered", "event-page", "country-page",
              "organization-page", "agency-page", "person-page"]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "cached_cards"),
    [(name, False) for name in PAGES] + [(name, True) for name in CARD_PAGES],
    ids=[f"{name}-rendered" for name in PAGES] + [f"{name}-cards-cached" for name in CARD_PAGES],
)
def test_list_queries_do_not_grow_from_2_to_20_items(
    client, world, django_assert_max_num_queries, settings, name, cached_cards
):
    settings.FRAGMENT_CACHE_SECONDS = 3600 if cached_cards else 0
    cache.clear()
    url, builder = PAGES[name]
    add = builder(world)
    for n in range(2):
        add(n)
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        assert client.get(url).status_code == 200
    for n in range(18):
        add(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200


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

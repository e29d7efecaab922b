"""Every API list runs as many queries for a page of 2 as for a page of 20."""

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Group, User

from tests.factories import (
    ArticleFactory,
    CityFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
)
from tests.helpers import shared_by_the_module

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/articles/",
    "/api/v1/articles/?country=az",
    "/api/v1/articles/?updated_since=2000-01-01",
    "/api/v1/articles/?format=ninjs",
    "/api/v1/events/",
    "/api/v1/event-series/",
    "/api/v1/organizations/",
    "/api/v1/people/",
    "/api/v1/countries/",
    "/api/v1/cities/",
]


@pytest.fixture(scope="module")
def many(django_db_setup, django_db_blocker) -> Iterator[None]:
    """22 of everything, written once for all the lists."""
    with shared_by_the_module(django_db_blocker):
        _write_many()
        yield


def _write_many() -> None:
    editor = User.objects.create_user("page-size-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    for n in range(22):
        series = EventSeriesFactory()
        series.organizers.add(OrganizationFactory())
        event = EventFactory(series=series, city=CityFactory(), country=country("AZ"))
        event.organizers.add(OrganizationFactory())
        ParticipationFactory(event=event, country=country("KZ"))
        report = ArticleFactory(
            dateline_city=CityFactory(country=country("AZ")),
            tags={
                "events": [event],
                "countries": [country("AZ"), country("GE")],
                "organizations": [OrganizationFactory()],
                "people": [PersonFactory()],
            },
        )
        if n % 5 == 0:  # and a withdrawn one beside it: the sync stream's tombstones
            ArticleFactory(tags={"events": [event]}).withdraw(by=editor, reason="Test.")
        assert report.is_public
        if n % 4 == 1:  # a correction of an earlier report: ninjs links it
            ArticleFactory(correction_of=report, correction_note="Fixed a figure.",
                           tags={"countries": [country("AZ")]})  # fmt: skip


@pytest.mark.parametrize("url", LISTS)
def test_an_api_list_costs_the_same_queries_at_any_page_size(
    api_client, many, django_assert_max_num_queries, url
):
    joiner = "&" if "?" in url else "?"
    with django_assert_max_num_queries(12) as small:
        assert len(api_client.get(f"{url}{joiner}page_size=2").json()["results"]) == 2
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(api_client.get(f"{url}{joiner}page_size=20").json()["results"]) == 20

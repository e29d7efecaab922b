"""Entity pages keep their side parts between requests (the `fragment` template tag), and
a kept part is never stale: not after an edit, not once a scheduled report is public,
not after midnight."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html

from events.models import ParticipationRole
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    country,
    utc,
)

NOW = utc(2023, 10, 10, 23, 50)
TODAY = datetime.date(2023, 10, 10)


@pytest.fixture
def kept(settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


def participants(client) -> list[str]:
    page = html.fromstring(client.get("/events/summit/").content)
    return [" ".join(a.text_content().split()) for a in page.xpath("//dl[@class='roles']//a")]


@pytest.mark.django_db
def test_an_event_page_keeps_its_participants_and_shows_every_change_to_them(
    client, kept, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False) as clock:
        event = EventFactory(slug="summit", start_date=TODAY, always_public=True)
        council = OrganizationFactory(name="Caspian Energy Council")
        ParticipationFactory(event=event, organization=council, country=None)
        ArticleFactory(
            published_at=NOW + datetime.timedelta(minutes=5), tags={"organizations": [council]}
        )
        ParticipationFactory(event=event, country=country("GE"), role=ParticipationRole.OBSERVER)

        assert participants(client) == ["🇬🇪 Georgia"]  # the council is in no public report yet
        with CaptureQueriesContext(connection) as kept_page:
            assert participants(client) == ["🇬🇪 Georgia"]
        read = " ".join(query["sql"] for query in kept_page.captured_queries)
        assert "events_participation" not in read and "events_event_organizers" not in read

        clock.move_to(NOW + datetime.timedelta(minutes=5))  # the report is public: no save
        assert participants(client) == ["Caspian Energy Council", "🇬🇪 Georgia"]

        with django_capture_on_commit_callbacks(execute=True):  # an editor adds a delegation
            ParticipationFactory(event=event, country=country("KZ"))
        assert participants(client) == ["Caspian Energy Council", "🇰🇿 Kazakhstan", "🇬🇪 Georgia"]


def side_lists(client, url: str) -> dict[str, list[str]]:
    page = html.fromstring(client.get(url).content)
    lists = {}
    for heading in page.xpath("//aside//h3 | //section/h2[@id='upcoming' or @id='past']"):
        items = heading.xpath("following-sibling::ul[1]/li/a")
        lists[heading.text_content().strip()] = [a.text_content() for a in items]
    return lists


@pytest.mark.django_db
def test_kept_event_lists_move_an_event_that_ended_today_to_the_past_at_midnight(
    client, kept, settings
):
    settings.ARTICLES_PER_PAGE = 1
    with time_machine.travel(NOW, tick=False) as clock:
        for name, start in [("Energy Week", TODAY), ("Trade Fair", TODAY - datetime.timedelta(30))]:
            EventFactory(name=name, start_date=start, end_date=start, country=country("AZ"),
                         always_public=True)  # fmt: skip
        EventFactory(name="Water Forum", start_date=TODAY - datetime.timedelta(60),
                     end_date=TODAY - datetime.timedelta(60), always_public=True)  # fmt: skip

        assert side_lists(client, "/countries/az/") == {
            "Current and upcoming": ["Energy Week"],
            "Past": ["Trade Fair"],
        }
        assert side_lists(client, "/events/") == {
            "Current and upcoming": ["Energy Week"],
            "Past": ["Trade Fair"],
        }
        assert side_lists(client, "/events/?page=2")["Past"] == ["Water Forum"]  # its own key
        assert upcoming_on_home(client) == ["Energy Week"]

        clock.move_to(NOW + datetime.timedelta(minutes=20))  # the next day: nothing saved
        aside = html.fromstring(client.get("/countries/az/").content).xpath("//aside")[0]
        assert not aside.xpath("h3")  # no upcoming events: one list, of past ones
        assert aside.xpath("ul/li/a/text()") == ["Energy Week", "Trade Fair"]
        assert side_lists(client, "/events/")["Past"] == ["Energy Week"]
        assert side_lists(client, "/events/?page=3")["Past"] == ["Water Forum"]
        assert upcoming_on_home(client) == []


def upcoming_on_home(client) -> list[str]:
    page = html.fromstring(client.get("/").content)
    return page.xpath("//section[@aria-labelledby='upcoming']//li/a/text()")

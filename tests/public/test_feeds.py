"""Feeds, calendars, sitemaps and robots.txt show only what the public may see.

One world is built once, every address is fetched once inside it (then rolled back),
and the tests read those answers.
"""

import datetime
from dataclasses import dataclass, field
from unittest import mock

import feedparser
import icalendar
import pytest
import time_machine
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from lxml import etree, html

from events.models import EventStatus, ParticipationRole
from newsroom.sitemaps import ReportSitemap
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
    utc,
)

NOW = utc(2024, 5, 10, 12)
BASE = "http://testserver"
AUTHORITY = "newsroom.example.org"  # the site's own name in GUIDs and UIDs
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NEWS_NS = {**SITEMAP_NS, "n": "http://www.google.com/schemas/sitemap-news/0.9"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml"}


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes
    queries: list[str] = field(default_factory=list)


@dataclass
class Site:
    urls: dict[str, str]  # name → the page's path
    answers: dict[str, Answer]  # path → what it answered
    alternates: dict[str, list[tuple[str, str]]]  # page → its <link rel="alternate">s
    pks: dict[str, int]

    def get(self, path: str) -> Answer:
        return self.answers[path.removeprefix(BASE)]

    def feed(self, path: str) -> feedparser.FeedParserDict:
        answer = self.get(path)
        assert answer.status == 200, path
        return feedparser.parse(answer.body)


# Every test here reads the module's world from the test database: marked so, they run
# with the other database tests, before any transactional test empties the tables.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> Site:
    with (
        django_db_blocker.unblock(),
        time_machine.travel(NOW, tick=False),
        override_settings(TAG_AUTHORITY=AUTHORITY),
        transaction.atomic(),
    ):
        urls, pks = _world()
        site = Site(urls, {}, {}, pks)
        _fetch_everything(site)
        transaction.set_rollback(True)
    return site


def _world() -> tuple[dict[str, str], dict[str, int]]:
    """Two public reports, three hidden ones, and what they are about."""
    trend = AgencyFactory(name="Trend")
    series = EventSeriesFactory(name="Caspian Media Forum")
    forum = EventFactory(
        name="Caspian Media Forum 2023",
        series=series,
        edition=2023,
        start_date=datetime.date(2023, 9, 18),
        end_date=datetime.date(2023, 9, 19),
        venue="Expo hall",
        city=CityFactory(name="Astrakhan", country=country("RU")),
        theme="Public diplomacy and social media",
    )
    ParticipationFactory(event=forum, country=country("AZ"), role=ParticipationRole.DELEGATION)
    postponed = EventFactory(
        name="Caspian Media Forum 2025",
        series=series,
        edition=2025,
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2025, 3, 3),
        country=country("AZ"),
        status=EventStatus.POSTPONED,
        always_public=True,
    )
    elsewhere = EventFactory(name="Astana summit", country=country("KZ"), always_public=True)
    secret_event = EventFactory(name="Secret summit")
    mda, person = OrganizationFactory(name="Media Agency"), PersonFactory(name="Ahmed Ismayilov")
    secret_person = PersonFactory(name="Hidden Person")
    tags = {"events": [forum], "countries": [country("AZ")], "organizations": [mda],
            "people": [person]}  # fmt: skip
    with time_machine.travel(NOW - datetime.timedelta(hours=3), tick=False):  # scheduled
        fresh = ArticleFactory(
            headline="Forum opens in Astrakhan",
            agency=trend,
            published_at=NOW - datetime.timedelta(hours=1),
            tags=tags,
        )
    older = ArticleFactory(
        headline="Delegations arrive",
        summary="",
        body="<p>Journalists from <b>five states</b> arrived on Sunday.</p>",
        agency=trend,
        published_at=NOW - datetime.timedelta(hours=50),
        tags=tags,
    )
    hidden_tags = {**tags, "events": [forum, secret_event], "people": [person, secret_person]}
    hidden = [
        ArticleFactory(headline=f"{state.title()} report", agency=trend, tags=hidden_tags,
                       **{state: True})
        for state in ("draft", "embargoed", "withdrawn")
    ]  # fmt: skip
    urls = {
        "fresh": fresh.get_absolute_url(),
        "older": older.get_absolute_url(),
        **{f"hidden{n}": report.get_absolute_url() for n, report in enumerate(hidden)},
        "forum": forum.get_absolute_url(),
        "postponed": postponed.get_absolute_url(),
        "elsewhere": elsewhere.get_absolute_url(),
        "secret_event": secret_event.get_absolute_url(),
        "series_calendar": f"/events/series/{series.slug}/calendar.ics",
        "mda": mda.get_absolute_url(),
        "person": person.get_absolute_url(),
        "secret_person": secret_person.get_absolute_url(),
    }
    pks = {"forum": forum.pk, "postponed": postponed.pk, "fresh": fresh.pk, "older": older.pk}
    return urls, pks


PAGES = ["/", "/articles/", "/events/", "forum", "/countries/az/", "mda", "person"]
FEEDS = [
    "/feeds/latest/rss/", "/feeds/latest/atom/", "/countries/az/feed/atom/",
    "/countries/az/feed/rss/", "forum:feed/rss/", "mda:feed/atom/", "person:feed/rss/",
]  # fmt: skip
ELSE = [
    "secret_event:feed/rss/", "secret_person:feed/atom/", "/countries/zz/feed/rss/",
    "/events/calendar.ics", "series_calendar", "/countries/az/calendar.ics",
    "/events/series/no-such-series/calendar.ics", "/sitemap-news.xml", "/robots.txt",
]  # fmt: skip


def path(site: Site, name: str) -> str:
    """Return the path a name in the lists above stands for ('forum:feed/rss/', '/x/', …)."""
    page, _, rest = name.partition(":")
    return (site.urls.get(page, page)) + rest


def _fetch_everything(site: Site) -> None:
    client = Client()

    def fetch(address: str) -> Answer:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
        answer = Answer(
            response.status_code,
            response.get("Content-Type", ""),
            response.content,
            [q["sql"] for q in queries.captured_queries],
        )
        site.answers[address.removeprefix(BASE)] = answer
        return answer

    for name in PAGES:
        page = fetch(path(site, name)).body
        links = html.fromstring(page).xpath('//head/link[@rel="alternate"]')
        site.alternates[name] = [(link.get("type"), link.get("href")) for link in links]
        for _, href in site.alternates[name]:
            fetch(href)
    for name in FEEDS + ELSE:
        fetch(path(site, name))
    # Reports' sitemap pages of one report each: page n holds ids up to n·limit.
    with mock.patch.object(ReportSitemap, "limit", site.pks["older"] - 1):
        index = etree.fromstring(fetch("/sitemap.xml").body)
        for loc in index.xpath("//s:loc/text()", namespaces=SITEMAP_NS):
            fetch(loc)


def entries(feed: feedparser.FeedParserDict) -> list[str]:
    return [entry.title for entry in feed.entries]


def sitemap_locations(site: Site, section: str) -> list[str]:
    answer = site.get(section)
    assert answer.status == 200, section
    return etree.fromstring(answer.body).xpath("//s:loc/text()", namespaces=SITEMAP_NS)


# Feeds


def test_latest_rss_lists_public_reports_newest_first_with_their_details(site):
    feed = site.feed("/feeds/latest/rss/")
    assert feed.version == "rss20"
    assert entries(feed) == ["Forum opens in Astrakhan", "Delegations arrive"]
    fresh = feed.entries[0]
    assert fresh.link == BASE + site.urls["fresh"]
    assert fresh.id == f"tag:{AUTHORITY},2024-05-10:report:{site.pks['fresh']}"
    assert datetime.datetime(*fresh.published_parsed[:6], tzinfo=datetime.UTC) == (
        NOW - datetime.timedelta(hours=1)
    )
    assert fresh.author == "Trend"
    assert fresh.summary == "Delegations met to discuss regional cooperation."
    terms = {tag.term for tag in fresh.tags}
    assert {"Caspian Media Forum 2023", "Azerbaijan", "Media Agency", "Ahmed Ismayilov"} <= terms
    assert feed.feed.link == f"{BASE}/articles/"


def test_latest_atom_gives_ids_updated_times_and_a_self_link(site):
    feed = site.feed("/feeds/latest/atom/")
    assert feed.version == "atom10"
    assert entries(feed) == ["Forum opens in Astrakhan", "Delegations arrive"]
    assert feed.entries[1].id == f"tag:{AUTHORITY},2024-05-10:report:{site.pks['older']}"
    assert feed.entries[1].updated_parsed[:3] == (2024, 5, 10)
    assert feed.entries[1].published_parsed[:4] == (2024, 5, 8, 10)
    # Saved while scheduled, it changed for the public when it appeared.
    assert feed.entries[0].updated_parsed[:4] == (2024, 5, 10, 11)
    assert any(link.rel == "self" for link in feed.feed.links)


def test_report_without_summary_is_described_by_its_opening_words(site):
    older = site.feed("/feeds/latest/rss/").entries[1]
    assert older.summary == "Journalists from five states arrived on Sunday."


@pytest.mark.parametrize(
    "name, title, page",
    [
        ("/countries/az/feed/atom/", "Reports about Azerbaijan", "/countries/az/"),
        ("forum:feed/rss/", "Reports about Caspian Media Forum 2023", "forum"),
        ("mda:feed/atom/", "Reports about Media Agency", "mda"),
        ("person:feed/rss/", "Reports about Ahmed Ismayilov", "person"),
    ],
)
def test_entity_feed_lists_only_its_public_reports(site, name, title, page):
    feed = site.feed(path(site, name))
    assert feed.feed.title.startswith(title)
    assert feed.feed.link == BASE + path(site, page)
    assert entries(feed) == ["Forum opens in Astrakhan", "Delegations arrive"]


@pytest.mark.parametrize(
    "name", ["secret_event:feed/rss/", "secret_person:feed/atom/", "/countries/zz/feed/rss/"]
)
def test_feed_of_an_entity_the_public_may_not_see_is_not_found(site, name):
    assert site.get(path(site, name)).status == 404


# Discovery


def test_pages_name_their_feeds_and_calendars_and_those_answer(site):
    for name in PAGES:
        types = {kind for kind, _ in site.alternates[name]}
        if name == "/events/":
            assert types == {"text/calendar"}
        else:
            assert types >= FEED_TYPES, name
        for kind, href in site.alternates[name]:
            answer = site.get(href)
            assert (answer.status, answer.content_type.split(";")[0]) == (200, kind), href
    assert ("text/calendar", "/countries/az/calendar.ics") in site.alternates["/countries/az/"]
    assert ("text/calendar", site.urls["series_calendar"]) in site.alternates["forum"]


# Calendars


def calendar_events(site: Site, address: str) -> dict[str, icalendar.Event]:
    answer = site.get(address)
    assert (answer.status, answer.content_type) == (200, "text/calendar; charset=utf-8")
    calendar = icalendar.Calendar.from_ical(answer.body)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_events_calendar_has_public_events_as_all_day_entries(site):
    events = calendar_events(site, "/events/calendar.ics")
    assert set(events) == {"Caspian Media Forum 2023", "Caspian Media Forum 2025", "Astana summit"}
    forum = events["Caspian Media Forum 2023"]
    assert forum.decoded("DTSTART") == datetime.date(2023, 9, 18)
    assert forum.decoded("DTEND") == datetime.date(2023, 9, 20)  # exclusive: the day after
    assert str(forum["UID"]) == f"event-{site.pks['forum']}@{AUTHORITY}"
    assert str(forum["URL"]) == BASE + site.urls["forum"]
    assert str(forum["LOCATION"]) == "Expo hall, Astrakhan, Russian Federation"
    assert str(forum["STATUS"]) == "CONFIRMED"
    assert "Public diplomacy" in str(forum["DESCRIPTION"])
    assert str(events["Caspian Media Forum 2025"]["STATUS"]) == "TENTATIVE"  # postponed


@pytest.mark.parametrize("name", ["series_calendar", "/countries/az/calendar.ics"])
def test_series_and_country_calendars_hold_their_events(site, name):
    events = calendar_events(site, path(site, name))
    assert set(events) == {"Caspian Media Forum 2023", "Caspian Media Forum 2025"}


def test_calendar_of_an_unknown_series_is_not_found(site):
    assert site.get("/events/series/no-such-series/calendar.ics").status == 404


# Sitemaps and robots.txt


def test_sitemaps_list_public_pages_only(site):
    index = sitemap_locations(site, "/sitemap.xml")
    listed = {loc for section in index for loc in sitemap_locations(site, section)}
    public = ["fresh", "older", "forum", "postponed", "elsewhere", "mda", "person"]
    assert {BASE + site.urls[name] for name in public} <= listed
    assert {f"{BASE}/countries/az/", f"{BASE}/"} <= listed
    hidden = ["hidden0", "hidden1", "hidden2", "secret_event", "secret_person"]
    assert not {BASE + site.urls[name] for name in hidden} & listed


def test_reports_sitemap_pages_by_id_without_counting_reports(site):
    index = sitemap_locations(site, "/sitemap.xml")
    reports = [loc for loc in index if "sitemap-reports" in loc]
    assert reports == [f"{BASE}/sitemap-reports.xml", f"{BASE}/sitemap-reports.xml?p=2"]
    assert sitemap_locations(site, reports[0]) == [BASE + site.urls["fresh"]]
    assert sitemap_locations(site, reports[1]) == [BASE + site.urls["older"]]
    for address in ["/sitemap.xml", *reports]:
        queries = site.get(address.removeprefix(BASE)).queries
        assert not [q for q in queries if "COUNT(" in q and '"articles_article"' in q]


def test_news_sitemap_lists_reports_of_the_last_48_hours(site):
    answer = site.get("/sitemap-news.xml")
    doc = etree.fromstring(answer.body)
    assert doc.xpath("//s:loc/text()", namespaces=NEWS_NS) == [BASE + site.urls["fresh"]]
    news = {"name": "n:publication/n:name", "language": "n:publication/n:language",
            "date": "n:publication_date", "title": "n:title"}  # fmt: skip
    found = {
        key: doc.xpath(f"//n:news/{p}/text()", namespaces=NEWS_NS)[0] for key, p in news.items()
    }
    assert found == {
        "name": "Newsroom",
        "language": "en",
        "date": "2024-05-10T11:00:00+00:00",
        "title": "Forum opens in Astrakhan",
    }


def test_robots_txt_closes_admin_and_api_and_names_both_sitemaps(site):
    answer = site.get("/robots.txt")
    assert answer.content_type == "text/plain; charset=utf-8"
    lines = answer.body.decode().splitlines()
    assert {"Disallow: /admin/", "Disallow: /api/"} <= set(lines)
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert f"Sitemap: {BASE}/sitemap-news.xml" in lines


# Query budgets


@pytest.mark.django_db
def test_latest_and_country_feeds_run_as_many_queries_for_2_and_20_reports(
    client, django_assert_max_num_queries
):
    agency, event = AgencyFactory(), EventFactory()
    feeds = [
        "/feeds/latest/rss/",
        "/countries/az/feed/atom/",
        event.get_absolute_url() + "feed/rss/",
    ]

    def add(count: int) -> None:
        for _ in range(count):
            ArticleFactory(agency=agency, tags={"countries": [country("AZ")], "events": [event]})

    def queries() -> list[int]:
        counts = []
        for address in feeds:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(address).status_code == 200
            counts.append(len(captured))
        return counts

    add(2)
    client.get(feeds[0])  # the sites framework's first look-up is cached after
    at_two = queries()
    add(18)
    assert queries() == at_two
    with django_assert_max_num_queries(4):
        assert len(feedparser.parse(client.get(feeds[1]).content).entries) == 20


def test_a_report_has_one_guid_whatever_host_name_the_feed_is_read_under(settings):
    settings.ALLOWED_HOSTS = ["example.org", "www.example.org"]
    settings.TAG_AUTHORITY = "example.org"
    ArticleFactory(headline="Delegations arrive")
    ids = {
        feedparser.parse(Client().get("/feeds/latest/atom/", HTTP_HOST=host).content).entries[0].id
        for host in ("example.org", "www.example.org")
    }
    assert len(ids) == 1 and ids.pop().startswith("tag:example.org,")

"""Public pages name their canonical address, describe themselves to link previews
(OpenGraph, Twitter) and to search engines (schema.org JSON-LD), and leak nothing hidden.

One world is built once, every page is fetched once inside it (then rolled back), and the
tests read those answers.
"""

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.db import connection, transaction
from django.test import Client
from lxml import html

from articles.models import Article
from articles.structured_data import date_modified
from demo.loading import date_as_published
from events.models import EventStatus, ParticipationRole
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
    utc,
)

NOW = utc(2024, 5, 10, 12)
BASE = "http://testserver"
WIRE_TIME = NOW - datetime.timedelta(days=3)  # the imported report's publish time
EDITED_AT = NOW - datetime.timedelta(hours=1)
HOSTILE = 'Talks resume </script><script>alert("x")</script> & go on'

# Also what makes pytest-django set up the test database for the module's world.
pytestmark = pytest.mark.django_db


@dataclass
class Page:
    status: int
    body: str
    canonical: list[str]
    meta: dict[str, list[str]]  # property or name → contents
    json_ld: list[dict[str, Any]]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> dict[str, Page]:
    with (
        django_db_blocker.unblock(),
        time_machine.travel(NOW - datetime.timedelta(days=1), tick=False) as clock,
        transaction.atomic(),
    ):
        database = str(connection.settings_dict["NAME"])
        assert "test" in database or "memory" in database, f"not a test database: {database}"
        urls = _world(clock)
        client = Client()
        pages = {name: _read(client.get(url)) for name, url in urls.items()}
        transaction.set_rollback(True)
    return pages


def _world(clock: Any) -> dict[str, str]:
    """An imported report published a day later with the wire's time, an edited report,
    a correction with a hostile headline, a draft, and what they are about."""
    trend = AgencyFactory(name="Trend", slug="trend")
    mda = OrganizationFactory(name="Media Development Agency", short_name="MDA", slug="mda")
    person = PersonFactory(name="Ahmed Ismayilov", slug="ismayilov", aliases=["Akhmad Ismayilov"])
    AffiliationFactory(person=person, organization=mda, title="Executive director")
    astrakhan = CityFactory(
        name="Astrakhan", country=country("RU"), latitude=Decimal("46.34968"),
        longitude=Decimal("48.04076"),
    )  # fmt: skip
    forum = EventFactory(
        name="Caspian Media Forum 2023", slug="forum", series=EventSeriesFactory(name="CMF"),
        start_date=datetime.date(2023, 9, 18), end_date=datetime.date(2023, 9, 19),
        city=astrakhan, venue="Expo hall", theme="Public diplomacy", status=EventStatus.HELD,
    )  # fmt: skip
    forum.organizers.set([mda])
    ParticipationFactory(event=forum, country=country("AZ"), role=ParticipationRole.DELEGATION)
    ParticipationFactory(event=forum, country=country("BY"), role=ParticipationRole.OBSERVER)
    EventFactory(name="Forum 2025", slug="postponed", status=EventStatus.POSTPONED,
                 always_public=True)  # fmt: skip
    tags = {"events": [forum], "countries": [country("AZ")], "organizations": [mda],
            "people": [person]}  # fmt: skip
    imported = ArticleFactory(
        draft=True, published_at=WIRE_TIME, headline="Forum opens in Astrakhan", agency=trend,
        dateline_raw="RUSSIA, Astrakhan, September 19.", dateline_city=astrakhan,
        byline="Anna Reporter", language="ru", tags=tags,
    )  # fmt: skip
    clock.move_to(NOW - datetime.timedelta(hours=20))
    imported.publish(by=None)  # keeps the wire's earlier time
    two_hours_ago = NOW - datetime.timedelta(hours=2)
    clock.move_to(two_hours_ago)
    edited = ArticleFactory(
        headline="Delegations arrive", agency=trend, published_at=two_hours_ago, tags=tags
    )
    clock.move_to(EDITED_AT)
    edited.summary = "Eight delegations arrived."
    edited.save()
    clock.move_to(NOW - datetime.timedelta(minutes=30))
    correction = ArticleFactory(
        headline=HOSTILE, agency=trend, correction_of=imported,
        correction_note="Corrects the venue.", tags={"events": [forum]},
    )  # fmt: skip
    ArticleFactory(draft=True, headline="Secret draft", tags={"events": [forum]})
    clock.move_to(NOW)
    return {
        "home": "/",
        "reports": "/articles/",
        "filtered": "/articles/?country=AZ&event=forum&published_after=2020-01-01&utm_source=x",
        "bad filter": "/articles/?country=nowhere",
        "events": "/events/?country=az&page=1&fbclid=y",
        "countries": "/countries/",
        "country": "/countries/az/",
        "imported": imported.get_absolute_url(),
        "edited": edited.get_absolute_url(),
        "correction": correction.get_absolute_url(),
        "forum": forum.get_absolute_url(),
        "postponed": "/events/postponed/",
        "agency": trend.get_absolute_url(),
        "organization": mda.get_absolute_url(),
        "person": person.get_absolute_url(),
        "search": "/search/?q=+media%0A+forum&country=AZ&event=forum&published_after=2020-01-01&page=2&utm_source=x",
        "search bad filter": "/search/?q=forum&country=nowhere",
    }


def _read(response) -> Page:
    body = response.content.decode()
    doc = html.fromstring(body)
    meta: dict[str, list[str]] = {}
    for tag in doc.xpath("//head/meta[@property or @name]"):
        meta.setdefault(tag.get("property") or tag.get("name"), []).append(tag.get("content"))
    scripts = doc.xpath('//script[@type="application/ld+json"]')
    return Page(
        response.status_code,
        body,
        doc.xpath('//head/link[@rel="canonical"]/@href'),
        meta,
        [json.loads(script.text) for script in scripts],
    )


def ld(site: dict[str, Page], name: str) -> dict[str, Any]:
    page = site[name]
    assert page.status == 200, name
    (data,) = page.json_ld
    assert data["@context"] == "https://schema.org"
    return data


def names(items: list[dict[str, Any]]) -> list[str]:
    return [item["name"] for item in items]


# Canonical addresses, OpenGraph and Twitter


def test_every_public_page_has_one_absolute_canonical_and_its_previews(site):
    for name, page in site.items():
        assert page.status == 200, name
        (canonical,) = page.canonical
        assert canonical.startswith(f"{BASE}/"), name
        assert page.meta["og:url"] == [canonical], name
        assert page.meta["og:site_name"] == ["Newsroom"], name
        assert page.meta["og:title"] == page.meta["twitter:title"], name
        assert page.meta["og:description"] == page.meta["twitter:description"], name
        assert page.meta["og:description"][0], name
        assert page.meta["twitter:card"] == ["summary"], name
        assert "og:image" not in page.meta, name
        assert len(page.json_ld) == 1 and page.json_ld[0]["url"] == canonical, name
        # JSON-LD is data, not script: the one kind of inline <script> the CSP allows.
        assert page.body.count("<script") == 1, name


def test_canonical_keeps_only_a_lists_own_filters_normalized(site):
    assert site["home"].canonical == [f"{BASE}/"]
    assert site["reports"].canonical == [f"{BASE}/articles/"]
    assert site["filtered"].canonical == [f"{BASE}/articles/?event=forum&country=az"]
    assert site["bad filter"].canonical == [f"{BASE}/articles/"]
    assert site["events"].canonical == [f"{BASE}/events/?country=az"]
    assert site["country"].canonical == [f"{BASE}/countries/az/"]


def test_og_type_is_article_for_reports_only_with_their_times_section_and_tags(site):
    report = site["imported"].meta
    assert report["og:type"] == ["article"]
    assert report["og:locale"] == ["ru_RU"]  # the report's language
    assert report["article:published_time"] == ["2024-05-07T12:00:00Z"]
    assert report["article:modified_time"] == ["2024-05-07T12:00:00Z"]
    assert report["article:section"] == ["Caspian Media Forum 2023"]
    assert report["article:tag"] == [
        "Caspian Media Forum 2023", "Azerbaijan", "Media Development Agency", "Ahmed Ismayilov"
    ]  # fmt: skip
    for name in ("home", "reports", "forum", "country", "person"):
        assert site[name].meta["og:type"] == ["website"], name
        assert site[name].meta["og:locale"] == ["en_US"], name
        assert "article:published_time" not in site[name].meta, name


# NewsArticle


def test_report_names_publisher_agency_byline_dateline_and_its_place(site):
    data = ld(site, "imported")
    url = site["imported"].canonical[0]
    assert data["@type"] == "NewsArticle"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["headline"] == "Forum opens in Astrakhan"
    assert data["inLanguage"] == "ru"
    assert data["publisher"] == {"@type": "NewsMediaOrganization", "name": "Newsroom",
                                 "url": f"{BASE}/"}  # fmt: skip
    trend = {
        "@type": "NewsMediaOrganization",
        "name": "Trend",
        "url": f"{BASE}/organizations/trend/",
    }
    assert data["sourceOrganization"] == trend
    assert data["author"] == [{"@type": "Person", "name": "Anna Reporter"}, trend]
    assert data["dateline"] == "RUSSIA, Astrakhan, September 19."
    place = data["contentLocation"]
    assert place["name"] == "Astrakhan"
    assert place["address"] == {"@type": "PostalAddress", "addressLocality": "Astrakhan",
                                "addressCountry": "RU"}  # fmt: skip
    assert place["containedInPlace"]["url"] == f"{BASE}/countries/ru/"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 46.34968, "longitude": 48.04076}


def test_report_is_about_its_events_and_people_and_mentions_the_rest(site):
    data = ld(site, "imported")
    assert [(t["@type"], t["name"], t["url"]) for t in data["about"]] == [
        ("Event", "Caspian Media Forum 2023", f"{BASE}/events/forum/"),
        ("Person", "Ahmed Ismayilov", f"{BASE}/people/ismayilov/"),
    ]
    assert [(t["@type"], t["name"], t["url"]) for t in data["mentions"]] == [
        ("Organization", "Media Development Agency", f"{BASE}/organizations/mda/"),
        ("Country", "Azerbaijan", f"{BASE}/countries/az/"),
    ]


def test_unedited_report_published_with_the_wires_time_was_modified_when_published(site):
    data = ld(site, "imported")
    assert data["datePublished"] == data["dateModified"] == "2024-05-07T12:00:00Z"


def test_edited_report_was_modified_when_edited(site):
    data = ld(site, "edited")
    assert data["datePublished"] == "2024-05-10T10:00:00Z"
    assert data["dateModified"] == "2024-05-10T11:00:00Z"


def test_correction_is_based_on_its_report_and_the_report_points_to_it(site):
    correction, corrected = ld(site, "correction"), ld(site, "imported")
    assert correction["isBasedOn"] == {"@type": "NewsArticle", "headline": corrected["headline"],
                                       "url": corrected["url"]}  # fmt: skip
    assert correction["correction"]["text"] == "Corrects the venue."
    assert corrected["correction"] == {
        "@type": "CorrectionComment", "text": "Corrects the venue.",
        "datePublished": correction["datePublished"], "url": correction["url"],
    }  # fmt: skip


def test_json_ld_cannot_end_its_script_element(site):
    page = site["correction"]
    assert ld(site, "correction")["headline"] == HOSTILE
    assert "<script>alert" not in page.body
    script = page.body[page.body.index('<script type="application/ld+json">') :]
    assert "\\u003C/script\\u003E" in script[: script.index("</script>")]


def test_demo_report_loaded_today_was_last_modified_when_published():
    report = ArticleFactory(published_at=utc(2023, 9, 19, 11, 40))
    date_as_published(report)
    report = Article.objects.get(pk=report.pk)
    assert report.created_at == report.updated_at == utc(2023, 9, 19, 11, 40)
    assert date_modified(report) == report.visible_from


# Event, Country, Organization, Person and lists


def test_event_has_dates_place_status_organizers_and_attendees(site):
    data = ld(site, "forum")
    assert data["@type"] == "Event"
    assert (data["startDate"], data["endDate"]) == ("2023-09-18", "2023-09-19")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"  # held as planned
    assert data["location"]["name"] == "Expo hall"
    assert data["location"]["address"] == {"@type": "PostalAddress",
                                           "addressLocality": "Astrakhan", "addressCountry": "RU"}  # fmt: skip
    assert names(data["organizer"]) == ["Media Development Agency"]
    # schema.org's attendee is a Person or Organization: a country attends as its state.
    assert {(a["@type"], a["name"], a["areaServed"]["identifier"]) for a in data["attendee"]} == {
        ("GovernmentOrganization", "Azerbaijan", "AZ"), ("GovernmentOrganization", "Belarus", "BY")
    }  # fmt: skip
    assert data["superEvent"] == {"@type": "EventSeries", "name": "CMF"}
    assert data["description"] == "Public diplomacy"
    assert ld(site, "postponed")["eventStatus"] == "https://schema.org/EventPostponed"


def test_draft_tagged_with_an_event_is_absent_from_its_page_and_json_ld(site):
    reports = ld(site, "forum")["subjectOf"]
    assert [r["headline"] for r in reports] == [HOSTILE, "Delegations arrive"]  # current only
    assert "Secret draft" not in site["forum"].body


def test_country_organization_and_agency_are_typed_with_their_details(site):
    az = ld(site, "country")
    assert (az["@type"], az["name"], az["identifier"]) == ("Country", "Azerbaijan", "AZ")
    mda = ld(site, "organization")
    assert (mda["@type"], mda["alternateName"]) == ("GovernmentOrganization", ["MDA"])
    assert ld(site, "agency")["@type"] == "NewsMediaOrganization"
    assert "Delegations arrive" in [r["headline"] for r in ld(site, "agency")["subjectOf"]]


def test_person_works_for_their_current_organizations(site):
    data = ld(site, "person")
    assert (data["@type"], data["alternateName"]) == ("Person", ["Akhmad Ismayilov"])
    assert names(data["worksFor"]) == names(data["affiliation"]) == ["Media Development Agency"]
    assert data["jobTitle"] == ["Executive director"]


def test_search_names_its_normalized_canonical_and_describes_itself_unindexed(site):
    search = site["search"]
    assert search.canonical == [f"{BASE}/search/?q=media+forum&event=forum&country=az"]
    assert site["search bad filter"].canonical == [f"{BASE}/search/?q=forum"]
    described = "Published wire reports matching “media forum”, most relevant first."
    assert search.meta["description"] == search.meta["og:description"] == [described]
    assert search.meta["og:title"] == ["Search: media forum"]
    assert search.meta["robots"] == ["noindex"]
    assert ld(site, "search")["@type"] == "SearchResultsPage"


def test_home_is_the_website_and_lists_are_collection_pages(site):
    home = ld(site, "home")
    assert (home["@type"], home["name"]) == ("WebSite", "Newsroom")
    for name in ("reports", "events", "countries"):
        data = ld(site, name)
        assert data["@type"] == "CollectionPage", name
        assert data["isPartOf"] == {"@type": "WebSite", "name": "Newsroom", "url": f"{BASE}/"}

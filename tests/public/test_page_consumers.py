"""Public pages as machines read them: parsed by html5lib as a browser does (not one parse
error), their canonical addresses followed, their JSON-LD extracted by extruct as crawlers
do and expanded by pyld, a JSON-LD 1.1 processor, then held to what search engines ask of
a NewsArticle and an Event."""

import datetime

import extruct
import html5lib
import pytest
from django.test import Client
from lxml import html
from pyld import jsonld

from events.models import EventStatus
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
SCHEMA = "https://schema.org/"
# schema.org's context, as its documents use it: no fetching it here (no network in tests).
LINKS = ("url", "sameAs", "eventStatus", "eventAttendanceMode")  # values that are addresses
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA, **{name: {"@type": "@id"} for name in LINKS}}}
LONG_HEADLINE = (
    "Azerbaijan, Iran, Kazakhstan, Russia and Turkmenistan send delegations to the Caspian "
    "Media Forum in Astrakhan, where observers from Belarus also arrive"
)


def load_document(url: str, options: dict | None = None) -> dict:
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


@pytest.fixture
def pages() -> dict[str, str]:
    """Every kind of public page, the reports in a left-to-right and a right-to-left
    script, with and without an agency."""
    agency = AgencyFactory(name="Trend")
    event = EventFactory(
        name="Caspian Media Forum 2023",
        venue="Expo hall",
        city=CityFactory(name="Astrakhan", country=country("RU")),
        theme="Public diplomacy",
        always_public=True,
    )
    person, organization = PersonFactory(name="Ahmed Ismayilov"), OrganizationFactory()
    tags = {"events": [event], "countries": [country("AZ")], "people": [person],
            "organizations": [organization]}  # fmt: skip
    report = ArticleFactory(headline=LONG_HEADLINE, agency=agency, tags=tags)
    arabic = ArticleFactory(headline="افتتاح المنتدى في أستراخان", language="ar", tags=tags)
    in_house = ArticleFactory(headline="Written in house", agency=None, byline="")
    withdrawn = ArticleFactory(withdrawn=True)
    return {
        "home": "/",
        "reports": "/articles/?country=az&utm_source=newsletter",
        "report": report.get_absolute_url(),
        "arabic": arabic.get_absolute_url(),
        "in_house": in_house.get_absolute_url(),
        "events": "/events/",
        "event": event.get_absolute_url(),
        "countries": "/countries/",
        "country": "/countries/AZ/",
        "agency": agency.get_absolute_url(),
        "organization": organization.get_absolute_url(),
        "person": person.get_absolute_url(),
        "search": "/search/?q=forum",
        "withdrawn": withdrawn.get_absolute_url(),  # 410
        "missing": "/countries/zz/",  # 404
        "bad cursor": "/articles/?cursor=not-a-cursor",  # 400
    }


def fetch(address: str):
    return Client().get(address, follow=True)  # /countries/AZ/ → /countries/az/


def json_ld(address: str) -> list[dict]:
    """Return a page's JSON-LD as extruct extracts it, after a JSON-LD processor's check."""
    page = fetch(address).content.decode()
    found = extruct.extract(page, base_url=HOST + address, syntaxes=["json-ld"])["json-ld"]
    for item in found:
        dropped: list[str | None] = []
        expanded = jsonld.expand(
            item, {"documentLoader": load_document}, on_property_dropped=dropped.append
        )
        assert not dropped, dropped  # every term means something
        assert len(expanded) == 1 and expanded[0]["@type"][0].startswith(SCHEMA), expanded
    return found


def test_every_public_page_parses_as_html5_without_an_error(pages):
    for name, address in pages.items():
        answer = fetch(address)
        assert answer["Content-Type"] == "text/html; charset=utf-8", name
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        parser.parse(answer.content)  # raises at the first parse error
        assert parser.errors == [], name


def test_every_page_names_one_absolute_canonical_that_names_itself(pages):
    for name in set(pages) - {"withdrawn", "missing", "bad cursor"}:
        answer = fetch(pages[name])
        assert answer.status_code == 200, name
        [canonical] = html.fromstring(answer.content).xpath('//link[@rel="canonical"]/@href')
        assert canonical.startswith(f"{HOST}/") and "utm_" not in canonical, name
        again = fetch(canonical.removeprefix(HOST))
        assert again.status_code == 200, name
        assert html.fromstring(again.content).xpath('//link[@rel="canonical"]/@href') == [canonical]


def test_every_page_carries_one_json_ld_block_a_processor_expands(pages):
    expected = {"home": "WebSite", "reports": "CollectionPage", "report": "NewsArticle",
                "arabic": "NewsArticle", "in_house": "NewsArticle", "events": "CollectionPage",
                "event": "Event", "countries": "CollectionPage", "country": "Country",
                "agency": "NewsMediaOrganization", "organization": "GovernmentOrganization",
                "person": "Person", "search": "SearchResultsPage"}  # fmt: skip
    for name, kind in expected.items():
        [data] = json_ld(pages[name])
        assert (data["@context"], data["@type"]) == (SCHEMA.rstrip("/"), kind), name


def assert_moment_with_offset(value: str) -> None:
    moment = datetime.datetime.fromisoformat(value)  # ISO 8601
    assert moment.utcoffset() is not None, value


def test_a_news_article_has_what_search_engines_ask_for(pages):
    for name in ("report", "arabic", "in_house"):
        [data] = json_ld(pages[name])
        assert 0 < len(data["headline"]) <= 110
        assert_moment_with_offset(data["datePublished"])
        assert_moment_with_offset(data["dateModified"])
        assert data["publisher"]["name"] == "Newsroom" and data["publisher"]["url"]
        assert data["author"] and all(a["@type"] and a["name"] for a in data["author"]), name
        assert data["mainEntityOfPage"]["@id"] == data["url"] == HOST + pages[name]


def test_a_headline_longer_than_110_characters_is_cut_at_a_word():
    report = ArticleFactory(headline=LONG_HEADLINE)
    [data] = json_ld(report.get_absolute_url())
    assert len(data["headline"]) <= 110 and data["headline"].endswith("…")
    assert LONG_HEADLINE.startswith(data["headline"].removesuffix("…"))
    assert LONG_HEADLINE[len(data["headline"]) - 1] == " "  # no word cut in two


def test_a_report_naming_no_agency_or_byline_is_authored_by_the_publisher(pages):
    [data] = json_ld(pages["in_house"])
    assert data["author"] == [data["publisher"]]


def test_an_event_has_its_name_dates_place_and_status(pages):
    [data] = json_ld(pages["event"])
    assert data["name"] == "Caspian Media Forum 2023"
    assert datetime.date.fromisoformat(data["startDate"]) <= datetime.date.fromisoformat(
        data["endDate"]
    )
    assert data["location"]["@type"] == "Place" and data["location"]["name"] == "Expo hall"
    assert data["location"]["address"]["addressCountry"] == "RU"
    assert data["eventStatus"] == f"{SCHEMA}EventScheduled"


def test_a_cancelled_events_status_is_one_search_engines_know():
    event = EventFactory(status=EventStatus.CANCELLED, country=country("AZ"), always_public=True)
    [data] = json_ld(event.get_absolute_url())
    assert data["eventStatus"] == f"{SCHEMA}EventCancelled"


def test_an_event_known_only_by_its_venue_is_still_located_there():
    event = EventFactory(venue="Heydar Aliyev Centre", city=None, country=None, always_public=True)
    [data] = json_ld(event.get_absolute_url())
    assert data["location"] == {"@type": "Place", "name": "Heydar Aliyev Centre"}


def test_an_events_attendees_are_people_or_organizations_as_schema_org_asks():
    event = EventFactory(country=country("RU"), always_public=True)
    ParticipationFactory(event=event, country=country("AZ"))
    ParticipationFactory(
        event=event, country=None, organization=OrganizationFactory(name="OSCE", always_public=True)
    )
    [data] = json_ld(event.get_absolute_url())
    attendees = {a["name"]: a for a in data["attendee"]}
    assert set(attendees) == {"Azerbaijan", "OSCE"}
    assert attendees["Azerbaijan"]["@type"] == "GovernmentOrganization"  # an Organization
    assert attendees["Azerbaijan"]["areaServed"]["identifier"] == "AZ"
    assert attendees["OSCE"]["@type"] == "Organization"

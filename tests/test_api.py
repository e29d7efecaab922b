from datetime import date

import pytest

from events.models import ParticipationRole
from tests.factories import (
    AffiliationFactory,
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
    utc,
)

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["draft", "in_review", "scheduled", "embargoed", "withdrawn"]


def headlines(response) -> set[str]:
    return {item["headline"] for item in response.json()["results"]}


def test_api_root_lists_every_endpoint(api_client):
    body = api_client.get("/api/v1/").json()
    assert set(body) == {
        "articles",
        "events",
        "event-series",
        "countries",
        "cities",
        "organizations",
        "people",
        "webhooks",
    }


def test_article_list_has_compact_nested_tags_and_dateline(api_client):
    city = CityFactory(name="Astrakhan", country=country("RU"))
    event = EventFactory(name="Caspian Media Forum 2023", slug="caspian-media-forum-2023")
    ArticleFactory(
        headline="Forum in Astrakhan",
        dateline_raw="RUSSIA, Astrakhan, September 19.",
        dateline_city=city,
        dateline_date="2023-09-19",
        agency=AgencyFactory(name="Trend", slug="trend"),
        tags={"events": [event], "countries": [country("AZ")]},
    )
    item = api_client.get("/api/v1/articles/").json()["results"][0]
    assert item["dateline"] == {
        "raw": "RUSSIA, Astrakhan, September 19.",
        "city": {"id": city.pk, "name": "Astrakhan", "country": "RU"},
        "country": {"code": "RU", "name": "Russian Federation"},
        "date": "2023-09-19",
    }
    assert item["agency"] == {"slug": "trend", "name": "Trend"}
    assert item["events"] == [
        {"slug": "caspian-media-forum-2023", "name": "Caspian Media Forum 2023"}
    ]
    assert item["countries"] == [{"code": "AZ", "name": "Azerbaijan"}]
    assert item["url"].startswith("http://testserver/articles/")
    assert "body" not in item


def test_a_list_gives_each_reports_tags_as_its_detail_does_in_the_same_order(api_client):
    """Lists and details read tags as rows in each kind's model order: the same output."""
    events = [EventFactory(name=n, start_date=d) for n, d in (("Alpha", date(2021, 5, 1)),
              ("Beta", date(2023, 5, 1)), ("Gamma", date(2022, 5, 1)))]  # fmt: skip
    tags = {
        "events": events,
        "countries": [country("TM"), country("AZ"), country("KZ")],
        "organizations": [
            OrganizationFactory(name="Zeta Council"),
            OrganizationFactory(name="Aral Union"),
        ],
        "people": [PersonFactory(name="Omar Y"), PersonFactory(name="Anar B")],
    }
    first, second = ArticleFactory(tags=tags), ArticleFactory(tags={"countries": [country("RU")]})
    listed = {item["id"]: item for item in api_client.get("/api/v1/articles/").json()["results"]}
    for article in (first, second):
        detail = api_client.get(f"/api/v1/articles/{article.pk}/").json()
        for field in ("events", "countries", "organizations", "people"):
            assert listed[article.pk][field] == detail[field], field
    assert [e["name"] for e in listed[first.pk]["events"]] == ["Beta", "Gamma", "Alpha"]
    assert [c["code"] for c in listed[first.pk]["countries"]] == ["AZ", "KZ", "TM"]
    assert listed[second.pk]["people"] == []


def test_article_detail_has_body(api_client):
    article = ArticleFactory(body="<p>Full text here.</p>")
    body = api_client.get(f"/api/v1/articles/{article.pk}/").json()
    assert body["body"] == "<p>Full text here.</p>"
    assert body["headline"] == article.headline


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_report_is_absent_from_api_list_and_detail(api_client, state):
    event = EventFactory(slug="forum")
    hidden = ArticleFactory(
        headline="Secret", tags={"events": [event], "countries": [country("AZ")]}, **{state: True}
    )
    assert api_client.get("/api/v1/articles/").json()["results"] == []
    assert api_client.get(f"/api/v1/articles/{hidden.pk}/").status_code == (
        410 if state == "withdrawn" else 404
    )
    assert api_client.get("/api/v1/events/forum/").status_code == 404  # only it names the event
    assert api_client.get("/api/v1/countries/az/").json()["article_count"] == 0


def test_article_filters(api_client):
    agency = AgencyFactory(slug="tass", short_name="TASS")
    event = EventFactory(slug="forum")
    org = OrganizationFactory(slug="mda")
    person = PersonFactory(slug="ahmed-ismayilov")
    ArticleFactory(headline="event", tags={"events": [event]})
    ArticleFactory(headline="country", tags={"countries": [country("KZ")]})
    ArticleFactory(headline="organization", tags={"organizations": [org]})
    ArticleFactory(headline="person", tags={"people": [person]})
    ArticleFactory(headline="agency", agency=agency)
    ArticleFactory(headline="old", published_at=utc(2020, 1, 10, 12))
    cases = {
        "event=forum": {"event"},
        "country=KZ": {"country"},
        "country=kz": {"country"},
        "organization=mda": {"organization"},
        "person=ahmed-ismayilov": {"person"},
        "agency=tass": {"agency"},
        "agency=TASS": {"agency"},
        "published_before=2020-01-10": {"old"},
        "published_after=2020-01-10T12:00:01Z&published_before=2020-12-31": set(),
        "published_after=2020-01-10T11:00:00Z&published_before=2020-12-31": {"old"},
    }
    for query, expected in cases.items():
        assert headlines(api_client.get(f"/api/v1/articles/?{query}")) == expected, query


def test_malformed_filter_gives_400(api_client):
    response = api_client.get("/api/v1/articles/?published_after=yesterday")
    assert response.status_code == 400
    assert response.json()["errors"]["published_after"] == [
        "Enter a date (YYYY-MM-DD) or an ISO 8601 date-time."
    ]


def test_page_size_is_chosen_by_the_client(api_client):
    ArticleFactory.create_batch(3)
    body = api_client.get("/api/v1/articles/?page_size=2").json()
    assert len(body["results"]) == 2
    assert body["next"] and body["previous"] is None


def test_event_detail_has_participants_with_roles(api_client):
    event = EventFactory(
        slug="forum", city=CityFactory(name="Astrakhan", country=country("RU")), always_public=True
    )
    ParticipationFactory(event=event, country=country("AZ"), role=ParticipationRole.DELEGATION)
    ParticipationFactory(event=event, country=country("BY"), role=ParticipationRole.OBSERVER)
    body = api_client.get("/api/v1/events/forum/").json()
    assert body["country"] == {"code": "RU", "name": "Russian Federation"}
    roles = {(p["role"], p["country"]["code"]) for p in body["participants"]}
    assert roles == {("delegation", "AZ"), ("observer", "BY")}


def test_event_filters_by_country_and_upcoming(api_client):
    EventFactory(
        slug="past", start_date=utc(2020, 1, 1).date(), country=country("KZ"), always_public=True
    )
    EventFactory(slug="future", start_date=utc(2099, 1, 1).date(), always_public=True)
    assert [e["slug"] for e in api_client.get("/api/v1/events/?country=kz").json()["results"]] == [
        "past"
    ]
    assert [
        e["slug"] for e in api_client.get("/api/v1/events/?upcoming=true").json()["results"]
    ] == ["future"]


def test_country_list_and_detail(api_client):
    ArticleFactory(tags={"countries": [country("UZ")]})
    body = api_client.get("/api/v1/countries/?page_size=300").json()
    assert len(body["results"]) == 100 and body["next"]  # at most 100 a page
    uzbekistan = api_client.get("/api/v1/countries/UZ/").json()
    assert uzbekistan["article_count"] == 1
    assert uzbekistan["url"] == "http://testserver/countries/uz/"
    assert api_client.get("/api/v1/countries/xx/").status_code == 404


def test_organization_and_person_endpoints(api_client):
    mda = OrganizationFactory(
        name="Media Development Agency", slug="mda", country=country("AZ"), always_public=True
    )
    AffiliationFactory(
        person=PersonFactory(
            name="Ahmed Ismayilov",
            slug="ahmed-ismayilov",
            aliases=["Akhmad Ismayilov"],
            always_public=True,
        ),
        organization=mda,
    )
    assert api_client.get("/api/v1/organizations/mda/").json()["country"] == "AZ"
    person = api_client.get("/api/v1/people/ahmed-ismayilov/").json()
    assert person["aliases"] == ["Akhmad Ismayilov"]
    assert person["affiliations"][0]["organization"]["slug"] == "mda"
    assert [
        p["slug"] for p in api_client.get("/api/v1/people/?organization=mda").json()["results"]
    ] == ["ahmed-ismayilov"]
    assert api_client.get("/api/v1/organizations/?kind=news_agency").json()["results"] == []


@pytest.mark.parametrize(
    "query",
    [
        "published_after=9999-12-31T23:00:00-10:00",
        "published_before=0001-01-01T00:00:00%2B10:00",
        "published_after=2023-02-30",
    ],
)
def test_out_of_range_dates_give_400_not_500(api_client, query):
    assert api_client.get(f"/api/v1/articles/?{query}").status_code == 400


@pytest.mark.parametrize("endpoint", ["events", "organizations", "people", "countries"])
def test_odd_lookups_give_400_or_404_not_500(api_client, endpoint):
    for lookup in ["%00", "x%00y"]:  # NUL: refused before any look-up
        assert api_client.get(f"/api/v1/{endpoint}/{lookup}/").status_code == 400
    assert api_client.get(f"/api/v1/{endpoint}/%E2%80%AE/").status_code == 404


def test_a_non_numeric_article_id_is_404(api_client):
    assert api_client.get("/api/v1/articles/abc/").status_code == 404

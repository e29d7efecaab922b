"""Every public surface × every editorial state × every role: only published,
past-embargo reports reach the public, counts included — and so do the events,
organizations and people they name: a record only an unpublished report names is unknown
to the public (404, in no list), unless an editor marked it public.

Extend SURFACES as feeds, search and sitemaps arrive.
"""

from dataclasses import dataclass

import pytest
from django.test import Client

from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

HEADLINE = "Matrix headline 7f3a"
STATES = {
    "draft": {"draft": True},
    "in_review": {"in_review": True},
    "scheduled": {"scheduled": True},
    "embargoed": {"embargoed": True},
    "published": {},
    "withdrawn": {"withdrawn": True},
    "withdrawn while embargoed": {"withdrawn": True, "embargoed": True},
}
ROLES = ["anonymous", "reporter", "editor"]


@dataclass
class World:
    article: object
    event: object
    organization: object
    agency: object
    person: object


@pytest.fixture
def world(db):
    def build(state: str) -> World:
        event, org = EventFactory(slug="matrix-event"), OrganizationFactory(slug="matrix-org")
        agency, person = AgencyFactory(slug="matrix-agency"), PersonFactory(slug="matrix-person")
        article = ArticleFactory(
            headline=HEADLINE,
            agency=agency,
            tags={
                "events": [event],
                "countries": [country("KZ")],
                "organizations": [org],
                "people": [person],
            },
            **STATES[state],
        )
        return World(article, event, org, agency, person)

    return build


# name: (url for the world, kind): "list" shows the headline iff public; "detail" is the
# report's own address; "count:<json path or html marker>" checks a count.
SURFACES = {
    "home": (lambda w: "/", "list"),
    "article list": (lambda w: "/articles/", "list"),
    "article list filtered": (lambda w: "/articles/?country=kz&event=matrix-event", "list"),
    "article page": (lambda w: w.article.get_absolute_url(), "detail"),
    "event list": (lambda w: "/events/", "count-html"),
    "event page": (lambda w: "/events/matrix-event/", "entity-page"),
    "country index": (lambda w: "/countries/", "count-html"),
    "country page": (lambda w: "/countries/kz/", "list"),
    "organization page": (lambda w: "/organizations/matrix-org/", "entity-page"),
    "agency page": (lambda w: "/organizations/matrix-agency/", "entity-page"),
    "person page": (lambda w: "/people/matrix-person/", "entity-page"),
    "api article list": (lambda w: "/api/v1/articles/", "list"),
    "api article list filtered": (lambda w: "/api/v1/articles/?person=matrix-person", "list"),
    "api article detail": (lambda w: f"/api/v1/articles/{w.article.pk}/", "api-detail"),
    "api event detail": (lambda w: "/api/v1/events/matrix-event/", "count-json"),
    "api event list": (lambda w: "/api/v1/events/", "count-json-list"),
    "api organization detail": (lambda w: "/api/v1/organizations/matrix-org/", "entity-json"),
    "api organization list": (lambda w: "/api/v1/organizations/", "entity-json-list"),
    "api person detail": (lambda w: "/api/v1/people/matrix-person/", "entity-json"),
    "api person list": (lambda w: "/api/v1/people/", "entity-json-list"),
    "api country detail": (lambda w: "/api/v1/countries/kz/", "count-json"),
    "api country list": (lambda w: "/api/v1/countries/?page_size=100&page=2", "count-json-list"),
}


def client_as(role: str, request) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("surface", SURFACES)
def test_only_published_reports_reach_the_public(world, request, surface, state, role):
    w = world(state)
    url_for, kind = SURFACES[surface]
    response = client_as(role, request).get(url_for(w))
    public = state == "published"
    body = response.content.decode()
    if kind == "list":
        assert response.status_code == 200
        assert (HEADLINE in body) == public
    elif kind == "entity-page":  # only the unpublished report names it: unknown
        assert response.status_code == (200 if public else 404)
        assert (HEADLINE in body) == public
    elif kind == "entity-json":
        assert response.status_code == (200 if public else 404)
    elif kind == "entity-json-list":
        slugs = {item["slug"] for item in response.json()["results"]}
        assert bool(slugs & {"matrix-org", "matrix-person"}) == public
    elif kind == "detail":
        if state == "withdrawn":  # it was public: the address says it is gone
            assert response.status_code == 410
            assert "This report was withdrawn" in body
        elif public:
            assert response.status_code == 200 and "staff preview" not in body
        elif role == "anonymous":
            assert response.status_code == 404
        else:  # staff preview, clearly labelled, never indexed
            assert response.status_code == 200
            assert "staff preview" in body and 'content="noindex"' in body
    elif kind == "api-detail":
        expected = 410 if state == "withdrawn" else 200 if public else 404
        assert response.status_code == expected
        assert (HEADLINE in body) == (public or state == "withdrawn")  # never-public stays unknown
    elif kind == "count-json":  # a country is always public; the event only once named
        if "events" in url_for(w):
            assert response.status_code == (200 if public else 404)
        if response.status_code == 200:
            assert response.json()["article_count"] == (1 if public else 0)
    elif kind == "count-json-list":
        items = {i.get("slug") or i.get("code"): i for i in response.json()["results"]}
        item = items.get("matrix-event") or items.get("KZ")
        if "events" in url_for(w) and not public:
            assert item is None
        else:
            assert item["article_count"] == (1 if public else 0)
    elif kind == "count-html":
        counted = response.context.get("countries") or response.context.get("page_obj")
        counts = {getattr(o, "code", None) or o.slug: o.article_count for o in counted}
        if "events" in url_for(w):
            assert counts.get("matrix-event") == (1 if public else None)
        else:
            assert counts["KZ"] == (1 if public else 0)


ENTITY_PAGES = ["/events/matrix-event/", "/organizations/matrix-org/",
                "/people/matrix-person/", "/api/v1/events/matrix-event/",
                "/api/v1/organizations/matrix-org/", "/api/v1/people/matrix-person/"]  # fmt: skip


@pytest.mark.parametrize("state", [s for s in STATES if s != "published"])
def test_records_an_editor_marked_public_show_without_the_unpublished_report(client, state):
    event = EventFactory(slug="matrix-event", always_public=True)
    org = OrganizationFactory(slug="matrix-org", always_public=True)
    person = PersonFactory(slug="matrix-person", always_public=True)
    ArticleFactory(
        headline=HEADLINE,
        tags={"events": [event], "organizations": [org], "people": [person]},
        **STATES[state],
    )
    for url in ENTITY_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert HEADLINE not in response.content.decode()
    assert "matrix-event" in client.get("/events/").content.decode()
    listed = client.get("/api/v1/people/").json()["results"]
    assert [p["slug"] for p in listed] == ["matrix-person"]


def test_an_unpublished_story_does_not_reveal_who_it_names_on_public_pages(client):
    """Side lists too: an event's participants and organizers, a person's affiliations."""
    from tests.factories import AffiliationFactory, ParticipationFactory

    event = EventFactory(slug="summit", always_public=True)
    named = OrganizationFactory(name="Secret Holdings")
    ParticipationFactory(event=event, country=None, organization=named)
    event.organizers.add(named)
    person = PersonFactory(name="Public Figure", always_public=True)
    AffiliationFactory(person=person, organization=named)
    ArticleFactory(tags={"organizations": [named]}, draft=True)
    for url in ["/events/summit/", person.get_absolute_url(), "/api/v1/events/summit/",
                f"/api/v1/people/{person.slug}/"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200
        assert "Secret Holdings" not in response.content.decode(), url
    ArticleFactory(tags={"organizations": [named]})  # now a published report names it
    assert "Secret Holdings" in client.get("/events/summit/").content.decode()

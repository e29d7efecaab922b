"""Every public surface × every editorial state × every role: only published,
past-embargo reports reach the public, counts included.

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
    "event page": (lambda w: "/events/matrix-event/", "list"),
    "country index": (lambda w: "/countries/", "count-html"),
    "country page": (lambda w: "/countries/kz/", "list"),
    "organization page": (lambda w: "/organizations/matrix-org/", "list"),
    "agency page": (lambda w: "/organizations/matrix-agency/", "list"),
    "person page": (lambda w: "/people/matrix-person/", "list"),
    "api article list": (lambda w: "/api/v1/articles/", "list"),
    "api article list filtered": (lambda w: "/api/v1/articles/?person=matrix-person", "list"),
    "api article detail": (lambda w: f"/api/v1/articles/{w.article.pk}/", "api-detail"),
    "api event detail": (lambda w: "/api/v1/events/matrix-event/", "count-json"),
    "api event list": (lambda w: "/api/v1/events/", "count-json-list"),
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
    elif kind == "count-json":
        assert response.json()["article_count"] == (1 if public else 0)
    elif kind == "count-json-list":
        items = {i.get("slug") or i.get("code"): i for i in response.json()["results"]}
        item = items.get("matrix-event") or items.get("KZ")
        assert item["article_count"] == (1 if public else 0)
    elif kind == "count-html":
        counted = response.context.get("countries") or response.context.get("page_obj")
        counts = {getattr(o, "code", None) or o.slug: o.article_count for o in counted}
        assert counts.get("KZ", counts.get("matrix-event")) == (1 if public else 0)

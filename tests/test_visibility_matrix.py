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
# Each state's report is about a country of its own, so counts tell the states apart.
COUNTRIES = ["AF", "AM", "AZ", "BG", "BY", "CN", "GE"]  # all on the API's first page


@dataclass
class World:
    """One report in one state, with registry records only it names."""

    state: str
    headline: str
    code: str
    article: object
    event: object
    organization: object
    agency: object
    person: object


@pytest.fixture
def worlds(db) -> list[World]:
    """A world per state, all in one database: every surface is checked for all of them."""
    built = []
    for n, (state, traits) in enumerate(STATES.items()):
        event, org = (
            EventFactory(slug=f"matrix-event-{n}"),
            OrganizationFactory(slug=f"matrix-org-{n}"),
        )
        agency = AgencyFactory(slug=f"matrix-agency-{n}")
        person = PersonFactory(slug=f"matrix-person-{n}")
        headline = f"{HEADLINE} q{n}x"
        article = ArticleFactory(
            headline=headline,
            agency=agency,
            tags={
                "events": [event],
                "countries": [country(COUNTRIES[n])],
                "organizations": [org],
                "people": [person],
            },
            **traits,
        )
        built.append(World(state, headline, COUNTRIES[n], article, event, org, agency, person))
    return built


# name: (url for the world, kind): "list" shows the headline iff public; "detail" is the
# report's own address; "count-…" check a count; "entity-…" a registry record's entries.
SURFACES = {
    "home": (lambda w: "/", "list"),
    "article list": (lambda w: "/articles/", "list"),
    "article list filtered": (
        lambda w: f"/articles/?country={w.code.lower()}&event={w.event.slug}",
        "list",
    ),
    "article page": (lambda w: w.article.get_absolute_url(), "detail"),
    "event list": (lambda w: "/events/", "count-html"),
    "event page": (lambda w: w.event.get_absolute_url(), "entity-page"),
    "country index": (lambda w: "/countries/", "count-html"),
    "country page": (lambda w: f"/countries/{w.code.lower()}/", "list"),
    "organization page": (lambda w: w.organization.get_absolute_url(), "entity-page"),
    "agency page": (lambda w: w.agency.get_absolute_url(), "entity-page"),
    "person page": (lambda w: w.person.get_absolute_url(), "entity-page"),
    "api article list": (lambda w: "/api/v1/articles/", "list"),
    "api article list filtered": (lambda w: f"/api/v1/articles/?person={w.person.slug}", "list"),
    "api article detail": (lambda w: f"/api/v1/articles/{w.article.pk}/", "api-detail"),
    "api event detail": (lambda w: f"/api/v1/events/{w.event.slug}/", "count-json"),
    "api event list": (lambda w: "/api/v1/events/", "count-json-list"),
    "api organization detail": (
        lambda w: f"/api/v1/organizations/{w.organization.slug}/",
        "entity-json",
    ),
    "api organization list": (lambda w: "/api/v1/organizations/", "entity-json-list"),
    "api person detail": (lambda w: f"/api/v1/people/{w.person.slug}/", "entity-json"),
    "api person list": (lambda w: "/api/v1/people/", "entity-json-list"),
    "api country detail": (lambda w: f"/api/v1/countries/{w.code.lower()}/", "count-json"),
    "api country list": (lambda w: "/api/v1/countries/?page_size=100", "count-json-list"),
}


def client_as(role: str, request) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


@pytest.mark.parametrize("surface", SURFACES)
def test_only_published_reports_reach_the_public(worlds, request, surface):
    """Every state × every role on this surface (a shared page is fetched once per role)."""
    url_for, kind = SURFACES[surface]
    for role in ROLES:
        client, fetched = client_as(role, request), {}
        for w in worlds:
            url = url_for(w)
            if url not in fetched:
                fetched[url] = client.get(url)
            try:
                check(kind, fetched[url], w, role)
            except AssertionError as error:
                raise AssertionError(f"{surface}, {w.state}, {role}: {error}") from error


def check(kind: str, response, w: World, role: str) -> None:
    state, public = w.state, w.state == "published"
    body = response.content.decode()
    if kind == "list":
        # A filter naming a record nobody may see yet is refused like an unknown one.
        assert response.status_code == 200 or (not public and response.status_code == 400)
        assert (w.headline in body) == public
    elif kind == "entity-page":  # only the unpublished report names it: unknown
        assert response.status_code == (200 if public else 404)
        assert (w.headline in body) == public
    elif kind == "entity-json":
        assert response.status_code == (200 if public else 404)
    elif kind == "entity-json-list":
        slugs = {item["slug"] for item in response.json()["results"]}
        assert bool(slugs & {w.organization.slug, w.person.slug}) == public
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
        # A report that was never public stays unknown, headline included.
        assert (w.headline in body) == (public or state == "withdrawn")
    elif kind == "count-json":  # a country is always public; an event only once named
        if "/events/" in response.wsgi_request.path:
            assert response.status_code == (200 if public else 404)
        if response.status_code == 200:
            assert response.json()["article_count"] == (1 if public else 0)
    elif kind == "count-json-list":
        items = {i.get("slug") or i.get("code"): i for i in response.json()["results"]}
        if "/events/" in response.wsgi_request.path:
            item = items.get(w.event.slug)
            assert (item["article_count"] if item else None) == (1 if public else None)
        else:
            assert items[w.code]["article_count"] == (1 if public else 0)
    elif kind == "count-html":
        counted = response.context.get("countries") or response.context.get("page_obj")
        counts = {getattr(o, "code", None) or o.slug: o.article_count for o in counted}
        if "/events/" in response.wsgi_request.path:
            assert counts.get(w.event.slug) == (1 if public else None)
        else:
            assert counts[w.code] == (1 if public else 0)


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

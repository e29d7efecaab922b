"""Every public surface × every editorial state × every role: only published,
past-embargo reports reach the public, counts included — and so do the events,
organizations and people they name: a record only an unpublished report names is unknown
to the public (404, in no list), unless an editor marked it public.
"""

import re
from collections.abc import Iterator
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
from tests.helpers import shared_by_the_module

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


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker) -> Iterator[list[World]]:
    """A world per state, all in one database: every surface is checked for all of them."""
    with shared_by_the_module(django_db_blocker):
        yield _build_worlds()


def _build_worlds() -> list[World]:
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
    "search": (lambda w: "/search/?q=matrix+headline", "list"),
    "search filtered": (lambda w: f"/search/?q=matrix&country={w.code.lower()}", "list"),
    "latest feed (RSS)": (lambda w: "/feeds/latest/rss/", "list"),
    "latest feed (Atom)": (lambda w: "/feeds/latest/atom/", "list"),
    "country feed": (lambda w: f"/countries/{w.code.lower()}/feed/atom/", "list"),
    "event feed": (lambda w: f"{w.event.get_absolute_url()}feed/rss/", "entity-page"),
    "person feed": (lambda w: f"{w.person.get_absolute_url()}feed/atom/", "entity-page"),
    "news sitemap": (lambda w: "/sitemap-news.xml", "list"),
    "api article list": (lambda w: "/api/v1/articles/", "list"),
    "api article search": (lambda w: "/api/v1/articles/?q=matrix", "list"),
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
    body = re.sub(r"</?mark>", "", response.content.decode())  # search highlights words
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

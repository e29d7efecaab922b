"""Registry records an editor marked public show on their own, and side lists never name
a record only an unpublished report names (the matrix itself: test_visibility_matrix)."""

import pytest

from tests.factories import ArticleFactory, EventFactory, OrganizationFactory, PersonFactory
from tests.test_visibility_matrix import HEADLINE, STATES

pytestmark = pytest.mark.django_db


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

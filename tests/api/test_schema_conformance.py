"""Real answers of every endpoint validate against the OpenAPI schema the site serves,
as a strict OpenAPI 3.0 validator reads it (nullable only beside a type, oneOf exactly
one): what an integrator's generated client or validating proxy would do."""

import pytest
from openapi_schema_validator import OAS30ReadValidator
from rest_framework.test import APIClient

from integrations.models import Webhook
from tests.api.test_writing import as_integrator
from tests.factories import (
    ArticleFactory,
    CityFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema() -> dict:
    response = APIClient().get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def world(editor):
    series = EventSeriesFactory(slug="forum-series", website="")
    parent = OrganizationFactory(slug="ministry", always_public=True, website="")
    OrganizationFactory(slug="press-office", parent=parent, website="https://press.example/")
    event = EventFactory(slug="forum", series=series, city=CityFactory(), country=country("AZ"))
    ParticipationFactory(event=event, country=None, organization=parent)
    ParticipationFactory(event=event, country=country("KZ"))
    person = PersonFactory(slug="ahmed-ismayilov")
    original = ArticleFactory(
        tags={"events": [event], "countries": [country("AZ")], "people": [person]},
        source_url="",
    )
    ArticleFactory(correction_of=original, correction_note="Fixes a name.")
    ArticleFactory(source_url="https://wire.example/1").withdraw(by=editor, reason="Wrong.")
    Webhook.objects.create(owner=editor, url="https://partner.example/hook")
    return {"original": original}


def operation_schema(schema: dict, path: str, method: str, status: int, media: str) -> dict:
    answers = schema["paths"][path][method]["responses"]
    assert str(status) in answers, f"{method} {path}: {status} undocumented"
    return {**answers[str(status)]["content"][media]["schema"], "components": schema["components"]}


def check(client, schema: dict, url: str, path: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.content)
    media = response["Content-Type"].split(";")[0]
    validator = OAS30ReadValidator(operation_schema(schema, path, "get", status, media))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(response.json())]  # fmt: skip
    assert errors == [], url
    return response.json()


# (list path, detail path, what a detail is looked up by)
ENDPOINTS = [
    ("/api/v1/articles/", "/api/v1/articles/{id}/", "id"),
    ("/api/v1/events/", "/api/v1/events/{slug}/", "slug"),
    ("/api/v1/event-series/", "/api/v1/event-series/{slug}/", "slug"),
    ("/api/v1/organizations/", "/api/v1/organizations/{slug}/", "slug"),
    ("/api/v1/people/", "/api/v1/people/{slug}/", "slug"),
    ("/api/v1/countries/", "/api/v1/countries/{code}/", "code"),
    ("/api/v1/cities/", "/api/v1/cities/{id}/", "id"),
]


@pytest.mark.parametrize(("listed", "detail", "key"), ENDPOINTS)
def test_every_list_and_detail_answer_matches_the_schema(
    api_client, schema, world, listed, detail, key
):
    suffix = "?country=az&page_size=100" if "cities" in listed else "?page_size=100"
    page = check(api_client, schema, listed + suffix, listed)
    assert page["results"]
    for item in page["results"][:20]:
        check(api_client, schema, f"{listed}{item[key]}/", detail)


def test_null_parents_empty_websites_and_superseded_reports_match_the_schema(
    api_client, schema, world
):
    ministry = check(api_client, schema, "/api/v1/organizations/ministry/", "/api/v1/organizations/{slug}/")  # fmt: skip
    assert ministry["parent"] is None and ministry["website"] == ""
    event = check(api_client, schema, "/api/v1/events/forum/", "/api/v1/events/{slug}/")
    assert {p["country"] is None for p in event["participants"]} == {True, False}
    original = world["original"]
    report = check(api_client, schema, f"/api/v1/articles/{original.pk}/", "/api/v1/articles/{id}/")  # fmt: skip
    assert report["superseded_by"] is not None and report["source_url"] == ""


def test_a_sync_stream_page_and_a_withdrawn_reports_answer_match_the_schema(
    api_client, schema, world
):
    page = check(api_client, schema, "/api/v1/articles/?updated_since=2000-01-01", "/api/v1/articles/")  # fmt: skip
    assert {item["withdrawn"] for item in page["results"]} == {True, False}
    gone = next(item for item in page["results"] if item["withdrawn"])
    check(api_client, schema, f"/api/v1/articles/{gone['id']}/", "/api/v1/articles/{id}/", 410)


def test_an_integrators_webhooks_match_the_schema(editor, schema, world):
    client = as_integrator(editor)
    page = check(client, schema, "/api/v1/webhooks/", "/api/v1/webhooks/")
    check(client, schema, f"/api/v1/webhooks/{page['results'][0]['id']}/", "/api/v1/webhooks/{id}/")  # fmt: skip


def test_reads_are_open_to_anonymous_clients_and_writes_need_a_token(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            schemes = [next(iter(s), None) for s in operation["security"]]
            assert "cookieAuth" not in schemes, (method, path)
            anonymous = method == "get" and "webhooks" not in path
            assert (None in schemes) == anonymous, (method, path)


def test_ordering_and_page_size_parameters_name_their_allowed_values(schema):
    for path, operations in schema["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["name"] == "ordering":
                assert parameter["schema"]["enum"], path
            if parameter["name"] == "page_size":
                assert (parameter["schema"]["minimum"], parameter["schema"]["maximum"]) == (1, 100)

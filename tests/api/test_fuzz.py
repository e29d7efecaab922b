"""Schemathesis against the live OpenAPI schema: every operation, generated input, and
no server error, no answer that breaks the schema, no unpublished name anywhere.

Bounded: a few examples per operation, derandomized, so the suite stays fast and any
failure replays the same way.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from integrations.models import issue_token
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

SECRET_HEADLINE = "Draft scoop on the Caspian pipeline"
SECRET_NAMES = ("Zarina Unpublishedova", "Hidden Summit of Tomorrow", "Quiet Holding LLC")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
READ_EXAMPLES, WRITE_EXAMPLES = 8, 4


@pytest.fixture
def world(editor):
    series = EventSeriesFactory(slug="caspian-forum")
    event = EventFactory(
        slug="forum-2024", series=series, country=country("AZ"), city=CityFactory()
    )
    agency = AgencyFactory(slug="trend", short_name="Trend", always_public=True)
    for n in range(3):
        ArticleFactory(
            agency=agency,
            agency_item_id=f"T-{n}",
            tags={
                "events": [event],
                "countries": [country("AZ"), country("KZ")],
                "organizations": [OrganizationFactory()],
                "people": [PersonFactory()],
            },
        )
    ArticleFactory(tags={"countries": [country("GE")]}).withdraw(by=editor, reason="Wrong.")
    ArticleFactory(
        headline=SECRET_HEADLINE,
        draft=True,
        tags={
            "people": [PersonFactory(name=SECRET_NAMES[0])],
            "events": [EventFactory(name=SECRET_NAMES[1])],
            "organizations": [OrganizationFactory(name=SECRET_NAMES[2])],
        },
    )
    ArticleFactory(headline=SECRET_HEADLINE + " (embargoed)", embargoed=True)


def fuzz(operations, examples: int, headers: dict | None = None, *, anonymous: bool) -> int:
    """Run each operation on generated input; return how many requests were made."""
    calls = 0
    for result in operations:
        operation = result.ok()

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def run(case) -> None:
            nonlocal calls
            response = case.call(headers=headers)
            calls += 1
            case.validate_response(response, checks=CHECKS)
            if anonymous:
                text = response.text
                assert SECRET_HEADLINE not in text, case.as_curl_command()
                assert not any(name in text for name in SECRET_NAMES), case.as_curl_command()

        run()
    return calls


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """Keep the test's database connection across the WSGI calls, as Django's test client
    does: at the end of a request Django would close it, and the test transaction with it."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def load_schema():
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())


def test_anonymous_reads_never_fail_break_the_schema_or_leak(world):
    schema = load_schema()
    reads = schema.include(method="GET").get_all_operations()
    assert fuzz(reads, READ_EXAMPLES, anonymous=True) > 80


def test_writes_with_a_token_never_fail_or_break_the_schema(world, editor, registry_editor):
    editor.groups.add(*registry_editor.groups.all())  # may write reports and registries
    _, key = issue_token(editor, by=editor)
    schema = load_schema()
    writes = schema.exclude(method="GET").get_all_operations()
    headers = {"Authorization": f"Bearer {key}"}
    assert fuzz(writes, WRITE_EXAMPLES, headers, anonymous=False) > 30

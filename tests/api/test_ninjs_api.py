"""IPTC ninjs through the API: per report, per list, per event; valid against IPTC's
schemas; and read back by the wire desk's import."""

import json

import pytest

from articles.models import Article
from tests.api.test_writing import as_integrator
from tests.articles.test_ninjs_export import problems
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


@pytest.fixture
def report():
    return ArticleFactory(
        headline="Caspian ministers meet in Aktau",
        summary="Five foreign ministers met.",
        body="<p>AKTAU, May 2 (Kazinform) - Five ministers met on Thursday.</p>",
        dateline_raw="AKTAU, May 2 (Kazinform)",
        dateline_city=CityFactory(name="Aktau", country=country("KZ"), geonames_id=610612),
        agency=AgencyFactory(slug="kazinform", name="Kazinform"),
        agency_item_id="KZ-2024-0502-17",
        language="en",
        tags={
            "events": [EventFactory(slug="caspian-council")],
            "countries": [country("KZ"), country("AZ")],
            "organizations": [OrganizationFactory(slug="caspian-council-org")],
            "people": [PersonFactory(slug="a-minister")],
        },
    )


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_a_report_as_ninjs_is_valid_and_carries_its_version_etag(api_client, report, version):
    response = api_client.get(f"/api/v1/articles/{report.pk}/ninjs/?version={version}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ninjs+json")
    doc = response.json()
    assert problems(doc, version) == []
    assert response["ETag"].startswith(f'"a{report.pk}v{report.version}-ninjs{version}-')
    pub = doc.get("pubStatus") or doc.get("pubstatus")
    assert pub == "usable"


def test_the_default_is_3_1_and_an_unknown_version_is_a_400(api_client, report):
    doc = api_client.get(f"/api/v1/articles/{report.pk}/ninjs/").json()
    assert doc["standard"]["version"].startswith("3.1")
    bad = api_client.get(f"/api/v1/articles/{report.pk}/ninjs/?version=9")
    assert bad.status_code == 400 and "version" in bad.json()["errors"]


def test_lists_in_ninjs_by_format_or_accept(api_client, report):
    by_format = api_client.get("/api/v1/articles/?format=ninjs&country=kz").json()
    by_accept = api_client.get(
        "/api/v1/articles/?country=kz", HTTP_ACCEPT="application/ninjs+json"
    ).json()
    assert by_format["results"] == by_accept["results"] and len(by_accept["results"]) == 1
    assert problems(by_accept["results"][0], "3.1") == []
    detail = api_client.get(f"/api/v1/articles/{report.pk}/", HTTP_ACCEPT="application/ninjs+json")
    assert detail.json() == by_accept["results"][0]


def test_an_unpublished_report_has_no_public_ninjs(api_client):
    draft = ArticleFactory(draft=True)
    assert api_client.get(f"/api/v1/articles/{draft.pk}/ninjs/").status_code == 404


def test_an_event_as_ninjs(api_client):
    event = EventFactory(slug="summit", always_public=True, country=country("UZ"))
    ParticipationFactory(event=event, country=country("TJ"))
    response = api_client.get("/api/v1/events/summit/ninjs/")
    assert response.status_code == 200
    doc = response.json()
    assert doc["type"] == "event" and problems(doc, "3.1") == []


def test_what_the_api_writes_the_wire_desk_reads_back(api_client, report, reporter):
    doc = api_client.get(f"/api/v1/articles/{report.pk}/ninjs/").json()
    doc["altIds"] = [{"role": "agency-item-id", "value": "KZ-2024-0502-18"}]  # a new item
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", json.dumps(doc), content_type="application/ninjs+json"
    )
    assert response.status_code == 201, response.content
    copy = Article.objects.get(pk=response.json()["article"]["id"])
    fields = ("headline", "summary", "dateline_raw", "dateline_city_id", "dateline_country_id",
              "agency_id", "language")  # fmt: skip
    assert {f: getattr(copy, f) for f in fields} == {f: getattr(report, f) for f in fields}
    assert "Five ministers met on Thursday." in copy.body
    assert copy.agency_item_id == "KZ-2024-0502-18"
    tags = ("events", "countries", "organizations", "people")
    assert {t: set(getattr(copy, t).all()) for t in tags} == {
        t: set(getattr(report, t).all()) for t in tags
    }


def test_a_page_of_ninjs_is_read_back_whole_by_the_wire_desk(api_client, report):
    from ingest.parsers.ninjs import parse_ninjs

    page = api_client.get("/api/v1/articles/?format=ninjs").content
    assert [r.headline for r in parse_ninjs(page)] == [report.headline]


@pytest.mark.parametrize("version", ["3.1", "2.2"])
def test_a_withdrawn_report_asked_as_ninjs_answers_410_with_a_canceled_ninjs_document(
    api_client, editor, report, version
):
    report.withdraw(by=editor, reason="The ministry retracted the figures.")
    for response in (
        api_client.get(f"/api/v1/articles/{report.pk}/ninjs/?version={version}"),
        api_client.get(
            f"/api/v1/articles/{report.pk}/?version={version}",
            HTTP_ACCEPT="application/ninjs+json",
        ),
    ):
        assert response.status_code == 410
        document = response.json()
        assert problems(document, version) == []
        status = document.get("pubStatus", document.get("pubstatus"))
        assert status == "canceled" and "Five ministers met" not in json.dumps(document)


def test_a_token_that_reads_drafts_sees_their_state_in_json(editor):
    draft = ArticleFactory(draft=True)
    body = as_integrator(editor).get(f"/api/v1/articles/{draft.pk}/").json()
    assert (body["status"], body["withdrawn_at"], body["embargo_until"]) == ("draft", None, None)


@pytest.mark.parametrize(
    ("accept", "kind"),
    [
        ("application/json;q=0.5, application/ninjs+json", "ninjs"),
        ("application/ninjs+json;q=0.4, application/json;q=0.9", "json"),
        ("application/ninjs+json;q=0, application/json", "json"),
    ],
)
def test_the_accept_headers_quality_values_decide(api_client, accept, kind):
    """Earlier integrator reviews: the first listed type won whatever its `q`, and a type
    refused with `q=0` was served."""
    report = ArticleFactory()
    response = api_client.get(f"/api/v1/articles/{report.pk}/", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert ("uri" in response.json()) == (kind == "ninjs")


def test_an_accept_header_refusing_every_type_is_a_406(api_client):
    report = ArticleFactory()
    refused = api_client.get(f"/api/v1/articles/{report.pk}/", HTTP_ACCEPT="*/*;q=0")
    assert refused.status_code == 406


def test_the_ninjs_version_may_be_asked_in_the_accept_header(api_client):
    report = ArticleFactory()
    url = f"/api/v1/articles/{report.pk}/"
    older = api_client.get(url, HTTP_ACCEPT="application/ninjs+json; version=2.2").json()
    newer = api_client.get(url, HTTP_ACCEPT="application/ninjs+json").json()
    assert (older["standard"]["version"], newer["standard"]["version"]) == ("2.2", "3.1")


def test_the_sync_stream_asked_as_ninjs_by_accept_is_a_406(api_client):
    stream = "/api/v1/articles/?updated_since=2000-01-01"
    assert api_client.get(stream, HTTP_ACCEPT="application/ninjs+json").status_code == 406
    assert api_client.get(f"{stream}&format=ninjs").status_code == 400  # a parameter: its error

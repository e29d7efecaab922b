"""A report replaced by a public correction or update says so through the API: its
detail and ninjs name the successor (the stream sends the successor, naming it)."""

import pytest
import time_machine

from articles.models import Article
from tests.articles.test_ninjs_export import problems
from tests.factories import ArticleFactory, utc

pytestmark = pytest.mark.django_db


def detail(api_client, report: Article) -> dict:
    response = api_client.get(f"/api/v1/articles/{report.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def ninjs(api_client, report: Article, version: str) -> dict:
    response = api_client.get(f"/api/v1/articles/{report.pk}/ninjs/?version={version}")
    assert response.status_code == 200, response.content
    document = response.json()
    assert problems(document, version) == []
    return document


def successor_links(document: dict) -> list[tuple[str, str]]:
    """(rel, uri) of the links to later reports, as 3.1 (rel) and 2.2 (name) spell them."""
    links = [(a.get("rel", a["name"]), a["uri"]) for a in document.get("associations", [])]
    return [(rel, uri) for rel, uri in links if rel.endswith("-by")]


def stream(api_client, url: str = "/api/v1/articles/?updated_since=2024-01-01") -> dict:
    response = api_client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_report_names_its_correction_only_once_the_correction_is_public(api_client):
    with time_machine.travel(utc(2024, 3, 1, 8), tick=False):
        original = ArticleFactory(published_at=utc(2024, 3, 1, 7))
        ArticleFactory(draft=True, correction_of=original, headline="Draft correction")
        correction = ArticleFactory(
            correction_of=original, headline="Corrected", published_at=utc(2024, 3, 1, 12)
        )
        before = detail(api_client, original)
        assert (before["superseded_by"], before["superseded_at"]) == (None, None)
        for version in ("3.1", "2.2"):
            assert successor_links(ninjs(api_client, original, version)) == []

    with time_machine.travel(utc(2024, 3, 1, 13), tick=False):
        after = detail(api_client, original)
        assert after["superseded_by"] == {
            "id": correction.pk,
            "kind": "correction",
            "headline": "Corrected",
            "api_url": f"http://testserver/api/v1/articles/{correction.pk}/",
            "url": f"http://testserver{correction.get_absolute_url()}",
        }
        assert after["superseded_at"] == "2024-03-01T12:00:00Z"
        assert after["version"] == before["version"]
        uri = f"urn:newsroom:article:{correction.pk}"
        for version in ("3.1", "2.2"):
            assert successor_links(ninjs(api_client, original, version)) == [("corrected-by", uri)]


def test_a_report_names_its_newest_public_update(api_client):
    original = ArticleFactory(published_at=utc(2024, 3, 1, 7))
    ArticleFactory(update_of=original, published_at=utc(2024, 3, 1, 8))
    newest = ArticleFactory(update_of=original, published_at=utc(2024, 3, 1, 9))

    data = detail(api_client, original)
    assert (data["superseded_by"]["id"], data["superseded_by"]["kind"]) == (newest.pk, "update")
    assert data["superseded_at"] == "2024-03-01T08:00:00Z"  # when it was first replaced
    uri = f"urn:newsroom:article:{newest.pk}"
    assert successor_links(ninjs(api_client, original, "3.1")) == [("updated-by", uri)]
    assert detail(api_client, newest)["superseded_by"] is None


def test_sync_stream_tells_a_mirror_of_a_correction_through_the_correction(api_client):
    """The stream sends the correction, which names the report it replaces; a mirror that
    reads the replaced report afterwards finds `superseded_by` on it."""
    with time_machine.travel(utc(2024, 3, 1, 8), tick=False):
        original = ArticleFactory(headline="original", published_at=utc(2024, 3, 1, 7))
        first = stream(api_client)
    assert first["results"][0]["superseded_by"] is None

    with time_machine.travel(utc(2024, 3, 1, 9), tick=False):
        correction = ArticleFactory(
            headline="correction", correction_of=original, published_at=utc(2024, 3, 1, 9)
        )
        later = stream(api_client, first["sync"])
        afresh = stream(api_client)
    assert [(i["headline"], i["correction_of"]) for i in later["results"]] == [
        ("correction", original.pk)
    ]
    items = {item["headline"]: item for item in afresh["results"]}
    assert items["original"]["superseded_by"]["id"] == correction.pk
    assert items["original"]["superseded_by"]["kind"] == "correction"


def test_a_scheduled_newer_correction_is_not_named_before_its_time(api_client):
    """`superseded_by` names public successors only: a newer correction still scheduled
    leaves the public one named (a review's uncaught mutation)."""
    with time_machine.travel(utc(2024, 3, 1, 10), tick=False):
        original = ArticleFactory(published_at=utc(2024, 3, 1, 7))
        public = ArticleFactory(correction_of=original, published_at=utc(2024, 3, 1, 8))
        ArticleFactory(correction_of=original, published_at=utc(2024, 3, 2, 8))  # tomorrow
        assert detail(api_client, original)["superseded_by"]["id"] == public.pk

"""Integrators manage their own webhooks with their token."""

import pytest
from rest_framework.test import APIClient

from integrations.models import Webhook
from tests.api.test_writing import as_integrator
from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_hosts(monkeypatch):
    """Every host resolves to a public address (no network in tests)."""
    monkeypatch.setattr("integrations.addresses.public_addresses", lambda checked: ["203.0.113.10"])


def test_an_integrator_registers_lists_changes_and_removes_its_webhooks(
    reporter, editor, public_hosts
):
    client = as_integrator(reporter)
    ArticleFactory(tags={"events": [EventFactory(slug="forum")]})
    created = client.post(
        "/api/v1/webhooks/",
        {"url": "https://partner.example/hook", "events": ["published"], "country": "az",
         "event": "forum"},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["country"] == "AZ" and body["event"] == "forum" and len(body["secret"]) >= 32
    hook = Webhook.objects.get(pk=body["id"])
    assert hook.owner == reporter and hook.events == ["published"]
    assert [w["id"] for w in client.get("/api/v1/webhooks/").json()["results"]] == [hook.pk]
    # Another integrator neither sees nor touches it.
    other = as_integrator(editor)
    assert other.get("/api/v1/webhooks/").json()["results"] == []
    assert other.delete(f"/api/v1/webhooks/{hook.pk}/").status_code == 404
    paused = client.patch(f"/api/v1/webhooks/{hook.pk}/", {"active": False}, format="json")
    assert paused.status_code == 200 and paused.json()["active"] is False
    assert client.delete(f"/api/v1/webhooks/{hook.pk}/").status_code == 204
    assert not Webhook.objects.exists()


def test_webhooks_need_a_token_and_sane_values(reporter, client_for, public_hosts):
    assert APIClient().get("/api/v1/webhooks/").status_code == 401
    assert client_for(reporter).get("/api/v1/webhooks/").status_code == 403  # a session
    client = as_integrator(reporter)
    bad = client.post(
        "/api/v1/webhooks/",
        {"url": "https://partner.example/hook", "events": ["deleted"], "event": "secret-event"},
        format="json",
    )
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"events", "event"}


def test_a_private_address_is_refused(reporter):
    response = as_integrator(reporter).post(
        "/api/v1/webhooks/", {"url": "https://127.0.0.1/hook"}, format="json"
    )
    assert response.status_code == 400 and "url" in response.json()["errors"]

"""Ingest of a feed item by item, and what an account that may only add reports may send
(the third integrator review, docs/benchmarks.md): one item that cannot be imported no
longer loses the feed, and such an account files its own copy, never another's."""

import json

import pytest
from django.contrib.auth.models import Permission

from articles.models import Article
from ingest.models import IncomingVersion
from tests.api.test_writing import as_integrator
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kazinform: latest</title>
<item><guid>KZ-10</guid><title>Ministers meet in Aktau</title>
<description>AKTAU, May 2 (Kazinform) - Ministers met in Aktau on Thursday to agree the
route of the new ferry line across the Caspian.</description></item>
<item><guid>KZ-11</guid><title>URGENT: Ferry line agreed</title></item>
<item><guid>KZ-12</guid><title>Port fees to fall</title>
<description>AKTAU, May 2 (Kazinform) - Port fees will fall next year, the transport
minister said after the meeting.</description></item>
</channel></rss>"""

ITEM = {
    "uri": "urn:kazinform:77",
    "type": "text",
    "version": "1",
    "headline": "Ministers meet in Aktau",
    "body_html": "<p>Ministers met in Aktau on Thursday.</p>",
    "altIds": [{"role": "agency-item-id", "value": "KZ-77"}],
    "infoSources": [{"name": "Kazinform", "role": "originator"}],
}


def post(client, body: str, content_type: str):
    return client.generic("POST", "/api/v1/ingest/", body, content_type=content_type)


def send(client, item: dict):
    return post(client, json.dumps(item), "application/ninjs+json")


@pytest.fixture
def add_only(django_user_model):
    """An integrator's account that may add reports, and nothing else."""
    user = django_user_model.objects.create_user("wire-partner", password="pw-partner-2023")
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    return user


def test_a_feed_imports_every_item_it_can_and_says_why_not_for_the_others(reporter):
    AgencyFactory(slug="kazinform", name="Kazinform")
    response = post(as_integrator(reporter), FEED, "application/rss+xml")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["action"] for r in results] == ["created", "failed", "created"]
    assert results[1]["item"] == 2 and "No text" in results[1]["errors"][0]
    assert set(Article.objects.values_list("headline", flat=True)) == {
        "Ministers meet in Aktau",
        "Port fees to fall",
    }


def test_the_same_feed_again_changes_nothing(reporter):
    client = as_integrator(reporter)
    post(client, FEED, "application/rss+xml")
    again = post(client, FEED, "application/rss+xml").json()["results"]
    assert [r["action"] for r in again] == ["duplicate", "failed", "duplicate"]
    assert Article.objects.count() == 2


def test_an_add_only_account_may_send_new_versions_of_its_own_copy(add_only):
    client = as_integrator(add_only)
    assert send(client, ITEM).status_code == 201
    updated = send(client, {**ITEM, "version": "2", "headline": "Ministers agree in Aktau"})
    assert updated.status_code == 200 and updated.json()["action"] == "updated"
    assert Article.objects.get().headline == "Ministers agree in Aktau"


def test_an_add_only_account_cannot_overwrite_another_accounts_report(reporter, add_only):
    assert send(as_integrator(reporter), ITEM).status_code == 201
    hijack = send(as_integrator(add_only), {**ITEM, "version": "2", "headline": "HIJACKED"})
    assert hijack.status_code == 403
    assert "permission to change reports" in hijack.json()["detail"]
    assert Article.objects.get().headline == "Ministers meet in Aktau"


def test_an_add_only_account_cannot_raise_a_kill_notice_on_another_accounts_report(
    reporter, add_only
):
    assert send(as_integrator(reporter), ITEM).status_code == 201
    forged = send(as_integrator(add_only), {**ITEM, "version": "2", "pubStatus": "canceled"})
    assert forged.status_code == 403
    assert not IncomingVersion.objects.exists()


def test_an_account_that_may_change_reports_sends_new_versions_of_any(reporter, editor):
    assert send(as_integrator(reporter), ITEM).status_code == 201
    updated = send(as_integrator(editor), {**ITEM, "version": "2", "headline": "Ministers agree"})
    assert updated.status_code == 200 and updated.json()["action"] == "updated"


def test_a_feed_item_for_another_accounts_report_fails_alone(reporter, add_only):
    AgencyFactory(slug="kazinform", name="Kazinform")
    post(as_integrator(reporter), FEED, "application/rss+xml")
    changed = FEED.replace("Port fees will fall next year", "Port fees will fall in March")
    results = post(as_integrator(add_only), changed, "application/rss+xml").json()["results"]
    assert results[2]["action"] == "failed"
    assert "permission to change reports" in results[2]["errors"][0]
    assert "next year" in Article.objects.get(headline="Port fees to fall").body

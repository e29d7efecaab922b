"""Who may keep a copy: shared caches for public answers, nobody for personal ones; CSP."""

import pytest
from django.test import Client

from tests.factories import ArticleFactory, country

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=60"
PERSONAL = ("private", "no-store")


def personal(response) -> bool:
    return all(word in response["Cache-Control"] for word in PERSONAL)


@pytest.mark.parametrize("url", ["/", "/countries/az/", "/api/v1/articles/", "/api/v1/countries/"])
def test_public_answers_may_be_shared_briefly_and_revalidated(client, url):
    ArticleFactory(tags={"countries": [country("AZ")]})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    etag = response["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_the_shared_lifetime_is_a_setting(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 15
    assert client.get("/countries/")["Cache-Control"] == "public, max-age=15"


def test_gone_and_missing_pages_are_shared_as_briefly(client):
    gone = ArticleFactory(withdrawn=True)
    response = client.get(gone.get_absolute_url())
    assert response.status_code == 410
    assert response["Cache-Control"] == PUBLIC
    assert client.get("/countries/zz/")["Cache-Control"] == PUBLIC


def test_a_staff_preview_is_kept_by_no_cache(client_for, editor):
    embargoed = ArticleFactory(embargoed=True, headline="Held until noon")
    response = client_for(editor).get(embargoed.get_absolute_url())
    assert response.status_code == 200 and "Held until noon" in response.content.decode()
    assert personal(response)
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


@pytest.mark.parametrize("url", ["/", "/api/v1/articles/", "/admin/", "/admin/articles/article/"])
def test_whatever_a_signed_in_person_sees_is_kept_by_no_cache(client_for, editor, url):
    response = client_for(editor).get(url)
    assert response.status_code == 200
    assert personal(response)


def test_the_public_page_cache_serves_its_copies_with_the_same_policy(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    ArticleFactory(tags={"countries": [country("AZ")]})
    first, second = client.get("/countries/az/"), client.get("/countries/az/")
    assert second["X-Page-Cache"] == "hit"
    assert second["Cache-Control"] == PUBLIC
    assert second["ETag"] == first["ETag"]


def test_a_sign_in_form_setting_a_cookie_is_not_shared():
    response = Client().get("/admin/login/")
    assert personal(response)


def test_every_answer_carries_a_content_security_policy(client, admin_client):
    policy = client.get("/")["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                      "frame-ancestors 'none'", "base-uri 'none'"):  # fmt: skip
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in admin_client.get("/admin/")["Content-Security-Policy"]
    browsable = client.get("/api/v1/", HTTP_ACCEPT="text/html")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in browsable  # DRF's own inline styles only
    assert "script-src 'self'" in browsable


@pytest.mark.parametrize("url", ["/", "/api/v1/articles/"])
def test_a_shared_answer_varies_on_authorization(client, url):
    """A CDN must not hand the anonymous answer to a client sending a token (which may see
    its own drafts): shared answers name Authorization among what they vary on."""
    assert "Authorization" in client.get(url)["Vary"]


@pytest.mark.parametrize("suffix", ["", "ninjs/"])
def test_an_api_404_for_a_report_not_public_yet_is_kept_by_no_cache(client, suffix):
    scheduled = ArticleFactory(scheduled=True)
    response = client.get(f"/api/v1/articles/{scheduled.pk}/{suffix}")
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-cache"  # its time may come within the minute


def test_an_api_410_for_a_withdrawn_report_is_shared_briefly(client):
    gone = ArticleFactory(withdrawn=True)
    response = client.get(f"/api/v1/articles/{gone.pk}/")
    assert response.status_code == 410
    assert response["Cache-Control"] == PUBLIC

"""The site behind a real shared HTTP cache (hishel, following RFC 9111 as a CDN or proxy
does): anonymous answers are kept and revalidated, and no answer to a token or a
signed-in session is ever kept or handed to anyone else."""

import datetime
import sqlite3
import time
from collections.abc import Iterator

import hishel
import httpx
import pytest
import time_machine
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils.http import http_date
from hishel.httpx import CacheTransport

from integrations.models import issue_token
from tests.factories import ArticleFactory, EventFactory, utc

pytestmark = pytest.mark.django_db

NOW = utc(2024, 5, 10, 12)
PUBLIC = ["/api/v1/articles/", "/", "/feeds/latest/atom/", "/events/calendar.ics", "/sitemap.xml"]


class CountingTransport(httpx.WSGITransport):
    """The site itself (no socket), counting the requests that reach it. It adds the Date
    header as the WSGI server does (gunicorn, runserver): a cache counts age from it.
    Like Django's test client, it keeps the test's database connection open at the start
    and end of a request (its transaction holds the test's rows)."""

    def __init__(self) -> None:
        super().__init__(app=get_wsgi_application())
        self.asked: list[httpx.Headers] = []  # each request's headers, as sent

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.asked.append(httpx.Headers(request.headers))
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
        try:
            answer = super().handle_request(request)
            body = answer.read()  # to its end, which finishes the request
            answer.close()
        finally:
            for signal in (request_started, request_finished):
                signal.connect(close_old_connections)
        response = httpx.Response(answer.status_code, headers=answer.headers, content=body)
        response.headers.setdefault("Date", http_date(time.time()))
        return response


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    """The time the cache and the site both read, moved on by the tests."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def site() -> CountingTransport:
    return CountingTransport()


@pytest.fixture
def cdn(site) -> Iterator[httpx.Client]:
    """A client behind a shared cache in front of the site."""
    storage = hishel.SqliteStorage(connection=sqlite3.connect(":memory:", check_same_thread=False))
    shared = CacheTransport(site, storage=storage, rfc=hishel.CacheOptions(shared=True))
    with httpx.Client(transport=shared, base_url="http://testserver") as client:
        yield client


def cached(response: httpx.Response) -> bool:
    return response.extensions["caching"]["from_cache"]


def stored(response: httpx.Response) -> bool:
    return response.extensions["caching"]["stored"]


@pytest.mark.parametrize("address", PUBLIC)
def test_a_shared_cache_serves_an_anonymous_answer_again_without_asking(cdn, site, clock, address):
    EventFactory(always_public=True)
    report = ArticleFactory(headline="Forum opens")
    for path in (address, f"/api/v1/articles/{report.pk}/"):
        first = cdn.get(path)
        clock.shift(datetime.timedelta(seconds=30))  # within max-age=60
        asked = len(site.asked)
        again = cdn.get(path)
        assert first.status_code == 200 and stored(first), path
        assert cached(again) and len(site.asked) == asked, path
        assert again.content == first.content


@pytest.mark.parametrize("address", ["/api/v1/articles/", "/feeds/latest/atom/"])
def test_a_stale_answer_is_revalidated_and_served_on_a_304(cdn, site, clock, address):
    ArticleFactory(headline="Forum opens")
    first = cdn.get(address)
    clock.shift(datetime.timedelta(minutes=5))
    again = cdn.get(address)
    assert again.extensions["caching"]["revalidated"] and cached(again)
    assert site.asked[-1]["If-None-Match"] == first.headers["ETag"]
    assert again.content == first.content


def test_an_answer_to_a_token_is_never_kept_nor_handed_to_anyone(cdn, site, clock, editor):
    _, key = issue_token(editor)
    token = {"Authorization": f"Bearer {key}"}
    draft = ArticleFactory(headline="Secret draft", draft=True)
    public = ArticleFactory(headline="Forum opens")
    for path in (f"/api/v1/articles/{draft.pk}/", f"/api/v1/articles/{draft.pk}/ninjs/"):
        answer = cdn.get(path, headers=token)
        assert answer.status_code == 200 and "Secret draft" in answer.text, path
        assert not stored(answer)
        assert "Secret draft" not in cdn.get(path).text  # anonymous: the site says no
    anonymous = cdn.get(f"/api/v1/articles/{public.pk}/")
    assert stored(anonymous)
    asked = len(site.asked)
    with_token = cdn.get(f"/api/v1/articles/{public.pk}/", headers=token)
    assert len(site.asked) == asked + 1 and not stored(with_token)  # the site answers it
    assert "Authorization" in anonymous.headers["Vary"]


def test_a_signed_in_editors_pages_are_never_kept(cdn, clock, client_for, editor):
    session = {"Cookie": f"sessionid={client_for(editor).cookies['sessionid'].value}"}
    embargoed = ArticleFactory(headline="Held until noon", embargoed=True)
    preview = cdn.get(embargoed.get_absolute_url(), headers=session)
    assert preview.status_code == 200 and "Held until noon" in preview.text
    assert not stored(preview)
    assert cdn.get(embargoed.get_absolute_url()).status_code == 404  # not the preview
    home = cdn.get("/", headers=session)
    assert not cached(home) and not stored(home)

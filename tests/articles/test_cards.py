"""Report cards are rendered once and kept, and never shown stale."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import ArticleFactory, EventFactory, country

pytestmark = pytest.mark.django_db


@pytest.fixture
def cards_cached(settings):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_second_reading_takes_the_cards_from_the_cache(client, cards_cached):
    event = EventFactory(name="Caspian Media Forum 2023")
    for _ in range(3):
        ArticleFactory(tags={"events": [event], "countries": [country("AZ")]})
    with CaptureQueriesContext(connection) as first:
        page = client.get("/countries/az/").content.decode()
    with CaptureQueriesContext(connection) as again:
        same = client.get("/countries/az/").content.decode()
    tag_reads = [q for q in first.captured_queries if "articles_article_events" in q["sql"]]
    assert tag_reads  # the cards' tags were read once…
    assert not [q for q in again.captured_queries if "articles_article_events" in q["sql"]]
    assert same.count("Caspian Media Forum 2023") == page.count("Caspian Media Forum 2023") >= 3


def test_an_edited_report_gets_a_new_card(client, cards_cached, django_capture_on_commit_callbacks):
    article = ArticleFactory(headline="Ferries resume", tags={"countries": [country("AZ")]})
    assert "Ferries resume" in client.get("/countries/az/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Ferries resume after the storm"
        article.save()
    page = client.get("/countries/az/").content.decode()
    assert "Ferries resume after the storm" in page


def test_a_renamed_tag_shows_on_every_card_at_once(
    client, cards_cached, django_capture_on_commit_callbacks
):
    event = EventFactory(name="Caspian Forum")
    ArticleFactory(tags={"events": [event], "countries": [country("AZ")]})
    assert "Caspian Forum" in client.get("/countries/az/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        event.name = "Caspian Media Forum"
        event.save()
    page = client.get("/countries/az/").content.decode()
    assert ">Caspian Media Forum</a>" in page


def test_a_withdrawn_report_leaves_the_list_though_its_card_is_cached(
    client, cards_cached, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline="Bridge opens", tags={"countries": [country("AZ")]})
    assert "Bridge opens" in client.get("/countries/az/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=article.pk).update(status="withdrawn")
    assert "Bridge opens" not in client.get("/countries/az/").content.decode()


@pytest.mark.parametrize("cached", [False, True])
def test_a_card_links_its_events_and_countries_in_their_order(client, settings, cached):
    settings.FRAGMENT_CACHE_SECONDS = 3600 if cached else 0
    cache.clear()
    forum = EventFactory(name="Caspian Media Forum", slug="caspian-media-forum")
    ArticleFactory(
        headline="Ferries resume",
        tags={"events": [forum], "countries": [country("RU"), country("AZ")]},
    )
    for _ in range(2):  # rendered, then (cache on) read back from the cache
        page = client.get("/articles/").content.decode()
        card = page[page.index("Ferries resume") :]
        links = [
            card.index('href="/events/caspian-media-forum/">Caspian Media Forum</a>'),
            card.index('href="/countries/az/">Azerbaijan</a>'),
            card.index('href="/countries/ru/">Russian Federation</a>'),
        ]
        assert links == sorted(links)  # events first, then countries by name
    cache.clear()


def test_a_report_deleted_while_its_list_is_read_has_no_card(cards_cached):
    from articles.cards import render_cards

    kept, gone = ArticleFactory(headline="Port reopens"), ArticleFactory(headline="Dam closes")
    listed = list(Article.objects.filter(pk__in=[kept.pk, gone.pk]).for_cards().order_by("pk"))
    gone.delete()
    cards = render_cards(listed)
    assert len(cards) == 1 and "Port reopens" in cards[0]

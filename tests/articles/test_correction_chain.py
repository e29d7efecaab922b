"""Corrections and updates: issued from the admin, they keep their chain's place on every
entity page, and the report page shows the chain, its tags and related reports."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleStatus
from tests.articles.test_coverage import assert_index_matches_a_rebuild, listed, public_count
from tests.factories import (
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db


def shown(kind: str, entity) -> set[str]:
    """Headlines an entity's list shows, and its public count (which must agree)."""
    reports = Article.objects.published().current().about(**{kind: entity})
    headlines = set(reports.values_list("headline", flat=True))
    assert public_count(kind, entity) == listed(kind, entity) == len(headlines)
    return headlines


@pytest.fixture
def original():
    """A published report about an event, a person, an organization and Azerbaijan."""
    return ArticleFactory(
        headline="Port handles 5 million tonnes",
        dateline_city=CityFactory(country=country("RU")),
        tags={
            "events": [EventFactory(slug="grain-forum")],
            "countries": [country("AZ")],
            "organizations": [OrganizationFactory()],
            "people": [PersonFactory()],
        },
    )


def places_of(article: Article) -> list[tuple[str, object]]:
    return [
        ("event", article.events.get()),
        ("country", country("AZ")),
        ("country", country("RU")),  # its dateline
        ("organization", article.organizations.get()),
        ("organization", article.agency),
        ("person", article.people.get()),
    ]


def test_a_correction_with_other_tags_takes_its_originals_place_everywhere(
    client, api_client, editor, original
):
    places = places_of(original)
    correction = ArticleFactory(
        headline="Port handles 4.5 million tonnes", correction_of=original, draft=True,
        dateline_raw="", agency=None, tags={"countries": [country("KZ")]},
    )  # fmt: skip
    correction.publish(by=editor)
    for kind, entity in [*places, ("country", country("KZ"))]:
        assert shown(kind, entity) == {"Port handles 4.5 million tonnes"}, (kind, entity)
    event_page = client.get("/events/grain-forum/").content.decode()
    assert "4.5 million" in event_page and "handles 5 million" not in event_page
    assert "4.5 million" in client.get("/events/grain-forum/feed/rss/").content.decode()
    api = api_client.get("/api/v1/articles/?event=grain-forum").json()["results"]
    assert [item["id"] for item in api] == [correction.pk]
    assert_index_matches_a_rebuild()

    correction.withdraw(by=editor, reason="Issued in error.")
    for kind, entity in places:
        assert shown(kind, entity) == {"Port handles 5 million tonnes"}, (kind, entity)
    assert shown("country", country("KZ")) == set()
    assert_index_matches_a_rebuild()


def test_a_scheduled_update_takes_over_its_originals_pages_at_its_time(original):
    at = timezone.now() + datetime.timedelta(hours=1)
    ArticleFactory(headline="Port update", update_of=original, published_at=at)
    event = original.events.get()
    assert shown("event", event) == {"Port handles 5 million tonnes"}
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert shown("event", event) == {"Port update"}
        assert shown("country", country("AZ")) == {"Port update"}
    assert_index_matches_a_rebuild()


def test_changes_up_a_chain_reach_its_latest_report(original):
    update = ArticleFactory(headline="Second", update_of=original)
    latest = ArticleFactory(headline="Third", correction_of=update)
    later_event = EventFactory()
    original.events.add(later_event)  # tagged after its successors were published
    assert shown("event", later_event) == {"Third"}
    assert shown("country", country("AZ")) == {"Third"}
    assert_index_matches_a_rebuild()

    update.delete()  # the chain breaks: the last report keeps only its own places
    assert shown("country", country("AZ")) == {"Port handles 5 million tonnes"}
    assert shown("event", later_event) == {"Port handles 5 million tonnes"}
    latest.refresh_from_db()
    latest.correction_of = original  # relinked: it takes the original's places again
    latest.save()
    assert shown("event", later_event) == {"Third"}
    assert_index_matches_a_rebuild()


def test_a_draft_in_the_chain_hands_on_nothing(original):
    draft = ArticleFactory(headline="Unfinished", update_of=original, draft=True)
    ArticleFactory(headline="Correction of the draft", correction_of=draft)
    # The draft replaced nothing: the original keeps its pages, the correction its own.
    assert shown("country", country("AZ")) == {"Port handles 5 million tonnes"}
    assert_index_matches_a_rebuild()


def follow_up(client, report: Article, kind: str):
    return client.post(reverse("admin:articles_article_follow_up", args=[report.pk, kind]))


def test_issue_correction_starts_one_draft_with_the_reports_text_and_tags(
    client_for, editor, reporter, registry_editor, original
):
    page = client_for(editor).get(reverse("admin:articles_article_change", args=[original.pk]))
    assert "Issue correction" in page.content.decode() and "Issue update" in page.content.decode()
    response = follow_up(client_for(reporter), original, "correction")
    draft = Article.objects.get(correction_of=original)
    assert response["Location"] == reverse("admin:articles_article_change", args=[draft.pk])
    copied = ["headline", "summary", "body", "dateline_raw", "dateline_city_id",
              "dateline_country_id", "language", "agency_id", "byline"]  # fmt: skip
    assert [getattr(draft, f) for f in copied] == [getattr(original, f) for f in copied]
    for field in ("events", "countries", "organizations", "people"):
        assert set(getattr(draft, field).all()) == set(getattr(original, field).all())
    assert (draft.status, draft.created_by, draft.slug) == ("draft", reporter, f"{original.slug}-2")
    assert draft.history.count() == 1 and draft.history.get().history_user == reporter
    assert shown("country", country("AZ")) == {original.headline}  # a draft changes nothing

    again = follow_up(client_for(editor), original, "update")  # one follow-up at a time
    assert again["Location"] == response["Location"]
    assert Article.objects.filter(status=ArticleStatus.DRAFT).count() == 1
    assert follow_up(client_for(registry_editor), original, "update").status_code == 403
    drafts_page = client_for(editor).get(response["Location"]).content.decode()
    assert "Issue correction" not in drafts_page  # only a published report has the buttons
    assert follow_up(client_for(editor), draft, "correction").status_code == 302
    assert not Article.objects.filter(correction_of=draft).exists()


def test_the_report_page_shows_its_chain_tags_and_related_reports_beside_the_text(client, original):
    event = original.events.get()
    update = ArticleFactory(headline="Port update", update_of=original, tags={"events": [event]})
    correction = ArticleFactory(headline="Port correction", correction_of=update)
    ArticleFactory(headline="Draft follow-up", update_of=correction, draft=True)
    neighbour = ArticleFactory(headline="Grain prices rise", tags={"events": [event]})
    lone = ArticleFactory(headline="Unrelated", tags={"events": [EventFactory()]})
    with CaptureQueriesContext(connection) as lone_page:
        client.get(lone.get_absolute_url())
    with CaptureQueriesContext(connection) as chain_page:
        page = client.get(update.get_absolute_url()).content.decode()
    assert len(chain_page) == len(lone_page) + 1  # the whole chain in one query
    main, aside = page.split('<aside class="report-aside">')
    assert '<div class="report-layout">' in main and 'class="dateline"' in main
    versions = aside[aside.index("report-chain") : aside.index("report-tags")]
    assert [versions.index(r.headline) for r in (original, update, correction)] == sorted(
        versions.index(r.headline) for r in (original, update, correction)
    )
    assert "Original" in versions and "Update" in versions and "Correction" in versions
    assert "Draft follow-up" not in versions
    assert f'href="{update.get_absolute_url()}" aria-current="page"' in versions
    assert f'href="{correction.get_absolute_url()}"' in versions
    assert "grain-forum" in aside[aside.index("report-tags") :]
    related = aside[aside.index("report-related") :]
    assert neighbour.headline in related and "Port correction" not in related
    assert "report-chain" not in client.get(lone.get_absolute_url()).content.decode()

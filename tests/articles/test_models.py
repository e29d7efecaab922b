import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.html import sanitize_body
from articles.models import Article, ArticleStatus
from tests.factories import AgencyFactory, ArticleFactory, CityFactory, country

pytestmark = pytest.mark.django_db


def test_same_agency_item_id_cannot_be_used_twice_by_one_agency():
    agency = AgencyFactory()
    ArticleFactory(agency=agency, agency_item_id="trend-0919-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(agency=agency, agency_item_id="trend-0919-1")


def test_two_agencies_may_use_the_same_item_id_and_blank_ids_do_not_clash():
    ArticleFactory(agency_item_id="0001")
    ArticleFactory(agency_item_id="0001")
    agency = AgencyFactory()
    ArticleFactory(agency=agency, agency_item_id="")
    ArticleFactory(agency=agency, agency_item_id="")
    assert Article.objects.count() == 4


def test_published_report_without_publish_time_is_rejected_by_the_database():
    article = ArticleFactory(draft=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)


def test_publishing_without_a_time_stamps_it_now():
    article = ArticleFactory(draft=True)
    article.status = ArticleStatus.PUBLISHED
    article.save()
    assert article.published_at is not None


def test_slugs_are_unique_even_for_identical_headlines():
    first = ArticleFactory(headline="Talks resume in Baku")
    second = ArticleFactory(headline="Talks resume in Baku")
    assert first.slug == "talks-resume-in-baku"
    assert second.slug == "talks-resume-in-baku-2"


def test_dateline_country_follows_the_dateline_city():
    article = ArticleFactory(dateline_city=CityFactory(name="Astrakhan", country=country("RU")))
    assert article.dateline_country_id == "RU"


def test_version_grows_on_every_save():
    article = ArticleFactory()
    article.headline = "Changed"
    article.save()
    assert article.version == 2


@pytest.mark.parametrize(
    "dirty, unsafe",
    [
        ('<p>Hi</p><script>alert("x")</script>', "<script"),
        ('<p onclick="steal()">Hi</p>', "onclick"),
        ('<a href="javascript:alert(1)">link</a>', "javascript:"),
        ('<img src="x" onerror="steal()">', "onerror"),
        ("<iframe src='https://evil.example'></iframe>", "iframe"),
        ("<p style='position:fixed'>Hi</p>", "style"),
    ],
)
def test_body_html_is_sanitized_on_save(dirty, unsafe):
    article = ArticleFactory(body=dirty)
    article.refresh_from_db()
    assert unsafe not in article.body


def test_safe_markup_and_links_are_kept():
    body = '<p>See <a href="https://example.org/x">the report</a> and <em>this</em>.</p>'
    cleaned = sanitize_body(body)
    assert (
        '<a href="https://example.org/x" rel="noopener noreferrer nofollow">the report</a>'
        in cleaned
    )
    assert "<em>this</em>" in cleaned


def test_plain_text_body_becomes_paragraphs_with_escaped_text():
    assert sanitize_body("First para.\nSame para.\n\nSecond: 5 < 6 & more.") == (
        "<p>First para.<br>Same para.</p>\n<p>Second: 5 &lt; 6 &amp; more.</p>"
    )


STATES = {
    "published": {},
    "draft": {"draft": True},
    "in_review": {"in_review": True},
    "scheduled": {"scheduled": True},
    "embargoed": {"embargoed": True},
    "withdrawn": {"withdrawn": True},
    "embargo_passed": {"embargo_until": timezone.now() - datetime.timedelta(minutes=1)},
}


@pytest.mark.parametrize("state", STATES)
def test_is_public_agrees_with_published_queryset(state):
    article = ArticleFactory(**STATES[state])
    in_queryset = Article.objects.published().filter(pk=article.pk).exists()
    assert article.is_public == in_queryset
    assert in_queryset == (state in {"published", "embargo_passed"})


PIECES = ["a", "b", " ", "<", ">", "/", "&", ";", "\n", '"', "'", "=", "<p>", "</p>", "<div>",
          "</div>", "<b>", "&lt;", "<script>", "javascript:"]  # fmt: skip


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_sanitizing_twice_changes_nothing(body):
    once = sanitize_body(body)
    assert sanitize_body(once) == once


def test_updates_cannot_form_a_loop():
    from django.core.exceptions import ValidationError

    first = ArticleFactory()
    second = ArticleFactory(update_of=first)
    first.update_of = second
    with pytest.raises(ValidationError, match="loop"):
        first.full_clean()

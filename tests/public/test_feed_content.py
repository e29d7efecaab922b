"""What feed readers and the news sitemap make of a report's text: characters XML cannot
carry, plain-text summaries, reports without an agency, languages, and withdrawals."""

import datetime
from html import unescape

import feedparser
import pytest
import time_machine
from django.test import Client
from django.utils.http import http_date, parse_http_date
from lxml import etree

from articles.models import Article
from newsroom.languages import news_sitemap_language
from tests.factories import AgencyFactory, ArticleFactory, country, utc

pytestmark = pytest.mark.django_db

FEEDS = ["/feeds/latest/rss/", "/feeds/latest/atom/", "/countries/kz/feed/rss/"]
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def fetch(address: str, **headers):
    return Client().get(address, **headers)


def test_characters_xml_cannot_carry_are_never_stored(editor):
    report = ArticleFactory(
        headline="Pasted\x0bline break\u202e and \ufffe more", summary="Bell\x07 rings"
    )
    report.refresh_from_db()
    assert (report.headline, report.summary) == ("Pasted line break and  more", "Bell rings")
    report.headline = "Edited\x0cagain\x00"
    report.save()
    report.refresh_from_db()
    assert report.headline == "Edited again"


@pytest.mark.parametrize("address", [*FEEDS, "/sitemap-news.xml"])
def test_a_report_stored_with_a_control_character_leaves_feeds_well_formed(address):
    report = ArticleFactory(tags={"countries": [country("KZ")]})
    # Stored before text was scrubbed on save: only an update reaches the column so.
    Article.objects.filter(pk=report.pk).update(headline="Old\x0bheadline\ufffe", summary="A\x01")
    response = fetch(address)
    assert response.status_code == 200
    etree.fromstring(response.content)  # well-formed XML 1.0, or it raises
    assert b"Old headline" in response.content


def test_a_plain_text_summary_reaches_feed_readers_as_written():
    summary = "Editors asked about the <script> tag & the <b> element; 3 < 5 and 7 > 2."
    ArticleFactory(summary=summary)
    for address in FEEDS[:2]:
        [entry] = feedparser.parse(fetch(address).content).entries
        assert unescape(entry.summary) == summary  # HTML, the reader's to show


def test_an_atom_feed_names_an_author_for_reports_without_an_agency():
    ArticleFactory(agency=None, headline="Written in house")
    root = etree.fromstring(fetch("/feeds/latest/atom/").content)
    assert root.findtext(f"{ATOM}author/{ATOM}name")  # RFC 4287 §4.1.1
    assert root.find(f"{ATOM}entry/{ATOM}author") is None


def test_entries_carry_their_reports_language_and_a_feed_only_a_shared_one():
    ArticleFactory(language="ru", headline="Каспийский форум открылся")
    atom = etree.fromstring(fetch("/feeds/latest/atom/").content)
    rss = etree.fromstring(fetch("/feeds/latest/rss/").content)
    assert atom.get(XML_LANG) == "ru" and rss.findtext("channel/language") == "ru"
    ArticleFactory(language="en", headline="The Caspian forum opens")
    atom = etree.fromstring(fetch("/feeds/latest/atom/").content)
    rss = etree.fromstring(fetch("/feeds/latest/rss/").content)
    assert [entry.get(XML_LANG) for entry in atom.iter(f"{ATOM}entry")] == ["en", "ru"]
    assert atom.get(XML_LANG) is None and rss.find("channel/language") is None


def test_a_withdrawal_moves_the_feeds_last_modified_on(editor):
    start = utc(2024, 5, 10, 12)
    with time_machine.travel(start, tick=False):
        ArticleFactory(headline="Older", published_at=start - datetime.timedelta(hours=2))
        newer = ArticleFactory(headline="Newer", published_at=start - datetime.timedelta(hours=1))
    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):
        before = fetch("/feeds/latest/rss/")["Last-Modified"]
    with time_machine.travel(start + datetime.timedelta(minutes=10), tick=False):
        newer.withdraw(by=editor, reason="Legal advice.")
        newer.save()
    with time_machine.travel(start + datetime.timedelta(minutes=15), tick=False):
        after = fetch("/feeds/latest/rss/", HTTP_IF_MODIFIED_SINCE=before)
    assert after.status_code == 200 and b"Newer" not in after.content  # not a 304
    assert parse_http_date(after["Last-Modified"]) > parse_http_date(before)
    assert after["Last-Modified"] == http_date((start + datetime.timedelta(minutes=10)).timestamp())


@pytest.mark.parametrize(
    ("tag", "code"),
    [("en", "en"), ("en-GB", "en"), ("sr-Latn", "sr"), ("pt-BR", "pt"), ("ast", "ast"),
     ("zh", "zh-cn"), ("zh-Hans", "zh-cn"), ("zh-Hant", "zh-tw"), ("zh-HK", "zh-tw")],
)  # fmt: skip
def test_the_news_sitemap_gives_the_language_code_google_news_takes(tag, code):
    assert news_sitemap_language(tag) == code


def test_the_news_sitemap_lists_a_regional_tag_by_its_language():
    AgencyFactory()
    ArticleFactory(language="en-GB")
    root = etree.fromstring(fetch("/sitemap-news.xml").content)
    namespace = "{http://www.google.com/schemas/sitemap-news/0.9}"
    assert [e.text for e in root.iter(f"{namespace}language")] == ["en"]


def test_pages_show_an_embargoed_report_at_the_time_it_became_public():
    released = utc(2024, 5, 10, 9)
    with time_machine.travel(released + datetime.timedelta(hours=1), tick=False):
        report = ArticleFactory(
            headline="Budget figures released",
            published_at=released - datetime.timedelta(hours=3),  # filed under embargo
            embargo_until=released,
        )
        for address in ("/", report.get_absolute_url()):
            page = fetch(address).content.decode()
            assert f'<time datetime="{released.isoformat()}">' in page


@pytest.mark.parametrize("address", ["/", "/feeds/latest/rss/", "/api/v1/articles/"])
def test_head_carries_the_etag_of_get_and_answers_if_none_match(address):
    ArticleFactory(headline="Ferry service resumes")
    etag = fetch(address)["ETag"]
    head = Client().head(address)
    assert head.status_code == 200 and head["ETag"] == etag
    assert Client().head(address, HTTP_IF_NONE_MATCH=etag).status_code == 304

"""The sitemaps as crawlers take them: each file held to the sitemaps.org protocol (and the
news sitemap to Google News's), parsed as XML, every file the index names fetched."""

import datetime
import re
from unittest import mock
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import Client
from lxml import etree

from newsroom.sitemaps import SECTIONS
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
    utc,
)

pytestmark = pytest.mark.django_db

NOW = utc(2024, 5, 10, 12)
HOST = "http://testserver"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
# sitemaps.org: "W3C Datetime": a date, or a date and time with its offset.
W3C_DATETIME = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$"
)
CHANGEFREQ = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}
MAX_URLS, MAX_BYTES, MAX_LOC = 50_000, 50 * 1024 * 1024, 2048


def fetch(address: str) -> etree._Element:
    answer = Client().get(address.removeprefix(HOST))
    assert answer.status_code == 200, address
    assert answer["Content-Type"].startswith("application/xml"), address
    assert len(answer.content) <= MAX_BYTES
    return etree.fromstring(answer.content)


def protocol_problems(address: str, root: etree._Element) -> list[str]:
    """Return what breaks the sitemaps.org protocol in one sitemap or index file."""
    entries = root.findall(f"{NS}sitemap" if root.tag == f"{NS}sitemapindex" else f"{NS}url")
    problems = [f"{len(entries)} entries"] if len(entries) > MAX_URLS else []
    folder = address.rsplit("/", 1)[0] + "/"
    for entry in entries:
        loc = entry.findtext(f"{NS}loc") or ""
        if not loc.startswith(folder) or len(loc) > MAX_LOC or urlsplit(loc).fragment:
            problems.append(f"loc {loc!r} not an absolute address under {folder}")
        lastmod = entry.findtext(f"{NS}lastmod")
        if lastmod is not None and not W3C_DATETIME.match(lastmod):
            problems.append(f"lastmod {lastmod!r}")
        changefreq = entry.findtext(f"{NS}changefreq")
        if changefreq is not None and changefreq not in CHANGEFREQ:
            problems.append(f"changefreq {changefreq!r}")
        priority = entry.findtext(f"{NS}priority")
        if priority is not None and not 0 <= float(priority) <= 1:
            problems.append(f"priority {priority!r}")
    return problems


def crawl() -> dict[str, list[str]]:
    """Fetch the index and every file it names: file → the addresses it lists."""
    index = fetch(f"{HOST}/sitemap.xml")
    assert index.tag == f"{NS}sitemapindex"
    assert protocol_problems(f"{HOST}/sitemap.xml", index) == []
    listed = {}
    for address in index.findall(f"{NS}sitemap/{NS}loc"):
        root = fetch(address.text)
        assert root.tag == f"{NS}urlset", address.text  # no index inside the index
        assert protocol_problems(address.text, root) == [], address.text
        listed[address.text] = [loc.text for loc in root.iter(f"{NS}loc")]
    return listed


def test_every_sitemap_the_index_names_follows_the_protocol():
    event = EventFactory(always_public=True)
    ArticleFactory(tags={"events": [event], "countries": [country("AZ")]})
    ArticleFactory(headline="Pasted & <b>bold</b> — “quoted”", language="ar")
    OrganizationFactory(), PersonFactory()
    listed = crawl()
    assert {urlsplit(address).path for address in listed} == {
        f"/sitemap-{section}.xml" for section in SECTIONS
    }
    assert f"{HOST}{event.get_absolute_url()}" in listed[f"{HOST}/sitemap-events.xml"]


@pytest.mark.parametrize("section", ["reports", "events", "organizations", "people"])
def test_a_section_longer_than_one_file_goes_on_in_files_the_index_names(section):
    for _ in range(3):
        tags = {"events": [EventFactory(always_public=True)], "people": [PersonFactory()],
                "organizations": [OrganizationFactory()]}  # fmt: skip
        ArticleFactory(tags=tags)
    with mock.patch.object(SECTIONS[section], "limit", 2):  # 50,000 in production
        listed = crawl()
    first = f"{HOST}/sitemap-{section}.xml"
    pages = [address for address in listed if address.startswith(first)]
    assert len(pages) >= 2
    assert pages == [first, *(f"{first}?p={n}" for n in range(2, len(pages) + 1))]
    addresses = [address for page in pages for address in listed[page]]
    assert max(len(listed[page]) for page in pages) <= 2
    assert len(addresses) == len(set(addresses)) >= 3  # each once, none lost


def test_a_scheduled_report_is_last_modified_when_it_appeared():
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):  # saved the day before
        ArticleFactory(published_at=NOW - datetime.timedelta(hours=2))
    with time_machine.travel(NOW, tick=False):
        root = fetch(f"{HOST}/sitemap-reports.xml")
    assert [e.text for e in root.iter(f"{NS}lastmod")] == ["2024-05-10"]


def test_the_news_sitemap_follows_google_news_rules():
    with time_machine.travel(NOW, tick=False):
        ArticleFactory(headline="Two days old", published_at=NOW - datetime.timedelta(hours=49))
        fresh = ArticleFactory(headline="Ministers & “envoys” meet", language="zh-Hant")
        root = fetch(f"{HOST}/sitemap-news.xml")
    assert root.tag == f"{NS}urlset" and protocol_problems(f"{HOST}/sitemap-news.xml", root) == []
    [url] = root.findall(f"{NS}url")  # at most 1,000, of the last two days
    news = url.find(f"{NEWS}news")
    assert url.findtext(f"{NS}loc") == f"{HOST}{fresh.get_absolute_url()}"
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Newsroom"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "zh-tw"
    assert news.findtext(f"{NEWS}title") == "Ministers & “envoys” meet"
    published = news.findtext(f"{NEWS}publication_date")
    assert W3C_DATETIME.match(published) and "T" in published
    assert datetime.datetime.fromisoformat(published) == NOW - datetime.timedelta(hours=1)

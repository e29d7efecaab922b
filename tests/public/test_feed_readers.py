"""The feeds as a feed reader takes them: feedparser fetches each one over HTTP (its own
headers, its own conditional requests) and must find every entry whole, in any script,
whatever the registry holds."""

import datetime
import email.message
import io
import urllib.request
import urllib.response

import feedparser
import pytest
import time_machine
from django.test import Client

from events.models import Event
from organizations.models import Organization, Person
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
    utc,
)

pytestmark = pytest.mark.django_db

NOW = utc(2024, 5, 10, 12)
REPORTS = {  # language → headline: left-to-right and right-to-left, Latin and not
    "en": "Forum opens in Astrakhan",
    "ar": "افتتاح المنتدى الإعلامي في أستراخان",
    "fa": "گشایش همایش رسانه‌ای خزر",
    "ru": "Каспийский медиафорум открылся",
    "zh": "里海媒体论坛开幕",
}


class _Response(urllib.response.addinfourl):
    """urllib's response, whose status feedparser sets on a 304."""

    @property
    def status(self) -> int:
        return self.code

    @status.setter
    def status(self, code: int) -> None:
        self.code = code


class SiteHandler(urllib.request.HTTPHandler):
    """Hands feedparser's HTTP requests, headers and all, to the site (no socket)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[dict[str, str]] = []

    def http_open(self, req: urllib.request.Request) -> _Response:
        headers = dict(req.header_items())
        self.sent.append(headers)
        meta = {f"HTTP_{name.upper().replace('-', '_')}": v for name, v in headers.items()}
        answer = Client().get(req.selector, **meta)
        message = email.message.Message()
        for name, value in answer.items():
            message[name] = value
        response = _Response(io.BytesIO(answer.content), message, req.full_url, answer.status_code)
        response.msg = answer.reason_phrase
        return response


def read(address: str, handler: SiteHandler | None = None, **conditions):
    """Fetch a feed as a feed reader does (`etag=`, `modified=` from its last visit)."""
    return feedparser.parse(
        f"http://testserver{address}", handlers=[handler or SiteHandler()], **conditions
    )


def entity_feeds(entities: dict[str, object]) -> list[str]:
    pages = ["/feeds/latest/", *(e.get_absolute_url() + "feed/" for e in entities.values())]
    return [f"{page}{kind}/" for page in pages for kind in ("rss", "atom")]


@pytest.fixture
def tagged():
    """An event, an organization, a person and a country, each with the five reports."""
    entities = {"events": EventFactory(name="Caspian Media Forum", always_public=True),
                "organizations": OrganizationFactory(name="Media Development Agency"),
                "people": PersonFactory(name="Ahmed Ismayilov"), "countries": country("AZ")}  # fmt: skip
    tags = {field: [entity] for field, entity in entities.items()}
    agency = AgencyFactory(name="Trend")
    with time_machine.travel(NOW, tick=False):
        for hours, (language, headline) in enumerate(REPORTS.items(), start=1):
            ArticleFactory(
                headline=headline,
                language=language,
                agency=agency,
                summary=f"{headline}.",
                published_at=NOW - datetime.timedelta(hours=hours),
                tags=tags,
            )
    return entities


def test_every_feed_reads_without_error_with_whole_entries_in_any_script(tagged):
    for address in entity_feeds(tagged):
        feed = read(address)
        assert feed.status == 200 and not feed.bozo, (address, feed.get("bozo_exception"))
        assert [entry.title for entry in feed.entries] == list(REPORTS.values()), address
        for entry in feed.entries:
            assert entry.link.startswith("http://testserver/articles/"), address
            assert entry.id.startswith("tag:testserver,2024-05-10:report:")
            assert entry.author == "Trend" and entry.summary == f"{entry.title}."
            assert {tag.term for tag in entry.tags} >= {"Caspian Media Forum", "Azerbaijan"}
            # A date with its offset: feedparser turns it to UTC only when it has one.
            raw = entry.published
            assert raw.endswith(("+0000", "+00:00", "Z")), raw
            if address.endswith("atom/"):
                assert entry.published_parsed <= entry.updated_parsed


def test_atom_entries_carry_their_language_and_so_their_direction(tagged):
    feed = read("/feeds/latest/atom/")
    languages = [entry.title_detail.language for entry in feed.entries]
    assert languages == list(REPORTS)  # a reader sets Arabic and Persian right to left
    assert feed.feed.get("language") is None  # the feed as a whole has none


def test_a_reports_id_stays_the_same_when_it_is_edited():
    with time_machine.travel(NOW, tick=False):
        report = ArticleFactory(headline="Forum opens")
        before = read("/feeds/latest/atom/").entries[0]
    with time_machine.travel(NOW + datetime.timedelta(hours=2), tick=False):
        report.headline = "Forum opens in Astrakhan"
        report.save()
        after = read("/feeds/latest/atom/").entries[0]
    assert (after.id, after.link) == (before.id, before.link)  # one item, not a new one
    assert after.title == "Forum opens in Astrakhan"
    assert after.updated_parsed > before.updated_parsed


@pytest.mark.parametrize(
    ("model", "make", "field"),
    [
        (Event, lambda: EventFactory(always_public=True), "events"),
        (Organization, OrganizationFactory, "organizations"),
        (Person, PersonFactory, "people"),
    ],
)
def test_an_entity_stored_with_a_control_character_keeps_its_feeds_readable(model, make, field):
    entity = make()
    ArticleFactory(headline="Forum opens", tags={field: [entity]})
    # Stored before text was scrubbed on save: only an update reaches the column so.
    model.objects.filter(pk=entity.pk).update(name="Caspian\x0bMedia\x01 Forum")
    for kind in ("rss", "atom"):
        feed = read(f"{entity.get_absolute_url()}feed/{kind}/")
        assert feed.status == 200 and not feed.bozo, feed.get("bozo_exception")
        assert feed.feed.title.startswith("Reports about Caspian Media Forum")
        assert [entry.title for entry in feed.entries] == ["Forum opens"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_reader_polling_gets_304_until_a_report_appears(kind):
    address = f"/feeds/latest/{kind}/"
    with time_machine.travel(NOW, tick=False):
        ArticleFactory(headline="Forum opens")
        first = read(address)
    handler = SiteHandler()
    with time_machine.travel(NOW + datetime.timedelta(minutes=15), tick=False):
        again = read(address, handler, etag=first.etag, modified=first.modified)
    assert handler.sent[-1]["If-none-match"] == first.etag  # what feedparser itself sends
    assert (again.status, again.entries) == (304, [])
    with time_machine.travel(NOW + datetime.timedelta(minutes=20), tick=False):
        ArticleFactory(headline="Delegations arrive")
    with time_machine.travel(NOW + datetime.timedelta(minutes=30), tick=False):
        changed = read(address, etag=first.etag, modified=first.modified)
        assert changed.status == 200
        assert [e.title for e in changed.entries] == ["Delegations arrive", "Forum opens"]
        since = read(address, modified=changed.modified)  # a reader that keeps no ETag
    assert since.status == 304


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_feed_with_no_reports_yet_answers_304_to_a_reader_polling_it(kind):
    address = f"/countries/fr/feed/{kind}/"
    with time_machine.travel(NOW - datetime.timedelta(hours=2), tick=False):
        ArticleFactory(headline="Elsewhere", tags={"countries": [country("AZ")]})
    with time_machine.travel(NOW, tick=False):
        first = read(address)
    assert first.status == 200 and first.entries == []
    with time_machine.travel(NOW + datetime.timedelta(minutes=15), tick=False):
        again = read(address, etag=first.etag, modified=first.modified)
        since = read(address, modified=first.modified)
    assert again.status == 304 and since.status == 304
    # Its time is the last change the public saw, not the moment it was asked for.
    assert first.modified_parsed[:5] == (2024, 5, 10, 10, 0)


def test_a_feed_keeps_its_etag_while_reports_about_others_come_and_go(editor):
    address = "/countries/az/feed/atom/"
    with time_machine.travel(NOW - datetime.timedelta(hours=1), tick=False):
        ArticleFactory(headline="Forum opens", tags={"countries": [country("AZ")]})
    with time_machine.travel(NOW, tick=False):
        first = read(address)
    with time_machine.travel(NOW + datetime.timedelta(minutes=10), tick=False):
        other = ArticleFactory(headline="Elsewhere", dateline_raw="ASTANA, Kazakhstan, May 10.",
                               tags={"countries": [country("KZ")]})  # fmt: skip
        other.withdraw(by=editor, reason="Legal advice.")
        other.save()
    with time_machine.travel(NOW + datetime.timedelta(minutes=15), tick=False):
        again = read(address, etag=first.etag, modified=first.modified)  # as feedparser does
        assert again.status == 304
        since = read(address, modified=first.modified)  # no ETag: a change somewhere
    assert since.status == 200 and [e.title for e in since.entries] == ["Forum opens"]

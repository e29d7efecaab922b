"""The site's look and accessibility: headings in order, keyboard entry points, `lang`
where the text is the report's, one date format everywhere (the admin's list included),
cards that name the agency once (never on its own page), error pages that keep the
site's navigation and their status — the 500 and 503 pages without the database — and
templates whose every word goes through a translation tag.

One world is built once, every page is fetched once inside it (then rolled back), and the
tests read those answers.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import OperationalError, connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.template.base import Lexer, TokenType
from django.test import Client
from lxml import html

from articles.views import HomeView
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    EventFactory,
    PersonFactory,
    country,
    utc,
)

NOW = utc(2024, 5, 10, 12)
PUBLISHED = utc(2024, 5, 9, 8, 5)
SHOWN = "9 May 2024, 08:05 UTC"  # PUBLISHED in the site's DATETIME_FORMAT
PUBLIC_PAGES = ("home", "reports", "events", "event", "country", "agency", "person",
                "search", "report")  # fmt: skip
ERROR_PAGES = {"not found": 404, "withdrawn": 410, "bad request": 400, "forbidden": 403,
               "form expired": 403}  # fmt: skip

# Also what makes pytest-django set up the test database for the module's world.
pytestmark = pytest.mark.django_db


@dataclass
class Page:
    status: int
    doc: html.HtmlElement


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> dict[str, Page]:
    with django_db_blocker.unblock(), time_machine.travel(NOW, tick=False), transaction.atomic():
        database = str(connection.settings_dict["NAME"])
        assert "test" in database or "memory" in database, f"not a test database: {database}"
        urls = _world()
        reader, editor, intern = Client(), Client(), Client()
        users = get_user_model().objects
        editor.force_login(users.create_superuser("chief", "c@example.org"))
        intern.force_login(users.create_user("intern", is_staff=True))  # may add no report
        pages = {name: _read(reader.get(url)) for name, url in urls.items()}
        pages["admin list"] = _read(editor.get("/admin/articles/article/"))
        pages["forbidden"] = _read(intern.get("/admin/articles/article/import/"))
        form = {"username": "chief", "password": "x"}  # sent without the CSRF token
        pages["form expired"] = _read(Client(enforce_csrf_checks=True).post("/admin/login/", form))
        transaction.set_rollback(True)
    return pages


def _world() -> dict[str, str]:
    """A Russian report by one agency, a report by another agency about the first, a
    withdrawn report, and the event, country and person they are about."""
    tass = AgencyFactory(name="TASS Russian News Agency", slug="tass")
    forum = EventFactory(name="Caspian Media Forum 2023", slug="forum")
    person = PersonFactory(name="Ahmed Ismayilov", slug="ismayilov")
    tags = {"events": [forum], "countries": [country("AZ")], "people": [person]}
    report = ArticleFactory(
        headline="Форум открылся в Астрахани", summary="Делегации прибыли.", language="ru",
        body="<p>Sturgeon and media.</p>", agency=tass, published_at=PUBLISHED, tags=tags,
    )  # fmt: skip
    ArticleFactory(
        headline="Agencies meet", agency=AgencyFactory(name="Trend News Agency"),
        tags={**tags, "organizations": [tass]},
    )  # fmt: skip
    gone = ArticleFactory(withdrawn=True, headline="Withdrawn report", agency=tass)
    return {
        "home": "/",
        "reports": "/articles/",
        "events": "/events/",
        "event": forum.get_absolute_url(),
        "country": "/countries/az/",
        "agency": tass.get_absolute_url(),
        "person": person.get_absolute_url(),
        "search": "/search/?q=sturgeon",
        "report": report.get_absolute_url(),
        "not found": "/no-such-page/",
        "withdrawn": gone.get_absolute_url(),
        "bad request": "/articles/?country=az%00",
    }


def _read(response) -> Page:
    return Page(response.status_code, html.fromstring(response.content.decode()))


def heading_problems(doc: html.HtmlElement) -> list[str]:
    """Return what is wrong with a page's outline: not one h1 first, or a skipped level."""
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    problems = [] if levels[:1] == [1] and levels.count(1) == 1 else [f"h1s: {levels}"]
    problems += [f"h{a} → h{b}" for a, b in pairwise(levels) if b > a + 1]
    return problems


def unlabelled(doc: html.HtmlElement) -> list[str]:
    """Return the names of the form controls no label names."""
    named = set(doc.xpath("//label/@for"))
    controls = doc.xpath("//input[not(@type='hidden')] | //select | //textarea")
    return [
        control.get("name")
        for control in controls
        if control.get("id") not in named
        and not control.xpath("ancestor::label")
        and not control.get("aria-label")
    ]


def card_agencies(doc: html.HtmlElement) -> dict[str, list[str]]:
    """Return each card's headline and the agency names its meta line shows."""
    return {
        card.findtext(".//h3/a"): card.xpath('.//*[@class="agency"]/text()')
        for card in doc.find_class("card")
    }


def test_every_page_has_one_h1_headings_in_order_and_keyboard_entry(site):
    for name in (*PUBLIC_PAGES, *ERROR_PAGES):
        doc = site[name].doc
        assert heading_problems(doc) == [], name
        (skip,) = doc.find_class("skip-link")
        assert doc.get_element_by_id(skip.get("href").lstrip("#")).tag == "main", name
        assert all(int(t) <= 0 for t in doc.xpath("//@tabindex")), name
        assert unlabelled(doc) == [], name


def test_cards_name_the_agency_once_but_not_on_its_own_page(site):
    home = card_agencies(site["home"].doc)
    assert home == {
        "Форум открылся в Астрахани": ["TASS Russian News Agency"],
        "Agencies meet": ["Trend News Agency"],
    }
    assert card_agencies(site["agency"].doc) == {
        "Форум открылся в Астрахани": [],  # TASS's own page: its name would only repeat
        "Agencies meet": ["Trend News Agency"],
    }
    assert card_agencies(site["person"].doc) == home


def test_times_read_the_same_on_cards_the_report_search_and_the_admin_list(site):
    def shown(name: str, path: str) -> list[str]:
        return [t.text_content().strip() for t in site[name].doc.xpath(path)]

    card_time = '//article[.//a[text()="Форум открылся в Астрахани"]]//time'
    assert shown("home", card_time) == [SHOWN]
    assert shown("report", "//h1/following-sibling::p[@class='meta']/time") == [SHOWN]
    assert shown("search", "//article//time") == [SHOWN]
    admin = site["admin list"]
    assert admin.status == 200
    row = '//tr[.//a[text()="Форум открылся в Астрахани"]]'
    assert shown("admin list", f'{row}/td[contains(@class, "field-published_at")]') == [SHOWN]
    assert admin.doc.xpath('//link[contains(@href, "css/admin.css")]')


def test_lang_is_the_sites_on_the_page_and_the_reports_on_its_own_words(site):
    for name in (*PUBLIC_PAGES, *ERROR_PAGES):
        assert site[name].doc.get("lang") == "en-us", name
    report = site["report"].doc
    assert report.xpath("//h1/@lang") == ["ru"]
    assert report.xpath('//*[@class="lead"]/@lang') == ["ru"]
    assert report.xpath('//*[@class="body"]/@lang') == ["ru"]
    card = site["home"].doc.xpath('//article[.//a[text()="Форум открылся в Астрахани"]]')[0]
    assert card.xpath(".//h3/@lang") == card.xpath('.//*[@class="summary"]/@lang') == ["ru"]


def test_error_pages_keep_their_status_and_the_sites_navigation(site):
    for name, status in ERROR_PAGES.items():
        page = site[name]
        assert page.status == status, name
        assert_navigation(page.doc, name)


def test_500_and_503_pages_keep_the_navigation_without_the_database(monkeypatch, settings):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    monkeypatch.setattr(HomeView, "get", broken)
    settings.PAGE_CACHE_SECONDS = 0  # the page itself, never a cached copy
    client = Client(raise_request_exception=False)
    for url, status, title in [("/countries/", 503, "Briefly unavailable"),
                               ("/", 500, "Server error")]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == status
        doc = html.fromstring(response.content.decode())
        assert doc.findtext(".//h1") == title
        assert_navigation(doc, url)


def assert_navigation(doc: html.HtmlElement, name: str) -> None:
    (nav,) = doc.xpath('//header//nav[@aria-label="Main"]')
    assert nav.xpath(".//a/@href") == ["/articles/", "/events/", "/countries/"], name
    assert doc.xpath('//header//form[@role="search"][@action="/search/"]//input[@name="q"]'), name


def test_refused_pages_say_why_a_stale_form_apart(site):
    assert site["forbidden"].doc.findtext(".//h1") == "Not allowed"
    assert "sign in with an account that may" in site["forbidden"].doc.text_content()
    assert "reload the page" in site["form expired"].doc.text_content()
    assert "reload the page" not in site["forbidden"].doc.text_content()


# Every word a template shows goes through {% translate %} or {% blocktranslate %}.

TEMPLATES = Path(settings.BASE_DIR) / "templates"
UNTRANSLATED = {"Newsroom"}  # the site's name, in the header and every <title>
SHOWN_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "label"}
TRANSLATION_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans",
                      "comment": "endcomment"}  # fmt: skip
WORD = re.compile(r"[^\W\d_]+")


class ShownText(HTMLParser):
    """Collect the text a page shows: element text and the attributes people read or hear
    (a button's `value` included), never scripts or styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_code = tag in ("script", "style")
        button = tag == "input" and dict(attrs).get("type") in ("submit", "button", "reset")
        shown = SHOWN_ATTRIBUTES | ({"value"} if button else set())
        self.texts += [value for name, value in attrs if name in shown and value]

    def handle_endtag(self, tag: str) -> None:
        self.in_code = False

    def handle_data(self, data: str) -> None:
        if not self.in_code:
            self.texts.append(data)


def untranslated_words(source: str) -> list[str]:
    """Return the words of a template's text outside translation tags (and comments)."""
    text, closing = [], None
    for token in Lexer(source).tokenize():
        if token.token_type is TokenType.BLOCK:
            name = token.split_contents()[0]
            if closing is None and name in TRANSLATION_BLOCKS:
                closing = TRANSLATION_BLOCKS[name]
            elif name == closing:
                closing = None
        elif token.token_type is TokenType.TEXT and closing is None:
            text.append(token.contents)  # variables and tags drop out: they are not words
    parser = ShownText()
    parser.feed("".join(text))
    parser.close()
    return [w for t in parser.texts for w in WORD.findall(t) if w not in UNTRANSLATED]


def test_untranslated_words_are_found_in_text_and_shown_attributes_only():
    source = (
        '{% load i18n %}<p class="meta">{{ n }} reports</p>{# a note #}'
        '<a title="{% translate \'Feed\' %}" href="/x/">{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}</a>'
        '<input type="submit" value="Go"><input type="hidden" value="merge"><img alt="Map">'
        "{% comment %}Notes{% endcomment %}<script>var x;</script> · Newsroom"
    )
    assert untranslated_words(source) == ["reports", "Go", "Map"]


def test_every_template_shows_words_only_through_translation_tags():
    found = {
        str(path.relative_to(TEMPLATES)): words
        for path in sorted(TEMPLATES.rglob("*.html"))
        if (words := untranslated_words(path.read_text()))
    }
    assert found == {}

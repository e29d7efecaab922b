"""Every public page's header and footer, kept per language, section and site address."""

import re

import pytest
from django.urls import set_script_prefix

from tests.factories import ArticleFactory, country

pytestmark = pytest.mark.django_db


def nav_marks(html: str) -> list[str]:
    """Return the labels of the main navigation's links marked as the current page."""
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    return re.findall(r'aria-current="page">([^<]+)</a>', nav)


def test_the_header_marks_the_open_section_only(client, settings):
    settings.DEBUG = False  # the kept header, as served in production
    report = ArticleFactory(headline="Ferries resume", tags={"countries": [country("AZ")]})
    assert nav_marks(client.get("/events/").content.decode()) == ["Events"]
    assert nav_marks(client.get("/articles/").content.decode()) == ["Reports"]
    assert nav_marks(client.get("/countries/").content.decode()) == ["Countries"]
    assert nav_marks(client.get(report.get_absolute_url()).content.decode()) == []
    assert nav_marks(client.get("/countries/az/").content.decode()) == []


def test_every_page_has_the_footer_and_stylesheets(client, settings):
    settings.DEBUG = False
    for url in ["/", "/articles/", "/events/", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert 'rel="stylesheet" href="/static/css/site.css' in html, url
        assert "Events calendar</a>" in html and "API for integrators</a>" in html, url


def test_a_site_served_under_a_path_links_under_it(client, settings):
    settings.DEBUG = False
    client.get("/articles/")  # the header kept for the site at the root…
    set_script_prefix("/wire/")  # as the WSGI handler does for SCRIPT_NAME=/wire
    try:
        html = client.get("/articles/").content.decode()
    finally:
        set_script_prefix("/")
    assert 'href="/wire/articles/">Reports</a>' in html
    assert 'action="/wire/search/"' in html
    # …and the root one still links at the root.
    html = client.get("/articles/").content.decode()
    assert 'href="/articles/" aria-current="page">Reports</a>' in html

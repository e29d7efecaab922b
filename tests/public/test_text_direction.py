"""Reports in right-to-left languages are marked `dir="rtl"` wherever their language is
marked, so that browsers and screen readers lay out and read them from the right."""

import re

import pytest

from newsroom.languages import text_direction
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("tag", "direction"),
    [
        ("ar", "rtl"), ("fa-IR", "rtl"), ("ur", "rtl"), ("he", "rtl"), ("ps", "rtl"),
        ("ckb", "rtl"), ("dv", "rtl"), ("yi", "rtl"), ("sd", "rtl"), ("ug", "rtl"),
        ("az-Arab", "rtl"), ("sd-Deva", "ltr"), ("en", "ltr"), ("ru", "ltr"), ("", "ltr"),
    ],
)  # fmt: skip
def test_a_languages_direction_follows_its_script(tag, direction):
    assert text_direction(tag) == direction


def marked(page: str) -> list[tuple[str, str | None]]:
    """(lang, dir) of every element that names a report's language."""
    found = re.findall(r'<[a-z0-9]+ [^>]*lang="([^"]+)"(?: dir="([^"]+)")?', page)
    return [(lang, direction or None) for lang, direction in found]


@pytest.mark.django_db
def test_an_arabic_report_reads_right_to_left_on_its_page_and_in_lists(client):
    report = ArticleFactory(language="ar", headline="قمة في باكو", summary="التقى الوزراء.")
    ArticleFactory(language="en")
    page = client.get(report.get_absolute_url()).content.decode()
    assert marked(page).count(("ar", "rtl")) == 3  # headline, summary, body
    listing = client.get("/articles/").content.decode()
    assert ("ar", "rtl") in marked(listing) and ("en", "ltr") in marked(listing)
    assert ("ar", None) not in marked(listing) + marked(page)

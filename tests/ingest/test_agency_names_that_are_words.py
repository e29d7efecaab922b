"""Agencies whose names are ordinary words or given names (`Report`, `Mehr`, `Panorama`,
`Hina`): they file reports, yet the word in a text is mostly just the word.

The texts are written for these tests; their layouts follow real pages of a third spot
check (docs/benchmarks.md).
"""

import pytest

from ingest.tagger import suggest_tags
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="Yerevan", country=country("AM"), population=1_100_000)
    CityFactory(name="Bishkek", country=country("KG"), population=1_000_000)
    CityFactory(name="Islamabad", country=country("PK"), population=1_200_000)


@pytest.mark.parametrize(
    "text",
    [
        "A UN Report published last week found the rivers lower than ever.",
        "The Report said farmers should prepare for a dry summer.",
        "Mehr als 100 Menschen demonstrierten am Samstag.",
        "The BBC's Panorama programme looked into the deals.",
        "Hina Rabbani Khar met the delegation.",
    ],
)
def test_the_word_is_no_tag_of_the_agency(places, text):
    assert suggest_tags(text).organizations == []


def test_the_agency_counts_where_the_text_says_it_filed(places):
    report = parse(
        "Diplomacy gains weight\n\n"
        "Baku's role in regional diplomacy is growing, political analyst Elnur Aliyev "
        "tells Report.\n"
    )
    assert report.agency == "Report.az"


def test_a_credit_line_names_the_agency_by_its_word(places):
    report = parse(
        "Births rise in the capital\n\n"
        "Panorama, Armenia\n"
        "Feb 5 2024\n\n"
        "More babies were born in Yerevan last week than a year ago, the city said.\n"
    )
    assert report.agency == "Panorama.am"


@pytest.mark.parametrize(
    "byline, agency",
    [("F.P Report", ""), ("Staff Report", ""), ("APP Report", "Associated Press of Pakistan")],
)
def test_a_papers_staff_report_byline_is_not_report_az(places, byline, agency):
    report = parse(f"{byline}\nISLAMABAD: The cabinet met on Monday to discuss the budget.\n")
    assert report.agency == agency


@pytest.mark.parametrize(
    "head, agency",
    [
        ("Panorama", ""),  # a section of an Italian site
        ("Agency Report", ""),  # Pakistani papers' bylines
        ("Karachi Report", ""),
        ("02.05.2018 - 19:29 [ Turan ]", "Turan Information Agency"),  # bracketed: a credit
    ],
)
def test_a_word_an_agency_signs_with_names_it_only_as_a_credit(places, head, agency):
    report = parse(f"{head}\n\nThe cabinet met on Monday to discuss next year's budget.\n")
    assert report.agency == agency


def test_the_text_saying_the_word_reported_names_the_agency(places):
    report = parse(
        "Talks will go on\n\n"
        "The talks will go on next month, the foreign minister said on Sunday, Mehr reported.\n"
    )
    assert report.agency == "Mehr News Agency"


def test_a_site_named_by_the_word_is_not_the_agencys(places):
    from ingest.registry import get_registry

    registry = get_registry()
    assert registry.agency_at_site("www.panorama.it") is None
    assert registry.agency_at_site("report.ge") is None
    assert registry.agency_at_site("https://panorama.am/en/news") == "Panorama.am"


def test_a_photo_credit_is_an_agencys_only_by_its_kind_of_words(places):
    from ingest.candidates.surroundings import caption_credits
    from ingest.registry import get_registry

    known = get_registry().agency_name
    credits = [caption_credits(line, known=lambda n: bool(known(n))) for line in (
        "Photo: Hina Khan", "Photo: Trend Micro", "Photo : YONHAP News"
    )]  # fmt: skip
    assert credits == [[], [], ["YONHAP News"]]

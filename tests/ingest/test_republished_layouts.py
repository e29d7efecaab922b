"""The world agencies' copy as papers and portals republish it: their menus, widgets and
credits around AP, Reuters, AFP, Xinhua and PTI reports.

The texts are written for these tests; their layouts follow real pages read in a fourth
spot check of 30 pages (see docs/benchmarks.md).
"""

import datetime

import pytest

from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(registry):
    CityFactory(name="Mumbai", country=country("IN"), population=12_000_000)
    CityFactory(name="New Delhi", country=country("IN"), population=300_000)


def test_two_cities_with_a_slash_then_the_date(places):
    report = parse(
        "India may raise the debt limit\n\n"
        "MUMBAI/NEW DELHI, June 9 (Reuters) - India is likely to raise the limit soon.\n"
    )
    assert (report.dateline.city, report.dateline.date) == ("Mumbai", datetime.date(2023, 6, 9))
    assert report.agency == "Reuters"


@pytest.mark.parametrize(
    "line",
    [
        "MoreHomeLifestyleAll StoriesPressAbout UsAdvertiseContact",
        "Skip to Content Facebook Feature Image",
        "share with facebook",
        ": :inin Kyiv (EET)",
        "Showing posts with label minister. Show all posts",
    ],
)
def test_menus_widgets_and_share_buttons_are_not_the_headline(places, line):
    report = parse(
        f"{line}\nIndia may raise the debt limit\n\n"
        "MUMBAI, June 9 (Reuters) - India is likely to raise the limit soon.\n"
    )
    assert report.headline == "India may raise the debt limit"


def test_a_headline_closed_by_the_agency_and_a_stamp_names_the_agency(places):
    report = parse(
        "Minister answers questions online (AP) Updated: 2006-07-07 06:52\n"
        "The minister answered questions from readers on Thursday, his office said.\n"
        "The minister, pictured in Moscow on July 6, 2006. [Reuters]\n"
        + "He spoke about the budget and about schools, and said more would follow.\n"
        * 5
    )
    assert report.headline == "Minister answers questions online"
    assert report.agency == "Associated Press"


@pytest.mark.parametrize(
    ("credit", "agency"),
    [("Par AFP", "Agence France-Presse"),
     ("Xinhua, November 2, 2015 Adjust font size:", "Xinhua News Agency")],
)  # fmt: skip
def test_credits_papers_print_name_the_agency(places, credit, agency):
    report = parse(
        f"The president meets veteran diplomats\n{credit}\n"
        "The president met former diplomats on Monday for the fifth round of the dialogue.\n"
        + "The dialogue gathers retired officials from both countries every year.\n"
        * 5
    )
    assert report.agency == agency
    assert report.headline == "The president meets veteran diplomats"


def test_a_papers_note_under_wire_copy_is_left_out_of_the_text(places):
    report = parse(
        "India and Japan agree to deepen defence ties\n"
        "New Delhi: India and Japan agreed on Tuesday to deepen defence cooperation.\n"
        "The two sides will hold joint exercises next year.\n"
        "(With inputs from PTI)\n"
        "This story has been published from a wire agency feed without modifications to the"
        " text. Only the headline has been changed.\n"
    )
    assert report.body.rstrip().endswith("(With inputs from PTI)")
    assert report.agency == "Press Trust of India"


def test_a_captions_credit_in_brackets_does_not_file_the_report(places):
    report = parse(
        "Ministers agree to reopen the crossing\n"
        "A view of the border crossing near the town. (Reuters)\n"
        "Ministers agreed on Tuesday to reopen the border crossing before spring.\n"
        + "Trade is expected to resume within weeks, officials said on the day.\n"
        * 5
    )
    assert report.agency != "Reuters"

"""Layouts of world and regional agencies' copy as other sites carry it (South Asia, the
Gulf, Africa, the Balkans, Japan): datelines, page furniture and sign-offs.

The texts are written for these tests; their layouts follow real pages read in a spot
check of 40 agencies' reports (see docs/benchmarks.md).
"""

import datetime

import pytest

from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="New Delhi", country=country("IN"), population=300_000)
    CityFactory(name="Islamabad", country=country("PK"), population=1_000_000)
    CityFactory(name="Zagreb", country=country("HR"), population=800_000)
    CityFactory(name="Algiers", country=country("DZ"), population=3_400_000)
    CityFactory(name="Brussels", country=country("BE"), population=1_200_000)
    CityFactory(name="Jeddah", country=country("SA"), population=3_900_000)
    CityFactory(name="Addis Ababa", country=country("ET"), population=3_400_000)
    CityFactory(name="Tehran", country=country("IR"), population=8_700_000)
    # Real gazetteers list old or foreign names that are also agencies' or regions' names.
    CityFactory(name="Salerno", country=country("IT"), population=130_000, aliases=["Irna"])
    CityFactory(name="Mahdia", country=country("TN"), population=60_000, aliases=["Africa"])


def test_a_country_in_square_brackets_after_the_city(places):
    report = parse(
        "Rail budget cleared\n\n"
        "New Delhi [India], July 20 (ANI): The cabinet cleared the rail budget on Monday.\n"
    )
    assert (report.dateline.city, report.dateline.country) == ("New Delhi", "IN")
    assert report.dateline.date == datetime.date(2023, 7, 20)
    assert report.agency == "Asian News International (ANI)"
    assert report.body.startswith("The cabinet cleared")


def test_a_year_before_the_dash_belongs_to_the_date(places):
    report = parse("Port deal signed\n\nZAGREB, May 1, 2018 - The port deal was signed.\n")
    assert report.dateline.date == datetime.date(2018, 5, 1)
    assert report.agency != "2018"


def test_a_date_and_agency_after_the_citys_dash(places):
    report = parse(
        "Council meets\n\nALGIERS – Thursday, 25 August 2022 (APS) – The council met on Thursday.\n"
    )
    assert (report.dateline.city, report.dateline.date) == ("Algiers", datetime.date(2022, 8, 25))
    assert report.agency == "Algeria Press Service"
    assert report.body.startswith("The council met")


def test_a_dateline_line_ending_with_a_clock_time(places):
    report = parse(
        "Summit ends\n\nBrussels, 23 March 2018, 14:50\n\nThe leaders ended their summit.\n"
    )
    assert (report.dateline.city, report.dateline.date) == ("Brussels", datetime.date(2018, 3, 23))
    assert report.body.startswith("The leaders ended")


def test_an_agencys_masthead_and_a_regions_name_are_no_dateline(places):
    report = parse(
        "Spokesman denies the rumour\n"
        "IRNA - Islamic Republic News Agency\n"
        "Tehran, Jan 23, IRNA -- The spokesman denied the rumour on Sunday.\n"
    )
    assert (report.dateline.city, report.dateline.country) == ("Tehran", "IR")
    report = parse(
        "Africa: Prime Minister Opens the Dam\n\n"
        "Addis Ababa — The prime minister opened the dam on the Blue Nile on Monday, "
        "ten years after its first turbine was ordered.\n"
    )
    assert (report.dateline.city, report.dateline.country) == ("Addis Ababa", "ET")


def test_a_section_label_naming_a_country_gives_way_to_the_dateline(places):
    report = parse(
        "SAUDI ARABIA\n\n"
        "Crown Prince leaves for France\n\n"
        "June 14, 2023\n\n"
        "JEDDAH — The Crown Prince left on Wednesday for a state visit to France. — SPA\n\n"
        "SAUDI ARABIA\n"
        "11 hours ago\n\n"
        "Defense ministers discuss cooperation\n"
    )
    assert (report.dateline.city, report.dateline.country) == ("Jeddah", "SA")
    assert report.headline == "Crown Prince leaves for France"
    assert report.agency == "Saudi Press Agency"  # the sign-off above the other stories


@pytest.mark.parametrize(
    "line",
    ["  1. You Are At:", "You are here", "Go to the main site", "Log in", "Show less",
     "Video Streaming", "Latest news with #KYODO"],
)  # fmt: skip
def test_page_furniture_is_not_the_headline(places, line):
    report = parse(f"{line}\nTalks resume in Islamabad\n\nIslamabad, Sep 15 : Talks resumed.\n")
    assert report.headline == "Talks resume in Islamabad"


def test_a_numbered_trail_of_links_is_not_the_headline(places):
    report = parse(
        "  1. You Are At:\n  2. News\n  3. World\n  4. Talks resume in Islamabad\n\n"
        "Talks resume in Islamabad\n\n"
        "Islamabad, Sep 15 : The talks resumed on Thursday.\n"
    )
    assert report.headline == "Talks resume in Islamabad"


def test_a_stamp_under_the_lead_dates_it_when_the_pages_own_date_is_far_off(places):
    report = parse(
        "Monday, November 25, 2024\n"
        "Talks resume in Islamabad\n\n"
        "Islamabad, Sep 15 : The talks resumed on Thursday.\n\n"
        "PTI Updated on: September 15, 2011 7:29 IST\n"
    )
    assert report.dateline.date == datetime.date(2011, 9, 15)


@pytest.mark.parametrize(
    "closing, agency",
    [
        ("The talks will resume in May.\n\nSource: IRNA\n\nNo comments:\n",
         "Islamic Republic News Agency (IRNA)"),
        ("The talks will resume in May.\n\nAuthor : ENA\nPublish date 14 May 2019\nshare on:\n",
         "Ethiopian News Agency"),
        ("The talks will resume in May. © KYODO\n", "Kyodo News"),
    ],
)  # fmt: skip
def test_a_sign_off_above_the_pages_own_lines_names_the_agency(places, closing, agency):
    report = parse(f"Talks to resume\n\nThe two sides agreed on Monday to talk again.\n{closing}")
    assert report.agency == agency


def test_the_agency_before_the_dateline(places):
    CityFactory(name="Rome", country=country("IT"), population=2_800_000)
    report = parse("Budget passed\n\n(ANSA) - Rome, October 11 - The senate passed the budget.\n")
    assert (report.dateline.city, report.dateline.date) == ("Rome", datetime.date(2023, 10, 11))
    assert report.agency == "ANSA"
    assert report.body.startswith("The senate passed")


def test_an_agency_and_a_date_open_the_dateline_without_a_place(places):
    report = parse("Speaker thanks Slovenia\n\nSTA, 7 June 2022 - The deputy speaker thanked it.\n")
    assert report.dateline.date == datetime.date(2022, 6, 7)
    assert report.agency == "Slovenian Press Agency (STA)"
    assert report.dateline.city == ""  # not a town called "Sta"
    assert report.body.startswith("The deputy speaker")


def test_the_agencys_web_address_opening_the_lead_names_it(places):
    report = parse(
        "Prisons to move out of the capital\n\n"
        "AKIPRESS.COM - The prisons will be moved out of the capital in 2020, the prime "
        "minister told parliament on Wednesday.\n"
    )
    assert report.agency == "AKIpress"
    assert report.dateline.city == ""  # "COM" is no town (Como)


def test_copy_opening_with_a_stray_tag_is_read_as_text(places):
    report = parse(
        '<image>data:image/s3,"s3://crabby-images/9f18d/9f18d6d8e1daa2a8f4474a4ebc61e7d41ce5ffdc" alt="Party backs the army"</image>\n'
        "Время в Баку - 14:30\n"
        "Party backs the army\n\n"
        "The opposition party said on Saturday that it backed the army.\n"
    )
    assert report.headline == "Party backs the army"


def test_a_date_after_the_dash_needs_an_agency_or_a_dash_after_it(places):
    CityFactory(name="Moscow", country=country("RU"), population=12_000_000)
    report = parse(
        "Holiday\n\nMOSCOW – March 8 (International Women's Day) is a public holiday in "
        "Russia, and offices close for the long weekend.\n"
    )
    assert report.dateline.raw == "MOSCOW –"
    assert report.body.startswith("March 8 (International Women's Day) is a public holiday")


def test_an_english_ago_is_no_spanish_month(places):
    report = parse(
        "KYIV — Two years ago 12 miners died at 10:30 in the morning, and the town "
        "remembered them on Friday.\n"
    )
    assert report.dateline.date is None

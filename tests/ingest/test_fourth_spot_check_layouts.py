"""Layouts a fourth spot check of real pages found misread (docs/benchmarks.md): an
agency named by an Azerbaijani or a past-tense attribution, a syndication feed's credit,
a date inside a republisher's credit in the dateline, and Italy's askanews.

The texts are written for these tests; their layouts follow the real pages.
"""

import datetime

import pytest

from ingest.registry import get_registry
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    for name, code, people in [
        ("Abu Dhabi", "AE", 600_000),
        ("Tokyo", "JP", 8_300_000),
    ]:
        CityFactory(name=name, country=country(code), population=people)


def test_an_agency_that_xeber_verir_in_azerbaijani_filed_the_report(places):
    report = parse(
        "SİYASƏT\n\nPrezident: Sərhəddə vəziyyət sabitdir\n\n"
        "Biz vəziyyəti hər gün izləyirik. Daha çox insan geri qayıdır.\n"
        "AZƏRTAC xəbər verir ki, bunu Prezident televiziya müsahibəsində bildirib.\n",
        datetime.date(2023, 1, 10),
    )
    assert report.agency == "Azerbaijan State News Agency (AZERTAC)"


def test_an_agency_that_reported_the_story_filed_it_when_nothing_else_says(places):
    report = parse(
        "We are all here, says the president\n\n"
        "Kiev, Feb 26 : The president posted a video on Friday from the capital.\n\n"
        "He said the troops were defending the country, Xinhua news agency reported.\n",
        datetime.date(2022, 2, 26),
    )
    assert report.agency == "Xinhua News Agency"


def test_a_syndication_feeds_via_credit_names_the_source_agency(places):
    report = parse(
        "Kyodo news summary -6-\n[July 18, 2014]\n\n"
        "(Japan Economic Newswire Via Acquire Media NewsEdge) ---------- Japan to help "
        "TOKYO - Japan's top government spokesman said Friday that Tokyo will cooperate.\n",
        datetime.date(2014, 7, 19),
    )
    assert (report.dateline.city, report.agency) == ("Tokyo", "Kyodo News")


def test_a_date_inside_a_republishers_credit_in_the_dateline_dates_the_report(places):
    report = parse(
        "ABU DHABI, (UrduPoint / Pakistan Point News / WAM - 02nd May, 2021) The crown "
        "prince today received the vice president at Shati Palace in Abu Dhabi.\n",
        datetime.date(2021, 5, 4),
    )
    assert (report.dateline.city, report.agency) == ("Abu Dhabi", "Emirates News Agency (WAM)")
    assert report.dateline.date == datetime.date(2021, 5, 2)


def test_askanews_is_a_known_agency(places):
    report = parse(
        "Pnrr, il Lazio respinge la mozione\n\n"
        "Roma, 6 set. (askanews) – La maggioranza ha respinto la mozione sui fondi.\n",
        datetime.date(2023, 9, 7),
    )
    assert report.agency == get_registry().agency_name("askanews") == "askanews"

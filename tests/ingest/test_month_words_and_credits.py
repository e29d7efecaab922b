"""Datelines an eleventh spot check of real pages found unread (see docs/benchmarks.md):
month words a date alone cannot tell (ANSA's `6 set.`, Adnkronos' `9 gen`, Hina's `12.
listopada`), and agencies that write their names in lower case (`dts`, `askanews`).

The texts are written for these tests; their dateline layouts follow the real pages.
"""

import datetime

import pytest

from ingest.dates import read_date
from places.models import City
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = " The government approved the decree on its second reading after a long debate.\n"


@pytest.fixture
@registry_world
def places(registry):
    for name, code in [("Rome", "IT"), ("Zagreb", "HR"), ("Warsaw", "PL"), ("Madrid", "ES"),
                       ("Lisbon", "PT"), ("Munich", "DE")]:  # fmt: skip
        CityFactory(name=name, country=country(code), population=1_500_000,
                    aliases={"Rome": ["Roma"], "Warsaw": ["Warszawa"], "Lisbon": ["Lisboa"],
                             "Munich": ["München"]}.get(name, []))  # fmt: skip


@pytest.mark.parametrize(
    ("dateline", "city", "date", "agency"),
    [
        ("Roma, 6 set. (ANSA) –", "Rome", datetime.date(2023, 9, 6), "ANSA"),
        ("Roma, 9 gen (Adnkronos) -", "Rome", datetime.date(2024, 1, 9), "Adnkronos"),
        ("ZAGREB, 12. listopada (Hina) -", "Zagreb", datetime.date(2023, 10, 12),
         "Croatian News Agency (HINA)"),  # October in Croatian
        ("WARSZAWA, 12 listopada (PAP) -", "Warsaw", datetime.date(2023, 11, 12),
         "Polish Press Agency (PAP)"),  # November in Polish
        ("Madrid, 21 ago (EFE) -", "Madrid", datetime.date(2023, 8, 21), "Agencia EFE"),
        ("Lisboa, 5 out (Lusa) -", "Lisbon", datetime.date(2023, 10, 5), "Lusa"),
        ("München (dts Nachrichtenagentur) –", "Munich", None, "dts Nachrichtenagentur"),
        ("Roma, 6 set. (askanews) –", "Rome", datetime.date(2023, 9, 6), "askanews"),
        ("Roma, 2 ott.", "Rome", datetime.date(2023, 10, 2), ""),  # the month's stop ends it
    ],
)  # fmt: skip
def test_month_words_and_lower_case_credits_in_real_datelines(places, dateline, city, date, agency):
    report = parse(f"The decree passes\n\n{dateline}{LEAD}")
    assert (report.dateline.raw, report.dateline.city) == (dateline, city)
    assert (report.dateline.date, report.agency) == (date, agency)
    assert report.body.startswith("The government approved")


@pytest.mark.parametrize(
    "line",
    [
        "The set of rules was out, 6 set in stone (sort of) - nothing more.",
        "Smith (speaking anonymously) - the minister said the decree would pass.",
        "Roma, 6 set of rules were approved on Monday by the council of ministers.",
    ],
)
def test_the_same_words_outside_a_dateline_are_no_date(places, line):
    report = parse(f"The decree passes\n\n{line}\n")
    assert (report.dateline.raw, report.dateline.date) == ("", None)


def test_a_month_word_no_date_alone_can_tell_says_its_year_is_a_guess(places):
    """`20 SET` gives no year, as `Sept. 20` gives none: the editor is told the year was
    taken from the import date (the ninth spot check's ANSA pages, 2011 and 2017 stories)."""
    report = parse(f"The decree passes\n\nROMA, 20 SET –{LEAD}")
    assert report.dateline.date == datetime.date(2023, 9, 20)
    assert "The dateline gives no year; 2023 was taken from the import date." in report.warnings


def test_a_date_alone_never_reads_an_ambiguous_month_word():
    assert read_date("6 set") is None and read_date("12 listopada") is None
    assert read_date("12 listopada", ambiguous=True, country="HR") == (None, 10, 12)
    assert read_date("12 listopada", ambiguous=True, country="PL") == (None, 11, 12)


def test_a_run_of_hashtags_is_no_headline(places):
    report = parse(
        "#sanremo #studionews #askanews #altrosanremo\nThe decree passes\n\n"
        f"Roma, 6 set. (askanews) –{LEAD}"
    )
    assert report.headline == "The decree passes"


@pytest.mark.parametrize(
    ("dateline", "date"),
    [("BRUXELLES, 12. listopada (Hina) -", datetime.date(2023, 10, 12)),  # Croatian abroad
     ("Zagrzeb, 12 listopada (PAP) -", datetime.date(2023, 11, 12))],  # Polish in Zagreb
)  # fmt: skip
def test_listopada_is_read_in_the_agencys_language_wherever_it_files(places, dateline, date):
    CityFactory(name="Brussels", country=country("BE"), population=1_200_000,
                aliases=["Bruxelles"])  # fmt: skip
    City.objects.filter(name="Zagreb").update(aliases=["Zagrzeb"])
    report = parse(f"The decree passes\n\n{dateline}{LEAD}")
    assert report.dateline.date == date


@pytest.mark.parametrize("aside", ["(in brief)", "(with video)", "(photos)"])
def test_an_aside_in_lower_case_is_no_agency(places, aside):
    report = parse(f"The decree passes\n\nRoma {aside} - The government approved the decree.\n")
    assert report.agency == ""

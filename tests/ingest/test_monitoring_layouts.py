"""Agency reports as BBC Monitoring relays them: a headline, a line naming the source
("Text of report by Azerbaijani news agency Turan"), the source's own dateline without a
year, and the source with its date closing the text ("(Source: … in English 1015 gmt 14
Mar 22)") or printed over it ("12 Jul 05").

The texts are written for these tests; the layout follows monitoring copy archived on
public pages (docs/wire-desk.md).
"""

import datetime

import pytest

from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LATER = datetime.date(2026, 1, 10)


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="London", country=country("GB"), population=9_000_000)
    CityFactory(name="Yerevan", country=country("AM"), population=1_100_000)
    CityFactory(name="Ankara", country=country("TR"), population=5_000_000)


def test_the_year_comes_from_the_closing_source_line(places):
    report = parse(
        "Minister expects gas deliveries to grow\n"
        "Text of report by Azerbaijani news agency Turan\n"
        "Baku, 14 March: Azerbaijan expects larger gas deliveries within five years, the "
        "energy minister said today.\n"
        "He gave no figures.\n"
        "(Source: Turan news agency, Baku, in English 1015 gmt 14 Mar 22)\n",
        LATER,
    )
    assert (report.dateline.city, report.dateline.date) == ("Baku", datetime.date(2022, 3, 14))
    assert report.agency == "Turan Information Agency"


def test_a_source_relayed_in_the_last_century_keeps_its_year(places):
    report = parse(
        "Opposition announces a rally\n"
        "Excerpt from report by Armenian news agency Arminfo\n"
        "Yerevan, 3 October: The opposition has called a rally for Saturday.\n"
        "(Source: Arminfo news agency, Yerevan, in Russian 0845 gmt 3 Oct 98 via BBC Monitoring)\n",
        LATER,
    )
    assert report.dateline.date == datetime.date(1998, 10, 3)


def test_the_date_over_the_text_and_the_agencys_old_english_name(places):
    report = parse(
        "Foreign minister sees no risk to the talks\n"
        "Anatolia news agency, Ankara\n"
        "12 Jul 05\n"
        "Text of report in English by Turkish news agency Anatolia\n"
        "London, 12 July: The foreign minister said he saw no risk to the start of the talks.\n",
        LATER,
    )
    assert (report.dateline.city, report.dateline.date) == ("London", datetime.date(2005, 7, 12))
    assert report.agency == "Anadolu Agency"


def test_a_short_date_only_counts_as_a_whole_line_or_in_a_source_line(places):
    report = parse(
        "Talks resume\n"
        "London, 12 July: Delegates met again, and 12 Jul 05 was not mentioned at all.\n",
        LATER,
    )
    assert report.dateline.date == datetime.date(2025, 7, 12)

"""The home region's agencies as other sites carry them, in English, Russian, Azerbaijani
and Turkish: Turan, Report, APA, TASS, Anadolu, Xinhua and Kazinform.

The texts are written for these tests; their layouts follow real pages read in a sixth
spot check of 40 pages (see docs/benchmarks.md).
"""

import datetime

import pytest

from ingest.head import classify
from ingest.registry import fold, get_registry
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = "The minister said on Friday that talks would resume after the troops withdrew.\n"


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="Ankara", country=country("TR"), population=3_500_000)
    CityFactory(name="Tbilisi", country=country("GE"), population=1_100_000, aliases=["Tiflis"])
    CityFactory(name="Tashkent", country=country("UZ"), population=2_400_000)
    CityFactory(name="Yerevan", country=country("AM"), population=1_100_000, aliases=["Ереван"])
    # GeoNames lists Turan as an old name of Da Nang: never the agency's place.
    CityFactory(name="Da Nang", country=country("VN"), population=750_000, aliases=["Turan"])


@pytest.mark.parametrize(
    ("dateline", "city", "date", "agency"),
    [
        ("Baku/02.10.20/Turan:", "Baku", datetime.date(2020, 10, 2), "Turan Information Agency"),
        ("ANKARA-Anadolu Agency\n", "Ankara", None, "Anadolu Agency"),
        ("Xinhua News Agency, Tashkent, September 14.", "Tashkent", datetime.date(2023, 9, 14),
         "Xinhua News Agency"),
        ("TİFLİS (AA) -", "Tbilisi", None, "Anadolu Agency"),
        ("TBİLİSİ (AA) -", "Tbilisi", None, "Anadolu Agency"),
        ("ЕРЕВАН, 4 апреля. /Корр.ИТАР-ТАСС Тигран Лилоян/.", "Yerevan",
         datetime.date(2023, 4, 4), "TASS"),
    ],
)  # fmt: skip
def test_home_region_datelines(places, dateline, city, date, agency):
    report = parse(f"Talks may resume, minister says\n\n{dateline} {LEAD}")
    assert (report.dateline.city, report.agency) == (city, agency)
    if date:
        assert report.dateline.date == date
    assert report.body.startswith("The minister said")


def test_a_turkish_capital_i_folds_to_a_plain_i():
    assert fold("TİFLİS") == "tiflis" and len(fold("İstanbul")) == len("İstanbul")


def test_a_place_and_a_slash_no_longer_end_the_dateline_but_a_country_is_no_agency(places):
    report = parse(f"Talks may resume\n\nTashkent/Uzbekistan/ {LEAD}")
    assert report.agency == ""


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Pressklub.az TASS-a istinadən xəbər verir ki, bu barədə baş katib bildirib.", "TASS"),
        ("Şəhər İcra Hakimiyyətinin başçısı APA-ya bildirib ki, məsələ müzakirə olunur.",
         "APA Information Agency"),
        ("Nazir bunu deyib. \"Report\"un məlumatına görə, nazir bunu müsahibəsində bildirib.",
         "Report.az"),
    ],
)  # fmt: skip
def test_azerbaijani_copy_saying_who_filed_it(places, text, agency):
    report = parse(f"Nazir danışıqlar barədə danışıb\n{text}\n")
    assert report.agency == agency


def test_an_agencys_name_in_a_longer_hyphenated_word_is_no_mention(registry):
    assert get_registry().agency_mentions("a TASS-owned office and the APA-style guide") == []


@pytest.mark.parametrize(
    "line",
    ["Hikmət Hacıyev. Açiq mənbələrdən foto.", "Currency rates:", "usd/kzt 445.99 eur/kzt 486.53",
     "Фото из открытых источников", "• Main Page >"],
)  # fmt: skip
def test_captions_and_exchange_rates_are_no_headline(places, line):
    report = parse(f"{line}\nTalks may resume after the withdrawal\n\nBaku/02.10.20/Turan: {LEAD}")
    assert report.headline == "Talks may resume after the withdrawal"


@pytest.mark.parametrize(
    "line", ["Minister opens an exhibition of war photo", "Путин посетил фото выставку в Москве"]
)
def test_a_headline_about_photos_is_no_caption(line):
    assert classify(line) == "text"


def test_a_history_date_in_the_text_gives_the_dateline_no_year(places):
    report = parse(
        "Agency marks its anniversary\n\n"
        "Baku. 6 April. REPORT.AZ/ The agency marks its anniversary today. It began its work "
        "on April 6, 1920, in difficult times.\n"
    )
    assert report.dateline.date == datetime.date(2023, 4, 6)  # the import date's year
    assert report.body.startswith("The agency marks")  # no stray slash


def test_a_slash_after_the_date_still_ends_the_dateline_before_a_byline(places):
    report = parse(
        "Ministers discuss the situation\nTrend News Agency\nSept 10 2008\n"
        "Azerbaijan, Baku, 10 September/ TrendNews, corr R. Novruzov/ The foreign ministers\n"
        "talked over the telephone on Wednesday.\n"
    )
    assert (report.dateline.city, report.dateline.date) == ("Baku", datetime.date(2008, 9, 10))


@pytest.mark.parametrize(
    "lead",
    ["Russia marks 70 years since Stalin died on March 5, 1953, in his dacha.",
     "The city marks ten years since the bridge opened on March 5, 2013.",
     "The commission will meet again on March 9, 2019."],
)  # fmt: skip
def test_an_anniversary_or_a_later_date_in_the_text_gives_the_dateline_no_year(places, lead):
    report = parse(f"Russia marks the day\n\nMOSCOW, March 5 (TASS) - {lead}\n")
    assert report.dateline.date == datetime.date(2024, 3, 5)  # the import date's year


def test_a_town_named_as_a_weekday_in_another_language_is_still_a_place(places):
    CityFactory(name="Çarşamba", country=country("TR"), population=50_000)
    report = parse(f"Storm hits\n\nÇARŞAMBA, May 5 - {LEAD}")
    assert (report.dateline.city, report.dateline.country) == ("Çarşamba", "TR")


@pytest.mark.parametrize(
    ("printed", "parts"),
    [("Kamis, 24 Februari 2011", (2011, 2, 24)), ("jeudi 5 mars 2020", (2020, 3, 5)),
     ("Miércoles, 3 de marzo de 2021", (2021, 3, 3)), ("Khamis, 3 Ogos 2020", (2020, 8, 3))],
)  # fmt: skip
def test_dates_opening_with_a_weekday_in_other_languages(printed, parts):
    from ingest.dates import read_date

    assert read_date(printed) == parts


def test_a_date_in_the_text_after_the_import_date_gives_no_year(places):
    report = parse(
        "Talks may resume\n\nBaku. 31 December. REPORT.AZ/ The talks of 30 December 2024 "
        "ended late, the minister said.\n"
    )
    assert report.dateline.date == datetime.date(2023, 12, 31)  # from the import date

"""Arabic copy: the datelines of WAM, MENA, SPA, Petra, WAFA, Reuters and AFP in Arabic.

The texts are written for these tests; their dateline layouts follow real pages read in
a fifth spot check (see docs/benchmarks.md).
"""

import datetime

import pytest

from ingest.dates import read_date
from ingest.tagger import suggest_tags
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = " أعلنت الحكومة اليوم عن خطة جديدة لدعم الطاقة المتجددة في البلاد.\n"


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="Abu Dhabi", country=country("AE"), population=1_800_000, aliases=["أبوظبي"])
    CityFactory(name="Dubai", country=country("AE"), population=3_000_000, aliases=["دبي"])
    CityFactory(name="Cairo", country=country("EG"), population=9_600_000, aliases=["القاهرة"])
    CityFactory(name="Riyadh", country=country("SA"), population=4_200_000, aliases=["الرياض"])
    CityFactory(name="Amman", country=country("JO"), population=1_300_000, aliases=["عمان"])
    CityFactory(name="Beirut", country=country("LB"), population=1_900_000, aliases=["بيروت"])
    CityFactory(name="Ramallah", country=country("PS"), population=25_000, aliases=["رام الله"])
    CityFactory(name="Rabat", country=country("MA"), population=1_700_000, aliases=["الرباط"])
    CityFactory(name="Gaza", country=country("PS"), population=400_000, aliases=["غزة"])
    CityFactory(name="Kuwait City", country=country("KW"), population=60_000, aliases=["الكويت"])
    CityFactory(
        name="Bandar Seri Begawan", country=country("BN"), population=64_000,
        aliases=["بندر سري بكاوان"],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("dateline", "city", "date", "agency"),
    [
        ("أبوظبي في 14 مايو / وام /", "Abu Dhabi", datetime.date(2023, 5, 14),
         "Emirates News Agency (WAM)"),
        ("دبي، 12 مارس (وام) /", "Dubai", datetime.date(2024, 3, 12),
         "Emirates News Agency (WAM)"),
        ("القاهرة في 12 مارس /أ ش أ/", "Cairo", datetime.date(2024, 3, 12),
         "Middle East News Agency (MENA)"),
        ("الرياض ١٤ مايو ٢٠٢٢ (واس) -", "Riyadh", datetime.date(2022, 5, 14),
         "Saudi Press Agency"),
        ("رام الله 3 تشرين الأول 2023 (وفا) -", "Ramallah", datetime.date(2023, 10, 3), "WAFA"),
        ("القاهرة (رويترز) -", "Cairo", None, "Reuters"),
        ("عمان (بترا) -", "Amman", None, "Jordan News Agency (Petra)"),
        ("بيروت - (أ ف ب) -", "Beirut", None, "Agence France-Presse"),
        ("ابوظبي (وام)\n", "Abu Dhabi", None, "Emirates News Agency (WAM)"),  # no hamza
        ("غزه (وفا) -", "Gaza", None, "WAFA"),  # a final ha for the ta marbuta
        ("الرباط (و م ع) -", "Rabat", None, "Maghreb Arab Press"),
        ("بندر سري بكاوان (وام) -", "Bandar Seri Begawan", None,
         "Emirates News Agency (WAM)"),  # three words, the longest Arabic place read
        ("أبو ظبي، 22 كانون الثاني/يناير (وام) -", "Abu Dhabi", datetime.date(2024, 1, 22),
         "Emirates News Agency (WAM)"),  # two words, and a month's two names
        ("الكويت - 5 - 12 (كونا) --", "Kuwait City", datetime.date(2023, 12, 5),
         "Kuwait News Agency"),  # the day and the month between dashes
    ],
)  # fmt: skip
def test_arabic_datelines(places, dateline, city, date, agency):
    report = parse(f"{dateline}{LEAD}")
    assert (report.dateline.city, report.agency) == (city, agency)
    assert report.dateline.raw == dateline.strip()
    if date:
        assert report.dateline.date == date
    assert report.body.startswith("أعلنت الحكومة")


def test_an_agency_the_registry_lacks_in_brackets_after_an_arabic_date(places):
    report = parse(f"بيروت، 22 كانون الثاني/يناير (إذاعة الواحة) -{LEAD}")
    assert (report.dateline.city, report.agency) == ("Beirut", "إذاعة الواحة")
    assert report.dateline.date == datetime.date(2024, 1, 22)


def test_copy_opening_with_the_agencys_name_and_a_dash_names_it(places):
    report = parse("كونا- يغادر أمير البلاد أرض الوطن اليوم متوجها الى المملكة المتحدة.\n")
    assert report.agency == "Kuwait News Agency"


def test_an_arabic_sentence_with_a_comma_is_no_dateline(places):
    report = parse("قال الرئيس، إن الحكومة ستعلن عن خطة جديدة.\nوأضاف أن الخطة جاهزة.\n")
    assert (report.dateline.raw, report.dateline.city) == ("", "")


@pytest.mark.parametrize(
    ("printed", "parts"),
    [
        ("14 مايو", (None, 5, 14)),
        ("١٤ مايو ٢٠٢٤", (2024, 5, 14)),
        ("3 تشرين الأول 2023", (2023, 10, 3)),
        ("12 آب", (None, 8, 12)),
        ("5 جانفي 2020م", (2020, 1, 5)),
        ("9 غشت 2019", (2019, 8, 9)),
        ("22 كانون الثاني/يناير", (None, 1, 22)),
        ("3 شباط / فبراير 2016", (2016, 2, 3)),
    ],
)
def test_arabic_dates(printed, parts):
    assert read_date(printed) == parts


def test_kunas_day_and_month_between_dashes_read_in_a_dateline_only():
    assert read_date("5 - 12", ambiguous=True) == (None, 12, 5)
    assert read_date("5 - 12") is None  # a score, anywhere else


def test_arabic_names_that_are_common_words_tag_no_text(places):
    """Many Arabic names are also common words: "مالي" (financial) is Mali's, "المغرب"
    (the sunset) Morocco's, "المدينة" (the city) Medina's; a city's Arabic name reads
    datelines only; a country's that is no word is read, after "and" too (`وقالت مصر`)."""
    text = "أعلنت الحكومة دعما مالي جديدا بعد صلاة المغرب في المدينة، وقالت مصر إنها ستساعد."
    assert [s.key for s in suggest_tags(text, candidates=False).countries] == ["EG"]


def test_four_arabic_words_before_a_comma_are_a_sentence_not_a_place(places):
    report = parse("قال وزير الخارجية الأردني، في بيان اليوم (بترا) إن الحكومة مستعدة.\n")
    assert (report.dateline.raw, report.dateline.city) == ("", "")

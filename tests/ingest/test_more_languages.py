"""Dates, datelines and credits in more of the languages agencies file in: dates printed
year first (MTI's `2025. november 26.`, BNS's `2025 m. gruodžio 15 d.`, Korean and
Japanese `2024.10.30`), month names in Hungarian, Lithuanian, Latvian, Finnish, Dutch,
Romanian and Greek, Greek datelines, a source quoted to the agency (`til NTB`, `à Agência
Brasil`), a page's tags glued into one word, and a headline printed again glued to the
dateline. From the eighth spot check of real pages (see docs/benchmarks.md).

The texts are written for these tests; their layouts follow the real pages.
"""

import datetime

import pytest

from ingest import head
from ingest.dates import read_date
from places.gazetteer import city_aliases, greek_names
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = " The government approved the decree on its second reading after a long debate.\n"


@pytest.fixture
@registry_world
def places(registry):
    cities = [
        ("Budapest", "HU", []), ("Vilnius", "LT", []), ("Riga", "LV", ["Rīga"]),
        ("Helsinki", "FI", []), ("Amsterdam", "NL", []), ("Bucharest", "RO", ["Bucureşti"]),
        ("Athens", "GR", ["Αθήνα"]), ("Thessaloníki", "GR", ["Θεσσαλονίκη"]),
        ("Seoul", "KR", []), ("Rome", "IT", ["Roma"]), ("Oslo", "NO", []),
    ]  # fmt: skip
    for name, code, aliases in cities:
        CityFactory(name=name, country=country(code), population=1_200_000, aliases=aliases)


@pytest.mark.parametrize(
    ("dateline", "city", "date", "agency"),
    [
        ("Budapest, 2025. november 26. (MTI) –", "Budapest", datetime.date(2025, 11, 26),
         "Hungarian News Agency (MTI)"),
        ("Budapest, 2025. november 26., szerda (MTI) –", "Budapest",
         datetime.date(2025, 11, 26), "Hungarian News Agency (MTI)"),  # and its weekday
        ("Budapest, 2025. márc. 5. (MTI) –", "Budapest", datetime.date(2025, 3, 5),
         "Hungarian News Agency (MTI)"),
        ("Vilnius, 2025 m. gruodžio 15 d. (BNS) –", "Vilnius", datetime.date(2025, 12, 15),
         "Baltic News Service (BNS)"),
        ("Seoul, 2024.10.30 (Yonhap) -", "Seoul", datetime.date(2024, 10, 30),
         "Yonhap News Agency"),
        ("Helsinki, 5. joulukuuta (STT) –", "Helsinki", datetime.date(2023, 12, 5),
         "Finnish News Agency (STT)"),
        ("Amsterdam, 5 maart (ANP) -", "Amsterdam", datetime.date(2024, 3, 5),
         "Algemeen Nederlands Persbureau (ANP)"),
        ("BUCUREŞTI, 13 noiembrie /Agerpres/ -", "Bucharest", datetime.date(2023, 11, 13),
         "Agerpres"),
        ("Αθήνα, 5 Δεκεμβρίου (ΑΠΕ-ΜΠΕ) -", "Athens", datetime.date(2023, 12, 5),
         "Athens-Macedonian News Agency"),
        ("ΘΕΣΣΑΛΟΝΙΚΗ, 5 Δεκεμβρίου (ΑΠΕ-ΜΠΕ) -", "Thessaloníki", datetime.date(2023, 12, 5),
         "Athens-Macedonian News Agency"),  # capitals print no accents
    ],
)  # fmt: skip
def test_datelines_in_more_languages(places, dateline, city, date, agency):
    report = parse(f"The decree passes\n\n{dateline}{LEAD}")
    assert (report.dateline.raw, report.dateline.city) == (dateline, city)
    assert (report.dateline.date, report.agency) == (date, agency)
    assert report.body.startswith("The government approved")


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("2025. december 7., vasárnap", datetime.date(2025, 12, 7)),
        ("2025. november 26. szerda. 5:13", datetime.date(2025, 11, 26)),
        ("2024.10.30 14:05", datetime.date(2024, 10, 30)),
        ("2024. 10. 30.", datetime.date(2024, 10, 30)),
        ("2024년 10월 30일 14:00", datetime.date(2024, 10, 30)),
        ("2025 m. gruodžio 15 d.", datetime.date(2025, 12, 15)),
        ("2025. gada 7. decembrī", datetime.date(2025, 12, 7)),
        ("Ngày 7 tháng 12 năm 2025", datetime.date(2025, 12, 7)),
        ("5. joulukuuta 2025", datetime.date(2025, 12, 5)),
        ("13 noiembrie 2025, 10:15", datetime.date(2025, 11, 13)),
        ("5 Δεκεμβρίου 2025", datetime.date(2025, 12, 5)),
    ],
)
def test_timestamps_printed_year_first_and_in_more_languages(stamp, date):
    assert head.is_timestamp(stamp)
    assert head.dates_in(stamp) == [date]


def test_a_date_of_the_day_over_the_page_is_no_headline(places):
    report = parse(
        "2025. december 7., vasárnap\n\nBelföld\n\n"
        "A kormány döntött a főváros támogatásáról\n\n"
        "2025. november 26. szerda. 5:13\n"
        "A kormány szerdai ülésén döntött a főváros támogatásáról, közölte a miniszter "
        "kedden az MTI-vel egy hosszú sajtótájékoztató után a parlamentben.\n"
    )
    assert report.headline == "A kormány döntött a főváros támogatásáról"
    assert report.agency == "Hungarian News Agency (MTI)"  # "told MTI"


def test_a_pages_tags_run_together_are_no_headline(places):
    report = parse(
        "Kovács JánosfőpolgármesterkormányinfóFővárosi Közgyűlés\n\n"
        "A kormány döntött a főváros támogatásáról\n\n"
        "A kormány szerdai ülésén döntött a főváros támogatásáról, és a miniszter szerint "
        "a részletekről a jövő héten tárgyalnak majd a főváros vezetőivel.\n\n"
        "Forrás: MTI2025. 11. 27. 13:04\n"
    )
    assert report.headline == "A kormány döntött a főváros támogatásáról"
    assert report.agency == "Hungarian News Agency (MTI)"  # the label, glued to its stamp


def test_a_brand_in_a_headline_is_no_run_of_tags(places):
    report = parse(
        "McDonald's opens its first restaurant in the capital\n\n"
        "Vilnius, 2025 m. gruodžio 15 d. (BNS) – The chain opened its first restaurant in "
        "the capital on Monday, the company said.\n"
    )
    assert report.headline == "McDonald's opens its first restaurant in the capital"


def test_a_headline_printed_again_glued_to_the_dateline(places):
    report = parse(
        "Lazio, the council rejects the motion on funds\n\n"
        "Lazio, the council rejects the motion on fundsRoma, 6 set. (askanews) – The "
        "regional council rejected the motion on Tuesday after a long debate.\n"
    )
    assert report.headline == "Lazio, the council rejects the motion on funds"
    assert report.dateline.city == "Rome"
    assert report.agency == "askanews"
    assert report.body.startswith("The regional council rejected")


@pytest.mark.parametrize(
    ("said", "agency"),
    [
        ("sier operasjonsleder Nordby i politiet til NTB.", "Norsk Telegrambyrå (NTB)"),
        ("explicou o diretor, à Agência Brasil.", "Agência Brasil"),
        ("a déclaré le ministre à l'AFP.", "Agence France-Presse"),
        ("sagte ein Sprecher gegenüber der dpa.", "Deutsche Presse-Agentur"),
        ("dijo a EFE el portavoz de la policía.", "Agencia EFE"),
        ("powiedział PAP rzecznik policji.", "Polish Press Agency (PAP)"),
        ("közölte a szóvivő az MTI-vel.", "Hungarian News Agency (MTI)"),
    ],
)
def test_a_source_quoted_to_the_agency_names_the_filer(places, said, agency):
    report = parse(
        "Police close the old town after shots\n\n"
        "Police closed the old town on Sunday morning after several shots were reported.\n\n"
        "Officers searched the streets for two hours and found no one hurt at the scene.\n\n"
        f"– We received several calls about a man firing a weapon, {said}\n"
    )
    assert report.agency == agency


@pytest.mark.parametrize("cited", ["according to NTB.", "selon l'AFP.", "según EFE."])
def test_an_agency_cited_below_the_lead_is_not_the_filer(places, cited):
    report = parse(
        "Police close the old town after shots\n\n"
        "Police closed the old town on Sunday morning after several shots were reported.\n\n"
        "Officers searched the streets for two hours and found no one hurt at the scene.\n\n"
        f"The shots were fired from a car, {cited}\n"
    )
    assert report.agency == ""  # cited, not quoted to


def test_lithuanian_credit_line(places):
    report = parse(
        "Prezidentas aptars projektus\n\nBNS inf.\n\n"
        "Prezidentas pirmadienį susitiks su sostinės meru ir aptars infrastruktūrinius "
        "projektus, civilinę saugą ir demografinę situaciją sostinėje.\n"
    )
    assert report.agency == "Baltic News Service (BNS)"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2025. november 26.", (2025, 11, 26)),
        ("2025 m. gruodžio 15 d.", (2025, 12, 15)),
        ("2024.10.30", (2024, 10, 30)),
        ("26 Δεκεμβρίου", (None, 12, 26)),
        ("15 lapkričio", (None, 11, 15)),
        ("7. decembrī", (None, 12, 7)),
        ("3 maart 2024", (2024, 3, 3)),
    ],
)
def test_read_date_in_more_languages(text, parts):
    assert read_date(text) == parts


def test_greek_names_of_cities_come_from_geonames():
    alternates = ["Athens", "Αθήνα", "Αθῆναι", "αθηνα", "Atina"]
    assert greek_names(alternates) == ["Αθήνα", "Αθῆναι"]
    assert "Αθήνα" in city_aliases("Athens", alternates)

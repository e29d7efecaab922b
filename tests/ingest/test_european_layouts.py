"""Layouts of European, Latin American and Asian agencies' copy as their own and other
sites carry it: ordinal days and month names of Central Europe, Spanish month
abbreviations, credits in many languages, version labels, and the names countries go
by in the languages agencies file in.

The texts are written for these tests; their layouts follow real pages read in a third
spot check of 40 agencies' reports (see docs/benchmarks.md).
"""

import datetime

import pytest

from ingest.tagger import suggest_tags
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    for name, code, population, aliases in [
        ("Bratislava", "SK", 430_000, []),
        ("Prague", "CZ", 1_300_000, ["Praha"]),
        ("Brussels", "BE", 1_200_000, ["Bruxelles"]),
        ("Warsaw", "PL", 1_700_000, ["Warszawa"]),
        ("Lima", "PE", 7_700_000, []),
        ("Madrid", "ES", 3_200_000, []),
        ("Nanjing", "CN", 7_100_000, []),
        ("Casablanca", "MA", 3_100_000, ["White House"]),  # as GeoNames lists it
        ("Bron", "FR", 40_000, []),
    ]:
        CityFactory(name=name, country=country(code), population=population, aliases=aliases)


@pytest.mark.parametrize(
    ("line", "city", "code", "date", "agency"),
    [
        ("Bratislava 6. decembra (TASR) - Vláda schválila rozpočet na budúci rok.",
         "Bratislava", "SK", datetime.date(2023, 12, 6), "News Agency of the Slovak Republic (TASR)"),
        ("Praha 12. března (ČTK) - Vláda schválila rozpočet.",
         "Prague", "CZ", datetime.date(2024, 3, 12), "Czech News Agency (ČTK)"),
        ("BRUXELLES, 11. travnja (FENA) - Premijer je razgovarao s ministrima.",
         "Brussels", "BE", datetime.date(2023, 4, 11), "Federal News Agency (FENA)"),
        ("WARSZAWA, 20 września (PAP) - Premier spotkał się z ministrami.",
         "Warsaw", "PL", datetime.date(2023, 9, 20), "Polish Press Agency (PAP)"),
        ("Lima, dic. 07 (ANDINA).- El presidente llegó a la ciudad.",
         "Lima", "PE", datetime.date(2023, 12, 7), "Andina"),
        ("Madrid (Espagne), 5 juillet (LaPresse) – Le ministre a parlé mardi.",
         "Madrid", "ES", datetime.date(2023, 7, 5), "LaPresse"),
    ],
)  # fmt: skip
def test_datelines_of_central_europe_and_latin_america(places, line, city, code, date, agency):
    report = parse(f"{line}\n\nThe second paragraph says more.\n")
    assert (report.dateline.city, report.dateline.country) == (city, code)
    assert (report.dateline.date, report.agency) == (date, agency)


@pytest.mark.parametrize(
    "line",
    [
        "Monday 6 March (Trend) - A public holiday was declared.",  # no place
        "Nowhereville 6 March (Trend) - A public holiday was declared.",  # no known place
        "Bratislava 9. November 1989: the wall had fallen two days before.",  # no agency
        "London 2012 was the last games held there.",
    ],
)
def test_a_place_and_a_date_without_a_comma_need_a_known_place_and_the_agency(places, line):
    assert parse(f"Headline here\n\n{line}\n").dateline.city == ""


@pytest.mark.parametrize(
    ("line", "city", "date"),
    [
        ("ZAGREB, 11. travnja 2019. (Hina) - Premijer je razgovarao s ministrima.",
         "Zagreb", datetime.date(2019, 4, 11)),
        ("WARSZAWA, 20 października (PAP) - Premier spotkał się z ministrami.",
         "Warsaw", datetime.date(2023, 10, 20)),
        ("Скопје, 5 април (МИА) - Владата ја усвои одлуката.", "Skopje", datetime.date(2023, 4, 5)),
    ],
)  # fmt: skip
def test_a_year_with_its_dot_and_the_longest_month_names(places, line, city, date):
    CityFactory(name="Zagreb", country=country("HR"), population=800_000)
    CityFactory(name="Skopje", country=country("MK"), population=500_000, aliases=["Скопје"])
    report = parse(f"{line}\n")
    assert (report.dateline.city, report.dateline.date) == (city, date)


@pytest.mark.parametrize(
    ("line", "city", "code"),
    [("TUNIS, 12 mars (TAP) - Le ministre a annoncé un plan.", "Tunis", "TN"),
     ("BRASILIA, March 12 (Reuters) - The minister said on Tuesday.", "Brasília", "BR")],
)  # fmt: skip
def test_a_city_a_language_gives_its_country_s_name_stays_the_city(places, line, city, code):
    CityFactory(name="Tunis", country=country("TN"), population=700_000)
    CityFactory(name="Brasília", country=country("BR"), population=3_000_000,
                aliases=["Brasilia"])  # fmt: skip
    report = parse(f"{line}\n")
    assert (report.dateline.city, report.dateline.country) == (city, code)


def test_a_credit_label_or_a_captions_credit_is_no_dateline(places):
    report = parse(
        "21/06/17 - 04u15 Bron: Belga\n\n"
        "De premier bedankt de veiligheidsdiensten voor hun werk deze nacht.\n"
    )
    assert report.dateline.city == "" and report.agency == "Belga"
    report = parse(
        "Presidente Evo Morales. Foto: ABI\n"
        "El presidente saludó a los movimientos sociales en el acto de este miércoles.\n"
    )
    assert report.dateline.city == ""


@pytest.mark.parametrize(
    ("credit", "agency"),
    [("Por: Diario Digital Castelo Branco/Lusa", "Lusa"), ("• LETA/TBT Staff", "LETA"),
     ("Autor: PAP", "Polish Press Agency (PAP)")],
)  # fmt: skip
def test_credits_in_other_languages_and_shared_ones_name_the_agency(places, credit, agency):
    report = parse(
        f"{credit}\n"
        "O primeiro-ministro afirmou hoje no final da cimeira que a reunião correu bem a todos.\n"
    )
    assert report.agency.endswith(agency) or report.agency == agency
    assert report.headline != credit.strip("• ")


@pytest.mark.parametrize(
    "line",
    ["Go to Contents Go to Navigation", "Noticia servida automáticamente por la Agencia EFE",
     "Ukraine Snake Island Flag - Buy it Here!", "Сегодня в новостях", "Source: AKP"],
)  # fmt: skip
def test_more_page_furniture_is_not_the_headline(places, line):
    report = parse(f"{line}\nTalks resume in Lima\n\nLima, dic. 07 (ANDINA).- Talks resumed.\n")
    assert report.headline == "Talks resume in Lima"


def test_a_version_label_and_a_month_only_archive_prefix_leave_the_headline(places):
    report = parse(
        "(2nd LD) Foreign minister says talks will resume\n\n"
        "Lima, dic. 07 (ANDINA).- The minister said on Friday that the talks would resume.\n"
    )
    assert report.headline == "Foreign minister says talks will resume"
    report = parse(" date 2020-11 La Secretaría General presentó su informe anual\n\nTexto.\n")
    assert report.headline == "La Secretaría General presentó su informe anual"


def test_a_slashed_year_first_stamp_above_the_dateline_gives_its_year(places):
    report = parse(
        "MAC to set up a regular channel with TAO\n"
        "ROC Central News Agency\n"
        "2014/02/11 20:39:48\n"
        "Nanjing, Feb. 11 (CNA) The two offices agreed on Tuesday to set up a channel.\n"
    )
    assert report.dateline.date == datetime.date(2014, 2, 11)


def countries(text: str) -> list[str]:
    return sorted(s.key for s in suggest_tags(text, candidates=False).countries)


def test_the_white_house_and_a_latin_american_are_no_country_of_their_own(places):
    assert countries("The White House said the Latin American press was invited.") == []


def test_a_country_name_wrapped_over_two_lines_is_read_whole(places):
    assert countries("The minister's official visit to Papua\nNew Guinea ended.") == ["PG"]
    assert countries("He visited Guinea.\nBissau is far away.") == ["GN"]


def test_the_names_countries_go_by_in_agencies_languages(places):
    assert countries("Le ministre a visité l'Espagne et la Tunisie.") == ["ES", "TN"]
    assert countries("Premier spotkał się z prezydentem; Polska i Ukraina podpisały.") == [
        "PL",
        "UA",
    ]
    assert countries("El Perú y Bolivia firmaron el acuerdo.") == ["BO", "PE"]
    assert countries("Der Minister reiste nach Österreich.") == ["AT"]
    # … but not where copy in English means a first name, a place or a word by them.
    assert countries("Maurice Dupont and Salvador Dali met in Granada.") == []
    for text in (
        "Former Argentine leader Mauricio Macri met Dominika Cibulkova.",
        "Grenade attack kills two. General José de San Martín is honoured.",
        "Hellas Verona beat the visitors. The Ebola outbreak in Équateur province.",
        "Residents of Santa Lucía were evacuated. Die Preise für Butan stiegen.",
        "The Latin\nAmerican leaders met.",
    ):
        assert set(countries(text)) <= {"AR"}, text


def test_a_sign_shared_by_two_agencies_goes_to_the_one_filing_in_the_copys_language(places):
    CityFactory(name="Vienna", country=country("AT"), population=1_900_000, aliases=["Wien"])
    german = parse("Wien (APA) - Der Minister hat am Dienstag die neuen Pläne vorgestellt.\n")
    assert german.agency == "Austria Presse Agentur"
    english = parse("Baku, 12 March (APA) - The minister said on Tuesday that talks go on.\n")
    assert english.agency == "APA Information Agency"
    named = parse("VIENNA, March 12 (Austria Presse Agentur) - The chancellor said talks go on.\n")
    assert named.agency == "Austria Presse Agentur"  # named in full, whatever the language


def test_a_sign_off_with_its_date_after_a_hyphen_names_the_agency(places):
    report = parse(
        "Le gouvernement adopte le projet\n\n"
        "Le Conseil de gouvernement a adopté jeudi le projet de loi sur les finances.\n\n"
        "(MAP-13/11/2014)\n"
    )
    assert report.agency == "Maghreb Arab Press"


def test_the_text_saying_who_filed_it_a_little_further_down_names_the_agency(places):
    report = parse(
        "Talks at team level are planned, the president says\n"
        "The president commented on the planned meeting on Tuesday.\n"
        "The president responded to the statement about a meeting next week. He stressed "
        "the value of cooperation. He added that talks at team level are planned, UNN "
        "reports.\n"
        + "The coming weeks could be busy, he said, and the teams would meet often.\n"
        * 5
    )
    assert report.agency == "Ukrainian National News (UNN)"


@pytest.mark.parametrize(
    "closing",
    [
        "(With inputs from PTI)\nThis story has been published from a wire agency feed without"
        " modifications to the text. Only the headline has been changed.",
        "(With inputs from PTI)\n(Except for the headline, this story has not been edited by"
        " the paper's staff and is published from a syndicated feed.)",
    ],
)
def test_a_credit_above_a_papers_wire_disclaimer_names_the_agency(places, closing):
    report = parse(
        "India and Japan agree to deepen defence ties\n"
        "India and Japan agreed on Tuesday to deepen defence cooperation, officials said.\n"
        + "The two sides will hold joint exercises next year, the officials added.\n" * 5
        + closing
        + "\n"
    )
    assert report.agency == "Press Trust of India"

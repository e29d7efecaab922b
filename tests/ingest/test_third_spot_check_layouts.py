"""Layouts a third spot check of real pages found misread (docs/benchmarks.md): highlights
and a widget's figures over the dateline, EFE's numeric date in a dateline, two agencies
whose sites share a name, and an agency credited by two words under a photo.

The texts are written for these tests; their layouts follow the real pages.
"""

import datetime

import pytest

from ingest.candidates.surroundings import caption_credits
from ingest.registry import get_registry
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    for name, code, people in [
        ("Xi'an", "CN", 12_000_000),
        ("Yerevan", "AM", 1_100_000),
        ("Lima", "PE", 9_000_000),
        ("Bogotá", "CO", 7_000_000),
        ("Madrid", "ES", 3_000_000),
    ]:
        CityFactory(name=name, country=country(code), population=people)


def test_highlights_over_the_dateline_are_neither_the_lead_nor_the_headline(places):
    report = parse(
        "The president visits a farm in the province, April 21, 2020. (Xinhua/Li Wen)\n\n"
        "-- The president said the economy would keep growing steadily in the long run.\n\n"
        "-- He urged large state firms to help smaller ones in their sectors resume work "
        "with epidemic controls in place, and to keep their supply chains running.\n\n"
        "XI'AN, April 23 (Xinhua) -- The president has urged efforts to overcome the "
        "epidemic's impact on the economy.\n",
        datetime.date(2020, 4, 24),
    )
    assert (report.dateline.city, report.agency) == ("Xi'an", "Xinhua News Agency")
    assert report.dateline.date == datetime.date(2020, 4, 23)
    assert not report.headline.startswith("--")


def test_a_currency_widget_over_the_text_does_not_hide_the_dateline(places):
    widget = "ՀայEngРус\nFriday\nMay 08\nUSD\n484.11\nEUR\n524.73\nRUB\n6.58\nME-USD\n0.03\n"
    headline = "Parliament brawl is the biggest defeat since the revolution, says PM\n"
    report = parse(
        f" date 2020-05-08 News\n{widget}Newsfeed\nNews\n{widget}Show news feed\n"
        f"{headline}{headline}Region:Armenia\nTheme: Politics\n\n"
        "YEREVAN. – The prime minister said the brawl in parliament was a defeat.\n",
        datetime.date(2020, 5, 9),
    )
    assert (report.dateline.city, report.dateline.country) == ("Yerevan", "AM")
    assert report.headline.startswith("Parliament brawl")


@pytest.mark.parametrize(
    "line, city, agency",
    [
        ("LIMA, 14/05/2024.- El presidente pidió calma este martes.", "Lima", ""),
        ("BOGOTÁ (COLOMBIA), 14/05/2024.- El presidente habló este martes.", "Bogotá", ""),
        ("MADRID, 14/05/2024 (EFE).- El Gobierno aprobó hoy el plan.", "Madrid", "Agencia EFE"),
    ],
)
def test_efes_numeric_date_is_the_date_not_an_agency(places, line, city, agency):
    report = parse(f"Titular\n\n{line}\nSigue el texto.\n", datetime.date(2024, 5, 15))
    assert (report.dateline.city, report.agency) == (city, agency)
    assert report.dateline.date == datetime.date(2024, 5, 14)


def test_two_agencies_whose_sites_share_a_name_are_told_apart_by_their_domain(places):
    registry = get_registry()
    assert registry.agency_at_site("Armenia News - NEWS.am") == "News.am"
    assert registry.agency_at_site("https://news.az/politics") == "News.Az"
    assert registry.agency_at_site("en.trend.az") == "Trend News Agency"
    assert registry.agency_at_site("news.ru") is None  # a third site of the shared name


def test_a_caption_credits_an_agency_by_two_words(places):
    known = get_registry().agency_name
    assert caption_credits("Photo : YONHAP News", known=lambda n: bool(known(n))) == ["YONHAP News"]


def test_a_photos_place_and_date_over_the_text_are_no_dateline(places):
    report = parse(
        " date 2025-09-19 BOG400 BOGOTÁ (COLOMBIA), 14/05/2024.- Fotografía cedida por la "
        "Presidencia que muestra al presidente mientras habla en un acto. EFE/ Presidencia "
        "/ SOLO USO EDITORIAL / Presidencia de Colombia ( EFE )\n\n"
        "La decisión de Washington aumentó la tensión entre los dos gobiernos esta semana.\n\n"
        "El presidente viajará el domingo a Nueva York.\n",
        datetime.date(2025, 9, 20),
    )
    assert (report.dateline.city, report.dateline.country, report.agency) == ("", "", "")
    assert report.dateline.date == datetime.date(2025, 9, 19)  # the page's, not the photo's


@pytest.mark.parametrize(
    "text",
    [
        "KYIV, May 3 (Reuters) - Photos released on Monday show damage to the port.\n",
        "Madrid, 3 may (EFE).- Fotografías inéditas de Picasso se exponen desde hoy.\n",
        "MOSCOW, May 3 (TASS) -\nPhoto: press service of the ministry\nRescuers put out a fire.\n",
    ],
)
def test_a_lead_or_a_credit_line_naming_photos_keeps_its_dateline(places, text):
    CityFactory(name="Kyiv", country=country("UA"), population=2_900_000)
    report = parse(f"Headline here\n\n{text}More text follows.\n", datetime.date(2024, 5, 4))
    assert report.dateline.date == datetime.date(2024, 5, 3)
    assert report.dateline.city in ("Kyiv", "Madrid", "Moscow")


def test_a_widgets_day_takes_the_year_of_the_pages_date(places):
    report = parse(
        " date 2020-05-08 News\nFriday\nMay 08\nUSD\n484.11\n"
        "Parliament brawl is the biggest defeat since the revolution, says PM\n\n"
        "YEREVAN. – The prime minister said the brawl in parliament was a defeat.\n",
        datetime.date(2025, 1, 10),
    )
    assert report.dateline.date == datetime.date(2020, 5, 8)


@pytest.mark.parametrize(
    "line, agency, body",
    [
        ("Minsk, 14/05/2024 /BelTA/. The government approved the plan.", "BelTA", "The govern"),
        ("MANILA, 05/14/2024 - The senate approved the budget.", "", "The senate"),
    ],
)
def test_a_slashed_date_leaves_the_agency_and_the_text_whole(places, line, agency, body):
    CityFactory(name="Minsk", country=country("BY"), population=2_000_000)
    CityFactory(name="Manila", country=country("PH"), population=1_800_000)
    report = parse(f"Headline here\n\n{line}\nMore text.\n", datetime.date(2024, 5, 15))
    assert report.dateline.date == datetime.date(2024, 5, 14)
    assert agency in report.agency and report.body.startswith(body)


def test_bullets_that_are_the_lead_stay_the_text(places):
    report = parse(
        "Grain deal talks resume\n\n"
        "• Ukraine and Russia agree to resume talks on grain shipments next week, "
        "officials said.\n"
        "• The talks will be held in Istanbul with Turkish and UN mediators.\n\n"
        "Yerevan, Oct 2 - a separate statement came later in the day.\n",
        datetime.date(2024, 10, 3),
    )
    assert report.body.startswith("• Ukraine and Russia")


@pytest.mark.parametrize(
    "caption",
    [
        "Armenian Foreign Minister Mirzoyan, left, with Uruguayan Foreign Minister Omar Paganini",
        "L-R: the two foreign ministers before their talks in Montevideo",
    ],
)
def test_a_caption_placing_people_in_the_photo_is_not_the_headline(places, caption):
    report = parse(
        f"{caption}\n\nForeign Minister Visits Uruguay on South American Tour\n\n"
        "YEREVAN (Armenpress) — The foreign minister arrived in Montevideo on Monday.\n",
        datetime.date(2024, 5, 4),
    )
    assert report.headline == "Foreign Minister Visits Uruguay on South American Tour"
    assert caption in report.captions

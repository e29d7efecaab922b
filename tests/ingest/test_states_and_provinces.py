"""A US state or a Canadian province after a dateline's city, as AP and CP print them:
by name, by AP's abbreviation (`Ore.`, `W.Va.`, `N.M.`), by initials (`N.S.`). The state
tells which Portland is meant; the province that LONDON is in Canada.

The texts are written for these tests; their layouts follow AP's and CP's datelines.
"""

import pytest

from places.models import City
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = " (AP) — Hundreds of people came to the waterfront on Saturday for the festival."


@pytest.fixture
@registry_world
def towns(registry):
    towns = [
        ("Portland", "US", "OR", 650_000), ("Portland", "US", "ME", 67_000),
        ("Charleston", "US", "SC", 130_000), ("Charleston", "US", "WV", 48_000),
        ("Albuquerque", "US", "NM", 560_000), ("Concord", "US", "CA", 125_000),
        ("Concord", "US", "NH", 44_000), ("London", "GB", "ENG", 8_900_000),
        ("London", "CA", "08", 350_000), ("Sydney", "AU", "02", 4_600_000),
        ("Sydney", "CA", "07", 31_000), ("Halifax", "GB", "ENG", 88_000),
        ("Halifax", "CA", "07", 400_000), ("Johannesburg", "ZA", "06", 4_400_000),
        ("Monterrey", "MX", "19", 1_100_000), ("Astoria", "US", "NY", 80_000),
        ("Yellowknife", "CA", "13", 20_000), ("Perth", "AU", "08", 1_900_000),
        ("Colima", "MX", "08", 130_000), ("Columbus", "US", "OH", 900_000),
        ("Columbus", "US", "GA", 200_000), ("Paris", "FR", "11", 2_100_000),
        ("Paris", "US", "TX", 25_000),
    ]  # fmt: skip
    for name, code, region, population in towns:
        CityFactory(name=name, country=country(code), region=region, population=population)
    CityFactory(name="Québec", country=country("CA"), region="10", aliases=["Quebec City"])
    CityFactory(name="Perth Amboy", country=country("US"), region="NJ", aliases=["Perth"])


@pytest.mark.parametrize(
    ("dateline", "city", "state"),
    [
        ("PORTLAND, Maine", "Portland", "ME"),
        ("PORTLAND, Ore.", "Portland", "OR"),
        ("PORTLAND", "Portland", "OR"),  # alone: the larger
        ("CHARLESTON, W.Va.", "Charleston", "WV"),
        ("CHARLESTON, S.C.", "Charleston", "SC"),
        ("CONCORD, N.H.", "Concord", "NH"),
        ("CONCORD, Calif.", "Concord", "CA"),
        ("ALBUQUERQUE, N.M.", "Albuquerque", "NM"),
    ],
)
def test_a_state_after_the_city_picks_that_states_city(towns, dateline, city, state):
    report = parse(f"Festival draws crowds\n{dateline}{LEAD}\n")
    assert (report.dateline.city, report.dateline.country) == (city, "US")
    assert _region(report.dateline.city_id) == state


@pytest.mark.parametrize(
    ("dateline", "city", "country_code"),
    [
        ("LONDON, Ontario (CP) —", "London", "CA"),
        ("LONDON, Ont. (CP) —", "London", "CA"),
        ("SYDNEY, N.S. (CP) —", "Sydney", "CA"),
        ("HALIFAX, Nova Scotia (CP) —", "Halifax", "CA"),
        ("LONDON (AP) —", "London", "GB"),
        ("SYDNEY (AP) —", "Sydney", "AU"),
    ],
)
def test_a_canadian_province_after_the_city_puts_it_in_canada(towns, dateline, city, country_code):
    report = parse(f"Plant to close next spring\n{dateline} Hundreds of workers heard the news.\n")
    assert (report.dateline.city, report.dateline.country) == (city, country_code)


def _region(city_id: int) -> str:
    return City.objects.get(pk=city_id).region


@pytest.mark.parametrize(
    ("dateline", "city", "country_code"),
    [
        # another country's abbreviation a province's or a state's code spells
        ("JOHANNESBURG, SA (Reuters) -", "Johannesburg", "ZA"),
        ("MONTERREY, NL.-", "Monterrey", "MX"),
        ("COLIMA, Col.-", "Colima", "MX"),  # Colorado has no Colima
        # a borough is no Queensland
        ("ASTORIA, Queens (AP) —", "Astoria", "US"),
        # the agencies' own abbreviations
        ("QUEBEC CITY, Que. (CP) —", "Québec", "CA"),
        ("YELLOWKNIFE, N.W.T. (CP) —", "Yellowknife", "CA"),
        # a code two countries share: the agency's home first, the city's own name first
        ("YELLOWKNIFE, NT (CP) —", "Yellowknife", "CA"),
        ("PERTH, WA (AAP) -", "Perth", "AU"),
        ("PERTH, WA -", "Perth", "AU"),
        # a state that is also a country's name
        ("COLUMBUS, Georgia (Reuters) -", "Columbus", "US"),
    ],
)
def test_regions_other_countries_print(towns, dateline, city, country_code):
    report = parse(f"Plant to close next spring\n{dateline} Hundreds of workers heard the news.\n")
    assert (report.dateline.city, report.dateline.country) == (city, country_code)


def test_a_state_without_that_town_keeps_it_as_text_in_the_united_states(towns):
    report = parse(f"Festival draws crowds\nPARIS, Tenn.{LEAD}\n")
    assert (report.dateline.city, report.dateline.country) == ("Paris", "US")
    assert report.dateline.city_id is None  # not Paris, Texas, nor Paris, France
    report = parse("Festival draws crowds\nCOLUMBUS, Georgia (Reuters) - Text of it.\n")
    assert _region(report.dateline.city_id) == "GA"

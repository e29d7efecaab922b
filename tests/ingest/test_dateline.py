import datetime
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.dateline import CityRef, NoLookup, find_dateline
from ingest.dates import infer_date, read_date

REFERENCE = datetime.date(2023, 9, 20)


class FakeLookup:
    """A tiny registry: a few countries, cities and agencies."""

    countries = {"russia": "RU", "azerbaijan": "AZ", "kazakhstan": "KZ", "turkey": "TR"}
    cities = {
        "astrakhan": CityRef(1, "Astrakhan", "RU"),
        "baku": CityRef(2, "Baku", "AZ"),
        "moscow": CityRef(3, "Moscow", "RU"),
        "москва": CityRef(3, "Moscow", "RU"),
        "astana": CityRef(4, "Astana", "KZ"),
        "ankara": CityRef(5, "Ankara", "TR"),
        "beijing": CityRef(6, "Beijing", "CN"),
        "tashkent": CityRef(7, "Tashkent", "UZ"),
        "st. petersburg": CityRef(8, "Saint Petersburg", "RU"),
    }
    agencies = {
        "tass": "TASS",
        "тасс": "TASS",
        "reuters": "Reuters",
        "aa": "Anadolu Agency",
        "xinhua": "Xinhua News Agency",
        "kazinform": "Kazinform International News Agency",
        "uza": "National News Agency of Uzbekistan (UzA)",
    }

    def country_code(self, name):
        return self.countries.get(name.lower())

    def find_city(self, name, country=None, prefer=None):
        city = self.cities.get(name.lower())
        return city if city and (country is None or city.country == country) else None

    def agency_name(self, text):
        return self.agencies.get(text.lower())

    def agency_country(self, text):
        return None

    def region_country(self, name):
        return None


@pytest.mark.parametrize(
    "text, raw, city, country, date, agency, rest",
    [
        ("RUSSIA, Astrakhan, September 19. The forum", "RUSSIA, Astrakhan, September 19.",
         "Astrakhan", "RU", "2023-09-19", "", "The forum"),
        ("Astrakhan, RUSSIA, September 19. The forum", "Astrakhan, RUSSIA, September 19.",
         "Astrakhan", "RU", "2023-09-19", "", "The forum"),
        ("BAKU, Azerbaijan, Sept. 19. Talks began", "BAKU, Azerbaijan, Sept. 19.",
         "Baku", "AZ", "2023-09-19", "", "Talks began"),
        ("MOSCOW, September 19. /TASS/. Russia said", "MOSCOW, September 19. /TASS/.",
         "Moscow", "RU", "2023-09-19", "TASS", "Russia said"),
        ("ASTANA (Reuters) - Kazakhstan said", "ASTANA (Reuters) -",
         "Astana", "KZ", None, "Reuters", "Kazakhstan said"),
        ("ANKARA (AA) – Turkish officials", "ANKARA (AA) –",
         "Ankara", "TR", None, "Anadolu Agency", "Turkish officials"),
        ("BEIJING, Sept. 19 (Xinhua) -- China said", "BEIJING, Sept. 19 (Xinhua) --",
         "Beijing", "CN", "2023-09-19", "Xinhua News Agency", "China said"),
        ("ASTANA. KAZINFORM - The ministry", "ASTANA. KAZINFORM -",
         "Astana", "KZ", None, "Kazinform International News Agency", "The ministry"),
        ("Tashkent. 19 September. UzA/ The fair", "Tashkent. 19 September. UzA/",
         "Tashkent", "UZ", "2023-09-19", "National News Agency of Uzbekistan (UzA)", "The fair"),
        ("МОСКВА, 19 сентября. /ТАСС/. Президент", "МОСКВА, 19 сентября. /ТАСС/.",
         "Moscow", "RU", "2023-09-19", "TASS", "Президент"),
        ("BAKU, Azerbaijan, September 19, 2021. Talks", "BAKU, Azerbaijan, September 19, 2021.",
         "Baku", "AZ", "2021-09-19", "", "Talks"),
        ("ST. PETERSBURG, Sep 18 - Delegates", "ST. PETERSBURG, Sep 18 -",
         "Saint Petersburg", "RU", "2023-09-18", "", "Delegates"),
        ("GARADAGH, Azerbaijan, Sept. 19. Villagers", "GARADAGH, Azerbaijan, Sept. 19.",
         "Garadagh", "AZ", "2023-09-19", "", "Villagers"),
    ],
)  # fmt: skip
def test_it_reads_every_dateline_style(text, raw, city, country, date, agency, rest):
    match = find_dateline(text, lookup=FakeLookup(), reference=REFERENCE)
    assert match.raw == raw
    assert (match.city, match.country) == (city, country)
    assert match.date == (datetime.date.fromisoformat(date) if date else None)
    assert match.agency == agency
    assert text[match.end :].lstrip(" -–") == rest


@pytest.mark.parametrize(
    "text",
    [
        "The Caspian Media Forum opened on Monday in Baku.",
        "President Ilham Aliyev said on Tuesday that talks would go on.",
        "Kazakhstan and Uzbekistan signed a grain deal.",
        "Officials (speaking anonymously) said the plan was ready.",
        "Caspian Forum Opens In Astrakhan",
        "",
    ],
)
def test_it_finds_no_dateline_where_there_is_none(text):
    assert find_dateline(text, lookup=FakeLookup(), reference=REFERENCE).end == 0


def test_a_dateline_never_lies_more_than_a_day_in_the_future():
    match = find_dateline(
        "MOSCOW, December 30. Text", lookup=FakeLookup(), reference=datetime.date(2024, 1, 2)
    )
    assert match.date == datetime.date(2023, 12, 30)


def test_an_impossible_date_is_reported_not_invented():
    match = find_dateline("MOSCOW, September 31. Text", lookup=FakeLookup(), reference=REFERENCE)
    assert match.city == "Moscow" and match.date is None
    assert "not a real date" in match.warnings[0]


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("September 19", (None, 9, 19)),
        ("Sept. 19", (None, 9, 19)),
        ("Sep 19th", (None, 9, 19)),
        ("19 September 2023", (2023, 9, 19)),
        ("19 сентября", (None, 9, 19)),
        ("19 января 2024 года", (2024, 1, 19)),
        ("Tuesday, September 19", (None, 9, 19)),
        ("2023-09-19", (2023, 9, 19)),
        ("19.09.2023", (2023, 9, 19)),
        ("19 de septiembre de 2023", (2023, 9, 19)),
        ("Hello there", None),
    ],
)
def test_it_reads_printed_dates_in_several_languages(printed, expected):
    assert read_date(printed) == expected


def test_29_february_counts_only_in_a_leap_year():
    assert infer_date((None, 2, 29), datetime.date(2024, 3, 1)) == datetime.date(2024, 2, 29)
    assert infer_date((None, 2, 29), datetime.date(2023, 3, 1)) is None


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_the_dateline_parser_never_raises_on_arbitrary_text(text):
    match = find_dateline(text, lookup=FakeLookup(), reference=REFERENCE)
    assert 0 <= match.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["MOSCOW", "Baku", ",", ".", " ", "/TASS/", "(AA)", "-", "–", "Sept.",
                         "19", "сентября", "2023", "\n", "RUSSIA", "St.", "(", "/", "UzA/"]),
        max_size=30,
    )
)  # fmt: skip
def test_the_dateline_parser_never_raises_on_dateline_like_noise(parts):
    text = "".join(parts)
    for lookup in (FakeLookup(), NoLookup()):
        match = find_dateline(text, lookup=lookup, reference=REFERENCE)
        assert 0 <= match.end <= len(text)


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("10 juil 2024", (2024, 7, 10)),  # AFP in French
        ("3 févr", (None, 2, 3)),
        ("21 dic", (None, 12, 21)),  # EFE in Spanish ("ago" is an English word too)
        ("4 dic 2019", (2019, 12, 4)),
        ("12 lug", (None, 7, 12)),  # ANSA in Italian
        ("5 Okt 2021", (2021, 10, 5)),  # dpa in German
    ],
)
def test_agencies_short_month_forms_in_other_languages(printed, expected):
    assert read_date(printed) == expected


def test_cldr_month_names_load_at_first_use_not_at_import():
    """Web workers import the wire desk but never read a date: CLDR's tables (a tenth of
    a second) wait for the first date read."""
    code = (
        "import sys, ingest.dates as d; loaded = 'babel.dates' in sys.modules; "
        "print(loaded, d.read_date('५ दिसंबर'), 'babel.dates' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "(None,", "12,", "5)", "True"]

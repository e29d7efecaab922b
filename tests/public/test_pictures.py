"""Coverage pictures: server-drawn SVG charts and locator maps, each named for screen
readers and followed by its numbers as a table, counting only what the public may see.

The drawing is tested without a database; the pages are fetched once inside one world
(then rolled back), and the tests read those answers.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from lxml import html

from events.models import ParticipationRole
from newsroom import pictures
from tests.factories import (
    ArticleFactory,
    CityFactory,
    EventFactory,
    ParticipationFactory,
    country,
    utc,
)

NOW = utc(2023, 10, 10, 12)
FORUM_DAYS = (datetime.date(2023, 9, 18), datetime.date(2023, 9, 19))
HOSTILE = 'Baku <script>alert("x")</script> & co'


def caption(ident: str = "p") -> pictures.Caption:
    return pictures.Caption(ident, "Reports per day", "About the forum.", "Reports per day")


def tree(markup: str) -> Any:
    return html.fragment_fromstring(str(markup), create_parent="div")


def assert_named_svg(svg: Any) -> None:
    """An SVG image named by its own title and description (what a screen reader says)."""
    assert svg.get("role") == "img" and svg.get("width") == "100%"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.xpath("./title/@id") == [title_id] and svg.xpath("./desc/@id") == [desc_id]
    assert re.fullmatch(r"0 0 \d+ \d+", svg.get("viewbox"))  # HTML parsers lower-case names
    assert not svg.xpath(".//@style")  # the CSP allows no inline style


# Drawing, without a database


def test_a_timeline_is_a_named_svg_with_its_numbers_as_a_table():
    days = [datetime.date(2023, 9, 11) + datetime.timedelta(days=n) for n in range(16)]
    points = [(day, n % 5) for n, day in enumerate(days)]
    figure = tree(
        pictures.timeline(points, period="day", caption=caption(), marked=FORUM_DAYS,
                          marked_label="Event days")
    ).find("figure")  # fmt: skip
    (svg,) = figure.xpath("./svg")
    assert_named_svg(svg)
    desc = svg.findtext("desc")
    assert desc.startswith("About the forum. 30 reports in all; the most, 4, on 15 September 2023")
    bars = svg.xpath(".//rect[contains(@class, 'picture-bar')]")
    assert len(bars) == 16
    marked = [bar.findtext("title") for bar in bars if "picture-bar-marked" in bar.get("class")]
    assert marked == ["18 September 2023: 2 reports", "19 September 2023: 3 reports"]
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[4] == max(heights) and heights[0] == heights[5] == 0  # 4 reports; none
    (table,) = figure.xpath("./details/table")
    assert figure.findtext("details/summary") == "Show as a table"
    assert table.findtext("caption") == "Reports per day"
    assert table.xpath("./thead/tr/th/@scope") == ["col", "col"]
    rows = table.xpath("./tbody/tr")
    assert [row.xpath("string(./th)") for row in rows][:2] == [
        "11 September 2023",
        "12 September 2023",
    ]
    assert rows[4].xpath("./th/@scope") == ["row"] and rows[4].findtext("td") == "4"
    assert rows[4].xpath("./th/time/@datetime") == ["2023-09-15"]


def test_ranked_bars_put_the_most_first_escape_names_and_link_the_table():
    bars = [pictures.Bar("Kazakhstan", "/countries/kz/", 250),
            pictures.Bar(HOSTILE, "", 1000), pictures.Bar("Russia", "/countries/ru/", 500)]  # fmt: skip
    markup = str(pictures.ranked_bars(bars, caption=caption(), heading="Country"))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    figure = tree(markup).find("figure")
    (svg,) = figure.xpath("./svg")
    assert_named_svg(svg)
    assert svg.xpath(".//text[@class='picture-label']/text()") == [HOSTILE, "Russia", "Kazakhstan"]
    widths = [float(w) for w in svg.xpath(".//rect[@class='picture-bar']/@width")]
    assert widths[0] == 2 * widths[1] == 4 * widths[2]
    assert svg.findtext("desc").endswith(
        f"{HOSTILE} has the most, 1,000 reports. Then Russia, 500."
    )
    rows = figure.xpath("./details/table/tbody/tr")
    assert [row.xpath("string(./th)") for row in rows] == [HOSTILE, "Russia", "Kazakhstan"]
    assert rows[1].xpath("./th/a/@href") == ["/countries/ru/"] and not rows[0].xpath(".//a")
    assert [row.findtext("td") for row in rows] == ["1,000", "500", "250"]


@pytest.mark.parametrize(("n", "ceiling"), [(0, 1), (1, 1), (3, 3), (7, 8), (12, 15), (4321, 5000)])
def test_the_value_axis_ends_at_a_round_number_just_above_the_largest(n, ceiling):
    assert pictures.nice_ceiling(n) == ceiling


def located(code: str, latitude: float, longitude: float) -> tuple[Any, tuple[float, float]]:
    svg = tree(
        pictures.locator_map(code, latitude, longitude, ident="m", title="t", description="d")
    ).find("svg")  # fmt: skip
    assert_named_svg(svg)
    dot = svg.xpath(".//circle[@class='locator-dot']")[0]
    return svg, (float(dot.get("cx")), float(dot.get("cy")))


def outline_box(svg: Any) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"-?\d+\.?\d*", svg.xpath(".//path/@d")[0])]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def test_a_locator_map_puts_the_city_on_its_country_drawn_whole_and_in_the_frame():
    svg, (x, y) = located("AZ", 40.41, 49.87)  # Baku: on the Caspian, the country's east
    left, top, right, bottom = outline_box(svg)
    assert left < x <= right and top < y < bottom and x > (left + right) / 2
    svg, (x, y) = located("RU", 64.73, 177.51)  # Anadyr: across the antimeridian, at the east
    left, top, right, bottom = outline_box(svg)
    assert left >= 0 and top >= 0 and right <= 160 and bottom <= 120
    assert x > right - 20
    svg, (x, y) = located("US", 40.71, -74.01)  # New York: Alaska and Hawaii are left out
    assert svg.xpath(".//path/@d")[0].count("M") == 1
    assert x > 120  # the east coast of the 48 states
    svg, (x, y) = located("SG", 1.29, 103.85)  # no outline in the data: the dot, centred
    assert svg.xpath(".//path/@d") == [""] and (x, y) == (80, 60)


def test_a_flag_is_two_regional_indicator_letters_or_nothing():
    assert pictures.flag("az") == "\U0001f1e6\U0001f1ff"
    assert pictures.flag("AZE") == pictures.flag("") == pictures.flag("1A") == ""


# Pages, built once


@dataclass
class Page:
    status: int
    body: str
    doc: Any


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker) -> dict[str, Page]:
    with (
        django_db_blocker.unblock(),
        time_machine.travel(NOW, tick=False),
        transaction.atomic(),
    ):
        database = str(connection.settings_dict["NAME"])
        assert "test" in database or "memory" in database, f"not a test database: {database}"
        cache.clear()
        client = Client()
        pages = {name: _read(client.get(url)) for name, url in _world().items()}
        transaction.set_rollback(True)
    return pages


def at(month: int, day: int, hour: int = 10) -> datetime.datetime:
    return utc(2023, month, day, hour)


def _world() -> dict[str, str]:
    """The forum (18–19 September 2023, in Russia) with Azerbaijan's delegation and its
    reports around it: published, corrected, and some the public may not see yet."""
    az, ru = country("AZ"), country("RU")
    astrakhan = CityFactory(name="Astrakhan", country=ru, latitude=Decimal("46.34968"),
                            longitude=Decimal("48.04076"))  # fmt: skip
    forum = EventFactory(name="Caspian Media Forum", slug="forum", start_date=FORUM_DAYS[0],
                         end_date=FORUM_DAYS[1], city=astrakhan)  # fmt: skip
    ParticipationFactory(event=forum, country=az, role=ParticipationRole.DELEGATION)
    ParticipationFactory(event=forum, country=country("BY"), role=ParticipationRole.OBSERVER)
    expo = EventFactory(name="Baku Energy Expo", slug="expo", country=az, always_public=True,
                        start_date=datetime.date(2023, 6, 1))  # fmt: skip
    ParticipationFactory(event=expo, country=az, role=ParticipationRole.ORGANIZER)

    def report(when: datetime.datetime, *codes: str, **fields: Any) -> Any:
        tags = {"events": [forum], "countries": [country(c) for c in codes]}
        fields.setdefault("published_at", when)
        return ArticleFactory(tags=fields.pop("tags", tags), **fields)

    report(at(9, 2), "AZ")  # the week before the week before: not on the forum's timeline
    report(at(9, 15), "AZ")
    report(at(9, 15, 23), "AZ")
    for _ in range(3):
        report(at(9, 18), "AZ")
    opening = report(at(9, 19), "AZ", dateline_raw="RUSSIA, Astrakhan, September 19.",
                     dateline_city=astrakhan)  # fmt: skip
    report(at(9, 20), "AZ", correction_of=report(at(9, 19, 11), "AZ"))  # counted once, on the 20th
    # What the public may not see: never counted, on no timeline or chart.
    report(at(9, 18), "AZ", "UZ", draft=True)
    report(at(9, 18), "AZ", "UZ", embargo_until=NOW + datetime.timedelta(hours=1))
    report(NOW + datetime.timedelta(days=1), "AZ", "UZ")
    report(at(9, 18), "AZ", "UZ", withdrawn=True)
    # Other countries, in and out of the last 30 days (from 11 September).
    report(at(10, 9), "TM", tags={"countries": [country("TM")]})
    for _ in range(3):
        report(at(8, 30), "KZ", tags={"countries": [country("KZ")]})
    report(utc(2020, 1, 5, 10), "AZ", tags={"countries": [az]})  # over two years ago
    return {
        "forum": forum.get_absolute_url(),
        "az": "/countries/az/",
        "countries": "/countries/",
        "home": "/",
        "opening": opening.get_absolute_url(),
    }


def _read(response) -> Page:
    body = response.content.decode()
    return Page(response.status_code, body, html.fromstring(body))


def table(page: Page, ident: str) -> dict[str, str]:
    """The table under a picture, as {row heading: number}."""
    (svg,) = page.doc.xpath(f"//svg[@aria-labelledby='{ident}-title {ident}-desc']")
    rows = svg.getparent().xpath("./details/table/tbody/tr")
    return {row.xpath("string(./th)"): row.findtext("td") for row in rows}


@pytest.mark.django_db  # also what sets up the test database for the module's world
def test_the_event_page_counts_its_public_reports_per_day_around_it(site):
    page = site["forum"]
    assert page.status == 200
    days = table(page, "event-coverage")
    first, *_, last = days
    assert (first, last) == ("11 September 2023", "26 September 2023")
    counted = {day: n for day, n in days.items() if n != "0"}
    assert counted == {"15 September 2023": "2", "18 September 2023": "3",
                       "19 September 2023": "1", "20 September 2023": "1"}  # fmt: skip
    (svg,) = page.doc.xpath("//svg[@aria-labelledby='event-coverage-title event-coverage-desc']")
    assert "7 reports in all" in svg.findtext("desc")
    assert len(svg.xpath(".//rect[contains(@class, 'picture-bar-marked')]")) == 2


@pytest.mark.django_db
def test_the_event_page_shows_participants_by_role_with_flags_for_sighted_readers_only(site):
    participants = site["forum"].doc.xpath("//section[@aria-labelledby='participants']")[0]
    (delegation,) = participants.xpath(".//a[contains(., 'Azerbaijan')]")
    (flag,) = delegation.xpath("./span[@class='flag']")
    assert flag.get("aria-hidden") == "true" and flag.text == pictures.flag("AZ")
    assert participants.xpath("string(.//dt[2])").startswith("Observer")


@pytest.mark.django_db
def test_the_country_page_counts_months_and_names_its_role_in_each_event(site):
    page = site["az"]
    assert page.status == 200
    months = table(page, "country-coverage")
    assert len(months) == 24
    first, *_, last = months
    assert (first, last) == ("November 2021", "October 2023")
    # The forum's seven, and the report of 2 September; nothing from 2020, nothing hidden.
    assert {m: n for m, n in months.items() if n != "0"} == {"September 2023": "8"}
    rows = {row.xpath("string(./a)"): row.xpath("string(.//span[@class='role'])")
            for row in page.doc.xpath("//li[@class='event-row']")}  # fmt: skip
    assert rows == {"Caspian Media Forum": "Delegation", "Baku Energy Expo": "Host, Organizer"}


@pytest.mark.django_db
def test_the_country_index_ranks_the_most_covered_countries(site):
    ranked = table(site["countries"], "countries-coverage")
    assert list(ranked.items()) == [("Azerbaijan", "9"), ("Kazakhstan", "3"),
                                    ("Russian Federation", "1"), ("Turkmenistan", "1")]  # fmt: skip
    assert "Uzbekistan" not in site["countries"].doc.xpath("string(//figure)")


@pytest.mark.django_db
def test_the_home_page_ranks_countries_by_their_reports_of_the_last_30_days(site):
    ranked = table(site["home"], "home-coverage")  # Kazakhstan's reports are older
    assert list(ranked.items()) == [("Azerbaijan", "7"), ("Russian Federation", "1"),
                                    ("Turkmenistan", "1")]  # fmt: skip
    (link,) = site["home"].doc.xpath("//figure//th/a[. = 'Azerbaijan']/@href")
    assert link == "/countries/az/"


@pytest.mark.django_db
def test_a_report_links_its_dateline_city_and_country_beside_a_locator_map(site):
    page = site["opening"]
    assert page.status == 200
    assert page.doc.xpath("string(//p[@class='dateline'])") == "RUSSIA, Astrakhan, September 19."
    (figure,) = page.doc.xpath("//figure[@class='locator']")
    (svg,) = figure.xpath("./svg")
    assert_named_svg(svg)
    assert svg.findtext("title") == "Astrakhan on a map of Russian Federation"
    assert "46.35°\u00a0N, 48.04°\u00a0E" in svg.findtext("desc")
    assert svg.xpath(".//path[@class='locator-land']/@d")[0].startswith("M")
    links = {a.text: a.get("href") for a in figure.xpath("./figcaption/a")}
    assert links == {"Astrakhan": "/articles/?country=ru", "Russian Federation": "/countries/ru/"}


# Kept in the cache, and never stale


@pytest.mark.django_db
def test_a_kept_timeline_counts_a_scheduled_report_the_moment_it_is_public(
    client, settings, django_assert_max_num_queries
):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    with time_machine.travel(NOW, tick=False) as clock:
        event = EventFactory(
            slug="summit", start_date=datetime.date(2023, 10, 9), always_public=True
        )
        ArticleFactory(published_at=NOW - datetime.timedelta(hours=1), tags={"events": [event]})
        ArticleFactory(published_at=NOW + datetime.timedelta(minutes=10), tags={"events": [event]})

        def today() -> str:
            return table(_read(client.get("/events/summit/")), "event-coverage")["10 October 2023"]

        assert today() == "1"
        # Kept: a report saved in this test's transaction starts no new generation (that
        # happens on commit), and the timeline does not see it.
        ArticleFactory(published_at=NOW - datetime.timedelta(minutes=5), tags={"events": [event]})
        assert today() == "1"
        clock.move_to(NOW + datetime.timedelta(minutes=10))
        assert today() == "3"  # the scheduled report is public: counted again, with it

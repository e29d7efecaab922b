"""The row lists of events print: what a reader sees of each event."""

import datetime

import pytest

from events.models import Event, EventStatus
from events.templatetags.event_rows import event_row
from tests.factories import CityFactory, EventFactory, country

pytestmark = pytest.mark.django_db


def row(event: Event, **annotations) -> str:
    listed = Event.objects.for_listing().get(pk=event.pk)
    for name, value in annotations.items():
        setattr(listed, name, value)
    return str(event_row(listed))


def test_a_row_links_the_event_and_gives_its_dates_place_and_reports():
    event = EventFactory(
        name="Caspian <Media> Forum",
        slug="caspian-media-forum",
        start_date=datetime.date(2023, 9, 18),
        end_date=datetime.date(2023, 9, 19),
        city=CityFactory(name="Astrakhan", country=country("RU")),
        country=country("RU"),
    )
    html = row(event, article_count=1234)
    assert html.startswith('<li class="event-row"><a href="/events/caspian-media-forum/">')
    assert "Caspian &lt;Media&gt; Forum</a>" in html  # escaped
    assert "18 Sep 2023–19 Sep 2023 · Astrakhan, Russian Federation · 1,234 reports" in html
    assert "<strong>" not in html  # a scheduled or held event says nothing of its status


def test_a_one_day_event_with_one_report_a_country_and_an_unusual_status():
    event = EventFactory(
        start_date=datetime.date(2024, 3, 1),
        end_date=datetime.date(2024, 3, 1),
        city=None,
        country=country("KZ"),
        status=EventStatus.POSTPONED,
    )
    html = row(event, article_count=1)
    assert "1 Mar 2024 · Kazakhstan · 1 report · <strong>Postponed</strong>" in html


def test_a_row_without_counted_reports_says_nothing_of_reports():
    event = EventFactory(city=None, country=None)
    assert "report" not in row(event)
    assert "report" not in row(event, article_count=0)

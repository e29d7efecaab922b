"""The calendars as calendar clients take them: parsed by `icalendar`, and held to the
RFC 5545 rules a strict client enforces that the parser lets pass (line length, control
characters, required properties, at least one component)."""

import datetime
import re

import icalendar
import pytest
import time_machine
from django.test import Client

from events.models import Event
from tests.factories import CityFactory, EventFactory, country, utc

pytestmark = pytest.mark.django_db

NOW = utc(2024, 5, 10, 12)
# RFC 5545 §3.1: content lines end with CRLF; §3.3.11: TEXT holds no control character
# but HTAB (line ends are written \n).
CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")


def fetch(address: str, **headers):
    return Client().get(address, **headers)


def rfc5545_problems(body: bytes) -> list[str]:
    """Return what a strict client refuses in a calendar that icalendar still parses."""
    problems = []
    assert body.endswith(b"\r\n")
    for line in body[:-2].split(b"\r\n"):
        if len(line) > 75:  # §3.1: folded at 75 octets
            problems.append(f"line of {len(line)} octets: {line[:30]!r}")
        try:
            line.decode("utf-8")  # folding never splits a character
        except UnicodeDecodeError:
            problems.append(f"a character split by folding: {line[-10:]!r}")
        if CONTROL.search(line):
            problems.append(f"control character: {line!r}")
    calendar = icalendar.Calendar.from_ical(body)
    problems += [
        f"VCALENDAR without {name}" for name in ("PRODID", "VERSION") if name not in calendar
    ]
    if not calendar.subcomponents:  # §3.6: calcomponent = 1*component
        problems.append("a calendar without any component")
    for event in calendar.walk("VEVENT"):
        problems += [f"VEVENT without {name}" for name in ("UID", "DTSTAMP") if name not in event]
        if "DTSTAMP" in event and event.decoded("DTSTAMP").utcoffset() != datetime.timedelta(0):
            problems.append("DTSTAMP not in UTC")  # §3.8.7.2
        if event.decoded("DTEND") <= event.decoded("DTSTART"):
            problems.append("DTEND not after DTSTART")
    return problems


def entries(address: str) -> dict[str, icalendar.Event]:
    answer = fetch(address)
    assert answer.status_code == 200
    assert rfc5545_problems(answer.content) == []
    calendar = icalendar.Calendar.from_ical(answer.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_names_and_places_with_commas_semicolons_and_line_ends_read_back_as_written():
    event = EventFactory(
        name="Forum; Media, Diplomacy\\Press",
        venue="Hall A, floor 2; east wing",
        city=CityFactory(name="Astrakhan", country=country("RU")),
        theme="Public diplomacy, media; press",
        description="First line.\nSecond line, with a comma; and a semicolon.",
        always_public=True,
    )
    [entry] = entries("/events/calendar.ics").values()
    assert str(entry["SUMMARY"]) == "Forum; Media, Diplomacy\\Press"
    assert str(entry["LOCATION"]) == "Hall A, floor 2; east wing, Astrakhan, Russian Federation"
    assert str(entry["DESCRIPTION"]) == f"{event.theme}\n\n{event.description}"


def test_long_text_in_any_script_is_folded_without_splitting_a_character():
    name = "Каспийский медиафорум — 里海媒体论坛 — المنتدى الإعلامي 🎙️ " * 4
    EventFactory(name=name.strip(), description="Ж" * 300, always_public=True)
    [entry] = entries("/events/calendar.ics").values()  # rfc5545_problems: 75 octets
    assert str(entry["SUMMARY"]) == name.strip()
    assert str(entry["DESCRIPTION"]) == "Ж" * 300


def test_an_event_keeps_its_uid_when_edited_and_its_entry_moves_with_it():
    with time_machine.travel(NOW, tick=False):
        event = EventFactory(name="Caspian Media Forum", always_public=True)
        [(uid, before)] = entries("/events/calendar.ics").items()
    with time_machine.travel(NOW + datetime.timedelta(days=2), tick=False):
        event.name, event.start_date = "Caspian Media Forum 2023", datetime.date(2023, 9, 19)
        event.save()
        [(same_uid, after)] = entries("/events/calendar.ics").items()
    assert same_uid == uid  # the client updates its entry rather than adding one
    assert str(after["SUMMARY"]) == "Caspian Media Forum 2023"
    assert after.decoded("DTSTART") == datetime.date(2023, 9, 19)
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")


def test_events_are_all_day_entries_that_no_time_zone_shifts():
    EventFactory(start_date=datetime.date(2023, 9, 18), end_date=datetime.date(2023, 9, 19),
                 always_public=True)  # fmt: skip
    body = fetch("/events/calendar.ics").content.decode()
    assert "DTSTART;VALUE=DATE:20230918\r\n" in body  # a date, not a time in some zone
    assert "DTEND;VALUE=DATE:20230920\r\n" in body  # exclusive: the day after it ends
    assert re.search(r"^DTSTAMP:\d{8}T\d{6}Z\r$", body, re.MULTILINE)  # UTC, as required


def test_text_stored_with_control_characters_leaves_the_calendar_valid():
    event = EventFactory(name="Caspian Media Forum", venue="Expo hall", always_public=True)
    # Stored before text was scrubbed on save: only an update reaches the column so.
    Event.objects.filter(pk=event.pk).update(
        name="Caspian\x0bMedia\x01 Forum", venue="Expo\x02 hall", theme="Press\x1b freedom"
    )
    [entry] = entries("/events/calendar.ics").values()  # rfc5545_problems: no control
    assert str(entry["SUMMARY"]) == "Caspian Media Forum"
    assert str(entry["LOCATION"]) == "Expo hall"
    assert str(entry["DESCRIPTION"]) == "Press freedom"


@pytest.mark.parametrize(
    "address", ["/countries/fr/calendar.ics", "/events/calendar.ics", "/countries/az/calendar.ics"]
)
def test_a_calendar_without_events_still_holds_a_component(address):
    assert entries(address) == {}
    zones = icalendar.Calendar.from_ical(fetch(address).content).walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["UTC"]


def test_a_calendar_client_polling_gets_304_until_an_event_changes():
    with time_machine.travel(NOW, tick=False):
        event = EventFactory(always_public=True)
        first = fetch("/events/calendar.ics")
    with time_machine.travel(NOW + datetime.timedelta(hours=1), tick=False):
        # Its DTSTAMPs are the events' own times, not the time of asking: the same ETag.
        assert fetch("/events/calendar.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        event.save()
        assert fetch("/events/calendar.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200

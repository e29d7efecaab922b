import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event, ParticipationRole
from tests.factories import (
    CityFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    ParticipationFactory,
    country,
)

pytestmark = pytest.mark.django_db


def test_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date=datetime.date(2023, 9, 19), end_date=datetime.date(2023, 9, 18))


def test_form_validation_explains_an_end_before_the_start():
    event = EventFactory.build(
        start_date=datetime.date(2023, 9, 19), end_date=datetime.date(2023, 9, 18)
    )
    with pytest.raises(ValidationError, match="end date"):
        event.full_clean()


def test_a_series_has_one_event_per_edition():
    series = EventSeriesFactory()
    EventFactory(series=series, edition=2023)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(series=series, edition=2023)


def test_event_slugs_are_unique():
    EventFactory(slug="forum")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="forum")


def test_participation_names_a_country_or_an_organization_not_both_nor_neither():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(event=event, country=country("AZ"), organization=OrganizationFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(event=event, country=None)


def test_a_country_takes_a_role_once_per_event():
    event = EventFactory()
    ParticipationFactory(event=event, country=country("AZ"), role=ParticipationRole.DELEGATION)
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(event=event, country=country("AZ"), role=ParticipationRole.DELEGATION)


def test_host_country_follows_the_host_city():
    event = EventFactory(city=CityFactory(name="Astrakhan", country=country("RU")))
    assert event.country_id == "RU"


def test_participants_are_grouped_by_role_in_role_order():
    event = EventFactory()
    for code in ["TM", "AZ"]:
        ParticipationFactory(event=event, country=country(code), role=ParticipationRole.DELEGATION)
    ParticipationFactory(event=event, country=country("BY"), role=ParticipationRole.OBSERVER)
    ParticipationFactory(event=event, country=country("RU"), role=ParticipationRole.HOST)
    groups = [(role, [p.country_id for p in ps]) for role, ps in event.participants_by_role()]
    assert groups == [("Host", ["RU"]), ("Delegation", ["AZ", "TM"]), ("Observer", ["BY"])]


def test_upcoming_and_past_split_on_the_end_date():
    today = datetime.date(2023, 9, 19)
    EventFactory(name="Ends today", start_date=today - datetime.timedelta(days=1))
    EventFactory(name="Ended", start_date=today - datetime.timedelta(days=3))
    assert [e.name for e in Event.objects.upcoming(today)] == ["Ends today"]
    assert [e.name for e in Event.objects.past(today)] == ["Ended"]


def test_an_event_running_for_years_is_upcoming_before_those_that_start_later():
    """The start-date bound on upcoming events comes from the events still running."""
    today = datetime.date(2023, 9, 19)
    days = datetime.timedelta
    EventFactory(name="Long exhibition", start_date=today - days(800), end_date=today + days(30))
    EventFactory(name="Next week", start_date=today + days(7))
    EventFactory(name="Long over", start_date=today - days(900), end_date=today - days(400))
    assert [e.name for e in Event.objects.upcoming(today)] == ["Long exhibition", "Next week"]
    assert list(Event.objects.upcoming(datetime.date(2099, 1, 1))) == []

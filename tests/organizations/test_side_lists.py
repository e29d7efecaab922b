"""An organization's page lists the events it organized or attended, newest first."""

import datetime

import pytest

from events.models import Event
from tests.factories import EventFactory, OrganizationFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_events_an_organization_organized_or_attended_newest_first(client):
    org = OrganizationFactory(slug="media-agency", always_public=True)
    organized = EventFactory(name="Organized forum", start_date=datetime.date(2022, 5, 1),
                             always_public=True)  # fmt: skip
    organized.organizers.add(org)
    attended = EventFactory(name="Attended summit", start_date=datetime.date(2023, 5, 1),
                            always_public=True)  # fmt: skip
    ParticipationFactory(event=attended, country=None, organization=org)
    both = EventFactory(name="Both", start_date=datetime.date(2021, 5, 1), always_public=True)
    both.organizers.add(org)
    ParticipationFactory(event=both, country=None, organization=org)
    EventFactory(name="Unrelated meeting", always_public=True)

    assert [e.name for e in Event.objects.involving_organization(org).order_by("-start_date")] == [
        "Attended summit", "Organized forum", "Both"
    ]  # fmt: skip
    page = client.get("/organizations/media-agency/").content.decode()
    assert page.index("Attended summit") < page.index("Organized forum") < page.index("Both")
    assert "Unrelated meeting" not in page

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.support import chromium


@pytest.fixture
def world() -> dict[str, Any]:
    """A current forum with participants, three reports (one a correction), an agency."""
    from events.models import ParticipationRole as Role
    from tests.factories import (
        AgencyFactory,
        ArticleFactory,
        CityFactory,
        EventFactory,
        EventSeriesFactory,
        OrganizationFactory,
        ParticipationFactory,
        PersonFactory,
        country,
    )

    today, now = timezone.localdate(), timezone.now()
    astrakhan = CityFactory(name="Astrakhan", country=country("RU"), population=475_000)
    forum = EventFactory(
        name="Caspian Media Forum 2026", series=EventSeriesFactory(name="Caspian Media Forum"),
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1),
        city=astrakhan, country=country("RU"), theme="Public diplomacy and social media",
    )  # fmt: skip
    for code, role in [("RU", Role.HOST), ("AZ", Role.DELEGATION), ("KZ", Role.DELEGATION),
                       ("BY", Role.OBSERVER)]:  # fmt: skip
        ParticipationFactory(event=forum, country=country(code), role=role)
    trend = AgencyFactory(name="Trend News Agency", short_name="Trend", country=country("AZ"))
    tags = {
        "events": [forum],
        "countries": [country("AZ"), country("RU")],
        "organizations": [OrganizationFactory(name="Media Development Agency")],
        "people": [PersonFactory(name="Ahmed Ismayilov")],
    }
    dateline = {"dateline_raw": "RUSSIA, Astrakhan, September 19.", "dateline_city": astrakhan,
                "dateline_country": country("RU"), "agency": trend}  # fmt: skip
    original = ArticleFactory(
        headline="Caspian Media Forum opens in Astrakhan with five delegations",
        body="<p>Delegations discussed public diplomacy and social media.</p>",
        published_at=now - datetime.timedelta(hours=3), tags=tags, **dateline,
    )  # fmt: skip
    ArticleFactory(
        headline="Kazakh delegation proposes joint training for journalists",
        published_at=now - datetime.timedelta(hours=2),
        tags={"events": [forum], "countries": [country("KZ")]}, **dateline,
    )  # fmt: skip
    correction = ArticleFactory(
        headline="Caspian Media Forum opens in Astrakhan with eight countries",
        body="<p>Delegations and observers discussed public diplomacy and social media.</p>",
        correction_of=original, correction_note="An earlier version left out the observers.",
        tags=tags, **dateline,
    )  # fmt: skip
    return {"forum": forum, "correction": correction}


@pytest.fixture
def browser(world: dict[str, Any]) -> Iterator[Any]:
    """Chromium, launched once the test's world is in the database (see chromium())."""
    with chromium() as launched:
        yield launched

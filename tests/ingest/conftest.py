import copy
import datetime

import pytest
from django.db import transaction

from events.models import EventSeries
from ingest.agencies import load_agencies
from ingest.registry import bump_version
from organizations.models import Organization, RegistrySeed
from tests.factories import (
    AffiliationFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
)
from tests.worlds import registry_world


@pytest.fixture(scope="session")
def shipped_agencies(django_db_setup, django_db_blocker) -> tuple[list, list]:
    """The rows `load_agencies()` writes, loaded once per run (then rolled back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_agencies()
        seeds = list(RegistrySeed.objects.filter(organization__isnull=False))
        loaded = Organization.objects.filter(pk__in=[seed.organization_id for seed in seeds])
        rows = list(loaded), seeds  # only what the loader wrote, not rows seeded before
        transaction.set_rollback(True)
    return rows


@pytest.fixture
@registry_world
def registry(db, shipped_agencies):
    """The Caspian Media Forum world, plus the shipped agency registry.

    The agencies are the rows `load_agencies()` wrote once for the run (tests/organizations
    covers the loader itself); the whole world is built once and restored per test
    (tests/worlds.py).
    """
    agencies, seeds = shipped_agencies
    Organization.objects.bulk_create(copy.copy(agency) for agency in agencies)
    RegistrySeed.objects.bulk_create(copy.copy(seed) for seed in seeds)
    bump_version()
    astrakhan = CityFactory(name="Astrakhan", country=country("RU"), population=520_000)
    CityFactory(name="Baku", country=country("AZ"), population=2_300_000, aliases=["Bakı", "Baky"])
    shusha = CityFactory(name="Shusha", country=country("AZ"), population=19_000)
    CityFactory(name="Moscow", country=country("RU"), population=10_000_000, aliases=["Москва"])
    CityFactory(name="Mary", country=country("TM"), population=120_000)
    caspian = EventSeries.objects.create(name="Caspian Media Forum")
    for year in (2022, 2023):
        EventFactory(
            name=f"Caspian Media Forum {year}",
            series=caspian,
            edition=year,
            start_date=datetime.date(year, 9, 18),
            city=astrakhan,
        )
    EventFactory(
        name="Shusha Global Media Forum 2023",
        start_date=datetime.date(2023, 7, 21),
        city=shusha,
    )
    mda = OrganizationFactory(
        name="Media Development Agency of the Republic of Azerbaijan",
        short_name="MDA",
        country=country("AZ"),
    )
    AffiliationFactory(
        person=PersonFactory(name="Ahmed Ismayilov", aliases=["Akhmad Ismayilov"]),
        organization=mda,
    )
    OrganizationFactory(name="Hummat", kind="publication", founded_year=1919, closed_year=1920)
    PersonFactory(name="Heydar Aliyev")


CASPIAN_REPORT = """date 2023-09-19
Azerbaijani press history presented at Caspian forum

RUSSIA, Astrakhan, September 19. The Azerbaijani delegation at the Caspian Media Forum, \
led by Ahmed Ismayilov, executive director of the Media Development Agency of the \
Republic of Azerbaijan, spoke about the newspaper Hummat, Trend reports from the scene.

Akhmad Ismayilov recalled the Shusha Global Media Forum held in July. Ismayilov said \
that Baku and Astrakhan are sister cities, and that Heydar Aliyev had supported the press.

Mary Whitcombe of the Caspian Press Club also spoke.
"""


@pytest.fixture
@registry_world
def namesakes(registry):
    """Cities that share names across countries, sized roughly as in GeoNames."""
    for name, code, population, aliases in [
        ("Washington", "US", 690_000, ["Washington, D.C."]),
        ("Washington", "GB", 67_000, []),
        ("Saint Petersburg", "RU", 5_300_000, ["St. Petersburg", "St Petersburg"]),
        ("St. Petersburg", "US", 260_000, []),
        ("Delhi", "IN", 11_000_000, ["New Delhi"]),
        ("New Delhi", "IN", 320_000, []),
        ("Paris", "FR", 2_100_000, []),
        ("Paris", "US", 25_000, []),
        ("Cambridge", "GB", 130_000, []),
        ("Cambridge", "US", 118_000, []),
        ("Atlanta", "US", 500_000, []),
        ("Tbilisi", "GE", 1_100_000, []),
        ("Valencia", "VE", 1_400_000, []),
        ("Valencia", "ES", 800_000, []),
        ("Chattogram", "BD", 3_900_000, ["Chittagong", "Islamabad"]),  # its old name
        ("Islamabad", "PK", 600_000, []),
        ("Bangui", "CF", 810_000, ["Bangi"]),
        ("Bangi", "MY", 45_000, []),
        ("Odesa", "UA", 1_000_000, ["Odessa"]),
        ("Odessa", "US", 114_000, []),
    ]:
        CityFactory(name=name, country=country(code), population=population, aliases=aliases)

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_historical_publication_shows_its_active_years():
    assert OrganizationFactory(founded_year=1919, closed_year=1920).active_years == "1919–1920"
    assert OrganizationFactory(founded_year=1914, closed_year=1914).active_years == "1914"
    assert OrganizationFactory(founded_year=1995).active_years == "since 1995"


def test_organization_cannot_close_before_it_was_founded():
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationFactory(founded_year=1920, closed_year=1919)


def test_affiliation_cannot_end_before_it_began():
    with pytest.raises(IntegrityError), transaction.atomic():
        AffiliationFactory(since=datetime.date(2021, 1, 1), until=datetime.date(2020, 1, 1))


def test_person_slug_is_made_from_the_name_and_kept_unique():
    assert PersonFactory(name="Ahmed Ismayilov").slug == "ahmed-ismayilov"
    assert PersonFactory(name="Ahmed Ismayilov").slug == "ahmed-ismayilov-2"


def test_aliases_are_trimmed_and_deduplicated():
    person = PersonFactory(aliases=["  Akhmad   Ismayilov ", "akhmad ismayilov", ""])
    person.refresh_from_db()
    assert person.aliases == ["Akhmad Ismayilov"]
    assert person.all_names == [person.name, "Akhmad Ismayilov"]

"""places/0020: the names Georgian and Armenian copy gives countries."""

import importlib

import pytest
from django.apps import apps

from places.models import Country

pytestmark = pytest.mark.django_db

MIGRATION = "places.migrations.0020_add_georgian_and_armenian_country_names"
ADDED = {"GE": "საქართველო", "AZ": "აზერბაიჯანი", "AM": "Հայաստան", "RU": "Ռուսաստան"}


def aliases(code: str) -> list[str]:
    return Country.objects.get(code=code).aliases


def test_georgian_and_armenian_country_names_come_and_go_with_0020():
    migration = importlib.import_module(MIGRATION)
    assert all(name in aliases(code) for code, name in ADDED.items())
    migration.remove_names(apps, None)
    assert not any(name in aliases(code) for code, name in ADDED.items())
    assert "Georgia" in aliases("GE") or Country.objects.get(code="GE").name == "Georgia"
    migration.add_names(apps, None)
    assert all(name in aliases(code) for code, name in ADDED.items())

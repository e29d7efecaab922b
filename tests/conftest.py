import os

import pytest
from rest_framework.test import APIClient

# Fixtures that reach the database: a test using none of them runs the same on any.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup"}


def pytest_collection_modifyitems(config, items) -> None:
    """With NEWSROOM_TESTS=database, run only the tests that touch the database.

    The test command runs the suite twice, on PostgreSQL and on SQLite, side by side: the
    tests that never touch a database (parsers, dateline rules, …) run in the SQLite run
    only, instead of twice; so do the checks in a browser, which look at pages, and the
    tests of real copy's layouts and names (`parser`), which keep only the registry's rows
    there and read them as every engine does (the registry's, tagger's and importer's own
    tests run on both).
    """
    if os.environ.get("NEWSROOM_TESTS") != "database":
        return
    keep, skip = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        once = item.get_closest_marker("browser") or item.get_closest_marker("parser")
        (keep if uses_db and not once else skip).append(item)
    if skip:
        config.hook.pytest_deselected(items=skip)
        items[:] = keep


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords cheaply: PBKDF2's deliberate cost is a quarter second a user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def api_settings_for_tests(settings):
    """No request limits and no settling delay for the sync stream, unless a test sets
    them: their own tests (tests/api/) do."""
    settings.API_ANONYMOUS_RATE = settings.API_INTEGRATOR_RATE = 1_000_000
    settings.API_SYNC_SETTLE_SECONDS = 0


@pytest.fixture(autouse=True)
def fresh_registry():
    """Rows written by an earlier test are rolled back without signals: rebuild per test."""
    from ingest.registry import bump_version
    from tests.worlds import start_test

    bump_version()
    start_test()


def _member(django_user_model, username: str, group: str):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", f"pw-{username}-2023", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reporter(db, django_user_model):
    """A staff member in the Reporters group: drafts and review, no publishing."""
    return _member(django_user_model, "rita", "Reporters")


@pytest.fixture
def editor(db, django_user_model):
    """A staff member in the Editors group: publishes, withdraws, lifts embargoes."""
    return _member(django_user_model, "emil", "Editors")


@pytest.fixture
def second_editor(db, django_user_model):
    return _member(django_user_model, "erin", "Editors")


@pytest.fixture
def registry_editor(db, django_user_model):
    """A staff member in the Registry editors group: events, organizations, people, places."""
    return _member(django_user_model, "rafael", "Registry editors")


@pytest.fixture
def client_for(client):
    """Return a logged-in test client for a user (a fresh client each call)."""
    from django.test import Client

    def make(user):
        new = Client()
        new.force_login(user)
        return new

    return make

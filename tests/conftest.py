import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture(autouse=True)
def fresh_registry():
    """Rows written by an earlier test are rolled back without signals: rebuild per test."""
    from ingest.registry import bump_version

    bump_version()

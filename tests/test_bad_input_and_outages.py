"""NUL characters answer 400 everywhere; a database outage answers 503 and passes."""

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.test import Client

from tests.factories import ArticleFactory, EventFactory, country

pytestmark = pytest.mark.django_db

NUL_REQUESTS = [
    ("get", "/articles/?country=az%00"),
    ("get", "/articles/?q=oil%00gas"),
    ("get", "/articles/%00/"),
    ("get", "/countries/az/?cursor=%00"),
    ("get", "/api/v1/articles/?country=AZ%00"),
    ("get", "/api/v1/events/?q%00=x"),
    ("get", "/admin/articles/article/?q=%00"),
    ("get", "/admin/articles/article/?country=%00"),
    (
        "get",
        "/admin/autocomplete/?app_label=articles&model_name=article&field_name=events&term=a%00",
    ),
    ("post", "/admin/places/city/add/"),
    ("post", "/admin/login/"),
]


@pytest.mark.parametrize(("method", "url"), NUL_REQUESTS)
def test_a_nul_character_anywhere_answers_400(admin_client, method, url):
    ArticleFactory(tags={"events": [EventFactory()], "countries": [country("AZ")]})
    if method == "post":
        response = admin_client.post(url, {"name": "Baku\x00", "username": "x\x00"})
    else:
        response = admin_client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response.json() == {
            "detail": "The request holds a NUL character, which no field accepts."
        }
    else:
        assert "NUL character" in response.content.decode()


def test_text_without_nul_goes_through(admin_client):
    assert admin_client.get("/admin/articles/article/?q=oil").status_code == 200
    assert admin_client.get("/api/v1/articles/?country=AZ").status_code == 200


@pytest.fixture
def database_down(monkeypatch):
    """Every new query fails as it does when PostgreSQL stops answering."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", refuse)
        patch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
        yield


def test_pages_answer_a_styled_503_while_the_database_is_down(database_down):
    client = Client(raise_request_exception=False)
    response = client.get("/countries/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Briefly unavailable" in page and "css/site.css" in page
    assert response["Retry-After"] == "30"


def test_the_api_answers_a_json_503_while_the_database_is_down(database_down):
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/articles/")
    assert response.status_code == 503
    assert response.json() == {"detail": "The service is briefly unavailable; try again shortly."}


def test_everything_answers_again_once_the_database_is_back(monkeypatch):
    client = Client(raise_request_exception=False)
    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", _refuse)
        assert client.get("/api/v1/countries/").status_code == 503
    assert client.get("/api/v1/countries/").status_code == 200  # same process, no restart


def test_other_errors_stay_500_and_json_under_the_api(monkeypatch):
    from articles import api

    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(api.ArticleViewSet, "get_queryset", broken)
    response = Client(raise_request_exception=False).get("/api/v1/articles/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error; it has been logged."}


def _refuse(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")

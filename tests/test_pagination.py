"""Report lists page by cursor: every report once, in order, at any depth, no count."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, OrganizationFactory, country

pytestmark = pytest.mark.django_db


def reports(n: int, *, same_time: bool = False, **kwargs):
    now = timezone.now().replace(microsecond=0)
    made = []
    for i in range(n):
        at = now - datetime.timedelta(hours=1 if same_time else i + 1)
        made.append(ArticleFactory(published_at=at, **kwargs))
    return made


def walk_api(api_client, url: str) -> list[int]:
    seen = []
    while url:
        body = api_client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    return seen


@pytest.mark.parametrize("same_time", [False, True])
def test_api_pages_give_every_report_once_newest_first(api_client, same_time):
    made = reports(7, same_time=same_time)
    expected = [a.pk for a in sorted(made, key=lambda a: (a.published_at, a.pk), reverse=True)]
    assert walk_api(api_client, "/api/v1/articles/?page_size=3") == expected


def test_api_pages_of_a_country_walk_its_index(api_client):
    tagged = reports(5, tags={"countries": [country("KZ")]})
    reports(3)  # about somewhere else
    expected = [a.pk for a in tagged]
    assert walk_api(api_client, "/api/v1/articles/?country=kz&page_size=2") == expected


def test_previous_link_returns_to_the_page_before(api_client):
    made = reports(5)
    first = api_client.get("/api/v1/articles/?page_size=2").json()
    second = api_client.get(first["next"]).json()
    back = api_client.get(second["previous"]).json()
    assert [i["id"] for i in back["results"]] == [made[0].pk, made[1].pk]
    assert back["previous"] is None


def test_a_garbled_cursor_is_a_400_not_a_500(api_client, client):
    reports(1)
    assert api_client.get("/api/v1/articles/?cursor=bm9wZQ").status_code == 400
    assert client.get("/countries/az/?cursor=%00").status_code == 400


def test_country_page_walks_older_and_newer(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    made = reports(5, tags={"countries": [country("AZ")]})
    first = client.get("/countries/az/").context["page_obj"]
    assert [a.pk for a in first] == [made[0].pk, made[1].pk] and not first.has_previous
    second = client.get(f"/countries/az/?cursor={first.next_cursor}").context["page_obj"]
    assert [a.pk for a in second] == [made[2].pk, made[3].pk]
    back = client.get(f"/countries/az/?cursor={second.previous_cursor}").context["page_obj"]
    assert [a.pk for a in back] == [made[0].pk, made[1].pk]
    html = client.get(f"/countries/az/?cursor={second.next_cursor}").content.decode()
    assert made[4].headline in html and "Older" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/?page_size=%C2%B2",
        "/api/v1/events/?page=%C2%B2",
        "/api/v1/people/?page=9" + "9" * 5000,
        "/events/?page=%C2%B2",
        "/events/?country=%00",
        "/articles/?cursor=b3wwMDAxLTAxLTAxVDAwOjAwOjAwKzA1OjAwfDE",
    ],
)
def test_odd_page_values_are_never_a_500(client, url):
    reports(1)
    assert client.get(url).status_code in {200, 400, 404}


@pytest.mark.parametrize(
    ("first", "reused"),
    [
        ("/api/v1/articles/?page_size=1", "&updated_since=2000-01-01"),
        ("/api/v1/articles/?page_size=1", "&ordering=published_at"),
        ("/api/v1/articles/?updated_since=2000-01-01&page_size=1", "&ordering=-published_at"),
        ("/api/v1/organizations/?page_size=1", "&ordering=-name"),
    ],
)
def test_a_cursor_is_refused_under_another_order(api_client, first, reused):
    for n in range(3):
        ArticleFactory(tags={"organizations": [OrganizationFactory(name=f"Body {n}")]})
    next_url = api_client.get(first).json()["next"]
    cursor = next_url.split("cursor=")[1].split("&")[0]
    response = api_client.get(f"{first.split('?')[0]}?cursor={cursor}&page_size=1{reused}")
    assert response.status_code == 400
    assert "another order" in response.json()["errors"]["cursor"][0]
    assert api_client.get(next_url).status_code == 200  # where it belongs, it still reads


def test_a_cursor_made_before_cursors_named_their_order_still_reads(api_client):
    from newsroom.pagination import OLDER, Cursor

    reports = [ArticleFactory() for _ in range(3)]
    newest = max(reports, key=lambda r: (r.visible_from, r.pk))
    newest.refresh_from_db()
    old = Cursor(OLDER, newest.visible_from, newest.pk).encode()
    response = api_client.get(f"/api/v1/articles/?cursor={old}")
    assert response.status_code == 200 and len(response.json()["results"]) == 2

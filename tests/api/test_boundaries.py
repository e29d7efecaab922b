"""The API's boundaries: what it never shows, what a token may not do, what never fails."""

import base64
import json

import pytest
from rest_framework.test import APIClient

from articles.models import Article
from tests.api.test_writing import as_integrator
from tests.factories import (
    ArticleFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    PersonFactory,
    utc,
)
from tests.helpers import edit_in_admin

pytestmark = pytest.mark.django_db


def test_a_public_series_never_names_an_organizer_nobody_may_see_yet(api_client):
    hidden = OrganizationFactory(name="Quiet Holding")
    series = EventSeriesFactory(slug="forum-series")
    series.organizers.add(hidden, OrganizationFactory(name="Open Body", always_public=True))
    EventFactory(series=series, always_public=True)
    ArticleFactory(draft=True, tags={"organizations": [hidden]})
    body = api_client.get("/api/v1/event-series/forum-series/").json()
    assert [o["name"] for o in body["organizers"]] == ["Open Body"]


def test_an_organization_never_names_a_parent_nobody_may_see_yet(api_client, client):
    parent = OrganizationFactory(name="Hidden Parent")
    OrganizationFactory(slug="child", always_public=True, parent=parent)
    assert api_client.get("/api/v1/organizations/child/").json()["parent"] is None
    assert "Hidden Parent" not in client.get("/organizations/child/").content.decode()
    parent.always_public = True
    parent.save()
    assert api_client.get("/api/v1/organizations/child/").json()["parent"]["name"] == (
        "Hidden Parent"
    )


def etag_of(client, article) -> str:
    return client.get(f"/api/v1/articles/{article.pk}/")["ETag"]


def test_a_token_keeps_the_admins_rules_on_publishing_fields(reporter):
    client = as_integrator(reporter)
    embargoed = ArticleFactory(embargoed=True)
    url = f"/api/v1/articles/{embargoed.pk}/"
    lifted = client.patch(
        url, {"embargo_until": None}, format="json", HTTP_IF_MATCH=etag_of(client, embargoed)
    )
    assert lifted.status_code == 403  # an editor's (embargo) and publisher's call
    assert Article.objects.get(pk=embargoed.pk).embargo_until is not None
    draft = ArticleFactory(draft=True)
    early = client.patch(
        f"/api/v1/articles/{draft.pk}/",
        {"published_at": "2020-01-01T00:00:00Z"},
        format="json",
        HTTP_IF_MATCH=etag_of(client, draft),
    )
    assert early.status_code == 403


def test_a_published_report_needs_an_editor_and_a_withdrawn_one_stays(reporter, editor):
    published = ArticleFactory()
    client = as_integrator(reporter)
    url = f"/api/v1/articles/{published.pk}/"
    defaced = client.patch(
        url, {"headline": "Defaced"}, format="json", HTTP_IF_MATCH=etag_of(client, published)
    )
    assert defaced.status_code == 403
    published.withdraw(by=editor, reason="Wrong.")
    editor_client = as_integrator(editor)
    changed = editor_client.patch(
        url,
        {"embargo_until": None},
        format="json",
        HTTP_IF_MATCH=f'"a{published.pk}v{Article.objects.get(pk=published.pk).version}"',
    )
    assert changed.status_code == 403


def test_ingest_tells_an_add_only_account_nothing_of_a_report_it_cannot_see(
    django_user_model,
):
    from django.contrib.auth.models import Permission

    from tests.factories import AgencyFactory

    adder = django_user_model.objects.create_user("adder", password="pw-adder-2023")
    adder.user_permissions.add(Permission.objects.get(codename="add_article"))
    agency = AgencyFactory(name="Kazinform")
    ArticleFactory(
        draft=True, agency=agency, agency_item_id="KZ-9", headline="Secret draft", body="<p>x</p>"
    )
    doc = {
        "uri": "u",
        "headline": "Copy",
        "body_html": "<p>y</p>",
        "altIds": [{"role": "agency-item-id", "value": "KZ-9"}],
        "infoSources": [{"name": "Kazinform", "role": "originator"}],
    }
    response = as_integrator(adder).generic(
        "POST", "/api/v1/ingest/", json.dumps(doc), content_type="application/ninjs+json"
    )
    # another account's report: refused, without its text or even its id
    assert response.status_code == 403
    assert "Secret draft" not in response.content.decode()
    assert "article" not in response.json()


def test_registry_writes_need_the_exact_etag_and_answer_with_id_and_etag(registry_editor):
    client = as_integrator(registry_editor)
    created = client.post("/api/v1/organizations/", {"name": "Caspian Council"}, format="json")
    assert created.status_code == 201 and created.json()["id"] and created.json()["slug"]
    url = f"/api/v1/organizations/{created.json()['id']}/"
    assert client.patch(
        url, {"short_name": "CC"}, format="json", HTTP_IF_MATCH="*"
    ).status_code == (412)
    ok = client.patch(url, {"short_name": "CC"}, format="json", HTTP_IF_MATCH=created["ETag"])
    assert ok.status_code == 200


@pytest.mark.parametrize(
    ("method", "url", "body", "headers"),
    [
        ("get", "/api/v1/cities/?cursor=" + base64.b64encode(b"p=abc").decode(), None, {}),
        ("get", "/api/v1/cities/?cursor=" + base64.b64encode(b"p=1e400").decode(), None, {}),
        (
            "patch",
            "/api/v1/articles/1/",
            {"summary": "x"},
            {"HTTP_IF_MATCH": '"a1v' + "9" * 5000 + '"'},
        ),
        ("post", "/api/v1/people/", {"name": "A Person", "aliases": 3}, {}),
        ("post", "/api/v1/articles/", {"headline": "x", "people": ["p"] * 500}, {}),
    ],
)
def test_odd_input_is_a_4xx_never_a_500(editor, registry_editor, method, url, body, headers):
    editor.groups.add(*registry_editor.groups.all())
    ArticleFactory()
    client = as_integrator(editor)
    response = getattr(client, method)(url, body, format="json", **headers)
    assert 400 <= response.status_code < 500, response.content


def test_an_empty_feed_is_a_400(reporter):
    response = as_integrator(reporter).generic(
        "POST",
        "/api/v1/ingest/",
        "<rss version='2.0'><channel><title>t</title></channel></rss>",
        content_type="application/rss+xml",
    )
    assert response.status_code == 400 and response.json()["errors"]["body"]


def test_the_stream_bounds_by_publication_and_follows_a_record_after_its_report_goes(
    api_client, editor
):
    person = PersonFactory(slug="a-minister")
    old = ArticleFactory(headline="old", published_at=utc(2020, 5, 1), tags={"people": [person]})
    old.summary = "edited in 2024"
    old.save()  # changed now, published in 2020
    stream = "/api/v1/articles/?updated_since=2000-01-01"
    before = api_client.get(f"{stream}&published_before=2021-01-01").json()["results"]
    assert [item["headline"] for item in before] == ["old"]
    old.withdraw(by=editor, reason="Gone.")
    followed = api_client.get(f"{stream}&person=a-minister")
    assert followed.status_code == 200  # the person is no longer public; the mirror goes on
    assert [(i["id"], i["withdrawn"]) for i in followed.json()["results"]] == [(old.pk, True)]


def test_a_staff_session_reads_like_the_public_and_cannot_write(reporter, client_for):
    ArticleFactory(headline="Unpublished draft headline", draft=True)
    session = client_for(reporter)
    page = session.get("/api/v1/articles/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and "Unpublished draft headline" not in page.content.decode()
    refused = session.post("/api/v1/articles/", {"headline": "x"}, content_type="application/json")
    assert refused.status_code == 403


def test_an_etag_moves_when_what_the_answer_shows_moves(api_client):
    event = EventFactory(slug="summit", always_public=True)
    first = api_client.get("/api/v1/events/summit/")
    ArticleFactory(tags={"events": [event]})  # its count of reports changes, not the event
    second = api_client.get("/api/v1/events/summit/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second.json()["article_count"] == 1


def test_an_unauthenticated_write_is_401_with_the_scheme(api_client):
    response = APIClient().post("/api/v1/articles/", {"headline": "x"}, format="json")
    assert response.status_code in (401, 403)


def test_a_public_report_is_never_hidden_again_by_moving_its_times(editor):
    report = ArticleFactory()
    client = as_integrator(editor)
    for field in ("embargo_until", "published_at"):
        response = client.patch(
            f"/api/v1/articles/{report.pk}/",
            {field: "2099-01-01T00:00:00Z"},
            format="json",
            HTTP_IF_MATCH=etag_of(client, report),
        )
        assert response.status_code == 400 and field in response.json()["errors"]
    assert Article.objects.get(pk=report.pk).is_public


def test_a_published_reports_publish_time_cannot_be_cleared(editor):
    report = ArticleFactory(published_at=utc(2024, 3, 1, 9))
    client = as_integrator(editor)
    response = client.patch(
        f"/api/v1/articles/{report.pk}/",
        {"published_at": None},
        format="json",
        HTTP_IF_MATCH=etag_of(client, report),
    )
    assert response.status_code == 400 and "published_at" in response.json()["errors"]
    assert Article.objects.get(pk=report.pk).published_at == utc(2024, 3, 1, 9)


def test_a_scheduled_report_is_not_published_now_by_clearing_its_time(editor):
    report = ArticleFactory(published_at=utc(2099, 1, 1))
    client = as_integrator(editor)
    response = client.patch(
        f"/api/v1/articles/{report.pk}/",
        {"published_at": None},
        format="json",
        HTTP_IF_MATCH=etag_of(client, report),
    )
    assert response.status_code == 400 and "published_at" in response.json()["errors"]
    assert not Article.objects.get(pk=report.pk).is_public


def test_a_public_report_takes_no_new_embargo_even_a_past_one(editor):
    report = ArticleFactory(published_at=utc(2024, 3, 1, 9))
    client = as_integrator(editor)
    response = client.patch(
        f"/api/v1/articles/{report.pk}/",
        {"embargo_until": "2024-03-01T12:00:00Z"},
        format="json",
        HTTP_IF_MATCH=etag_of(client, report),
    )
    assert response.status_code == 400 and "embargo_until" in response.json()["errors"]
    public_since = client.get(f"/api/v1/articles/{report.pk}/").json()["public_since"]
    assert public_since == "2024-03-01T09:00:00Z"


def test_a_drafts_publish_time_and_embargo_stay_free(editor):
    draft = ArticleFactory(draft=True, published_at=utc(2024, 3, 1, 9))
    client = as_integrator(editor)
    response = client.patch(
        f"/api/v1/articles/{draft.pk}/",
        {"published_at": None, "embargo_until": "2024-03-01T12:00:00Z"},
        format="json",
        HTTP_IF_MATCH=etag_of(client, draft),
    )
    assert response.status_code == 200, response.content
    assert response.json()["published_at"] is None


def test_the_admin_refuses_to_clear_a_published_reports_time(client_for, editor):
    report = ArticleFactory(published_at=utc(2024, 3, 1, 9))
    response = edit_in_admin(
        client_for(editor), report, published_at_0="", published_at_1="", headline="Edited"
    )
    assert response.status_code == 200  # the form again, with the error
    assert "keeps its publish time" in response.content.decode()
    report.refresh_from_db()
    assert report.published_at == utc(2024, 3, 1, 9) and report.headline != "Edited"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("delete", "/api/v1/articles/{pk}/"),
        ("post", "/api/v1/countries/"),
        ("put", "/api/v1/countries/az/"),
        ("delete", "/api/v1/organizations/ministry/"),
        ("get", "/api/v1/ingest/"),
    ],
)
@pytest.mark.parametrize("who", ["anonymous", "integrator"])
def test_a_method_an_endpoint_does_not_take_is_405_whoever_asks(editor, method, url, who):
    report = ArticleFactory()
    OrganizationFactory(slug="ministry", always_public=True)
    client = as_integrator(editor) if who == "integrator" else APIClient()
    response = getattr(client, method)(url.format(pk=report.pk))
    assert response.status_code == 405
    assert method.upper() not in response["Allow"]
    assert Article.objects.filter(pk=report.pk).exists()


def test_the_admin_still_saves_a_report_whose_embargo_was_lifted(client_for, editor):
    report = ArticleFactory(embargoed=True)
    report.lift_embargo(by=editor)  # the embargo ends now, to the microsecond
    response = edit_in_admin(
        client_for(editor), Article.objects.get(pk=report.pk), headline="Edited"
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=report.pk).headline == "Edited"

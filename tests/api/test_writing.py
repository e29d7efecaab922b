"""Writes through the API: the admin's rules (permissions, workflow, versions, revisions)
hold for an integrator too."""

import json
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from articles.models import Article
from editorial.models import Action, EditorialAction
from events.models import Event
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
    utc,
)

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "ingest" / "data"


def as_integrator(user) -> APIClient:
    """A client holding an integrator's token for `user` (see tests/integrations for the
    real header; here the token object only has to be there)."""
    client = APIClient()
    client.force_authenticate(user=user, token="integrator-token")
    return client


def create(client, **fields) -> dict:
    body = {"headline": "Ministers meet in Baku", "body": "<p>They met.</p>", **fields}
    response = client.post("/api/v1/articles/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json() | {"etag": response["ETag"]}


def test_anonymous_and_unpermitted_clients_cannot_write(api_client, django_user_model):
    assert api_client.post("/api/v1/articles/", {"headline": "x"}, format="json").status_code in (
        401,
        403,
    )
    nobody = django_user_model.objects.create_user("reader", password="pw-reader-2023")
    refused = as_integrator(nobody).post("/api/v1/articles/", {"headline": "x"}, format="json")
    assert refused.status_code == 403 and refused.json()["detail"]


def test_a_created_report_is_a_draft_with_its_tags_and_a_revision_by_the_integrator(reporter):
    client = as_integrator(reporter)
    summit = EventFactory(slug="summit")
    AgencyFactory(slug="trend")
    data = create(
        client,
        agency="trend",
        events=["summit"],
        countries=["az", "GE"],
        organizations=[OrganizationFactory(slug="mda").slug],
        people=[PersonFactory(slug="a-minister").slug],
    )
    article = Article.objects.get(pk=data["id"])
    assert article.status == "draft" and not article.is_public
    assert list(article.events.all()) == [summit]
    assert {c.code for c in article.countries.all()} == {"AZ", "GE"}
    assert article.created_by == reporter
    (revision,) = article.history.all()
    assert revision.history_user == reporter
    assert {t.event_id for t in revision.events.all()} == {summit.pk}
    assert data["etag"].startswith(f'"a{article.pk}v{article.version}-')
    # The public still cannot see it; the integrator reads it back with its token.
    assert APIClient().get(f"/api/v1/articles/{article.pk}/").status_code == 404
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 200


@pytest.mark.parametrize("debug", [False, True])
def test_a_write_to_an_address_without_its_final_slash_is_sent_on_keeping_the_method(
    reporter, settings, debug
):
    settings.DEBUG = debug
    client = as_integrator(reporter)
    body = {"headline": "Ministers meet in Baku", "body": "<p>They met.</p>"}
    response = client.post("/api/v1/articles?lang=en", body, format="json")
    assert response.status_code == 308 and response["Location"] == "/api/v1/articles/?lang=en"
    followed = client.post("/api/v1/articles", body, format="json", follow=True)
    assert followed.status_code == 201 and Article.objects.filter(headline=body["headline"])


@pytest.mark.parametrize("language", ["english", "xx", "en_GB!"])
def test_a_language_that_is_no_language_tag_is_a_field_error(reporter, language):
    client = as_integrator(reporter)
    response = client.post(
        "/api/v1/articles/", {"headline": "h", "language": language}, format="json"
    )
    assert response.status_code == 400 and "language" in response.json()["errors"]
    assert create(client, language="en-GB")["language"] == "en-GB"


def test_a_created_report_answers_with_its_address(reporter):
    client = as_integrator(reporter)
    response = client.post("/api/v1/articles/", {"headline": "h"}, format="json")
    assert response["Location"] == f"http://testserver/api/v1/articles/{response.json()['id']}/"


def test_a_language_is_written_as_a_tag_and_an_old_one_blocks_no_other_edit(reporter):
    client = as_integrator(reporter)
    data = create(client, language="EN_us")
    assert data["language"] == "en-US"
    Article.objects.filter(pk=data["id"]).update(language="english")  # stored before 0017
    url = f"/api/v1/articles/{data['id']}/"
    etag = client.get(url)["ETag"]
    edited = client.patch(url, {"headline": "New"}, format="json", HTTP_IF_MATCH=etag)
    assert edited.status_code == 200, edited.content


def test_the_languages_stored_before_tags_were_checked_are_written_as_tags():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("articles.migrations.0018_normalize_languages")
    kept = ArticleFactory(language="en")
    old = [ArticleFactory(language=value) for value in ("en_us", "EN", "english")]
    migration.normalize(apps, None)
    assert [Article.objects.get(pk=a.pk).language for a in old] == ["en-US", "en", "english"]
    assert Article.objects.get(pk=kept.pk).language == "en"


def test_unknown_tags_are_field_errors(reporter):
    response = as_integrator(reporter).post(
        "/api/v1/articles/",
        {"headline": "x", "events": ["no-such-event"], "countries": ["ZZ"]},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "no-such-event" in errors["events"][0] and "ZZ" in errors["countries"][0]


def test_an_update_needs_if_match_and_a_stale_one_is_412(reporter, editor):
    client = as_integrator(reporter)
    data = create(client)
    url = f"/api/v1/articles/{data['id']}/"
    missing = client.patch(url, {"headline": "No version"}, format="json")
    assert missing.status_code == 428
    first = client.patch(url, {"headline": "First"}, format="json", HTTP_IF_MATCH=data["etag"])
    assert first.status_code == 200 and first["ETag"] != data["etag"]
    stale = client.patch(url, {"headline": "Lost"}, format="json", HTTP_IF_MATCH=data["etag"])
    assert stale.status_code == 412 and "version" in stale.json()["detail"]
    assert Article.objects.get(pk=data["id"]).headline == "First"
    # Any representation's ETag of the current version will do.
    version = Article.objects.get(pk=data["id"]).version
    ninjs_tag = f'"a{data["id"]}v{version}-ninjs3.1-0123abcd"'
    weak = client.patch(url, {"summary": "s"}, format="json", HTTP_IF_MATCH=f"W/{ninjs_tag}")
    assert weak.status_code == 412  # writes compare strongly
    ok = client.patch(url, {"summary": "s"}, format="json", HTTP_IF_MATCH=ninjs_tag)
    assert ok.status_code == 200


def test_a_write_that_changes_nothing_makes_no_new_version(reporter):
    client = as_integrator(reporter)
    data = create(client, countries=["AZ"])
    url = f"/api/v1/articles/{data['id']}/"
    same = {"headline": data["headline"], "countries": ["az"], "summary": data["summary"]}
    again = client.patch(url, same, format="json", HTTP_IF_MATCH=data["etag"])
    assert again.status_code == 200 and again.json()["version"] == data["version"]
    assert again["ETag"] == data["etag"]
    assert Article.objects.get(pk=data["id"]).history.count() == 1
    tagged = client.patch(
        url, {"countries": ["AZ", "GE"]}, format="json", HTTP_IF_MATCH=data["etag"]
    )
    assert tagged.json()["version"] == data["version"] + 1


def test_publishing_is_a_step_that_needs_the_publish_permission(reporter, editor):
    data = create(as_integrator(reporter))
    url = f"/api/v1/articles/{data['id']}/publish/"
    refused = as_integrator(reporter).post(url, {}, format="json", HTTP_IF_MATCH=data["etag"])
    assert refused.status_code == 403
    done = as_integrator(editor).post(url, {}, format="json", HTTP_IF_MATCH=data["etag"])
    assert done.status_code == 200, done.content
    article = Article.objects.get(pk=data["id"])
    assert article.is_public and article.published_by == editor
    assert EditorialAction.objects.filter(
        object_id=str(article.pk), action=Action.PUBLISHED, actor=editor
    ).exists()
    again = as_integrator(editor).post(url, {}, format="json", HTTP_IF_MATCH=done["ETag"])
    assert again.status_code == 409  # already published


def test_withdrawing_needs_a_reason_and_shows_in_the_public_answer(editor):
    article = ArticleFactory()
    client = as_integrator(editor)
    etag = client.get(f"/api/v1/articles/{article.pk}/")["ETag"]
    url = f"/api/v1/articles/{article.pk}/withdraw/"
    assert client.post(url, {}, format="json", HTTP_IF_MATCH=etag).status_code == 400
    done = client.post(url, {"reason": "Wrong figures."}, format="json", HTTP_IF_MATCH=etag)
    assert done.status_code == 200
    assert APIClient().get(f"/api/v1/articles/{article.pk}/").status_code == 410


def test_scheduling_through_the_api_keeps_it_hidden_until_its_time(editor):
    data = create(as_integrator(editor))
    as_integrator(editor).post(
        f"/api/v1/articles/{data['id']}/publish/",
        {"at": "2099-01-01T09:00:00Z"},
        format="json",
        HTTP_IF_MATCH=data["etag"],
    )
    article = Article.objects.get(pk=data["id"])
    assert article.is_scheduled and not article.is_public


def test_events_and_registry_entries_are_created_and_updated_with_if_match(registry_editor):
    client = as_integrator(registry_editor)
    org = OrganizationFactory(slug="otc")
    created = client.post(
        "/api/v1/events/",
        {
            "name": "Turkic Summit 2026",
            "start_date": "2026-10-01",
            "end_date": "2026-10-02",
            "country": "az",
            "organizers": ["otc"],
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    event = Event.objects.get(name="Turkic Summit 2026")
    assert event.country_id == "AZ" and list(event.organizers.all()) == [org]
    read = client.get(f"/api/v1/events/{event.slug}/")
    assert read.status_code == 200  # not public yet, but the integrator may view events
    url = f"/api/v1/events/{event.pk}/"
    assert client.patch(url, {"venue": "Hall"}, format="json").status_code == 428
    changed = client.patch(url, {"venue": "Hall"}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert changed.status_code == 200 and changed.json()["venue"] == "Hall"
    stale = client.patch(url, {"venue": "Other"}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert stale.status_code == 412
    bad = client.patch(
        url, {"end_date": "2026-09-01"}, format="json", HTTP_IF_MATCH=changed["ETag"]
    )
    assert bad.status_code == 400 and "end_date" in bad.json()["errors"]
    person = client.post(
        "/api/v1/people/", {"name": "Aida Karimova", "country": "KZ"}, format="json"
    )
    assert person.status_code == 201 and person.json()["country"] == "KZ"


def test_ingest_takes_plain_text_and_answers_with_the_draft(reporter):
    client = as_integrator(reporter)
    text = (SEED / "trend-2023-09-19-caspian-media-forum.txt").read_bytes()  # the seed
    response = client.generic("POST", "/api/v1/ingest/", text, content_type="text/plain")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["action"] == "created" and body["article"]["id"]
    assert response["Location"].endswith(f"/api/v1/articles/{body['article']['id']}/")
    assert Article.objects.get(pk=body["article"]["id"]).status == "draft"
    again = client.generic("POST", "/api/v1/ingest/", text, content_type="text/plain")
    # No item id, but the very same copy: a client retrying gets the report it made.
    assert again.status_code == 200 and again.json()["action"] == "duplicate"
    assert again.json()["article"]["id"] == body["article"]["id"]
    Article.objects.filter(pk=body["article"]["id"]).update(status="withdrawn")
    after = client.generic("POST", "/api/v1/ingest/", text, content_type="text/plain")
    assert after.status_code == 201  # sent again after a withdrawal: a new draft
    Article.objects.filter(pk=after.json()["article"]["id"]).delete()
    changed = text.replace(b"The forum", b"The annual forum", 1)
    assert changed != text
    refiled = client.generic("POST", "/api/v1/ingest/", changed, content_type="text/plain")
    assert refiled.status_code == 201  # a re-file: a second draft, flagged as one
    assert any("re-file" in message for message in refiled.json()["messages"])


def test_ingest_knows_a_ninjs_uri_again_without_an_agency(reporter):
    client = as_integrator(reporter)
    ninjs = {"uri": "urn:example:no-agency:1", "headline": "Ministers meet",
             "body_text": "The ministers met in Baku on Tuesday to talk about trade."}  # fmt: skip
    first = client.generic(
        "POST", "/api/v1/ingest/", json.dumps(ninjs), content_type="application/ninjs+json"
    )
    ninjs["body_text"] += " They agreed to meet again."
    second = client.generic(
        "POST", "/api/v1/ingest/", json.dumps(ninjs), content_type="application/ninjs+json"
    )
    assert first.status_code == 201 and second.json()["action"] == "updated"
    assert second.json()["article"]["id"] == first.json()["article"]["id"]


@pytest.mark.parametrize(
    ("content_type", "encoding"),
    [("text/plain; charset=windows-1251", "cp1251"), ("text/plain", "utf-16"),
     ("text/plain; charset=UTF-8", "utf-8")],
)  # fmt: skip
def test_ingest_reads_text_in_the_charset_it_declares(reporter, content_type, encoding):
    text = "BAKU, November 30 (Trend) - A memorandum was signed in Баку on Monday.\n"
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", text.encode(encoding), content_type=content_type
    )
    assert response.status_code == 201, response.content
    assert "Баку" in Article.objects.get(pk=response.json()["article"]["id"]).body


def test_ingest_reads_undeclared_legacy_text_in_its_code_page(reporter):
    text = "أوبك تبقي على مستويات الإنتاج\n\nدمشق، 14 مايو (سانا) - قالت منظمة أوبك إنها ستبقي على الإنتاج دون تغيير.\n"
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", text.encode("cp1256"), content_type="text/plain"
    )
    assert response.status_code == 201, response.content
    assert response.json()["article"]["headline"] == "أوبك تبقي على مستويات الإنتاج"
    assert not any("charset" in message for message in response.json()["messages"])


def test_ingest_warns_when_undeclared_text_reads_cleanly_in_no_code_page(reporter):
    garbage = bytes(range(0xA1, 0xFF, 3)) * 2
    body = b"Talks end\n\nThe talks ended on Tuesday. " + garbage + b" Aides said.\n"
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", body, content_type="text/plain"
    )
    assert response.status_code == 201, response.content
    assert any("declares no charset" in m for m in response.json()["messages"])


def test_ingest_refuses_text_that_is_not_in_its_declared_charset(reporter):
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", "Баку".encode("cp1251"), content_type="text/plain; charset=utf-8"
    )
    assert response.status_code == 400 and "utf-8" in response.json()["errors"]["body"][0]


def test_ingest_reads_the_language_of_an_item_whose_declared_one_is_no_tag(reporter):
    ninjs = {
        "uri": "urn:example:language",
        "headline": "Caspian ministers meet in Baku",
        "body_text": "The ministers of five Caspian states met in Baku on Tuesday to talk trade.",
        "language": "english",
    }
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", json.dumps(ninjs), content_type="application/ninjs+json"
    )
    assert response.status_code == 201, response.content
    assert Article.objects.get(pk=response.json()["article"]["id"]).language == "en"


def test_ingest_takes_ninjs_and_newsml_by_content_type(reporter):
    client = as_integrator(reporter)
    ninjs = {
        "uri": "urn:example:1",
        "type": "text",
        "headline": "Caspian ministers meet",
        "body_html": "<p>ASTRAKHAN, Sept 19 - Ministers met.</p>",
        "versioncreated": "2023-09-19T10:00:00Z",
        "language": "en",
    }
    response = client.generic(
        "POST", "/api/v1/ingest/", json.dumps(ninjs), content_type="application/ninjs+json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["article"]["headline"] == "Caspian ministers meet"
    refused = client.generic("POST", "/api/v1/ingest/", "x", content_type="image/png")
    assert refused.status_code == 415
    broken = client.generic("POST", "/api/v1/ingest/", "<newsItem", content_type="application/xml")
    assert broken.status_code == 400 and broken.json()["errors"]["body"]
    foreign = client.generic("POST", "/api/v1/ingest/", "<catalog/>", content_type="text/xml")
    assert foreign.status_code == 400  # declared XML is never read as pasted text


@pytest.mark.parametrize(
    "content_type, document",
    [
        (
            "text/vnd.IPTC.NITF",
            """<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd"><nitf><head><docdata>
            <doc-id id-string="CWA-7"/><date.issue norm="20240312T101500Z"/>
            <date.release norm="20990101T000000Z"/></docdata></head><body><body.head>
            <hedline><hl1>Ministers meet in Aktau</hl1></hedline></body.head>
            <body.content><p>Ministers met.</p></body.content></body></nitf>""",
        ),
        (
            "text/vnd.IPTC.NewsML",
            """<NewsML><NewsItem><Identification><NewsIdentifier>
            <PublicIdentifier>urn:newsml:cwa.test:20240312:7:1</PublicIdentifier>
            </NewsIdentifier></Identification><NewsManagement>
            <FirstCreated>20240312T101500Z</FirstCreated><Status FormalName="Embargoed"/>
            <StatusWillChange><DateAndTime>20990101T000000Z</DateAndTime></StatusWillChange>
            </NewsManagement><NewsComponent><NewsLines>
            <HeadLine>Ministers meet in Aktau</HeadLine></NewsLines><ContentItem>
            <MediaType FormalName="Text"/><DataContent><p>Ministers met.</p></DataContent>
            </ContentItem></NewsComponent></NewsItem></NewsML>""",
        ),
    ],
)
def test_ingest_takes_nitf_and_newsml_1_with_their_embargo(reporter, content_type, document):
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", document, content_type=content_type
    )
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["article"]["id"])
    assert article.headline == "Ministers meet in Aktau"
    assert article.embargo_until is not None and article.embargo_until.year == 2099


def test_ingest_needs_the_add_permission(api_client, django_user_model):
    assert api_client.generic(
        "POST", "/api/v1/ingest/", "x", content_type="text/plain"
    ).status_code in (401, 403)
    nobody = django_user_model.objects.create_user("reader2", password="pw-reader-2023")
    response = as_integrator(nobody).generic(
        "POST", "/api/v1/ingest/", "x", content_type="text/plain"
    )
    assert response.status_code == 403


def test_dates_and_country_keep_their_types(reporter):
    data = create(as_integrator(reporter), dateline_country="kz", dateline_date="2024-05-02")
    article = Article.objects.get(pk=data["id"])
    assert article.dateline_country == country("KZ") and str(article.dateline_date) == "2024-05-02"
    assert utc(2024, 1, 1) < article.created_at


def test_ingest_of_an_empty_body_is_a_400_naming_it(reporter):
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", b"", content_type="text/plain"
    )
    assert response.status_code == 400 and response.json()["errors"]["body"]


def test_a_new_wire_version_of_an_edited_report_is_held_and_shown(reporter):
    client = as_integrator(reporter)
    AgencyFactory(slug="kazinform", name="Kazinform")
    item = {
        "uri": "urn:kazinform:1",
        "type": "text",
        "headline": "Ministers meet in Aktau",
        "body_html": "<p>Ministers met.</p>",
        "altIds": [{"role": "agency-item-id", "value": "KZ-1"}],
        "infoSources": [{"name": "Kazinform", "role": "originator"}],
    }

    def send(doc):
        return client.generic(
            "POST", "/api/v1/ingest/", json.dumps(doc), content_type="application/ninjs+json"
        )

    first = send(item).json()["article"]
    article = Article.objects.get(pk=first["id"])
    article.headline = "Ministers meet in Aktau, an editor says"
    article.save()
    held = send({**item, "headline": "Ministers meet in Aktau (updated)"})
    assert held.status_code == 202
    body = held.json()
    assert body["action"] == "held for review"
    assert body["article"]["headline"] == "Ministers meet in Aktau, an editor says"
    assert body["held_version"]["headline"] == "Ministers meet in Aktau (updated)"


def test_ingest_reads_wire_copy_sent_as_plain_text(reporter):
    """ANPA-1312 as a news system forwards it: the header is read, not printed."""
    anpa = (
        "\x16\x16\x01W2870\x1fasian\n"
        "r i\x13\x11 BC-AS--Caspian-Ferry     03-12 0120\n"
        "\x02^BC-AS--Caspian-Ferry,120<\n"
        "^Ferry line to Aktau reopens<\n"
        "\t   BAKU, Azerbaijan (AP) _ The ferry line from Baku to Aktau reopened on Tuesday.\n"
        "\t   \x03AP-WF-03-12-24 1509GMT<\n\x04"
    )
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", anpa.encode("latin-1"), content_type="text/plain"
    )
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["article"]["id"])
    assert article.headline == "Ferry line to Aktau reopens"
    assert article.agency_item_id == "BC-AS--Caspian-Ferry:2024-03-12"
    assert str(article.dateline_date) == "2024-03-12"


COPY = (
    "Ministers sign a transit accord\n\n"
    "BAKU, November 30 (Trend) - Transport ministers of three Caspian states signed an accord"
    " on Monday to cut the time freight trains wait at their borders. The accord takes effect"
    " in the spring, the ministry said. Officials expect rail freight to grow by a fifth.\n"
)


@pytest.mark.parametrize(
    "changed",
    [COPY.replace("(Trend)", "(APA)"), COPY.replace("a transit accord", "an accord on transit")],
    ids=["another dateline", "another headline"],
)
def test_ingest_same_text_under_another_credit_or_headline_is_a_new_draft(reporter, changed):
    client = as_integrator(reporter)
    first = client.generic("POST", "/api/v1/ingest/", COPY.encode(), content_type="text/plain")
    assert first.status_code == 201, first.content
    second = client.generic("POST", "/api/v1/ingest/", changed.encode(), content_type="text/plain")
    # The same words, but not the same copy: a second draft, flagged, never "duplicate".
    assert second.status_code == 201, second.json()
    assert second.json()["article"]["id"] != first.json()["article"]["id"]
    assert (
        Article.objects.get(pk=second.json()["article"]["id"]).near_duplicate_of_id
        == (first.json()["article"]["id"])
    )


def test_ingest_same_ninjs_from_another_agency_is_a_new_draft(reporter):
    AgencyFactory(name="Caspian Wire"), AgencyFactory(name="Steppe Wire")
    client = as_integrator(reporter)
    ninjs = {"headline": "Ministers sign a transit accord", "body_text": COPY.split("- ", 1)[1]}

    def send(provider: str):
        document = json.dumps({**ninjs, "provider": {"name": provider}})
        return client.generic(
            "POST", "/api/v1/ingest/", document, content_type="application/ninjs+json"
        )

    first, second = send("Caspian Wire"), send("Steppe Wire")
    assert first.status_code == 201 and second.status_code == 201, second.json()
    assert Article.objects.get(pk=second.json()["article"]["id"]).agency.name == "Steppe Wire"
    assert send("Steppe Wire").json()["action"] == "duplicate"  # its own copy again


def test_ingest_refuses_a_content_coding_it_does_not_read(reporter):
    response = as_integrator(reporter).generic(
        "POST", "/api/v1/ingest/", b"\x1f\x8b\x08\x00", content_type="text/plain",
        HTTP_CONTENT_ENCODING="gzip",
    )  # fmt: skip
    assert response.status_code == 415 and "gzip" in response.json()["detail"]


def test_put_changes_the_fields_it_names_as_patch_does(editor):
    client = as_integrator(editor)
    report = create(client, summary="Five ministers met.")
    response = client.put(
        f"/api/v1/articles/{report['id']}/",
        {"summary": "Six ministers met."},
        format="json",
        HTTP_IF_MATCH=report["etag"],
    )
    assert response.status_code == 200, response.content
    assert (response.json()["headline"], response.json()["summary"]) == (
        "Ministers meet in Baku",
        "Six ministers met.",
    )


def test_put_on_a_registry_record_changes_only_the_fields_it_names(registry_editor):
    client = as_integrator(registry_editor)
    created = client.post(
        "/api/v1/organizations/", {"name": "Media Development Agency"}, format="json"
    )
    assert created.status_code == 201, created.content
    url = f"/api/v1/organizations/{created.json()['slug']}/"
    response = client.put(
        url, {"description": "Runs the forum."}, format="json", HTTP_IF_MATCH=created["ETag"]
    )
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Media Development Agency"
    assert response.json()["description"] == "Runs the forum."


def test_a_duplicate_agency_item_id_is_an_error_naming_that_field(reporter):
    AgencyFactory(slug="trend")
    client = as_integrator(reporter)
    create(client, agency="trend", agency_item_id="T-1")
    response = client.post(
        "/api/v1/articles/",
        {"headline": "Again", "agency": "trend", "agency_item_id": "T-1"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["agency_item_id"]
    assert "`agency_item_id`" in response.json()["detail"]

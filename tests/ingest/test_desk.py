"""The wire desk in the admin: import, preview, suggestions panel, candidates, held versions."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from ingest.importer import import_report
from ingest.models import IncomingVersion
from ingest.reading import read_reports
from organizations.models import Organization, Person
from tests.ingest.conftest import CASPIAN_REPORT

pytestmark = pytest.mark.django_db
IMPORT = "/admin/articles/article/import/"
OLD_PRESS_REPORT = """date 2023-09-19
Old Baku newspapers shown in Astrakhan

RUSSIA, Astrakhan, September 19. Copies of the newspaper "Kaspiy Sadasi", printed here \
in 1910, were shown at the forum, Trend reports. The Ministry of Culture of Azerbaijan lent \
them to the city museum.
"""
OLD_PRESS_ORGANIZATIONS = [
    ("Kaspiy Sadasi", "publication"),
    ("Ministry of Culture of Azerbaijan", "government"),
]


def test_pasting_a_report_previews_the_parse_and_highlighted_tags(admin_client, registry):
    response = admin_client.post(IMPORT, {"text": CASPIAN_REPORT, "preview": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "RUSSIA, Astrakhan, September 19." in page
    assert "Trend News Agency" in page
    assert '<mark class="tag-person"' in page and ">Akhmad Ismayilov</mark>" in page
    assert 'name="tag-countries" value="AZ" checked' in page
    assert "Mary Whitcombe" in page and "Create person" in page
    assert Article.objects.count() == 0


def test_creating_the_draft_applies_only_the_ticked_tags(admin_client, registry):
    person = Person.objects.get(name="Ahmed Ismayilov")
    response = admin_client.post(
        IMPORT,
        {"text": CASPIAN_REPORT, "create": "1", "tag-countries": ["RU"], "tag-people": [person.pk]},
    )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert article.status == "draft"
    assert list(article.countries.values_list("code", flat=True)) == ["RU"]
    assert list(article.people.all()) == [person]
    assert article.created_by.username == "admin"


def test_uploading_a_file_previews_it(admin_client, registry):
    upload = SimpleUploadedFile("report.txt", CASPIAN_REPORT.encode(), content_type="text/plain")
    response = admin_client.post(IMPORT, {"file": upload, "preview": "1"})
    assert "RUSSIA, Astrakhan, September 19." in response.content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "   "}, "The input is empty."),
        ({"text": '{"headline": '}, "Not valid JSON"),
        ({"text": "<newsItem><broken"}, "XML"),
        ({"text": "x" * 10_000_001}, "limit is 10 MB"),
    ],
)
def test_bad_input_is_a_form_error_and_saves_nothing(admin_client, registry, data, message):
    response = admin_client.post(IMPORT, {**data, "create": "1"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_a_20_mb_paste_gets_a_clear_message_not_a_server_error(admin_client, registry):
    response = admin_client.post(IMPORT, {"text": "x" * 20_000_000, "create": "1"})
    assert response.status_code == 400
    assert "larger than 12 MB" in response.content.decode()
    assert Article.objects.count() == 0


def test_binary_junk_upload_is_refused(admin_client, registry):
    upload = SimpleUploadedFile("photo.txt", bytes(range(256)) * 100)
    response = admin_client.post(IMPORT, {"file": upload, "create": "1"})
    assert "binary file" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_candidate_becomes_a_registry_entry_in_one_click_and_is_then_matched(
    admin_client, registry
):
    response = admin_client.post(
        IMPORT, {"text": CASPIAN_REPORT, "candidate": "organization|Caspian Press Club"}
    )
    assert Organization.objects.filter(name="Caspian Press Club").exists()
    page = response.content.decode()
    assert '<mark class="tag-organization"' in page and ">Caspian Press Club</mark>" in page


def test_the_change_page_suggests_tags_and_marks_applied_ones(admin_client, registry):
    [report] = read_reports(CASPIAN_REPORT)
    article = import_report(report, accepted={"countries": ["RU"]}).article
    page = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert 'id="suggested-tags"' in page
    assert "✓ applied" in page  # Russia
    assert 'data-field="countries" data-key="AZ"' in page
    assert 'data-field="people"' in page


def test_one_click_adds_a_suggested_tag(admin_client, registry):
    [report] = read_reports(CASPIAN_REPORT)
    article = import_report(report, accepted={}).article
    person = Person.objects.get(name="Ahmed Ismayilov")
    url = reverse("admin:articles_article_add_tag", args=[article.pk])
    response = admin_client.post(url, {"field": "people", "key": person.pk})
    assert response.status_code == 302
    assert list(article.people.all()) == [person]
    assert admin_client.post(url, {"field": "bogus", "key": "1"}).status_code == 400


def test_creating_a_candidate_from_the_change_page_tags_the_report(admin_client, registry):
    [report] = read_reports(CASPIAN_REPORT)
    article = import_report(report).article
    admin_client.post(
        reverse("admin:articles_article_create_candidate"),
        {"kind": "person", "name": "Mary Whitcombe", "article": article.pk},
    )
    assert article.people.filter(name="Mary Whitcombe").exists()


def test_a_held_wire_version_is_shown_and_can_be_applied(admin_client, registry):
    [report] = read_reports(
        b'{"uri": "trend-1", "headline": "Old", "body_text": "Text one.", "provider": {"name": "Trend"}}'
    )
    article = import_report(report).article
    article.headline = "Edited here"
    article.save()
    [newer] = read_reports(
        b'{"uri": "trend-1", "headline": "New", "body_text": "Text two.", "provider": {"name": "Trend"}}'
    )
    assert import_report(newer).action == "held for review"
    page = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert "A newer wire version arrived" in page
    incoming = IncomingVersion.objects.get()
    url = reverse("admin:articles_article_incoming", args=[incoming.pk, "apply"])
    admin_client.post(url, {"version": article.version - 1})  # a stale page: refused
    article.refresh_from_db()
    assert article.headline == "Edited here"
    admin_client.post(url, {"version": article.version})
    article.refresh_from_db()
    assert article.headline == "New"


def test_the_import_screen_needs_permission_to_add_reports(client, registry, django_user_model):
    staff = django_user_model.objects.create_user("intern", password="pw-intern-1", is_staff=True)
    client.force_login(staff)
    assert client.get(IMPORT).status_code == 403


def test_an_uploaded_file_is_imported_exactly_as_previewed(admin_client, registry):
    text = "Москва принимает форум\n\nМОСКВА, 19 сентября. /ТАСС/. Журналисты из Баку и Астаны собрались в Москве."
    upload = SimpleUploadedFile("tass.txt", text.encode("cp1251"), content_type="text/plain")
    preview = admin_client.post(IMPORT, {"file": upload, "preview": "1"})
    payload = preview.context["form"].cleaned_data["payload"]
    admin_client.post(IMPORT, {"payload": payload, "filename": "tass.txt", "create": "1"})
    article = Article.objects.get()
    assert article.headline == "Москва принимает форум"
    assert article.dateline_raw == "МОСКВА, 19 сентября. /ТАСС/."


def test_creating_a_candidate_whose_name_two_records_share_picks_one(admin_client, registry):
    Organization.objects.create(name="Press Club")
    Organization.objects.create(name="Press Club")
    [report] = read_reports(CASPIAN_REPORT)
    article = import_report(report).article
    response = admin_client.post(
        reverse("admin:articles_article_create_candidate"),
        {"kind": "organization", "name": "Press Club", "article": article.pk},
    )
    assert response.status_code == 302
    assert Organization.objects.filter(name="Press Club").count() == 2  # none created, no error


def _candidate_form(page: str, name: str) -> dict[str, str]:
    """The hidden fields of the change page's “Create … and tag” form for one candidate."""
    for form in re.findall(r"<form [^>]*create-from-candidate.*?</form>", page, re.DOTALL):
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
        if html.unescape(fields.get("name", "")) == name:
            return {key: html.unescape(value) for key, value in fields.items()}
    raise AssertionError(f"no candidate form for {name}")


@pytest.mark.parametrize("name, kind", OLD_PRESS_ORGANIZATIONS)
def test_an_organization_created_from_an_import_candidate_gets_the_candidates_kind(
    admin_client, registry, name, kind
):
    page = admin_client.post(IMPORT, {"text": OLD_PRESS_REPORT, "preview": "1"}).content.decode()
    button = re.search(rf'name="candidate" value="([^"|]*\|{re.escape(name)})"', page)
    assert button, f"no “Create organization” button for {name}"
    admin_client.post(IMPORT, {"text": OLD_PRESS_REPORT, "candidate": html.unescape(button[1])})
    assert Organization.objects.get(name=name).kind == kind


@pytest.mark.parametrize("name, kind", OLD_PRESS_ORGANIZATIONS)
def test_an_organization_created_from_a_change_page_candidate_gets_the_candidates_kind(
    admin_client, registry, name, kind
):
    [report] = read_reports(OLD_PRESS_REPORT)
    article = import_report(report).article
    page = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    admin_client.post(
        reverse("admin:articles_article_create_candidate"), _candidate_form(page, name)
    )
    assert article.organizations.get(name=name).kind == kind


def test_an_unknown_organization_kind_from_the_form_falls_back_to_other(admin_client, registry):
    admin_client.post(IMPORT, {"candidate": "organization:bogus|Caspian Press Club"})
    assert Organization.objects.get(name="Caspian Press Club").kind == "other"

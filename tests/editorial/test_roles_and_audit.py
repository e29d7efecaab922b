import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial.models import EditorialAction
from tests.factories import ArticleFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_the_three_roles_exist_with_their_powers():
    perms = {g.name: {p.codename for p in g.permissions.all()} for g in Group.objects.all()}
    assert {"add_article", "change_article"} <= perms["Reporters"]
    assert not {"publish_article", "withdraw_article", "lift_embargo"} & perms["Reporters"]
    assert {"publish_article", "withdraw_article", "lift_embargo"} <= perms["Editors"]
    assert {"change_event", "change_person", "change_organization", "change_city"} <= perms[
        "Registry editors"
    ]
    assert "change_article" not in perms["Registry editors"]


def test_registry_editors_keep_the_registry_but_not_reports(client_for, registry_editor):
    client = client_for(registry_editor)
    event = EventFactory()
    assert client.get(reverse("admin:events_event_change", args=[event.pk])).status_code == 200
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403


def test_reporters_cannot_change_the_registry(client_for, reporter):
    person = PersonFactory()
    url = reverse("admin:organizations_person_change", args=[person.pk])
    response = client_for(reporter).post(url, {"name": "Renamed"})
    assert response.status_code == 403


def test_created_and_updated_by_are_set_automatically(client_for, registry_editor):
    client = client_for(registry_editor)
    client.post(
        reverse("admin:organizations_person_add"),
        {
            "name": "Nigar Huseynova",
            "slug": "nigar-huseynova",
            "aliases": "",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    person = PersonFactory._meta.model.objects.get(slug="nigar-huseynova")
    assert person.created_by == registry_editor and person.updated_by == registry_editor
    assert person.created_at and person.updated_at


def test_the_audit_page_lists_recent_editorial_actions(client_for, editor):
    article = ArticleFactory(draft=True, headline="Council approves budget")
    article.publish(by=editor)
    article.withdraw(by=editor, reason="Wrong council.")
    page = (
        client_for(editor)
        .get(reverse("admin:editorial_editorialaction_changelist"))
        .content.decode()
    )
    assert "Council approves budget" in page
    assert "Published" in page and "Withdrawn" in page and "Wrong council." in page
    assert EditorialAction.objects.count() == 2


def test_inline_participations_record_who_added_them(client_for, registry_editor):
    from events.models import Participation

    event = EventFactory()
    client = client_for(registry_editor)
    page = client.get(reverse("admin:events_event_change", args=[event.pk]))
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {
            "aliases": "",
            "organizers": [],
            "participations-TOTAL_FORMS": "1",
            "participations-INITIAL_FORMS": "0",
            "participations-0-country": "AZ",
            "participations-0-role": "delegation",
        }
    )
    response = client.post(reverse("admin:events_event_change", args=[event.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    participation = Participation.objects.get(event=event)
    assert (
        participation.created_by == registry_editor and participation.updated_by == registry_editor
    )

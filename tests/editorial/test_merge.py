import pytest
from django.db import IntegrityError
from django.urls import reverse

from editorial.merge import MergeError, merge_records
from editorial.models import EditorialAction
from events.models import Participation
from organizations.models import Affiliation, Organization, Person
from places.models import City
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db


def test_merging_people_moves_tags_and_affiliations_and_keeps_names(registry_editor):
    keep = PersonFactory(name="Ahmed Ismayilov", slug="ahmed-ismayilov")
    duplicate = PersonFactory(
        name="Akhmad Ismailov", slug="akhmad-ismailov", aliases=["A. Ismailov"]
    )
    mda = OrganizationFactory()
    AffiliationFactory(person=duplicate, organization=mda, title="Executive director")
    AffiliationFactory(
        person=keep, organization=mda, title="Executive director"
    )  # same role: one stays
    both = ArticleFactory(tags={"people": [keep, duplicate]})
    only_dup = ArticleFactory(tags={"people": [duplicate]})

    merge_records(keep, [duplicate], by=registry_editor)

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    assert list(both.people.all()) == [keep] and list(only_dup.people.all()) == [keep]
    assert Affiliation.objects.filter(person=keep).count() == 1
    keep.refresh_from_db()
    assert keep.aliases == ["Akhmad Ismailov", "A. Ismailov"]
    action = EditorialAction.objects.get(action="merged")
    assert action.actor == registry_editor and "Akhmad Ismailov" in action.note


def test_the_duplicates_public_page_redirects_to_the_kept_one(client, registry_editor):
    keep = OrganizationFactory(name="Media Development Agency", slug="mda")
    duplicate = OrganizationFactory(name="Azerbaijan Media Development Agency", slug="az-mda")
    merge_records(keep, [duplicate], by=registry_editor)
    response = client.get("/organizations/az-mda/")
    assert response.status_code == 301
    assert response["Location"] == "/organizations/mda/"


def test_merging_events_moves_participations_and_reports(registry_editor):
    keep, duplicate = EventFactory(slug="forum-2023"), EventFactory(slug="forum-2023-dup")
    ParticipationFactory(event=duplicate, country=country("IR"))
    ParticipationFactory(event=duplicate, country=country("AZ"))
    ParticipationFactory(event=keep, country=country("AZ"))
    article = ArticleFactory(tags={"events": [duplicate]})
    merge_records(keep, [duplicate], by=registry_editor)
    assert sorted(Participation.objects.filter(event=keep).values_list("country", flat=True)) == [
        "AZ",
        "IR",
    ]
    assert list(article.events.all()) == [keep]


def test_merging_cities_moves_datelines_and_events(registry_editor):
    keep = CityFactory(name="Baku", population=2_000_000)
    duplicate = CityFactory(name="Baky", population=0)
    article = ArticleFactory(dateline_city=duplicate)
    event = EventFactory(city=duplicate)
    merge_records(keep, [duplicate], by=registry_editor)
    article.refresh_from_db()
    event.refresh_from_db()
    assert article.dateline_city == keep and event.city == keep
    assert "Baky" in City.objects.get(pk=keep.pk).aliases


def test_a_failed_merge_changes_nothing(registry_editor, monkeypatch):
    keep, duplicate = PersonFactory(), PersonFactory()
    article = ArticleFactory(tags={"people": [duplicate]})

    def explode(*args, **kwargs):
        raise IntegrityError("simulated failure")

    monkeypatch.setattr("editorial.merge._redirect", explode)
    with pytest.raises(IntegrityError):
        merge_records(keep, [duplicate], by=registry_editor)
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert list(article.people.all()) == [duplicate]


def test_records_of_different_kinds_are_not_merged(registry_editor):
    with pytest.raises(MergeError):
        merge_records(PersonFactory(), [OrganizationFactory()], by=registry_editor)


def test_the_admin_merge_action_asks_which_to_keep_then_merges(client_for, registry_editor):
    a, b = PersonFactory(name="Leyla Mammadova"), PersonFactory(name="Leila Mamedova")
    client = client_for(registry_editor)
    url = reverse("admin:organizations_person_changelist")
    confirm = client.post(url, {"action": "merge_selected", "_selected_action": [a.pk, b.pk]})
    assert "Choose the record to keep" in confirm.content.decode()
    client.post(
        url,
        {
            "action": "merge_selected",
            "_selected_action": [a.pk, b.pk],
            "keep": a.pk,
            "confirm": "1",
        },
    )
    assert list(Person.objects.values_list("name", flat=True)) == ["Leyla Mammadova"]
    assert Person.objects.get().aliases == ["Leila Mamedova"]
    assert list(Organization.objects.all()) == []


def test_merging_is_refused_to_users_without_delete_rights(client_for, editor):
    a, b = PersonFactory(), PersonFactory()
    client_for(editor).post(
        reverse("admin:organizations_person_changelist"),
        {
            "action": "merge_selected",
            "_selected_action": [a.pk, b.pk],
            "keep": a.pk,
            "confirm": "1",
        },
    )
    assert Person.objects.count() == 2


def test_merging_agencies_whose_reports_share_an_item_id_is_refused_and_loses_nothing(
    registry_editor,
):
    from tests.factories import AgencyFactory

    keep, duplicate = AgencyFactory(), AgencyFactory()
    ArticleFactory(agency=keep, agency_item_id="ID-1")
    ArticleFactory(agency=duplicate, agency_item_id="ID-1")
    with pytest.raises(MergeError, match="clash"):
        merge_records(keep, [duplicate], by=registry_editor)
    assert ArticleFactory._meta.model.objects.count() == 2
    assert Organization.objects.filter(pk=duplicate.pk).exists()


def test_merging_a_parent_into_its_child_leaves_no_self_parent(registry_editor):
    parent = OrganizationFactory(name="Ministry of Culture")
    child = OrganizationFactory(name="Culture Ministry Press Office", parent=parent)
    merge_records(child, [parent], by=registry_editor)
    child.refresh_from_db()
    assert child.parent is None
    assert "Ministry of Culture" in child.aliases

"""A report names its tags by name and slug: when a record is renamed or merged, the
reports about it change for the public, and the sync stream sends them again (third
integrator review)."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from editorial.merge import merge_records
from places.models import Country
from tests.factories import (
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
    utc,
)

pytestmark = pytest.mark.django_db


def stream(client, url: str = "/api/v1/articles/?updated_since=2000-01-01") -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_renaming_a_person_sends_the_reports_naming_them_again(
    api_client, django_capture_on_commit_callbacks
):
    with time_machine.travel(utc(2024, 3, 1, 8), tick=False):
        person = PersonFactory(name="Ahmed Ismayilov", slug="ahmed-ismayilov")
        tagged = ArticleFactory(headline="tagged", tags={"people": [person]})
        ArticleFactory(headline="other")
        ArticleFactory(headline="draft", draft=True, tags={"people": [person]})
        first = stream(api_client)
    with time_machine.travel(utc(2024, 3, 1, 9), tick=False):
        person.name = "Akhmad Ismayilov"
        with django_capture_on_commit_callbacks(execute=True):
            person.save()
        later = stream(api_client, first["sync"])
    assert [item["headline"] for item in later["results"]] == ["tagged"]
    assert later["results"][0]["people"][0]["name"] == "Akhmad Ismayilov"
    assert later["results"][0]["version"] == tagged.version  # its own text did not change


def test_saving_a_person_unchanged_sends_nothing(api_client, django_capture_on_commit_callbacks):
    person = PersonFactory(name="Ahmed Ismayilov")
    ArticleFactory(tags={"people": [person]})
    moment = timezone.now() + datetime.timedelta(minutes=5)
    first = stream(api_client)
    with time_machine.travel(moment, tick=False):
        person.description = "A new description, which no report prints."
        with django_capture_on_commit_callbacks(execute=True):
            person.save()
        assert stream(api_client, first["sync"])["results"] == []


def test_a_merge_sends_the_reports_of_the_merged_records_again(
    api_client, registry_editor, django_capture_on_commit_callbacks
):
    with time_machine.travel(utc(2024, 3, 1, 8), tick=False):
        keep = EventFactory(name="Caspian Media Forum 2023", always_public=True)
        duplicate = EventFactory(name="Caspian Media Forum (2023)", always_public=True)
        ArticleFactory(headline="on the duplicate", tags={"events": [duplicate]})
        first = stream(api_client)
    with time_machine.travel(utc(2024, 3, 1, 9), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            merge_records(keep, [duplicate], by=registry_editor)
        later = stream(api_client, first["sync"])
    [item] = later["results"]
    assert item["headline"] == "on the duplicate"
    assert [event["slug"] for event in item["events"]] == [keep.slug]


def test_a_rename_marks_only_the_public_reports(django_capture_on_commit_callbacks):
    person = PersonFactory(name="Ahmed Ismayilov")
    draft = ArticleFactory(draft=True, tags={"people": [person]})
    scheduled = ArticleFactory(published_at=utc(2099, 1, 1), tags={"people": [person]})
    public = ArticleFactory(tags={"people": [person]})
    before = {a.pk: a.updated_at for a in (draft, scheduled, public)}
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5), tick=False):
        person.name = "Akhmad Ismayilov"
        with django_capture_on_commit_callbacks(execute=True):
            person.save()
    for report in (draft, scheduled, public):
        report.refresh_from_db()
    assert draft.updated_at == before[draft.pk] and scheduled.updated_at == before[scheduled.pk]
    assert public.updated_at > before[public.pk]


@pytest.mark.parametrize("kind", ["people", "organizations", "events"])
def test_deleting_a_tag_sends_the_reports_naming_it_again_without_it(
    api_client, kind, django_capture_on_commit_callbacks
):
    factory = {"people": PersonFactory, "organizations": OrganizationFactory,
               "events": EventFactory}[kind]  # fmt: skip
    with time_machine.travel(utc(2024, 3, 1, 8), tick=False):
        record, kept = factory(), factory()
        ArticleFactory(headline="tagged", tags={kind: [record, kept]})
        ArticleFactory(headline="other")
        first = stream(api_client)
    with time_machine.travel(utc(2024, 3, 1, 9), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            record.delete()
        later = stream(api_client, first["sync"])
    [item] = later["results"]
    assert item["headline"] == "tagged"
    assert [tag["slug"] for tag in item[kind]] == [kept.slug]


def test_deleting_a_dateline_city_sends_its_reports_again(
    api_client, django_capture_on_commit_callbacks
):
    with time_machine.travel(utc(2024, 3, 1, 8), tick=False):
        city = CityFactory()
        ArticleFactory(headline="datelined", dateline_city=city)
        first = stream(api_client)
    with time_machine.travel(utc(2024, 3, 1, 9), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            city.delete()
        later = stream(api_client, first["sync"])
    [item] = later["results"]
    assert item["headline"] == "datelined" and item["dateline"]["city"] is None


def test_deleting_a_country_sends_the_reports_tagged_with_it_again(
    api_client, django_capture_on_commit_callbacks
):
    with time_machine.travel(utc(2024, 3, 1, 8), tick=False):
        land = Country.objects.create(code="XY", alpha3="XYZ", name="Testland", slug="xy")
        ArticleFactory(headline="tagged", tags={"countries": [land, country("AZ")]})
        first = stream(api_client)
    with time_machine.travel(utc(2024, 3, 1, 9), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            land.delete()
        later = stream(api_client, first["sync"])
    [item] = later["results"]
    assert [tag["code"] for tag in item["countries"]] == ["AZ"]

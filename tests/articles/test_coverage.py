"""The coverage index and maintained counts stay exact through every kind of change."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from articles.coverage import rebuild_coverage
from articles.models import Article, Coverage
from editorial.merge import merge_records
from events.models import Event
from organizations.models import Organization, Person
from places.models import Country
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

ENTITIES = {"country": Country, "event": Event, "organization": Organization, "person": Person}


def index_state() -> tuple[set, dict]:
    rows = set(
        Coverage.objects.values_list(
            "article_id", "country_id", "event_id", "organization_id", "person_id",
            "visible_from", "superseded_at",
        )
    )  # fmt: skip
    counts = {
        kind: dict(model.objects.filter(coverage_count__gt=0).values_list("pk", "coverage_count"))
        for kind, model in ENTITIES.items()
    }
    return rows, counts


def assert_index_matches_a_rebuild() -> None:
    """What the incremental upkeep left equals a rebuild from scratch."""
    kept = index_state()
    rebuild_coverage()
    assert index_state() == kept


def public_count(kind: str, entity) -> int:
    model = ENTITIES[kind]
    return model.objects.with_published_article_count().get(pk=entity.pk).article_count


def listed(kind: str, entity) -> int:
    return Article.objects.published().current().about(**{kind: entity}).count()


@pytest.fixture
def tags():
    return {
        "events": [EventFactory()],
        "countries": [country("AZ"), country("KZ")],
        "organizations": [OrganizationFactory()],
        "people": [PersonFactory()],
    }


def test_rows_follow_tags_dateline_and_agency(tags):
    agency = AgencyFactory()
    article = ArticleFactory(
        agency=agency, dateline_city=CityFactory(country=country("RU")), tags=tags
    )
    keys = {(r.entity_kind, r.entity_id) for r in Coverage.objects.filter(article=article)}
    assert keys == {
        ("country", "AZ"), ("country", "KZ"), ("country", "RU"),
        ("event", tags["events"][0].pk), ("organization", tags["organizations"][0].pk),
        ("organization", agency.pk), ("person", tags["people"][0].pk),
    }  # fmt: skip
    article.countries.remove(country("KZ"))
    article.people.clear()
    article.dateline_city, article.dateline_country = None, None
    article.save()
    keys = {(r.entity_kind, r.entity_id) for r in Coverage.objects.filter(article=article)}
    assert ("country", "KZ") not in keys and ("country", "RU") not in keys
    assert not any(kind == "person" for kind, _ in keys)
    assert_index_matches_a_rebuild()


def test_a_country_tagged_and_datelined_is_listed_and_counted_once():
    ArticleFactory(
        dateline_city=CityFactory(country=country("AZ")), tags={"countries": [country("AZ")]}
    )
    assert listed("country", country("AZ")) == 1
    assert public_count("country", country("AZ")) == 1


@pytest.mark.parametrize(
    "state", ["draft", "in_review", "scheduled", "embargoed", "published", "withdrawn"]
)
def test_counts_and_lists_agree_in_every_state(tags, state):
    ArticleFactory(tags=tags, **({} if state == "published" else {state: True}))
    for kind, field in [("country", "countries"), ("event", "events"), ("person", "people")]:
        entity = tags[field][0]
        expected = 1 if state == "published" else 0
        assert public_count(kind, entity) == listed(kind, entity) == expected
    assert_index_matches_a_rebuild()


def test_workflow_steps_keep_the_index_exact(tags, editor):
    article = ArticleFactory(tags=tags, draft=True)
    article.publish(by=editor)
    assert public_count("country", country("AZ")) == 1
    article.withdraw(by=editor, reason="Wrong figures.")
    assert public_count("country", country("AZ")) == 0
    assert_index_matches_a_rebuild()


def test_a_scheduled_report_is_counted_at_its_time_with_no_write(tags):
    at = timezone.now() + datetime.timedelta(hours=2)
    ArticleFactory(tags=tags, published_at=at)
    assert public_count("event", tags["events"][0]) == 0
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert public_count("event", tags["events"][0]) == 1
        assert listed("event", tags["events"][0]) == 1


def test_a_published_correction_replaces_the_original_and_a_withdrawn_one_restores_it(tags, editor):
    original = ArticleFactory(tags=tags)
    correction = ArticleFactory(tags=tags, correction_of=original, draft=True)
    assert listed("country", country("AZ")) == 2 - 1  # the draft is not public
    correction.publish(by=editor)
    assert set(Article.objects.published().current().about(country=country("AZ"))) == {correction}
    assert public_count("country", country("AZ")) == 1
    correction.withdraw(by=editor, reason="Issued in error.")
    assert set(Article.objects.published().current().about(country=country("AZ"))) == {original}
    assert public_count("country", country("AZ")) == 1
    assert_index_matches_a_rebuild()


def test_a_correction_scheduled_for_later_replaces_the_original_at_its_time(tags):
    original = ArticleFactory(tags=tags)
    at = timezone.now() + datetime.timedelta(hours=1)
    ArticleFactory(tags=tags, correction_of=original, published_at=at)
    assert public_count("country", country("KZ")) == 1
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert public_count("country", country("KZ")) == 1
        assert listed("country", country("KZ")) == 1
        assert Article.objects.published().current().about(country="KZ").get() != original


def test_relinking_a_correction_releases_the_report_it_left(tags):
    first, second = ArticleFactory(tags=tags), ArticleFactory(tags=tags)
    correction = ArticleFactory(correction_of=first)
    correction.correction_of = second
    correction.save()
    first.refresh_from_db()
    assert first.superseded_at is None
    assert_index_matches_a_rebuild()


def test_deleting_a_report_drops_its_counts_and_releases_its_original(tags):
    original = ArticleFactory(tags=tags)
    update = ArticleFactory(tags=tags, update_of=original)
    update.delete()
    assert public_count("country", country("AZ")) == 1
    original.delete()
    assert public_count("country", country("AZ")) == 0
    assert_index_matches_a_rebuild()


def test_tags_added_from_the_other_side_are_indexed():
    article = ArticleFactory()
    event = EventFactory()
    event.articles.add(article)
    assert listed("event", event) == 1
    event.articles.clear()
    assert listed("event", event) == 0
    assert public_count("event", event) == 0
    assert_index_matches_a_rebuild()


def test_merging_people_moves_their_coverage(editor):
    keep, duplicate = PersonFactory(), PersonFactory()
    ArticleFactory(tags={"people": [keep]})
    ArticleFactory(tags={"people": [duplicate]})
    ArticleFactory(tags={"people": [keep, duplicate]})
    merge_records(keep, [duplicate], by=editor)
    assert listed("person", keep) == 3
    assert public_count("person", keep) == 3
    assert_index_matches_a_rebuild()


def test_merging_agencies_moves_the_reports_they_filed(editor):
    keep, duplicate = AgencyFactory(), AgencyFactory()
    ArticleFactory(agency=duplicate)
    merge_records(keep, [duplicate], by=editor)
    assert listed("organization", keep) == 1
    assert_index_matches_a_rebuild()


def test_saving_an_entity_loaded_earlier_keeps_its_count(editor):
    event = EventFactory()
    loaded = Event.objects.get(pk=event.pk)
    article = ArticleFactory(tags={"events": [event]})
    loaded.name = "Renamed meanwhile"
    loaded.save()
    assert public_count("event", event) == 1
    article.withdraw(by=editor, reason="Wrong.")  # would break the count's floor of zero
    assert public_count("event", event) == 0


def test_a_rebuild_clears_a_replacement_time_with_no_successor_left():
    original = ArticleFactory()
    Article.objects.filter(pk=original.pk).update(superseded_at=timezone.now())
    rebuild_coverage()
    original.refresh_from_db()
    assert original.superseded_at is None

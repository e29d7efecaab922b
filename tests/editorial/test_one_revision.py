"""`one_revision`: a record and its tags saved in a block are one revision, or none."""

import pytest

from editorial.revisions import one_revision
from tests.factories import ArticleFactory, CityFactory, EventFactory, country

pytestmark = pytest.mark.django_db


def test_saves_and_tags_inside_the_block_make_one_revision_by_its_author(editor):
    article = ArticleFactory(draft=True)
    before = article.history.count()
    event = EventFactory()
    with one_revision(article, by=editor):
        article.headline = "Changed in the block"
        article.save()
        article.events.add(event)
        article.countries.set([country("AZ")])
        article.save()
    assert article.history.count() == before + 1
    latest = article.history.first()
    assert latest.history_user == editor
    assert latest.headline == "Changed in the block"
    assert [e.event_id for e in latest.events.all()] == [event.pk]


def test_a_block_that_fails_records_nothing(editor):
    article = ArticleFactory(draft=True)
    before = article.history.count()
    with pytest.raises(RuntimeError), one_revision(article, by=editor):
        article.save()
        raise RuntimeError("the import broke off")
    assert article.history.count() == before
    article.save()  # and later saves record again
    assert article.history.count() == before + 1


def test_a_model_without_history_just_runs_the_block():
    city = CityFactory(name="Old")
    with one_revision(city):
        city.name = "New"
        city.save()
    city.refresh_from_db()
    assert city.name == "New"

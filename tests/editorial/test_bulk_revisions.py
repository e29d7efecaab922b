"""Reports inserted in bulk get the first revision simple-history's own bulk path would
give them (`Revisions.record_new` copies it inside the database), tags included."""

import pytest

from articles.coverage import tag_new_reports
from articles.models import Article
from tests.factories import PersonFactory, country

pytestmark = pytest.mark.django_db

# Told apart on purpose (names, keys), or by the moment each was written
NOT_COMPARED = {"history_id", "id", "headline", "slug", "history_date", "created_at", "updated_at"}


def drafts(prefix: str, by) -> list[Article]:
    made = []
    for n in range(3):
        article = Article(headline=f"{prefix} talks {n}", slug=f"{prefix}-talks-{n}",
                          body="<p>Delegations met.</p>", created_by=by, updated_by=by)  # fmt: skip
        article._history_user = by
        made.append(article)
    made[1]._change_reason = "imported from the wire"
    return made


def revision(article: Article) -> dict:
    row = Article.history.filter(id=article.pk).values().get()
    return {name: value for name, value in row.items() if name not in NOT_COMPARED}


def test_revisions_written_in_bulk_are_those_simple_history_writes(editor):
    person = PersonFactory()
    ours, theirs = drafts("ours", editor), drafts("theirs", editor)
    Article.objects.bulk_create(ours + theirs)
    tags = {"countries": [country("AZ").pk], "people": [person.pk]}
    fields = tag_new_reports([(article, tags) for article in ours + theirs])

    Article._revisions.record_new(ours, fields[:3])
    Article.history.bulk_history_create(theirs, default_change_reason=None)

    assert [revision(a) for a in ours] == [revision(a) for a in theirs]
    for article in ours:
        copied = Article.history.get(id=article.pk)
        assert (copied.headline, copied.slug) == (article.headline, article.slug)
        assert (copied.created_at, copied.updated_at) == (article.created_at, article.updated_at)
    assert revision(ours[1])["history_change_reason"] == "imported from the wire"
    first = Article.history.get(id=ours[0].pk)
    assert (first.history_type, first.history_user) == ("+", editor)
    assert first.history_date >= ours[0].updated_at
    assert list(first.countries.values_list("country_id", flat=True)) == ["AZ"]
    assert list(first.people.values_list("person_id", flat=True)) == [person.pk]
    assert not first.organizations.exists()


def test_revisions_written_in_bulk_keep_the_order_of_the_reports(editor):
    reports = drafts("ordered", editor)
    Article.objects.bulk_create(reports)
    Article._revisions.record_new(reports, [[] for _ in reports])
    revisions = Article.history.filter(id__in=[a.pk for a in reports]).order_by("history_id")
    assert list(revisions.values_list("id", flat=True)) == [a.pk for a in reports]

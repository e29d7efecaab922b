import pytest
from django.urls import reverse

from editorial.models import EditorialAction
from tests.factories import ArticleFactory, PersonFactory, country
from tests.helpers import edit_in_admin

pytestmark = pytest.mark.django_db


def test_every_admin_save_keeps_a_revision_with_its_author(client_for, editor):
    article = ArticleFactory(draft=True, headline="First headline")
    client = client_for(editor)
    response = edit_in_admin(client, article, headline="Second headline")
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = article.history.first()
    assert latest.headline == "Second headline"
    assert latest.history_user == editor
    assert article.history.count() == 2  # one revision per save, tags included


def test_the_history_page_compares_any_two_revisions_field_by_field(client_for, editor):
    article = ArticleFactory(
        draft=True, headline="Grain exports rise", body="<p>Exports rose by ten percent.</p>"
    )
    article.headline = "Grain exports rise sharply"
    article.body = "<p>Exports rose by twelve percent.</p>"
    article.save()
    article.countries.add(country("KZ"))
    article.save()
    old, new = article.history.last(), article.history.first()
    client = client_for(editor)
    assert (
        client.get(reverse("admin:articles_article_history", args=[article.pk])).status_code == 200
    )
    page = client.get(
        reverse("admin:articles_article_history_compare", args=[article.pk]),
        {"old": old.pk, "new": new.pk},
    ).content.decode()
    assert "Grain exports rise sharply" in page
    assert "<del>ten</del>" in page and "<ins>twelve</ins>" in page
    assert "Kazakhstan" in page


def test_restoring_a_revision_becomes_a_new_revision(client_for, editor):
    article = ArticleFactory(
        draft=True, headline="Original headline", tags={"countries": [country("AZ")]}
    )
    article.headline = "Bad edit"
    article.save()
    article.countries.set([country("RU")])
    article.save()
    first = article.history.filter(headline="Original headline").first()  # after its tags were set
    client = client_for(editor)
    response = client.post(
        reverse("admin:articles_article_history_restore", args=[article.pk, first.pk])
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Original headline"
    assert list(article.countries.values_list("code", flat=True)) == ["AZ"]
    assert article.history.first().history_user == editor
    assert EditorialAction.objects.filter(action="restored").count() == 1


def test_registry_records_keep_history_too(client_for, registry_editor):
    person = PersonFactory(name="Leyla Aliyeva")
    person.name = "Leyla Aliyeva-Hasanova"
    person.save()
    assert person.history.count() == 2
    page = client_for(registry_editor).get(
        reverse("admin:organizations_person_history", args=[person.pk])
    )
    assert page.status_code == 200


def test_a_reporter_cannot_restore(client_for, reporter):
    """Restoring is an editor's call, even on a draft the reporter may edit."""
    article = ArticleFactory(draft=True, headline="First headline")
    article.headline = "Second headline"
    article.save()
    first = article.history.last()
    client = client_for(reporter)
    url = reverse("admin:articles_article_history_restore", args=[article.pk, first.pk])
    assert client.post(url).status_code == 403
    article.refresh_from_db()
    assert article.headline == "Second headline"
    assert article.history.count() == 2
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200
    assert b"Restore</button>" not in history.content
    assert (
        client_for(reporter)
        .get(reverse("admin:articles_article_change", args=[article.pk]))
        .status_code
        == 200
    )  # the reporter still edits the draft


def test_an_editor_sees_restore_buttons(client_for, editor):
    article = ArticleFactory(draft=True, headline="First headline")
    article.headline = "Second headline"
    article.save()
    page = client_for(editor).get(reverse("admin:articles_article_history", args=[article.pk]))
    assert b"Restore</button>" in page.content


def test_restoring_never_moves_publishes_or_unpublishes_a_report(client_for, editor):
    article = ArticleFactory(draft=True, headline="Draft headline")
    draft_revision = article.history.first()
    article.publish(by=editor)
    article.refresh_from_db()
    published_at, url = article.published_at, article.get_absolute_url()
    client_for(editor).post(
        reverse("admin:articles_article_history_restore", args=[article.pk, draft_revision.pk])
    )
    article.refresh_from_db()
    assert (article.status, article.published_at, article.get_absolute_url()) == (
        "published",
        published_at,
        url,
    )


def test_restoring_a_revision_that_names_a_merged_away_record_still_works(
    client_for, editor, registry_editor
):
    from editorial.merge import merge_records

    keep, gone = PersonFactory(), PersonFactory()
    article = ArticleFactory(draft=True, tags={"people": [gone]})
    revision = article.history.first()
    merge_records(keep, [gone], by=registry_editor)
    response = client_for(editor).post(
        reverse("admin:articles_article_history_restore", args=[article.pk, revision.pk])
    )
    assert response.status_code == 302
    assert list(article.people.all()) == []  # the merged-away person is not brought back

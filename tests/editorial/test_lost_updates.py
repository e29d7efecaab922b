"""Two editors on one report: the second save is refused, and nothing either wrote is lost."""

import pytest
from django.urls import reverse

from articles.models import Article
from editorial.versioning import StaleVersion, ensure_current
from tests.factories import ArticleFactory
from tests.helpers import admin_form_data, edit_in_admin

pytestmark = pytest.mark.django_db


def test_the_second_of_two_editors_is_refused_and_keeps_their_text(
    client_for, editor, second_editor
):
    article = ArticleFactory(draft=True, headline="Talks in Baku")
    emil, erin = client_for(editor), client_for(second_editor)
    emil_form, erin_form = admin_form_data(emil, article), admin_form_data(erin, article)

    emil_form["headline"] = "Talks in Baku end early"
    assert (
        emil.post(
            reverse("admin:articles_article_change", args=[article.pk]), emil_form
        ).status_code
        == 302
    )

    erin_form["headline"] = "Talks in Baku resume"
    erin_form["body"] = "<p>Erin's careful rewrite of the whole report.</p>"
    response = erin.post(reverse("admin:articles_article_change", args=[article.pk]), erin_form)

    assert response.status_code == 200  # the form again, not a redirect
    page = response.content.decode()
    assert "Not saved" in page and "emil changed this report at" in page
    assert "Talks in Baku resume" in page and "careful rewrite of the whole report" in page
    article.refresh_from_db()
    assert article.headline == "Talks in Baku end early"
    assert article.version == 2


def test_a_save_after_reloading_goes_through(client_for, editor, second_editor):
    article = ArticleFactory(draft=True)
    emil, erin = client_for(editor), client_for(second_editor)
    edit_in_admin(emil, article, headline="First change")
    assert edit_in_admin(erin, article, headline="Second change").status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Second change"


def test_the_version_check_is_one_mechanism_any_surface_can_call(editor):
    article = ArticleFactory()
    ensure_current(Article, article.pk, article.version)  # current: no error
    article.updated_by = editor
    article.save()
    with pytest.raises(StaleVersion) as stale:
        ensure_current(Article, article.pk, article.version - 1)
    assert stale.value.changed_by == "emil" and stale.value.current == article.version


def test_the_change_page_says_who_else_is_editing(client_for, editor, second_editor):
    article = ArticleFactory(draft=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client_for(editor).get(url)
    page = client_for(second_editor).get(url).content.decode()
    assert "Also being edited by <strong>emil</strong>" in page
    alone = client_for(editor).get(
        reverse("admin:articles_article_change", args=[ArticleFactory(draft=True).pk])
    )
    assert "Also being edited by" not in alone.content.decode()


def test_a_tag_added_by_one_click_is_not_undone_by_an_older_open_form(
    client_for, editor, second_editor
):
    from organizations.models import Person
    from tests.factories import PersonFactory

    article = ArticleFactory(draft=True)
    person = PersonFactory()
    emil, erin = client_for(editor), client_for(second_editor)
    erin_form = admin_form_data(erin, article)
    emil.post(
        reverse("admin:articles_article_add_tag", args=[article.pk]),
        {"field": "people", "key": person.pk},
    )
    erin_form["headline"] = "Erin's headline"
    response = erin.post(reverse("admin:articles_article_change", args=[article.pk]), erin_form)
    assert response.status_code == 200 and "Not saved" in response.content.decode()
    assert list(Article.objects.get(pk=article.pk).people.all()) == [Person.objects.get()]


def test_a_post_without_the_version_it_was_based_on_is_refused(client_for, editor):
    article = ArticleFactory(draft=True)
    client = client_for(editor)
    data = admin_form_data(client, article)
    del data["based_on_version"]
    data["headline"] = "Blind overwrite"
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).headline != "Blind overwrite"

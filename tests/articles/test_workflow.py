import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import Article
from articles.workflow import InvalidTransition
from editorial.models import EditorialAction
from tests.factories import ArticleFactory, utc

pytestmark = pytest.mark.django_db


def actions(article) -> list[tuple[str, str]]:
    rows = EditorialAction.objects.filter(object_id=str(article.pk)).order_by("at", "pk")
    return [(a.action, a.actor.username) for a in rows]


def test_a_report_goes_from_draft_through_review_to_published_and_withdrawn(reporter, editor):
    article = ArticleFactory(draft=True)
    article.submit(by=reporter)
    assert article.status == "in_review"
    article.publish(by=editor)
    assert (article.status, article.published_by) == ("published", editor)
    assert article.is_public
    article.withdraw(by=editor, reason="The agency withdrew the story.")
    article.refresh_from_db()
    assert (article.status, article.withdrawn_by, article.withdrawal_reason) == (
        "withdrawn",
        editor,
        "The agency withdrew the story.",
    )
    assert actions(article) == [("submitted", "rita"), ("published", "emil"), ("withdrawn", "emil")]


def test_a_reporter_cannot_publish_withdraw_or_lift_an_embargo(reporter):
    article = ArticleFactory(draft=True, embargo_until=utc(2099, 1, 1))
    for step in (lambda: article.publish(by=reporter), lambda: article.lift_embargo(by=reporter)):
        with pytest.raises(PermissionDenied):
            step()
    published = ArticleFactory()
    with pytest.raises(PermissionDenied):
        published.withdraw(by=reporter, reason="no")
    assert Article.objects.get(pk=article.pk).status == "draft"


@pytest.mark.parametrize(
    "state, step",
    [
        ("draft", "withdraw"),
        ("withdrawn", "publish"),
        ("published", "submit"),
        ("in_review", "submit"),
    ],
)
def test_steps_out_of_order_are_refused(editor, state, step):
    article = ArticleFactory(**({} if state == "published" else {state: True}))
    with pytest.raises(InvalidTransition):
        if step == "withdraw":
            article.withdraw(by=editor, reason="x")
        else:
            getattr(article, step)(by=editor)


def test_the_embargo_of_a_withdrawn_report_cannot_be_lifted(editor):
    article = ArticleFactory(withdrawn=True, embargoed=True)
    embargo = article.embargo_until
    with pytest.raises(InvalidTransition, match="withdrawn cannot be"):
        article.lift_embargo(by=editor)
    article.refresh_from_db()
    assert article.embargo_until == embargo
    assert not EditorialAction.objects.filter(action="embargo_lifted").exists()


def test_one_table_drives_the_methods_and_the_admin_buttons(editor):
    """Every step's statuses come from TRANSITIONS: a button shows iff the step works."""
    from articles.workflow import TRANSITIONS, available_steps

    for state in ["draft", "in_review", "published", "withdrawn"]:
        article = ArticleFactory(embargoed=True, **({} if state == "published" else {state: True}))
        offered = {step for step, _ in available_steps(editor, article)}
        for step, transition in TRANSITIONS.items():
            assert (step in offered) == (article.status in transition.starts), (state, step)


def test_withdrawal_needs_a_reason(editor):
    with pytest.raises(InvalidTransition, match="Say why"):
        ArticleFactory().withdraw(by=editor, reason="  ")


@time_machine.travel(datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_publishing_with_a_future_time_schedules_without_any_job(editor):
    article = ArticleFactory(draft=True)
    article.publish(by=editor, at=utc(2024, 5, 1, 18))
    assert article.is_scheduled and not article.is_public
    assert EditorialAction.objects.get().action == "scheduled"
    with time_machine.travel(utc(2024, 5, 1, 17, 59, 59), tick=False):
        assert not Article.objects.published().filter(pk=article.pk).exists()
    with time_machine.travel(utc(2024, 5, 1, 18, 0, 0), tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists()


def test_the_embargo_lifts_to_the_second_with_no_job(client):
    start = utc(2024, 5, 1, 9)
    with time_machine.travel(start, tick=False):
        article = ArticleFactory(published_at=utc(2024, 5, 1, 8), embargo_until=utc(2024, 5, 1, 10))
        url = article.get_absolute_url()
    with time_machine.travel(utc(2024, 5, 1, 9, 59, 59), tick=False):
        assert client.get(url).status_code == 404
        assert article.headline not in client.get("/articles/").content.decode()
        assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 404
    with time_machine.travel(utc(2024, 5, 1, 10, 0, 1), tick=False):
        assert client.get(url).status_code == 200
        assert article.headline in client.get("/articles/").content.decode()
        assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 200


def test_an_editor_lifts_an_embargo_and_it_is_audited(editor):
    article = ArticleFactory(embargo_until=utc(2099, 1, 1))
    assert not article.is_public
    article.lift_embargo(by=editor)
    assert article.is_public
    assert actions(article) == [("embargo_lifted", "emil")]


def test_times_are_stored_in_utc_and_shown_to_editors_with_their_zone(client_for, editor, settings):
    settings.TIME_ZONE = "Asia/Baku"
    article = ArticleFactory(draft=True, embargo_until=utc(2099, 1, 1, 8))
    article.refresh_from_db()
    assert article.embargo_until.utcoffset() == datetime.timedelta(0)
    page = client_for(editor).get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "EMBARGOED until 1 Jan 2099, 12:00 +04" in page.content.decode()


def test_the_admin_shows_only_the_steps_a_user_may_take(client_for, reporter, editor):
    article = ArticleFactory(draft=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    reporter_page = client_for(reporter).get(url).content.decode()
    assert "Submit for review" in reporter_page and ">Publish<" not in reporter_page
    editor_page = client_for(editor).get(url).content.decode()
    assert ">Publish<" in editor_page


def test_a_direct_post_to_publish_is_refused_for_a_reporter(client_for, reporter):
    article = ArticleFactory(draft=True)
    url = reverse("admin:articles_article_workflow", args=[article.pk, "publish"])
    assert client_for(reporter).post(url).status_code == 403
    article.refresh_from_db()
    assert article.status == "draft"


def test_the_bulk_publish_action_is_hidden_from_reporters(client_for, reporter, editor):
    ArticleFactory(draft=True)
    url = reverse("admin:articles_article_changelist")
    assert "publish_selected" not in client_for(reporter).get(url).content.decode()
    assert "publish_selected" in client_for(editor).get(url).content.decode()


def test_a_bulk_publish_post_from_a_reporter_changes_nothing(client_for, reporter):
    article = ArticleFactory(draft=True)
    client_for(reporter).post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == "draft"


def test_a_reporter_may_not_edit_a_published_report(client_for, reporter):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client_for(reporter).post(url, {"headline": "Changed by a reporter"})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).headline == article.headline


def test_withdrawing_from_the_admin_needs_the_reason_field(client_for, editor):
    article = ArticleFactory()
    url = reverse("admin:articles_article_workflow", args=[article.pk, "withdraw"])
    client_for(editor).post(url, {"reason": "Sources retracted their claims."})
    article.refresh_from_db()
    assert article.status == "withdrawn"


def test_a_reporter_cannot_shorten_or_clear_an_embargo(client_for, reporter):
    from tests.helpers import admin_form_data

    article = ArticleFactory(draft=True, embargo_until=utc(2099, 1, 1))
    client = client_for(reporter)
    data = admin_form_data(client, article)
    data.pop("embargo_until_0", None), data.pop("embargo_until_1", None)
    client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert Article.objects.get(pk=article.pk).embargo_until == utc(2099, 1, 1)

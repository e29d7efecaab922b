"""Which reports are pushed to which webhooks, and when: never before the public may see them."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from integrations import push
from integrations.models import Delivery, PushEvent
from tests.factories import ArticleFactory, EventFactory, country, utc

pytestmark = pytest.mark.django_db

T0 = utc(2024, 5, 1, 12)


def pushed(**filters) -> list[tuple[int, str, int]]:
    """Return (webhook id, kind, article id) of the deliveries made, oldest first."""
    rows = Delivery.objects.filter(**filters).order_by("pk")
    return [(d.webhook_id, d.kind, d.article_id) for d in rows]


def test_a_published_report_goes_only_to_webhooks_it_matches(make_webhook):
    summit = EventFactory()
    everything = make_webhook()
    azerbaijan = make_webhook(country=country("AZ"))
    georgia = make_webhook(country=country("GE"))
    the_summit = make_webhook(event=summit)
    summit_in_georgia = make_webhook(event=summit, country=country("GE"))
    tagged = ArticleFactory(tags={"countries": [country("AZ")], "events": [summit]})
    datelined = ArticleFactory(dateline_country=country("GE"))
    assert push.scan() == 5
    assert sorted(pushed()) == sorted(
        [
            (everything.pk, "published", tagged.pk),
            (azerbaijan.pk, "published", tagged.pk),
            (the_summit.pk, "published", tagged.pk),
            (everything.pk, "published", datelined.pk),
            (georgia.pk, "published", datelined.pk),
        ]
    )
    assert not pushed(webhook=summit_in_georgia)


def test_a_delivery_carries_the_reports_api_representation(make_webhook):
    make_webhook()
    report = ArticleFactory(headline="Forum opens", tags={"countries": [country("AZ")]})
    push.scan()
    delivery = Delivery.objects.get()
    assert delivery.version == report.version
    assert delivery.payload["event"] == "published"
    article = delivery.payload["article"]
    assert article["id"] == report.pk and article["headline"] == "Forum opens"
    assert article["countries"][0]["code"] == "AZ"
    assert article["body"].startswith("<p>")
    assert article["url"].startswith("https://") and report.slug in article["url"]


def test_drafts_and_reports_in_review_are_never_pushed(make_webhook):
    make_webhook()
    ArticleFactory(draft=True)
    ArticleFactory(in_review=True)
    assert push.scan() == 0


@pytest.mark.parametrize("trait", ["embargoed", "scheduled"])
def test_an_embargoed_or_scheduled_report_is_pushed_only_once_its_time_comes(make_webhook, trait):
    make_webhook()
    with time_machine.travel(T0, tick=False):
        report = ArticleFactory(**{trait: True})  # public a day later
        assert push.scan() == 0
    with time_machine.travel(T0 + datetime.timedelta(hours=23, minutes=59), tick=False):
        assert push.scan() == 0
        assert not Article.objects.published().filter(pk=report.pk).exists()
    with time_machine.travel(T0 + datetime.timedelta(days=1, seconds=30), tick=False):
        assert Article.objects.published().filter(pk=report.pk).exists()
        assert push.scan() == 1
    assert pushed() == [(Delivery.objects.get().webhook_id, "published", report.pk)]


def test_a_scan_after_a_long_pause_still_finds_what_became_public_meanwhile(make_webhook):
    make_webhook()
    with time_machine.travel(T0, tick=False):
        push.scan()
        report = ArticleFactory(embargo_until=T0 + datetime.timedelta(hours=2))
    with time_machine.travel(T0 + datetime.timedelta(days=3), tick=False):
        assert push.scan() == 1
    assert pushed()[0][1:] == ("published", report.pk)


def test_publishing_through_the_workflow_pushes_on_commit(
    make_webhook, editor, django_capture_on_commit_callbacks
):
    make_webhook()
    report = ArticleFactory(in_review=True)
    with django_capture_on_commit_callbacks(execute=True):
        report.publish(by=editor)
        assert not Delivery.objects.exists()  # nothing before the step commits
    assert pushed() == [(Delivery.objects.get().webhook_id, "published", report.pk)]
    assert push.scan() == 0  # the scan sees it again and pushes nothing twice


def test_publishing_under_embargo_through_the_workflow_pushes_nothing_yet(
    make_webhook, editor, django_capture_on_commit_callbacks
):
    make_webhook()
    with time_machine.travel(T0, tick=False):
        report = ArticleFactory(in_review=True, embargo_until=T0 + datetime.timedelta(hours=1))
        with django_capture_on_commit_callbacks(execute=True):
            report.publish(by=editor)
        assert not Delivery.objects.exists()
    with time_machine.travel(T0 + datetime.timedelta(hours=1, minutes=1), tick=False):
        assert push.scan() == 1


def test_lifting_an_embargo_pushes_at_once(
    make_webhook, editor, django_capture_on_commit_callbacks
):
    make_webhook()
    report = ArticleFactory(embargoed=True)
    push.scan()
    with django_capture_on_commit_callbacks(execute=True):
        report.lift_embargo(by=editor)
    assert pushed()[0][1:] == ("published", report.pk)


def test_a_new_version_of_a_public_report_pushes_updated(make_webhook):
    hook = make_webhook()
    report = ArticleFactory()
    push.scan()
    report.headline = "Forum opens, corrected figures"
    report.save()
    assert push.scan() == 1
    assert pushed() == [(hook.pk, "published", report.pk), (hook.pk, "updated", report.pk)]
    update = Delivery.objects.get(kind=PushEvent.UPDATED)
    assert update.version == report.version
    assert update.payload["article"]["headline"] == "Forum opens, corrected figures"


def test_edits_before_the_embargo_lifts_push_nothing_but_the_publication(make_webhook):
    make_webhook()
    with time_machine.travel(T0, tick=False):
        report = ArticleFactory(embargo_until=T0 + datetime.timedelta(hours=1))
        report.summary = "Edited under embargo."
        report.save()
        assert push.scan() == 0
    with time_machine.travel(T0 + datetime.timedelta(hours=2), tick=False):
        assert push.scan() == 1
    assert Delivery.objects.get().payload["article"]["summary"] == "Edited under embargo."


def test_a_withdrawal_pushes_withdrawn(make_webhook, editor, django_capture_on_commit_callbacks):
    hook = make_webhook()
    report = ArticleFactory()
    push.scan()
    with django_capture_on_commit_callbacks(execute=True):
        report.withdraw(by=editor, reason="The agency withdrew it.")
    assert pushed() == [(hook.pk, "published", report.pk), (hook.pk, "withdrawn", report.pk)]
    notice = Delivery.objects.get(kind=PushEvent.WITHDRAWN).payload["article"]
    assert notice["withdrawn"] is True and notice["withdrawal_reason"] == "The agency withdrew it."
    assert "body" not in notice
    assert push.scan() == 0


def test_a_withdrawal_found_by_the_scan_pushes_withdrawn_once(make_webhook, editor):
    make_webhook()
    report = ArticleFactory()
    push.scan()
    report.withdraw(by=editor, reason="Duplicate.")  # no on-commit run: the scan finds it
    assert push.scan() == 1
    assert push.scan() == 0
    assert [kind for _, kind, _ in pushed()] == ["published", "withdrawn"]


def test_a_report_withdrawn_before_it_was_ever_public_is_never_pushed(make_webhook, editor):
    make_webhook()
    report = ArticleFactory(embargoed=True)
    report.withdraw(by=editor, reason="Spiked before release.")
    assert push.scan() == 0


def test_webhooks_get_only_the_events_they_asked_for(make_webhook, editor):
    only_withdrawals = make_webhook(events=["withdrawn"])
    report = ArticleFactory()
    push.scan()
    report.headline = "Changed"
    report.save()
    push.scan()
    assert not Delivery.objects.exists()
    report.withdraw(by=editor, reason="Wrong.")
    push.scan()
    assert pushed() == [(only_withdrawals.pk, "withdrawn", report.pk)]


def test_a_webhook_that_hears_of_a_report_late_gets_an_update(make_webhook):
    report = ArticleFactory()
    make_webhook()
    push.scan()  # the first webhook hears of it as published
    late = make_webhook(country=country("AZ"))
    report.countries.add(country("AZ"))
    report.save()
    push.scan()
    assert pushed(webhook=late) == [(late.pk, "updated", report.pk)]


def test_inactive_webhooks_get_nothing(make_webhook):
    make_webhook(active=False)
    ArticleFactory()
    assert push.scan() == 0


def test_scans_are_idempotent(make_webhook):
    make_webhook()
    make_webhook()
    ArticleFactory()
    ArticleFactory()
    assert push.scan() == 4
    assert push.scan() == 0
    assert push.push_article(Article.objects.first().pk) == 0
    assert Delivery.objects.count() == 4


def test_a_scan_runs_a_constant_number_of_queries(make_webhook):
    make_webhook()
    make_webhook(country=country("AZ"))
    ArticleFactory()
    push.scan()  # the high-water mark row and the site's domain are read once

    def queries_for(count: int) -> int:
        ArticleFactory.create_batch(count, tags={"countries": [country("AZ")]})
        with CaptureQueriesContext(connection) as queries:
            push.scan()
        return len(queries)

    assert queries_for(2) == queries_for(8)

"""Feeds too big for a web request: the import screen queues them, or refuses and says why."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from ingest import tasks

pytestmark = pytest.mark.django_db
IMPORT = "/admin/articles/article/import/"


def feed(count: int) -> bytes:
    items = "".join(
        f"<item><title>Harvest report {n}</title><guid>h-{n}</guid>"
        f"<description>Farmers in district {n} brought in the harvest.</description></item>"
        for n in range(count)
    )
    return f"<rss version='2.0'><channel><title>Farm Wire</title>{items}</channel></rss>".encode()


def upload(count: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("farm.rss", feed(count), content_type="application/rss+xml")


def test_a_feed_of_1000_items_is_refused_with_a_clear_message_when_no_queue_runs(
    admin_client, settings
):
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = "", False
    response = admin_client.post(IMPORT, {"file": upload(1000), "create": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This input has 1,000 items; the import screen takes at most 200." in page
    assert "No task queue is configured" in page and "manage.py ingest" in page
    assert Article.objects.count() == 0


def test_a_feed_of_1000_items_is_handed_to_the_queue(
    admin_client, admin_user, settings, monkeypatch
):
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = "redis://queue.test/0", False
    queued = []
    monkeypatch.setattr(tasks.import_feed, "delay", lambda *args: queued.append(args))
    preview = admin_client.post(IMPORT, {"file": upload(1000), "preview": "1"})
    assert "Queue 1000 reports for import" in preview.content.decode()
    assert "Harvest report 0" not in preview.content.decode()  # not previewed item by item
    payload = preview.context["form"].cleaned_data["payload"]
    response = admin_client.post(
        IMPORT, {"payload": payload, "filename": "farm.rss", "create": "1"}, follow=True
    )
    assert "1,000 items were handed to the background queue" in response.content.decode()
    assert Article.objects.count() == 0  # nothing imported inside the request
    [(sent, filename, _format, user_id)] = queued
    assert (sent, filename) == (payload, "farm.rss")
    assert user_id == admin_user.pk


def test_the_queued_import_creates_the_drafts(admin_client, admin_user, settings):
    settings.CELERY_TASK_ALWAYS_EAGER, settings.WIRE_INLINE_ITEMS = True, 2
    admin_client.post(IMPORT, {"file": upload(3), "create": "1"})
    drafts = Article.objects.filter(status="draft", created_by=admin_user)
    assert drafts.count() == 3


def test_a_broker_that_cannot_be_reached_is_a_message_not_a_server_error(
    admin_client, settings, monkeypatch
):
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = "redis://queue.test/0", False
    settings.WIRE_INLINE_ITEMS = 2

    def down(*args):
        raise tasks.OperationalError("Error 111 connecting to queue.test:6379.")

    monkeypatch.setattr(tasks.import_feed, "delay", down)
    response = admin_client.post(IMPORT, {"file": upload(3), "create": "1"})
    assert response.status_code == 200
    assert "The task queue could not be reached" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_small_feed_is_still_imported_at_once(admin_client, settings):
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = "", False
    admin_client.post(IMPORT, {"file": upload(3), "create": "1"})
    assert Article.objects.count() == 3

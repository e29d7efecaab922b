"""Wire sources polled in the background: due sources only, counts and errors kept, one
worker per source, the Celery tasks and the admin."""

import datetime
import json
import os
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from ingest import tasks
from ingest.models import IncomingVersion, WireSource
from ingest.tasks import enqueue, poll_due_sources
from newsroom.celery import app
from tests.helpers import local_http_server, run_in_threads

pytestmark = pytest.mark.django_db


def rss(*items: tuple[str, str, str]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid>"
        f"<description>BAKU, Azerbaijan, Sept. 19. {text}</description></item>"
        for guid, title, text in items
    )
    return (
        f"<rss version='2.0'><channel><title>Obscure Wire</title>{entries}</channel></rss>".encode()
    )


GRAIN = ("g-1", "Grain exports rise", "Exports of grain rose by a fifth this season.")
RAIL = ("g-2", "Rail link opens", "A new rail link to the port of Aktau opened.")


class FeedHandler(BaseHTTPRequestHandler):
    feeds: dict[str, bytes] = {}
    paths: list[str] = []

    def do_GET(self) -> None:
        type(self).paths.append(self.path)
        body = self.feeds.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def feeds(settings) -> Iterator[str]:
    """A local feed server (allowed for the test); set FeedHandler.feeds[path] to serve."""
    settings.WIRE_ALLOW_PRIVATE_HOSTS = True
    FeedHandler.feeds, FeedHandler.paths = {}, []
    with local_http_server(FeedHandler) as url:
        yield url


@pytest.fixture
def no_queue(settings):
    settings.CELERY_BROKER_URL = ""
    settings.CELERY_TASK_ALWAYS_EAGER = False


def poll(capsys, *args: str) -> tuple[int, str]:
    try:
        call_command("poll_sources", *args)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, capsys.readouterr().out


def test_poll_sources_polls_only_due_and_enabled_sources_and_records_counts(
    registry, feeds, capsys
):
    FeedHandler.feeds = {"/due": rss(GRAIN, RAIL), "/later": rss(GRAIN), "/off": rss(RAIL)}
    due = WireSource.objects.create(name="Due wire", address=f"{feeds}/due", interval=30)
    later = WireSource.objects.create(
        name="Later wire",
        address=f"{feeds}/later",
        next_run_at=timezone.now() + datetime.timedelta(minutes=10),
    )
    off = WireSource.objects.create(name="Off wire", address=f"{feeds}/off", enabled=False)
    code, out = poll(capsys)
    assert code == 0
    assert "Due wire" in out and "2 seen, 2 created, 0 updated, 0 held, 0 failed" in out
    assert FeedHandler.paths == ["/due"]
    due.refresh_from_db()
    assert due.last_success_at == due.last_run_at and due.last_error == ""
    assert (due.items_seen, due.items_created, due.items_failed) == (2, 2, 0)
    assert due.next_run_at == due.last_run_at + datetime.timedelta(minutes=30)
    assert due.claimed_until is None
    later.refresh_from_db()
    off.refresh_from_db()
    assert later.last_run_at is None and off.last_run_at is None
    assert sorted(Article.objects.values_list("headline", flat=True)) == [
        "Grain exports rise",
        "Rail link opens",
    ]
    assert poll(capsys) == (0, "No source is due.\n")


def test_a_later_run_counts_updates_and_holds_instead_of_new_drafts(registry, feeds, capsys):
    FeedHandler.feeds = {"/wire": rss(GRAIN, RAIL)}
    source = WireSource.objects.create(name="Wire", address=f"{feeds}/wire")
    poll(capsys)
    edited = Article.objects.get(headline="Rail link opens")
    edited.headline = "Rail link to Aktau opens"
    edited.save()
    FeedHandler.feeds["/wire"] = rss(
        (GRAIN[0], "Grain exports rise again", GRAIN[2]), (RAIL[0], "Rail link opened", RAIL[2])
    )
    WireSource.objects.update(next_run_at=timezone.now())
    assert poll(capsys)[0] == 0
    source.refresh_from_db()
    assert (source.items_seen, source.items_created, source.items_updated, source.items_held) == (
        2,
        0,
        1,
        1,
    )
    assert Article.objects.count() == 2
    assert IncomingVersion.objects.pending().get().headline == "Rail link opened"


def test_a_source_that_cannot_be_fetched_keeps_its_error_and_fails_the_command(registry, capsys):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    source = WireSource.objects.create(name="Gone", address=f"http://127.0.0.1:{port}/rss")
    code, out = poll(capsys)
    assert code == 1
    source.refresh_from_db()
    assert "private address" in source.last_error  # refused before connecting
    assert source.last_run_at and source.last_success_at is None
    assert source.next_run_at > timezone.now()  # tried again at its interval, not at once
    assert "Gone" in out and "private address" in out


def test_an_error_clears_once_the_source_works_again(registry, feeds, capsys):
    source = WireSource.objects.create(name="Wire", address=f"{feeds}/wire")
    assert poll(capsys)[0] == 1
    source.refresh_from_db()
    assert "HTTP 404" in source.last_error
    FeedHandler.feeds = {"/wire": rss(GRAIN)}
    assert poll(capsys, "--source", str(source.pk))[0] == 0
    source.refresh_from_db()
    assert source.last_error == "" and source.items_created == 1


def test_source_and_all_poll_sources_that_are_not_due(registry, feeds, capsys):
    FeedHandler.feeds = {"/a": rss(GRAIN), "/b": rss(RAIL)}
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    a = WireSource.objects.create(name="A", address=f"{feeds}/a", next_run_at=tomorrow)
    b = WireSource.objects.create(
        name="B", address=f"{feeds}/b", next_run_at=tomorrow, enabled=False
    )
    poll(capsys, "--all")
    assert FeedHandler.paths == ["/a"]  # --all: every enabled source
    poll(capsys, "--source", str(b.pk))
    assert FeedHandler.paths == ["/a", "/b"]  # --source: that one, even disabled
    a.refresh_from_db()
    assert a.items_created == 1


def test_an_unknown_source_id_is_a_clear_error(registry):
    with pytest.raises(Exception, match="No wire source with id 999"):
        call_command("poll_sources", "--source", "999")


def test_two_claimers_never_get_the_same_source(registry):
    source = WireSource.objects.create(name="Wire", address="https://wire.test/rss")
    first = WireSource.objects.due().claim(source.pk)
    second = WireSource.objects.due().claim(source.pk)
    assert first is not None and second is None
    assert not WireSource.objects.due().exists()
    lapsed = first.claimed_until + datetime.timedelta(seconds=1)  # its worker died
    assert WireSource.objects.due(lapsed).claim(source.pk, now=lapsed) is not None


def test_a_source_a_worker_is_polling_is_skipped(registry, feeds, capsys):
    FeedHandler.feeds = {"/wire": rss(GRAIN)}
    source = WireSource.objects.create(name="Wire", address=f"{feeds}/wire")
    WireSource.objects.claim(source.pk)  # another worker
    assert poll(capsys) == (0, "No source is due.\n")
    assert poll(capsys, "--source", str(source.pk))[1] == (
        f"Source {source.pk} is being polled by a worker; skipped.\nNothing was polled.\n"
    )
    assert FeedHandler.paths == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_claiming_at_the_same_moment_get_one_source_each_once():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serializes writers; the claim's conditional update is tested above")
    sources = [
        WireSource.objects.create(name=f"Wire {n}", address=f"https://wire.test/{n}")
        for n in range(3)
    ]
    start = threading.Barrier(8, timeout=10)
    won: list[int] = []

    def worker() -> None:
        try:
            start.wait()
            for source in sources:
                if WireSource.objects.due().claim(source.pk) is not None:
                    won.append(source.pk)
        finally:
            connection.close()

    run_in_threads(worker, 8)
    assert sorted(won) == sorted(s.pk for s in sources)


def test_a_folder_source_reads_new_and_changed_files_only(registry, tmp_path, settings, capsys):
    settings.WIRE_FOLDER_ROOTS = [str(tmp_path)]
    inbox = tmp_path / "inbox"
    inbox.mkdir()

    def write(name: str, headline: str, mtime: float | None = None) -> None:
        item = {"uri": f"urn:{name}", "headline": headline, "body_text": "BAKU. Talks went on."}
        path = inbox / f"{name}.json"
        path.write_text(json.dumps(item))
        if mtime:
            os.utime(path, (mtime, mtime))

    write("one", "Talks open")
    write("two", "Talks go on")
    source = WireSource.objects.create(name="Inbox", address=str(inbox))
    poll(capsys)
    source.refresh_from_db()
    assert (source.items_seen, source.items_created) == (2, 2)
    WireSource.objects.update(next_run_at=timezone.now())
    poll(capsys)
    source.refresh_from_db()
    assert source.items_seen == 0  # nothing changed in the folder
    write("two", "Talks end", mtime=timezone.now().timestamp() + 60)
    WireSource.objects.update(next_run_at=timezone.now())
    poll(capsys)
    source.refresh_from_db()
    assert (source.items_seen, source.items_updated) == (1, 1)
    assert Article.objects.filter(headline="Talks end").count() == 1


def test_a_folder_outside_the_allowed_roots_is_refused(registry, settings, tmp_path, capsys):
    settings.WIRE_FOLDER_ROOTS = [str(tmp_path / "inbox")]
    source = WireSource.objects.create(name="Etc", address="/etc")
    assert poll(capsys)[0] == 1
    source.refresh_from_db()
    assert "must lie under WIRE_FOLDER_ROOTS" in source.last_error
    assert Article.objects.count() == 0


def test_the_beat_task_polls_due_sources_through_the_queue(registry, feeds, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    FeedHandler.feeds = {"/wire": rss(GRAIN)}
    source = WireSource.objects.create(name="Wire", address=f"{feeds}/wire")
    schedule = app.conf.beat_schedule["poll-due-wire-sources"]
    assert (schedule["task"], schedule["schedule"]) == (poll_due_sources.name, 60.0)
    enqueue(poll_due_sources)
    source.refresh_from_db()
    assert source.items_created == 1 and source.claimed_until is None


# Admin


def test_the_admin_lists_each_sources_last_run_and_error(admin_client, registry, capsys):
    WireSource.objects.create(name="Broken wire", address="https://wire.test/rss")
    WireSource.objects.update(
        last_run_at=timezone.now(),
        last_error="The feed answered HTTP 500 Internal Server Error.",
        items_seen=3,
        items_created=2,
        items_failed=1,
    )
    page = admin_client.get(reverse("admin:ingest_wiresource_changelist")).content.decode()
    assert "Broken wire" in page
    assert "The feed answered HTTP 500 Internal Server Error." in page
    assert "3 / 2 / 0 / 0 / 1" in page
    errors = admin_client.get(reverse("admin:ingest_wiresource_changelist") + "?health=error")
    assert "Broken wire" in errors.content.decode()


def test_poll_now_without_a_queue_marks_the_source_due_and_says_so(
    admin_client, registry, no_queue
):
    later = timezone.now() + datetime.timedelta(hours=1)
    source = WireSource.objects.create(name="Wire", address="https://wire.test/rss")
    WireSource.objects.update(next_run_at=later)
    response = admin_client.post(
        reverse("admin:ingest_wiresource_changelist"),
        {"action": "poll_now", "_selected_action": [source.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "No task queue is configured" in page and "poll_sources" in page
    source.refresh_from_db()
    assert source.next_run_at <= timezone.now()
    assert WireSource.objects.due().get() == source


def test_poll_now_with_a_queue_polls_the_source(admin_client, registry, feeds, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    FeedHandler.feeds = {"/wire": rss(GRAIN)}
    source = WireSource.objects.create(
        name="Wire", address=f"{feeds}/wire", next_run_at=timezone.now() + datetime.timedelta(1)
    )
    response = admin_client.post(
        reverse("admin:ingest_wiresource_changelist"),
        {"action": "poll_now", "_selected_action": [source.pk]},
        follow=True,
    )
    assert "Polling 1 source(s) in the background." in response.content.decode()
    source.refresh_from_db()
    assert source.items_created == 1


@pytest.mark.parametrize(
    "address, message",
    [
        ("file:///etc/passwd", "Only http:// and https:// feeds can be polled, not file://."),
        ("ftp://wire.test/feed.xml", "Only http:// and https:// feeds can be polled, not ftp://."),
        ("/etc", "A folder must lie under WIRE_FOLDER_ROOTS"),
    ],
)
def test_the_admin_refuses_addresses_that_cannot_be_polled(
    admin_client, registry, address, message
):
    response = admin_client.post(
        reverse("admin:ingest_wiresource_add"),
        {"name": "Bad", "address": address, "interval": 15, "enabled": "on"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WireSource.objects.exists()


def test_the_beat_task_queues_only_due_sources_and_lets_stale_polls_expire(
    registry, settings, monkeypatch
):
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = "redis://queue.test/0", False
    due = WireSource.objects.create(name="Due", address="https://wire.test/due")
    WireSource.objects.create(
        name="Later",
        address="https://wire.test/later",
        next_run_at=timezone.now() + datetime.timedelta(hours=1),
    )
    WireSource.objects.create(name="Off", address="https://wire.test/off", enabled=False)
    queued = []
    monkeypatch.setattr(
        tasks.poll_wire_source, "apply_async", lambda **kwargs: queued.append(kwargs)
    )
    assert poll_due_sources() == 1
    assert queued == [{"args": (due.pk,), "expires": 120}]


def test_a_folders_new_files_are_imported_as_one_stream(registry, tmp_path, settings, monkeypatch):
    """One report per file, as agencies drop them: still saved in batches, each file
    labelled in the source's errors."""
    from ingest import polling

    settings.WIRE_FOLDER_ROOTS = [str(tmp_path)]
    real, streams = polling.import_reports, []

    def counted(reports, **options):
        streams.append(list(real(reports, **options)))
        return streams[-1]

    monkeypatch.setattr(polling, "import_reports", counted)
    for n in range(3):
        item = {"uri": f"urn:f{n}", "headline": f"Talks day {n}", "body_text": f"BAKU. Day {n}."}
        (tmp_path / f"f{n}.json").write_text(json.dumps(item))
    (tmp_path / "bad.json").write_text('{"headline": ')
    source = WireSource.objects.create(name="Drop", address=str(tmp_path))
    result = polling.poll_source(source)
    assert [len(stream) for stream in streams] == [4]
    assert (result.created, result.failed) == (3, 1)
    assert result.item_errors[0].startswith(f"{tmp_path / 'bad.json'}: Not valid JSON")

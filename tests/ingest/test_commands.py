import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django.test import override_settings

from articles.models import Article
from tests.ingest.conftest import CASPIAN_REPORT

pytestmark = pytest.mark.django_db

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Kazinform</title>
<item><title>Grain exports rise</title><guid>kz-1</guid>
<description>ASTANA. KAZINFORM - Kazakh grain exports rose by a fifth this season.</description></item>
<item><title>Rail link opens</title><guid>kz-2</guid>
<description>ASTANA. KAZINFORM - A new rail link to the Caspian port of Aktau opened.</description></item>
</channel></rss>"""


def run(capsys, *args) -> tuple[int, str]:
    try:
        call_command("ingest", *args, verbosity=0)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, capsys.readouterr().out


def test_parse_wire_prints_what_it_reads_and_writes_nothing(registry, tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text(CASPIAN_REPORT)
    call_command("parse_wire", str(path))
    data = json.loads(capsys.readouterr().out)
    assert data["headline"] == "Azerbaijani press history presented at Caspian forum"
    assert data["dateline"] == {
        "raw": "RUSSIA, Astrakhan, September 19.",
        "city": "Astrakhan",
        "country": "RU",
        "date": "2023-09-19",
    }
    assert data["agency"] == "Trend News Agency"
    assert data["language"] == "en"
    assert sorted(data["tags"]["countries"]) == ["AZ", "RU"]
    assert "Ahmed Ismayilov" in data["tags"]["people"]
    assert "Caspian Media Forum 2023" in data["tags"]["events"]
    assert "Mary Whitcombe" in data["candidates"]
    assert Article.objects.count() == 0


def test_ingest_imports_folders_recursively_and_summarizes(registry, tmp_path, capsys):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "report.txt").write_text(CASPIAN_REPORT)
    (tmp_path / "a" / "feed.xml").write_text(FEED)
    (tmp_path / "a" / "notes.md").write_text("ignored")
    code, out = run(capsys, str(tmp_path / "a"))
    assert code == 0
    assert "3 created, 0 updated, 0 duplicate, 0 held for review, 0 failed" in out
    assert Article.objects.filter(agency__slug="kazinform").count() == 2


def test_ingest_counts_duplicates_and_reports_failures_with_reasons(registry, tmp_path, capsys):
    good = tmp_path / "feed.xml"
    good.write_text(FEED)
    broken = tmp_path / "broken.json"
    broken.write_text('{"headline": ')
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    run(capsys, str(good))
    code, out = run(capsys, str(good), str(broken), str(empty), str(tmp_path / "missing.txt"))
    assert code == 1
    assert "0 created, 0 updated, 2 duplicate, 0 held for review, 3 failed" in out
    assert f"failed: {broken}:" in out and "JSON" in out
    assert f"failed: {empty}: The input is empty." in out
    assert "missing.txt: No such file" in out
    assert Article.objects.count() == 2


class SlowHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        threading.Event().wait(3)

    def log_message(self, *args):
        pass


@override_settings(WIRE_FETCH_TIMEOUT=1, WIRE_ALLOW_PRIVATE_HOSTS=True)
def test_a_feed_that_times_out_is_a_failure_line_not_a_crash(registry, capsys):
    server = HTTPServer(("127.0.0.1", 0), SlowHandler)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/feed.xml"
    try:
        code, out = run(capsys, url)
    finally:
        server.server_close()
    assert code == 1
    assert f"failed: {url}: The feed did not answer within 1 s." in out


@override_settings(WIRE_ALLOW_PRIVATE_HOSTS=True)  # the test server is on 127.0.0.1
def test_a_feed_url_is_fetched_and_imported(registry, capsys):
    class FeedHandler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(FEED.encode())

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), FeedHandler)
    threading.Thread(target=server.handle_request, daemon=True).start()
    try:
        code, out = run(capsys, f"http://127.0.0.1:{server.server_port}/rss")
    finally:
        server.server_close()
    assert code == 0 and "2 created" in out


def test_a_folder_of_one_report_files_is_saved_in_batches(registry, tmp_path, capsys, monkeypatch):
    """Agencies drop one file per report: the folder's files are one stream of reports."""
    from ingest.management.commands import ingest as command

    real, streams = command.import_reports, []

    def counted(reports, **options):
        streams.append([])
        for item in real(reports, **options):
            streams[-1].append(item)
            yield item

    monkeypatch.setattr(command, "import_reports", counted)
    for n in range(4):
        (tmp_path / f"report-{n}.txt").write_text(
            f"Grain talks round {n}\n\nASTANA. KAZINFORM - Round {n} of grain talks opened with "
            f"{n + 2} delegations from the region."
        )
    (tmp_path / "broken.json").write_text('{"headline": ')
    code, out = run(capsys, str(tmp_path))
    assert code == 1
    assert "4 created, 0 updated, 0 duplicate, 0 held for review, 1 failed" in out
    assert f"failed: {tmp_path / 'broken.json'}:" in out
    assert [len(stream) for stream in streams] == [4]  # one stream, not one per file

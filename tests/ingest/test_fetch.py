"""Fetching feeds: a total deadline, a size cap counted while reading, http(s) only, and no
private addresses unless allowed."""

import re
import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from ingest import sources
from ingest.sources import fetch
from ingest.types import WireError
from tests.helpers import local_http_server

FEED = b"<rss version='2.0'><channel><title>Test</title></channel></rss>"


class Handler(BaseHTTPRequestHandler):
    """Answers by path; counts requests and bytes sent on the server."""

    requests = 0
    sent = 0

    def do_GET(self) -> None:
        type(self).requests += 1
        getattr(self, "answer_" + self.path.strip("/").replace("-", "_"))()

    def answer_feed(self) -> None:
        self._headers(length=len(FEED))
        self.wfile.write(FEED)

    def answer_trickle(self) -> None:  # a byte every 0.2 s: each read succeeds in time
        self._headers()
        self._trickle(b"<rss>" * 20)

    def answer_trickled_headers(self) -> None:
        self._trickle(b"HTTP/1.0 200 OK\r\nX-Padding: " + b"x" * 100)

    def answer_endless(self) -> None:  # no length given: only counting can stop it
        self._headers()
        chunk = b"<item>" + b"x" * 65530
        try:
            for _ in range(2000):  # 128 MB
                self.wfile.write(chunk)
                type(self).sent += len(chunk)
        except OSError:
            pass

    def answer_declared_huge(self) -> None:
        self._headers(length=50_000_000)
        self.wfile.write(b"<rss>")

    def answer_to_private(self) -> None:
        self.send_response(302)
        self.send_header("Location", f"http://127.0.0.2:{self.server.server_port}/feed")
        self.end_headers()

    def _headers(self, length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _trickle(self, data: bytes) -> None:
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.requests = Handler.sent = 0
    with local_http_server(Handler) as url:
        yield url


@pytest.fixture
def local_allowed(settings):
    settings.WIRE_ALLOW_PRIVATE_HOSTS = True
    settings.WIRE_FETCH_TIMEOUT = 1  # per read: never reached by a 0.2 s trickle
    settings.WIRE_FETCH_DEADLINE = 1.5


def test_a_feed_on_an_allowed_local_server_is_fetched(server, local_allowed):
    assert fetch(f"{server}/feed") == FEED


@pytest.mark.parametrize("path", ["trickle", "trickled-headers"])
def test_fetch_stops_at_the_total_deadline_however_the_server_trickles(server, local_allowed, path):
    started = time.monotonic()
    with pytest.raises(WireError, match=r"took longer than 1\.5 s in all; stopped"):
        fetch(f"{server}/{path}")
    assert time.monotonic() - started < 2.5


def test_the_size_cap_is_counted_while_reading(server, local_allowed, settings):
    settings.WIRE_MAX_BYTES = 200_000
    settings.WIRE_FETCH_DEADLINE = 10
    with pytest.raises(WireError, match=r"larger than 0\.2 MB"):
        fetch(f"{server}/endless")
    time.sleep(0.2)  # let the server notice the closed connection
    assert Handler.sent < 30_000_000  # of 128 MB: reading stopped at the cap


def test_a_declared_length_over_the_cap_is_refused_before_reading(server, local_allowed):
    with pytest.raises(WireError, match="larger than 10 MB"):
        fetch(f"{server}/declared-huge")


@pytest.mark.parametrize(
    "url, shown",
    [
        ("file:///etc/passwd", "file://"),
        ("ftp://ftp.example.org/feed.xml", "ftp://"),
        ("gopher://example.org/", "gopher://"),
        ("/etc/passwd", "an address without http:// or https://"),
    ],
)
def test_other_schemes_than_http_are_refused(url, shown):
    with pytest.raises(
        WireError, match=re.escape(f"Only http:// and https:// feeds can be fetched, not {shown}")
    ):
        fetch(url)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_a_private_address_is_refused_by_default(server, host):
    port = server.rsplit(":", 1)[1]
    with pytest.raises(WireError, match="loopback, link-local or private address"):
        fetch(f"http://{host}:{port}/feed")
    assert Handler.requests == 0


def test_every_address_of_a_host_is_checked(monkeypatch):
    def two_addresses(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", two_addresses)
    with pytest.raises(WireError, match=re.escape("169.254.169.254")):
        fetch("http://feeds.example.org/rss")


def test_a_redirect_to_a_private_address_is_refused(server, monkeypatch, settings):
    settings.WIRE_ALLOW_PRIVATE_HOSTS = False
    monkeypatch.setattr(sources, "is_public", lambda address: address == "127.0.0.1")
    with pytest.raises(WireError, match=re.escape("127.0.0.2")):
        fetch(f"{server}/to-private")
    assert Handler.requests == 1


@pytest.mark.parametrize(
    "address, public",
    [
        ("10.1.2.3", False),
        ("192.168.0.1", False),
        ("172.16.5.4", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::ffff:127.0.0.1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("224.0.0.1", False),
        ("93.184.215.14", True),
        ("2606:4700::1111", True),
    ],
)
def test_is_public_knows_internal_ranges(address, public):
    assert sources.is_public(address) is public

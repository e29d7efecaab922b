import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from integrations.models import Webhook
from tests.helpers import local_http_server


@pytest.fixture
def integrator(db, django_user_model):
    """An integrator account: no staff access, signs in to the API with a token."""
    return django_user_model.objects.create_user("ines", "ines@example.org", "pw-ines-2023")


@pytest.fixture
def make_webhook(integrator):
    """Return a function that registers a webhook (no address check: it is never called)."""

    def make(**fields) -> Webhook:
        fields.setdefault("url", "https://hooks.example.org/newsroom")
        return Webhook.objects.create(owner=integrator, **fields)

    return make


class Receiver(BaseHTTPRequestHandler):
    """An integrator's endpoint: records each POST, answers with the status it is told to."""

    received: list[dict] = []
    answers: list[int] = []  # statuses to answer with, in turn (then 204)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append({"path": self.path, "headers": dict(self.headers), "body": body})
        status = type(self).answers.pop(0) if type(self).answers else 204
        self.send_response(status)
        if status in (301, 302):
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/elsewhere")
        self.send_header("Content-Length", "0" if status < 400 else "11")
        self.end_headers()
        if status >= 400:
            self.wfile.write(b"broken here")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def receiver_url() -> Iterator[str]:
    """One loopback server for the run: stopping one waits out its half-second poll."""
    with local_http_server(Receiver) as url:
        yield f"{url}/hooks/newsroom"


@pytest.fixture
def receiver(settings, receiver_url) -> type[Receiver]:
    """A webhook endpoint on a loopback port (loopback and plain http allowed for it)."""
    settings.WIRE_ALLOW_PRIVATE_HOSTS = True
    settings.WEBHOOK_ALLOW_HTTP = True
    Receiver.received, Receiver.answers = [], []
    Receiver.url = receiver_url  # type: ignore[attr-defined]
    return Receiver


def posted_json(request: dict) -> dict:
    return json.loads(request["body"])

"""Sending deliveries: one signed POST each, retried with growing pauses, then given up.

A 2xx answer is delivered; anything else (another status, a redirect, no answer in
10 s, a refused address) is a failed attempt, retried after 1 min, 5 min, 30 min, 2 h
and 12 h; the sixth failure gives up. Redirects are never followed.
"""

from __future__ import annotations

import datetime
import http.client
import json
import socket
import ssl
from collections import Counter
from urllib.parse import SplitResult

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from articles.models import Article
from integrations.addresses import UnsafeAddress, check_url, default_port, public_addresses
from integrations.models import Delivery, DeliveryStatus, PushEvent
from integrations.signing import sign

TIMEOUT = 10  # seconds to connect, and for each read or write
BACKOFF = tuple(
    datetime.timedelta(minutes=m) for m in (1, 5, 30, 2 * 60, 12 * 60)
)  # the pause after the 1st, 2nd, … failed attempt
MAX_ATTEMPTS = len(BACKOFF) + 1
# A claimed delivery is not due again for this long: a worker that died while sending
# leaves it to be retried, one that is still sending is not doubled.
LEASE = datetime.timedelta(minutes=2)
ANSWER_SHOWN = 500  # characters of a failing answer's body kept in last_error
USER_AGENT = "Newsroom webhooks"


def deliver(pk: int) -> str:
    """Send one delivery if it is due and no one else is sending it; return its status."""
    delivery = claim(pk)
    if delivery is None:
        return "skipped: not due, or another worker has it"
    attempt(delivery)
    return delivery.status


def send_due(now: datetime.datetime | None = None) -> Counter[str]:
    """Send every delivery that is due, one after the other; count the outcomes."""
    due = Delivery.objects.due(now).order_by("next_attempt_at", "pk")
    return Counter(deliver(pk) for pk in list(due.values_list("pk", flat=True)))


def claim(pk: int) -> Delivery | None:
    """Take a due delivery for sending (pushing it back by the lease), or return None."""
    now = timezone.now()
    if not Delivery.objects.due(now).filter(pk=pk).update(next_attempt_at=now + LEASE):
        return None
    return Delivery.objects.select_related("webhook").get(pk=pk)


def attempt(delivery: Delivery) -> None:
    """Make one attempt at a claimed delivery and record how it went."""
    if delivery.kind != PushEvent.WITHDRAWN and not _still_public(delivery.article_id):
        _cancel(delivery)
        return
    now = timezone.now()
    body = body_of(delivery, now)
    timestamp = int(now.timestamp())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Newsroom-Event": delivery.kind,
        "X-Newsroom-Delivery": str(delivery.pk),
        "X-Newsroom-Timestamp": str(timestamp),
        "X-Newsroom-Signature": sign(delivery.webhook.secret, timestamp, body),
    }
    try:
        status, error = post(delivery.webhook.url, body, headers)
    except (OSError, http.client.HTTPException, UnsafeAddress) as failure:
        status, error = None, _describe(failure)
    record(delivery, status, error)


def body_of(delivery: Delivery, now: datetime.datetime) -> bytes:
    """Return the JSON body: the event, when it is sent, and the report."""
    document = {
        "event": delivery.kind,
        "delivered_at": now.isoformat(),
        "article": delivery.payload.get("article"),
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def record(delivery: Delivery, status: int | None, error: str) -> None:
    """Store an attempt's outcome: delivered, failed (with the next try's time) or gave up."""
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code, delivery.last_error = status, error
    if status is not None and 200 <= status < 300:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = (
            DeliveryStatus.DELIVERED, now, None,
        )  # fmt: skip
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.GAVE_UP, None
    else:
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = now + BACKOFF[delivery.attempts - 1]
    delivery.save(
        update_fields=[
            "attempts", "last_status_code", "last_error", "status", "delivered_at",
            "next_attempt_at",
        ]
    )  # fmt: skip


def _cancel(delivery: Delivery) -> None:
    """Drop a delivery whose report the public may no longer see: its content must not go."""
    delivery.status, delivery.next_attempt_at = DeliveryStatus.CANCELLED, None
    delivery.last_error = "The report is no longer public: not sent."
    delivery.save(update_fields=["status", "next_attempt_at", "last_error"])


def _still_public(article_id: int) -> bool:
    return Article.objects.published().filter(pk=article_id).exists()


def _describe(failure: Exception) -> str:
    if isinstance(failure, TimeoutError | socket.timeout):
        return f"No answer within {TIMEOUT} s."
    return str(failure) or type(failure).__name__


# HTTP -------------------------------------------------------------------------


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """POST once to a checked public address, following no redirect.

    Return the status and, unless it is a 2xx, what went wrong.
    """
    parts = check_url(url)
    connection = _connect(parts, public_addresses(parts))
    try:
        target = f"{parts.path or '/'}?{parts.query}" if parts.query else parts.path or "/"
        host = parts.netloc.rpartition("@")[2]
        connection.request("POST", target, body=body, headers={"Host": host, **headers})
        response = connection.getresponse()
        answer = response.read(ANSWER_SHOWN).decode("utf-8", "replace").strip()
    finally:
        connection.close()
    if 200 <= response.status < 300:
        return response.status, ""
    if 300 <= response.status < 400:
        location = response.getheader("Location", "")
        return response.status, f"HTTP {response.status} to {location}: redirects are not followed."
    return response.status, f"HTTP {response.status} {response.reason}: {answer}".rstrip(": ")


def _connect(parts: SplitResult, addresses: list[str]) -> http.client.HTTPConnection:
    """Connect to the first reachable checked address (TLS verified against the host name)."""
    port = default_port(parts)
    last_error: OSError | None = None
    for address in addresses:
        try:
            sock = socket.create_connection((address, port), timeout=TIMEOUT)
        except OSError as error:
            last_error = error
            continue
        if parts.scheme.lower() == "https":
            try:
                sock = ssl.create_default_context().wrap_socket(
                    sock, server_hostname=parts.hostname
                )
            except OSError:
                sock.close()
                raise
        connection = http.client.HTTPConnection(parts.hostname or address, port, timeout=TIMEOUT)
        connection.sock = sock
        return connection
    raise last_error or OSError("The webhook's host has no address to connect to.")

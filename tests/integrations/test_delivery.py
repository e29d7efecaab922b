"""Sending deliveries: signed POSTs to a real loopback endpoint, retries, giving up, refusals."""

import datetime
import json
import time
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from integrations import delivery as sending
from integrations import push
from integrations.models import Delivery, DeliveryStatus, Webhook
from integrations.signing import sign, verify_signature
from tests.factories import ArticleFactory, utc
from tests.integrations.conftest import posted_json

pytestmark = pytest.mark.django_db

T0 = utc(2024, 5, 1, 12)


@pytest.fixture
def hook(receiver, make_webhook) -> Webhook:
    return make_webhook(url=receiver.url)


def queued(hook: Webhook, **article) -> Delivery:
    ArticleFactory(**article)
    push.scan()
    return Delivery.objects.get(webhook=hook)


def test_a_delivery_is_posted_signed_to_the_endpoint(hook, receiver):
    delivery = queued(hook, headline="Forum opens")
    assert sending.deliver(delivery.pk) == "delivered"
    (request,) = receiver.received
    headers = request["headers"]
    assert request["path"] == "/hooks/newsroom"
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Newsroom-Event"] == "published"
    assert headers["X-Newsroom-Delivery"] == str(delivery.pk)
    assert verify_signature(
        hook.secret,
        headers["X-Newsroom-Timestamp"],
        request["body"],
        headers["X-Newsroom-Signature"],
    )
    body = posted_json(request)
    assert body["event"] == "published" and body["article"]["headline"] == "Forum opens"
    assert datetime.datetime.fromisoformat(body["delivered_at"])
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.attempts == 1 and delivery.last_status_code == 204
    assert delivery.delivered_at is not None and delivery.next_attempt_at is None


def test_a_tampered_body_or_an_old_timestamp_fails_verification(hook, receiver):
    sending.deliver(queued(hook).pk)
    (request,) = receiver.received
    headers, body = request["headers"], request["body"]
    stamp, signature = headers["X-Newsroom-Timestamp"], headers["X-Newsroom-Signature"]
    assert verify_signature(hook.secret, stamp, body, signature)
    assert not verify_signature(
        hook.secret, stamp, body.replace(b"published", b"withdrawn"), signature
    )
    assert not verify_signature("another-secret", stamp, body, signature)
    assert not verify_signature(hook.secret, int(stamp) + 1, body, signature)
    assert not verify_signature(hook.secret, stamp, body, signature, now=int(stamp) + 301)
    assert verify_signature(hook.secret, stamp, body, signature, now=int(stamp) + 299)
    assert not verify_signature(hook.secret, "not-a-time", body, signature)


def test_the_signature_is_an_hmac_of_timestamp_dot_body():
    import hashlib
    import hmac

    expected = hmac.new(b"s3cret", b"1700000000.{}", hashlib.sha256).hexdigest()
    assert sign("s3cret", 1700000000, b"{}") == f"sha256={expected}"
    assert verify_signature("s3cret", "1700000000", "{}", f"sha256={expected}", now=1700000000)


def test_a_failing_endpoint_is_retried_with_growing_pauses_then_given_up(hook, receiver):
    receiver.answers = [500] * 6
    with time_machine.travel(T0, tick=False):
        delivery = queued(hook)
    pauses = []
    at = T0
    for outcome in ["failed"] * 5 + ["gave_up"]:
        with time_machine.travel(at, tick=False):
            assert sending.send_due() == {outcome: 1}
        delivery.refresh_from_db()
        if delivery.next_attempt_at:
            pauses.append(delivery.next_attempt_at - at)
            at = delivery.next_attempt_at
    assert [p.total_seconds() for p in pauses] == [60, 300, 1800, 7200, 43200]
    assert len(receiver.received) == 6
    assert delivery.status == DeliveryStatus.GAVE_UP and delivery.attempts == 6
    assert delivery.next_attempt_at is None
    assert delivery.last_status_code == 500
    assert delivery.last_error == "HTTP 500 Internal Server Error: broken here"


def test_a_failed_delivery_is_not_sent_before_its_next_attempt(hook, receiver):
    receiver.answers = [503]
    with time_machine.travel(T0, tick=False):
        delivery = queued(hook)
        sending.send_due()
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 1
    with time_machine.travel(T0 + datetime.timedelta(seconds=59), tick=False):
        assert sending.send_due() == {}
    with time_machine.travel(T0 + datetime.timedelta(seconds=61), tick=False):
        assert sending.send_due() == {"delivered": 1}
    assert len(receiver.received) == 2


def test_a_redirect_is_not_followed(hook, receiver):
    receiver.answers = [302]
    delivery = queued(hook)
    assert sending.deliver(delivery.pk) == "failed"
    delivery.refresh_from_db()
    assert delivery.last_status_code == 302
    assert "redirects are not followed" in delivery.last_error
    assert [r["path"] for r in receiver.received] == ["/hooks/newsroom"]


def test_an_endpoint_that_does_not_answer_in_time_fails_the_attempt(
    receiver, make_webhook, monkeypatch
):
    import socket

    monkeypatch.setattr(sending, "TIMEOUT", 0.2)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts connections, never answers
    try:
        hook = make_webhook(url=f"http://127.0.0.1:{silent.getsockname()[1]}/hook")
        delivery = queued(hook)
        started = time.monotonic()
        assert sending.deliver(delivery.pk) == "failed"
        assert time.monotonic() - started < 2
    finally:
        silent.close()
    delivery.refresh_from_db()
    assert delivery.last_status_code is None and "No answer within" in delivery.last_error


def test_a_delivery_being_sent_is_not_sent_twice(hook, receiver):
    delivery = queued(hook)
    assert sending.claim(delivery.pk) is not None
    assert sending.deliver(delivery.pk).startswith("skipped")
    assert receiver.received == []


def test_a_report_withdrawn_before_its_delivery_is_not_sent(hook, receiver, editor):
    delivery = queued(hook)
    delivery.article.withdraw(by=editor, reason="Wrong figures.")
    push.scan()
    outcomes = sending.send_due()
    assert outcomes == {"cancelled": 1, "delivered": 1}
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.CANCELLED
    assert [posted_json(r)["event"] for r in receiver.received] == ["withdrawn"]


def test_the_send_webhooks_command_scans_and_sends(hook, receiver):
    ArticleFactory()
    out = StringIO()
    call_command("send_webhooks", stdout=out)
    assert "1 new deliveries" in out.getvalue() and "1 delivered" in out.getvalue()
    assert len(receiver.received) == 1
    call_command("send_webhooks", stdout=out)
    assert "nothing was due" in out.getvalue()


# Where a webhook may point ------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data",
    ],
)
def test_a_loopback_or_private_address_is_refused(make_webhook, url):
    hook = Webhook(owner=make_webhook().owner, url=url)
    with pytest.raises(ValidationError, match="loopback, link-local or private address"):
        hook.full_clean()


def test_plain_http_is_refused_unless_allowed(make_webhook, settings):
    hook = Webhook(owner=make_webhook().owner, url="http://93.184.215.14/hook")
    with pytest.raises(ValidationError, match="must start with https://"):
        hook.full_clean()
    settings.WEBHOOK_ALLOW_HTTP = True
    hook.full_clean()


def test_a_public_https_address_is_accepted(make_webhook):
    Webhook(owner=make_webhook().owner, url="https://93.184.215.14/newsroom").full_clean()


def test_a_private_address_is_refused_again_when_sending(make_webhook, receiver, settings):
    hook = make_webhook(url=receiver.url)  # registered while loopback was allowed
    delivery = queued(hook)
    settings.WIRE_ALLOW_PRIVATE_HOSTS = False
    assert sending.deliver(delivery.pk) == "failed"
    delivery.refresh_from_db()
    assert "loopback, link-local or private address" in delivery.last_error
    assert receiver.received == []


# The admin ------------------------------------------------------------------------------


def test_the_admin_registers_a_webhook_with_a_secret(admin_client, integrator):
    response = admin_client.post(
        reverse("admin:integrations_webhook_add"),
        {
            "owner": integrator.pk,
            "url": "https://93.184.215.14/newsroom",
            "events": ["published", "withdrawn"],
            "active": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    hook = Webhook.objects.get()
    assert hook.events == ["published", "withdrawn"] and len(hook.secret) >= 40
    page = admin_client.get(reverse("admin:integrations_webhook_change", args=[hook.pk]))
    assert hook.secret in page.content.decode()


def test_the_admin_refuses_a_private_webhook_address(admin_client, integrator):
    response = admin_client.post(
        reverse("admin:integrations_webhook_add"),
        {
            "owner": integrator.pk,
            "url": "https://127.0.0.1/hook",
            "events": ["published"],
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "private address" in response.content.decode()
    assert not Webhook.objects.exists()


def test_the_admin_lists_webhooks_and_deliveries_with_their_last_status(
    admin_client, hook, receiver
):
    receiver.answers = [500]
    sending.deliver(queued(hook).pk)
    hooks = admin_client.get(reverse("admin:integrations_webhook_changelist")).content.decode()
    assert "Failed (will retry) (HTTP 500)" in hooks
    url = reverse("admin:integrations_delivery_changelist")
    failed = admin_client.get(url, {"status__exact": "failed"}).content.decode()
    assert "Failed (will retry)" in failed
    assert "0 deliveries" in admin_client.get(url, {"status__exact": "delivered"}).content.decode()
    delivery = Delivery.objects.get()
    assert (
        admin_client.get(
            reverse("admin:integrations_delivery_change", args=[delivery.pk])
        ).status_code
        == 200
    )


def test_the_admin_sends_a_given_up_delivery_again(admin_client, hook):
    delivery = queued(hook)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.GAVE_UP, attempts=6, next_attempt_at=None
    )
    admin_client.post(
        reverse("admin:integrations_delivery_changelist"),
        {"action": "retry_now", "_selected_action": [delivery.pk]},
    )
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 0
    assert delivery.next_attempt_at <= timezone.now()
    assert json.dumps(delivery.payload)

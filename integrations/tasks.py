"""Background work of webhooks, run by Celery workers (`make worker`, beat each minute)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from kombu.exceptions import OperationalError

from ingest.tasks import queue_configured
from integrations import delivery, push
from integrations.models import Delivery
from newsroom.celery import app

logger = logging.getLogger(__name__)

BATCH = 1000  # deliveries handed out per beat; the next beat takes the rest
EXPIRES = 120  # seconds: by then the next beat has queued a still-due delivery again


@app.task(ignore_result=True)
def enqueue_due_deliveries() -> int:
    """Scan for reports to push, then hand every due delivery to a worker of its own."""
    push.scan()
    due = Delivery.objects.due().order_by("next_attempt_at", "pk")
    pks = list(due.values_list("pk", flat=True)[:BATCH])
    hand_to_workers(pks)
    return len(pks)


@app.task(ignore_result=True)
def deliver(delivery_id: int) -> str:
    """Send one delivery (unless it is not due, or another worker is sending it)."""
    return delivery.deliver(delivery_id)


def hand_to_workers(pks: Iterable[int]) -> None:
    """Queue deliveries for workers; with no queue they wait, due, for `send_webhooks`.

    Never runs them in-process (as eager tasks would): a request must not wait on
    someone else's server.
    """
    if not queue_configured() or settings.CELERY_TASK_ALWAYS_EAGER:
        return
    try:
        for pk in pks:
            deliver.apply_async(args=(pk,), expires=EXPIRES)
    except OperationalError as error:  # they stay due: the next beat hands them out
        logger.warning("Webhook deliveries left for the next beat: %s", error)

"""Background work of the wire desk, run by Celery workers (`make worker`)."""

from __future__ import annotations

import base64
from collections import Counter
from typing import TYPE_CHECKING, Any, cast

from celery import Task
from django.conf import settings
from django.contrib.auth import get_user_model
from kombu.exceptions import OperationalError

from ingest.batch import import_reports
from ingest.dedupe import shared_memo
from ingest.models import WireSource
from ingest.polling import poll_source
from ingest.reading import read_reports
from newsroom.celery import app

if TYPE_CHECKING:
    from ingest.importer import ImportOutcome


class QueueUnavailable(Exception):
    """No task queue is configured, or its broker cannot be reached."""


def queue_configured() -> bool:
    """Return whether background work can be handed to a queue (or runs eagerly, in tests)."""
    return bool(settings.CELERY_TASK_ALWAYS_EAGER or settings.CELERY_BROKER_URL)


def enqueue(task: Task, *args: Any, expires: int | None = None) -> None:
    """Hand a task to the queue; raise QueueUnavailable with a reason editors can act on.

    `expires` (seconds) drops a task no worker has started by then.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:  # read at call time, so tests may switch it
        task.apply(args=args, throw=True)
        return
    if not settings.CELERY_BROKER_URL:
        raise QueueUnavailable("No task queue is configured (set REDIS_URL and start a worker).")
    try:
        if expires is None:
            task.delay(*args)
        else:
            task.apply_async(args=args, expires=expires)
    except OperationalError as error:
        raise QueueUnavailable(f"The task queue could not be reached ({error}).") from None


@app.task(ignore_result=True)
def poll_due_sources() -> int:
    """Hand every due source to a worker of its own (the beat schedule runs this each minute)."""
    due = list(WireSource.objects.due().values_list("pk", flat=True))
    for pk in due:  # stale after two minutes: by then the next beat has queued it again
        enqueue(poll_wire_source, pk, expires=120)
    return len(due)


@app.task(ignore_result=True)
def poll_wire_source(pk: int, force: bool = False) -> str:
    """Poll one source, unless another worker holds it (or, not forced, it is not due)."""
    sources = WireSource.objects.all() if force else WireSource.objects.due()
    source = sources.claim(pk)
    if source is None:
        return "skipped: not due, or another worker has it"
    return str(poll_source(source))


@app.task(ignore_result=True)
def import_feed(payload: str, filename: str, format: str, user_id: int | None) -> str:
    """Import every item of a feed handed over by the import screen (too big for a request)."""
    by = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    counts: Counter[str] = Counter()
    reports = read_reports(base64.b64decode(payload), filename=filename, format=format)
    imported = import_reports(reports, by=by, source=filename or "import form", memo=shared_memo)
    for item in imported:
        counts["failed" if item.error else cast("ImportOutcome", item.outcome).action] += 1
    return ", ".join(f"{n} {action}" for action, n in counts.items())

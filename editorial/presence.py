"""Who else has a record open for editing (a soft warning, kept in the shared cache)."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import models

WINDOW = 5 * 60  # seconds: an open change page counts as "editing" this long


def _key(obj: models.Model) -> str:
    return f"editing:{obj._meta.label_lower}:{obj.pk}"


def mark_editing(obj: models.Model, user) -> None:
    """Note that user has obj open now."""
    now = time.time()
    editors = {k: v for k, v in cache.get(_key(obj), {}).items() if now - v[1] < WINDOW}
    editors[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(_key(obj), editors, WINDOW)


def others_editing(obj: models.Model, user) -> list[tuple[str, int]]:
    """Return (name, minutes ago) for other users who opened obj in the last few minutes."""
    now = time.time()
    return [
        (name, int((now - seen) // 60))
        for pk, (name, seen) in cache.get(_key(obj), {}).items()
        if pk != user.pk and now - seen < WINDOW
    ]

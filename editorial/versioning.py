"""Optimistic locking: refuse a save based on an out-of-date copy of a record.

Every versioned model carries a `version` that grows on each save. A form (or,
later, an API request with If-Match) says which version it was based on;
`ensure_current()` compares it with the row, locked for the rest of the
transaction, and raises `StaleVersion` naming who changed it and when.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models


@dataclass
class StaleVersion(Exception):
    expected: int
    current: int
    changed_by: str
    changed_at: datetime.datetime | None

    def __str__(self) -> str:
        when = self.changed_at.strftime("%-d %b %Y, %H:%M %Z") if self.changed_at else "?"
        return (
            f"{self.changed_by} changed this report at {when}, after you opened it "
            f"(you edited version {self.expected}; it is now version {self.current})."
        )


def ensure_current(model: type[models.Model], pk, expected: int) -> None:
    """Raise StaleVersion unless the row is still at the expected version (row locked)."""
    row = (
        model._default_manager.select_for_update(of=("self",))
        .filter(pk=pk)
        .values("version", "updated_at", "updated_by__username")
        .first()
    )
    if row is None or row["version"] == expected:
        return
    raise StaleVersion(
        expected=expected,
        current=row["version"],
        changed_by=row["updated_by__username"] or "Someone",
        changed_at=row["updated_at"],
    )

"""Send reads to a read replica, everything else to the primary (DATABASE_REPLICA_URL).

A replica lags the primary by a moment, so reads stay on the primary wherever that
matters: inside a transaction (whatever reads there is about to write), for the apps
that sign people in and record admin actions, and inside `use_primary()`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections
from django.db.models import Model

PRIMARY = "default"
REPLICA = "replica"
PRIMARY_APPS = frozenset({"auth", "sessions", "admin", "contenttypes"})

_primary_forced: ContextVar[bool] = ContextVar("newsroom_primary_forced", default=False)


@contextmanager
def use_primary() -> Iterator[None]:
    """Read from the primary inside this block (also usable as a decorator)."""
    token = _primary_forced.set(True)
    try:
        yield
    finally:
        _primary_forced.reset(token)


class ReplicaRouter:
    """Reads to `replica` unless they must see the latest writes; writes to `default`."""

    def db_for_read(self, model: type[Model], **hints: object) -> str:
        """Return the replica, or the primary where a read must see the latest writes."""
        if (
            model._meta.app_label in PRIMARY_APPS
            or _primary_forced.get()
            or connections[PRIMARY].in_atomic_block
        ):
            return PRIMARY
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: object) -> str:
        """Return the primary: the replica is read-only."""
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints: object) -> bool:
        """Allow every relation: both aliases hold the same data."""
        return True

    def allow_migrate(
        self, db: str, app_label: str, model_name: str | None = None, **hints: object
    ) -> bool:
        """Migrate the primary only; the replica follows it by replication."""
        return db == PRIMARY

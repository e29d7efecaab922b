"""Revision history for models (django-simple-history), one revision per editorial save."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, router
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.signals import (
    post_create_historical_m2m_records,
    post_create_historical_record,
    pre_create_historical_m2m_records,
    pre_create_historical_record,
)
from simple_history.utils import get_change_reason_from_object, get_m2m_field_name

from newsroom.sql import rows_table

REVISION_SIGNALS = (
    pre_create_historical_record,
    post_create_historical_record,
    pre_create_historical_m2m_records,
    post_create_historical_m2m_records,
)
BATCH = 1000  # revisions per statement (SQLite counts the parameters of a VALUES list)


@dataclass
class PendingRevision:
    """The revision `one_revision` writes when its block ends; the block may narrow
    `m2m_fields` to the many-to-many fields that have rows (it knows, having written them)."""

    instance: models.Model
    created: bool = False
    m2m_fields: Iterable[str] | None = None


@contextmanager
def one_revision(
    instance: models.Model, *, by: Any = None, created: bool = False
) -> Iterator[PendingRevision]:
    """Make every save of `instance` and of its tags inside the block one revision.

    The one way to save a record with its many-to-many fields as a single revision (the
    admin's forms, the importer, restore and merge): saves inside the block write none,
    and the revision — many-to-many rows included — is written when the block ends, by
    `by` if given. If the block raises, nothing is recorded. A model that keeps no
    history (no `Revisions`) just runs the block.

        with one_revision(article, by=user):
            article.save()
            article.events.set(events)
    """
    revisions: Revisions | None = getattr(type(instance), "_revisions", None)
    pending = PendingRevision(instance, created=created)
    if revisions is None:
        yield pending
        return
    instance.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        yield pending
    finally:
        del instance.skip_history_when_saving  # type: ignore[attr-defined]
    if by is not None:
        instance._history_user = by  # type: ignore[attr-defined]
    revisions.record(instance, created=pending.created, m2m_fields=pending.m2m_fields)


class Revisions(HistoricalRecords):
    """HistoricalRecords that the model can reach, to record one revision after a form
    has saved both the record and its many-to-many fields (see `TrackedAdmin`)."""

    def contribute_to_class(self, cls, name) -> None:
        super().contribute_to_class(cls, name)
        cls._revisions = self

    def record(
        self,
        instance: models.Model,
        *,
        created: bool = False,
        m2m_fields: Iterable[str] | None = None,
    ) -> None:
        """Write a revision of instance as it is now, many-to-many fields included.

        `m2m_fields` names the only many-to-many fields that have rows, when the caller
        knows (it has just written them all, as an import does): the others are skipped.
        """
        # A per-call attribute on any model instance, read by create_historical_record_m2ms
        instance._revision_m2m_fields = (  # type: ignore[attr-defined]
            None if m2m_fields is None else set(m2m_fields)
        )
        try:
            self.create_historical_record(instance, "+" if created else "~")
        finally:
            del instance._revision_m2m_fields  # type: ignore[attr-defined]  # set above

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs) -> None:
        # From the other side (event.articles.add(...)) `instance` is not a record of this
        # model: simple-history would write a bogus revision of it. Revisions are per report.
        if reverse:
            return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)

    def create_historical_record_m2ms(self, history_instance, instance) -> None:
        """Copy each many-to-many field's rows into the revision, inside the database.

        One INSERT … SELECT per field, whatever the number of rows. simple-history instead
        rebuilds the record from the revision, reads the rows with their targets and
        writes them back (a query per field and a row object per tag); its way is kept
        for when something listens to its many-to-many signals.
        """
        if any(
            signal.has_listeners(self.m2m_models[field])
            for signal in (pre_create_historical_m2m_records, post_create_historical_m2m_records)
            for field in history_instance._history_m2m_fields
        ):
            super().create_historical_record_m2ms(history_instance, instance)
            return
        only = getattr(instance, "_revision_m2m_fields", None)
        for field in history_instance._history_m2m_fields:
            if only is None or field.name in only:
                _copy_m2m_rows(
                    field,
                    self.m2m_models[field],
                    [(history_instance.pk, instance.pk)],
                    history_instance._state.db or DEFAULT_DB_ALIAS,
                )

    def record_new(
        self, instances: Sequence[models.Model], m2m_fields: Sequence[Iterable[str]]
    ) -> None:
        """Write the first revision of records just inserted in bulk, in a few statements.

        `m2m_fields[i]` names the many-to-many fields instances[i] has rows in. The
        revisions are copied from the records' rows inside the database (one INSERT …
        SELECT), with the date, author and reason simple-history's `bulk_history_create`
        gives each; then each field's rows are copied for all at once.
        """
        if not instances or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        history_model = getattr(self.cls, self.manager_name).model
        # simple-history keeps one registry of many-to-many histories for all models
        own = {f: model for f, model in self.m2m_models.items() if f.model is self.cls}
        senders = [history_model, *own.values()]
        listened = any(s.has_listeners(sender) for s in REVISION_SIGNALS for sender in senders)
        if listened or hasattr(history_model, "history_relation"):
            for instance, fields in zip(instances, m2m_fields, strict=True):  # as they expect
                self.record(instance, created=True, m2m_fields=fields)
            return
        using = router.db_for_write(history_model, instance=instances[0])
        revisions = self._copy_new_rows(history_model, instances, connections[using])
        for field, m2m_history in own.items():
            pairs = [
                (revisions[instance.pk], instance.pk)
                for instance, fields in zip(instances, m2m_fields, strict=True)
                if field.name in fields
            ]
            if pairs:
                _copy_m2m_rows(field, m2m_history, pairs, using)

    def _copy_new_rows(
        self, history_model: type[models.Model], instances: Sequence[models.Model], connection
    ) -> dict[Any, Any]:
        """Insert a "+" revision of each record, its fields read from its row, in the
        records' order; return each record's revision key, by record key."""
        qn, source, target = connection.ops.quote_name, self.cls._meta, history_model._meta

        def column(meta, name: str) -> str:
            return qn(cast(models.Field, meta.get_field(name)).column)

        tracked = [f.name for f in history_model.tracked_fields]  # type: ignore[attr-defined]
        extra = ["history_date", "history_user", "history_change_reason"]
        columns = [column(target, name) for name in (*tracked, *extra, "history_type")]
        copied = ", ".join(f"t.{column(source, name)}" for name in tracked)
        insert = (
            f"INSERT INTO {qn(target.db_table)} ({', '.join(columns)}) "
            f"SELECT {copied}, v.column2, v.column3, v.column4, '+' "
            f"FROM {qn(source.db_table)} t JOIN "
        )
        pk = source.pk.name
        returning = (
            f" ON t.{column(source, pk)} = v.column1 ORDER BY v.column5 "
            f"RETURNING {column(target, target.pk.name)}, {column(target, pk)}"
        )
        fields = [cast(models.Field, target.get_field(name)) for name in extra]
        rows = [
            (instance.pk, *self._revision_of(instance, fields, connection), position)
            for position, instance in enumerate(instances)
        ]
        keys = [source.pk, *fields, models.IntegerField()]
        revisions: dict[Any, Any] = {}
        for start in range(0, len(rows), BATCH):
            table, params = rows_table(connection, keys, rows[start : start + BATCH])
            with connection.cursor() as cursor:
                cursor.execute(insert + table + returning, params)
                revisions.update((pk, revision) for revision, pk in cursor.fetchall())
        return revisions

    def _revision_of(
        self, instance: models.Model, fields: list[models.Field], connection
    ) -> list[Any]:
        """Return the date, author and reason of a new revision of instance as
        simple-history's `bulk_history_create` gives them, ready for the database."""
        user = self.get_history_user(instance)
        values = (
            instance._history_date if hasattr(instance, "_history_date") else timezone.now(),
            user.pk if user is not None else None,
            get_change_reason_from_object(instance) or None,
        )
        return [f.get_db_prep_save(v, connection) for f, v in zip(fields, values, strict=True)]


def _copy_m2m_rows(field, history_model, pairs: list[tuple[Any, Any]], using: str) -> None:
    """Copy the rows of one many-to-many field of each instance into its revision's table.

    `pairs` holds (revision key, instance key): one INSERT … SELECT whatever the number of
    rows.
    """
    through = field.remote_field.through
    connection = connections[using]
    qn = connection.ops.quote_name
    fields = through._meta.concrete_fields
    source = ", ".join(f"t.{qn(f.column)}" for f in fields)
    target = ", ".join(qn(history_model._meta.get_field(f.name).column) for f in fields)
    owner = through._meta.get_field(get_m2m_field_name(field)).column
    revision = history_model._meta.get_field("history").column
    keys = [history_model._meta.get_field("history").target_field, field.model._meta.pk]
    rows, params = rows_table(connection, keys, pairs)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn(history_model._meta.db_table)} ({target}, {qn(revision)}) "
            f"SELECT {source}, v.column1 FROM {qn(through._meta.db_table)} t "
            f"JOIN {rows} ON t.{qn(owner)} = v.column2",
            params,
        )

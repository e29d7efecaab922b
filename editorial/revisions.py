"""Revision history for models (django-simple-history), one revision per editorial save."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connections, models
from simple_history.models import HistoricalRecords
from simple_history.signals import (
    post_create_historical_m2m_records,
    post_create_historical_record,
    pre_create_historical_m2m_records,
    pre_create_historical_record,
)
from simple_history.utils import get_m2m_field_name

from newsroom.sql import rows_table

REVISION_SIGNALS = (
    pre_create_historical_record,
    post_create_historical_record,
    pre_create_historical_m2m_records,
    post_create_historical_m2m_records,
)


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
                _copy_m2m_rows(field, self.m2m_models[field], [(history_instance, instance)])

    def record_new(
        self, instances: Sequence[models.Model], m2m_fields: Sequence[Iterable[str]]
    ) -> None:
        """Write the first revision of records just inserted in bulk, in a few statements.

        `m2m_fields[i]` names the many-to-many fields instances[i] has rows in. Revisions
        of many records are one insert, and each field's rows are copied for all at once.
        """
        if not instances:
            return
        manager = getattr(self.cls, self.manager_name)
        # simple-history keeps one registry of many-to-many histories for all models
        own = {f: model for f, model in self.m2m_models.items() if f.model is self.cls}
        senders = [manager.model, *own.values()]
        if any(s.has_listeners(sender) for s in REVISION_SIGNALS for sender in senders):
            for instance, fields in zip(instances, m2m_fields, strict=True):  # as they expect
                self.record(instance, created=True, m2m_fields=fields)
            return
        revisions = manager.bulk_history_create(instances, default_change_reason=None)
        if revisions is None:  # history is switched off (SIMPLE_HISTORY_ENABLED)
            return
        for field, history_model in own.items():
            pairs = [
                (revision, instance)
                for revision, instance, fields in zip(revisions, instances, m2m_fields, strict=True)
                if field.name in fields
            ]
            if pairs:
                _copy_m2m_rows(field, history_model, pairs)


def _copy_m2m_rows(field, history_model, pairs: list[tuple[models.Model, models.Model]]) -> None:
    """Copy the rows of one many-to-many field of each instance into its revision's table.

    `pairs` holds (revision, instance): one INSERT … SELECT whatever the number of rows.
    """
    through = field.remote_field.through
    connection = connections[pairs[0][0]._state.db or "default"]
    qn = connection.ops.quote_name
    fields = through._meta.concrete_fields
    source = ", ".join(f"t.{qn(f.column)}" for f in fields)
    target = ", ".join(qn(history_model._meta.get_field(f.name).column) for f in fields)
    owner = through._meta.get_field(get_m2m_field_name(field)).column
    revision = history_model._meta.get_field("history").column
    keys = [history_model._meta.pk, type(pairs[0][1])._meta.pk]
    rows, params = rows_table(connection, keys, [(r.pk, i.pk) for r, i in pairs])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn(history_model._meta.db_table)} ({target}, {qn(revision)}) "
            f"SELECT {source}, v.column1 FROM {qn(through._meta.db_table)} t "
            f"JOIN {rows} ON t.{qn(owner)} = v.column2",
            params,
        )

"""A report's public answer names its tags, agency and dateline by name and slug: when
such a record is renamed, gets a new slug, absorbs another in a merge, or is deleted,
the reports about it change for the public though no one edited them. They are marked
changed (`updated_at`), so the sync stream sends them again, and their ETags, cards and
sitemap entries move on."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from articles.models import Article, ArticleQuerySet
from events.models import Event
from organizations.models import Organization, Person
from places.models import City, Country

# The record kinds a report names, by the `about()` keyword that finds its reports.
KINDS: dict[type[models.Model], str] = {
    Country: "country", Event: "event", Organization: "organization", Person: "person",
}  # fmt: skip
SHOWN = ("name", "slug")  # what a report's answer prints of a record


def reports_naming(record: models.Model) -> ArticleQuerySet:
    """Return the public reports whose answer names a record (a city: as their dateline's)."""
    if isinstance(record, City):
        return Article.objects.published().filter(dateline_city=record)
    return Article.objects.published().about(**{KINDS[type(record)]: record})


def mark_reports_changed(record: models.Model) -> int:
    """Mark the public reports about a record changed now; return how many."""
    return _mark_changed(reports_naming(record).order_by().values("pk"))


def _mark_changed(ids: Iterable[int] | QuerySet) -> int:
    return Article.objects.filter(pk__in=ids).update(updated_at=timezone.now())


def _noting_shown_change(sender, instance: models.Model, raw: bool = False, **kwargs) -> None:
    fields = [f for f in SHOWN if hasattr(instance, f)]
    if raw or instance.pk is None or not fields:
        return
    before = sender._base_manager.filter(pk=instance.pk).values(*fields).first()
    instance._shown_changed = before is not None and any(  # type: ignore[attr-defined]
        before[f] != getattr(instance, f) for f in fields
    )


def _marking_after_save(sender, instance: models.Model, raw: bool = False, **kwargs) -> None:
    if not raw and getattr(instance, "_shown_changed", False):
        instance._shown_changed = False  # type: ignore[attr-defined]
        transaction.on_commit(lambda: mark_reports_changed(instance))


def _merged(sender, keep: models.Model, **kwargs) -> None:
    if type(keep) in KINDS:  # the duplicates' reports now name the kept record
        transaction.on_commit(lambda: mark_reports_changed(keep))


def _noting_reports_before_delete(sender, instance: models.Model, **kwargs) -> None:
    # Read now: the tag rows and coverage that find the reports go with the record.
    reports = reports_naming(instance).order_by().values_list("pk", flat=True)
    instance._named_by = list(reports)  # type: ignore[attr-defined]


def _marking_after_delete(sender, instance: models.Model, **kwargs) -> None:
    ids = getattr(instance, "_named_by", [])
    if ids:
        transaction.on_commit(lambda: _mark_changed(ids))


def register_signals() -> None:
    """Connect the receivers (called from AppConfig.ready)."""
    from editorial.merge import records_merged

    for model in KINDS:
        uid = f"tag-changes-{model._meta.label_lower}"
        pre_save.connect(_noting_shown_change, sender=model, dispatch_uid=f"{uid}-pre")
        post_save.connect(_marking_after_save, sender=model, dispatch_uid=f"{uid}-post")
    records_merged.connect(_merged, dispatch_uid="tag-changes-merged")
    deletable_kinds: list[type[models.Model]] = [*KINDS, City]
    for deletable in deletable_kinds:
        uid = f"tag-changes-deleted-{deletable._meta.label_lower}"
        pre_delete.connect(
            _noting_reports_before_delete, sender=deletable, dispatch_uid=f"{uid}-pre"
        )
        post_delete.connect(_marking_after_delete, sender=deletable, dispatch_uid=f"{uid}-post")

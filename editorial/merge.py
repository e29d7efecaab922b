"""Merge duplicate registry records (people, organizations, events, cities) into one."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import IntegrityError, models, transaction
from django.dispatch import Signal

from editorial.models import Action, record_action
from editorial.revisions import one_revision
from newsroom.fields import clean_names

# Sent with `keep` after references moved onto it (indexes over those references listen).
records_merged = Signal()


class MergeError(ValueError):
    """The records cannot be merged (different kinds, or nothing to merge)."""


@transaction.atomic
def merge_records(keep: models.Model, duplicates: list[models.Model], *, by) -> models.Model:
    """Move everything that points at the duplicates to `keep`, then delete them.

    Tags, participations, affiliations and every other reference move over; the
    duplicates' names become aliases of the kept record; their public pages
    redirect (301) to the kept one; the merge is recorded in the audit trail.
    """
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    if not duplicates:
        raise MergeError("Choose at least two different records to merge.")
    if any(type(d) is not type(keep) for d in duplicates):
        raise MergeError("Only records of the same kind can be merged.")
    names = []
    for duplicate in duplicates:
        _move_references(keep, duplicate)
        names += _names_of(duplicate)
        _redirect(duplicate, keep)
        note = f"Merged “{duplicate}” (#{duplicate.pk}) into this record."
        record_action(Action.MERGED, keep, by=by, note=note)
        duplicate.delete()
    keep.refresh_from_db()  # references moved in the database, perhaps onto keep itself
    _drop_self_references(keep)
    _take_names(keep, names)
    if hasattr(keep, "updated_by"):
        keep.updated_by = by
    with one_revision(keep, by=by):
        keep.save()
    records_merged.send(sender=type(keep), keep=keep)
    return keep


def _move_references(keep: models.Model, duplicate: models.Model) -> None:
    """Point every foreign key and many-to-many row at `keep` instead of `duplicate`."""
    opts = duplicate._meta
    for relation in opts.related_objects:
        if relation.many_to_many:
            relation = cast(models.ManyToManyRel, relation)
            assert relation.through is not None  # resolved once the models are loaded
            if relation.through._meta.auto_created:  # explicit ones move as foreign keys
                field = relation.field.m2m_reverse_field_name()
                _move_m2m_rows(relation.through, field, keep, duplicate)
        else:
            _move_fk_rows(relation.related_model, relation.field.name, keep, duplicate)
    for m2m in opts.many_to_many:
        assert m2m.remote_field.through is not None  # resolved once the models are loaded
        if m2m.remote_field.through._meta.auto_created:
            _move_m2m_rows(m2m.remote_field.through, m2m.m2m_field_name(), keep, duplicate)


def _move_fk_rows(model: type[models.Model], field: str, keep, duplicate) -> None:
    for row in model._base_manager.filter(**{field: duplicate}):
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=row.pk).update(**{field: keep})
        except IntegrityError:
            # A link the kept record already has (same participation, same affiliation) is
            # dropped; anything else (two reports with one agency item id) stops the merge.
            if not getattr(model, "merge_drops_duplicates", False):
                raise MergeError(
                    f"Cannot merge: both records have a {model._meta.verbose_name} that would "
                    f"clash (“{row}”). Resolve it first."
                ) from None
            row.delete()


def _move_m2m_rows(through: type[Any], field: str, keep, duplicate) -> None:
    other = next(f.name for f in through._meta.fields if f.is_relation and f.name != field)
    already = set(through.objects.filter(**{field: keep}).values_list(f"{other}_id", flat=True))
    rows = through.objects.filter(**{field: duplicate})
    rows.filter(**{f"{other}_id__in": already}).delete()
    rows.update(**{field: keep})


def _names_of(record: models.Model) -> list[str]:
    names = [getattr(record, "name", ""), getattr(record, "short_name", "")]
    return [*names, *getattr(record, "aliases", [])]


def _take_names(keep: models.Model, names: list[str]) -> None:
    if not hasattr(keep, "aliases"):
        return
    own = {n.casefold() for n in [getattr(keep, "name", ""), getattr(keep, "short_name", "")] if n}
    keep.aliases = [n for n in clean_names([*keep.aliases, *names]) if n.casefold() not in own]


def _drop_self_references(keep: models.Model) -> None:
    """A child merged into its parent (or back) must not become its own parent."""
    for field in keep._meta.concrete_fields:
        own_model = field.is_relation and field.related_model is type(keep)
        if own_model and getattr(keep, field.attname) == keep.pk:
            setattr(keep, field.attname, None)


def _redirect(duplicate: models.Model, keep: models.Model) -> None:
    if not hasattr(duplicate, "get_absolute_url") or not hasattr(keep, "get_absolute_url"):
        return
    site = Site.objects.get_current()
    old, new = duplicate.get_absolute_url(), keep.get_absolute_url()
    Redirect.objects.filter(site=site, new_path=old).update(new_path=new)  # earlier merges too
    Redirect.objects.update_or_create(site=site, old_path=old, defaults={"new_path": new})

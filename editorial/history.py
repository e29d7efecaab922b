"""Revision history in the admin: a field-by-field diff of any two revisions, and restore."""

from __future__ import annotations

import difflib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_m2m_reverse_field_name

from editorial.models import Action, record_action
from editorial.revisions import one_revision
from newsroom.admin import bound_to

SKIPPED = {"id", "version", "created_at", "created_by", "updated_at", "updated_by"}
# Restoring brings back what a report said, not where it stands: its status, times and
# address stay as they are (a restore must not publish, unpublish or move a report).
NOT_RESTORED = SKIPPED | {
    "slug", "status", "published_at", "embargo_until", "published_by",
    "withdrawn_at", "withdrawn_by", "withdrawal_reason",
    "fingerprint", "ingest_checksum", "ingest_version",
}  # fmt: skip


def restore_revision(record, *, by) -> models.Model:
    """Bring an object's content back to a historical revision, as one new revision.

    References to records deleted since (merged away) are left out rather than restored.
    """
    current = type(record.instance)._default_manager.get(pk=record.instance.pk)
    with transaction.atomic():
        for field in type(current)._meta.concrete_fields:
            if field.name in NOT_RESTORED or not field.editable:
                continue
            value = getattr(record, field.attname, None)
            gone = field.is_relation and value is not None and not _exists(field, value)
            if not gone:
                setattr(current, field.attname, value)
        if hasattr(current, "updated_by"):
            current.updated_by = by
        with one_revision(current, by=by):
            current.save()
            for field in record._history_m2m_fields:
                target = get_m2m_reverse_field_name(field)
                ids = [getattr(row, f"{target}_id") for row in getattr(record, field.name).all()]
                existing = field.related_model._default_manager.filter(pk__in=ids)
                getattr(current, field.name).set(existing)
        when = f"{record.history_date:%Y-%m-%d %H:%M}"
        record_action(Action.RESTORED, current, by=by, note=f"Restored the revision of {when}.")
    return current


def _exists(field: models.Field, pk) -> bool:
    assert field.related_model is not None  # called for relations only
    return field.related_model._default_manager.filter(pk=pk).exists()


def diff_rows(old, new) -> list[dict]:
    """Return one row per changed field: label, old and new values, and a word diff for text."""
    delta = new.diff_against(old, foreign_keys_are_objs=True)
    model = new.instance_type
    rows = []
    for change in delta.changes:
        if change.field in SKIPPED:
            continue
        field = model._meta.get_field(change.field)
        if field.many_to_many:
            before, after = _m2m_names(field, change.old), _m2m_names(field, change.new)
            rows.append({"label": field.verbose_name, "old": before, "new": after, "diff": None})
            continue
        before, after = _display(change.old), _display(change.new)
        long_text = isinstance(field, models.TextField) or len(before) + len(after) > 120
        diff = word_diff(strip_tags(before), strip_tags(after)) if long_text else None
        rows.append({"label": field.verbose_name, "old": before, "new": after, "diff": diff})
    return rows


def _display(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "—"
    return str(value)


def _m2m_names(field: models.ManyToManyField, rows) -> str:
    target = get_m2m_reverse_field_name(field)
    return ", ".join(sorted(str(row[target]) for row in rows or [])) or "—"


def word_diff(old: str, new: str) -> SafeString:
    """Mark words removed (<del>) and added (<ins>) between two texts."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
    return mark_safe(" ".join(out))


class HistoryAdmin(SimpleHistoryAdmin):
    """Revision list with compare-any-two and restore, on top of django-simple-history."""

    object_history_list_template = "admin/history/object_history_list.html"
    history_list_display = ["history_change_reason"]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(bound_to(self, compare_view)),
                name=f"{prefix}_history_compare",
            ),
            path(
                "<path:object_id>/history/<int:history_id>/restore/",
                view(require_POST(bound_to(self, restore_view))),
                name=f"{prefix}_history_restore",
            ),
            *super().get_urls(),
        ]

    def has_restore_permission(self, request: HttpRequest, obj: models.Model) -> bool:
        """Return whether the user may make an earlier revision of obj the newest."""
        return self.has_change_permission(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        can_restore = obj is not None and self.has_restore_permission(request, obj)
        extra_context = {**(extra_context or {}), "can_restore": can_restore}
        return super().history_view(request, object_id, extra_context)

    def revert_disabled(self, request, obj=None) -> bool:
        return True  # restoring goes through restore_view: a new revision, audited


def compare_view(request: HttpRequest, model_admin: HistoryAdmin, object_id: str) -> HttpResponse:
    """Show the field-by-field difference between two revisions (old → new)."""
    obj = model_admin.get_object(request, object_id)
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    records = obj.history.all()
    try:
        old = records.get(pk=request.GET.get("old"))
        new = records.get(pk=request.GET.get("new"))
    except (records.model.DoesNotExist, ValueError):
        raise Http404("Choose two revisions of this record.") from None
    if old.history_date > new.history_date:
        old, new = new, old
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "object": obj,
        "title": f"Changes to “{obj}”",
        "old": old,
        "new": new,
        "rows": diff_rows(old, new),
        "can_restore": model_admin.has_restore_permission(request, obj),
    }
    return TemplateResponse(request, "admin/history/compare.html", context)


def restore_view(
    request: HttpRequest, model_admin: HistoryAdmin, object_id: str, history_id: int
) -> HttpResponse:
    """Restore a revision (it becomes the newest revision)."""
    obj = model_admin.get_object(request, object_id)
    if obj is None:
        raise Http404
    if not model_admin.has_restore_permission(request, obj):
        raise PermissionDenied
    record = get_object_or_404(obj.history.all(), pk=history_id)
    restore_revision(record, by=request.user)
    messages.success(request, f"Restored the revision of {record.history_date:%d %b %Y, %H:%M}.")
    change = f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_change"
    return HttpResponseRedirect(reverse(change, args=[obj.pk]))

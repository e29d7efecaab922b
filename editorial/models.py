"""The audit trail of editorial decisions: who published, withdrew, lifted, merged and when."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Action(models.TextChoices):
    SUBMITTED = "submitted", "Submitted for review"
    PUBLISHED = "published", "Published"
    SCHEDULED = "scheduled", "Scheduled"
    RETURNED = "returned", "Returned to draft"
    WITHDRAWN = "withdrawn", "Withdrawn"
    EMBARGO_LIFTED = "embargo_lifted", "Embargo lifted"
    MERGED = "merged", "Merged"
    RESTORED = "restored", "Revision restored"


class EditorialAction(models.Model):
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=500)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="action_object_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"


def record_action(action: str, obj: models.Model, *, by, note: str = "") -> EditorialAction:
    """Write one entry of the editorial audit trail."""
    return EditorialAction.objects.create(
        action=action,
        actor=by if getattr(by, "pk", None) else None,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:500],
        note=note,
    )

"""Wire versions held back for an editor, because the report was changed locally."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


class IncomingStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    APPLIED = "applied", "Applied"
    DISMISSED = "dismissed", "Dismissed"


class IncomingVersionQuerySet(models.QuerySet):
    def pending(self) -> IncomingVersionQuerySet:
        """Keep versions no editor has decided on yet."""
        return self.filter(status=IncomingStatus.PENDING)


class IncomingVersion(models.Model):
    """A newer wire version of a report an editor has edited: kept, never applied silently."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="incoming_versions"
    )
    received_at = models.DateTimeField(default=timezone.now)
    agency_version = models.CharField(max_length=64, blank=True)
    headline = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    dateline_raw = models.CharField(max_length=255, blank=True)
    source = models.CharField(
        max_length=255, blank=True, help_text="File, feed or form it came from."
    )
    status = models.CharField(
        max_length=12, choices=IncomingStatus.choices, default=IncomingStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = IncomingVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["article", "status"], name="incoming_article_status_idx")]

    def __str__(self) -> str:
        return f"Wire version of {self.article} received {self.received_at:%Y-%m-%d %H:%M}"

    @transaction.atomic
    def apply(self, *, by) -> None:
        """Replace the report's text with this version (the editor chose the wire's)."""
        from ingest.importer import resolve_dateline

        article = self.article
        for field in ("headline", "summary", "body", "dateline_raw"):
            setattr(article, field, getattr(self, field))
        resolve_dateline(article)
        article.updated_by = by
        article._history_user = by
        article.mark_imported()
        article.save()
        self._decide(IncomingStatus.APPLIED, by)

    def dismiss(self, *, by) -> None:
        """Keep the editor's text and set this version aside."""
        self._decide(IncomingStatus.DISMISSED, by)

    def _decide(self, status: str, by) -> None:
        self.status, self.decided_by, self.decided_at = status, by, timezone.now()
        self.save(update_fields=["status", "decided_by", "decided_at"])

"""Wire sources polled in the background, the wire items they sent, and versions held back."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from organizations.models import Organization, OrganizationKind

if TYPE_CHECKING:
    from ingest.polling import PollResult


class Notice(models.TextChoices):
    """The agency's word that an item must not be used (ninjs and NewsML-G2 `pubStatus`)."""

    CANCELED = "canceled", "Canceled by the agency"
    WITHHELD = "withheld", "Withheld by the agency"


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
    notice = models.CharField(
        max_length=12,
        choices=Notice.choices,
        blank=True,
        help_text="Set when the agency said the item must not be used: a notice, not a text.",
    )
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
        """Replace the report's text with this version (the editor chose the wire's); for
        the agency's notice that it must not be used, withdraw the published report."""
        from ingest.importer import resolve_dateline

        article = self.article
        if self.notice:
            said = "canceled" if self.notice == Notice.CANCELED else "withheld"
            article.withdraw(by=by, reason=f"The agency {said} this report.")  # or refuses
            self._decide(IncomingStatus.APPLIED, by)
            return
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


class WireItem(models.Model):
    """One wire item id as one source names it, and the report it became.

    A source is the agency when it is registered, else the feed or folder address, else
    the provider name the item gives (`dedupe.item_keys`). The unique key makes a second
    import of the same item, even one racing the first, find that report instead of
    writing a second draft.
    """

    source_key = models.CharField(max_length=500)
    item_id = models.CharField(max_length=255)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="wire_items"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_key", "item_id"], name="wireitem_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.item_id} from {self.source_key}"


class WireSourceQuerySet(models.QuerySet):
    def due(self, now: datetime.datetime | None = None) -> WireSourceQuerySet:
        """Keep enabled sources whose next run has come and that no worker holds."""
        now = now or timezone.now()
        return self.filter(
            Q(next_run_at__isnull=True) | Q(next_run_at__lte=now), enabled=True
        ).unclaimed(now)

    def unclaimed(self, now: datetime.datetime | None = None) -> WireSourceQuerySet:
        """Keep sources no worker is polling (or whose worker's claim has lapsed)."""
        now = now or timezone.now()
        return self.filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))

    def claim(self, pk: int, *, now: datetime.datetime | None = None) -> WireSource | None:
        """Claim one source of this queryset for polling; None if another worker has it.

        One conditional UPDATE: on PostgreSQL it re-checks the claim on the locked row,
        on SQLite writes are serialized, so two workers never both win.
        """
        now = now or timezone.now()
        lease = now + datetime.timedelta(minutes=settings.WIRE_POLL_LEASE_MINUTES)
        won = self.filter(pk=pk).unclaimed(now).update(claimed_until=lease)
        return WireSource.objects.get(pk=pk) if won else None


class WireSource(models.Model):
    """A feed URL or a server folder the desk polls for wire reports at an interval."""

    name = models.CharField(max_length=200)
    address = models.CharField(
        max_length=500,
        unique=True,
        help_text="An http(s) feed address, or a folder on the server under WIRE_FOLDER_ROOTS.",
    )
    agency = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="wire_sources",
        limit_choices_to={"kind": OrganizationKind.NEWS_AGENCY},
        help_text="Files reports whose own text names no registered agency.",
    )
    interval = models.PositiveIntegerField(
        "interval (minutes)", default=15, validators=[MinValueValidator(1)]
    )
    enabled = models.BooleanField(default=True)
    next_run_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="Empty: due at once."
    )
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_run_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    items_seen = models.PositiveIntegerField(default=0, editable=False)
    items_created = models.PositiveIntegerField(default=0, editable=False)
    items_updated = models.PositiveIntegerField(default=0, editable=False)
    items_held = models.PositiveIntegerField(default=0, editable=False)
    items_failed = models.PositiveIntegerField(default=0, editable=False)

    objects = WireSourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["enabled", "next_run_at"], name="wiresource_due_idx")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.address = self.address.strip()
        if self.agency_id and cast(Organization, self.agency).kind != OrganizationKind.NEWS_AGENCY:
            raise ValidationError({"agency": "Choose an organization of kind news agency."})
        try:
            self.check_address()
        except ValueError as error:
            raise ValidationError({"address": str(error)}) from None

    @property
    def is_feed(self) -> bool:
        """Return whether the source is fetched over HTTP (else it is a folder)."""
        return "://" in self.address

    def check_address(self) -> Path | None:
        """Refuse an address that is neither an http(s) URL nor a folder under the roots."""
        if self.is_feed:
            scheme = urlsplit(self.address).scheme.lower()
            if scheme not in ("http", "https"):
                raise ValueError(f"Only http:// and https:// feeds can be polled, not {scheme}://.")
            return None
        folder = Path(self.address).resolve()
        roots = [Path(root).resolve() for root in settings.WIRE_FOLDER_ROOTS]
        if not any(folder.is_relative_to(root) for root in roots):
            allowed = ", ".join(map(str, roots)) or "none are set"
            raise ValueError(f"A folder must lie under WIRE_FOLDER_ROOTS ({allowed}).")
        return folder

    def mark_due(self) -> None:
        """Make the source due at once (the next poll takes it)."""
        self.next_run_at = timezone.now()
        self.save(update_fields=["next_run_at"])

    def record_run(self, result: PollResult, *, started: datetime.datetime) -> None:
        """Store a run's counts and error, schedule the next run and release the claim."""
        self.last_run_at = started
        if not result.error:
            self.last_success_at = started
        self.last_error = result.error or result.item_errors_summary()
        self.items_seen, self.items_created = result.seen, result.created
        self.items_updated, self.items_held = result.updated, result.held
        self.items_failed = result.failed
        self.next_run_at = started + datetime.timedelta(minutes=self.interval)
        self.claimed_until = None
        self.save(update_fields=[*RUN_FIELDS, "next_run_at", "claimed_until"])


RUN_FIELDS = [
    "last_run_at", "last_success_at", "last_error", "items_seen", "items_created",
    "items_updated", "items_held", "items_failed",
]  # fmt: skip

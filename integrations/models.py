"""Integrators' API tokens, and the webhooks that push reports to them."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from events.models import Event
from integrations.addresses import validate_webhook_url
from places.models import Country

KEY_BYTES = 32  # 43 url-safe characters
PREFIX_LENGTH = 8
LAST_USED_EVERY = datetime.timedelta(minutes=1)  # how often a token's use is written down


def hash_key(key: str) -> str:
    """Return the SHA-256 hex digest of a key (keys are random and long: no slow hash needed)."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def matching(self, key: str) -> ApiToken | None:
        """Return the token whose key this is (revoked or not), or None."""
        digest = hash_key(key)
        for token in self.select_related("user").filter(key_prefix=key[:PREFIX_LENGTH]):
            if hmac.compare_digest(token.key_hash, digest):
                return token
        return None

    def revoke(self, now: datetime.datetime | None = None) -> int:
        """Revoke the tokens not revoked yet; return how many."""
        return self.filter(revoked_at__isnull=True).update(revoked_at=now or timezone.now())


class ApiToken(models.Model):
    """An integrator's key to the API; the key itself is never stored, only its hash.

    The user it belongs to (an integrator account) decides what it may do: its model
    permissions and groups. One token per user; a new one replaces the old.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_token"
    )
    name = models.CharField(max_length=200, blank=True, help_text="A note: who uses it, for what.")
    key_prefix = models.CharField(
        max_length=PREFIX_LENGTH, db_index=True, editable=False, help_text="The key's start."
    )
    key_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} ({self.key_prefix}…)"

    @property
    def is_revoked(self) -> bool:
        """Return whether the token was revoked."""
        return self.revoked_at is not None

    def issue(self, *, by=None) -> str:
        """Save this new token with a random key, replacing the user's old token; return the
        key (the only time it is known: only its hash is stored)."""
        key = secrets.token_urlsafe(KEY_BYTES)
        self.key_prefix, self.key_hash = key[:PREFIX_LENGTH], hash_key(key)
        self.created_by = by if getattr(by, "pk", None) else None
        with transaction.atomic():
            ApiToken.objects.filter(user_id=self.user_id).exclude(pk=self.pk).delete()
            self.save()
        return key

    def note_use(self, now: datetime.datetime | None = None) -> None:
        """Record that the token was used, at most once a minute (one cheap UPDATE)."""
        now = now or timezone.now()
        stale = now - LAST_USED_EVERY
        if self.last_used_at is not None and self.last_used_at > stale:
            return
        # The WHERE on the old value lets only one of many simultaneous requests write.
        ApiToken.objects.filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lte=stale), pk=self.pk
        ).update(last_used_at=now)
        self.last_used_at = now


def issue_token(user, *, by=None, name: str = "") -> tuple[ApiToken, str]:
    """Give `user` a new token, replacing any they had; return it with its key (shown once)."""
    token = ApiToken(user=user, name=name)
    return token, token.issue(by=by)


class PushEvent(models.TextChoices):
    PUBLISHED = "published", "Published"
    UPDATED = "updated", "Updated"
    WITHDRAWN = "withdrawn", "Withdrawn"


def all_events() -> list[str]:
    """Return every push event (a new webhook's default)."""
    return list(PushEvent.values)


def new_secret() -> str:
    """Return a fresh random signing secret for a webhook."""
    return secrets.token_urlsafe(32)


def validate_events(value: object) -> None:
    """Accept a non-empty list of push events."""
    if not isinstance(value, list) or not value or not set(value) <= set(PushEvent.values):
        raise ValidationError(f"Choose one or more of: {', '.join(PushEvent.values)}.")


class Webhook(models.Model):
    """An address the newsroom POSTs to when a report matching its filters is pushed."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webhooks",
        help_text="The integrator account it belongs to.",
    )  # fmt: skip
    url = models.URLField(
        "URL", max_length=500, validators=[validate_webhook_url],
        help_text="Where reports are POSTed: https://, on a public address.",
    )  # fmt: skip
    secret = models.CharField(
        max_length=100, default=new_secret, editable=False,
        help_text="Signs every delivery (X-Newsroom-Signature); give it to the integrator.",
    )  # fmt: skip
    events = models.JSONField(default=all_events, validators=[validate_events])
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="webhooks",
        help_text="Only reports tagged with or datelined in this country.",
    )  # fmt: skip
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.PROTECT, related_name="webhooks",
        help_text="Only reports tagged with this event.",
    )  # fmt: skip
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.url

    def wants(self, kind: str, *, countries: set[str], event_slugs: set[str]) -> bool:
        """Return whether a push of this kind about a report so tagged is for this webhook."""
        if kind not in self.events:
            return False
        if self.country_id is not None and self.country_id not in countries:
            return False
        return self.event is None or self.event.slug in event_slugs


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed (will retry)"
    GAVE_UP = "gave_up", "Gave up"
    CANCELLED = "cancelled", "Cancelled (report no longer public)"


DUE_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)


class DeliveryQuerySet(models.QuerySet["Delivery"]):
    def due(self, now: datetime.datetime | None = None) -> DeliveryQuerySet:
        """Keep deliveries waiting to be sent whose time has come."""
        return self.filter(status__in=DUE_STATUSES, next_attempt_at__lte=now or timezone.now())


class Delivery(models.Model):
    """One push of one report to one webhook, with its attempts."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=PushEvent.choices)
    version = models.PositiveIntegerField(help_text="The report's version it tells of.")
    payload = models.JSONField(help_text="The report as the API shows it, when enqueued.")
    status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["webhook", "article", "kind", "version"], name="delivery_unique_push"
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status__in=DUE_STATUSES),
                name="delivery_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.article_id} v{self.version} → {self.webhook}"


class PushCursor(models.Model):
    """The one row saying up to when reports were scanned for pushes (a high-water mark)."""

    name = models.CharField(max_length=40, primary_key=True)
    scanned_until = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: {self.scanned_until:%Y-%m-%d %H:%M:%S}"


class PushedArticle(models.Model):
    """What webhooks were last told about a report: the version, and whether it is gone.

    It makes the first push about a report `published` and later ones `updated`, whatever
    webhook (or filter) hears of it, and keeps every change pushed exactly once.
    """

    article = models.OneToOneField(
        Article, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    version = models.PositiveIntegerField()
    withdrawn = models.BooleanField(default=False)
    pushed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"#{self.article_id} v{self.version}{' (withdrawn)' if self.withdrawn else ''}"

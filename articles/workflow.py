"""The editorial workflow of a report: draft → in review → published → withdrawn.

Each transition is a method that checks the user's permission and the current
status, records who and when, saves (a new revision) and writes the audit
trail. Admin actions, forms and the API all call these methods.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from editorial.models import Action, record_action

PUBLISH = "articles.publish_article"
WITHDRAW = "articles.withdraw_article"
LIFT_EMBARGO = "articles.lift_embargo"
RESTORE = "articles.restore_article"
EDIT = "articles.change_article"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class InvalidTransition(ValueError):
    """The report is not in a state this step can start from."""


def require(user, permission: str) -> None:
    """Refuse users without the permission (None means the system itself)."""
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied(
            f"You may not do this ({permission.split('.')[-1].replace('_', ' ')})."
        )


class EditorialWorkflow(models.Model):
    """Status, publishing and withdrawal fields, and the transitions between statuses."""

    status = models.CharField(
        max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT, editable=False
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="A future time schedules the report.",
    )
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Not shown to the public before this time.",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    withdrawal_reason = models.TextField(blank=True, editable=False)

    class Meta:
        abstract = True

    def _move(
        self, status: str, *, by, allowed_from: Collection[str], action: str, note: str = ""
    ) -> None:
        if self.status not in allowed_from:
            raise InvalidTransition(
                f"A report that is {self.get_status_display().lower()} cannot be "
                f"{dict(Action.choices)[action].lower()}."
            )
        self.status = status
        self._save_and_record(action, by=by, note=note)

    def _save_and_record(self, action: str, *, by, note: str = "") -> None:
        """Save (a new revision) and write the audit trail, together or not at all."""
        self.updated_by = by
        with transaction.atomic():
            self.save()
            record_action(action, self, by=by, note=note)

    def submit(self, *, by) -> None:
        """Send a draft to the editors for review."""
        require(by, EDIT)
        self._move(
            ArticleStatus.IN_REVIEW,
            by=by,
            allowed_from={ArticleStatus.DRAFT},
            action=Action.SUBMITTED,
        )

    def return_to_draft(self, *, by) -> None:
        """Send a report in review back to its writer."""
        require(by, EDIT)
        self._move(
            ArticleStatus.DRAFT,
            by=by,
            allowed_from={ArticleStatus.IN_REVIEW},
            action=Action.RETURNED,
        )

    def publish(self, *, by, at: datetime.datetime | None = None) -> None:
        """Publish now, or at `at` (a future time schedules it; no job needed)."""
        require(by, PUBLISH)
        now = timezone.now()
        self.published_at = at or self.published_at or now  # a past time keeps the wire's time
        self.published_by = by
        action = Action.SCHEDULED if self.published_at > now else Action.PUBLISHED
        note = (
            f"Scheduled for {self.published_at:%Y-%m-%d %H:%M %Z}."
            if action == Action.SCHEDULED
            else ""
        )
        allowed = {ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW}
        self._move(ArticleStatus.PUBLISHED, by=by, allowed_from=allowed, action=action, note=note)

    def withdraw(self, *, by, reason: str) -> None:
        """Take a published report down for good; its page then answers 410 Gone."""
        require(by, WITHDRAW)
        if not reason.strip():
            raise InvalidTransition("Say why the report is withdrawn: readers will see the reason.")
        self.withdrawn_at, self.withdrawn_by, self.withdrawal_reason = (
            timezone.now(),
            by,
            reason.strip(),
        )
        allowed = {ArticleStatus.PUBLISHED}
        self._move(
            ArticleStatus.WITHDRAWN,
            by=by,
            allowed_from=allowed,
            action=Action.WITHDRAWN,
            note=reason,
        )

    def lift_embargo(self, *, by) -> None:
        """End the embargo now."""
        require(by, LIFT_EMBARGO)
        if not self.embargo_until or self.embargo_until <= timezone.now():
            raise InvalidTransition("This report is not under embargo.")
        self.embargo_until = timezone.now()
        self._save_and_record(Action.EMBARGO_LIFTED, by=by)

    @property
    def is_embargoed(self) -> bool:
        """Return whether an embargo is still running."""
        return bool(self.embargo_until and self.embargo_until > timezone.now())

    @property
    def is_scheduled(self) -> bool:
        """Return whether the report is published with a publish time still to come."""
        return self.status == ArticleStatus.PUBLISHED and bool(
            self.published_at and self.published_at > timezone.now()
        )

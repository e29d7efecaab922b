"""The editorial workflow of a report: draft → in review → published → withdrawn.

`TRANSITIONS` is the one table of steps: who may take each (permission), from which
statuses, to which status, and what the audit trail records. Each step is a method on
the report that checks the table, records who and when, saves (a new revision) and
writes the audit trail; the admin's buttons (`available_steps`), its bulk actions and
(later) the API all go through these methods. A published report is corrected or
updated by a new report that starts as a draft: `issue_follow_up`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from editorial.models import Action, record_action
from editorial.revisions import one_revision

if TYPE_CHECKING:
    from articles.models import Article

PUBLISH = "articles.publish_article"
WITHDRAW = "articles.withdraw_article"
LIFT_EMBARGO = "articles.lift_embargo"
RESTORE = "articles.restore_article"
EDIT = "articles.change_article"
ADD = "articles.add_article"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


SEEN = "The report is public already: withdraw it to take it down."
NO_EMBARGO = "The report is public already: an embargo no longer applies to it."


class InvalidTransition(ValueError):
    """The report is not in a state this step can start from."""


@dataclass(frozen=True)
class Transition:
    label: str  # the admin's button
    permission: str
    starts: frozenset[str]  # the statuses it may start from
    action: str  # what the audit trail records
    to: str | None = None  # the status it leads to (None: the status stays)


TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(
        "Submit for review", EDIT, frozenset({ArticleStatus.DRAFT}), Action.SUBMITTED,
        ArticleStatus.IN_REVIEW,
    ),
    "return_to_draft": Transition(
        "Return to draft", EDIT, frozenset({ArticleStatus.IN_REVIEW}), Action.RETURNED,
        ArticleStatus.DRAFT,
    ),
    "publish": Transition(
        "Publish", PUBLISH, frozenset({ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW}),
        Action.PUBLISHED, ArticleStatus.PUBLISHED,
    ),
    "withdraw": Transition(
        "Withdraw", WITHDRAW, frozenset({ArticleStatus.PUBLISHED}), Action.WITHDRAWN,
        ArticleStatus.WITHDRAWN,
    ),
    # A withdrawn report's embargo no longer matters: there is nothing left to lift.
    "lift_embargo": Transition(
        "Lift embargo now", LIFT_EMBARGO,
        frozenset({ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED}),
        Action.EMBARGO_LIFTED,
    ),
}  # fmt: skip


def available_steps(user, article: EditorialWorkflow) -> list[tuple[str, str]]:
    """Return the (step, label) buttons this user may press for this report now."""
    return [
        (step, transition.label)
        for step, transition in TRANSITIONS.items()
        if article.status in transition.starts
        and user.has_perm(transition.permission)
        and (step != "lift_embargo" or article.is_embargoed)
    ]


def may_issue_follow_up(user, article: EditorialWorkflow) -> bool:
    """Whether `user` may start a correction or an update of the report: of a published
    one (scheduled or embargoed included), by anyone who may add reports."""
    return article.status == ArticleStatus.PUBLISHED and user.has_perm(ADD)


# A follow-up's kind → the link it sets to the report it follows.
FOLLOW_UPS = {"correction": "correction_of", "update": "update_of"}
# What a follow-up starts with from its report (besides the tags); not its slug, item id,
# source address or correction note: those are its own.
FOLLOW_UP_COPIES = (
    "headline", "summary", "body", "dateline_raw", "dateline_city_id", "dateline_country_id",
    "dateline_date", "language", "agency_id", "byline",
)  # fmt: skip


@transaction.atomic
def issue_follow_up(original: Article, *, kind: str, by) -> tuple[Article, bool]:
    """Start a correction or an update (`kind`) of a published report: a draft by `by`
    with its text, dateline, source and tags, linked to it, saved as one revision.

    Returns the draft and True; or, when a follow-up of the report is already a draft
    or in review, that one and False (two at once would fork the chain).
    """
    require(by, ADD)
    if kind not in FOLLOW_UPS:
        raise InvalidTransition(f"Not a kind of follow-up: {kind}.")
    model = type(original)
    original = model.objects.select_for_update().get(pk=original.pk)  # one click at a time
    if original.status != ArticleStatus.PUBLISHED:
        raise InvalidTransition("Only a published report can be corrected or updated.")
    pending = model.objects.filter(
        Q(correction_of=original) | Q(update_of=original),
        status__in=(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW),
    )
    existing = pending.order_by("pk").first()
    if existing is not None:
        return existing, False
    draft = model(**{field: getattr(original, field) for field in FOLLOW_UP_COPIES})
    setattr(draft, FOLLOW_UPS[kind], original)
    draft.created_by = draft.updated_by = by
    with one_revision(draft, by=by, created=True):
        draft.save()
        for field in ("events", "countries", "organizations", "people"):
            getattr(draft, field).set(getattr(original, field).values_list("pk", flat=True))
    return draft, True


def may_edit(user, article: EditorialWorkflow) -> bool:
    """Whether `user` may change the report's text and tags at all (admin and API alike):
    anyone with the change permission while it is a draft or in review; once published
    or withdrawn, only those who may publish or withdraw."""
    if article.status in (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW):
        return True
    return user.has_perm(PUBLISH) or user.has_perm(WITHDRAW)


def locked_fields(user, article: EditorialWorkflow | None) -> list[str]:
    """Fields `user` may not set on the report: the publish time without the publish
    permission, a running embargo without the permission to lift one (setting one is
    fine; shortening it is lifting it)."""
    fields = [] if user.has_perm(PUBLISH) else ["published_at"]
    if article is not None and article.embargo_until and not user.has_perm(LIFT_EMBARGO):
        fields.append("embargo_until")
    return fields


def _same_second(one: datetime.datetime | None, other: datetime.datetime | None) -> bool:
    if one is None or other is None:
        return one is other
    return abs(one - other) < datetime.timedelta(seconds=1)


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

    def _check(self, step: str, *, by) -> Transition:
        """Refuse the step unless `by` may take it and the status allows it (the table)."""
        transition = TRANSITIONS[step]
        require(by, transition.permission)
        if self.status not in transition.starts:
            raise InvalidTransition(
                f"A report that is {self.get_status_display().lower()} cannot be "
                f"{dict(Action.choices)[transition.action].lower()}."
            )
        return transition

    def _take(self, step: str, *, by, action: str | None = None, note: str = "") -> None:
        """Take a checked step: its status, a new revision and the audit trail, at once."""
        transition = TRANSITIONS[step]
        if transition.to is not None:
            self.status = transition.to
        self.updated_by = by
        with transaction.atomic():
            self.save()
            record_action(action or transition.action, self, by=by, note=note)

    def submit(self, *, by) -> None:
        """Send a draft to the editors for review."""
        self._check("submit", by=by)
        self._take("submit", by=by)

    def return_to_draft(self, *, by) -> None:
        """Send a report in review back to its writer."""
        self._check("return_to_draft", by=by)
        self._take("return_to_draft", by=by)

    def publish(self, *, by, at: datetime.datetime | None = None) -> None:
        """Publish now, or at `at` (a future time schedules it; no job needed)."""
        self._check("publish", by=by)
        now = timezone.now()
        self.published_at = at or self.published_at or now  # a past time keeps the wire's time
        self.published_by = by
        if self.published_at > now:
            note = f"Scheduled for {self.published_at:%Y-%m-%d %H:%M %Z}."
            self._take("publish", by=by, action=Action.SCHEDULED, note=note)
        else:
            self._take("publish", by=by)

    def withdraw(self, *, by, reason: str) -> None:
        """Take a published report down for good; its page then answers 410 Gone."""
        self._check("withdraw", by=by)
        if not reason.strip():
            raise InvalidTransition("Say why the report is withdrawn: readers will see the reason.")
        self.withdrawn_at, self.withdrawn_by = timezone.now(), by
        self.withdrawal_reason = reason.strip()
        self._take("withdraw", by=by, note=reason)

    def lift_embargo(self, *, by) -> None:
        """End the embargo now."""
        self._check("lift_embargo", by=by)
        if not self.is_embargoed:
            raise InvalidTransition("This report is not under embargo.")
        self.embargo_until = timezone.now()
        self._take("lift_embargo", by=by)

    def refused_time_changes(
        self, changes: Mapping[str, datetime.datetime | None]
    ) -> dict[str, str]:
        """Return why each new `published_at` / `embargo_until` in `changes` is refused
        (admin and API alike): a published report keeps its publish time, and once the
        public has seen it neither time may hide it again nor give it a new embargo."""
        refused: dict[str, str] = {}
        now = timezone.now()
        published_at = changes.get("published_at", self.published_at)
        if published_at is None and self.status in (
            ArticleStatus.PUBLISHED,
            ArticleStatus.WITHDRAWN,
        ):
            refused["published_at"] = "A published report keeps its publish time."
        if not self.is_public:
            return refused
        if published_at is not None and published_at > now:
            refused["published_at"] = SEEN
        embargo = changes.get("embargo_until", self.embargo_until)
        if not _same_second(embargo, self.embargo_until):  # forms drop microseconds
            # Even a past one is refused: it would re-date when the report became public.
            refused["embargo_until"] = SEEN if embargo and embargo > now else NO_EMBARGO
        return refused

    @property
    def is_public(self) -> bool:
        """Return whether the public may see this report (mirrors `published()`)."""
        now = timezone.now()
        return (
            self.status == ArticleStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )

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

"""Event series, their editions (events) and who took part in them."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, cast

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, Subquery, When
from django.db.models.expressions import RawSQL
from django.utils import timezone

from editorial.revisions import Revisions
from newsroom.models import (
    NamedEntity,
    PublicEntityQuerySet,
    Tracked,
    always_public_field,
    public_at,
    slug_url,
)
from organizations.models import Organization

if TYPE_CHECKING:
    from places.models import City


class EventSeriesQuerySet(models.QuerySet):
    def public(self, now: datetime.datetime | None = None) -> EventSeriesQuerySet:
        """Keep series with an edition the public may see (`EventQuerySet.public`)."""
        editions = Event.objects.public(now).filter(series=OuterRef("pk"))
        return self.filter(Exists(editions))


class EventSeries(NamedEntity):
    name = models.CharField(max_length=255, unique=True)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    organizers = models.ManyToManyField(
        "organizations.Organization", blank=True, related_name="event_series"
    )

    objects = EventSeriesQuerySet.as_manager()
    history = Revisions()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "event series"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"


# What a row of a list of events shows, and links to.
ROW_FIELDS = (
    "name", "slug", "start_date", "end_date", "status", "city", "city__name",
    "country", "country__code", "country__name", "country__slug",
)  # fmt: skip
# What a tag or a link to a participant needs of its row.
PARTICIPANT_FIELDS = (
    "country__code", "country__name", "country__slug",
    "organization__name", "organization__slug", "organization__short_name",
)  # fmt: skip


def _earliest_running(today) -> RawSQL:
    """The earliest start of an event not over by today, as a bound on the start date.

    With it, a list of upcoming events walks the start-date index from there; without
    it the planner reads every past event first. COALESCE keeps PostgreSQL from turning
    the MIN into that same walk (it does so for a bare indexed column).
    """
    table = connection.ops.quote_name(Event._meta.db_table)
    return RawSQL(
        f"SELECT MIN(COALESCE(start_date, start_date)) FROM {table} WHERE end_date >= %s",
        [today],
        output_field=models.DateField(),
    )


class EventQuerySet(PublicEntityQuerySet):
    coverage_kind = "event"

    def upcoming(self, today: datetime.date | None = None) -> EventQuerySet:
        """Keep events that have not ended yet (current ones included), soonest first."""
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today, start_date__gte=_earliest_running(today)).order_by(
            "start_date", "name"
        )

    def past(self, today: datetime.date | None = None) -> EventQuerySet:
        """Keep events that have ended, latest first."""
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today).order_by("-start_date", "name")

    def involving_country(self, country) -> EventQuerySet:
        """Keep events a country hosted or took part in.

        A country takes part in many events: walking events newest first and keeping
        those it is in finds a page of them early (unlike organizations, below).
        """
        return self.filter(
            Q(country=country)
            | Q(pk__in=Participation.objects.filter(country=country).values("event"))
        )

    def involving_organization(self, organization) -> EventQuerySet:
        """Keep events an organization organized or took part in.

        An organization takes part in few: their ids are read off the two indexes (a
        UNION), then only those events — an OR would walk every event for the few.
        """
        organized = Event.organizers.through.objects.filter(organization=organization)
        joined = Participation.objects.filter(organization=organization)
        return self.filter(
            pk__in=organized.order_by()
            .values("event_id")
            .union(joined.order_by().values("event_id"))
        )

    def with_role_of(self, country) -> EventQuerySet:
        """Annotate `country_role`: the first role (in role order) a country had in each
        event, if any (one look-up per event on the participation index)."""
        order = Case(*(When(role=role, then=n) for role, n in ROLE_ORDER.items()), default=99)
        roles = Participation.objects.filter(event=OuterRef("pk"), country=country)
        return self.annotate(country_role=Subquery(roles.order_by(order).values("role")[:1]))

    def with_published_article_count(self) -> EventQuerySet:
        """Annotate `article_count`: published reports tagged with each event."""
        from articles.coverage import public_count

        return self.annotate(article_count=public_count("event"))

    def covered(self, limit: int = 200) -> EventQuerySet:
        """Keep the latest `limit` events with published reports (for filter choices)."""
        candidates = self.filter(coverage_count__gt=0).order_by("-start_date", "pk")
        return candidates.with_published_article_count().filter(article_count__gt=0)[:limit]

    def for_listing(self) -> EventQuerySet:
        """Fetch what a row of a list of events shows (the `event_row` tag), only that."""
        return self.select_related("city", "country").only(*ROW_FIELDS)

    def for_detail(self) -> EventQuerySet:
        """Fetch what an event page shows: place, series, organizers and participants."""
        participations = (
            Participation.objects.filter(
                Q(organization__isnull=True) | public_at("organization", prefix="organization__")
            )
            .select_related("country", "organization")
            .only("event_id", "role", "note", "country", "organization", *PARTICIPANT_FIELDS)
        )
        organizers = Organization.objects.public().only("pk", "name", "slug", "short_name")
        return self.select_related("city", "country", "series").prefetch_related(
            Prefetch("participations", queryset=participations),
            Prefetch("organizers", queryset=organizers),
        )


class Event(NamedEntity):
    series = models.ForeignKey(
        EventSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="editions"
    )
    edition = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Edition number within the series, e.g. 2023 or 5."
    )
    start_date = models.DateField()
    end_date = models.DateField()
    city = models.ForeignKey(
        "places.City", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    country = models.ForeignKey(
        "places.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        help_text="Host country.",
    )
    venue = models.CharField(max_length=255, blank=True)
    theme = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    status = models.CharField(
        max_length=12, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    organizers = models.ManyToManyField(
        "organizations.Organization", blank=True, related_name="organized_events"
    )
    website = models.URLField(blank=True)
    coverage_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published, current reports about it (kept up to date on every change).",
    )
    always_public = always_public_field()

    objects = EventQuerySet.as_manager()
    history = Revisions(m2m_fields=[organizers], excluded_fields=["coverage_count"])

    class Meta:
        ordering = ["-start_date", "name"]
        indexes = [
            models.Index(fields=["end_date", "start_date"], name="event_dates_idx"),
            models.Index(fields=["-start_date"], name="event_start_desc_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="event_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["series", "edition"],
                condition=Q(series__isnull=False, edition__isnull=False),
                name="event_unique_edition_in_series",
            ),
        ]

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date cannot be before the start date."})
        if self.city_id and not self.country_id:
            self.country_id = cast("City", self.city).country_id

    def save(self, *args, **kwargs) -> None:
        if self.city_id and not self.country_id:
            self.country_id = cast("City", self.city).country_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_url("events:event_detail", self.slug)

    @property
    def is_upcoming(self) -> bool:
        """Return whether the event has not ended yet."""
        return self.end_date >= timezone.localdate()

    def participants_by_role(self) -> list[tuple[str, list[Participation]]]:
        """Group participations by role label, in the order roles are defined."""
        groups: dict[str, list[Participation]] = {}
        for participation in sorted(self.participations.all(), key=Participation.sort_key):
            groups.setdefault(participation.get_role_display(), []).append(participation)
        return list(groups.items())


class ParticipationRole(models.TextChoices):
    HOST = "host", "Host"
    ORGANIZER = "organizer", "Organizer"
    DELEGATION = "delegation", "Delegation"
    OBSERVER = "observer", "Observer"
    GUEST = "guest", "Guest"


ROLE_ORDER = {role: index for index, role in enumerate(ParticipationRole.values)}


class Participation(Tracked):
    merge_drops_duplicates = True  # merging two participants may leave one link twice

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    country = models.ForeignKey(
        "places.Country",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participations",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participations",
    )
    role = models.CharField(max_length=12, choices=ParticipationRole.choices)
    note = models.CharField(max_length=255, blank=True, help_text="E.g. who led the delegation.")

    history = Revisions()

    class Meta:
        ordering = ["event", "role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, organization__isnull=True)
                | Q(country__isnull=True, organization__isnull=False),
                name="participation_country_xor_organization",
            ),
            models.UniqueConstraint(
                fields=["event", "country", "role"],
                condition=Q(country__isnull=False),
                name="participation_unique_country_role",
            ),
            models.UniqueConstraint(
                fields=["event", "organization", "role"],
                condition=Q(organization__isnull=False),
                name="participation_unique_organization_role",
            ),
        ]
        # "Events a country took part in", read off the index alone.
        indexes = [models.Index(fields=["country", "event"], name="participation_country_idx")]

    def __str__(self) -> str:
        return f"{self.participant} ({self.get_role_display()}) at {self.event}"

    @property
    def participant(self):
        """Return the participating country or organization."""
        return self.country or self.organization

    def sort_key(self) -> tuple[int, str]:
        """Order by role, then participant name."""
        return ROLE_ORDER.get(self.role, 99), str(self.participant)

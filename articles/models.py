"""Wire reports and the single definition of what the public may see."""

from __future__ import annotations

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from articles.html import sanitize_body
from articles.workflow import ArticleStatus, EditorialWorkflow
from editorial.revisions import Revisions
from events.models import Event
from newsroom.models import Tracked, unique_slug
from organizations.models import Organization, OrganizationKind, Person
from places.models import City, Country


class ArticleQuerySet(models.QuerySet):
    def published(self, now: datetime.datetime | None = None) -> ArticleQuerySet:
        """Keep what the public may see: published, publish time and embargo both past."""
        now = now or timezone.now()
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now),
            status=ArticleStatus.PUBLISHED,
            published_at__lte=now,
        )

    def withdrawn(self) -> ArticleQuerySet:
        """Keep withdrawn reports the public saw first (their pages answer 410 Gone).

        One withdrawn while still scheduled or embargoed was never public: it stays unknown.
        """
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=F("withdrawn_at")),
            status=ArticleStatus.WITHDRAWN,
            published_at__lte=F("withdrawn_at"),
        )

    def current(self) -> ArticleQuerySet:
        """Drop reports a published update or correction has superseded: lists show the latest."""
        newer = Article.objects.published().filter(
            Q(update_of=OuterRef("pk")) | Q(correction_of=OuterRef("pk"))
        )
        return self.exclude(Exists(newer))

    def newest_first(self) -> ArticleQuerySet:
        """Order by publish time, newest first, with a stable tie-break."""
        return self.order_by("-published_at", "-pk")

    def about_country(self, country) -> ArticleQuerySet:
        """Keep reports tagged with a country or datelined in it."""
        # Used inside a subquery too: the tag lookup nests one level deeper there.
        inner = OuterRef(country) if isinstance(country, OuterRef) else country
        tagged = Article.countries.through.objects.filter(country=inner).values("article_id")
        return self.filter(Q(dateline_country=country) | Q(pk__in=tagged))

    def about_organization(self, organization) -> ArticleQuerySet:
        """Keep reports tagged with an organization or filed by it (for agencies)."""
        through = Article.organizations.through.objects
        tagged = through.filter(organization=organization).values("article_id")
        return self.filter(Q(agency=organization) | Q(pk__in=tagged))

    def for_listing(self) -> ArticleQuerySet:
        """Fetch what a list of reports shows: agency, dateline, events and countries."""
        return self.select_related("agency", "dateline_city", "dateline_country").prefetch_related(
            Prefetch("events", queryset=Event.objects.only("pk", "name", "slug")),
            Prefetch("countries", queryset=Country.objects.only("pk", "name", "slug")),
        )

    def for_detail(self) -> ArticleQuerySet:
        """Fetch what a report page shows: every tag as well."""
        return (
            self.for_listing()
            .select_related("update_of", "correction_of")
            .prefetch_related(
                Prefetch("organizations", queryset=Organization.objects.only("pk", "name", "slug")),
                Prefetch("people", queryset=Person.objects.only("pk", "name", "slug")),
            )
        )


class Article(EditorialWorkflow, Tracked):
    headline = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="HTML; unsafe markup is removed on save.")
    dateline_raw = models.CharField(
        "dateline as printed",
        max_length=255,
        blank=True,
        help_text="E.g. RUSSIA, Astrakhan, September 19.",
    )
    dateline_city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.SET_NULL, related_name="datelined_articles"
    )
    dateline_country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="datelined_articles",
    )
    dateline_date = models.DateField(null=True, blank=True)
    agency = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filed_articles",
        limit_choices_to={"kind": OrganizationKind.NEWS_AGENCY},
    )
    agency_item_id = models.CharField(
        "agency's item id",
        max_length=255,
        blank=True,
        help_text="The agency's own id for the report.",
    )
    byline = models.CharField(max_length=255, blank=True)
    language = models.CharField(max_length=16, default="en", help_text="BCP 47 code, e.g. en, ru.")
    source_url = models.URLField("source URL", max_length=500, blank=True)
    correction_note = models.TextField(
        blank=True,
        help_text="For an update or correction: what changed, in a sentence readers will see.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    events = models.ManyToManyField(Event, blank=True, related_name="articles")
    countries = models.ManyToManyField(Country, blank=True, related_name="articles")
    organizations = models.ManyToManyField(Organization, blank=True, related_name="articles")
    people = models.ManyToManyField(Person, blank=True, related_name="articles")
    update_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    correction_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    near_duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="near_duplicates",
        help_text="An earlier report this one closely resembles (set on import).",
    )
    similarity = models.FloatField(null=True, blank=True, editable=False)
    fingerprint = models.BigIntegerField(null=True, blank=True, editable=False, db_index=True)
    ingest_checksum = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Checksum of the text as last imported.",
    )
    ingest_version = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="The version the wire last wrote."
    )

    objects = ArticleQuerySet.as_manager()
    history = Revisions(
        m2m_fields=[events, countries, organizations, people],
        excluded_fields=["fingerprint", "ingest_checksum", "ingest_version", "similarity"],
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        permissions = [
            ("publish_article", "Can publish and schedule reports"),
            ("withdraw_article", "Can withdraw published reports"),
            ("lift_embargo", "Can lift embargoes"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            models.Index(fields=["-published_at"], name="article_published_idx"),
            models.Index(
                fields=["dateline_country", "-published_at"], name="article_dl_country_idx"
            ),
            models.Index(fields=["agency", "-published_at"], name="article_agency_pub_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "agency_item_id"],
                condition=~Q(agency_item_id=""),
                name="article_unique_agency_item_id",
                violation_error_message="This agency already has a report with that item id.",
            ),
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message="A published report needs a publish time.",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def clean(self) -> None:
        if self.status == ArticleStatus.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        if self.agency_id and self.agency.kind != OrganizationKind.NEWS_AGENCY:
            raise ValidationError({"agency": "Choose an organization of kind news agency."})
        for field in ("update_of", "correction_of"):
            if self.pk and getattr(self, f"{field}_id") == self.pk:
                raise ValidationError({field: "A report cannot point to itself."})
        if self.pk and self._chain_returns_here():
            raise ValidationError("This update or correction would make a loop of reports.")

    def save(self, *args, **kwargs) -> None:
        self.body = sanitize_body(self.body)
        if not self.slug:
            self.slug = unique_slug(self, self.headline, max_length=100)
        if self.dateline_city_id and not self.dateline_country_id:
            self.dateline_country_id = self.dateline_city.country_id
        if self.status == ArticleStatus.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        if self.pk:
            self.version += 1
        super().save(*args, **kwargs)

    def _chain_returns_here(self, limit: int = 100) -> bool:
        """Whether following update/correction links from here comes back to this report."""
        node = self.correction_of or self.update_of
        for _ in range(limit):
            if node is None:
                return False
            if node.pk == self.pk:
                return True
            node = node.correction_of or node.update_of
        return True

    def get_absolute_url(self) -> str:
        day = timezone.localtime(self.published_at or self.created_at or timezone.now()).date()
        return reverse(
            "articles:article_detail",
            kwargs={
                "year": day.year,
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "slug": self.slug,
            },
        )

    def text_checksum(self) -> str:
        """Return a checksum of the editable text, to tell local edits from the wire's."""
        return text_checksum(self.headline, self.summary, self.body, self.dateline_raw)

    @property
    def is_locally_edited(self) -> bool:
        """Return whether anyone changed the report since the wire last wrote it.

        Any save moves the version on (text, byline, a tag added by a click, a workflow
        step); the text checksum also catches changes that bypassed save().
        """
        if not self.ingest_checksum:
            return False
        moved_on = self.ingest_version is not None and self.version != self.ingest_version
        return moved_on or self.ingest_checksum != self.text_checksum()

    def mark_imported(self) -> None:
        """Note that the wire wrote this text; call just before the save that stores it."""
        self.ingest_checksum = self.text_checksum()
        self.ingest_version = self.version + 1 if self.pk else self.version

    @property
    def predecessor(self) -> Article | None:
        """Return the report this one updates or corrects, if any."""
        return self.correction_of or self.update_of

    def public_successor(self) -> Article | None:
        """Return the newest published update or correction of this report, if any."""
        return (
            Article.objects.published()
            .filter(Q(update_of=self) | Q(correction_of=self))
            .newest_first()
            .first()
        )

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


def text_checksum(*parts: str) -> str:
    """Return a SHA-256 over text parts, ignoring differences in whitespace."""
    joined = "\x1f".join(" ".join((part or "").split()) for part in parts)
    return hashlib.sha256(joined.encode()).hexdigest()

"""Organizations (agencies, publications, bodies) and people, with aliases."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from editorial.revisions import Revisions
from newsroom.fields import AliasesField
from newsroom.models import Tracked, slug_url, unique_slug, without_maintained_count


class OrganizationKind(models.TextChoices):
    NEWS_AGENCY = "news_agency", "News agency"
    PUBLICATION = "publication", "Publication"
    GOVERNMENT = "government", "Government body"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental body"
    COMPANY = "company", "Company"
    NGO = "ngo", "NGO"
    OTHER = "other", "Other"


class OrganizationQuerySet(models.QuerySet):
    def agencies(self) -> OrganizationQuerySet:
        """Keep news agencies only."""
        return self.filter(kind=OrganizationKind.NEWS_AGENCY)

    def with_published_article_count(self) -> OrganizationQuerySet:
        """Annotate `article_count`: published reports about (or filed by) each one."""
        from articles.coverage import public_count

        return self.annotate(article_count=public_count("organization"))

    def for_detail(self) -> OrganizationQuerySet:
        """Fetch what an organization page shows."""
        return self.select_related("country", "parent")


class Organization(Tracked):
    name = models.CharField(max_length=255)
    short_name = models.CharField(max_length=64, blank=True, help_text="Abbreviation, e.g. MDA.")
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    kind = models.CharField(
        max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    country = models.ForeignKey(
        "places.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizations",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    aliases = AliasesField()
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    founded_year = models.PositiveSmallIntegerField(null=True, blank=True)
    closed_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Last year active, for historical organizations."
    )
    coverage_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published, current reports about it (kept up to date on every change).",
    )

    objects = OrganizationQuerySet.as_manager()
    history = Revisions(excluded_fields=["coverage_count"])

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "name"], name="org_kind_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_year__isnull=True)
                | Q(founded_year__isnull=True)
                | Q(closed_year__gte=models.F("founded_year")),
                name="organization_closed_after_founded",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "An organization cannot be its own parent."})

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(self, self.short_name or self.name)
        super().save(*args, **without_maintained_count(self, kwargs))

    def get_absolute_url(self) -> str:
        return slug_url("organizations:organization_detail", self.slug)

    @property
    def all_names(self) -> list[str]:
        """Return the name, short name and aliases, without repeats."""
        return list(dict.fromkeys(n for n in [self.name, self.short_name, *self.aliases] if n))

    @property
    def active_years(self) -> str:
        """Return the active years as printed, e.g. '1919–1920' or '1914'."""
        start, end = self.founded_year, self.closed_year
        if start and end:
            return str(start) if start == end else f"{start}–{end}"
        if start:
            return f"since {start}"
        return f"until {end}" if end else ""


class PersonQuerySet(models.QuerySet):
    def with_published_article_count(self) -> PersonQuerySet:
        """Annotate `article_count`: published reports about each person."""
        from articles.coverage import public_count

        return self.annotate(article_count=public_count("person"))

    def for_detail(self) -> PersonQuerySet:
        """Fetch what a person page shows."""
        return self.select_related("country").prefetch_related(
            models.Prefetch(
                "affiliations", queryset=Affiliation.objects.select_related("organization")
            )
        )


class Person(Tracked):
    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    aliases = AliasesField(help_text="Other spellings and transliterations, one per line.")
    country = models.ForeignKey(
        "places.Country", null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    description = models.TextField(blank=True, help_text="Who they are, in one or two lines.")
    born_year = models.PositiveSmallIntegerField(null=True, blank=True)
    died_year = models.PositiveSmallIntegerField(null=True, blank=True)
    organizations = models.ManyToManyField(
        Organization, through="Affiliation", related_name="people", blank=True
    )
    coverage_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published, current reports about it (kept up to date on every change).",
    )

    objects = PersonQuerySet.as_manager()
    history = Revisions(excluded_fields=["coverage_count"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["name"], name="person_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(died_year__isnull=True)
                | Q(born_year__isnull=True)
                | Q(died_year__gte=models.F("born_year")),
                name="person_died_after_born",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **without_maintained_count(self, kwargs))

    def get_absolute_url(self) -> str:
        return slug_url("organizations:person_detail", self.slug)

    @property
    def all_names(self) -> list[str]:
        """Return the name and aliases, without repeats."""
        return list(dict.fromkeys(n for n in [self.name, *self.aliases] if n))


class Affiliation(Tracked):
    merge_drops_duplicates = True  # merging two people may leave one affiliation twice

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="affiliations"
    )
    title = models.CharField(max_length=200, blank=True, help_text="E.g. executive director.")
    since = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)

    history = Revisions()

    class Meta:
        ordering = ["-since", "organization__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True)
                | Q(since__isnull=True)
                | Q(until__gte=models.F("since")),
                name="affiliation_until_after_since",
            ),
            models.UniqueConstraint(
                fields=["person", "organization", "title"], name="affiliation_unique_role"
            ),
        ]

    def __str__(self) -> str:
        role = f", {self.title}" if self.title else ""
        return f"{self.person} — {self.organization}{role}"

    @property
    def is_current(self) -> bool:
        """Return whether the affiliation has no end date."""
        return self.until is None

"""Organizations (agencies, publications, bodies) and people, with aliases."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, Q

from editorial.revisions import Revisions
from newsroom.fields import AliasesField, AliasesFormField
from newsroom.models import (
    NamedEntity,
    PublicEntityQuerySet,
    Tracked,
    always_public_field,
    public_at,
    slug_url,
)


class OrganizationKind(models.TextChoices):
    NEWS_AGENCY = "news_agency", "News agency"
    PUBLICATION = "publication", "Publication"
    GOVERNMENT = "government", "Government body"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental body"
    COMPANY = "company", "Company"
    NGO = "ngo", "NGO"
    OTHER = "other", "Other"


class SignsFormField(AliasesFormField):
    """Edit signing forms one per line, keeping case variants ('ТАСС' and 'TASS', 'Trend')."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]  # a list, not a str
        lines = value if isinstance(value, list | tuple) else (value or "").splitlines()
        return list(dict.fromkeys(" ".join(str(line).split()) for line in lines if line.strip()))


class SignsField(models.JSONField):
    """The forms a news agency signs copy with, exactly as printed: '/TASS/', '(AA)', 'Trend'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault(
            "help_text",
            "How it signs copy, exactly as printed (/TASS/, (AA), REPORT.AZ), one per line.",
        )
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        return models.Field.formfield(self, form_class=SignsFormField, **kwargs)


class OrganizationQuerySet(PublicEntityQuerySet):
    coverage_kind = "organization"

    def agencies(self) -> OrganizationQuerySet:
        """Keep news agencies only."""
        return self.filter(kind=OrganizationKind.NEWS_AGENCY)

    def with_published_article_count(self) -> OrganizationQuerySet:
        """Annotate `article_count`: published reports about (or filed by) each one."""
        from articles.coverage import public_count

        return self.annotate(article_count=public_count("organization"))

    def for_detail(self) -> OrganizationQuerySet:
        """Fetch what an organization page shows, and whether its parent is public."""
        parent_public = ExpressionWrapper(
            public_at("organization", prefix="parent__"), output_field=models.BooleanField()
        )
        return self.select_related("country", "parent").annotate(parent_public=parent_public)


class Organization(NamedEntity):
    short_name = models.CharField(max_length=64, blank=True, help_text="Abbreviation, e.g. MDA.")
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
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    other_sites = AliasesField(
        help_text="Other web addresses it publishes under, one per line (tass.ru beside tass.com)."
    )
    languages = AliasesField(
        help_text="Languages it publishes in, as BCP 47 tags (en, ru, az), one per line."
    )
    signs = SignsField()
    founded_year = models.PositiveSmallIntegerField(null=True, blank=True)
    closed_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Last year active, for historical organizations."
    )
    coverage_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published, current reports about it (kept up to date on every change).",
    )
    always_public = always_public_field()

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

    def clean(self) -> None:
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "An organization cannot be its own parent."})

    def slug_source(self) -> str:
        return self.short_name or self.name

    @property
    def shown_parent(self) -> Organization | None:
        """The parent body, when the public may see it (`for_detail` says whether)."""
        return self.parent if getattr(self, "parent_public", False) else None

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


class PersonQuerySet(PublicEntityQuerySet):
    coverage_kind = "person"

    def with_published_article_count(self) -> PersonQuerySet:
        """Annotate `article_count`: published reports about each person."""
        from articles.coverage import public_count

        return self.annotate(article_count=public_count("person"))

    def for_detail(self) -> PersonQuerySet:
        """Fetch what a person page shows."""
        return self.select_related("country").prefetch_related(
            models.Prefetch(
                "affiliations",
                queryset=Affiliation.objects.filter(
                    public_at("organization", prefix="organization__")
                ).select_related("organization"),
            )
        )


class Person(NamedEntity):
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
    always_public = always_public_field()

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

    def get_absolute_url(self) -> str:
        return slug_url("organizations:person_detail", self.slug)


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


class RegistrySeed(models.Model):
    """A record `load_registry` added or adopted from the shipped data files.

    It remembers the aliases and signing forms the data files have already given the record,
    so a rerun adds only new ones and one an editor deleted stays deleted. It outlives the
    record: when an editor deletes it, the seed is left pointing at nothing and a rerun does
    not re-add it. A merge moves the seed to the kept record, like every other reference.
    """

    key = models.CharField(
        max_length=100, unique=True, help_text="Data file entry, e.g. agency:trend, person:…"
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registry_seeds",
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="registry_seeds"
    )
    given = models.JSONField(
        default=dict, blank=True, help_text="List fields given so far: aliases, signs."
    )
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key

    @property
    def record(self) -> Organization | Person | None:
        """Return the organization or person this entry became, or None if deleted since."""
        return self.organization or self.person

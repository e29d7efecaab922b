"""Countries (ISO 3166-1) and cities (from the GeoNames gazetteer)."""

from __future__ import annotations

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from newsroom.fields import AliasesField
from newsroom.models import Tracked, slug_url, without_maintained_count


class CountryQuerySet(models.QuerySet):
    def with_published_article_count(self) -> CountryQuerySet:
        """Annotate `article_count`: published reports about or datelined in each country."""
        from articles.coverage import public_count

        return self.annotate(article_count=public_count("country"))

    def covered(self) -> CountryQuerySet:
        """Keep countries with published reports, annotating `article_count`.

        Only countries with maintained coverage are candidates (a country whose sole
        report is public only until its scheduled correction appears is not listed).
        """
        candidates = self.filter(coverage_count__gt=0).with_published_article_count()
        return candidates.filter(article_count__gt=0)

    def with_coverage(self) -> CountryQuerySet:
        """Keep countries with at least one published report, most covered first."""
        return self.covered().order_by("-article_count", "name")

    def most_covered(self, limit: int = 10) -> CountryQuerySet:
        """Return the `limit` countries with the most published reports, most first.

        Public counts are measured only for the three times `limit` countries with the
        largest maintained counts: they differ from the maintained count by the few
        reports whose visibility is still to change, so the top is among them.
        """
        leaders = self.filter(coverage_count__gt=0).order_by("-coverage_count", "code")
        return self.filter(pk__in=leaders.values("pk")[: limit * 3]).with_coverage()[:limit]

    def most_covered_since(
        self, since: datetime.datetime, now: datetime.datetime | None = None, limit: int = 10
    ) -> CountryQuerySet:
        """Return the `limit` countries with the most published, current reports since
        `since`, most first, annotating `recent_count`.

        One count per country off its index range (country, visible_from); a country
        with no maintained coverage has none to count. Countries with none since come
        last: callers drop them (filtering on the count would count every country twice).
        """
        from articles.models import Coverage, current_at, visible_at

        now = now or timezone.now()
        rows = Coverage.objects.filter(visible_at(now), current_at(now)).filter(
            country=OuterRef("pk"), visible_from__gte=since
        )
        counted = rows.order_by().values("country").annotate(n=Count("*")).values("n")
        recent = Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)
        ranked = self.filter(coverage_count__gt=0).annotate(recent_count=recent)
        return ranked.order_by("-recent_count", "name")[:limit]


class Country(Tracked):
    code = models.CharField(
        "ISO code",
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters (ISO 3166-1 alpha-2).")],
    )
    alpha3 = models.CharField("ISO alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=100, unique=True)
    official_name = models.CharField(max_length=200, blank=True)
    slug = models.SlugField(max_length=2, unique=True, editable=False)
    demonyms = AliasesField(help_text="Adjectives and nouns for its people, one per line.")
    aliases = AliasesField()
    coverage_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Published, current reports about it (kept up to date on every change).",
    )

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.code = self.code.upper()
        self.slug = self.code.lower()
        super().save(*args, **without_maintained_count(self, kwargs))

    def get_absolute_url(self) -> str:
        return slug_url("places:country_detail", self.slug, mark="qz")

    @property
    def all_names(self) -> list[str]:
        """Return every name the country goes by, the common one first."""
        names = [self.name, self.official_name, *self.aliases]
        return list(dict.fromkeys(n for n in names if n))


class City(Tracked):
    name = models.CharField(max_length=200, db_index=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="cities")
    aliases = AliasesField()
    population = models.PositiveBigIntegerField(default=0)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    timezone = models.CharField(max_length=64, blank=True)
    region = models.CharField(
        max_length=20,
        blank=True,
        help_text="GeoNames' first-level division code: the US state's postal code (ME, OR).",
    )
    geonames_id = models.PositiveBigIntegerField(
        "GeoNames id", null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "cities"
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90) | Q(latitude__isnull=True),
                name="city_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180) | Q(longitude__isnull=True),
                name="city_longitude_in_range",
            ),
        ]
        indexes = [models.Index(fields=["country", "-population"], name="city_country_pop_idx")]

    def __str__(self) -> str:
        return f"{self.name}, {self.country_id}"

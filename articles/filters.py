"""The one FilterSet for reports, shared by the public list and the API."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles.models import Article, Coverage
from organizations.models import Organization


class DateOrDateTimeField(forms.Field):
    """Accept an ISO date (2023-09-19) or an ISO date-time (2023-09-19T10:00:00Z)."""

    def to_python(self, value: str | None) -> datetime.date | datetime.datetime | None:
        value = (value or "").strip()
        if not value:
            return None
        try:
            # A bare date means the whole day (parse_datetime would read it as midnight).
            parsed = parse_date(value) if len(value) == 10 else parse_datetime(value)
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError("Enter a date (YYYY-MM-DD) or an ISO 8601 date-time.")
        if isinstance(parsed, datetime.datetime):
            try:
                if timezone.is_naive(parsed):
                    parsed = timezone.make_aware(parsed)
                parsed = parsed.astimezone(datetime.UTC)
            except (OverflowError, ValueError):
                raise forms.ValidationError("That date-time is out of range.") from None
        return parsed


class PublishedBoundFilter(django_filters.Filter):
    """Bound when reports became public by a date (whole day, inclusive) or a date-time."""

    field_class = DateOrDateTimeField

    def __init__(self, *args, bound: str, **kwargs) -> None:
        self.bound = bound  # "after" or "before"
        super().__init__(*args, field_name="visible_from", **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        if not isinstance(value, datetime.datetime):
            day = datetime.datetime.combine(value, datetime.time.min)
            if self.bound == "before":
                day += datetime.timedelta(days=1, microseconds=-1)
            value = timezone.make_aware(day)
        return qs.listed_between(**{self.bound: value})


class EntityFilter(django_filters.CharFilter):
    """Keep reports about the entity with this slug (or code): tags, dateline, agency."""

    def __init__(self, *args, kind: str, lookup: str = "slug", **kwargs) -> None:
        self.kind, self.lookup = kind, lookup
        super().__init__(*args, **kwargs)

    def filter(self, qs, value: str):
        value = (value or "").strip()
        if not value:
            return qs
        model = Coverage.entity_model(self.kind)
        entity = model.objects.filter(**{self.lookup: self.normalize(value)}).first()
        return qs.about(**{self.kind: entity}) if entity else qs.none()

    def normalize(self, value: str) -> str:
        return value.upper() if self.kind == "country" else value


class ArticleFilterSet(django_filters.FilterSet):
    """Filters for report lists. Entity filters come first: the first one sets the
    index the list walks, and the time bounds then apply to that index's key."""

    event = EntityFilter(kind="event", label="Event")
    country = EntityFilter(kind="country", lookup="code", label="Country code")
    organization = EntityFilter(kind="organization", label="Organization")
    person = EntityFilter(kind="person", label="Person")
    agency = django_filters.CharFilter(method="filter_agency", label="Agency")
    published_after = PublishedBoundFilter(bound="after", label="Published from")
    published_before = PublishedBoundFilter(bound="before", label="Published until")

    class Meta:
        model = Article
        fields = [
            "event",
            "country",
            "organization",
            "person",
            "agency",
            "published_after",
            "published_before",
        ]

    def filter_agency(self, queryset, name: str, value: str):
        """Keep reports filed by the agency with this slug or short name."""
        value = value.strip()
        agency = (
            Organization.objects.agencies()
            .filter(Q(slug=value) | Q(short_name__iexact=value))
            .order_by("pk")
            .first()
        )
        return queryset.filter(agency=agency) if agency else queryset.none()

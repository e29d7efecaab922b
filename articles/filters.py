"""The one FilterSet for reports, shared by the public list and the API."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles.models import Article


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
    """Bound `published_at` by a date (whole day, inclusive) or an exact date-time."""

    field_class = DateOrDateTimeField

    def __init__(self, *args, bound: str, **kwargs) -> None:
        self.bound = bound  # "gte" or "lte"
        super().__init__(*args, field_name="published_at", **kwargs)

    def filter(self, qs, value):
        if value is None:
            return qs
        if isinstance(value, datetime.datetime):
            return qs.filter(**{f"published_at__{self.bound}": value})
        return qs.filter(**{f"published_at__date__{self.bound}": value})


class ArticleFilterSet(django_filters.FilterSet):
    event = django_filters.CharFilter(field_name="events__slug", label="Event")
    country = django_filters.CharFilter(method="filter_country", label="Country code")
    organization = django_filters.CharFilter(field_name="organizations__slug", label="Organization")
    person = django_filters.CharFilter(field_name="people__slug", label="Person")
    agency = django_filters.CharFilter(method="filter_agency", label="Agency")
    published_after = PublishedBoundFilter(bound="gte", label="Published from")
    published_before = PublishedBoundFilter(bound="lte", label="Published until")

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

    def filter_country(self, queryset, name: str, value: str):
        """Keep reports about or datelined in the country with this ISO code."""
        return queryset.about_country(value.strip().upper())

    def filter_agency(self, queryset, name: str, value: str):
        """Keep reports filed by the agency with this slug or short name."""
        value = value.strip()
        return queryset.filter(Q(agency__slug=value) | Q(agency__short_name__iexact=value))

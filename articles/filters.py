"""The one FilterSet for reports, shared by the public list and the API."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from articles import search
from articles.models import Article, Coverage
from articles.workflow import ArticleStatus
from newsroom.languages import validate_language_tag
from organizations.models import Organization
from places.models import Country


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


@extend_schema_field(OpenApiTypes.DATETIME)
class ChangedSinceFilter(django_filters.Filter):
    """A date or date-time: the sync stream's starting point."""

    field_class = DateOrDateTimeField


@extend_schema_field(OpenApiTypes.DATETIME)
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
        if qs.is_change_stream():  # bounds the publication time; withdrawal notices pass
            lookup = "gte" if self.bound == "after" else "lte"
            bounded = Q(**{f"visible_from__{lookup}": value})
            return qs.filter(bounded | Q(status=ArticleStatus.WITHDRAWN))
        return qs.listed_between(**{self.bound: value})


class RecordField(forms.CharField):
    """A public registry record named by slug (or code): cleans to the record itself,
    so a name nobody can see is refused like one that does not exist."""

    def __init__(self, *, kind: str, lookup: str, everything: bool = False, **kwargs) -> None:
        self.kind, self.lookup, self.everything = kind, lookup, everything
        super().__init__(**kwargs)

    def to_python(self, value: str | None) -> Model | None:  # type: ignore[override]
        value = (super().to_python(value) or "").strip()
        if not value:
            return None
        if self.kind == "country":
            value = value.upper()
        match = Q(**{self.lookup: value})
        if self.kind == "agency":  # agencies are also known by their short name: TASS
            match |= Q(short_name__iexact=value)
        record = records(self.kind).filter(match).order_by("pk").first()
        if record is None and self.everything:
            # The sync stream: also a record whose reports were all withdrawn, so a mirror
            # keeps following it and receives the tombstones; never one only unpublished
            # reports name, which no one outside may learn of.
            hidden = records(self.kind, everything=True).filter(match).order_by("pk").first()
            gone = Article.objects.withdrawn()
            if hidden is not None and gone.about(**{self.kind: hidden}).exists():
                record = hidden
        if record is None:
            raise forms.ValidationError(f"No {self.kind} with {self.lookup} {value!r}.")
        return record


def records(kind: str, *, everything: bool = False) -> QuerySet:
    """The records of one kind a filter may name: countries, and public registry entries
    (`everything`: all of them, whatever names them)."""
    if kind == "country":
        return Country.objects.all()
    if kind == "agency":
        agencies = Organization.objects.agencies()
        return agencies if everything else agencies.public()
    manager = Coverage.entity_model(kind).objects
    return manager.all() if everything else manager.public()  # type: ignore[union-attr]


@extend_schema_field(OpenApiTypes.STR)
class RecordFilter(django_filters.Filter):
    """A filter naming one record by slug or code (`RecordField`): an unknown one is a 400."""

    field_class = RecordField

    def __init__(self, *args, kind: str, lookup: str = "slug", **kwargs) -> None:
        self.kind = kind
        super().__init__(*args, kind=kind, lookup=lookup, **kwargs)


class EntityFilter(RecordFilter):
    """Keep reports about one record: tags, dateline (countries) or filing agency."""

    def filter(self, qs, value):
        return qs if value is None else qs.about(**{self.kind: value})


class LanguageFilter(django_filters.CharFilter):
    """Keep reports in a language: `en` also matches `en-GB`."""

    field_class = forms.RegexField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("regex", r"^\s*[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\s*$")
        kwargs.setdefault("error_messages", {"invalid": "Enter a language code such as en or ru."})
        kwargs.setdefault("validators", [validate_language_tag])  # "zz": no language
        super().__init__(*args, **kwargs)

    def filter(self, qs, value: str):
        code = (value or "").strip().lower()
        if not code:
            return qs
        return qs.filter(Q(language__iexact=code) | Q(language__istartswith=f"{code}-"))


ORDERINGS = {
    "-published_at": "newest first by the time reports became public (the default)",
    "published_at": "oldest first",
    "updated_at": "the sync stream: in the order reports last changed for the public",
}


class ArticleFilterSet(django_filters.FilterSet):
    """Filters for report lists. Entity filters come first: the first one sets the
    index the list walks, and the time bounds then apply to that index's key."""

    event = EntityFilter(kind="event", label="Event")
    country = EntityFilter(kind="country", lookup="code", label="Country code")
    organization = EntityFilter(kind="organization", label="Organization")
    person = EntityFilter(kind="person", label="Person")
    agency = RecordFilter(kind="agency", method="filter_agency", label="Agency")
    dateline_country = RecordFilter(
        kind="country", lookup="code", field_name="dateline_country", label="Dateline country code"
    )
    language = LanguageFilter(label="Language")
    q = django_filters.CharFilter(
        method="filter_q",
        label="Search",
        max_length=search.MAX_LENGTH,
        error_messages={"max_length": "Searches are limited to %(limit_value)d characters."},
    )
    published_after = PublishedBoundFilter(bound="after", label="Published from")
    published_before = PublishedBoundFilter(bound="before", label="Published until")
    updated_since = ChangedSinceFilter(method="filter_updated_since", label="Changed since")
    ordering = django_filters.ChoiceFilter(
        choices=list(ORDERINGS.items()), method="filter_ordering", label="Order", empty_label=None
    )

    class Meta:
        model = Article
        fields = [
            "event",
            "country",
            "organization",
            "person",
            "agency",
            "dateline_country",
            "language",
            "q",
            "published_after",
            "published_before",
            "updated_since",
            "ordering",
        ]

    def filter_q(self, queryset, name: str, value: str):
        """Keep reports matching a search (lists stay newest first; /search/ ranks).

        In the sync stream the search reads public text only: withdrawal notices pass
        whatever it asks, as no one may test words against a report taken down."""
        if not queryset.is_change_stream():
            return search.matching(queryset, value)
        withdrawn = Q(status=ArticleStatus.WITHDRAWN)
        return search.matching(queryset.exclude(withdrawn), value) | queryset.filter(withdrawn)

    def filter_agency(self, queryset, name: str, agency: Organization | None):
        return queryset if agency is None else queryset.filter(agency=agency)

    def filter_updated_since(self, queryset, name: str, value):
        """Keep reports that changed for the public at or after a time (the sync stream)."""
        if value is None:
            return queryset
        if not isinstance(value, datetime.datetime):
            value = timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))
        return queryset.filter(changed_at__gte=value)

    def __init__(self, data=None, *args, **kwargs) -> None:
        super().__init__(data, *args, **kwargs)
        if data is not None and wants_sync(data):  # see `records`
            for one in self.filters.values():
                if isinstance(one, RecordFilter):
                    one.extra["everything"] = True

    def filter_ordering(self, queryset, name: str, value: str):
        return queryset  # the list's order is its pagination's (see ArticleViewSet)


def wants_sync(params) -> bool:
    """Whether a request asks for the sync stream rather than a newest-first list."""
    return "updated_since" in params or params.get("ordering") == "updated_at"

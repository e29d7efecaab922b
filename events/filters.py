import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from articles.filters import RecordFilter
from events.models import Event, EventSeries, EventStatus


class StrictBooleanField(forms.Field):
    """true/false (also 1/0, yes/no); any other word is an error, not "no filter"."""

    WORDS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}

    def to_python(self, value: str | None) -> bool | None:
        value = (value or "").strip().lower()
        if not value:
            return None
        if value not in self.WORDS:
            raise forms.ValidationError("Enter true or false.")
        return self.WORDS[value]


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class EventFilterSet(django_filters.FilterSet):
    country = RecordFilter(
        kind="country", lookup="code", method="filter_country", label="Country code"
    )
    series = django_filters.ModelChoiceFilter(
        queryset=lambda request: EventSeries.objects.public(),
        to_field_name="slug",
        label="Series",
    )
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)
    upcoming = StrictBooleanFilter(method="filter_upcoming", label="Upcoming")
    starts_after = django_filters.DateFilter(field_name="start_date", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="start_date", lookup_expr="lte")

    class Meta:
        model = Event
        fields = ["country", "series", "status", "upcoming", "starts_after", "starts_before"]

    def filter_country(self, queryset, name: str, country):
        """Keep events the country hosted or took part in."""
        return queryset if country is None else queryset.involving_country(country)

    def filter_upcoming(self, queryset, name: str, value: bool | None):
        """Keep events that have not ended (true) or have ended (false)."""
        if value is None:
            return queryset
        return queryset.upcoming() if value else queryset.past()

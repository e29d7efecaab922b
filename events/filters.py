import django_filters

from events.models import Event, EventStatus


class EventFilterSet(django_filters.FilterSet):
    country = django_filters.CharFilter(method="filter_country", label="Country code")
    series = django_filters.CharFilter(field_name="series__slug", label="Series")
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)
    upcoming = django_filters.BooleanFilter(method="filter_upcoming", label="Upcoming")
    starts_after = django_filters.DateFilter(field_name="start_date", lookup_expr="gte")
    starts_before = django_filters.DateFilter(field_name="start_date", lookup_expr="lte")

    class Meta:
        model = Event
        fields = ["country", "series", "status", "upcoming", "starts_after", "starts_before"]

    def filter_country(self, queryset, name: str, value: str):
        """Keep events the country hosted or took part in."""
        return queryset.involving_country(value.strip().upper())

    def filter_upcoming(self, queryset, name: str, value: bool):
        """Keep events that have not ended (true) or have ended (false)."""
        return queryset.upcoming() if value else queryset.past()

"""Read API for events."""

from rest_framework import viewsets

from events.filters import EventFilterSet
from events.models import Event
from events.serializers import EventSerializer


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    ordering_fields = ["start_date", "name"]

    def get_queryset(self):
        return (
            Event.objects.public()
            .for_detail()
            .with_published_article_count()
            .order_by("-start_date", "pk")
        )

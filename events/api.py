"""The event API: events and event series, read by anyone, written with a token."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from articles.ninjs import event_to_ninjs
from events.filters import EventFilterSet
from events.models import Event, EventSeries
from events.serializers import (
    EventSerializer,
    EventSeriesSerializer,
    EventSeriesWriteSerializer,
    EventWriteSerializer,
)
from newsroom.api_views import RecordViewSet, visible_to
from newsroom.conditional import record_etag
from newsroom.renderers import NinjsRenderer
from organizations.models import Organization


class EventViewSet(RecordViewSet):
    """Events, latest start first; by slug or id. Public ones only, unless the client
    may view every event (an integrator with the permission)."""

    serializer_class = EventSerializer
    write_serializer_class = EventWriteSerializer
    filterset_class = EventFilterSet
    ordering_fields = ["start_date", "name"]
    ordering = ("-start_date", "-id")

    def get_queryset(self):
        events = visible_to(self.request, Event.objects.all())
        return events.for_detail().with_published_article_count()

    @extend_schema(responses={(200, "application/ninjs+json"): OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get"], renderer_classes=[NinjsRenderer, JSONRenderer])
    def ninjs(self, request, slug=None):
        """The event as an IPTC ninjs 3.1 document of type `event` (`?version=` may only
        say 3.1: ninjs 2.2 has no events)."""
        if request.query_params.get("version", "3.1") != "3.1":
            raise ValidationError({"version": ["Events come as ninjs 3.1 only."]})
        event = self.get_object()
        base = request.build_absolute_uri("/").rstrip("/")
        document = event_to_ninjs(event, base_url=base)
        response = Response(document)
        response["ETag"] = record_etag(event, "ninjs3.1", document)
        return response


class EventSeriesViewSet(RecordViewSet):
    """Event series with at least one public edition (all, for those who may view them)."""

    serializer_class = EventSeriesSerializer
    write_serializer_class = EventSeriesWriteSerializer
    ordering_fields = ["name"]
    ordering = ("name", "id")

    def get_queryset(self):
        organizers = Organization.objects.public().only("pk", "name", "slug")
        return visible_to(self.request, EventSeries.objects.all()).prefetch_related(
            Prefetch("organizers", queryset=organizers)
        )

"""The API of organizations and people: read by anyone, written with a token."""

from __future__ import annotations

from newsroom.api_views import RecordViewSet, visible_to
from organizations.filters import OrganizationFilterSet, PersonFilterSet
from organizations.models import Organization, Person
from organizations.serializers import (
    OrganizationSerializer,
    OrganizationWriteSerializer,
    PersonSerializer,
    PersonWriteSerializer,
)


class OrganizationViewSet(RecordViewSet):
    serializer_class = OrganizationSerializer
    write_serializer_class = OrganizationWriteSerializer
    filterset_class = OrganizationFilterSet
    ordering_fields = ["name"]
    ordering = ("name", "id")

    def get_queryset(self):
        return visible_to(self.request, Organization.objects.all()).for_detail()


class PersonViewSet(RecordViewSet):
    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilterSet
    ordering_fields = ["name"]
    ordering = ("name", "id")

    def get_queryset(self):
        return visible_to(self.request, Person.objects.all()).for_detail()

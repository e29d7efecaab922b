"""Read API for organizations and people."""

from rest_framework import viewsets

from organizations.filters import OrganizationFilterSet, PersonFilterSet
from organizations.models import Organization, Person
from organizations.serializers import OrganizationSerializer, PersonSerializer


class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    ordering_fields = ["name"]

    def get_queryset(self):
        return Organization.objects.public().for_detail().order_by("name", "pk")


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    ordering_fields = ["name"]

    def get_queryset(self):
        return Person.objects.public().for_detail().order_by("name", "pk")

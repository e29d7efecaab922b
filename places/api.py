"""The API of places: countries (by ISO code) and cities (by id), read-only."""

from __future__ import annotations

import django_filters
from rest_framework import viewsets

from articles.filters import RecordFilter
from newsroom.api_access import MethodsFirst
from places.models import City, Country
from places.serializers import CitySerializer, CountrySerializer


class CountryViewSet(MethodsFirst, viewsets.ReadOnlyModelViewSet):
    """Every ISO 3166-1 country, with its count of published reports."""

    serializer_class = CountrySerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    ordering_fields = ["name", "code"]
    ordering = ("name", "code")

    def get_queryset(self):
        return Country.objects.with_published_article_count()

    def get_object(self) -> Country:
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()


class CityFilterSet(django_filters.FilterSet):
    country = RecordFilter(
        kind="country", lookup="code", field_name="country", label="Country code"
    )
    name = django_filters.CharFilter(lookup_expr="istartswith", max_length=200)
    geonames_id = django_filters.NumberFilter(min_value=1)

    class Meta:
        model = City
        fields = ["country", "name", "geonames_id"]


class CityViewSet(MethodsFirst, viewsets.ReadOnlyModelViewSet):
    """The gazetteer's cities (GeoNames), most populous first; by id."""

    serializer_class = CitySerializer
    filterset_class = CityFilterSet
    lookup_value_regex = r"\d{1,18}"
    ordering_fields = ["name", "population"]
    ordering = ("-population", "id")

    def get_queryset(self):
        return City.objects.select_related("country")

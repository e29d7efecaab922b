"""Read API for countries."""

from rest_framework import viewsets

from places.models import Country
from places.serializers import CountrySerializer


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CountrySerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    ordering_fields = ["name", "code", "article_count"]

    def get_queryset(self):
        return Country.objects.with_published_article_count().order_by("name")

    def get_object(self) -> Country:
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()

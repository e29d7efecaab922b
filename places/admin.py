from django.contrib import admin

from editorial.admin import MergeAdminMixin
from newsroom.admin import TrackedAdmin
from places.models import City, Country


@admin.register(Country)
class CountryAdmin(TrackedAdmin):
    list_display = ["code", "name", "alpha3", "official_name"]
    search_fields = ["code", "alpha3", "name", "official_name", "aliases", "demonyms"]
    fields = ["code", "alpha3", "name", "official_name", "demonyms", "aliases"]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []


@admin.register(City)
class CityAdmin(MergeAdminMixin, TrackedAdmin):
    list_display = ["name", "country", "population", "timezone"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "aliases"]
    autocomplete_fields = ["country"]
    ordering = ["-population", "name"]
    readonly_fields = ["geonames_id"]
    show_full_result_count = False
    fields = [
        "name",
        "country",
        "aliases",
        "population",
        ("latitude", "longitude"),
        "timezone",
        "geonames_id",
    ]

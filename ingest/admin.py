from django.contrib import admin

from ingest.models import IncomingVersion


@admin.register(IncomingVersion)
class IncomingVersionAdmin(admin.ModelAdmin):
    """Wire versions held back because the report had been edited locally."""

    list_display = ["article", "received_at", "agency_version", "status", "decided_by"]
    list_filter = ["status", "received_at"]
    list_select_related = ["article", "decided_by"]
    search_fields = ["headline", "article__headline"]
    date_hierarchy = "received_at"
    readonly_fields = [f.name for f in IncomingVersion._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

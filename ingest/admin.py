from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from ingest.models import IncomingVersion, WireSource
from ingest.tasks import QueueUnavailable, enqueue, poll_wire_source


@admin.register(IncomingVersion)
class IncomingVersionAdmin(admin.ModelAdmin):
    """Wire versions held back because the report had been edited locally, and agencies'
    notices that an item must not be used (canceled, withheld)."""

    list_display = ["article", "received_at", "notice", "agency_version", "status", "decided_by"]
    list_filter = ["status", "notice", "received_at"]
    list_select_related = ["article", "decided_by"]
    search_fields = ["headline", "article__headline"]
    date_hierarchy = "received_at"
    readonly_fields = [f.name for f in IncomingVersion._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


class ErrorFilter(admin.SimpleListFilter):
    title, parameter_name = "last run", "health"

    def lookups(self, request, model_admin):
        return [("error", "Failed or had failing items"), ("ok", "Went well")]

    def queryset(self, request, queryset):
        if self.value() == "error":
            return queryset.exclude(last_error="")
        if self.value() == "ok":
            return queryset.filter(last_error="", last_run_at__isnull=False)
        return queryset


@admin.register(WireSource)
class WireSourceAdmin(admin.ModelAdmin):
    """Feeds and folders polled in the background, with how their last run went."""

    actions = ["poll_now"]
    list_display = [
        "name", "address", "agency", "enabled", "interval", "last_run_at", "last_success_at",
        "health", "counts", "next_run_at",
    ]  # fmt: skip
    list_filter = ["enabled", ErrorFilter, "agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "address"]
    autocomplete_fields = ["agency"]
    readonly_fields = [
        "next_run_at", "claimed_until", "last_run_at", "last_success_at", "last_error",
        "items_seen", "items_created", "items_updated", "items_held", "items_failed",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["name", "address", "agency", "interval", "enabled"]}),
        (
            "Last run",
            {
                "fields": [
                    ("last_run_at", "last_success_at", "next_run_at", "claimed_until"),
                    "last_error",
                    ("items_seen", "items_created", "items_updated", "items_held", "items_failed"),
                ]
            },
        ),
    ]

    @admin.display(description="last run")
    def health(self, obj: WireSource) -> str:
        if obj.last_run_at is None:
            return "not run yet"
        if not obj.last_error:
            return "ok"
        return format_html('<span class="errornote">{}</span>', obj.last_error.splitlines()[0])

    @admin.display(description="seen / new / updated / held / failed")
    def counts(self, obj: WireSource) -> str:
        return (
            f"{obj.items_seen} / {obj.items_created} / {obj.items_updated} / "
            f"{obj.items_held} / {obj.items_failed}"
        )

    @admin.action(description="Poll now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet[WireSource]) -> None:
        """Hand the sources to the queue at once; without one, leave them due for poll_sources."""
        sources = list(queryset)
        for source in sources:
            source.mark_due()
        try:
            for source in sources:
                enqueue(poll_wire_source, source.pk, True)
        except QueueUnavailable as error:
            self.message_user(
                request,
                f"Marked {len(sources)} source(s) due, but nothing polls them now: {error} "
                "`manage.py poll_sources` polls due sources by hand.",
                messages.WARNING,
            )
            return
        self.message_user(request, f"Polling {len(sources)} source(s) in the background.")

from django.contrib import admin
from django.db.models import Prefetch, Q

from articles.models import Article
from articles.workflow_admin import WorkflowAdminMixin
from editorial.history import HistoryAdmin
from events.models import Event
from ingest.desk import WireDeskMixin
from newsroom.admin import AUDIT_FIELDSET, TrackedAdmin
from places.models import Country


class CountryTagFilter(admin.SimpleListFilter):
    """Filter by a country the report is tagged with or datelined in."""

    title = "country"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        used = Country.objects.filter(
            Q(articles__isnull=False) | Q(datelined_articles__isnull=False)
        ).distinct()
        return used.order_by("name").values_list("code", "name")

    def queryset(self, request, queryset):
        code = (self.value() or "").upper()
        if len(code) == 2 and code.isalpha():
            return queryset.about_country(code)
        return queryset


@admin.register(Article)
class ArticleAdmin(WorkflowAdminMixin, WireDeskMixin, HistoryAdmin, TrackedAdmin):
    actions = ["submit_selected", "publish_selected", "lift_embargo_selected"]
    list_display = [
        "headline",
        "state",
        "published_at",
        "agency",
        "dateline_raw",
        "event_tags",
        "country_tags",
    ]
    list_filter = [
        "status",
        ("agency", admin.RelatedOnlyFieldListFilter),
        ("events", admin.RelatedOnlyFieldListFilter),
        CountryTagFilter,
        "published_at",
        ("near_duplicate_of", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["agency"]
    search_fields = ["headline", "summary", "dateline_raw", "agency_item_id", "byline"]
    date_hierarchy = "published_at"
    autocomplete_fields = [
        "agency",
        "dateline_city",
        "dateline_country",
        "events",
        "countries",
        "organizations",
        "people",
        "update_of",
        "correction_of",
        "near_duplicate_of",
    ]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = [*TrackedAdmin.readonly_fields, "version"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "summary", "body"]}),
        (
            "Dateline and source",
            {
                "fields": [
                    "dateline_raw",
                    ("dateline_city", "dateline_country", "dateline_date"),
                    ("agency", "agency_item_id"),
                    "byline",
                    "language",
                    "source_url",
                ]
            },
        ),
        ("Tags", {"fields": ["events", "countries", "organizations", "people"]}),
        ("Publishing", {"fields": ["state", "published_at", "embargo_until", "version"]}),
        (
            "Related reports",
            {
                "classes": ["collapse"],
                "fields": ["update_of", "correction_of", "correction_note", "near_duplicate_of"],
            },
        ),
        AUDIT_FIELDSET,
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("events", queryset=Event.objects.only("pk", "name")),
                Prefetch("countries", queryset=Country.objects.only("pk", "name")),
            )
        )

    @admin.display(description="events")
    def event_tags(self, obj: Article) -> str:
        return ", ".join(event.name for event in obj.events.all())

    @admin.display(description="countries")
    def country_tags(self, obj: Article) -> str:
        return ", ".join(country.name for country in obj.countries.all())

import re

from django.contrib import admin
from django.db.models import Prefetch, prefetch_related_objects

from articles.models import Article, Coverage
from articles.workflow_admin import WorkflowAdminMixin
from editorial.history import HistoryAdmin
from events.models import Event
from ingest.desk import WireDeskMixin
from newsroom.admin import AUDIT_FIELDSET, EstimatedCountPaginator, TrackedAdmin
from newsroom.pagination import is_number
from organizations.models import Organization, Person
from places.models import Country


class ChosenFilter(admin.SimpleListFilter):
    """A list filter that filters whenever a value is chosen, listed among its choices or not."""

    def has_output(self) -> bool:
        # The admin applies only the filters it shows: a chosen entity outside the
        # choices (tagged on drafts alone, say) must still filter, never show everything.
        return bool(self.value()) or super().has_output()


class EntityListFilter(ChosenFilter):
    """Filter by an entity the report is about, read off the coverage index.

    Choices come from the registry alone (never from a join over the reports), and any
    entity can be chosen by its key in the address, e.g. from its own admin page.
    """

    kind = ""  # subclasses name the kind and define choices_queryset()

    def lookups(self, request, model_admin):
        return [(str(obj.pk), str(obj)) for obj in self.choices_queryset()]

    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        if not (re.fullmatch("[A-Za-z]{2}", value) if self.kind == "country" else is_number(value)):
            return queryset.none()
        model = Coverage.entity_model(self.kind)
        entity = model.objects.filter(pk=value.upper() if self.kind == "country" else value).first()
        return queryset.about(**{self.kind: entity}) if entity else queryset.none()


class CountryTagFilter(EntityListFilter):
    title, parameter_name, kind = "country", "country", "country"

    def choices_queryset(self):
        return Country.objects.filter(coverage_count__gt=0).only("code", "name")


class EventTagFilter(EntityListFilter):
    title, parameter_name, kind = "event (latest 30 with reports)", "event", "event"

    def choices_queryset(self):
        covered = Event.objects.filter(coverage_count__gt=0).order_by("-start_date", "-pk")
        return covered.only("pk", "name")[:30]


class AgencyFilter(ChosenFilter):
    title, parameter_name = "agency", "agency"

    def lookups(self, request, model_admin):
        return [
            (str(pk), name)
            for pk, name in Organization.objects.agencies().values_list("pk", "name")
        ]

    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        return queryset.filter(agency_id=value) if is_number(value) else queryset.none()


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
        AgencyFilter,
        EventTagFilter,
        CountryTagFilter,
        "published_at",
        ("near_duplicate_of", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["agency"]
    # Each searched column has an index on PostgreSQL (trigram; exact for the item id).
    search_fields = ["headline", "dateline_raw", "byline", "=agency_item_id"]
    ordering = ["-pk"]  # newest arrivals first, straight off an index even when filtered
    paginator = EstimatedCountPaginator
    show_full_result_count = False
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

    def get_object(self, request, object_id, from_field=None):
        """The report being edited, with all its tags loaded once (names only) for the
        form's initial values and the suggestion panel's "applied" marks."""
        article = super().get_object(request, object_id, from_field)
        if article is not None:
            prefetch_related_objects(
                [article],
                Prefetch("organizations", queryset=Organization.objects.only("pk", "name")),
                Prefetch("people", queryset=Person.objects.only("pk", "name")),
            )
        return article

    @admin.display(description="events")
    def event_tags(self, obj: Article) -> str:
        return ", ".join(event.name for event in obj.events.all())

    @admin.display(description="countries")
    def country_tags(self, obj: Article) -> str:
        return ", ".join(country.name for country in obj.countries.all())

from typing import cast

from django.contrib import admin

from editorial.admin import MergeAdminMixin
from editorial.history import HistoryAdmin
from events.models import Event, EventSeries, Participation
from newsroom.admin import AUDIT_FIELDSET, AutocompleteInline, TrackedAdmin


class ParticipationInline(AutocompleteInline):
    model = Participation
    fk_name = "event"
    autocomplete_fields = ["country", "organization"]
    extra = 1


class EditionInline(admin.TabularInline):
    model = Event
    fields = ["name", "edition", "start_date", "end_date", "status"]
    readonly_fields = cast(list[str], fields)
    show_change_link = True
    can_delete = False
    extra = 0
    max_num = 0
    ordering = ["-start_date"]


@admin.register(EventSeries)
class EventSeriesAdmin(HistoryAdmin, TrackedAdmin):
    list_display = ["name", "website"]
    search_fields = ["name", "aliases"]
    autocomplete_fields = ["organizers"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EditionInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "description", "website", "organizers"]}),
        AUDIT_FIELDSET,
    ]


@admin.register(Event)
class EventAdmin(MergeAdminMixin, HistoryAdmin, TrackedAdmin):
    list_display = ["name", "start_date", "end_date", "city", "country", "status"]
    list_filter = [
        "status",
        "always_public",
        "start_date",
        ("series", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["city", "country"]
    search_fields = ["name", "aliases", "theme"]
    autocomplete_fields = ["series", "city", "country", "organizers"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "start_date"
    inlines = [ParticipationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", ("series", "edition"), "status", "aliases"]}),
        ("On the public site", {"fields": ["always_public"]}),
        ("When and where", {"fields": [("start_date", "end_date"), "city", "country", "venue"]}),
        ("About", {"fields": ["theme", "description", "organizers", "website"]}),
        AUDIT_FIELDSET,
    ]


@admin.register(Participation)
class ParticipationAdmin(TrackedAdmin):
    list_display = ["event", "participant", "role", "note"]
    list_filter = ["role"]
    list_select_related = ["event", "country", "organization"]
    search_fields = ["event__name", "country__name", "organization__name"]
    autocomplete_fields = ["event", "country", "organization"]

from django.contrib import admin

from editorial.admin import MergeAdminMixin
from editorial.history import HistoryAdmin
from newsroom.admin import AUDIT_FIELDSET, AutocompleteInline, TrackedAdmin
from organizations.models import Affiliation, Organization, Person


class PersonAffiliationInline(AutocompleteInline):
    model = Affiliation
    fk_name = "person"
    autocomplete_fields = ["organization"]
    extra = 0


class OrganizationAffiliationInline(AutocompleteInline):
    model = Affiliation
    fk_name = "organization"
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = "person"
    verbose_name_plural = "people"


@admin.register(Organization)
class OrganizationAdmin(MergeAdminMixin, HistoryAdmin, TrackedAdmin):
    list_display = ["name", "short_name", "kind", "country", "active_years"]
    list_filter = ["kind", "always_public", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "short_name", "aliases"]
    autocomplete_fields = ["country", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganizationAffiliationInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "country", "parent", "aliases"]}),
        ("On the public site", {"fields": ["always_public"]}),
        ("About", {"fields": ["description", "website", ("founded_year", "closed_year")]}),
        (
            "As a news source",
            {"fields": ["signs", "languages", "other_sites"], "classes": ["collapse"]},
        ),
        AUDIT_FIELDSET,
    ]


@admin.register(Person)
class PersonAdmin(MergeAdminMixin, HistoryAdmin, TrackedAdmin):
    list_display = ["name", "country", "description"]
    list_filter = ["always_public", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "aliases"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAffiliationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "aliases", "country"]}),
        ("On the public site", {"fields": ["always_public"]}),
        ("About", {"fields": ["description", ("born_year", "died_year")]}),
        AUDIT_FIELDSET,
    ]


@admin.register(Affiliation)
class AffiliationAdmin(TrackedAdmin):
    list_display = ["person", "organization", "title", "since", "until"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "organization__name", "title"]
    autocomplete_fields = ["person", "organization"]

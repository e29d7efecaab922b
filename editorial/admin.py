from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from editorial.merge import MergeError, merge_records
from editorial.models import EditorialAction

if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin  # the mixin relies on ModelAdmin's attributes
else:
    _AdminBase = object


@admin.register(EditorialAction)
class EditorialActionAdmin(admin.ModelAdmin):
    """Recent editorial actions: published, withdrawn, embargo lifted, merged, restored."""

    list_display = ["at", "action", "object_link", "actor", "note"]
    list_filter = ["action", "content_type", "at"]
    search_fields = ["object_repr", "note", "actor__username"]
    date_hierarchy = "at"
    list_select_related = ["actor", "content_type"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="record", ordering="object_repr")
    def object_link(self, action: EditorialAction) -> str:
        ct = action.content_type
        try:
            url = reverse(f"admin:{ct.app_label}_{ct.model}_change", args=[action.object_id])
        except NoReverseMatch:
            return action.object_repr
        return format_html('<a href="{}">{}</a>', url, action.object_repr)


class MergeAdminMixin(_AdminBase):
    """An admin action that merges the selected duplicates into the one the editor keeps."""

    actions = ["merge_selected"]

    @admin.action(description="Merge selected duplicates into one", permissions=["merge"])
    def merge_selected(self, request: HttpRequest, queryset):
        records = list(queryset)
        if len(records) < 2:
            self.message_user(request, "Select at least two records to merge.", messages.WARNING)
            return None
        keep_pk = request.POST.get("keep")
        if "confirm" in request.POST and keep_pk:
            keep = next((r for r in records if str(r.pk) == keep_pk), None)
            if keep is None:
                raise PermissionDenied
            try:
                merge_records(keep, [r for r in records if r.pk != keep.pk], by=request.user)
            except MergeError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(request, f"Merged {len(records) - 1} record(s) into “{keep}”.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Merge {self.model._meta.verbose_name_plural}",
            "records": records,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/editorial/merge_confirm.html", context)

    def has_merge_permission(self, request: HttpRequest) -> bool:
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}") and (
            request.user.has_perm(f"{opts.app_label}.delete_{opts.model_name}")
        )

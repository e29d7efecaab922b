"""Admin pieces shared by every app."""

from django.contrib import admin
from django.db import models


class TrackedAdmin(admin.ModelAdmin):
    """Record who created and who last changed a record."""

    readonly_fields = ("created_at", "created_by", "updated_at", "updated_by")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


AUDIT_FIELDSET = (
    "Record",
    {"classes": ["collapse"], "fields": ["created_at", "created_by", "updated_at", "updated_by"]},
)

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from integrations.models import (
    ApiToken,
    ApiTokenQuerySet,
    Delivery,
    DeliveryStatus,
    PushEvent,
    Webhook,
)


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["user", "name"]

    def validate_unique(self) -> None:
        """Accept a user who has a token already: the new one replaces it."""


class RevokedFilter(admin.SimpleListFilter):
    title, parameter_name = "state", "state"

    def lookups(self, request, model_admin):
        return [("active", "Active"), ("revoked", "Revoked")]

    def queryset(self, request, queryset):
        if self.value() == "active":
            return queryset.filter(revoked_at__isnull=True)
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Integrators' tokens: the key is shown once, when made; only its hash is kept."""

    form = ApiTokenForm
    actions = ["revoke"]
    list_display = ["user", "name", "key_prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [RevokedFilter, "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "name", "=key_prefix"]
    autocomplete_fields = ["user"]
    readonly_fields = ["key_prefix", "created_at", "created_by", "last_used_at", "revoked_at"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "user"] if obj else []

    def get_fields(self, request, obj=None):
        return ["user", "name", *self.readonly_fields] if obj else ["user", "name"]

    def save_model(self, request, obj: ApiToken, form, change: bool) -> None:
        """Make a new token (replacing the user's old one) and show its key, this once."""
        if change:
            obj.save()
            return
        key = obj.issue(by=request.user)
        self.message_user(
            request,
            f"The new key for {obj.user}: {key} — copy it now: it is not stored and will not "
            "be shown again. Any earlier token of this user no longer works.",
            messages.WARNING,
        )

    @admin.action(description="Revoke the selected tokens", permissions=["change"])
    def revoke(self, request: HttpRequest, queryset: ApiTokenQuerySet) -> None:
        count = queryset.revoke()
        self.message_user(request, f"Revoked {count} token(s); they no longer work.")


class WebhookForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=PushEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="What to push: a report made public, changed while public, withdrawn.",
    )

    class Meta:
        model = Webhook
        fields = ["owner", "url", "events", "country", "event", "active"]
        field_classes = {"url": partial(forms.URLField, assume_scheme="https")}


def last_delivery(field: str) -> Subquery:
    newest = Delivery.objects.filter(webhook=OuterRef("pk")).order_by("-created_at", "-pk")
    return Subquery(newest.values(field)[:1])


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    """Where reports are pushed, with how the last delivery went."""

    form = WebhookForm
    list_display = [
        "url", "owner", "kinds", "country", "event", "active", "created_at", "last_status",
    ]  # fmt: skip
    list_filter = ["active", "created_at"]
    list_select_related = ["owner", "country", "event"]
    search_fields = ["url", "owner__username"]
    autocomplete_fields = ["owner", "country", "event"]
    readonly_fields = ["secret", "created_at", "deliveries_link"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                last_delivery_status=last_delivery("status"),
                last_delivery_code=last_delivery("last_status_code"),
            )
        )

    @admin.display(description="events")
    def kinds(self, obj: Webhook) -> str:
        return ", ".join(obj.events)

    @admin.display(description="last delivery")
    def last_status(self, obj: Webhook) -> str:
        status = getattr(obj, "last_delivery_status", None)
        if status is None:
            return "none yet"
        code = getattr(obj, "last_delivery_code", None)
        label = DeliveryStatus(status).label
        return f"{label} (HTTP {code})" if code else label

    @admin.display(description="deliveries")
    def deliveries_link(self, obj: Webhook) -> str:
        if obj.pk is None:
            return "—"
        url = reverse("admin:integrations_delivery_changelist")
        return format_html('<a href="{}?webhook__id__exact={}">All deliveries</a>', url, obj.pk)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Every push to every webhook, its attempts and how the last one went."""

    actions = ["retry_now"]
    list_display = [
        "pk", "webhook", "article", "kind", "version", "status", "attempts", "last_status_code",
        "next_attempt_at", "delivered_at", "created_at",
    ]  # fmt: skip
    list_filter = ["status", "kind", "webhook", "created_at"]
    list_select_related = ["webhook", "article"]
    search_fields = ["=article__id", "article__headline", "webhook__url", "last_error"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Delivery._meta.fields]
    raw_id_fields = ["article"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("payload", "article__body")

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Send again now", permissions=["change"])
    def retry_now(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        """Make failed or given-up deliveries due now, with a fresh set of attempts."""
        retried = queryset.filter(status__in=[DeliveryStatus.FAILED, DeliveryStatus.GAVE_UP])
        count = retried.update(
            status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        self.message_user(
            request, f"{count} deliveries are due again (the queue, or send_webhooks, sends them)."
        )

"""The editorial workflow in the admin: status buttons, permissions, stale saves, presence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.workflow import (
    LIFT_EMBARGO,
    PUBLISH,
    RESTORE,
    TRANSITIONS,
    WITHDRAW,
    ArticleStatus,
    InvalidTransition,
    available_steps,
)
from editorial import presence
from editorial.versioning import StaleVersion, ensure_current

if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin  # the mixin relies on ModelAdmin's attributes
else:
    _AdminBase = object


class ArticleAdminForm(forms.ModelForm):
    """The report form, refusing a save based on a version someone else has since changed."""

    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = ["headline"]  # the admin supplies the full list from its fieldsets

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_version"].initial = self.instance.version

    def clean(self) -> dict:
        data = cast(dict[str, Any], super().clean())  # a ModelForm's is cleaned_data
        expected = data.get("based_on_version")
        if self.instance.pk and expected is None:
            raise forms.ValidationError("Not saved: reload the page and make your changes again.")
        if self.instance.pk:
            try:
                ensure_current(Article, self.instance.pk, cast(int, expected))  # not None
            except StaleVersion as stale:
                raise forms.ValidationError(
                    f"Not saved: {stale} Your text is still in the form below — copy what you "
                    "need, then reload the page to see their version and apply your changes again."
                ) from None
        return data


class WorkflowAdminMixin(_AdminBase):
    """Status changes only through the workflow; refuse what the user may not do."""

    form = ArticleAdminForm

    def get_urls(self):
        return [
            path(
                "<int:pk>/workflow/<str:step>/",
                self.admin_site.admin_view(require_POST(self.workflow_view)),
                name="articles_article_workflow",
            ),
            *super().get_urls(),
        ]

    def get_fieldsets(self, request, obj=None):
        zone = timezone.get_current_timezone_name()
        return [
            (name, {**options, "description": f"Times are in {zone}; they are stored in UTC."})
            if name == "Publishing"
            else (name, options)
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "state"]
        if not request.user.has_perm(PUBLISH):
            fields += ["published_at"]
        if obj is not None and obj.embargo_until and not request.user.has_perm(LIFT_EMBARGO):
            fields += ["embargo_until"]  # setting one is fine; shortening it is lifting it
        return fields

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or obj.status in (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW):
            return True
        return request.user.has_perm(PUBLISH) or request.user.has_perm(WITHDRAW)

    def has_restore_permission(self, request, obj) -> bool:
        """Restoring an earlier revision is an editor's call, on top of editing the report."""
        return request.user.has_perm(RESTORE) and self.has_change_permission(request, obj)

    @admin.display(description="status")
    def state(self, article: Article) -> str:
        """Status as an editor needs it: scheduled and embargoed spelled out, with time zone."""
        label = article.get_status_display()
        if article.is_scheduled:
            label = f"Scheduled for {timezone.localtime(article.published_at):%d %b %Y, %H:%M %Z}"
        if article.is_embargoed:
            label += (
                f" · EMBARGOED until {timezone.localtime(article.embargo_until):%d %b %Y, %H:%M %Z}"
            )
        if article.status == ArticleStatus.WITHDRAWN and article.withdrawn_at:
            label += f" on {timezone.localtime(article.withdrawn_at):%d %b %Y, %H:%M %Z}"
        return format_html('<span class="status status-{}">{}</span>', article.status, label)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            presence.mark_editing(obj, request.user)
            context["others_editing"] = presence.others_editing(obj, request.user)
            context["workflow_steps"] = available_steps(request.user, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_view(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        """Run one workflow step on a report (permission checked by the step itself)."""
        article = get_object_or_404(Article, pk=pk)
        if step not in TRANSITIONS:
            return HttpResponse("Unknown workflow step.", status=400)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        try:
            if step == "withdraw":
                article.withdraw(by=request.user, reason=request.POST.get("reason", ""))
            else:
                getattr(article, step)(by=request.user)
        except InvalidTransition as error:
            messages.error(request, str(error))
        else:
            label = TRANSITIONS[step].label.lower()
            messages.success(request, f"“{article}”: {label} — done.")
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[pk]))

    def _run_on_selected(self, request, queryset, step: str) -> None:
        done, refused = 0, []
        for article in queryset:
            try:
                getattr(article, step)(by=request.user)
                done += 1
            except InvalidTransition as error:
                refused.append(f"{article}: {error}")
        self.message_user(request, f"{TRANSITIONS[step].label}: {done} report(s).")
        for line in refused:
            self.message_user(request, line, messages.WARNING)

    @admin.action(description="Submit selected drafts for review", permissions=["change"])
    def submit_selected(self, request, queryset) -> None:
        self._run_on_selected(request, queryset, "submit")

    @admin.action(description="Publish selected reports", permissions=["publish"])
    def publish_selected(self, request, queryset) -> None:
        self._run_on_selected(request, queryset, "publish")

    @admin.action(description="Lift the embargo of selected reports", permissions=["lift_embargo"])
    def lift_embargo_selected(self, request, queryset) -> None:
        self._run_on_selected(request, queryset, "lift_embargo")

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(PUBLISH)

    def has_lift_embargo_permission(self, request) -> bool:
        return request.user.has_perm(LIFT_EMBARGO)

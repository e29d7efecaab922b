"""The workflow's admin screens, as plain views and actions the report admin routes to.

Each step is taken by the report's own method (`articles.workflow`), which checks the
permission and the status against `TRANSITIONS`; these only say how it went.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from articles.models import Article
from articles.workflow import TRANSITIONS, InvalidTransition


def workflow_view(
    request: HttpRequest, model_admin: ModelAdmin, pk: int, step: str
) -> HttpResponse:
    """Take one workflow step on a report (a button on its change page)."""
    article = get_object_or_404(Article, pk=pk)
    if step not in TRANSITIONS:
        return HttpResponse("Unknown workflow step.", status=400)
    if not model_admin.has_view_or_change_permission(request, article):
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


def _run_on_selected(
    model_admin: ModelAdmin, request: HttpRequest, queryset: QuerySet[Article], step: str
) -> None:
    done, refused = 0, []
    for article in queryset:
        try:
            getattr(article, step)(by=request.user)
            done += 1
        except InvalidTransition as error:
            refused.append(f"{article}: {error}")
    model_admin.message_user(request, f"{TRANSITIONS[step].label}: {done} report(s).")
    for line in refused:
        model_admin.message_user(request, line, messages.WARNING)


@admin.action(description="Submit selected drafts for review", permissions=["change"])
def submit_selected(model_admin: ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    _run_on_selected(model_admin, request, queryset, "submit")


@admin.action(description="Publish selected reports", permissions=["publish"])
def publish_selected(model_admin: ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    _run_on_selected(model_admin, request, queryset, "publish")


@admin.action(description="Lift the embargo of selected reports", permissions=["lift_embargo"])
def lift_embargo_selected(
    model_admin: ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> None:
    _run_on_selected(model_admin, request, queryset, "lift_embargo")

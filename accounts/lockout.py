"""The answer to a sign-in attempt while sign-in is paused (django-axes' lockout)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """Say plainly that sign-in is paused and for how long; 429 Too Many Requests."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    context = {**admin.site.each_context(request), "title": "Sign-in paused", "minutes": minutes}
    response = TemplateResponse(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response.render()

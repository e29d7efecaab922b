"""The admin site: sign-in limited by django-axes, two-factor sign-in by django-otp."""

from __future__ import annotations

from functools import update_wrapper
from typing import TYPE_CHECKING, Protocol, cast

import segno
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login

from accounts.forms import StaffLoginForm
from accounts.two_factor import confirmed_device, is_required, pending_device, secret

if TYPE_CHECKING:

    class OTPUser(Protocol):
        """request.user as django-otp's OTPMiddleware leaves it."""

        def is_verified(self) -> bool: ...


class StaffAdminSite(admin.AdminSite):
    site_header = "Newsroom"
    site_title = "Newsroom admin"
    index_title = "Wire desk and registry"
    login_form = StaffLoginForm

    def admin_view(self, view, cacheable=False):
        """Every admin page; with REQUIRE_2FA, editors and superusers who have not
        signed in with an authenticator code are sent to set one up first."""
        inner = super().admin_view(view, cacheable)

        def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if is_required(request.user) and not cast("OTPUser", request.user).is_verified():
                return HttpResponseRedirect(reverse("admin:two_factor"))
            return inner(request, *args, **kwargs)

        return update_wrapper(guarded, view)

    def get_urls(self):
        two_factor = never_cache(csrf_protect(login_required(self.two_factor_view)))
        return [
            path("two-factor/", two_factor, name="two_factor"),
            *super().get_urls(),
        ]

    def two_factor_view(self, request: HttpRequest) -> HttpResponse:
        """Set up (or turn off) two-factor sign-in with an authenticator app."""
        user = request.user
        if not user.is_active or not user.is_staff:
            return HttpResponseRedirect(reverse("admin:login"))
        device = confirmed_device(user)
        required = is_required(user)
        error = ""
        if request.method == "POST":
            token = request.POST.get("otp_token", "").strip()
            if device is None:
                pending = pending_device(user)
                if pending.verify_token(token):
                    pending.confirmed = True
                    pending.save(update_fields=["confirmed"])
                    otp_login(request, pending)
                    messages.success(request, "Two-factor sign-in is on.")
                    return HttpResponseRedirect(reverse("admin:index"))
            elif not cast("OTPUser", user).is_verified():
                if device.verify_token(token):  # a session begun before the code was set
                    otp_login(request, device)
                    return HttpResponseRedirect(reverse("admin:index"))
            elif required:
                messages.error(request, "Two-factor sign-in is required for your role.")
                return HttpResponseRedirect(reverse("admin:two_factor"))
            elif device.verify_token(token):
                device.delete()
                messages.success(request, "Two-factor sign-in is off.")
                return HttpResponseRedirect(reverse("admin:index"))
            error = "That code is wrong or has expired: enter the one your app shows now."
        context = {
            **self.each_context(request),
            "title": "Two-factor sign-in",
            "device": device,
            "required": required,
            "error": error,
        }
        if device is None:
            pending = pending_device(user)
            context["secret"] = secret(pending)
            context["qr_svg"] = segno.make(pending.config_url, error="m").svg_inline(scale=4)
        return TemplateResponse(request, "accounts/two_factor.html", context)

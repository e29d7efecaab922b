"""The address a request comes from, for limiting sign-in attempts per address."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """Return the client's address: REMOTE_ADDR, or, when that is a trusted proxy (the
    TLS proxy in front, `TRUSTED_PROXIES`), the address the proxy appended last to
    X-Forwarded-For. Earlier entries are whatever the client sent, so never trusted."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if remote in settings.TRUSTED_PROXIES and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return remote

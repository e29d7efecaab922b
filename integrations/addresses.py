"""Where a webhook may point: https only, and never at a loopback or private address.

Plain http is allowed with DEBUG or WEBHOOK_ALLOW_HTTP; private hosts with
WIRE_ALLOW_PRIVATE_HOSTS, the same switch (and the same test, `ingest.sources.is_public`)
that guards the feeds the wire desk fetches. The host is checked when a webhook is saved
and again before every delivery, since a name may later resolve elsewhere.
"""

from __future__ import annotations

import socket
from urllib.parse import SplitResult, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

from ingest.sources import is_public


class UnsafeAddress(ValueError):
    """The webhook's address may not be called (scheme, unknown host or private address)."""


def allowed_schemes() -> tuple[str, ...]:
    """Return the URL schemes webhooks may use under the current settings."""
    if settings.DEBUG or getattr(settings, "WEBHOOK_ALLOW_HTTP", False):
        return ("https", "http")
    return ("https",)


def check_url(url: str) -> SplitResult:
    """Return the URL's parts; raise UnsafeAddress for a wrong scheme or a missing host."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in allowed_schemes():
        raise UnsafeAddress("A webhook's address must start with https://.")
    if not parts.hostname:
        raise UnsafeAddress("The webhook's address has no host name.")
    return parts


def default_port(parts: SplitResult) -> int:
    """Return the URL's port, or its scheme's default."""
    return parts.port or (443 if parts.scheme.lower() == "https" else 80)


def public_addresses(parts: SplitResult) -> list[str]:
    """Return the host's addresses, refusing the host if any of them is not public."""
    host = parts.hostname or ""
    try:
        infos = socket.getaddrinfo(host, default_port(parts), type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnsafeAddress(f"The webhook's host {host} could not be found.") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not settings.WIRE_ALLOW_PRIVATE_HOSTS:
        for address in addresses:
            if not is_public(address):
                raise UnsafeAddress(
                    f"The webhook's host {host} is at {address}, a loopback, link-local or "
                    "private address; set WIRE_ALLOW_PRIVATE_HOSTS=1 to allow such hosts."
                )
    return addresses


def validate_webhook_url(url: str) -> None:
    """Refuse a webhook address that could not be delivered to (a model field validator)."""
    if not urlsplit(url).hostname:
        return  # malformed: the URL field's own validator says so
    try:
        public_addresses(check_url(url))
    except UnsafeAddress as error:
        raise ValidationError(str(error), code="unsafe_address") from None

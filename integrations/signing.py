"""Webhook signatures: HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret.

`verify_signature` is the reference implementation for integrators (docs/api.md).
"""

from __future__ import annotations

import hashlib
import hmac
import time

SCHEME = "sha256="


def sign(secret: str, timestamp: int | str, body: bytes | str) -> str:
    """Return the X-Newsroom-Signature header value for a body sent at `timestamp`."""
    raw = body.encode() if isinstance(body, str) else body
    message = f"{timestamp}.".encode() + raw
    return SCHEME + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(
    secret: str,
    timestamp: int | str,
    body: bytes | str,
    header: str,
    tolerance: int = 300,
    now: float | None = None,
) -> bool:
    """Return whether `header` signs this body and timestamp, sent within `tolerance` s.

    The timestamp check stops an old delivery being replayed; the comparison takes the
    same time whatever the header holds.
    """
    try:
        sent = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs((time.time() if now is None else now) - sent) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, sent, body), (header or "").strip())

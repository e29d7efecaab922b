"""API sign-in with an integrator's token: `Authorization: Bearer <key>` (or `Token <key>`)."""

from __future__ import annotations

from typing import Any

from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from integrations.models import ApiToken
from newsroom.routers import use_primary

SCHEMES = (b"bearer", b"token")


class TokenAuthentication(BaseAuthentication):
    """Authenticate by API token; requests without one are left to the next class."""

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in SCHEMES:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the token as `Authorization: Bearer <key>`, with no spaces in the key."
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("Invalid token.") from None
        return self.authenticate_key(key)

    def authenticate_key(self, key: str) -> tuple[Any, ApiToken]:
        """Return (user, token) for a valid key; refuse unknown, revoked or inactive ones."""
        with use_primary():  # a revocation counts at once, whatever a replica has seen
            token = ApiToken.objects.matching(key)
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid token.")
        if token.is_revoked:
            raise exceptions.AuthenticationFailed("This token has been revoked.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The token's account is inactive.")
        token.note_use()
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        """Say how to authenticate, so failures answer 401 rather than 403."""
        return 'Bearer realm="api"'

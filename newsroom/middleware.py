"""Request checks that hold for every page, form, filter and API call."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase, HttpResponseRedirectBase
from django.middleware.common import CommonMiddleware as DjangoCommonMiddleware
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGetMiddleware
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import escape_leading_slashes, parse_http_date_safe

UNSTORABLE = "\x00"  # PostgreSQL text cannot hold a NUL character
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RejectUnstorableTextMiddleware:
    """Answer 400 to a request whose path, parameters or form fields hold a NUL.

    PostgreSQL refuses NUL in text, so such a value would fail in whatever query, filter,
    search or save it reaches (a 500), or be silently cut; no person types one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _holds_nul(request):
            raise BadRequest("The request holds a NUL character, which no field accepts.")
        return self.get_response(request)


def _holds_nul(request: HttpRequest) -> bool:
    if UNSTORABLE in request.path:
        return True
    data = [request.GET]
    if request.method == "POST" and request.content_type in FORM_TYPES:
        data.append(request.POST)  # file contents are left to the wire desk's own checks
    return any(
        UNSTORABLE in key or any(UNSTORABLE in value for value in values)
        for query in data
        for key, values in query.lists()
    )


# Answers a shared cache (a CDN, a proxy) may keep for everyone.
SHAREABLE_STATUSES = frozenset({200, 301, 404, 410})
PERSONAL = "private, no-store"


class CachePolicyMiddleware:
    """Say who may keep a copy of each answer, so that no cache can leak or hold too long.

    Anything that depends on who asks — a signed-in session, a staff preview, a cookie
    being set, an Authorization header — is `private, no-store`: no cache keeps it. A
    public answer to an anonymous GET (pages, API, 404 and 410 pages) may be kept by
    shared caches for `PUBLIC_CACHE_SECONDS` (60): a withdrawal or a lifted embargo
    reaches readers behind a CDN within that time at worst. ETags and 304s come from
    Django's ConditionalGetMiddleware, outside this one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if _is_personal(request, response):
            control = response.get("Cache-Control", "")
            if "private" not in control or "no-store" not in control:
                response["Cache-Control"] = PERSONAL
        elif (
            request.method in ("GET", "HEAD")
            and response.status_code in SHAREABLE_STATUSES
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        if "public" in response.get("Cache-Control", ""):
            # A shared cache must not hand this anonymous answer to a client with a token.
            patch_vary_headers(response, ("Authorization",))
        return response


def is_personal_request(request: HttpRequest) -> bool:
    """Return whether the answer may depend on who asks (a session, credentials)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def _is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    return is_personal_request(request) or bool(response.cookies)


class PermanentRedirectKeepingMethod(HttpResponseRedirectBase):
    status_code = 308  # the client repeats the same method with the same body


class CommonMiddleware(DjangoCommonMiddleware):
    """Django's, but a write to an address missing its final slash (`POST
    /api/v1/articles`) is sent on with a 308, which keeps the method and the body: a 301
    turns it into a GET that loses the write without an error (and DEBUG answers 500)."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        unsafe = request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
        if unsafe and response.status_code == 404 and self.should_redirect_with_slash(request):
            path = escape_leading_slashes(request.get_full_path(force_append_slash=True))
            return PermanentRedirectKeepingMethod(path)
        return super().process_response(request, response)


class ConditionalGetMiddleware(DjangoConditionalGetMiddleware):
    """Django's, for HEAD too: a HEAD answer carries the ETag its GET would (RFC 9110
    §9.3.2) and answers If-None-Match with 304 (§13.1.2). Django leaves HEAD alone, its
    body being empty on the wire; but a view builds the whole body for a HEAD (the server
    drops it after), so the digest is the GET's."""

    def process_response(self, request: HttpRequest, response: HttpResponse):  # type: ignore[override]
        if request.method != "HEAD" or response.streaming:
            return super().process_response(request, response)
        if self.needs_etag(response) and not response.has_header("ETag"):
            set_response_etag(response)
        etag = response.get("ETag")
        last_modified = parse_http_date_safe(response.get("Last-Modified") or "")
        if etag or last_modified:
            return get_conditional_response(
                request, etag=etag, last_modified=last_modified, response=response
            )
        return response

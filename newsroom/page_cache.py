"""A shared cache of public pages for anonymous readers that cannot serve stale visibility.

Every cached page belongs to a *generation*: any change to a report or to the registry
starts a new one (the signals below), so a withdrawal or an edit is never served from
the cache. A page is kept at most `PAGE_CACHE_SECONDS`, and never past the next moment
a scheduled report, an embargo or a scheduled correction changes what the public may
see, so scheduling still needs no job. Signed-in staff, and anything but a plain GET or
HEAD, bypass the cache. With `REDIS_URL` set, all app servers share it.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age

from newsroom.middleware import is_personal_request

if TYPE_CHECKING:
    from django.template.response import SimpleTemplateResponse

GENERATION_KEY = "page-cache:generation"
BYPASS_PREFIXES = ("/admin/", "/healthz")


def bump_generation(**kwargs) -> None:
    """Start a new generation once the change is committed: pages cached so far are out
    of date. (Bumping before the commit would let a page rendered from the old rows be
    stored under the new generation.)"""
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)
    if _generation.get() is not None:  # in a request: what it reads next is the new one
        _generation.set(_UNREAD)


# The generation a request works in: read from the cache once, at its first use, so a
# page's fragments, cards and the page itself take one look-up (a round trip to Redis)
# instead of one each, and all belong to the same generation. None outside a request.
_UNREAD = -1
_generation: ContextVar[int | None] = ContextVar("page_cache_generation", default=None)


def current_generation() -> int:
    """Return the cache generation: once per request (see `PublicPageCacheMiddleware`),
    on every call elsewhere (commands, the worker)."""
    known = _generation.get()
    if known is None or known == _UNREAD:
        fresh = cache.get(GENERATION_KEY, 0)
        if known is not None:
            _generation.set(fresh)
        return fresh
    return known


def seconds_until_next_change(now: datetime.datetime) -> float | None:
    """Return seconds until a scheduled report, embargo or successor changes the lists
    (two look-ups, each the first entry of an index range)."""
    from articles.coverage import next_visibility_change
    from articles.models import Article

    moment = next_visibility_change(Article.objects.all(), now)
    return (moment - now).total_seconds() if moment else None


class PublicPageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        scope = _generation.set(_UNREAD)
        try:
            return self._respond(request)
        finally:
            _generation.reset(scope)

    def _respond(self, request: HttpRequest) -> HttpResponse:
        if not self._cacheable_request(request):
            return self.get_response(request)
        generation = current_generation()
        key = self._key(request, generation)
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        rendered_at = timezone.now()  # the page shows the world as of now, not as of storing
        response = self.get_response(request)
        if self._cacheable_response(response):
            self._store(key, response, rendered_at)
        return response

    def _cacheable_request(self, request: HttpRequest) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not is_personal_request(request)
            and not request.path.startswith(BYPASS_PREFIXES)
        )

    def _cacheable_response(self, response: HttpResponse) -> bool:
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in control
            and "no-store" not in control
        )

    def _key(self, request: HttpRequest, generation: int) -> str:
        # The API answers JSON or its browsable HTML by the Accept header: keep them apart.
        accept = request.META.get("HTTP_ACCEPT", "")
        address = f"{request.method}:{request.get_host()}:{request.get_full_path()}:{accept}"
        return f"page-cache:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"

    def _store(self, key: str, response: HttpResponse, rendered_at: datetime.datetime) -> None:
        timeout = float(settings.PAGE_CACHE_SECONDS)
        if (max_age := get_max_age(response)) is not None:  # the answer's own (the stream's)
            timeout = min(timeout, float(max_age))
        until_change = seconds_until_next_change(rendered_at)
        if until_change is not None:
            timeout = min(timeout, until_change - (timezone.now() - rendered_at).total_seconds())
        if timeout >= 1:
            lazy = cast("SimpleTemplateResponse", response)  # if it has render()
            if hasattr(response, "render") and not lazy.is_rendered:
                response.render()
            # The body and headers only: lighter to store and to read back than the object.
            cache.set(key, (response.content, dict(response.items())), int(timeout))
        response["X-Page-Cache"] = "miss"


def connect_invalidation() -> None:
    """Start a new generation whenever a report or a registry record changes."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    watched = [
        ("articles", "Article"), ("events", "Event"), ("events", "EventSeries"),
        ("events", "Participation"), ("organizations", "Organization"),
        ("organizations", "Person"), ("organizations", "Affiliation"),
        ("places", "Country"), ("places", "City"),
    ]  # fmt: skip
    for app_label, name in watched:
        model = apps.get_model(app_label, name)
        for signal in (post_save, post_delete):
            signal.connect(bump_generation, sender=model, dispatch_uid=f"page-cache-{name}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                bump_generation, sender=through, dispatch_uid=f"page-cache-{through}"
            )

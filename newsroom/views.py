"""Project-wide error pages and the load balancers' health check."""

import logging
import secrets
import sys

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.db import InterfaceError, OperationalError, connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views import csrf, defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Say plainly why a request was refused; an oversized post names the limit."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1e6
        message = _(
            "What you sent is larger than %(limit).0f MB, the most this site accepts in one "
            "form. Wire reports and feeds over that size cannot be imported; split the feed or "
            "upload the report as a file."
        ) % {"limit": limit}
    elif isinstance(exception, BadRequest) and str(exception):
        message = str(exception)
    else:
        message = _("The request could not be understood.")
    if _is_api(request):
        return JsonResponse({"detail": message}, status=400)
    html = loader.render_to_string("400.html", {"message": message}, request)
    return HttpResponseBadRequest(html)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Answer an unknown address: JSON under the API, the site's 404 page elsewhere."""
    if _is_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Answer a refused request: JSON under the API, the site's 403 page elsewhere."""
    if _is_api(request):
        return JsonResponse({"detail": _("You may not do this.")}, status=403)
    return defaults.permission_denied(request, exception)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Refuse a form sent without its CSRF token: the site's 403 page, saying what to do.

    Under DEBUG, Django's own page names the reason. The API never gets here: its views
    answer a failed check themselves, in JSON.
    """
    if settings.DEBUG:
        return csrf.csrf_failure(request, reason)
    html = loader.render_to_string("403.html", {"csrf_failure": True}, request)
    return HttpResponseForbidden(html)


def server_error(request: HttpRequest) -> HttpResponse:
    """Answer an unhandled error: 503 while the database is unreachable, else 500.

    Nothing here touches the database or needs the request's context. JSON under the
    API, a page elsewhere. Django drops a broken connection when the request ends, so
    the next request reconnects: the site recovers without a restart.
    """
    unavailable = isinstance(sys.exception(), OperationalError | InterfaceError)
    status = 503 if unavailable else 500
    if _is_api(request):
        detail = (
            _("The service is briefly unavailable; try again shortly.")
            if unavailable
            else _("Server error; it has been logged.")
        )
        response: HttpResponse = JsonResponse({"detail": detail}, status=status)
    else:
        # The site's layout (navigation, search) without the request: no context
        # processor runs, so nothing can reach the database or the session.
        page, title = (
            ("503.html", _("Briefly unavailable"))
            if unavailable
            else ("500.html", _("Server error"))
        )
        response = HttpResponse(loader.render_to_string(page, {"title": title}), status=status)
    if unavailable:
        response["Retry-After"] = "30"
    return response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


@require_safe
def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Point browsers asking for /favicon.ico (on pages naming no icon) at the site's."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer a load balancer: 200 if the database and the cache answer, else 503 naming which."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error"}
    body |= {name: "ok" if passed else "error" for name, passed in checks.items()}
    return JsonResponse(body, status=200 if healthy else 503)


def _database_answers() -> bool:
    """Run `SELECT 1` on the default database (a read: nothing is written)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:  # any failure means unhealthy; the reason goes to the log only
        logger.warning("Health check: the database failed: %s", type(error).__name__)
        return False


def _cache_answers() -> bool:
    """Store a value in the default cache, read it back and remove it."""
    # A key of its own: workers sharing the cache do not read each other's value, and
    # frequent checks do not crowd other entries out of a small cache.
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=10)
        answered = cache.get(key) == value
        cache.delete(key)
        return answered
    except Exception as error:
        logger.warning("Health check: the cache failed: %s", type(error).__name__)
        return False

"""Request checks that hold for every page, form, filter and API call."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

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

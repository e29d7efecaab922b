"""Project-wide error pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponseBadRequest
from django.template import loader


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponseBadRequest:
    """Say plainly why a request was refused; an oversized post names the limit."""
    if isinstance(exception, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1e6
        message = (
            f"What you sent is larger than {limit:.0f} MB, the most this site accepts in one form. "
            "Wire reports and feeds over that size cannot be imported; split the feed or upload "
            "the report as a file."
        )
    else:
        message = "The request could not be understood."
    html = loader.render_to_string("400.html", {"message": message}, request)
    return HttpResponseBadRequest(html)

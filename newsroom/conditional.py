"""ETags from versions, and the If-Match check every API write makes.

A report's ETag names its id and version (`"a12v7"`, plus the representation for ninjs:
`"a12v7-ninjs3.1"`), so a client that read any representation can write with it. A
registry record has no version counter: its ETag comes from its last change instead.
GETs get 304 for a matching If-None-Match from Django's ConditionalGetMiddleware.
"""

from __future__ import annotations

import re

from django.db import models
from rest_framework import status
from rest_framework.exceptions import APIException

_ARTICLE_TAG = re.compile(r'(?:W/)?"a(\d+)v(\d+)(?:-[^"]*)?"')
_REPRESENTATION = re.compile(r'-[^"]*"$')  # "r5t1.5-ninjs3.1" names the record of "r5t1.5"


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = (
        "Send If-Match with the ETag of the version you read: writes never overwrite a "
        "change you have not seen."
    )
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it: read it again and reapply."
    default_code = "precondition_failed"


def article_etag(article: models.Model, variant: str = "") -> str:
    """Return the ETag of a report's version (and representation, when not plain JSON)."""
    suffix = f"-{variant}" if variant else ""
    return f'"a{article.pk}v{article.version}{suffix}"'  # type: ignore[attr-defined]


def record_etag(record: models.Model, variant: str = "") -> str:
    """Return the ETag of a registry record: its id and the moment it last changed."""
    changed = record.updated_at  # type: ignore[attr-defined]
    stamp = f"t{changed.timestamp():.6f}" if changed else ""
    suffix = f"-{variant}" if variant else ""
    return f'"r{record.pk}{stamp}{suffix}"'


def if_match_version(request, pk: int) -> int:
    """Return the report version a write's If-Match names (428 without one, 412 if it
    names another report or no version at all)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    for match in _ARTICLE_TAG.finditer(header):
        if int(match.group(1)) == pk:
            return int(match.group(2))
    raise PreconditionFailed("If-Match names no version of this report.")


def require_record_match(request, record: models.Model) -> None:
    """Refuse a write to a registry record unless If-Match carries its current ETag."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    tags = {_REPRESENTATION.sub('"', tag.strip().removeprefix("W/")) for tag in header.split(",")}
    if "*" not in tags and record_etag(record) not in tags:
        raise PreconditionFailed()

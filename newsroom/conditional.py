"""ETags from versions, and the If-Match check every API write makes.

A report's ETag names its id and version (`"a12v7"`, plus the representation for ninjs:
`"a12v7-ninjs3.1"`), so a client that read any representation can write with it. A
registry record has no version counter: its ETag comes from its last change instead.
GETs get 304 for a matching If-None-Match from Django's ConditionalGetMiddleware.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from django.db import models
from rest_framework import status
from rest_framework.exceptions import APIException

_ARTICLE_TAG = re.compile(r'"a(\d{1,18})v(\d{1,18})(?:-[^"]*)?"')
_RECORD_TAG = re.compile(r'"(r\d{1,18}(?:t[\d.]{1,24})?)(?:-[^"]*)?"')


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


def article_etag(article: models.Model, variant: str = "", body: Any = None) -> str:
    """Return a report's ETag: its id and version, the representation when not plain
    JSON, and a digest of the answer's body (what it shows of tags and links changes
    without a new version)."""
    parts = [f"a{article.pk}v{article.version}", variant, _digest(body)]  # type: ignore[attr-defined]
    return '"' + "-".join(part for part in parts if part) + '"'


def record_etag(record: models.Model, variant: str = "", body: Any = None) -> str:
    """Return a registry record's ETag: its id and last change, then as `article_etag`."""
    parts = [_record_core(record), variant, _digest(body)]
    return '"' + "-".join(part for part in parts if part) + '"'


def _record_core(record: models.Model) -> str:
    changed = record.updated_at  # type: ignore[attr-defined]
    return f"r{record.pk}t{changed.timestamp():.6f}" if changed else f"r{record.pk}"


def _digest(body: Any) -> str:
    if body is None:
        return ""
    encoded = json.dumps(body, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:12]


def _tags(header: str) -> list[str]:
    """The entity tags of an If-Match header (weak ones never match: writes compare strongly)."""
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def if_match_version(request, pk: int) -> int:
    """Return the report version a write's If-Match names (428 without one, 412 if it
    names another report or no version at all)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    for tag in _tags(header):
        match = _ARTICLE_TAG.fullmatch(tag)
        if match and int(match.group(1)) == pk:
            return int(match.group(2))
    raise PreconditionFailed("If-Match names no version of this report.")


def require_record_match(request, record: models.Model) -> None:
    """Refuse a write to a registry record unless If-Match carries its current ETag."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    core = _record_core(record)
    if not any((m := _RECORD_TAG.fullmatch(tag)) and m.group(1) == core for tag in _tags(header)):
        raise PreconditionFailed()

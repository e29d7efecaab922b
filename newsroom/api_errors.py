"""How the API refuses: always JSON, `{"detail": message, "errors": {field: [messages]}}`
(errors only for bad input), never an HTML page and never a 500 for input it can name."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Answer every refusal as JSON with a message and, for bad input, field errors."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, IntegrityError):
        exc = exceptions.ValidationError(
            {"non_field_errors": ["This would duplicate a record that already exists."]}
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    renderer = getattr(request, "accepted_renderer", None)  # none if negotiation failed
    if request is not None and getattr(renderer, "format", "") == "ninjs":
        # An error is never a ninjs document: plain JSON, as everywhere.
        request.accepted_renderer, request.accepted_media_type = JSONRenderer(), "application/json"
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        errors = {str(name): _messages(value) for name, value in errors.items()}
        response.data = {"detail": _summary(errors), "errors": errors}
    elif isinstance(data, dict) and "detail" in data:
        response.data = {"detail": str(data["detail"])}
    return response


def _summary(errors: dict) -> str:
    named = [name for name in errors if name != "non_field_errors"]
    if not named:
        return "The request is not valid."
    return "Check " + ", ".join(f"`{name}`" for name in named) + "."


def _messages(value: Any, where: str = "") -> list[str]:
    """A field's errors as a flat list of messages; nested ones (an item of a list, a
    field of an object) say where they are: `"2: Unknown: zz."`."""
    if isinstance(value, dict):
        return [m for key, inner in value.items() for m in _messages(inner, f"{where}{key}: ")]
    if isinstance(value, list):
        return [m for inner in value for m in _messages(inner, where)]
    return [f"{where}{value}"]

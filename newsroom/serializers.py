"""Serializer fields shared by the API of every app."""

from typing import Any

from rest_framework import serializers


class PublicURLField(serializers.ReadOnlyField):
    """The absolute URL of the object's public page."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="get_absolute_url", **kwargs)

    def to_representation(self, value: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(value) if request else value

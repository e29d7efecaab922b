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


class RecordSlugsField(serializers.ListField):
    """A list of records named by slug (or code), for writing tags and links: every name
    must exist, or the field's error lists those that do not."""

    def __init__(self, queryset, *, lookup: str = "slug", **kwargs: Any) -> None:
        self.queryset, self.lookup = queryset, lookup
        kwargs.setdefault("max_length", 200)  # no report carries more tags of one kind
        super().__init__(child=serializers.CharField(max_length=200), **kwargs)

    def to_internal_value(self, data) -> list:
        names = list(dict.fromkeys(super().to_internal_value(data)))
        if self.lookup == "code":
            names = [name.upper() for name in names]
        found = {
            getattr(r, self.lookup): r
            for r in self.queryset.filter(**{f"{self.lookup}__in": names})
        }
        missing = [name for name in names if name not in found]
        if missing:
            raise serializers.ValidationError(f"Unknown: {', '.join(missing)}.")
        return [found[name] for name in names]

    def to_representation(self, value) -> list[str]:
        return [getattr(record, self.lookup) for record in value.all()]


class CountryCodeField(serializers.SlugRelatedField):
    """A country by its ISO alpha-2 code, in either case (`az`, `AZ`)."""

    def __init__(self, **kwargs: Any) -> None:
        from places.models import Country

        super().__init__(slug_field="code", queryset=Country.objects.all(), **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class AliasesField(serializers.ListField):
    """Other names of a record: a list of short strings, as the admin takes them."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(child=serializers.CharField(max_length=255), max_length=50, **kwargs)

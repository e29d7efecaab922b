"""Model and form fields shared by the registry apps."""

from typing import Any

from django import forms
from django.db import models


class AliasesFormField(forms.CharField):
    """Edit a list of names as text, one name per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value or ""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]  # a list, not a str
        lines = value if isinstance(value, list | tuple) else (value or "").splitlines()
        return clean_names(lines)


def clean_names(names: Any) -> list[str]:
    """Return names stripped, whitespace-collapsed, de-duplicated, order kept."""
    seen: set[str] = set()
    result = []
    for name in names:
        name = " ".join(str(name).split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return result


class AliasesField(models.JSONField):
    """A list of alternative names (spellings, transliterations, abbreviations)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("help_text", "Other names and spellings, one per line.")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs: Any) -> forms.Field | None:
        # Skip JSONField's JSON textarea: editors type one name per line.
        return models.Field.formfield(self, form_class=AliasesFormField, **kwargs)

    def get_prep_value(self, value: Any) -> Any:
        return super().get_prep_value(clean_names(value or []))

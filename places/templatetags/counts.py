"""Report counts as lists print them."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def count(value: int | None) -> str:
    """Return a count with thousands separated: 12345 → '12,345' (None → '0').

    Cheaper than the engine's number localization, which long lists of counts feel.
    """
    return f"{int(value or 0):,}"

"""Template tags of the report filter form."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.choices import Options

register = template.Library()


@register.simple_tag
def options(choices: Options, selected: str | None) -> SafeString:
    """Print the `<option>`s of a filter, marking the selected value (in any case).

    The options are rendered once with the choices (thousands of events at a million
    reports); here only the selected one is marked.
    """
    value = choices.values.get((selected or "").strip().lower())
    if value is None:
        return choices.html
    option = f'<option value="{escape(value)}">'
    return mark_safe(choices.html.replace(option, option[:-1] + " selected>", 1))

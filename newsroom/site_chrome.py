"""`{% site_part %}`: the parts of every public page that depend only on the language and
on which section is open — the stylesheet links, the header with its navigation and
search box, the footer.

They are rendered once per process for each such variant and reused, instead of
resolving their ten addresses and translating their labels on every request (a fifth of
a list page's template time). With DEBUG on they are rendered afresh, so that template
edits show at once.

    {% load site_chrome %}{% site_part "header" %}
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.template.context import Context
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

PARTS = frozenset({"head", "header", "footer"})
# The navigation's sections: on one of these pages the header marks its link current.
SECTIONS = ("articles:article_list", "events:event_list", "places:country_list")


@register.simple_tag(takes_context=True)
def site_part(context: Context, part: str) -> SafeString:
    """Print the site's `part` ("head", "header" or "footer") for this page's language."""
    if part not in PARTS:
        raise template.TemplateSyntaxError(f"No site part {part!r}: one of {sorted(PARTS)}.")
    request = context.get("request")
    path, prefix = getattr(request, "path", ""), get_script_prefix()
    variant = (part, get_language(), prefix, path if path in _section_paths(prefix) else "")
    return _render(*variant) if settings.DEBUG else _kept(*variant)


def _render(part: str, language: str, prefix: str, current: str) -> SafeString:
    html = render_to_string(f"includes/site_{part}.html", {"current_path": current}).strip()
    return mark_safe(html)  # rendered, and escaped, by the template


_kept = lru_cache(maxsize=256)(_render)


@lru_cache(maxsize=16)
def _section_paths(prefix: str) -> frozenset[str]:
    return frozenset(reverse(name) for name in SECTIONS)


def _forget(**kwargs) -> None:
    """Settings changed (tests): addresses, static files or templates may differ."""
    _kept.cache_clear()
    _section_paths.cache_clear()


setting_changed.connect(_forget, dispatch_uid="site-chrome-forget")

"""The API's renderers."""

from __future__ import annotations

from typing import Any

from csp.constants import UNSAFE_INLINE
from rest_framework import renderers


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    """DRF's browsable API, whose templates carry style attributes and a <style> element
    (code highlighting): its pages alone allow inline styles — never inline scripts."""

    def get_rendered_html_form(self, data, view, method, request):
        """No forms: their choice lists would name records the public may not see yet.
        Integrators write with a token (docs/api.md), not from the browser."""
        return None

    def get_raw_data_form(self, data, view, method, request):
        return None

    def render(self, data: Any, accepted_media_type=None, renderer_context=None) -> Any:
        response = (renderer_context or {}).get("response")
        if response is not None:
            response._csp_update = {"style-src": [UNSAFE_INLINE]}
        return super().render(data, accepted_media_type, renderer_context)


class NinjsRenderer(renderers.JSONRenderer):
    """IPTC ninjs (`Accept: application/ninjs+json` or `?format=ninjs`): the view hands
    it ninjs documents (`articles.ninjs`), which it writes as JSON."""

    media_type = "application/ninjs+json"
    format = "ninjs"

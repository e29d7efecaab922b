"""The API's renderers."""

from __future__ import annotations

from typing import Any

from csp.constants import UNSAFE_INLINE
from rest_framework import exceptions, renderers
from rest_framework.negotiation import DefaultContentNegotiation


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


class ContentNegotiation(DefaultContentNegotiation):
    """DRF's, but a `?format=` the answer cannot take is `406 Not Acceptable` naming the
    formats it can (DRF answers 404, as if the address did not exist)."""

    def filter_renderers(self, renderers, format):
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            offered = ", ".join(dict.fromkeys(r.format for r in renderers if r.format != "api"))
            raise exceptions.NotAcceptable(f"Choose a `format` this answer comes in: {offered}.")
        return chosen

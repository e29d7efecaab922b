"""The API's renderers."""

from __future__ import annotations

from typing import Any

from csp.constants import UNSAFE_INLINE
from rest_framework import exceptions, renderers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.utils.mediatypes import _MediaType, media_type_matches


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
    formats it can (DRF answers 404, as if the address did not exist), and the `Accept`
    header's quality values count (RFC 9110 §12.5.1): the types a client prefers come
    first, and one it gives `q=0` is never served."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE):
            return super().select_renderer(request, renderers, format_suffix)
        for media in self._by_preference(request):
            for renderer in renderers:
                if media_type_matches(renderer.media_type, media):
                    asked = _MediaType(media)
                    if _MediaType(renderer.media_type).precedence > asked.precedence:
                        return renderer, renderer.media_type  # "*/*": the renderer's own
                    return renderer, media  # with its parameters: `version=2.2`
        raise exceptions.NotAcceptable(available_renderers=renderers)

    def _by_preference(self, request) -> list[str]:
        """The Accept header's types, most wanted first: by quality, then the most specific
        (`text/html` before `text/*`), then as listed; those it refuses left out."""
        ranked = []
        for position, media in enumerate(self.get_accept_list(request)):
            quality = _quality(media)
            if quality > 0:
                ranked.append((-quality, -_MediaType(media).precedence, position, media))
        if not ranked:
            raise exceptions.NotAcceptable("The Accept header refuses every type (q=0).")
        return [media for *_, media in sorted(ranked)]

    def filter_renderers(self, renderers, format):
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            offered = ", ".join(dict.fromkeys(r.format for r in renderers if r.format != "api"))
            raise exceptions.NotAcceptable(f"Choose a `format` this answer comes in: {offered}.")
        return chosen


def _quality(media: str) -> float:
    """The `q` parameter of one media range in an Accept header (1 when absent)."""
    try:
        return max(0.0, min(1.0, float(_MediaType(media).params.get("q", 1))))
    except ValueError:
        return 1.0


def media_parameter(media_type: str | None, name: str) -> str:
    """A parameter of the media type an answer was negotiated for (`version=2.2` of
    `application/ninjs+json; version=2.2`), or ""."""
    return str(_MediaType(media_type or "").params.get(name, "")).strip('"')

"""Text out of a report body that may hold HTML (structured formats) or none (pasted text)."""

from __future__ import annotations

import re

from django.utils.html import strip_tags

# What a pasted report becomes once saved (`sanitize_body`): paragraphs and line breaks,
# with every `&` starting a complete entity. `strip_tags` leaves such text exactly as it
# is with those tags taken out (tests/ingest/test_fast_paths.py holds it to that).
_PARAGRAPH_TAG = re.compile(r"</?p>|<br>")
_LOOSE_AMPERSAND = re.compile(r"&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)")


def plain_text(html: str) -> str:
    """Return html without its tags, as `strip_tags` does; text with no `<` as it is.

    Pasted reports are plain text: `strip_tags` would scan them for tags several times
    per report on the intake path to give them back unchanged. Saved ones hold only
    paragraphs and line breaks, which are simply taken out.
    """
    if "<" not in html:
        return html
    text = _PARAGRAPH_TAG.sub("", html)
    if "<" in text or ">" in text or _LOOSE_AMPERSAND.search(html):
        return strip_tags(html)
    return text

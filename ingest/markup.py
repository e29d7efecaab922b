"""Text out of a report body that may hold HTML (structured formats) or none (pasted text)."""

from __future__ import annotations

from django.utils.html import strip_tags


def plain_text(html: str) -> str:
    """Return html without its tags, as `strip_tags` does; text with no `<` as it is.

    Pasted reports are plain text: `strip_tags` would scan them for tags several times
    per report on the intake path to give them back unchanged.
    """
    return strip_tags(html) if "<" in html else html

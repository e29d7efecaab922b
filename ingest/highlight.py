"""Render a text with its tag suggestions marked, for the editor's preview."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ingest.tagger import TagResult


def highlight(text: str, tags: TagResult) -> SafeString:
    """Return text as HTML paragraphs with each suggested mention in a <mark>."""
    spans = sorted(
        (start, end, suggestion) for suggestion in tags.all() for start, end in suggestion.spans
    )
    pieces: list[str]
    pieces, position = [], 0
    for start, end, suggestion in spans:
        if start < position:
            continue  # overlapping mention: the first one wins the colour
        pieces.append(escape(text[position:start]))
        title = escape(f"{suggestion.kind}: {suggestion.name} — {'; '.join(suggestion.reasons)}")
        pieces.append(
            f'<mark class="tag-{suggestion.kind}" title="{title}">{escape(text[start:end])}</mark>'
        )
        position = end
    pieces.append(escape(text[position:]))
    html = "".join(pieces)
    paragraphs = [p.replace("\n", "<br>") for p in html.split("\n\n") if p.strip()]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))

"""Sanitize report bodies: a safe allow-list of HTML, plain text turned into paragraphs."""

import html
import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "pre", "code",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "abbr", "span",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_BLANK_LINES = re.compile(r"\n\s*\n")
_BLOCK_START = re.compile(r"<(?:p|h[2-6]|ul|ol|dl|blockquote|table|figure|pre|hr)\b")


def looks_like_html(text: str) -> bool:
    """Return whether text contains at least one HTML tag."""
    return bool(_TAG.search(text))


def plain_text_to_html(text: str) -> str:
    """Turn plain text into paragraphs: blank lines split them, single newlines become <br>."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]
    return "\n".join(
        "<p>{}</p>".format("<br>".join(html.escape(line.strip()) for line in p.split("\n")))
        for p in paragraphs
    )


def sanitize_body(body: str) -> str:
    """Return body as safe HTML: markup kept to the allow-list, plain text wrapped in <p>."""
    if not body or not body.strip():
        return ""
    if not looks_like_html(body):
        body = plain_text_to_html(body)
    cleaned = nh3.clean(
        body,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
    # Markup stripped to bare text ("<div>…</div>") would read as plain text next time and
    # be escaped again: keep it in a paragraph, so cleaning twice changes nothing.
    if cleaned and not _BLOCK_START.match(cleaned):
        cleaned = f"<p>{cleaned}</p>" if not looks_like_html(cleaned) else cleaned
    return cleaned

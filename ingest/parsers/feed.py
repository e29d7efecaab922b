"""Read RSS 2.0, RSS 1.0 and Atom feeds into ParsedReports, one per entry."""

from __future__ import annotations

import calendar
import datetime
import re
import time
from typing import Any
from urllib.parse import urljoin

import feedparser
from lxml import etree

from ingest.parsers.newsml import has_markup, html_to_simple, plain_text
from ingest.parsers.safe_xml import parse_xml
from ingest.types import ParsedReport, WireError


def parse_feed(data: bytes) -> list[ParsedReport]:
    """Read each entry of an RSS or Atom feed as a report; a feed without entries gives []."""
    if not data.strip():
        raise WireError("Not an RSS or Atom feed: the file is empty.")
    document = parse_xml(data, lenient=True)
    # feedparser reads the document the gate checked and parsed, re-serialized: well-formed
    # UTF-8 with no DOCTYPE, so it never falls back to its lenient, entity-expanding parser.
    result = feedparser.parse(etree.tostring(document.root, encoding="utf-8"))
    if not result.get("version") and not result.entries:
        raise WireError("Not an RSS or Atom feed: no RSS or Atom elements found.")
    feed = result.feed
    reports = [_read_entry(entry, feed) for entry in result.entries]
    if reports:
        reports[0].warnings.extend(document.warnings)
    return reports


def _read_entry(entry: Any, feed: Any) -> ParsedReport:
    body = _body(entry)
    summary = _without_blurb(plain_text(entry.get("summary", "")))
    link = _absolute(entry.get("link", ""), feed.get("link", ""))
    report = ParsedReport(
        format="feed",
        headline=_text(entry.get("title_detail") or {"value": entry.get("title", "")}),
        body=body,
        summary=summary if summary != plain_text(body) else "",
        agency=plain_text(entry.get("source", {}).get("title") or ""),
        feed_agency=_feed_agency(feed),
        feed_title=plain_text(feed.get("title") or ""),
        agency_item_id=entry.get("id", "") or link,
        source_url=_without_tracking(_web_link(link)),
        byline=entry.get("author_detail", {}).get("name") or entry.get("author", ""),
        language=_language(entry, feed),
        first_created=_when(_raw(entry, "published_parsed")),
        version_created=_when(_raw(entry, "updated_parsed") or _raw(entry, "published_parsed")),
        keywords=_unique(
            tag.get("term") or tag.get("label") or "" for tag in entry.get("tags", [])
        ),
    )
    if not report.body:
        report.warnings.append(f"entry {report.headline or report.agency_item_id!r} has no body")
    return report


def _body(entry: Any) -> str:
    """Return the entry's fullest text: its content, else its summary — HTML as the same
    simple HTML as other formats' bodies (a feed service's share links and tracking
    pixels dropped), plain text as it is."""
    texts = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    text = next((t.strip() for t in texts if t.strip()), "")
    if not has_markup(text):
        return _without_blurb(text)
    blocks = html_to_simple(text).split("\n")
    while blocks and _BLURB.fullmatch(plain_text(blocks[-1])):
        blocks.pop()
    return "\n".join(blocks)


# What a blog engine adds under an item's text (WordPress: "The post … appeared first on
# …"; a teaser's "[…]", "Read more", "Continue reading …"): no words of the story.
_BLURB = re.compile(
    r"The post .+ appeared first on .+|\[(?:…|\.\.\.|&hellip;)\]|(?:Read more|Continue reading)"
    r"\b.{0,80}?"
)
_TRAILING_BLURB = re.compile(rf"(?:\s*(?:{_BLURB.pattern})\.?)+$")


def _without_blurb(text: str) -> str:
    return _TRAILING_BLURB.sub("", text).strip()


def _absolute(link: str, base: str) -> str:
    """An item's address; a relative one (`/news/2026/ferry`) read against the feed's own
    address, as a reader's browser would."""
    if not link or link.startswith(("http://", "https://")):
        return link
    return urljoin(base, link) if base.startswith(("http://", "https://")) else link


def _feed_agency(feed: Any) -> str:
    """Return the source the feed as a whole names (publisher, author): only a fallback,
    since an aggregator's feed carries many agencies' items. (Its title names an agency
    only where the registry knows it: `finish` reads `feed_title`.)"""
    for name in (feed.get("publisher"), feed.get("author")):
        if name and name.strip():
            return plain_text(name)
    return ""


def _language(entry: Any, feed: Any) -> str:
    details = [entry.get("title_detail", {}), *entry.get("content", [])]
    found = [d.get("language") for d in details if d.get("language")]
    return found[0] if found else feed.get("language", "")


def _when(parsed: time.struct_time | None) -> datetime.datetime | None:
    # feedparser normalizes every date it understands to a UTC struct_time.
    if not parsed:
        return None
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)


def _raw(entry: Any, key: str) -> Any:
    # Plain dict access: feedparser's own lookup maps a missing updated_parsed to
    # published_parsed with a DeprecationWarning.
    return dict.get(entry, key)


# What feeds add to an item's address to say which feed or campaign it came through:
# Reuters' `?feedType=RSS&feedName=topNews`, `utm_source=rss`: the story's page is the
# address without them. (The item's id keeps them: ids already stored carry them, and a
# parameter such as `ref` may be what tells two items apart.)
_TRACKING = re.compile(r"^(?:utm_\w+|feedtype|feedname|cmpid|ito|fbclid|gclid)$", re.I)


def _without_tracking(address: str) -> str:
    if "?" not in address or not address.startswith(("http://", "https://")):
        return address
    base, _, query = address.partition("?")
    query, hash_mark, fragment = query.partition("#")
    kept = [p for p in query.split("&") if p and not _TRACKING.match(p.partition("=")[0])]
    rest = f"?{'&'.join(kept)}" if kept else ""
    return f"{base}{rest}{hash_mark}{fragment}"


def _web_link(link: str) -> str:
    return link if link.startswith(("http://", "https://")) else ""


def _text(detail: Any) -> str:
    """Return a feed text construct as plain text; HTML ones lose their tags and entities."""
    value = detail.get("value") or ""
    if "html" not in (detail.get("type") or ""):
        return value.strip()
    text = plain_text(value)
    # a title escaped twice (`&amp;lt;b&amp;gt;Linz`) shows its tags once decoded
    return plain_text(text) if has_markup(text) else text


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in values if value and value.strip()))

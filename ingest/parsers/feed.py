"""Read RSS 2.0, RSS 1.0 and Atom feeds into ParsedReports, one per entry."""

from __future__ import annotations

import calendar
import datetime
import re
import time
from typing import Any

import feedparser

from ingest.parsers.newsml import plain_text
from ingest.types import ParsedReport, WireError

# Only the prolog can declare entities; a DOCTYPE alone (RSS 0.91 has one) is harmless.
_PROLOG_END = re.compile(rb"<[A-Za-z_]")
_ENTITY = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)


def parse_feed(data: bytes) -> list[ParsedReport]:
    """Read each entry of an RSS or Atom feed as a report; a feed without entries gives []."""
    if not data.strip():
        raise WireError("Not an RSS or Atom feed: the file is empty.")
    prolog_end = _PROLOG_END.search(data)
    if _ENTITY.search(data[: prolog_end.start() if prolog_end else len(data)]):
        raise WireError("Not accepted: the feed declares XML entities.")
    result = feedparser.parse(data)
    if not result.get("version") and not result.entries:
        raise WireError(f"Not an RSS or Atom feed: {_reason(result)}.")
    feed = result.feed
    reports = [_read_entry(entry, feed) for entry in result.entries]
    if result.get("bozo") and reports:
        problem = result.get("bozo_exception")
        reports[0].warnings.append(f"the feed is not well-formed ({problem}); read what could be")
    return reports


def _reason(result: Any) -> str:
    if result.get("bozo"):
        return f"it is not well-formed XML ({result.get('bozo_exception')})"
    return "no RSS or Atom elements found (is it a web page?)"


def _read_entry(entry: Any, feed: Any) -> ParsedReport:
    body = _body(entry)
    summary = plain_text(entry.get("summary", ""))
    report = ParsedReport(
        format="feed",
        headline=_text(entry.get("title_detail") or {"value": entry.get("title", "")}),
        body=body,
        summary=summary if summary != plain_text(body) else "",
        agency=plain_text(entry.get("source", {}).get("title") or ""),
        feed_agency=_feed_agency(feed),
        agency_item_id=entry.get("id", "") or entry.get("link", ""),
        source_url=_web_link(entry.get("link", "")),
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
    """Return the entry's fullest text: its content, else its summary (HTML or plain text)."""
    for content in entry.get("content", []):
        if content.get("value", "").strip():
            return content["value"].strip()
    return entry.get("summary", "").strip()


def _feed_agency(feed: Any) -> str:
    """Return the source the feed as a whole names (publisher, author, title): only a
    fallback, since an aggregator's feed carries many agencies' items."""
    for name in (feed.get("publisher"), feed.get("author"), feed.get("title")):
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


def _web_link(link: str) -> str:
    return link if link.startswith(("http://", "https://")) else ""


def _text(detail: Any) -> str:
    """Return a feed text construct as plain text; HTML ones lose their tags and entities."""
    value = detail.get("value") or ""
    return plain_text(value) if "html" in (detail.get("type") or "") else value.strip()


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in values if value and value.strip()))

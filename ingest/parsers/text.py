"""Read a wire report pasted as plain text: date line, headline, byline, dateline, agency."""

from __future__ import annotations

import datetime
import re

from ingest.dateline import PlaceLookup, find_dateline
from ingest.dates import read_date
from ingest.types import Dateline, ParsedReport

MAX_HEADLINE = 200
_DATE_LINE = re.compile(r"^\s*(?:date|dated|дата)\s*[:\-–]?\s*(?P<date>[^\n]{6,30}?)\s*$", re.I)
_BYLINE = re.compile(r"^\s*(?:by|от|von|par|por)\s+(?P<name>[^\W\d][^\n]{2,80})$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZА-ЯЁ0-9])")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None) | {0xA0: " "}


def normalize_text(text: str) -> str:
    """Unify line ends and spaces, drop invisible characters."""
    text = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def first_sentence(text: str, limit: int = 400) -> str:
    """Return the first sentence of text (at most limit characters)."""
    head = text[:limit]
    match = _SENTENCE_END.search(head)
    return head[: match.start()] if match else head


def parse_text(text: str, *, lookup: PlaceLookup, import_date: datetime.date) -> ParsedReport:
    """Read one plain-text report as an editor pastes it."""
    report = ParsedReport(format="text")
    lines = normalize_text(text).split("\n")
    explicit = _take_date_line(lines, report)
    _take_headline(lines, report, lookup, import_date)
    _take_byline(lines, report)
    body = "\n".join(lines).strip()
    match = find_dateline(body, lookup=lookup, reference=explicit or import_date)
    if match.end:
        body = body[match.end :].lstrip(" -–—:\t")
    report.dateline = Dateline(
        raw=match.raw,
        city=match.city,
        country=match.country,
        date=match.date or explicit,
        city_id=match.city_id,
    )
    report.warnings.extend(match.warnings)
    report.agency = match.agency or _agency_in_text(body, lookup)
    report.body = body
    if not report.headline:
        report.headline = headline_from(body)
        if report.headline:
            report.warnings.append("No headline line was found; the first sentence stands in.")
    return report


def _take_date_line(lines: list[str], report: ParsedReport) -> datetime.date | None:
    """Remove a leading 'date 2023-09-19' line and return its date."""
    for index, line in enumerate(lines[:3]):
        match = _DATE_LINE.match(line)
        if not match:
            continue
        parts = read_date(match.group("date"))
        if parts and parts[0]:
            try:
                found = datetime.date(*parts)
            except ValueError:
                report.warnings.append(f"The date line {line.strip()!r} is not a real date.")
                return None
            del lines[index]
            return found
    return None


def _take_headline(
    lines: list[str], report: ParsedReport, lookup: PlaceLookup, import_date: datetime.date
) -> None:
    """Take the first line as headline when it stands apart from the body."""
    while lines and not lines[0].strip():
        lines.pop(0)
    if len(lines) < 2:
        return
    first = " ".join(lines[0].split())
    rest = "\n".join(lines[1:]).strip()
    if not rest or len(first) > MAX_HEADLINE or _BYLINE.match(first):
        return
    if find_dateline(first + "\n", lookup=lookup, reference=import_date).end:
        return  # the first line is the dateline (and maybe the lead), not a headline
    report.headline = first.rstrip(".")
    lines.pop(0)


def _take_byline(lines: list[str], report: ParsedReport) -> None:
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and (match := _BYLINE.match(lines[0])):
        report.byline = match.group("name").strip()
        lines.pop(0)


def _agency_in_text(body: str, lookup: PlaceLookup) -> str:
    """Find the agency named in the lead (`…, Trend reports.`) or signing off the text."""
    finder = getattr(lookup, "find_agency_mention", None)
    if finder is None:
        return ""
    lead = first_sentence(body)
    return finder(lead) or finder(body[-160:]) or ""


def headline_from(body: str) -> str:
    """Make a headline from the first sentence of a text (at most 120 characters)."""
    sentence = " ".join(first_sentence(body).split()).rstrip(".")
    if len(sentence) <= 120:
        return sentence
    return sentence[:120].rsplit(" ", 1)[0] + "…"

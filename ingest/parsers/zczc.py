"""Read one ZCZC-framed message: AAP's newswire, its Medianet releases, and tagged-field
copy such as News Bites'.

    ZCZC AAP                 the frame, naming the sender
    %A                       service
    #Legal: Causevic_BC6     keyword and take
    $GPS device to come off Vic teen        headline
    :(MELBOURNE)             dateline
    *02000000                IPTC subject code
    @Vic                     place
    A former Melbourne …     text
    AAP RTV                  sign-off
    NNNN                     end of message

A marker's meaning depends on the feed (`$` is a headline on AAP's newswire, a category
in other feeds, whose headline is `^`): each is read by the shape of its value.
"""

from __future__ import annotations

import datetime
import re

from ingest.dates import infer_date, read_date
from ingest.parsers.transmission import (
    Context,
    body_html,
    drop_blank_edges,
    strip_frame,
    take_sign_offs,
)
from ingest.types import ParsedReport

_MARKERS = "%#$:&*@~^=+"
_TAGGED = re.compile(r"^(?P<tag>[A-Z]{2})#(?P<value>.*)$")
_SUBJECT = re.compile(r"^\d{8}$")
_TAKE = re.compile(r"_[A-Z]{0,4}\d{1,3}$")  # `Legionella_BC1`
_TITLE_MAX = 160


def read(lines: list[str], context: Context) -> ParsedReport:
    """Read the lines of one ZCZC-framed message."""
    report = ParsedReport(format="zczc")
    sender = _sender(lines)
    lines = drop_blank_edges(strip_frame(lines))
    if lines and _TAGGED.match(lines[0].strip()):
        _read_tagged(lines, report)
    else:
        body = _read_markers(lines, report)
        signed, body = take_sign_offs(body, context)
        body = _take_title(body, report)
        report.body = body_html(body)
        report.agency = signed
    if not report.agency and sender and context.is_agency(sender):
        report.feed_agency = sender
    if not report.dateline.date:
        report.warnings.append("The message gives no date.")
    return report


def _sender(lines: list[str]) -> str:
    """The sender the frame names (`ZCZC AAP`)."""
    for line in lines:
        if line.strip():
            words = line.split()
            return words[1] if len(words) > 1 and words[0].upper() == "ZCZC" else ""
    return ""


def _read_markers(lines: list[str], report: ParsedReport) -> list[str]:
    """Read the marker lines at the top; return the text's lines."""
    seen: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        marker, value = line[0], line[1:].strip()
        if marker not in _MARKERS or marker in seen:
            break  # the text (a marker given a value twice is text: `$5m deal …`)
        if value:
            seen.add(marker)
        _read_marker(marker, value, report)
        index += 1
    return drop_blank_edges(lines[index:])


def _read_marker(marker: str, value: str, report: ParsedReport) -> None:
    if not value:
        return
    if marker in "$^" and " " in value and not report.headline:
        report.headline = value  # `$` with words; a one-letter `$J` is a category
    elif marker == ":" and value.startswith("(") and value.endswith(")"):
        report.dateline.raw = value.strip("() ")
    elif marker in "#:":
        report.keywords.append(_TAKE.sub("", value).strip())
    elif marker in "*+" and _SUBJECT.match(value):
        report.subjects.append(f"subj:{value}")
    elif marker == "@":
        report.places.append(value)


def _take_title(body: list[str], report: ParsedReport) -> list[str]:
    """A release without a headline field opens with its title line (Medianet)."""
    if report.headline or not body:
        return body
    first = body[0].strip()
    ends_sentence = first.endswith((".", "!", "?"))
    if len(first) <= _TITLE_MAX and not ends_sentence and (len(body) == 1 or not body[1].strip()):
        report.headline = first
        body = drop_blank_edges(body[1:])
        if body and (date := _date_line(body[0])):
            report.dateline.date = date  # read: the text starts after it
            body = drop_blank_edges(body[1:])
    return body


def _date_line(line: str) -> datetime.date | None:
    """A line holding only a full date (`Tue 13 October 2015`)."""
    parts = read_date(line.strip())
    if parts is None or parts[0] is None:
        return None
    return infer_date(parts, datetime.date.today())  # the year given: the date as printed


def _read_tagged(lines: list[str], report: ParsedReport) -> None:
    """Tagged fields (`AN#26945219`, `TI#…`, `TX#` and the text after it)."""
    body: list[str] = []
    in_text = False
    for line in lines:
        match = None if in_text else _TAGGED.match(line.strip())
        if match is None:
            body.append(line)
            continue
        tag, value = match.group("tag"), match.group("value").strip()
        if tag == "TX":
            in_text = True
            body.append(value)
        elif tag == "TI":
            report.headline = value
        elif tag == "AB":
            report.summary = value
        elif tag == "BY":
            report.byline = value
        elif tag == "AN":
            report.agency_item_id = value
        elif tag == "KN":
            report.agency = value
        elif tag == "KY":
            report.keywords = value.split()
        elif tag == "PD":
            report.dateline.date = _date_line(" ".join(value.split()[:3]))
    report.body = body_html(drop_blank_edges(body))

"""Read one ANPA-1312 message (AP, Kyodo and the other agencies of the format).

    W2870asian                                          sequence number, selector codes
    f l BC-LT--Argentina-CancerB     11-13 1049         priority, category, slug, MM-DD, words
    ^BC-LT--Argentina-Cancer Beauty,466<                keyword line
    ^For Argentine chemo patients, mirrors can hurt <   headline
    ^Eds: With AP Photos.<                              editors' notes
    ^By PAUL BYRNE and ALMUDENA CALATRAVA=              byline, and the writer's title
    ^Associated Press=
               BUENOS AIRES, Argentina (AP) _ For cancer …    text: a paragraph per line
               AP-WF-11-13-13 1509GMT<                        desk, date and time sent

Kyodo sends the keyword and headline lines without `^`, its headline ending in `+`, its
dates day first, and signs off `==Kyodo` over `KWS-21:37-09-12-18`.
"""

from __future__ import annotations

import datetime
import re

from ingest.parsers.transmission import (
    ANPA_HEADER,
    ANPA_NUMBER,
    Context,
    body_html,
    drop_blank_edges,
    header_date,
    sign_off_agency,
    two_digit_year,
    utc,
)
from ingest.types import ParsedReport

# `AP-WF-11-13-13 1509GMT<` (MM-DD-YY) and Kyodo's `KWS-21:37-09-12-18` (DD-MM-YY, Tokyo).
_TRAILER = re.compile(
    r"^(?P<desk>[A-Z][A-Z-]*?)-(?P<m>\d\d)-(?P<d>\d\d)-(?P<y>\d\d)\s+(?P<hh>\d\d)(?P<mm>\d\d)"
    r"\s*(?:GMT|UTC)?\s*<?$"
)
_KYODO_TRAILER = re.compile(
    r"^[A-Z]+-(?P<hh>\d\d):(?P<mm>\d\d)-(?P<d>\d\d)-(?P<m>\d\d)-(?P<y>\d\d)$"
)
_NOTE = re.compile(
    r"^\(?(?:Eds?\b|EDITORS?'?S? NOTE|Editors?'? Note|AP Photos?\b|AP Video\b|AP Audio\b"
    r"|With AP Photos?|Moving on\b|Not for publication)",
    re.IGNORECASE,
)
_WRITER_TITLE = re.compile(
    r"^(?:The )?(?:Associated Press|Kyodo News)$|^(?:AP|Associated Press) [\w ]*"
    r"(?:Writer|Correspondent|Editor|Columnist|Critic)$"
)
# Alerts all carry the one slug (`BC-US--APNewsAlert`): never the id of a story.
_ALERT = re.compile(r"alert|flash|bulletin|urgent", re.IGNORECASE)
_SUMMARY_MIN = 80


def read(lines: list[str], context: Context) -> ParsedReport:
    """Read the lines of one ANPA-1312 message."""
    report = ParsedReport(format="anpa")
    lines = drop_blank_edges(lines)
    number = ANPA_NUMBER.match(lines[0].strip()) if lines else None
    header = ANPA_HEADER.match(lines[1].strip()) if len(lines) > 1 else None
    if number is None or header is None:
        report.error = "This ANPA-1312 message has no header (sequence number and slug lines)."
        return report
    kyodo = "KYODO" in number.group("selector").upper()
    lines = lines[2:]
    sent, desk, lines = _take_trailer(lines, kyodo)
    agency, lines = _take_sign_off(lines, context)
    slug = header.group("slug")
    first, second = int(header.group("first")), int(header.group("second"))
    month, day = (second, first) if kyodo else (first, second)
    reference = sent.date() if sent else context.import_date
    filed = header_date(month, day, reference)
    if sent is None and filed:
        report.warnings.append("The message gives no year; it is taken from the import date.")
    head, body = _split_head(lines, slug, kyodo)
    opening = _read_head(head, report)
    wrapped = kyodo or not any(line.startswith("\t") for line in body)  # AP: a line each
    report.body = body_html(_typeset([*opening, *body]), wrapped=wrapped)
    report.keywords = [slug]
    report.agency_version = header.group("version") or ""
    if filed and not _ALERT.search(slug):
        # The slug names the story through its write-throughs: they update one report.
        report.agency_item_id = f"{slug}:{filed.isoformat()}"
    report.dateline.date = filed
    report.version_created = sent
    report.agency = agency or ("Kyodo" if kyodo and context.is_agency("Kyodo") else "")
    # AP's trailer opens with the agency (`AP-WF-…`): said when the text names none.
    owner = desk.split("-")[0]
    report.feed_agency = owner if owner and context.is_agency(owner) else ""
    return report


def _take_trailer(lines: list[str], kyodo: bool) -> tuple[datetime.datetime | None, str, list[str]]:
    """The time the message was sent and the desk that sent it, from its last line, and
    the lines before it."""
    lines = drop_blank_edges(lines)
    last = lines[-1].strip() if lines else ""
    if match := _TRAILER.match(last):
        offset = 0
    elif kyodo and (match := _KYODO_TRAILER.match(last)):
        offset = 9
    else:
        return None, "", lines
    sent = utc(two_digit_year(match.group("y")), int(match.group("m")), int(match.group("d")),
               int(match.group("hh")), int(match.group("mm")), offset)  # fmt: skip
    return sent, match.groupdict().get("desk") or "", lines[:-1]


def _take_sign_off(lines: list[str], context: Context) -> tuple[str, list[str]]:
    lines = drop_blank_edges(lines)
    if lines and (agency := sign_off_agency(lines[-1], context)):
        return agency, lines[:-1]
    return "", lines


def _split_head(lines: list[str], slug: str, kyodo: bool) -> tuple[list[str], list[str]]:
    """The header lines (`^…<`, or Kyodo's up to the headline's `+`) and the text."""
    index = 0
    head: list[str] = []
    while index < len(lines) and lines[index].startswith("^"):
        head.extend(_segments(lines[index]))
        index += 1
    if head or not kyodo:
        return head, lines[index:]
    # Kyodo: the keyword line (the slug again), then the headline up to its `+`.
    rest = drop_blank_edges(lines)
    if rest and _squeeze(rest[0]) == _squeeze(slug):
        head.append(rest.pop(0))
    for count, line in enumerate(rest[:4]):
        if line.rstrip().endswith("+"):
            head.append(" ".join(part.strip() for part in rest[: count + 1]))
            return head, rest[count + 1 :]
    return head, rest


def _segments(line: str) -> list[str]:
    """The fields of a header line: `^*9006< ^AP-Top-…,0176<` holds two."""
    return [part for part in re.split(r"\^", line) if part.strip()]


def _read_head(head: list[str], report: ParsedReport) -> list[str]:
    """Read the headline, abstract and byline from the header fields; return the rest (a
    table's headings, a digest's headlines), which opens the text."""
    fields = [(part.rstrip(), part.rstrip().endswith(("<", "=", "+"))) for part in head]
    fields = [(text.rstrip("<=+ ").strip(), marked) for text, marked in fields]
    while fields and _is_keyword(fields[0][0]):
        fields.pop(0)
    leftover: list[str] = []
    after_byline = False
    for text, marked in fields:
        if not text or _NOTE.match(text):
            continue
        if text.startswith("By ") and not report.byline:
            report.byline, after_byline = text, True
            continue
        if after_byline and _WRITER_TITLE.match(text):
            after_byline = False
            continue
        after_byline = False
        if not report.headline:
            report.headline = text
        elif marked and not report.summary and not leftover and len(text) >= _SUMMARY_MIN:
            report.summary = text
        else:
            leftover.append(text)
    return ["\t   " + text for text in leftover]


def _is_keyword(text: str) -> bool:
    """The keyword line: the slug with its length (`BC-US--Giant Lobster Death,127`), or a
    selector's (`*9006 AP-Top-Entertainment-Headlines,0176`)."""
    return bool(re.match(r"^(?:\*\d+\s*)?(?:[A-Z]{2}-|\*\d)", text)) or bool(
        re.search(r",\d{2,5}$", text)
    )


def _typeset(lines: list[str]) -> list[str]:
    """AP's 7-bit typography as printed: quotation marks (``…'', `…'), the dash ` _ `,
    halves in tables (`16{`); and a heading's markers in the text (`^Saturday's Games=`)."""
    typeset = []
    for line in lines:
        if line.startswith("^"):
            line = line[1:].rstrip().rstrip("<=")
        line = line.replace("``", "“").replace("''", "”").replace("`", "‘")
        line = _DASH.sub(" — ", line)
        typeset.append(_HALF.sub("\\1½", line))
    return typeset


_DASH = re.compile(r"(?<=\S) _ (?=\S)")
_HALF = re.compile(r"(\d)\{")


def _squeeze(text: str) -> str:
    return re.sub(r"[\s+]", "", text).lower()

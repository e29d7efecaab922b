"""Read one ANPA-1312 message (AP, Kyodo and the other agencies of the format).

    W2870asian                                          sequence number, selector codes
    f l BC-LT--Argentina-CancerB     11-13 1049         priority, category, slug, MM-DD, words
    ^BC-LT--Argentina-Cancer Beauty,466<                keyword line: the whole slug
    ^For Argentine chemo patients, mirrors can hurt <   headline
    ^Eds: With AP Photos.<                              editors' notes
    ^By PAUL BYRNE and ALMUDENA CALATRAVA=              byline, and the writer's title
    ^Associated Press=
               BUENOS AIRES, Argentina (AP) _ For cancer …    text: a paragraph per line
               AP-WF-11-13-13 1509GMT<                        desk, date and time sent

Kyodo sends the keyword and headline lines without `^`, its headline ending in `+`, its
dates day first, and signs off `==Kyodo` over `KWS-21:37-09-12-18`; AFP closes with
`AFP 121509 GMT MAR 24`.
"""

from __future__ import annotations

import datetime
import re

from ingest.head import nearest_year_date
from ingest.parsers.transmission import (
    ANPA_HEADER,
    ANPA_NUMBER,
    IPTC7901_TRAILER,
    Context,
    body_html,
    drop_blank_edges,
    month_number,
    take_sign_offs,
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
_AGENCY_TRAILER = re.compile(r"^(?P<desk>[A-Z]{2,6})\s+(?P<stamp>\d{6}\s+.*)$")  # AFP's
_NOTE = re.compile(
    r"^\(?(?:Eds?\b|EDITORS?'?S? NOTE|Editors?'? Note|AP Photos?\b|AP Video\b|AP Audio\b"
    r"|With AP Photos?|Moving on\b|Not for publication|Adv\s?\d|For (?:Release|Use)\b"
    r"|Embargoed?\b|Advance for\b)",
    re.IGNORECASE,
)
# A version or priority field: `^URGENT<`, `^BULLETIN<`.
_PRIORITY = re.compile(r"^(?:URGENT|BULLETIN|FLASH|ADVISORY|CORRECTION|CORRECTED|ALERT)$")
_WRITER_TITLE = re.compile(
    r"^(?:The )?(?:Associated Press|Kyodo News)$|^(?:AP|Associated Press|[\w ]*) ?[\w ]*"
    r"(?:Writers?|Correspondents?|Editors?|Columnists?|Critics?|Reporters?)$",
    re.IGNORECASE,
)
# Alerts all carry the one slug (`BC-US--APNewsAlert`): never the id of a story.
_ALERT = re.compile(r"newsalert|flash|bulletin|urgent", re.IGNORECASE)
# Versions that replace the story (a write-through, a correction, a new lead); an add,
# a take, an insert or a substitute paragraph is a part of it and gets no id of its own.
_REPLACES = re.compile(r"ld|lead|writethru|correct|refile|update", re.IGNORECASE)
_SELECTOR_FIELD = re.compile(r"^\*\d+$")  # `^*9006<` before a digest's keyword line
_SUMMARY_MIN = 80
_TITLE_WORDS = 6
_SLUG_PREFIX = 12  # enough of a slug to know it, short of where headers cut it


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
    sent, desk, lines = _take_trailer(lines[2:], kyodo)
    agency, lines = take_sign_offs(lines, context)
    first, second = int(header.group("first")), int(header.group("second"))
    month, day = (second, first) if kyodo else (first, second)
    # The year that puts the header's day nearest the time sent (a message sent on 31
    # December is received on 1 January); any day of it is within a year.
    filed = nearest_year_date(month, day, sent.date() if sent else context.import_date, 366)
    if sent is None and filed:
        report.warnings.append("The message gives no year; it is taken from the import date.")
    head, body = _split_head(lines, header.group("slug"), kyodo)
    keyword, opening = _read_head(head, header.group("slug"), report, context)
    body = _take_notes(body, report)
    wrapped = kyodo or not any(line.startswith("\t") for line in body)  # AP: a line each
    report.body = body_html(_typeset([*opening, *body]), wrapped=wrapped)
    report.summary = " ".join(_typeset([report.summary]))
    slug = _full_slug(keyword) or header.group("slug")
    version = " ".join(header.group("version").split())
    report.keywords = [slug]
    report.agency_version = " ".join([version, report.agency_version]).strip()
    if filed and not _ALERT.search(slug) and (not version or _REPLACES.search(version)):
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
    elif (agency := _AGENCY_TRAILER.match(last)) and (
        stamp := IPTC7901_TRAILER.match(agency.group("stamp"))
    ):
        month = month_number(stamp.group("month"))
        sent = month and utc(two_digit_year(stamp.group("y")), month, int(stamp.group("d")),
                             int(stamp.group("hh")), int(stamp.group("mm")))  # fmt: skip
        return sent or None, agency.group("desk"), lines[:-1]
    else:
        return None, "", lines
    sent = utc(two_digit_year(match.group("y")), int(match.group("m")), int(match.group("d")),
               int(match.group("hh")), int(match.group("mm")), offset)  # fmt: skip
    return sent, match.groupdict().get("desk") or "", lines[:-1]


def _split_head(lines: list[str], slug: str, kyodo: bool) -> tuple[list[str], list[str]]:
    """The header fields (`^…<`, or Kyodo's up to the headline's `+`) and the text."""
    index = 0
    head: list[str] = []
    while index < len(lines) and lines[index].startswith("^"):
        head.extend(part for part in lines[index].split("^") if part.strip())
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


def _read_head(
    head: list[str], slug: str, report: ParsedReport, context: Context
) -> tuple[str, list[str]]:
    """Read the headline, abstract, byline and priority from the header fields; return
    the keyword line and the fields left (a table's headings, a digest's headlines),
    which open the text."""
    fields = [(part.rstrip(), part.rstrip().endswith(("<", "=", "+"))) for part in head]
    fields = [(text.rstrip("<=+ ").strip(), marked) for text, marked in fields]
    start = 0
    while start < len(fields) and _SELECTOR_FIELD.match(fields[start][0]):
        start += 1
    keyword = ""
    if start < len(fields) and _is_keyword_line(fields[start][0], slug):
        keyword, start = fields[start][0], start + 1
    leftover: list[str] = []
    after_byline = False
    for text, marked in fields[start:]:
        if not text or _NOTE.match(text):
            continue
        if _PRIORITY.match(text):
            report.agency_version = text
            continue
        if text.startswith("By ") and not report.byline:
            report.byline, after_byline = text, True
            continue
        if after_byline and _writers_title(text, context):
            after_byline = False
            continue
        after_byline = False
        if not report.headline:
            report.headline = text
        elif marked and not report.summary and not leftover and len(text) >= _SUMMARY_MIN:
            report.summary = text
        else:
            leftover.append(text)
    return keyword, ["\t   " + text for text in leftover]


def _is_keyword_line(text: str, slug: str) -> bool:
    """The first field is the keyword line when it spells the header's slug (which the
    header cuts short) or ends with the story's length (`…,466`)."""
    return _squeeze(text).startswith(_squeeze(slug)[:_SLUG_PREFIX]) or bool(
        re.search(r",\s*\d{2,5}$", text)
    )


def _writers_title(text: str, context: Context) -> bool:
    """The line under a byline naming the writer's agency or title: `Associated Press`,
    `AP Sports Writers`, `THE CANADIAN PRESS`, `United Press International`."""
    short = len(text.split()) <= _TITLE_WORDS and not text.endswith((".", "!", "?"))
    name = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return short and (bool(_WRITER_TITLE.match(text)) or context.is_agency(name))


def _take_notes(body: list[str], report: ParsedReport) -> list[str]:
    """An editor's note opening the text (`EDITOR'S NOTE _ This story is part of …`)
    goes to the editor, so that the dateline opens the text."""
    lines = drop_blank_edges(body)
    while lines and _NOTE.match(lines[0].strip()):
        report.warnings.append(f"The agency's note: {' '.join(lines[0].split())}")
        lines = drop_blank_edges(lines[1:])
    return lines


def _full_slug(keyword: str) -> str:
    """The story's whole slug from the keyword line (`BC-LT--Argentina-Cancer Beauty,466`
    → `BC-LT--Argentina-CancerBeauty`), where the header cuts it to 24 characters;
    "" when the line holds none."""
    slug = keyword.split(",")[0].strip()
    if not slug or not re.match(r"^[\w*]", slug) or len(slug.split()) > _TITLE_WORDS:
        return ""
    return re.sub(r"\s+", "", slug)


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

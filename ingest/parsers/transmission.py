"""Wire copy in the agencies' transmission formats: ANPA-1312 (AP, Kyodo), IPTC 7901
(dpa, Keystone-SDA) and ZCZC-framed copy (AAP), as received with their control
characters or as pasted without them.

This module tells the format from the first lines, splits a stream into its messages and
holds what the three readers share (paragraphs, trailers); `anpa`, `iptc7901` and `zczc`
read one message each.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ingest.dates import MONTHS
from ingest.types import ParsedReport, WireError

FORMATS = ("anpa", "iptc7901", "zczc")
MAX_MESSAGES = 1000
SOH = "\x01"  # start of heading: each message of a stream opens with it

# Every control character but tab and line ends (SOH, STX, ETX, EOT, SYN, US, DC1–DC4,
# the typesetting codes of tables, DEL); where they stood tells nothing the lines do not.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# ANPA-1312: the service letter and four-digit sequence, then selector codes (`W2870asian`),
# and a line with priority, category, the slug, its version, MM-DD and the word count.
ANPA_NUMBER = re.compile(r"^(?P<number>[A-Za-z]\d{4})(?P<selector>\S*)$")
ANPA_HEADER = re.compile(
    r"^[a-z]\s+[a-z]\s+(?P<slug>\S+)(?:\s+(?P<version>\S+))?"
    r"\s+(?P<first>\d\d)-(?P<second>\d\d)(?:\s+\d{1,5})?$"
)
# IPTC 7901: source and message number, priority 1–6, category, word count, then optional
# routing and the source's own name and number (`eca062 4 i 211 ccccb   dpa 061`).
IPTC7901_HEADER = re.compile(
    r"^(?P<number>[A-Za-z]{1,6}\d{1,6})\s+[1-6]\s+[A-Za-z]{1,3}\s+\d{1,5}"
    r"(?:\s+(?P<rest>.*?))?$"
)
_ZCZC = re.compile(r"^\s*zczc\b", re.IGNORECASE)
_FRAME_LINE = re.compile(r"^zczc(?:\s+[\w-]{1,12})?$", re.IGNORECASE)


def transmission_format(text: str) -> str:
    """Return the transmission format the text opens with ("anpa", "iptc7901", "zczc"),
    or "" for anything else (a report pasted as text)."""
    lines = [line.strip() for line in clean(text[:3000]).splitlines() if line.strip()][:3]
    if not lines:
        return ""
    if _ZCZC.match(lines[0]):
        inner = lines[0][4:].strip() or (lines[1] if len(lines) > 1 else "")
        if IPTC7901_HEADER.match(inner):
            return "iptc7901"
        # The frame's line holds ZCZC and at most the sender: `ZCZC AAP`, `ZCZC FMG000`.
        return "zczc" if _FRAME_LINE.match(lines[0]) else ""
    if len(lines) > 1 and ANPA_NUMBER.match(lines[0]) and ANPA_HEADER.match(lines[1]):
        return "anpa"
    if IPTC7901_HEADER.match(lines[0]):
        return "iptc7901"
    return ""


def clean(text: str) -> str:
    """The text without its control characters, with line ends made `\\n`."""
    text = _CONTROLS.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Context:
    """What a reader may ask of the desk: whether a name is an agency it knows, and the
    day the copy reached us (a header's month and day take their year from it)."""

    is_agency: Callable[[str], bool]
    import_date: datetime.date


def parse_transmission(text: str, format: str, context: Context) -> list[ParsedReport]:
    """Read every message of ANPA-1312, IPTC 7901 or ZCZC copy into a report."""
    from ingest.parsers import anpa, iptc7901, zczc

    reader = {"anpa": anpa.read, "iptc7901": iptc7901.read, "zczc": zczc.read}[format]
    messages = split_messages(text, format)
    if not messages:
        raise WireError("The wire copy holds no message.")
    if len(messages) > MAX_MESSAGES:
        raise WireError(f"The copy holds {len(messages):,} messages; at most {MAX_MESSAGES:,}.")
    return [reader(lines, context) for lines in messages]


def split_messages(text: str, format: str) -> list[list[str]]:
    """The lines of each message: a stream is cut at each SOH (or, without control
    characters, at each ZCZC of framed copy); one message may stand alone."""
    if SOH in text:
        parts = text.split(SOH)
    elif format == "zczc":
        parts = re.split(r"(?im)^(?=[ \t]*zczc\b)", text)
    else:
        parts = [text]
    messages = [clean(part).split("\n") for part in parts]
    return [lines for lines in messages if any(line.strip() for line in lines)]


def strip_frame(lines: list[str]) -> list[str]:
    """Drop a frame's ZCZC line (keeping an IPTC 7901 header that shares it) and
    everything from NNNN (the end of a framed message)."""
    lines = list(lines)
    for index, line in enumerate(lines):
        if line.strip():
            if _ZCZC.match(line):
                rest = _ZCZC.sub("", line).strip()
                lines[index] = rest if IPTC7901_HEADER.match(rest) else ""
            break
    for index, line in enumerate(lines):
        if line.strip().upper() == "NNNN":
            return lines[:index]
    return lines


def drop_blank_edges(lines: list[str]) -> list[str]:
    """The lines without blank ones at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


# A table row: columns apart by runs of spaces (`Tampa Bay 73  52  .584   _`).
_COLUMNS = re.compile(r"\S\s{2,}\S")
INDENT = re.compile(r"^(?:\t|\s{3,})")
# Copy wrapped at a margin has lines of 60 to 80 characters; a longer one is a paragraph.
WRAP_MARGIN = 100


def body_html(lines: list[str], *, wrapped: bool = True) -> str:
    """Paragraphs as HTML from the body's lines.

    A paragraph starts at an indented line (tab or three spaces) or after a blank one;
    wrapped copy continues on lines that are not indented, after a line no longer than a
    margin (unless `wrapped` is off: AP sends each paragraph on one line). Tables (rows
    of spaced columns) stay as set, in a `<pre>` block.
    """
    blocks: list[tuple[str, list[str]]] = []  # ("p" | "pre", lines)
    previous_blank = True
    for line in lines:
        text = line.rstrip()
        if not text.strip() or set(text.strip()) <= {"_", "="}:  # blank, or a rule `___`
            previous_blank = True
            continue
        row = bool(_COLUMNS.search(text.strip())) and len(text.strip()) < 80
        if row:
            if blocks and blocks[-1][0] == "pre" and not previous_blank:
                blocks[-1][1].append(text.strip("\t"))
            else:
                blocks.append(("pre", [text.strip("\t")]))
        elif (
            wrapped
            and blocks
            and blocks[-1][0] == "p"
            and not previous_blank
            and not INDENT.match(line)
            and len(blocks[-1][1][-1]) <= WRAP_MARGIN
        ):
            blocks[-1][1].append(text.strip())
        else:
            blocks.append(("p", [text.strip()]))
        previous_blank = False
    html = []
    for kind, block in blocks:
        if kind == "pre":
            html.append("<pre>" + escape("\n".join(block), quote=False) + "</pre>")
        else:
            html.append("<p>" + escape(" ".join(block), quote=False) + "</p>")
    return "\n".join(html)


def month_number(name: str) -> int | None:
    """The month a trailer names: `Nov`, `Okt`, `Dez`, `jan`."""
    return MONTHS.get(name.lower().rstrip("."))


def utc(
    year: int, month: int, day: int, hour: int, minute: int, offset_hours: int = 0
) -> datetime.datetime | None:
    """A trailer's time as an aware datetime, or None when it names no real day."""
    zone = datetime.timezone(datetime.timedelta(hours=offset_hours))
    try:
        return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        return None


def two_digit_year(value: str) -> int:
    """`13` → 2013 (wire trailers print two digits; copy older than 1970 is not sent)."""
    number = int(value)
    return 2000 + number if number < 70 else 1900 + number


def header_date(month: int, day: int, reference: datetime.date) -> datetime.date | None:
    """A header's month and day, in the year that puts it nearest `reference` (a message
    sent on 31 December is received on 1 January)."""
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    return best


def sign_off_agency(line: str, context: Context) -> str:
    """The agency a closing line names (`AAP RTV`, `==Kyodo`, `(SDA\\/mf ba)`, `dpa wsz
    jln`), or "" when the line is not a sign-off or names no agency the desk knows."""
    match = _SIGN_OFF.match(line.strip())
    if match is None:
        return ""
    agency = next(name for name in match.groups() if name)
    return agency if context.is_agency(agency) else ""


# `==Kyodo`; `(SDA\/mf ba)`; an agency and the desk's initials, `AAP RTV`, `dpa wsz jln`.
_SIGN_OFF = re.compile(
    r"^(?:==\s*([A-Za-z][\w-]{1,20})"
    r"|\(([A-Za-z][\w-]{1,20})\s*\\?/[\w\s/\\]{0,20}\)"
    r"|([A-Za-z][\w-]{1,20})(?:\s+[A-Za-z]{2,4}){1,6})$"
)

"""Wire copy in the agencies' transmission formats: ANPA-1312 (AP, Kyodo), IPTC 7901
(dpa, Keystone-SDA) and ZCZC-framed copy (AAP), as received with their control
characters or as pasted without them.

This module tells the format from the first lines, splits a stream into its messages and
holds what the three readers share (paragraphs, trailers, sign-offs); `anpa`, `iptc7901`
and `zczc` read one message each.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ingest.dates import months
from ingest.types import ParsedReport, WireError

FORMATS = ("anpa", "iptc7901", "zczc")
MAX_MESSAGES = 1000
SOH = "\x01"  # start of heading: each message of a stream opens with it

# Every control character but tab and line ends (SOH, STX, ETX, EOT, SYN, US, DC1–DC4,
# the typesetting codes of tables, DEL); where they stood tells nothing the lines do not.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_END = re.compile(r"\r*\n|\r+")  # LF, CR LF, a teleprinter's CR CR LF, or CR alone

# ANPA-1312: the service letter and four-digit sequence, then selector codes (`W2870asian`,
# or `W2870 asian` where the separator became a space), and a line with priority,
# category, the slug (`BC-…`, `AFP-…`, `BC-RUSSIA-FERRY/`), up to three version words,
# MM-DD and the word count.
ANPA_NUMBER = re.compile(r"^(?P<number>[A-Za-z]\d{4})\s?(?P<selector>\S*)$")
ANPA_HEADER = re.compile(
    r"^[a-z]\s+[a-z]\s+(?P<slug>\S*[-/]\S*)(?P<version>(?:\s+\S+){0,3}?)"
    r"\s+(?P<first>\d\d)-(?P<second>\d\d)(?:\s+\d{1,5})?$",
    re.IGNORECASE,
)
# IPTC 7901: source and message number, priority 1–6, category, word count, then
# routing and the source's own name and number (`eca062 4 i 211 ccccb   dpa 061`).
IPTC7901_HEADER = re.compile(
    r"^(?P<number>[A-Za-z]{1,6}\d{1,6})\s+[1-6]\s+[A-Za-z]{1,3}\s+\d{1,5}"
    r"(?:\s+(?P<rest>.*?))?$"
)
# What an ordinary headline never ends with: the source's name and message number.
_SOURCE_AND_NUMBER = re.compile(r"(?:^|\s)[A-Za-z][\w-]{1,11}\s+\d{2,6}$")
IPTC7901_TRAILER = re.compile(
    r"^(?P<d>\d\d)(?P<hh>\d\d)(?P<mm>\d\d)\s+(?:(?P<zone>GMT|UTC|MEZ|MESZ|CET|CEST)\s+)?"
    r"(?P<month>[^\W\d_]{3,5})\.?\s+(?P<y>\d\d)$"
)
_ZCZC = re.compile(r"^[ \t]*zczc(?![a-z])", re.IGNORECASE)
_FRAME_LINE = re.compile(r"^zczc[\w/]*(?:\s+[\w-]{1,12})?$", re.IGNORECASE)  # `ZCZC0123/SXA`


def transmission_format(text: str) -> str:
    """Return the transmission format the text opens with ("anpa", "iptc7901", "zczc"),
    or "" for anything else (a report pasted as text)."""
    head = text[:3000]
    lines = [line.strip() for line in clean(head).split("\n") if line.strip()][:3]
    if not lines:
        return ""
    if _ZCZC.match(lines[0]):
        inner = _ZCZC.sub("", lines[0]).strip(" /0123456789") or (
            lines[1] if len(lines) > 1 else ""
        )
        if is_7901_header(inner, head):
            return "iptc7901"
        return "zczc" if _FRAME_LINE.match(lines[0]) else ""
    if len(lines) > 1 and ANPA_NUMBER.match(lines[0]) and ANPA_HEADER.match(lines[1]):
        return "anpa"
    if is_7901_header(lines[0], head):
        return "iptc7901"
    return ""


def is_7901_header(line: str, head: str) -> bool:
    """An IPTC 7901 header, told from a headline that merely opens like one (`G20 2 of 3
    members back the deal`): it ends with the source and its number (`dpa 061`), or the
    copy carries the format's control characters or a headline closed by ` =`."""
    match = IPTC7901_HEADER.match(line)
    if match is None:
        return False
    rest = match.group("rest") or ""
    return bool(
        _SOURCE_AND_NUMBER.search(rest)
        or SOH in head
        or "\x02" in head
        or re.search(r"\S ?=[ \t]*\r?$", head, re.MULTILINE)
    )


def clean(text: str) -> str:
    """The text without its control characters, with line ends made `\\n`."""
    return _CONTROLS.sub("", _LINE_END.sub("\n", text))


@dataclass(frozen=True)
class Context:
    """What a reader may ask of the desk: whether a name is an agency it knows, and the
    day the copy reached us (a header's month and day take their year from it)."""

    is_agency: Callable[[str], bool]
    import_date: datetime.date


def parse_transmission(text: str, format: str, context: Context) -> list[ParsedReport]:
    """Read every message of ANPA-1312, IPTC 7901 or ZCZC copy into a report; messages
    with no text (a frame alone, a keep-alive) are left out with a warning."""
    from ingest.parsers import anpa, iptc7901, zczc

    reader = {"anpa": anpa.read, "iptc7901": iptc7901.read, "zczc": zczc.read}[format]
    messages = split_messages(text, format)
    if not messages:
        raise WireError("The wire copy holds no message.")
    if len(messages) > MAX_MESSAGES:
        raise WireError(f"The copy holds {len(messages):,} messages; at most {MAX_MESSAGES:,}.")
    reports = [reader(lines, context) for lines in messages]
    if len(reports) == 1:
        return reports
    kept = [r for r in reports if not r.error and (r.body.strip() or r.headline.strip())]
    if not kept:
        return reports[:1]
    if left_out := len(reports) - len(kept):
        kept[0].warnings.append(
            f"{left_out} of the {len(reports)} messages held no readable report "
            "(a frame or header alone) and were left out."
        )
    return kept


def split_messages(text: str, format: str) -> list[list[str]]:
    """The lines of each message: a stream is cut at each SOH, else at each ZCZC frame;
    copy pasted without its control characters, before each header that follows the
    previous message's trailer (ANPA) or its end (IPTC 7901)."""
    if SOH in text:
        parts = text.split(SOH)
    elif _ZCZC_LINE.search(text):
        parts = _ZCZC_LINE.split(text)
    else:
        parts = [text]
    messages = []
    for part in parts:
        lines = clean(part).split("\n")
        if any(line.strip() for line in lines):
            messages.extend(_split_pasted(lines, format) if len(parts) == 1 else [lines])
    return messages


_ZCZC_LINE = re.compile(r"(?im)^(?=[ \t]*zczc(?![a-z]))")


def _split_pasted(lines: list[str], format: str) -> list[list[str]]:
    """Messages pasted one after another without their control characters: a new one
    starts at each header (ANPA's two lines; a 7901 header after a trailer)."""
    starts = [0]
    previous = lines[0].strip()  # the last line with text before the one read
    for index in range(1, len(lines) - 1):
        line = lines[index].strip()
        if format == "anpa":
            opens = bool(ANPA_NUMBER.match(line) and ANPA_HEADER.match(lines[index + 1].strip()))
        else:
            opens = bool(IPTC7901_HEADER.match(line) and IPTC7901_TRAILER.match(previous))
        if opens:
            starts.append(index)
        previous = line or previous
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def strip_frame(lines: list[str]) -> list[str]:
    """Drop a frame's ZCZC line (keeping an IPTC 7901 header that shares it) and
    everything from NNNN (the end of a framed message)."""
    lines = list(lines)
    for index, line in enumerate(lines):
        if line.strip():
            if _ZCZC.match(line):
                rest = _ZCZC.sub("", line).strip(" /0123456789")
                lines[index] = rest if IPTC7901_HEADER.match(rest) else ""
            break
    for index, line in enumerate(lines):
        if _END_OF_MESSAGE.search(line):
            ended = _END_OF_MESSAGE.sub("", line)  # `12-MAR-24 15:09 NNNN`
            return [*lines[:index], ended] if ended.strip() else lines[:index]
    return lines


_END_OF_MESSAGE = re.compile(r"(?:^|\s)NNNN\s*$")


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
_SENTENCE_END = re.compile(r"[.!?][\"'”»)]*$")


def body_html(lines: list[str], *, wrapped: bool = True) -> str:
    """Paragraphs as HTML from the body's lines.

    A paragraph starts at an indented line (tab or three spaces) or after a blank one;
    wrapped copy continues on lines that are not indented, after a line no longer than a
    margin (unless `wrapped` is off: AP sends each paragraph on one line), but for an
    aside after a full stop (`(Reporting by …)`). Tables (rows of spaced columns) stay
    as set, in a `<pre>` block.
    """
    blocks: list[tuple[str, list[str]]] = []  # ("p" | "pre", lines)
    previous_blank = True
    for line in lines:
        text = line.rstrip()
        if not text.strip() or set(text.strip()) <= {"_", "="}:  # blank, or a rule `___`
            previous_blank = True
            continue
        row = bool(_COLUMNS.search(text.strip())) and len(text.strip()) < 80
        last = blocks[-1] if blocks else None
        if row:
            if last and last[0] == "pre" and not previous_blank:
                last[1].append(text.strip("\t"))
            else:
                blocks.append(("pre", [text.strip("\t")]))
        elif (
            wrapped
            and last
            and last[0] == "p"
            and not previous_blank
            and not INDENT.match(line)
            and len(last[1][-1]) <= WRAP_MARGIN
            and not (text.lstrip().startswith("(") and _SENTENCE_END.search(last[1][-1]))
        ):
            last[1].append(text.strip())
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
    return months().get(name.lower().rstrip("."))


def utc(
    year: int, month: int, day: int, hour: int, minute: int, offset_hours: int = 0
) -> datetime.datetime | None:
    """A trailer's time as an aware datetime in UTC, or None when it names no real day."""
    zone = datetime.timezone(datetime.timedelta(hours=offset_hours))
    try:
        stamp = datetime.datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        return None
    return stamp.astimezone(datetime.UTC)


def two_digit_year(value: str) -> int:
    """`13` → 2013 (wire trailers print two digits; copy older than 1970 is not sent)."""
    number = int(value)
    return 2000 + number if number < 70 else 1900 + number


MAX_SIGN_OFF_LINES = 3


def take_sign_offs(lines: list[str], context: Context) -> tuple[str, list[str]]:
    """Take the closing lines that sign the message off (`AAP RTV`, `==Kyodo`, `dpa xy yy
    n1 ab`, `(SDA\\/mf ba)`, `(Schluss) xy/ab`, at most three): the agency the first names
    and the lines before them."""
    end = len(drop_blank_edges(lines))
    lines, agency = lines[:end], ""
    for _ in range(MAX_SIGN_OFF_LINES):
        while end and not lines[end - 1].strip():
            end -= 1
        if not end:
            break
        line = lines[end - 1].strip()
        named = sign_off_agency(line, context)
        if not named and not _DESK_LINE.match(line):
            break
        agency = named or agency
        end -= 1
    return agency, drop_blank_edges(lines[:end])


def sign_off_agency(line: str, context: Context) -> str:
    """The agency a closing line names (`AAP RTV`, `==Kyodo`, `(SDA\\/mf ba)`, `dpa wsz
    jln`), or "" when the line is not a sign-off or names no agency the desk knows."""
    match = _SIGN_OFF.match(line.strip())
    if match is None:
        return ""
    agency = next(name for name in match.groups() if name)
    return agency if context.is_agency(agency) else ""


# `==Kyodo`; `(SDA\/mf ba)`; an agency and the desk's initials: `AAP RTV`, `dpa xy n1 ab`.
_SIGN_OFF = re.compile(
    r"^(?:==\s*([A-Za-z][\w-]{1,20})"
    r"|\(([A-Za-z][\w-]{1,20})\s*\\?/[\w\s/\\]{0,20}\)"
    r"|([A-Za-z][\w-]{1,20})(?:\s+[A-Za-z0-9]{1,4}){1,6})$"
)
# A desk's closing line that names no agency: initials (`ip/jm`, `(Schluss) xy/ab`), an
# end mark (`(Ende)`), APA's number and time (`APA0123 2024-03-12/15:09`).
_DESK_LINE = re.compile(
    r"^(?:\((?:Schluss|Ende|end|fin|fine)\)(?:\s+[a-z]{1,4}(?:/[a-z]{1,4})*)?"
    r"|[a-z]{1,4}(?:/[a-z]{1,4})+|[A-Z]{2,5}\d{3,5}\s+\d{4}-\d\d-\d\d/\d\d:\d\d)$",
    re.IGNORECASE,
)

"""Read one IPTC 7901 message (dpa, Keystone-SDA and the other agencies of the format).

eca062 4 i 211 ccccb   dpa 061          source and number, priority, category, words
Germany-politics/                       keywords
1ST LEAD                                takes: EXTRA, REFILE, 1ST LEAD, 3RD NET, …
Coalition talks could fail =            headline (` =` ends it; a kicker may stand above)
By Manuel Schwarz, dpa =                byline
   Berlin (dpa) - Negotiations …         text, wrapped at a margin
# Notebook  /  * * * *                  notes for editors, not for publication
dpa wsz jln npr                         the desk's initials
131137 GMT Nov 13                       day, time and month sent (Okt, Dez, jan …)
"""

from __future__ import annotations

import datetime
import re

from ingest.parsers.transmission import (
    IPTC7901_HEADER,
    IPTC7901_TRAILER,
    Context,
    body_html,
    drop_blank_edges,
    month_number,
    strip_frame,
    take_sign_offs,
    two_digit_year,
    utc,
)
from ingest.types import ParsedReport

_ZONES = {"MEZ": 1, "CET": 1, "MESZ": 2, "CEST": 2}
# A take names the message's place in the story: all capitals, short (`2ND LEAD`), or
# dpa's German ones (`1. Zusammenfassung`, `Korrektur`, `Eilmeldung`).
_TAKE = re.compile(
    r"^(?:[A-Z0-9][A-Z0-9 .'-]{1,30}"
    r"|(?:\d+\.\s+)?(?:Zusammenfassung|Korrektur|Berichtigung|Eilmeldung|Vorrang|Wiederholung"
    r"|Neufassung|Ergänzung))$"
)
# Where the text for publication ends: dpa's notebook and its note to editors.
_END = re.compile(
    r"^\s*(?:#{1,3}\s|\*\s\*\s\*|The following information is not\b"
    r"|Die folgenden Informationen sind nicht zur Veröffentlichung)",
    re.IGNORECASE,
)
_HEAD_LINES = 12


def read(lines: list[str], context: Context) -> ParsedReport:
    """Read the lines of one IPTC 7901 message."""
    report = ParsedReport(format="iptc7901")
    lines = drop_blank_edges(strip_frame(lines))
    header = IPTC7901_HEADER.match(lines[0].strip()) if lines else None
    if header is None:
        report.error = "This IPTC 7901 message has no header (source, priority, category)."
        return report
    source = (header.group("rest") or "").split()
    named = source[-2] if len(source) >= 2 and source[-1].isdigit() else ""
    sent, lines = _take_trailer(lines[1:])
    lines, signed = _cut_notes(lines, context)
    head, body = _split_head(lines)
    _read_head(head, report)
    report.body = body_html(body)
    report.version_created = sent
    if sent:
        report.dateline.date = sent.date()
    else:
        report.warnings.append("The message gives no date (no trailer such as 131137 GMT Nov 13).")
    report.agency = signed or (named if named and context.is_agency(named) else "")
    return report


def _take_trailer(lines: list[str]) -> tuple[datetime.datetime | None, list[str]]:
    """The time the message was sent, from its last line, and the lines before it."""
    lines = drop_blank_edges(lines)
    match = IPTC7901_TRAILER.match(lines[-1].strip()) if lines else None
    month = month_number(match.group("month")) if match else None
    if match is None or month is None:
        return None, lines
    sent = utc(two_digit_year(match.group("y")), month, int(match.group("d")),
               int(match.group("hh")), int(match.group("mm")),
               _ZONES.get(match.group("zone") or "", 0))  # fmt: skip
    return sent, lines[:-1]


def _cut_notes(lines: list[str], context: Context) -> tuple[list[str], str]:
    """The lines for publication, without the notebook, notes to editors and sign-off
    (`dpa wsz jln`, `(SDA\\/mf ba)`); and the agency the sign-off names."""
    for index, line in enumerate(lines):
        if index > 2 and _END.match(line):
            lines = lines[:index]
            break
    signed, lines = take_sign_offs(lines, context)
    return lines, signed


def _split_head(lines: list[str]) -> tuple[list[str], list[str]]:
    """The head (keywords, takes, headline, byline) and the text.

    The head ends at the line closed by ` =` (with a byline closed so right after it), or
    else at the first blank line after the headline.
    """
    lines = drop_blank_edges(lines)
    head_lines = lines[:_HEAD_LINES]
    text_starts = next((i for i, line in enumerate(head_lines) if INDENTED.match(line)), None)
    head_lines = head_lines[:text_starts]  # the text's indented first line ends the head
    closed = [i for i, line in enumerate(head_lines) if line.rstrip().endswith("=")]
    if closed:
        end = closed[0] + 1
        if len(closed) > 1 and closed[1] == closed[0] + 1:
            end += 1  # headline =, then byline =
        return lines[:end], lines[end:]
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            if seen >= 2:
                return lines[:index], lines[index:]
            continue
        if INDENTED.match(line) and seen >= 2:
            return lines[:index], lines[index:]
        seen += 1
    return lines[:2], lines[2:]


INDENTED = re.compile(r"^(?:\t|\s{3,})\S")


def _read_head(head: list[str], report: ParsedReport) -> None:
    """Keywords, takes, headline and byline from the head's lines."""
    texts = [line.strip() for line in head if line.strip()]
    if len(texts) > 1 and not texts[0].endswith("=") and not _TAKE.match(texts[0]):
        report.keywords = [k for k in re.split(r"\s*/\s*", texts.pop(0)) if k]
    takes = []
    while len(texts) > 1 and _TAKE.match(texts[0]):
        takes.append(texts.pop(0))
    report.agency_version = " ".join(takes)
    lines = [text.rstrip("= ").strip() for text in texts]
    if lines and lines[-1].startswith(("By ", "Von ", "Par ", "Por ", "Di ")):
        report.byline = lines.pop()
    closed = [text.rstrip().endswith("=") for text in texts[: len(lines)]]
    if True in closed:
        # A kicker above the headline (`Notes de frais GE:`) is left out.
        report.headline = lines[closed.index(True)]
    else:
        report.headline = " ".join(lines)

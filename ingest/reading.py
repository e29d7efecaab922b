"""Turn raw input (bytes or text, any supported format) into normalized reports."""

from __future__ import annotations

import datetime
import re
from html import unescape
from pathlib import PurePath

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from ingest import head
from ingest.code_pages import guess_code_page
from ingest.dateline import DatelineMatch, PlaceLookup, find_dateline, looks_like_place
from ingest.language import detect_language
from ingest.markup import plain_text
from ingest.parsers.feed import parse_feed
from ingest.parsers.newsml import parse_newsml
from ingest.parsers.newsml1 import parse_newsml1
from ingest.parsers.ninjs import parse_ninjs
from ingest.parsers.nitf import parse_nitf
from ingest.parsers.safe_xml import sniff_encoding
from ingest.parsers.text import filing_agency, headline_from, parse_text
from ingest.parsers.transmission import Context, parse_transmission, transmission_format
from ingest.registry import get_registry
from ingest.timezones import NO_ZONE, country_zone
from ingest.types import ParsedReport, WireError
from newsroom.languages import normalized_language_tag
from newsroom.safe_text import safe_text

FORMATS = ("text", "html", "newsml", "newsml1", "nitf", "ninjs", "feed", "anpa", "iptc7901", "zczc")
TRANSMISSION_FORMATS = ("anpa", "iptc7901", "zczc")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML = re.compile(rb"(?i)<(?:!doctype html|html|body|p|div|br|h[1-6]|span|b|i|em|strong|a)[\s>/]")
# NewsML-G2's other items (concepts, knowledge, packages, plans, catalogs) are found too,
# so that they are refused as such, not read as a web page.
_XML_ROOT = re.compile(
    rb"<(?:[\w.-]+:)?(newsItem|newsMessage|packageItem|conceptItem|knowledgeItem|planningItem"
    rb"|catalogItem|rss|feed|RDF|nitf|NewsML)(?:[\s>/]|$)"
)


def read_reports(
    data: bytes | str,
    *,
    filename: str = "",
    format: str = "",
    import_date: datetime.date | None = None,
    lookup: PlaceLookup | None = None,
) -> list[ParsedReport]:
    """Parse input of any supported format; raise WireError with a clear reason if unreadable.

    `format` names one of FORMATS (the editor's or integrator's choice: it is kept), or
    is empty to tell it from the content; "xml" and "plain" say only that much of it.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    _check_size(raw)
    if format == "xml":  # XML of a kind the content tells (an API's application/xml)
        format = sniff_format(raw, "upload.xml")
    format = format or sniff_format(raw, filename)
    if format == "plain":  # text of a kind the content tells (an API's text/plain)
        format = _transmission(raw) or "text"
    lookup = lookup or get_registry()
    import_date = import_date or timezone.localdate()
    if format in (*TRANSMISSION_FORMATS, "text", "html"):
        reports = _read_text(raw, format, lookup, import_date)
    else:
        reports = _parse_structured(raw, format)
        for report in reports:
            complete_structured(report, lookup, import_date)
    for report in reports:
        report.import_date = import_date
        report.received_from = filename[:255]
        scrub(report)
        finish(report, lookup)
    if len(reports) == 1 and reports[0].error:
        raise WireError(reports[0].error)
    return reports


def _read_text(
    raw: bytes, format: str, lookup: PlaceLookup, import_date: datetime.date
) -> list[ParsedReport]:
    """Parse pasted text, a web page or wire transmissions; warn on each report when
    their code page had to be guessed and may be wrong."""
    text, warning = decode_text(raw, controls=format in TRANSMISSION_FORMATS)
    if format in TRANSMISSION_FORMATS:
        context = Context(lambda name: lookup.agency_name(name) is not None, import_date)
        reports = parse_transmission(text, format, context)
        for report in reports:
            complete_structured(report, lookup, import_date)
    else:
        text = html_to_text(text) if format == "html" else text
        reports = [parse_text(text, lookup=lookup, import_date=import_date)]
    if warning:  # first: it bears on every other field
        for report in reports:
            report.warnings.insert(0, warning)
    return reports


def _parse_structured(raw: bytes, format: str) -> list[ParsedReport]:
    parser = {
        "newsml": parse_newsml,
        "newsml1": parse_newsml1,
        "nitf": parse_nitf,
        "ninjs": parse_ninjs,
        "feed": parse_feed,
    }[format]
    try:
        return parser(raw)
    except WireError:
        raise
    except (ValueError, TypeError, RecursionError, OverflowError) as error:
        said = str(error)
        if "integer string conversion" in said:  # Python's own words, not a reader's
            said = "it holds a number too long to read"
        raise WireError(f"This {format} input could not be read: {said}") from None


def scrub(report: ParsedReport) -> None:
    """Drop control and bidirectional-override characters from every text field."""
    for name, value in vars(report).items():
        if isinstance(value, str):
            setattr(report, name, safe_text(value))
        elif isinstance(value, list):
            setattr(report, name, [safe_text(v) if isinstance(v, str) else v for v in value])
    for name in ("raw", "city"):
        setattr(report.dateline, name, safe_text(getattr(report.dateline, name)))


def html_to_text(html: str) -> str:
    """Turn a pasted HTML page or fragment into text with blank lines between blocks."""
    html = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", html)
    html = re.sub(r"(?i)<br\s*/?>", "\n", html)
    html = re.sub(r"(?i)</(p|div|h[1-6]|li|blockquote|tr|title)>", "\n\n", html)
    return unescape(strip_tags(html))


def _check_size(raw: bytes) -> None:
    if not raw.strip():
        raise WireError("The input is empty.")
    limit = settings.WIRE_MAX_BYTES
    if len(raw) > limit:
        raise WireError(
            f"The input is {len(raw) / 1e6:.1f} MB; "
            f"the limit is {limit / 1e6:.0f} MB per report or feed."
        )


def sniff_format(raw: bytes, filename: str = "") -> str:
    """Tell the format from the file extension, else from the first bytes."""
    suffix = PurePath(filename).suffix.lower() if filename else ""
    encoding = sniff_encoding(raw)
    if encoding.startswith(("utf-16", "utf-32")):
        # XML in UTF-16 or UTF-32 (nothing else is sent so): the XML gate decodes it.
        root = _XML_ROOT.search(_ascii_head(raw, encoding))
        if root is None:
            raise WireError("This looks like a binary file, not a report, a feed or NewsML.")
        return _XML_FORMATS.get(root.group(1), "feed")
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in {".json", ".ninjs"} or head[:1] == b"{" or _JSON_ARRAY.match(head):
        return "ninjs"
    if suffix in {".rss", ".atom"}:
        return "feed"
    if suffix == ".xml" or head[:1] == b"<":
        root = _XML_ROOT.search(raw[:20000])
        if root is None and _HTML.search(raw[:20000]):
            return "html"  # a pasted web page or fragment: read as text
        if root is None and suffix != ".xml" and not head.startswith(b"<?xml"):
            return "text"  # pasted copy that happens to open with a tag: `<image>…</image>`
        if root is None:
            raise WireError(
                "This XML is neither a news item (NewsML-G2, NewsML 1, NITF) "
                "nor an RSS or Atom feed."
            )
        return _XML_FORMATS.get(root.group(1), "feed")
    return _transmission(raw) or "text"


# A ninjs list opens `[{` (or is empty); pasted copy may open with a bracket too: Reuters'
# Japanese dateline `[東京 21日 ロイター] -`.
_JSON_ARRAY = re.compile(rb"\[\s*[{\]]")


def _transmission(raw: bytes) -> str:
    """The wire transmission format (ANPA-1312, IPTC 7901, ZCZC) raw text opens with."""
    return transmission_format(raw[:3000].removeprefix(b"\xef\xbb\xbf").decode("latin-1"))


# The root element → the format (any other root the pattern finds is a feed's).
_XML_FORMATS = {b"newsItem": "newsml", b"newsMessage": "newsml", b"NewsML": "newsml1",
                b"nitf": "nitf", b"packageItem": "newsml", b"conceptItem": "newsml",
                b"knowledgeItem": "newsml", b"planningItem": "newsml",
                b"catalogItem": "newsml"}  # fmt: skip


def _ascii_head(raw: bytes, encoding: str) -> bytes:
    """The first characters of UTF-16/32 input, as ASCII bytes the root pattern can find."""
    head = raw[:80000].decode(encoding, errors="replace")
    return head.encode("ascii", errors="replace")


def decode_text(raw: bytes, *, controls: bool = False) -> tuple[str, str]:
    """Decode pasted or uploaded text; refuse binary files. Return the text and a warning
    for the editor when its code page is a guess that may be wrong ("" when it is not).

    Control characters are dropped, or kept (`controls`) for wire copy, whose messages
    they frame and whose tables carry one on every line.
    """
    utf32 = raw[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # left to the binary check
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") and not utf32:  # UTF-16, as Windows saves text
        raw = raw.decode("utf-16", errors="replace").encode("utf-8")
    if b"\x00" in raw[:8192]:
        raise WireError("This looks like a binary file, not a text report.")
    warning = ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        guess = guess_code_page(raw)
        text = raw.decode(guess.encoding, errors="replace")
        warning = "" if guess.confident else _unsure_code_page(guess.label)
    sample = text[:8192]
    if sample.count("\ufffd") > len(sample) // 20:
        raise WireError("This looks like a binary file, not a text report.")
    if not controls and len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        if "\x01" in sample[:200] or "\x02" in sample[:2000]:
            raise WireError(
                "This looks like wire copy (it holds the SOH and STX control characters), "
                "but its header is none the desk reads. Choose its format (anpa, iptc7901, "
                "zczc), or paste the text without the control characters."
            )
        raise WireError("This looks like a binary file, not a text report.")
    return (text if controls else _CONTROL.sub("", text)), warning


def _unsure_code_page(label: str) -> str:
    """The warning for text whose code page could not be told with confidence."""
    return (
        f"The text is not UTF-8 and declares no charset; it was read as {label}, which may "
        "be wrong. Check its letters, and ask the sender to declare the charset "
        "(text/plain; charset=…) or to send UTF-8."
    )


def complete_structured(
    report: ParsedReport, lookup: PlaceLookup, import_date: datetime.date
) -> None:
    """Fill the dateline of a structured item from its dateline field, body or declared places."""
    reference = report.report_date or import_date
    _take_opening_byline(report)
    text = " ".join(strip_tags(report.body[:3000]).split())
    printed = find_dateline(text, lookup=lookup, reference=reference)
    if printed.end and not _says_where_or_who(printed):
        # a title in capitals opening a table ("BASEBALL'S TOP TEN"), not a dateline
        printed = DatelineMatch()
    stamp = report.dateline.raw if head.is_timestamp(report.dateline.raw) else ""
    match = DatelineMatch()
    if stamp:
        # A dateline field holding only a timestamp (Reuters' G2: "2018-01-03 20:13:08
        # GMT+00:00"): the text's own dateline is the one, where it prints one.
        report.dateline.raw = ""
        match = _printed_dateline(report, printed, lookup, reference)
        if not match.end:
            report.dateline.raw = stamp  # none printed: the stamp dates the report
    if report.dateline.raw:
        match = find_dateline(
            report.dateline.raw.rstrip(" .") + ".", lookup=lookup, reference=reference
        )
        if not (match.city or match.country) and (printed.city or printed.country):
            # A dateline field holding only a date (EFE's NITF): the printed one says more.
            report.dateline.raw = ""
            match = printed
        _apply_dateline(report, match)
        raw = report.dateline.raw
        if not report.dateline.city and looks_like_place(raw) and not lookup.country_code(raw):
            report.dateline.city = raw  # a town the gazetteer lacks is kept: "Landquart GR"
        # The body often prints the dateline the item also gives apart (NITF, NewsML):
        # the page shows it once.
        same_place = (printed.city_id, printed.country) == (match.city_id, match.country)
        if printed.end and (match is printed or (same_place and (match.city_id or match.country))):
            report.body = _strip_leading_dateline(report.body, printed.raw)
    elif not stamp:
        match = _printed_dateline(report, printed, lookup, reference)
    if not report.dateline.country:
        _place_from_declared(report, lookup)
    if not report.dateline.date and report.dateline.raw and not match.printed_date:
        report.dateline.date = reference  # an undated dateline is dated by the item itself


def _take_opening_byline(report: ParsedReport) -> None:
    """A structured body opening with its writer's line (`<p>By Jonathan Underhill</p>`):
    the line leaves the text, and names the writer where the item names none (or only
    a `Staff Reporter`)."""
    first = _BLOCK.match(report.body.lstrip())
    if first is None or not first.group(0).startswith("<p>"):
        return
    text = " ".join(unescape(strip_tags(first.group(0))).split())
    rest = report.body.lstrip()[first.end() :]
    if not rest.strip() or not head.is_byline(text) or not text.lower().startswith("by "):
        return
    report.body = rest
    if not report.byline or _STAFF.match(head.without_by(report.byline)):
        report.byline = head.byline_name(text)


# A byline that names no writer: `Staff Reporter`, `Staff writers`, `Our correspondent`.
_STAFF = re.compile(r"(?:staff|our)\s+(?:reporter|writer|correspondent)s?\b", re.IGNORECASE)


def _says_where_or_who(match: DatelineMatch) -> bool:
    """A printed dateline that names a known place, a date or an agency."""
    return bool(match.city_id or match.country or match.printed_date or match.agency)


def _printed_dateline(
    report: ParsedReport, printed: DatelineMatch, lookup: PlaceLookup, reference: datetime.date
) -> DatelineMatch:
    """The dateline the body prints, opening it or under its furniture (taken off the
    body either way); an empty match when it prints none."""
    if printed.end:
        _apply_dateline(report, printed)
        report.body = _strip_leading_dateline(report.body, printed.raw)
        return printed
    return _dateline_under_furniture(report, lookup, reference) or printed


OPENING_FURNITURE = 10  # paragraphs of notes, bullets and bylines over a dateline at most
SUBTITLE_WORDS = 4  # a subtitle says something; a label names a section
# A write-through's note over the text: Reuters' "(Adds comments, detail)", "(Updates
# with minister's remarks, paragraphs 6-10)", "(Repeats to additional subscribers)".
_UPDATE_NOTE = re.compile(
    r"\(\s*(?:adds|updates|recasts|corrects|changes|rewrites|repeats|refiles|fixes|"
    r"writes\s+through|adds\s+byline)\b[^()]*\)",
    re.IGNORECASE,
)
# A new version's note naming the item it replaces (ANP: `N i e u w bericht, vervangt: …`).
_REPLACES_NOTE = re.compile(
    r"^.{0,40}?\b(?:replaces|vervangt|ersetzt|remplace|sostituisce|reemplaza|ersätter|"
    r"erstatter|erstatt|korvaa)\s*:",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[*•·▪■-]\s+(?=\w)")
_BLOCK = re.compile(r"(?s)<(p|h[2-4])>(.*?)</\1>\s*|[^\n]+\n?")


def _dateline_under_furniture(
    report: ParsedReport, lookup: PlaceLookup, reference: datetime.date
) -> DatelineMatch | None:
    """The dateline of a structured body opening with a writer's byline, an update note
    or the story's bullet points over it (Reuters: `(Adds comments)`, `* Gold may edge up`,
    `By Arpan Varghese`, `Jan 30 (Reuters) - Gold rose …`), or a press release's subtitle:
    those paragraphs are taken from the body, the bullets (else the subtitle) as the
    summary when the item has none, the byline as the byline."""
    blocks = [m.group(0) for m in _BLOCK.finditer(report.body)]
    bullets: list[str] = []
    byline = subheading = ""
    for index, block in enumerate(blocks[: OPENING_FURNITURE + 1]):
        text = " ".join(unescape(strip_tags(block)).split())
        if not text:
            continue
        if index:
            match = find_dateline(text, lookup=lookup, reference=reference)
            if match.end and _says_where_or_who(match):
                _apply_dateline(report, match)
                lead = _strip_leading_dateline(block, match.raw)
                report.body = lead + "".join(blocks[index + 1 :])
                points = " ".join(_sentence(b) for b in bullets)
                report.summary = report.summary or points or subheading
                report.byline = report.byline or byline
                return match
        if block.startswith(("<h2>", "<h3>", "<h4>")) and not subheading:
            # a press release's subtitle over its dateline (GlobeNewswire); a section's
            # label ("Key developments") is no summary
            subheading = text if len(text.split()) >= SUBTITLE_WORDS else ""
            continue
        if bullet := _BULLET.match(text):
            bullets.append(text[bullet.end() :])
            continue
        if _UPDATE_NOTE.fullmatch(text) or _REPLACES_NOTE.match(text) or head.is_timestamp(text):
            continue
        if not head.is_byline(text):
            return None  # a paragraph of the story: the dateline is not under furniture
        byline = byline or head.byline_name(text)
    return None


def _sentence(text: str) -> str:
    return text if text[-1:] in ".!?…" else f"{text}."


def _apply_dateline(report: ParsedReport, match) -> None:
    dateline = report.dateline
    dateline.raw = dateline.raw or match.raw
    dateline.city, dateline.city_id = match.city or dateline.city, match.city_id
    dateline.country = match.country or dateline.country
    dateline.date = match.date or dateline.date
    report.agency = report.agency or match.agency
    report.warnings.extend(match.warnings)


def _strip_leading_dateline(body: str, raw: str) -> str:
    """Drop the dateline from the start of an HTML or text body (it is kept apart)."""
    match = re.match(r"\s*(<(?:p|div)[^>]*>)?\s*", body)
    prefix_end = match.end() if match else 0
    if body[prefix_end : prefix_end + len(raw)] == raw:
        rest = body[prefix_end + len(raw) :].lstrip(" -–—:")
        return (match.group(1) or "") + rest if match else rest
    return body


def _place_from_declared(report: ParsedReport, lookup: PlaceLookup) -> None:
    """The country and city the item declares (`GRC`, `Athens`), in the order it gives them:
    the first country, and the first city in it."""
    dateline = report.dateline
    for place in report.places:
        code = lookup.country_code(place)
        if code:
            dateline.country = dateline.country or code
            continue
        city = lookup.find_city(place, dateline.country or None)
        if city:
            dateline.country = dateline.country or city.country
            if not dateline.city:
                dateline.city, dateline.city_id = city.name, city.id
            return


def _same_words(one: str, other: str) -> bool:
    return bool(one) and _WORD.findall(one.casefold()) == _WORD.findall(other.casefold())


_DESK_INITIALS = re.compile(r"(?:[a-z]{2,5}(?:-[a-z]{2,5})*/)+[a-z]{2,5}(?:-[a-z]{2,5})*")
_SIGN_OFF_CODES = re.compile(r"(?:\s+(?:[A-Z]{2,4}|[a-z]{2,3})(?:/[A-Za-z]{2,4})*){1,3}")
# Short words a sentence ends with that look like a desk's codes ("Sputnik is", "and/or").
_WORDS_NOT_CODES = frozenset(
    re.findall(
        r"\w+",
        "is are was and or the of in on at to by for as it its he she his her we us you our "
        "all not but has had too now yes no new off out up et ou le la les des du en est une "
        "un il ist ein der die das und mit von für auf im am zu es el los las una con por se "
        "lo gli per",
    )
)


# The mark a story ends with (PA's `ends`, `-30-`, `###`, `(END)`).
_END_MARK = re.compile(r"[-(\[]*\s*(?:ends?|-?30-?|#{3}|xxx)\s*[-)\].]*", re.IGNORECASE)
# A sign-off's wrapping: Kyodo's `==Kyodo`, BusinessDesk's `(BusinessDesk)`.
_SIGN_OFF_WRAPPING = re.compile(r"^(?:=+|\((?=.*\)$))\s*|\s*\)$")


def _without_sign_off(body: str, lookup: PlaceLookup) -> tuple[str, str]:
    """A structured body without the furniture under its text (up to three closing lines:
    `… ejemplares. EFE`, then `gr/bp`), and the agency a sign-off names."""
    signed = ""
    for _ in range(3):
        shorter, named = _without_closing_line(body, lookup)
        signed = signed or named
        if shorter == body:
            break
        body = shorter
    return body, signed


def _closing_block(body: str) -> tuple[list[str], str]:
    """A structured body's blocks, and the text of its last one."""
    blocks = body.rstrip().split("\n")
    return blocks, " ".join(unescape(strip_tags(blocks[-1])).split())


def _without_closing_line(body: str, lookup: PlaceLookup) -> tuple[str, str]:
    """A structured body without its last paragraph when that is the agency's sign-off and
    desk codes (AAP's `AAP RTV ar`, `==Kyodo`), the desk's initials alone (AFP's
    `ab/de/dl`) or the mark a story ends with (PA's `ends`): transmission furniture, not
    the story's last words. Also the agency it names."""
    blocks, last = _closing_block(body)
    if len(blocks) < 2 or not last or len(last) > 40:
        return _without_signature(body, lookup)
    if _END_MARK.fullmatch(last):
        return "\n".join(blocks[:-1]), ""
    if _DESK_INITIALS.fullmatch(last) and not _WORDS_NOT_CODES & set(re.split(r"[/-]", last)):
        return "\n".join(blocks[:-1]), ""  # AFP's "ab/de/dl/hmw", "bur-lth/sst"; not "and/or"
    last = _SIGN_OFF_WRAPPING.sub("", last)
    mentions = getattr(lookup, "agency_mentions", None)
    found = mentions(last) if mentions else []  # a name, not a sign that is a word ("Report")
    if mentions and not found:  # a sign in capitals only kept off the aliases ("AAP")
        found = [m for m in mentions(last, signs=True) if last[m[0] : m[1]].isupper()]
    if found and found[0][:2] == (0, len(last)):
        return "\n".join(blocks[:-1]), found[0][2]  # the agency's name alone: `==Kyodo`
    codes = _SIGN_OFF_CODES.fullmatch(last, found[0][1]) if found and found[0][0] == 0 else None
    if codes and not _WORDS_NOT_CODES & set(codes.group(0).split()):
        return "\n".join(blocks[:-1]), found[0][2]
    return _without_signature(body, lookup)


# The agency's name in capitals closing the last sentence (EFE's `… 500 ejemplares. EFE`).
_SIGNATURE = re.compile(r"(?<=[.!?»”\"])\s+([A-Z][A-Z-]{1,9})\s*(?=</p>\s*$)")


def _without_signature(body: str, lookup: PlaceLookup) -> tuple[str, str]:
    """A body whose last paragraph ends in the agency's signature, without it (the agency
    it names is returned)."""
    found = _SIGNATURE.search(body)
    named = lookup.agency_name(found.group(1)) if found else None
    if not found or not named:
        return body, ""
    return body[: found.start()] + body[found.end() :], named


_STAMPS = ("first_created", "version_created", "embargo_until")


def _read_local_times(report: ParsedReport, lookup: PlaceLookup) -> None:
    """Read the times an item sends without a zone (Belga's, TASS's `20190129T124550`) in
    its agency's home zone, where that country has one; else as UTC, saying so."""
    naive = [name for name in _STAMPS if getattr(getattr(report, name), "tzinfo", 0) is NO_ZONE]
    if not naive:
        return
    home = getattr(lookup, "agency_country", None)
    code = home(report.agency) if home and report.agency else None
    zone = country_zone(code) if code else None
    for name in naive:
        setattr(report, name, getattr(report, name).replace(tzinfo=zone or datetime.UTC))
    if zone is None:
        report.warnings.append("The item's times carry no time zone: they were read as UTC.")


def _without_closing_byline(body: str, byline: str) -> str:
    """A body without a last paragraph that only repeats the writer the item names (TT:
    `Martin Hardenberger` under the text, the byline `Martin Hardenberger/TT`)."""
    blocks, last = _closing_block(body)
    writers = {part.strip() for part in re.split(r"[/,]", head.without_by(byline))}
    if len(blocks) > 1 and last and last in writers:
        return "\n".join(blocks[:-1])
    return body


def names_someone(byline: str) -> bool:
    """Whether a byline names a person or a desk: a capitalised word (`Leyla Aliyeva`), two
    in capitals (`BERNARD CONDON`) or a script without case — not initials or a login."""
    words = _WORD.findall(byline)
    titled = any(w[0].isupper() and any(c.islower() for c in w[1:]) for w in words)
    capitals = sum(w.isupper() and len(w) >= 3 for w in words)
    caseless = any(w.upper() == w.lower() for w in words)
    return titled or capitals >= 2 or caseless


_WORD = re.compile(r"[^\W\d_]{2,}")
# The small words names and lists of names hold (`Anna von Berg and Leyla Aliyeva in Baku`).
_WORDS_IN_NAMES = frozenset(
    re.findall(
        r"\w+",
        "and und et y e i og och en in with mit from at of von van der den de da di del "
        "della la le du des bin ibn al el ter zu dos das our staff special",
    )
)
SENTENCE_WORDS = 3  # words in lower case beyond those a list of names holds


def says_something(byline: str) -> bool:
    """Whether a byline is a sentence, not names (`Situation serious, ready for all
    scenarios says EC`)."""
    words = [w.strip(",.;:") for w in byline.split()]
    lower = [w for w in words if _WORD.fullmatch(w) and w.islower() and w not in _WORDS_IN_NAMES]
    return len(lower) >= SENTENCE_WORDS


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def finish(report: ParsedReport, lookup: PlaceLookup) -> None:
    """Resolve the agency name and language, and say what is missing."""
    signed = ""
    if report.format != "text":
        report.body, signed = _without_sign_off(report.body, lookup)
        report.body = _without_closing_byline(report.body, report.byline)
    plain = plain_text(report.body)
    if not report.agency and report.format != "text":  # pasted text: parse_text did it
        # A feed's title names the agency only as a registered one (`Kazinform: latest`;
        # `Reports about Georgia · Newsroom` names none).
        in_title = getattr(lookup, "find_agency_mention", None)
        report.agency = (
            filing_agency(plain, lookup)
            or signed
            or report.feed_agency
            or (in_title(report.feed_title) if in_title and report.feed_title else "")
            or ""
        )
    if report.format != "text":
        report.headline = head.without_version_label(report.headline)  # "UPDATE 2-Results"
        if _same_words(report.summary, report.headline) or any(
            _same_words(report.summary, keyword) for keyword in report.keywords
        ):
            # NITF's abstract repeating the headline (AP, AAP); EFE's `hl2` repeating the
            # item's keywords ("INDIA SUCESOS")
            report.summary = ""
        if says_something(report.byline):  # ANSA's subtitle, sent as the byline
            report.summary = report.summary or report.byline
            report.byline = ""
    if report.format != "text":
        # "By Anna Weber, dpa" → "Anna Weber, dpa", as every format gives it; a byline
        # naming only the agency ("By The Associated Press") names no writer
        report.byline = head.without_by(report.byline)
        opening = head.BY_WORD.match(report.byline)  # "Par AFP", "Por EFE"
        credited = _THE.sub("", report.byline[opening.end() :] if opening else report.byline)
        if lookup.agency_name(credited):
            report.byline = ""
    if report.format != "text" and not names_someone(report.byline):
        report.byline = ""  # a desk's initials or login ("gr/bp", "VRG", "tholl.gregor")
    if report.agency:
        named = lookup.agency_name(report.agency)
        if named is None and "." in report.agency and " " not in report.agency:  # `afp.com`
            named = lookup.agency_at_site(report.agency)
        report.agency = named or report.agency
    _read_local_times(report, lookup)
    declared = normalized_language_tag(report.language)  # `FR` → `fr`; "english" → ""
    language = declared or detect_language(f"{report.headline}\n{plain}")
    report.language = (normalized_language_tag(language) or language)[:16]
    in_language = getattr(lookup, "agency_in_language", None)
    if report.agency and in_language:
        texts = (report.dateline.raw, report.headline, plain)
        report.agency = in_language(report.agency, report.language, *texts)
    if report.error:
        return  # the parser said why the item cannot be read
    if not plain.strip():
        report.error = (
            "No text was found in this report."
            if report.headline
            else ("No headline and no text were found in this report.")
        )
        broken = next(
            (w for w in report.warnings if w.startswith("the XML is not well-formed")), ""
        )
        if broken:  # what was read of broken XML: say why there is nothing
            report.error = f"{report.error[:-1]}: {broken.rsplit('; ', 1)[0]}."
    elif not report.headline.strip():
        report.headline = headline_from(plain)
        report.warnings.append("The item has no title; its first sentence stands in.")

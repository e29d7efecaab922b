"""Read IPTC NewsML 1.x (the NewsML before G2, still sent by several agencies): each
NewsItem with a text ContentItem becomes a report."""

from __future__ import annotations

import datetime
import re
from html import escape

from lxml import etree

from ingest.parsers.codes import country_named_by_code
from ingest.parsers.newsml import html_to_simple, simple_html
from ingest.parsers.nitf import read_nitf
from ingest.parsers.safe_xml import parse_xml
from ingest.parsers.tree import (
    XML_LANG,
    attr,
    child_elements,
    descendants,
    kid,
    kids,
    local_name,
    text_of,
    timestamp,
)
from ingest.types import ParsedReport, WireError, publication_status

MAX_ITEMS = 1000
# Tags sent as text (`&lt;P&gt;`): their start is enough to tell (no scan for the `>`).
_ESCAPED_BLOCKS = re.compile(r"<\s*(?:p|br|div)\b", re.IGNORECASE)
_ESCAPED_INLINE = re.compile(r"<\s*/?\s*(?:b|i|em|strong|a)\b", re.IGNORECASE)
_NOT_TEXT = {"photo", "graphic", "image", "video", "audio", "sound"}
_TEXT_FORMATS = {"nitf", "xhtml", "html", "text", "plain", "ascii"}
_ISO_COUNTRY = ("Country", "CountryCode", "Country Code", "ISO3166", "iso3166")


def parse_newsml1(data: bytes) -> list[ParsedReport]:
    """Read every NewsItem of a NewsML 1.x document that carries text."""
    if not data.strip():
        raise WireError("The NewsML file is empty.")
    document = parse_xml(data, lenient=True)
    root = document.root
    if local_name(root) not in ("NewsML", "NewsItem"):
        raise WireError(
            f"Not a NewsML 1 document: the root element is <{local_name(root)}>, expected <NewsML>."
        )
    items = [root] if local_name(root) == "NewsItem" else kids(root, "NewsItem")
    if len(items) > MAX_ITEMS:
        raise WireError(f"The file holds {len(items):,} news items; at most {MAX_ITEMS:,}.")
    envelope_time = text_of(kid(kid(root, "NewsEnvelope"), "DateAndTime"))
    reports: list[ParsedReport] = []
    notes: list[str] = []
    for index, item in enumerate(items, 1):
        report = _read_item(item, envelope_time)
        if report is None:
            notes.append(f"item {index} skipped: it carries no text")
        else:
            reports.append(report)
    if not reports:
        raise WireError(
            "No usable text news item in this NewsML file"
            + (": " + "; ".join(notes) if notes else ".")
        )
    reports[0].warnings.extend(document.warnings + notes)
    return reports


def _read_item(item: etree._Element, envelope_time: str) -> ParsedReport | None:
    report = ParsedReport(format="newsml1")
    warnings = report.warnings
    identifier = kid(kid(item, "Identification"), "NewsIdentifier")
    report.agency_item_id = _item_id(item, identifier)
    report.agency_version = text_of(kid(identifier, "RevisionId"))
    management = kid(item, "NewsManagement")
    report.first_created = timestamp(
        text_of(kid(management, "FirstCreated")), "FirstCreated", warnings
    )
    report.version_created = (
        timestamp(text_of(kid(management, "ThisRevisionCreated")), "ThisRevisionCreated", warnings)
        or report.first_created
        or timestamp(envelope_time, "DateAndTime", warnings)
    )
    report.embargo_until = _embargo(management, warnings)
    report.pub_status = publication_status(attr(kid(management, "Status"), "FormalName"))
    component = kid(item, "NewsComponent")
    if component is None:
        return None
    _read_component(report, component)
    contents = _text_contents(component)
    if not contents:
        return None
    versions, read_in = _versions(component), _ancestors(contents[0])
    if others := sum(1 for version in versions if version not in read_in):
        languages = ", ".join(version.get(XML_LANG, "") or "?" for version in versions)
        warnings.append(  # Belga: the Dutch text, then the French one
            f"the news item holds {others + 1} versions of its text (in "
            f"{languages}); the first was read"
        )
    for content in contents:
        _read_content(report, content)
    if not report.body and not report.headline:
        return None
    if not report.headline:
        warnings.append("the news item has no headline")
    return report


def _item_id(item: etree._Element, identifier: etree._Element | None) -> str:
    """The item's id across its revisions: provider, date and its own id (NewsItemId,
    else the Duid of the item or of its component), as a NewsML URN; the public identifier
    names the revision too (`…:TX-PAR-NBK16:2`), and some agencies send one for all items.
    "" when the item has no id of its own, so that two items are never taken for one."""
    own = text_of(kid(identifier, "NewsItemId"))
    public = text_of(kid(identifier, "PublicIdentifier"))
    revision = text_of(kid(identifier, "RevisionId"))
    if not own and public.count(":") >= 4:  # urn:newsml:provider:date:item[:revision]
        return public.removesuffix(f":{revision}") if revision else public
    if revision:  # ANP's `ANPX-101218-041-v2`: the id names its revision too
        own = re.sub(rf"[-_.]v{re.escape(revision)}$", "", own, flags=re.IGNORECASE)
    own = own or item.get("Duid", "") or attr(kid(item, "NewsComponent"), "Duid")
    if not own:
        return ""
    parts = (text_of(kid(identifier, "ProviderId")), text_of(kid(identifier, "DateId")), own)
    return "urn:newsml:" + ":".join(part for part in parts if part)


def _embargo(management: etree._Element | None, warnings: list[str]) -> datetime.datetime | None:
    """The time an embargoed item becomes usable (StatusWillChange), if it is embargoed."""
    status = attr(kid(management, "Status"), "FormalName").lower()
    change = kid(management, "StatusWillChange")
    when = text_of(kid(change, "DateAndTime"))
    if status in ("embargoed", "withheld") and when:
        return timestamp(when, "StatusWillChange", warnings)
    if status == "embargoed":
        warnings.append("the item is embargoed but says not until when")
    return None


def _read_component(report: ParsedReport, component: etree._Element) -> None:
    """Read what the outer component (and the ones it holds) say in their news lines and
    metadata; the first value found wins."""
    for part in descendants(component, "NewsComponent"):
        report.language = report.language or part.get(XML_LANG, "")
        lines = kid(part, "NewsLines")
        report.headline = report.headline or text_of(kid(lines, "HeadLine"))
        report.summary = report.summary or text_of(kid(lines, "SubHeadLine"))
        report.byline = report.byline or text_of(kid(lines, "ByLine"))
        report.dateline.raw = report.dateline.raw or text_of(kid(lines, "DateLine"))
        report.keywords = report.keywords or [
            text_of(line) for line in kids(lines, "KeywordLine") if text_of(line)
        ]
        report.agency = report.agency or _agency(part, lines)
        described = kid(part, "DescriptiveMetadata")
        report.language = report.language or attr(kid(described, "Language"), "FormalName")
        report.keywords = report.keywords or [  # AFP: <Property FormalName="Keyword" …/>
            prop.get("Value", "").strip()
            for prop in kids(described, "Property")
            if prop.get("FormalName", "").lower() == "keyword" and prop.get("Value", "").strip()
        ]
        report.places = report.places or _places(described)
        report.subjects = report.subjects or _subjects(described)


def _agency(component: etree._Element, lines: etree._Element | None) -> str:
    administrative = kid(component, "AdministrativeMetadata")
    for role in ("Provider", "Source", "Creator"):
        party = kid(kid(administrative, role), "Party")
        if attr(party, "FormalName"):
            return attr(party, "FormalName")
    return text_of(kid(lines, "CreditLine"))


def _places(described: etree._Element | None) -> list[str]:
    """The origin location first (the dateline's), then the others."""
    if described is None:
        return []
    locations = kids(described, "Location")
    locations.sort(key=lambda location: location.get("HowPresent", "") != "Origin")
    names = []
    # … and a City or Country property right under the metadata (ANA)
    for location in [*locations, described]:
        for prop in kids(location, "Property"):
            value = prop.get("Value", "")
            name = prop.get("FormalName", "")
            if name == "City" and value:
                names.append(value)
            elif name in _ISO_COUNTRY and value:
                names.append(country_named_by_code(value))  # `TKM`, `CH` or a name
    return list(dict.fromkeys(names))


def _subjects(described: etree._Element | None) -> list[str]:
    codes = [
        attr(subject, "FormalName")
        for code in kids(described, "SubjectCode")
        for subject in child_elements(code)
    ]
    return list(dict.fromkeys(code for code in codes if code))


def _text_contents(component: etree._Element) -> list[etree._Element]:
    """The ContentItems holding the text inline (NITF, XHTML or plain text), by format
    whatever media type they claim (`ComplexData` for NITF is common). Where the text is
    split by role (Belga: Title, Lead, Body), the lead and body of the first version."""
    # Each component's role, read once (the component kept, so that its id stays its own).
    roles: dict[int, tuple[etree._Element, str]] = {}

    def role(item: etree._Element) -> str:
        parent = item.getparent()
        if parent is None:
            return ""
        if id(parent) not in roles:
            roles[id(parent)] = (parent, attr(kid(parent, "Role"), "FormalName").lower())
        return roles[id(parent)][1]

    candidates = [
        item
        for item in descendants(component, "ContentItem")
        if kid(item, "DataContent") is not None and _media(item) not in _NOT_TEXT
    ]
    bodies = [item for item in candidates if role(item) == "body"]
    if bodies:
        version = bodies[0].getparent()
        version = version.getparent() if version is not None else None
        return [
            item
            for item in candidates
            if role(item) in ("lead", "body") and version in _ancestors(item)
        ]
    candidates = [item for item in candidates if role(item) not in ("title", "caption")]
    for item in candidates:
        if _format(item) in _TEXT_FORMATS:
            return [item]
    return [item for item in candidates if _media(item) == "text"][:1]


def _versions(component: etree._Element) -> list[etree._Element]:
    """The components of an item split by role (Belga) that each hold a whole text."""
    bodies = [
        item.getparent()
        for item in descendants(component, "ContentItem")
        if attr(kid(item.getparent(), "Role"), "FormalName").lower() == "body"
    ]
    parents = (body.getparent() for body in bodies if body is not None)
    return list(dict.fromkeys(parent for parent in parents if parent is not None))


def _ancestors(element: etree._Element) -> list[etree._Element]:
    return list(element.iterancestors())


def _media(item: etree._Element) -> str:
    return attr(kid(item, "MediaType"), "FormalName").lower()


def _format(item: etree._Element) -> str:
    """`NITF3.1`, `bcNITF2.5`, `text/vnd.IPTC.NITF` → nitf; `HTML` → html; else text."""
    named = (
        attr(kid(item, "Format"), "FormalName") or attr(kid(item, "MimeType"), "FormalName")
    ).lower()
    for known in ("nitf", "xhtml", "html"):
        if known in named:
            return known
    return "text" if not named or "text" in named or "plain" in named else named


def _read_content(report: ParsedReport, item: etree._Element) -> None:
    data = kid(item, "DataContent")
    assert data is not None
    inner = next(child_elements(data), None)
    if inner is not None and local_name(inner) == "nitf":
        if report.body:  # a second part (Lead, then Body): its text follows
            report.body += "\n" + read_nitf(inner).body
        else:
            read_nitf(inner, report)
        return
    if inner is not None and local_name(inner).lower() == "html":
        body_element = kid(inner, "body")
        html = simple_html(body_element if body_element is not None else inner)
    elif inner is not None:
        html = simple_html(data)
    else:
        html = _text_to_html(data.text or "")
    report.body = "\n".join(part for part in (report.body, html) if part)


def _text_to_html(text: str) -> str:
    """Plain text (paragraphs apart by blank lines) or HTML sent as text (`&lt;P&gt;…`,
    `Steven &lt;b&gt;Van Geel&lt;/b&gt;`) as simple HTML."""
    text = text.replace("\r\n", "\n").strip()
    if _ESCAPED_BLOCKS.search(text):
        return html_to_simple(text)
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    if _ESCAPED_INLINE.search(text):
        return html_to_simple("".join(f"<p>{p}</p>" for p in paragraphs))
    return "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)

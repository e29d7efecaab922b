"""Read NITF documents (News Industry Text Format 2.5–3.6), the XML most agencies deliver
text in, into ParsedReports: the head's document data and the body's own head."""

from __future__ import annotations

from lxml import etree

from ingest.parsers.codes import country_named_by_code
from ingest.parsers.newsml import nitf_body
from ingest.parsers.safe_xml import parse_xml
from ingest.parsers.tree import (
    XML_LANG,
    attr,
    descendants,
    kid,
    kids,
    local_name,
    text_of,
    timestamp,
    unique,
)
from ingest.types import ParsedReport, WireError, publication_status

MAX_DOCUMENTS = 1000


def parse_nitf(data: bytes) -> list[ParsedReport]:
    """Read a NITF document, or every NITF document a wrapper element holds."""
    if not data.strip():
        raise WireError("The NITF file is empty.")
    # Agencies send NITF with the DOCTYPE naming its DTD, which is never fetched; the
    # DTD's own entities (&nbsp;) are not defined without it, so what can be read is.
    document = parse_xml(data, lenient=True)
    root = document.root
    found = [root] if local_name(root) == "nitf" else descendants(root, "nitf")
    if not found:
        raise WireError(f"Not a NITF document: the root element is <{local_name(root)}>.")
    if len(found) > MAX_DOCUMENTS:
        raise WireError(f"The file holds {len(found):,} NITF documents; at most {MAX_DOCUMENTS:,}.")
    reports = [read_nitf(nitf) for nitf in found]
    reports[0].warnings.extend(document.warnings)
    return reports


def read_nitf(nitf: etree._Element, report: ParsedReport | None = None) -> ParsedReport:
    """Read one <nitf> element; fill `report` (what an envelope already said wins)."""
    report = report or ParsedReport(format="nitf")
    head, body = kid(nitf, "head"), kid(nitf, "body")
    docdata = kid(head, "docdata")
    warnings = report.warnings
    content = nitf_body(nitf)
    report.headline = report.headline or content.headline
    subheadline = text_of(kid(kid(kid(body, "body.head"), "hedline"), "hl2"))
    report.summary = report.summary or content.summary or subheadline
    report.body = report.body or content.html
    report.byline = report.byline or content.byline
    report.dateline.raw = report.dateline.raw or content.dateline
    report.language = report.language or _language(nitf, head, body)
    report.agency = report.agency or _agency(head, body)
    doc_id = kid(docdata, "doc-id")
    report.agency_item_id = report.agency_item_id or attr(doc_id, "id-string")
    report.agency_version = report.agency_version or attr(kid(docdata, "du-key"), "version")
    issued = timestamp(attr(kid(docdata, "date.issue"), "norm"), "date.issue", warnings)
    released = timestamp(attr(kid(docdata, "date.release"), "norm"), "date.release", warnings)
    report.first_created = report.first_created or issued
    report.pub_status = report.pub_status or publication_status(attr(docdata, "management-status"))
    report.version_created = report.version_created or issued
    # date.release is when the document may be used: an embargo when it is later than
    # the issue time (or when there is no issue time to compare it with).
    if released and not report.embargo_until and (issued is None or released > issued):
        report.embargo_until = released
    report.keywords = report.keywords or unique(
        attr(keyword, "key") or text_of(keyword)
        for keyword in kids(kid(docdata, "key-list"), "keyword")
    )
    report.subjects = report.subjects or unique(
        attr(subject, "tobject.subject.matter") or attr(subject, "tobject.subject.refnum")
        for subject in descendants(kid(head, "tobject"), "tobject.subject")
    )
    report.places = report.places or _places(docdata, body)
    report.source_url = report.source_url or _web_address(head)
    if not report.headline:
        warnings.append("the NITF document has no headline")
    return report


def _language(*elements: etree._Element | None) -> str:
    """`xml:lang`, `lang`, or the root's `baselang` (`es-ES`)."""
    for element in elements:
        for name in (XML_LANG, "lang", "baselang"):
            if element is not None and element.get(name):
                return element.get(name, "")
    return ""


def _agency(head: etree._Element | None, body: etree._Element | None) -> str:
    """The distributor the body names, else the copyright holder, else the source code."""
    distributor = text_of(kid(kid(body, "body.head"), "distributor"))
    if distributor:
        return distributor
    docdata = kid(head, "docdata")
    holder = attr(kid(docdata, "doc.copyright"), "holder")
    rights = kid(docdata, "doc.rights")
    return holder or attr(rights, "agent") or attr(rights, "owner") or _source(docdata)


def _source(docdata: etree._Element | None) -> str:
    # regsrc is the registering source, such as "AP" or "dpa"
    return attr(kid(docdata, "doc-id"), "regsrc")


def _places(docdata: etree._Element | None, body: etree._Element | None) -> list[str]:
    """Place names the document declares: the dateline's location, then identified ones."""
    names: list[str] = []
    dateline = kid(kid(body, "body.head"), "dateline")
    for location in [
        *descendants(dateline, "location"),
        *descendants(kid(docdata, "identified-content"), "location"),
    ]:
        for part in ("city", "state", "region", "country"):
            for element in descendants(location, part):
                code = attr(element, "iso-cc")
                names.append(country_named_by_code(code) if code else text_of(element))
    return unique(names)


def _web_address(head: etree._Element | None) -> str:
    for pubdata in kids(head, "pubdata"):
        address = attr(pubdata, "ex-ref")
        if address.startswith(("http://", "https://")):
            return address
    return ""

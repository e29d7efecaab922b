"""Read IPTC NewsML-G2 text items into ParsedReports, refusing DTDs and entity declarations."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from ingest.head import without_by
from ingest.parsers.safe_xml import parse_xml
from ingest.parsers.tree import (
    XML_LANG,
    attr,
    child_elements,
    kid,
    kids,
    local_name,
    story_address,
    text_of,
    timestamp,
    unique,
)
from ingest.types import ParsedReport, WireError, publication_status

_SPACE = re.compile(r"\s+")
_BREAKING_TAG = re.compile(
    r"<\s*/?\s*(p|div|br|li|dt|dd|h[1-6]|blockquote|tr|td|th|section|article)\b[^<>]*>", re.I
)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
_TAG_START = re.compile(r"<\s*/?\s*[a-zA-Z][\w:-]*[\s/>]")
_OTHER_ITEMS = {"packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"}

# What survives of an XHTML or NITF body: a few tags, the rest reduced to its text.
_KEEP = {"p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "b", "i", "blockquote", "br"}
_BLOCKS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote"}
_LIST_PARTS = {"li"}
_DOUBLE_SPACE = re.compile(r" {2,}")
_RENAME = {
    "hl2": "h2", "h5": "h4", "h6": "h4", "bq": "blockquote",
    # TT's own NITF (`application/ttnitf+xml`, in capitals): its headline, intermediate
    # headings, quotes, picture and the dateline and byline it gives apart
    "rubrik": "h1", "mellis": "h2", "citat": "blockquote", "bild": "figure",
    "dat": "header", "byline": "header",
}  # fmt: skip
# h1/hl1 in a body repeat the headline, which the report carries on its own, as a
# body's <header> does with its slug and times (dpa); figures and media lose their
# pictures, so their captions would be orphaned text.
_DROP = {
    "head", "title", "script", "style", "noscript", "template", "h1", "hl1", "body.head",
    "figure", "img", "picture", "media", "object", "embed", "iframe", "video", "audio",
    "svg", "math", "nav", "form", "input", "button", "select", "textarea", "hr", "header",
}  # fmt: skip
# Wrappers whose loose text becomes paragraphs of its own.
_CONTAINERS = {
    "html", "body", "body.content", "block", "div", "section", "article", "main",
    "footer", "aside", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "dl", "dt", "dd", "pre", "address", "center", "details", "fieldset",
}  # fmt: skip
_HTML_ROOTS = {"body", "div", "section", "article", "main", "p"}
_HTML_TYPE = re.compile(r"html", re.I)
# A block element's tag: plain text that merely holds a `<` (`a<b`, `<ENDS>`) is no HTML.
_HTML_BLOCK = re.compile(r"<\s*/?\s*(?:p|div|br|h[1-6]|ul|ol|li|table|blockquote)\s*/?>", re.I)
_SUMMARY_ROLES = {"", "summary", "abstract", "teaser"}  # a description's (drol:) roles
# A headline's roles for the line under it (IPTC `hdrol:sub`, ANSA's `hld:subHeadline`).
_SUBHEADLINE_ROLES = {"sub", "subheadline", "subhead", "subtitle", "strapline"}
_HTML_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


@dataclass
class Body:
    """A body converted to simple HTML, with what its own head says about the story."""

    html: str = ""
    headline: str = ""
    byline: str = ""
    dateline: str = ""
    summary: str = ""


def parse_newsml(data: bytes) -> list[ParsedReport]:
    """Read the text news items of a NewsML-G2 newsItem or newsMessage."""
    if not data.strip():
        raise WireError("The NewsML-G2 file is empty.")
    reports: list[ParsedReport] = []
    notes: list[str] = []
    for index, item in enumerate(_items(parse_xml(data).root), 1):
        nature = _nature(item)
        if nature != "text":
            notes.append(f"item {index} ({nature}) skipped: not a text item")
            continue
        report = _read_item(item)
        if not report.headline and not report.body:
            notes.append(f"item {index} skipped: it has neither a headline nor a body")
            continue
        reports.append(report)
    if not reports:
        raise WireError("No usable text news item in this NewsML-G2 file: " + "; ".join(notes))
    reports[0].warnings.extend(notes)
    return reports


def nitf_to_html(text: str) -> Body:
    """Convert a NITF document given as a string (e.g. a ninjs body) to a simple HTML Body."""
    root = parse_xml(text.strip().encode()).root
    if local_name(root) != "nitf":
        raise WireError(f"Expected a NITF document, found <{local_name(root)}>.")
    return nitf_body(root)


def html_to_simple(text: str) -> str:
    """Convert an HTML string (a page or a fragment) to the same simple HTML as XML bodies."""
    try:
        page = lxml.html.document_fromstring(text, parser=_HTML_PARSER)
    except (etree.ParserError, ValueError):
        return ""
    body = page.find("body")
    return simple_html(body if body is not None else page)


def plain_text(markup: str) -> str:
    """Return HTML as one line of plain text: tags gone, entities decoded, spaces collapsed."""
    text = _ANY_TAG.sub("", _BREAKING_TAG.sub(" ", markup))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def has_markup(text: str) -> bool:
    """Whether text holds a tag (its start is enough: no scan for the closing `>`)."""
    return _TAG_START.search(text) is not None


def simple_html(element: etree._Element) -> str:
    """Convert an XHTML or NITF subtree to simple HTML: a few tags kept, the rest as text."""
    blocks = [_unwrapped(block) for block in _blocks(element)]
    return "\n".join(_without_furniture(blocks))


# Paragraphs a body carries that are no text of the story: an embed's code sent as text
# (`<div class="embed"></div><script …>`), a picture's caption or credit under its label
# (NTB's `BILDE: <a href=…>caption</a>`, `Foto: NTNU`), a placeholder for what the
# delivery left out (`[ GRAFIKK/VIDEO MANGLER ]`).
_PICTURE_LABEL = re.compile(
    r"(?:BILDE|BILD|FOTO|PHOTO|PICTURE|IMAGE|KUVA|Bilde|Bild|Foto|Photo|Kuva)\s*:\s*\S"
)
_PLACEHOLDER = re.compile(r"\[[^\]a-z]{3,60}\]")
CAPTION_LENGTH = 300  # a caption's characters at most
_HEADING = re.compile(r"<(h[2-4])>")


def _without_furniture(blocks: list[str]) -> list[str]:
    kept: list[str] = []
    for block in blocks:
        if not _is_furniture(block):
            kept.append(block)
        elif kept and _HEADING.match(kept[-1]):
            kept.pop()  # the heading the furniture had (NTB's `Embed (stor):`) goes with it
    return kept


def _is_furniture(block: str) -> bool:
    if not block.startswith("<p>"):
        return False
    text = plain_text(block)
    if text.startswith("<") and text.endswith(">") and has_markup(text):
        return True
    if _PLACEHOLDER.fullmatch(text):
        return True
    return bool(_PICTURE_LABEL.match(text)) and len(text) <= CAPTION_LENGTH


_WRAP = re.compile(r" <br>(?=\S)")


WRAPPED_LINE = (50, 100)  # characters a wire printer's line holds: an address's are fewer


def _unwrapped(block: str) -> str:
    """A paragraph without a wire printer's line wraps: every break follows a space and
    every line but the last is a printer's width (AAP: `… the fire situation is likely to
    get worse with a massive fire front <br>spanning …`), which the breaks of an address,
    a contact block or a verse are not."""
    if "<br>" not in block:
        return block
    block = _EDGE_BREAK.sub("", block)  # "<p>… in months.<br></p>"
    if block.count("<br>") != len(_WRAP.findall(block)):
        return block
    shortest, longest = WRAPPED_LINE
    lines = [plain_text(line) for line in block.split("<br>")[:-1]]
    if not all(shortest <= len(line) <= longest for line in lines):
        return block
    return _WRAP.sub(" ", block)


_EDGE_BREAK = re.compile(r"(?<=<p>)(?:\s*<br>)+\s*|\s*(?:<br>\s*)+(?=</p>)")


# Document structure


def _items(root: etree._Element) -> list[etree._Element]:
    name = local_name(root)
    if name == "newsItem":
        return [root]
    if name == "newsMessage":
        items = [item for item_set in kids(root, "itemSet") for item in child_elements(item_set)]
        if not items:
            raise WireError("This NewsML-G2 newsMessage carries no items.")
        return items
    if name in _OTHER_ITEMS:
        raise WireError(f"This NewsML-G2 file is a {name}, not a news item: nothing to import.")
    raise WireError(
        f"Not a NewsML-G2 document: the root element is <{name}>, "
        "expected <newsItem> or <newsMessage>."
    )


def _nature(item: etree._Element) -> str:
    if local_name(item) != "newsItem":
        return local_name(item)
    item_class = kid(kid(item, "itemMeta"), "itemClass")
    if item_class is None:
        return "text"  # itemClass is mandatory; without one, let the content speak
    code = item_class.get("qcode") or item_class.get("uri") or ""
    return re.split(r"[:/]", code.rstrip("/"))[-1] or "unclassified"


def _read_item(item: etree._Element) -> ParsedReport:
    meta, content = kid(item, "itemMeta"), kid(item, "contentMeta")
    language = attr(kid(content, "language"), "tag") or item.get(XML_LANG, "")
    report = ParsedReport(
        format="newsml",
        agency_item_id=item.get("guid", ""),
        agency_version=item.get("version", ""),
        language=language,
        agency=_agency(item),
    )
    _read_item_meta(report, meta)
    # What the item asserts of the concepts it names by code alone (STT: a geoArea's name)
    asserts = {
        key: _name(a, language)
        for a in kids(item, "assert")
        for key in (a.get("qcode"), a.get("uri"))
        if key
    }
    _read_content_meta(report, content, asserts)
    links = [
        (link.get("rel", ""), link.get("href", ""))
        for link in kids(meta, "link")
        if _names_the_story(link, report.headline)
    ]
    report.source_url = story_address(links, report.agency_item_id)
    if report.first_created is None:
        report.first_created = _when(kid(content, "contentCreated"), report.warnings)
    _apply_body(report, _body(kid(item, "contentSet"), report.warnings))
    if not report.byline:
        report.byline = ", ".join(_name(c, language) for c in kids(content, "creator") if _name(c))
    return report


def _read_item_meta(report: ParsedReport, meta: etree._Element | None) -> None:
    report.version_created = _when(kid(meta, "versionCreated"), report.warnings)
    report.first_created = _when(kid(meta, "firstCreated"), report.warnings)
    report.embargo_until = _when(kid(meta, "embargoed"), report.warnings)
    report.pub_status = publication_status(attr(kid(meta, "pubStatus"), "qcode"))


def _read_content_meta(
    report: ParsedReport, content: etree._Element | None, asserts: dict[str, str]
) -> None:
    lang = report.language
    headlines = kids(content, "headline")
    subheadlines = [h for h in headlines if _role(h) in _SUBHEADLINE_ROLES]
    report.headline = _pick([h for h in headlines if h not in subheadlines], ("main",))
    report.summary = _pick(
        [d for d in kids(content, "description") if _role(d) in _SUMMARY_ROLES],
        ("summary", "abstract", "teaser"),
    ) or _pick(subheadlines, ())
    report.byline = text_of(kid(content, "by"))
    report.dateline.raw = text_of(kid(content, "dateline"))
    places = [
        name for located in kids(content, "located") for name in _place_names(located, asserts)
    ]
    subjects: list[str] = []
    for subject in kids(content, "subject"):
        if subject.get("type", "").endswith("geoArea"):
            places.extend(_place_names(subject, asserts))
        else:
            subjects.append(_name(subject, lang) or subject.get("qcode", ""))
    report.places = unique(places)
    report.subjects = unique(subjects)
    report.keywords = unique(text_of(k) for k in kids(content, "keyword"))


def _names_the_story(link: etree._Element, headline: str) -> bool:
    """Whether a link may be the story's own page: untitled, or titled as the story is
    (dpa's one `seeAlso` titled `Küstenwache Mitteilungen` is the coast guard's page)."""
    title = text_of(kid(link, "title"))
    return not title or title.casefold() == headline.casefold()


def _agency(item: etree._Element) -> str:
    provider = kid(kid(item, "itemMeta"), "provider")
    qcode = attr(provider, "qcode")
    named = _name(provider) or attr(provider, "literal")
    if named:
        return named
    if qcode.startswith("nprov:"):  # the IPTC provider vocabulary: the code is the agency
        return qcode.partition(":")[2]
    holder = _name(kid(kid(item, "rightsInfo"), "copyrightHolder"))
    return holder or qcode.partition(":")[2]


# Body


def _body(content_set: etree._Element | None, warnings: list[str]) -> Body:
    for inline in kids(content_set, "inlineXML"):
        body = _inline_xml(inline, warnings)
        if body.html:
            return body
    for inline in kids(content_set, "inlineData"):
        if inline.get("encoding") or inline.get("encodinguri"):
            warnings.append("encoded inlineData is not read")
            continue
        text = (inline.text or "").replace("\r\n", "\n").strip()
        if text and (_HTML_TYPE.search(inline.get("contenttype", "")) or _HTML_BLOCK.search(text)):
            return Body(html=html_to_simple(text))  # HTML in CDATA, labelled text/plain (ANSA)
        if text:
            return Body(html=text)
    warnings.append("the item has no inline body text")
    return Body()


def _inline_xml(inline: etree._Element, warnings: list[str]) -> Body:
    root = next(child_elements(inline), None)
    if root is None:
        return Body()
    name = local_name(root).lower()
    if name == "nitf":
        return nitf_body(root)
    if name == "html":
        return _xhtml_body(root)
    if name in _HTML_ROOTS:
        headline = _first_text(root, "h1") or _first_text(root, "rubrik")
        for box in [t for t in root if _tag(t) == "text"][1:]:  # TT's fact box, under the text
            for title in (t for t in box if _tag(t) == "h1"):
                title.tag = "MELLIS"  # its title is a heading of the body
        return Body(html=simple_html(root), headline=headline, byline=_first_text(root, "byline"))
    warnings.append(f"inlineXML <{local_name(root)}> is neither NITF nor XHTML; not read")
    return Body()


def nitf_body(nitf: etree._Element) -> Body:
    body = kid(nitf, "body")
    head = kid(body, "body.head")
    content = kid(body, "body.content")
    return Body(
        html=simple_html(content) if content is not None else "",
        headline=_nitf_headline(nitf, head),
        byline=", ".join(filter(None, (_byline(b) for b in kids(head, "byline")))),
        dateline=text_of(kid(head, "dateline")),
        summary=text_of(kid(head, "abstract")),
    )


def _nitf_headline(nitf: etree._Element, body_head: etree._Element | None) -> str:
    """The body's `hl1`, else the head's `title` (some agencies give only that)."""
    headline = text_of(kid(kid(body_head, "hedline"), "hl1"))
    return headline or text_of(kid(kid(nitf, "head"), "title"))


def _byline(byline: etree._Element) -> str:
    """`By NAME<byttl>Title</byttl>` → `NAME, Title`: the "By" is no part of the name."""
    title = ", ".join(text_of(t) for t in kids(byline, "byttl") if text_of(t))
    parts = [byline.text or ""]
    for child in child_elements(byline):
        parts.append(("" if local_name(child) == "byttl" else text_of(child)) + " ")
        parts.append(child.tail or "")
    name = without_by(" ".join("".join(parts).split())).strip(" ,;/")
    return ", ".join(part for part in (name, title) if part)


def _xhtml_body(page: etree._Element) -> Body:
    body = kid(page, "body")
    return Body(
        html=simple_html(body) if body is not None else "",
        headline=_first_text(body, "h1") or text_of(kid(kid(page, "head"), "title")),
    )


def _apply_body(report: ParsedReport, body: Body) -> None:
    report.body = body.html
    report.headline = report.headline or body.headline
    report.byline = report.byline or body.byline
    report.dateline.raw = report.dateline.raw or body.dateline
    report.summary = report.summary or body.summary
    if not report.headline:
        report.warnings.append("the item has no headline")


def _blocks(container: etree._Element) -> list[str]:
    blocks: list[str] = []
    run: list[str] = [_escape(container.text)]
    for child in container:
        name = _tag(child)
        if name == "p" and (typed := _typed_paragraphs(child)):
            _flush(run, blocks)
            blocks.extend(f"<p>{_escape(paragraph)}</p>" for paragraph in typed)
        elif name in _DROP or _furniture(child):
            pass
        elif name in _BLOCKS or name in _CONTAINERS or _holds_blocks(child):
            _flush(run, blocks)
            blocks.extend([_render(child)] if name in _BLOCKS else _blocks(child))
        else:
            run.append(_render(child))
        run.append(_escape(child.tail))
    _flush(run, blocks)
    return [block for block in blocks if block]


def _holds_blocks(element: etree._Element) -> bool:
    """An element of a vocabulary of its own (TT's `INGRESS`, `BRODTEXT`) holding
    paragraphs: a container, not a run of text."""
    return any(_tag(inner) in _BLOCKS for inner in element.iterdescendants())


# An HTML body's blocks that give the writer or the desk's label apart (TT's ninjs: the
# `dat` line of section and source, the `byline` under the text): the report has them.
_FURNITURE_CLASSES = {"byline", "dat"}


def _furniture(element: etree._Element) -> bool:
    return _tag(element) == "div" and bool(
        _FURNITURE_CLASSES & set(element.get("class", "").split())
    )


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INDENTED = re.compile(rf"{_BLANK_LINE.pattern}|\n[ \t]{{2,}}(?=\S)")
_FLUSH_LINE = re.compile(r"\n(?=\S)")


def _typed_paragraphs(paragraph: etree._Element) -> list[str]:
    """The paragraphs of a whole story typed into one `<p>` as a wire printer's text
    (Reuters, ANSA): each indented line starts one and the lines at the margin carry it
    on; or blank lines part them. A paragraph the XML's own indentation wraps (every
    line indented alike) is one paragraph."""
    text = (paragraph.text or "").strip()
    if len(paragraph):
        return []
    if _FLUSH_LINE.search(text) and _INDENTED.search(text):
        parts = _INDENTED.split(text)
    elif _BLANK_LINE.search(text):
        parts = _BLANK_LINE.split(text)
    else:
        return []
    return [" ".join(part.split()) for part in parts if part.strip()]


def _flush(run: list[str], blocks: list[str]) -> None:
    text = _DOUBLE_SPACE.sub(" ", "".join(run)).strip()
    if text and text != "<br>":
        blocks.append(f"<p>{text}</p>")
    run.clear()


def _render(element: etree._Element) -> str:
    name = _tag(element)
    if not name or name in _DROP:
        return ""
    if name == "br":
        return "<br>"
    inner = _escape(element.text) + "".join(
        _render(child) + _escape(child.tail) for child in element
    )
    if name == "a":
        href = element.get("href", "")
        if href.startswith(("http://", "https://", "mailto:")) and inner.strip():
            return f'<a href="{html.escape(href)}">{inner}</a>'
        return inner  # a link around nothing but a picture (a share button) goes with it
    if name in _KEEP:
        inline = name not in _BLOCKS and name not in _LIST_PARTS
        if not inner.strip():
            return " " if inner and inline else ""
        # A space at an inline element's edge parts words (`<i><b>Ann Lee</b></i><i> is
        # an economist</i>`): it stays, outside the tag.
        lead = " " if inline and inner[0].isspace() else ""
        trail = " " if inline and inner[-1].isspace() else ""
        return f"{lead}<{name}>{_DOUBLE_SPACE.sub(' ', inner.strip())}</{name}>{trail}"
    return inner


# Small helpers


def _tag(node: etree._Element) -> str:
    if not isinstance(node.tag, str):  # a processing instruction or an entity reference
        return ""
    name = node.tag.rpartition("}")[2].rpartition(":")[2].lower()  # `o:p` from Word's HTML
    return _RENAME.get(name, name)


def _escape(text: str | None) -> str:
    return html.escape(_SPACE.sub(" ", text), quote=False) if text else ""


def _role(element: etree._Element) -> str:
    return element.get("role", "").rpartition(":")[2].lower()


def _pick(elements: list[etree._Element], preferred: tuple[str, ...]) -> str:
    """Return the text with a preferred role, else the one without a role, else the first."""
    for wanted in (*preferred, ""):
        for element in elements:
            if _role(element) == wanted and text_of(element):
                return text_of(element)
    return next((text_of(e) for e in elements if text_of(e)), "")


def _name(element: etree._Element | None, language: str = "") -> str:
    names = kids(element, "name")
    primary = language.split("-")[0].lower()
    for name in names:
        if primary and name.get(XML_LANG, "").split("-")[0].lower() == primary:
            return text_of(name)
    return text_of(names[0]) if names else ""


def _place_names(element: etree._Element, asserts: dict[str, str]) -> list[str]:
    """A place's name (its `name`, its `literal`, what the item asserts of its code) and
    those of the places it lies in."""
    code = element.get("qcode") or element.get("uri")
    names = [
        _name(element) or element.get("literal", "") or (asserts.get(code, "") if code else "")
    ] + [_name(broader) for broader in kids(element, "broader")]
    return [name for name in names if name]


def _first_text(root: etree._Element | None, name: str) -> str:
    if root is None:
        return ""
    found = (el for el in root.iter() if isinstance(el.tag, str) and local_name(el).lower() == name)
    return text_of(next(found, None))


def _when(element: etree._Element | None, warnings: list[str]) -> datetime.datetime | None:
    if element is None:
        return None
    return timestamp(text_of(element), local_name(element), warnings)

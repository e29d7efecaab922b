"""The one gate every XML input goes through: NewsML-G2, RSS, Atom, NITF bodies.

Entity declarations are how an XML file of a few kilobytes expands to gigabytes (the
"billion laughs") or reads files off the server (external entities). Checking the raw
bytes for them misses UTF-16 and UTF-32 input, so the gate decodes the input first —
by its byte order mark, its byte pattern or its XML declaration, the way an XML parser
does — then reads the prolog (whatever precedes the root element: comments, processing
instructions, whitespace) and refuses any DOCTYPE that declares something (an internal
subset) and any entity declaration. What it checked, re-encoded as UTF-8 without the
declaration, is what lxml then parses — with entities, DTD loading and the network off —
so the parser never sees bytes the check did not. Any DOCTYPE is refused, except, for
feeds, NITF and NewsML 1, a bare one naming an external DTD (RSS 0.91 feeds, NITF and
NewsML 1 documents carry one), which is never fetched.

The parsed result is bounded too: at most `MAX_ELEMENTS` elements and no more text than
the input had bytes.
"""

from __future__ import annotations

import codecs
import html.entities
import re
from dataclasses import dataclass, field

from django.conf import settings
from lxml import etree

from ingest.types import WireError

NO_DTD = "XML with a DOCTYPE or entity declarations is not accepted."
MAX_ELEMENTS = 500_000

_BOMS = [
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
]
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml\b.*?\?>", re.DOTALL)


@dataclass
class XmlDocument:
    root: etree._Element
    warnings: list[str] = field(default_factory=list)


def parse_xml(data: bytes, *, lenient: bool = False) -> XmlDocument:
    """Parse untrusted XML bytes safely or raise WireError saying why not.

    `lenient=True` (feeds, NITF, NewsML 1) accepts a bare external DOCTYPE and reads what
    it can of a document that is not well-formed — a bare `&` in a title is common in real
    feeds, an entity of the unread DTD (`&nbsp;`) in real NITF — with a warning;
    the same gate and the same parser settings apply, so nothing is expanded either way.
    """
    limit = settings.WIRE_MAX_BYTES
    if len(data) > limit:
        raise WireError(f"The XML is {len(data) / 1e6:.1f} MB; the limit is {limit / 1e6:g} MB.")
    text, warnings = decode_xml(data)
    doctype = check_prolog(text, bare_doctype=lenient)
    if doctype is not None:  # only the root's name is kept: no DTD is ever read
        start, end, name = doctype
        text = f'{text[:start]}<!DOCTYPE {name} SYSTEM "unread.dtd">{text[end:]}'
    checked = _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    root, problem = _parse(checked, recover=False)
    if root is None and lenient:
        root, _ = _parse(checked, recover=True)
        if root is not None:
            warnings.append(f"the XML is not well-formed ({problem}); read what could be")
    if root is None:
        raise WireError(f"Not well-formed XML: {problem}")
    _check_size(root, len(data))
    _spell_out_named_entities(root)
    return XmlDocument(root, warnings)


def _spell_out_named_entities(root: etree._Element) -> None:
    """Replace the references to entities of an unread DTD (`&nbsp;`, `&eacute;` in NITF
    and RSS 0.91) by their characters, from HTML's fixed table; unknown ones by nothing.
    Nothing a document declares is ever expanded: declarations are refused above."""
    parents = {id(e.getparent()): e.getparent() for e in root.iter(etree.Entity)}
    for parent in parents.values():
        if parent is None:
            continue
        # One pass per parent, each text or tail written once: a run of references stays
        # linear however long (appending to a growing string each time would not).
        pieces: list[str] = [parent.text or ""]
        owner: etree._Element | None = None  # whose tail the pieces become; None: the text
        for child in list(parent):
            if isinstance(child, etree._Entity):
                pieces += [html.entities.html5.get(f"{child.name};", ""), child.tail or ""]
                parent.remove(child)
                continue
            _assign(parent, owner, "".join(pieces))
            owner, pieces = child, [child.tail or ""]
        _assign(parent, owner, "".join(pieces))


def _assign(parent: etree._Element, owner: etree._Element | None, text: str) -> None:
    if owner is None:
        parent.text = text or None
    else:
        owner.tail = text or None


def decode_xml(data: bytes) -> tuple[str, list[str]]:
    """Decode XML bytes as an XML parser would; return the text and any warnings."""
    encoding = sniff_encoding(data)
    if encoding != "utf-8" and _single_byte(encoding) and not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            # Latin-1 text is hardly ever valid UTF-8 as well: a feed re-encoded as UTF-8
            # whose declaration still says ISO-8859-1 ("DÃ©cÃ¨s" read as declared).
            return text, [f"the XML declares {encoding} but its bytes are UTF-8; read as UTF-8"]
    try:
        return codecs.decode(data, encoding), []
    except UnicodeDecodeError as error:
        text = codecs.decode(data, encoding, errors="replace")
        return text, [f"bytes that are not valid {encoding} were replaced ({error.reason})"]


def _single_byte(encoding: str) -> bool:
    return encoding.startswith(("iso8859", "latin", "cp125", "koi8", "mac-"))


def sniff_encoding(data: bytes) -> str:
    """Return the Python codec of XML bytes: BOM, byte pattern, declaration, else UTF-8.

    The codec names are BOM-less ("utf-16-le"), so a BOM decodes to U+FEFF, dropped later.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:4]
    if len(head) == 4 and b"\x00" in head:
        if head[0] == 0 and head[1] == 0:
            return "utf-32-be"
        if head[1] == 0 and head[2] == 0 and head[3] == 0:
            return "utf-32-le"
        return "utf-16-be" if head[0] == 0 else "utf-16-le"
    declared = _DECLARED.match(data[:1024])
    if declared is None:
        return "utf-8"
    name = declared.group(1).decode("ascii").lower()
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        raise WireError(f"The XML declares an unknown encoding ({name}).") from None
    if encoding.startswith(("utf-16", "utf-32")):
        raise WireError(f"The XML declares {name} but its bytes are not {name}.")
    return encoding


def check_prolog(text: str, *, bare_doctype: bool = False) -> tuple[int, int, str] | None:
    """Refuse any DOCTYPE or declaration before the root element, but with `bare_doctype`
    one DOCTYPE that only names an external DTD (or, for NewsML 1 and NITF, pulls theirs
    in by the standard parameter entity); return that DOCTYPE's span and root name."""
    doctype = None
    position, end = 0, len(text)
    while position < end:
        if text[position] in "\ufeff \t\r\n":
            position += 1
        elif text.startswith("<?", position):
            position = _after(text, "?>", position)
        elif text.startswith("<!--", position):
            position = _after(text, "-->", position + 4)
        elif text.startswith("<!", position):
            found = _DOCTYPE.match(text, position)
            harmless = found is not None and _harmless_subset(found.group(1), found.group(2))
            if not bare_doctype or doctype is not None or found is None or not harmless:
                raise WireError(NO_DTD)
            doctype = (position, found.end(), found.group(1))
            position = found.end()
        else:
            break  # the root element (or text a parser will refuse): the prolog is over
    return doctype


# `<!DOCTYPE name [SYSTEM "…" | PUBLIC "…" ["…"]] [[ internal subset ]]>`.
_QUOTED = r"""(?:"[^"<>]*"|'[^'<>]*')"""
_DOCTYPE = re.compile(
    rf"<!(?i:DOCTYPE)\s+([\w.:-]+)"
    rf"(?:\s+(?i:SYSTEM\s+{_QUOTED}|PUBLIC\s+{_QUOTED}(?:\s+{_QUOTED})?))?"
    r"\s*(?:\[([^\]]*)\]\s*)?>"
)
# The one internal subset accepted: NewsML 1 pulling in the NITF DTD, as agencies send
# it — `[<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;]` — parameter entities naming DTD
# files by relative path, and their references. The whole DOCTYPE is dropped unread.
_DTD_FILE = r"""(?:"[\w./-]+\.dtd"|'[\w./-]+\.dtd')"""
_SUBSET_PART = re.compile(
    rf"\s+|<!ENTITY\s+%\s+[\w.-]+\s+(?:SYSTEM|PUBLIC\s+{_QUOTED})\s+{_DTD_FILE}\s*>"
    r"|%[\w.-]+;|<!--(?:(?!--).)*-->",
    re.DOTALL,
)
_SUBSET_ROOTS = {"NewsML", "nitf"}


def _harmless_subset(root: str, subset: str | None) -> bool:
    if subset is None:
        return True
    if root not in _SUBSET_ROOTS:
        return False
    position = 0
    while position < len(subset):
        part = _SUBSET_PART.match(subset, position)
        if part is None:
            return False
        position = part.end()
    return True


def _after(text: str, marker: str, position: int) -> int:
    found = text.find(marker, position)
    if found < 0:
        raise WireError("Not well-formed XML: the prolog is not closed.")
    return found + len(marker)


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def _parse(data: bytes, *, recover: bool) -> tuple[etree._Element | None, str]:
    """Return the parsed root (None if unreadable) and what was wrong, if anything."""
    try:
        root = etree.fromstring(data, _parser(recover))
    except etree.XMLSyntaxError as error:
        return None, str(error)
    if root is None:
        return None, "unreadable"
    declared = root.getroottree().docinfo.internalDTD
    if declared is not None and (declared.entities() or declared.elements()):
        raise WireError(NO_DTD)  # defence in depth: the gate above already refused it
    return root, ""


def _check_size(root: etree._Element, input_bytes: int) -> None:
    characters = 0
    for elements, node in enumerate(root.iter(), 1):
        characters += len(node.text or "") + len(node.tail or "")
        if elements > MAX_ELEMENTS:
            raise WireError(f"The XML has more than {MAX_ELEMENTS:,} elements.")
    if characters > input_bytes:
        raise WireError("The XML expands to more text than it holds.")

"""Small readers for parsed XML trees, by local name whatever the namespace."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator

from lxml import etree

from ingest.timezones import NO_ZONE

_SPACE = re.compile(r"\s+")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def local_name(element: etree._Element) -> str:
    """Return the element's name without its namespace."""
    return etree.QName(element).localname


def child_elements(parent: etree._Element) -> Iterator[etree._Element]:
    """Return the element children (no comments, processing instructions or entities)."""
    return (child for child in parent if isinstance(child.tag, str))


def kids(parent: etree._Element | None, name: str) -> list[etree._Element]:
    """Return the children called `name` (local name)."""
    if parent is None:
        return []
    return [child for child in child_elements(parent) if local_name(child) == name]


def kid(parent: etree._Element | None, name: str) -> etree._Element | None:
    """Return the first child called `name`, or None."""
    if parent is None:
        return None
    return next((child for child in child_elements(parent) if local_name(child) == name), None)


def descendants(root: etree._Element | None, name: str) -> list[etree._Element]:
    """Return every element below `root` (itself included) called `name`."""
    if root is None:
        return []
    return [e for e in root.iter() if isinstance(e.tag, str) and local_name(e) == name]


def attr(element: etree._Element | None, name: str) -> str:
    """Return an attribute's value, "" when the element or the attribute is missing."""
    return "" if element is None else element.get(name, "")


def text_of(element: etree._Element | None) -> str:
    """Return all the text inside an element on one line, spaces collapsed."""
    if element is None:
        return ""
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def unique(values: Iterable[str]) -> list[str]:
    """The values stripped, empty ones left out, each once, in order."""
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def parse_timestamp(text: str) -> datetime.datetime | None:
    """Read an ISO 8601 timestamp, extended or basic (`20240312T101500+0100`), as an aware
    datetime (NO_ZONE, read as UTC, when it has no offset)."""
    try:
        value = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=NO_ZONE)


def timestamp(value: str, label: str, warnings: list[str]) -> datetime.datetime | None:
    """Read a timestamp; warn (naming it `label`) and return None if it is not ISO 8601."""
    if not value.strip():
        return None
    when = parse_timestamp(value)
    if when is None:
        warnings.append(f"{label} {value.strip()!r} is not an ISO 8601 date and time; ignored")
    return when


def story_address(links: Iterable[tuple[str, str]], own_id: str = "") -> str:
    """The story's own page among an item's (rel, href) links: a `canonical` one, else a
    `seeAlso` one when it is the only such link or carries the item's id (`irel:seeAlso`
    is any related page: dpa links the pages a story is about, AP the story's own)."""
    web = [(rel.lower(), href) for rel, href in links if href.startswith(("http://", "https://"))]
    see_also = [href for rel, href in web if rel.endswith("seealso")]
    own = own_id.rpartition(":")[2].lower()
    return next((href for rel, href in web if "canonical" in rel), "") or next(
        (href for href in see_also if len(see_also) == 1 or (own and own in href.lower())), ""
    )

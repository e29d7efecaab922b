"""Read IPTC ninjs JSON (versions 1.x, 2.x and 3.x) into ParsedReports."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

import pycountry

from ingest.dateline import find_dateline
from ingest.head import without_by
from ingest.parsers.newsml import html_to_simple, nitf_to_html, plain_text
from ingest.parsers.tree import parse_timestamp, story_address
from ingest.types import ParsedReport, WireError, publication_status

# ninjs types that are not a text report; "composite" is text with attached media.
_NOT_TEXT = {"audio", "video", "picture", "graphic", "component", "event", "planning"}
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
# What our own export (articles.ninjs) adds beside the text: see `_read_dateline`.
_DATELINE_RELS = {"dateline", "located"}
_NOT_SUMMARY = {"dateline", "correction-note"}
_ISO_COUNTRY = re.compile(r"(?i)^https?://cvx?\.iptc\.org/iso3166-1a2/([a-z]{2})/?$")


def parse_ninjs(data: bytes) -> list[ParsedReport]:
    """Read ninjs: one object, a list of objects, or an API's answer holding them ("items",
    "results", "data", "item")."""
    reports: list[ParsedReport] = []
    notes: list[str] = []
    objects = _objects(_load(data))
    for index, item in enumerate(objects, 1):
        fields = {str(key).lower(): value for key, value in item.items()}
        kind = _str(fields.get("type")).lower()
        if kind in _NOT_TEXT:
            notes.append(f"item {index} ({kind}) skipped: not a text report")
            continue
        report = _read(fields)
        if not report.headline and not report.body:
            where = "This ninjs object" if len(objects) == 1 else f"ninjs item {index}"
            raise WireError(f"{where} has neither a headline nor a body.")
        reports.append(report)
    if not reports and len(objects) == 1:
        raise WireError(f"This ninjs object is {_a(kind)} {kind}, not a text report.")
    if not reports:
        raise WireError("No text report in this ninjs: " + "; ".join(notes))
    reports[0].warnings.extend(notes)
    return reports


def _load(data: bytes) -> Any:
    if not data.strip():
        raise WireError("The ninjs file is empty.")
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise WireError("Not ninjs: the file is not JSON text (it does not decode).") from None
    except json.JSONDecodeError as exc:
        raise WireError(
            f"Not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except RecursionError:
        raise WireError("Not ninjs: the JSON is nested too deeply.") from None


def _objects(value: Any) -> list[dict[str, Any]]:
    value = _unwrapped(value)
    if isinstance(value, dict):
        return [value]
    if not isinstance(value, list):
        kind = _JSON_TYPES.get(type(value), "a number" if value is not None else "null")
        raise WireError(f"ninjs must be a JSON object or a list of objects, not {kind}.")
    if not value:
        raise WireError("The ninjs list is empty.")
    for index, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise WireError(f"ninjs list entry {index} is not an object.")
    return value


# Where agencies' APIs put the items: {"items": […]}, ours {"results": …}, AP's Media API
# {"data": {"item": {…}}}, {"data": {"items": […]}}, {"total": …, "item": […]}.
_WRAPPERS = ("data", "items", "results", "item")


def _unwrapped(value: Any) -> Any:
    for _ in range(3):  # at most a few wrappers deep
        if not isinstance(value, dict) or "uri" in value or "headline" in value:
            return value
        inner = next(
            (value[key] for key in _WRAPPERS if isinstance(value.get(key), (dict, list))), None
        )
        if inner is None:
            return value
        value = inner
    return value


def _read(fields: dict[str, Any]) -> ParsedReport:
    """Read one ninjs object whose keys are lower-cased (so 2.x and 3.x names agree)."""
    report = ParsedReport(
        format="ninjs",
        agency_item_id=_alt_id(fields, "agency-item-id")
        or _str(fields.get("guid"))
        or _alt_id(fields, "itemid")
        or _str(fields.get("uri")),
        agency_version=_str(fields.get("version")),
        language=_str(fields.get("language")),
        byline=without_by(_str(fields.get("by")) or _str(fields.get("byline"))) or _bylines(fields),
        source_url=_canonical_link(fields),
        agency=_agency(fields),
        headline=_headline(fields),
        summary=_summary(fields),
        places=_unique([_str(fields.get("located")), *_names(fields, "place", "places")]),
        subjects=_unique(_names(fields, "subject", "subjects")),
        keywords=_keywords(fields),
    )
    report.body = _body(fields, report.warnings)
    if not report.body and (text := _description(fields, "text").strip()):
        # NTB's text items carry their text as a description of role "text", no body
        report.warnings.remove("the item has no body")
        report.body = _convert("text", text, report.warnings)
        report.summary = "" if report.summary == text else report.summary
    if not report.body and (elsewhere := _text_renditions(fields)):
        report.error = (
            "The text of this item is not in the file: the agency's API gives it as a "
            f"download of its own ({', '.join(elsewhere)}). Fetch that rendition and import it."
        )
    report.declared = _declared(fields)
    _read_times(report, fields)
    _read_dateline(report, fields)
    if not report.headline and _str(fields.get("title")):
        report.headline = _str(fields.get("title"))
        report.warnings.append("the item has no headline; its title is used")
    return report


def _read_times(report: ParsedReport, fields: dict[str, Any]) -> None:
    def stamp(key: str) -> datetime.datetime | None:
        return _timestamp(fields, key, report.warnings)

    report.version_created = stamp("versioncreated")
    report.first_created = stamp("firstcreated") or stamp("contentcreated")
    report.embargo_until = stamp("embargoeduntil") or stamp("embargoed")
    report.pub_status = publication_status(_str(fields.get("pubstatus")))


def _read_dateline(report: ParsedReport, fields: dict[str, Any]) -> None:
    """Read a dateline the item declares: as printed, a description with role "dateline";
    resolved, places with rel "dateline" (a country by its ISO code, else a city)."""
    dateline = report.dateline
    dateline.raw = _description(fields, "dateline")
    for place in _lowered(fields.get("places")) + _lowered(fields.get("place")):
        if _str(place.get("rel")).lower() not in _DATELINE_RELS:
            continue
        code = _country_code(place)
        if code:
            dateline.country = dateline.country or code
        else:
            dateline.city = dateline.city or _name(place)
    stamp = report.first_created or report.version_created
    if dateline.raw and stamp:
        # The year of a printed date, or an undated dateline's date, is the item's own.
        match = find_dateline(dateline.raw.rstrip(" .") + ".", reference=stamp.date())
        dateline.date = match.date if match.printed_date else stamp.date()


# ninjs tag lists → the tag fields they fill (both spellings of each).
_DECLARED = {"people": ("people", "person"), "organizations": ("organisations", "organisation"),
             "events": ("events", "event")}  # fmt: skip


def _declared(fields: dict[str, Any]) -> dict[str, list[str]]:
    """Return the tags the item declares by identifier (`literal`; countries also by
    IPTC URI), leaving out the dateline's own places."""
    declared = {
        kind: _unique([_str(t.get("literal")) for key in keys for t in _lowered(fields.get(key))])
        for kind, keys in _DECLARED.items()
    }
    places = _lowered(fields.get("places")) + _lowered(fields.get("place"))
    about = [p for p in places if _str(p.get("rel")).lower() not in _DATELINE_RELS]
    declared["countries"] = _unique([_country_code(place) for place in about])
    return {kind: [v for v in values if v] for kind, values in declared.items() if any(values)}


def _country_code(place: dict[str, Any]) -> str:
    """Return the ISO 3166-1 code a place carries as its literal or IPTC URI, if any."""
    found = _ISO_COUNTRY.match(_str(place.get("uri")))
    code = (found.group(1) if found else _str(place.get("literal"))).upper()
    return code if len(code) == 2 and pycountry.countries.get(alpha_2=code) else ""


def _timestamp(fields: dict[str, Any], key: str, warnings: list[str]) -> datetime.datetime | None:
    text = _str(fields.get(key))
    if not text:
        return None
    value = parse_timestamp(text)
    if value is None:
        warnings.append(f"{key} {text!r} is not an ISO 8601 date and time; ignored")
    return value


def _agency(fields: dict[str, Any]) -> str:
    provider = fields.get("provider")  # not in the standard, but some agencies send it
    if _name(provider):
        return _name(provider)
    listed = _lowered(fields.get("infosources") or fields.get("infosource"))
    sources = [source for source in listed if _name(source)]
    for source in sources:
        role = (_str(source.get("role")) + _str(source.get("rel"))).lower()
        if "provider" in role or "origin" in role:
            return _name(source)
    if sources:
        return _name(sources[0])
    return _name(fields.get("copyrightholder"))


def _headline(fields: dict[str, Any]) -> str:
    headlines = _texts(fields.get("headlines"))
    if headlines:
        return _choose(headlines, ("main", ""))
    extra = {key[9:]: _str(value) for key, value in fields.items() if key.startswith("headline_")}
    return _str(fields.get("headline")) or extra.get("main") or next(iter(extra.values()), "")


def _summary(fields: dict[str, Any]) -> str:
    listed = _texts(fields.get("descriptions"))
    descriptions = [(role, text) for role, text in listed if role not in _NOT_SUMMARY]
    if descriptions:
        return _choose(descriptions, ("summary", "abstract", "lead", "", "text"))
    for key, value in fields.items():
        if key.startswith("description_") and _str(value):
            return plain_text(_str(value))
    return ""


def _description(fields: dict[str, Any], role: str) -> str:
    return next((text for found, text in _texts(fields.get("descriptions")) if found == role), "")


def _alt_id(fields: dict[str, Any], role: str) -> str:
    altids = fields.get("altids")
    if isinstance(altids, dict):  # ninjs 1.x and AP's Media API: {"itemid": "5ee9…", …}
        keyed = {str(key).lower(): value for key, value in altids.items()}
        return _str(keyed.get(role))
    found = (_str(a.get("value")) for a in _lowered(altids) if _str(a.get("role")).lower() == role)
    return next(found, "")


def _bylines(fields: dict[str, Any]) -> str:
    """AP's `bylines`: [{"by": "By ALAN SUDERMAN", "title": "Associated Press"}, …]."""
    names = [without_by(_str(b.get("by"))) for b in _lowered(fields.get("bylines"))]
    return ", ".join(name for name in names if name)


def _canonical_link(fields: dict[str, Any]) -> str:
    """The story's public page: a link of rel `canonical` (AP), or the one `seeAlso`."""
    links = (
        (_str(link.get("rel")), _str(link.get("href"))) for link in _lowered(fields.get("links"))
    )
    return story_address(links)


def _text_renditions(fields: dict[str, Any]) -> list[str]:
    """The names of the text renditions an item links to instead of carrying its text."""
    renditions = fields.get("renditions")
    if not isinstance(renditions, dict):
        return []
    return [
        str(name)
        for name, rendition in renditions.items()
        if isinstance(rendition, dict) and _str(rendition.get("type")).lower() == "text"
    ]


def _body(fields: dict[str, Any], warnings: list[str]) -> str:
    bodies = [
        (_kind(_str(b.get("value")), _str(b.get("contenttype")), _str(b.get("role"))), b)
        for b in _lowered(fields.get("bodies"))
    ]
    bodies += [
        (_kind(_str(value), "", key[5:]), {"value": value})
        for key, value in fields.items()
        if key.startswith("body_")
    ]
    for wanted in ("html", "nitf", "text"):
        for kind, body in bodies:
            text = _str(body.get("value")).strip()
            if kind == wanted and text:
                return _convert(kind, text, warnings)
    warnings.append("the item has no body")
    return ""


def _kind(value: str, content_type: str, role: str) -> str:
    """Tell whether a body is HTML, NITF or plain text, from its type, its role, or a look."""
    hint = f"{content_type} {role}".lower()
    start = value.lstrip()[:200].lower()
    if (
        "nitf" in hint
        or start.startswith("<nitf")
        or (start.startswith("<?xml") and "<nitf" in start)
    ):
        return "nitf"
    if any(word in hint for word in ("html", "richtext")):
        return "html"
    if "text/plain" in hint or role.lower() == "text":
        return "text"
    return "html" if _TAG.search(value) else "text"


def _convert(kind: str, text: str, warnings: list[str]) -> str:
    """Return HTML bodies in the same simple HTML as NewsML bodies; plain text as it is."""
    if kind == "html":
        return html_to_simple(text)
    if kind == "text":
        return text
    try:
        return nitf_to_html(text).html
    except WireError as exc:
        warnings.append(f"a NITF body could not be read: {exc}")
        return ""


def _keywords(fields: dict[str, Any]) -> list[str]:
    # ParsedReport has no people, organisation or event fields; their names serve as keywords.
    keywords = [_str(k) for k in _list(fields.get("keywords")) if isinstance(k, str)]
    named = _names(fields, "person", "people", "organisation", "organisations", "events")
    return _unique(keywords + named)


# Small helpers


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _str(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip() if isinstance(value, str | int | float) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _lowered(value: Any) -> list[dict[str, Any]]:
    return [
        {str(k).lower(): v for k, v in item.items()}
        for item in _list(value)
        if isinstance(item, dict)
    ]


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return _str(value.get("name")) or _str(value.get("literal"))
    return _str(value)


def _names(fields: dict[str, Any], *keys: str) -> list[str]:
    names = []
    for key in keys:
        for entry in _lowered(fields.get(key)):
            if key.startswith("place") and _str(entry.get("creator")).lower() == "machine":
                continue  # AP's machine tagging: San Diego for a baseball table, not its place
            names.append(_name(entry) or _str(entry.get("code")))
    return names


def _texts(value: Any) -> list[tuple[str, str]]:
    """Return (role, plain text) of each {value, role, contentType} entry that has text."""
    entries = []
    for entry in _lowered(value):
        text = _str(entry.get("value"))
        if "html" in _str(entry.get("contenttype")).lower():
            text = plain_text(text)
        if text:
            entries.append((_str(entry.get("role")).lower(), text))
    return entries


def _choose(entries: list[tuple[str, str]], roles: tuple[str, ...]) -> str:
    for wanted in roles:
        for role, text in entries:
            if role == wanted:
                return text
    return entries[0][1]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))

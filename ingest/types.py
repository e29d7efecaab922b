"""The normalized result every wire parser returns, whatever the input format."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


class WireError(ValueError):
    """Input that cannot be read as a wire report; the message says why, for editors."""


class NotYours(WireError):
    """A new version or notice for a report another account imported, sent by an account
    that may add reports but not change them."""


@dataclass
class Dateline:
    """A dateline as printed, and what it resolves to."""

    raw: str = ""
    city: str = ""  # the city as printed (or the gazetteer name once resolved)
    country: str = ""  # ISO 3166-1 alpha-2, "" when unknown
    date: datetime.date | None = None
    city_id: int | None = None  # places.City primary key when the gazetteer knows the city


WITHHELD, CANCELED = "withheld", "canceled"


def publication_status(value: str) -> str:
    """Read a publication status as the formats write it (`canceled`, `stat:canceled`,
    `Cancelled`, `withheld`): WITHHELD, CANCELED, or "" for usable and anything else."""
    word = value.strip().lower().rpartition(":")[2]
    if word in ("canceled", "cancelled", "killed"):
        return CANCELED
    return WITHHELD if word == "withheld" else ""


@dataclass
class ParsedReport:
    """One wire report, normalized: what a parser could read from any format."""

    headline: str = ""
    body: str = ""  # HTML (from structured formats) or plain text (from pasted text)
    summary: str = ""
    dateline: Dateline = field(default_factory=Dateline)
    agency: str = ""  # the agency's name as found in the input
    feed_agency: str = ""  # the source a feed as a whole names: used when the item names none
    feed_title: str = ""  # the feed's title: an agency only where it names a registered one
    credits: list[str] = field(default_factory=list)  # distributors and sources the head names
    captions: list[str] = field(default_factory=list)  # photo captions the head holds
    agency_item_id: str = ""
    agency_version: str = ""
    language: str = ""
    byline: str = ""
    source_url: str = ""
    first_created: datetime.datetime | None = None
    version_created: datetime.datetime | None = None
    embargo_until: datetime.datetime | None = None
    # The agency's word on using it: "" (usable), WITHHELD (not until further notice) or
    # CANCELED (withdrawn: it must not be used), from ninjs, NewsML-G2, NITF or NewsML 1.
    pub_status: str = ""
    keywords: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # place names the input itself declares
    # Tags the input itself declares, by identifier: {"people": [slug, …], "countries":
    # [ISO code, …], …}; applied when the registry knows them (ninjs `literal`s).
    declared: dict[str, list[str]] = field(default_factory=dict)
    format: str = "text"  # text, newsml, ninjs, feed
    import_date: datetime.date | None = None  # when it reached us: the last resort for dating
    received_from: str = ""  # the file it was read from, when one was named
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # why this item (of a feed, say) cannot be imported; the others still can

    @property
    def report_date(self) -> datetime.date | None:
        """Return the best date for the report: dateline date, else its timestamps."""
        if self.dateline.date:
            return self.dateline.date
        stamp = self.version_created or self.first_created
        return stamp.date() if stamp else self.import_date

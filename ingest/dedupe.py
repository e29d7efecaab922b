"""Telling reports apart: wire item keys for exact re-sends; simhash and shingles for re-files."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import timedelta
from typing import cast

import numpy
from django.db import connection
from django.db.models import BigIntegerField, F, Func, IntegerField, QuerySet, Value
from django.utils import timezone

from articles.models import Article
from ingest.markup import plain_text

SHINGLE = 3
WINDOW = timedelta(days=14)
MAX_DISTANCE = 12  # of 64 bits: shortlist threshold
MIN_SIMILARITY = 0.5  # Jaccard of 3-word shingles: confirmation threshold
_WORD = re.compile(r"\w+", re.UNICODE)
_BLAKE2B_64 = hashlib.blake2b(digest_size=8)


def item_keys(
    *, agency_id: int | None, origin: str = "", provider: str = "", item_id: str = ""
) -> list[str]:
    """Return the sources a wire item id is unique within, the surest first.

    The registered agency; else (and also) the feed or folder it was read from; else the
    provider the item names; else, for an id that is unique by itself (a ninjs `uri`,
    `urn:…`, `tag:…`, a web address), the world. An id like "12345" means nothing alone:
    only within one of these is it one report.
    """
    keys = [f"agency:{agency_id}"] if agency_id else []
    if origin.strip():
        keys.append(f"feed:{origin.strip()[:480]}")
    elif provider.strip():
        keys.append(f"provider:{' '.join(provider.casefold().split())[:480]}")
    if not keys and _GLOBAL_ID.match(item_id):
        keys.append("uri")
    return keys


_GLOBAL_ID = re.compile(r"(?:urn|tag):[^\s]{3,}|https?://[^\s/]+\.[^\s/]+/", re.IGNORECASE)


def shingles(text: str) -> set[str]:
    """Return the set of overlapping three-word sequences of a text, case-folded."""
    words = _WORD.findall(plain_text(text).casefold())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    grams = zip(*(words[k:] for k in range(SHINGLE)), strict=False)  # the shorter tails end it
    return {" ".join(gram) for gram in grams}


def simhash(features: AbstractSet[str]) -> int:
    """Return a 64-bit simhash (as a signed integer, to fit a database bigint).

    Bit b is set when more than half the features' 64-bit hashes (big-endian) have it set.
    """
    digests = []
    for feature in features:
        digest = _BLAKE2B_64.copy()  # cheaper than reading the size again for each
        digest.update(feature.encode())
        digests.append(digest.digest())
    # One row of 64 bits per feature, most significant first: count the ones per column.
    ones = numpy.unpackbits(numpy.frombuffer(b"".join(digests), dtype=numpy.uint8))
    majority = numpy.count_nonzero(ones.reshape(-1, 64), axis=0) * 2 > len(features)
    unsigned = int.from_bytes(numpy.packbits(majority).tobytes(), "big")
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def report_features(headline: str, body: str) -> frozenset[str]:
    """Return the shingles a report is compared on."""
    return frozenset(shingles(f"{headline}\n{body}"))


class FeatureMemo:
    """The shingles of the reports imports read, saved or compared with, the most recently
    used kept (up to `limit` shingles in all, about 80 bytes each): each batch is
    compared with recent reports, mostly the same ones from one batch or feed poll to the
    next, without shingling them again. Kept by a digest of the text, not the text. Safe
    to share between threads."""

    def __init__(self, limit: int = 250_000) -> None:
        self.limit = limit
        self._known: dict[bytes, frozenset[str]] = {}
        self._size = 0  # shingles kept
        self._lock = threading.Lock()

    def __call__(self, headline: str, body: str) -> frozenset[str]:
        """Return `report_features(headline, body)`, computed once."""
        key = hashlib.blake2b(f"{headline}\0{body}".encode(), digest_size=16).digest()
        with self._lock:
            found = self._known.pop(key, None)  # put back last: the most recently used
            self._size -= len(found) if found is not None else 0
        if found is None:
            found = report_features(headline, body)
        with self._lock:
            if key not in self._known:  # (another thread may have put it back meanwhile)
                self._known[key] = found
                self._size += len(found)
            while self._size > self.limit and self._known:
                self._size -= len(self._known.pop(next(iter(self._known))))
        return found


#: A memo for a process that imports again and again (the poller, queued imports).
shared_memo = FeatureMemo()


@dataclass
class NearDuplicate:
    article: Article
    similarity: float


def find_near_duplicate(
    headline: str, body: str, *, exclude_pk: int | None = None
) -> tuple[int, NearDuplicate | None]:
    """Return the report's fingerprint and the most similar recent report, if any is close.

    Of equally similar reports the newest is the one named.
    """
    features = report_features(headline, body)
    fingerprint = simhash(features)
    recent = _recent()
    recent = recent.exclude(pk=exclude_pk) if exclude_pk is not None else recent
    shortlist = {a.pk: a for a in _shortlist(recent.only(*NEAR_FIELDS), fingerprint)}
    saved = ((pk, report_features(a.headline, a.body)) for pk, a in shortlist.items())
    best = _closest(features, saved)
    return fingerprint, NearDuplicate(shortlist[best[1]], best[0]) if best else None


# What a near duplicate is read with, in the model's order (as `Model.from_db` takes them).
NEAR_FIELDS = tuple(
    f.attname
    for f in Article._meta.concrete_fields
    # … and what tells the very same copy again (`ingest.importer`): agency, text, status
    if f.attname in {"id", "headline", "slug", "body", "agency_id", "ingest_checksum", "status"}
)
_HEADLINE, _BODY = NEAR_FIELDS.index("headline"), NEAR_FIELDS.index("body")


def _closest(
    features: AbstractSet[str], saved: Iterable[tuple[int, AbstractSet[str]]]
) -> tuple[float, int] | None:
    """Return (similarity, id) of the most similar of the saved reports, given by id, if
    close enough; of equals, the newest (the highest id)."""
    near = ((_jaccard(features, theirs), pk) for pk, theirs in saved)
    return max((c for c in near if c[0] >= MIN_SIMILARITY), default=None)


@dataclass
class BatchMatch:
    """What the near-duplicate check says of one report of a batch."""

    fingerprint: int
    near: NearDuplicate | None = None  # the closest saved report, if any is close
    earlier: int | None = None  # the index of a close report earlier in the batch, if any


def find_near_duplicates(
    texts: list[tuple[str, str]], *, memo: FeatureMemo | None = None
) -> list[BatchMatch]:
    """Check a batch of (headline, body) at once: against recent reports and each other.

    The same rule as `find_near_duplicate`, in one query for the whole batch: the
    window's fingerprints are read once and measured here, all reports at a time.
    `memo` gives the shingles of texts already seen in this import.
    """
    features_of = memo or report_features
    features = [features_of(headline, body) for headline, body in texts]
    matches = [BatchMatch(simhash(f)) for f in features]
    prints = numpy.array([m.fingerprint for m in matches], dtype=numpy.int64)
    recent = _recent()
    window = list(recent.order_by("pk").values_list("pk", "fingerprint"))
    shortlists = _nearest(prints, numpy.array([fp for _, fp in window], dtype=numpy.int64))
    wanted = {window[j][0] for rows in shortlists for j in rows}
    # Rows, not reports: of the hundreds compared, only the few named become reports.
    saved = {row[0]: row for row in recent.filter(pk__in=wanted).values_list(*NEAR_FIELDS)}
    known = {pk: features_of(row[_HEADLINE], row[_BODY]) for pk, row in saved.items()}
    for i, match in enumerate(matches):
        rows = (window[j][0] for j in shortlists[i])
        best = _closest(features[i], ((pk, known[pk]) for pk in rows if pk in known))
        if best:
            article = Article.from_db(recent.db, list(NEAR_FIELDS), saved[best[1]])
            match.near = NearDuplicate(article, best[0])
        near = numpy.flatnonzero(_bits_apart(prints[:i], prints[i]) <= MAX_DISTANCE)
        match.earlier = next(  # the latest such report: compared once that one is saved
            (
                j
                for j in near[::-1].tolist()
                if _jaccard(features[i], features[j]) >= MIN_SIMILARITY
            ),
            None,
        )
    return matches


def _recent() -> QuerySet[Article]:
    """The reports a new one is compared with: those fingerprinted in the last `WINDOW`."""
    return Article.objects.filter(
        fingerprint__isnull=False, created_at__gte=timezone.now() - WINDOW
    )


def _nearest(prints: numpy.ndarray, window: numpy.ndarray) -> list[list[int]]:
    """Return, per fingerprint, the window positions (at most 50) near it, the nearest first."""
    if not len(window):
        return [[] for _ in prints]
    shortlists = []
    for fingerprint in prints:  # a row at a time: a batch times the window would be large
        row = _bits_apart(window, fingerprint)
        near = numpy.flatnonzero(row <= MAX_DISTANCE)
        shortlists.append(near[numpy.argsort(row[near], kind="stable")][:50].tolist())
    return shortlists


def _bits_apart(prints: numpy.ndarray, fingerprint: numpy.int64) -> numpy.ndarray:
    """Return how many bits each of prints differs from fingerprint in (see `_distance`).

    Counted on the unsigned bits: `bitwise_count` of a signed number counts the bits of
    its absolute value, and fingerprints differing in the sign bit XOR to a negative one.
    """
    return numpy.bitwise_count((prints ^ fingerprint).view(numpy.uint64))


def _shortlist(recent: QuerySet[Article], fingerprint: int) -> QuerySet[Article]:
    """Return the (at most 50) recent reports nearest the fingerprint, if near enough.

    PostgreSQL measures the distances itself, in the query that fetches the shortlist;
    elsewhere the window's fingerprints are read and measured here.
    """
    if connection.vendor == "postgresql":
        distance = HammingDistance("fingerprint", fingerprint)
        near = recent.alias(distance=distance).filter(distance__lte=MAX_DISTANCE)
        return near.order_by("distance", "pk")[:50]
    distances = (
        (_distance(fingerprint, cast(int, other)), pk)  # the window has fingerprints only
        for pk, other in recent.values_list("pk", "fingerprint").iterator()
    )
    close = sorted(d for d in distances if d[0] <= MAX_DISTANCE)[:50]  # the nearest first
    return recent.filter(pk__in=[pk for _, pk in close])


class HammingDistance(Func):
    """The number of bits that differ between a fingerprint column and a fingerprint."""

    template = "bit_count((%(expressions)s)::bit(64))"  # PostgreSQL 14+
    arg_joiner = " # "
    output_field = IntegerField()

    def __init__(self, column: str, fingerprint: int) -> None:
        # A bigint parameter: an int would be bound as a 32-bit integer and cut short.
        super().__init__(F(column), Value(fingerprint, output_field=BigIntegerField()))


def _distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def _jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    shared = len(a & b)  # the union's size without building it
    return shared / (len(a) + len(b) - shared) if a and b else 0.0

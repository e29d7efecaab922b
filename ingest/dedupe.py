"""Telling reports apart: wire item keys for exact re-sends; simhash and shingles for re-files."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article

SHINGLE = 3
WINDOW = timedelta(days=14)
MAX_DISTANCE = 12  # of 64 bits: shortlist threshold
MIN_SIMILARITY = 0.5  # Jaccard of 3-word shingles: confirmation threshold
_WORD = re.compile(r"\w+", re.UNICODE)


def item_keys(*, agency_id: int | None, origin: str = "", provider: str = "") -> list[str]:
    """Return the sources a wire item id is unique within, the surest first.

    The registered agency; else (and also) the feed or folder it was read from; else the
    provider the item names. An id like "12345" means nothing alone: only within one of
    these is it one report.
    """
    keys = [f"agency:{agency_id}"] if agency_id else []
    if origin.strip():
        keys.append(f"feed:{origin.strip()[:480]}")
    elif provider.strip():
        keys.append(f"provider:{' '.join(provider.casefold().split())[:480]}")
    return keys


def shingles(text: str) -> set[str]:
    """Return the set of overlapping three-word sequences of a text, case-folded."""
    words = _WORD.findall(strip_tags(text).casefold())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def simhash(features: set[str]) -> int:
    """Return a 64-bit simhash (as a signed integer, to fit a database bigint)."""
    weights = [0] * 64
    for feature in features:
        value = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    unsigned = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def report_features(headline: str, body: str) -> set[str]:
    """Return the shingles a report is compared on."""
    return shingles(f"{headline}\n{body}")


@dataclass
class NearDuplicate:
    article: Article
    similarity: float


def find_near_duplicate(
    headline: str, body: str, *, exclude_pk: int | None = None
) -> tuple[int, NearDuplicate | None]:
    """Return the report's fingerprint and the most similar recent report, if any is close."""
    features = report_features(headline, body)
    fingerprint = simhash(features)
    recent = Article.objects.filter(
        fingerprint__isnull=False, created_at__gte=timezone.now() - WINDOW
    ).exclude(pk=exclude_pk)
    distances = (
        (_distance(fingerprint, other), pk)
        for pk, other in recent.values_list("pk", "fingerprint").iterator()
    )
    close = sorted(d for d in distances if d[0] <= MAX_DISTANCE)[:50]  # the nearest first
    best: NearDuplicate | None = None
    shortlist = Article.objects.filter(pk__in=[pk for _, pk in close])
    for article in shortlist.only("pk", "headline", "body", "slug"):
        similarity = _jaccard(features, report_features(article.headline, article.body))
        if similarity >= MIN_SIMILARITY and (best is None or similarity > best.similarity):
            best = NearDuplicate(article, similarity)
    return fingerprint, best


def _distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0

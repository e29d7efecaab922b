import hashlib

import numpy
import pytest
from django.db import connection

from articles.models import Article
from ingest.dedupe import (
    MAX_DISTANCE,
    FeatureMemo,
    HammingDistance,
    _distance,
    _nearest,
    report_features,
    simhash,
)
from tests.factories import ArticleFactory

FEATURE_SETS = [
    set(),
    {"one"},
    {"two words", "and three"},
    report_features(
        "Caspian ministers meet", "<p>Ministers of the Caspian states met in Baku on Tuesday.</p>"
    ),
]


def simhash_bit_by_bit(features: set[str]) -> int:
    """The fingerprint as first defined: stored fingerprints must keep meaning the same."""
    weights = [0] * 64
    for feature in features:
        value = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    unsigned = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


@pytest.mark.parametrize("features", FEATURE_SETS)
def test_fingerprints_match_the_bit_by_bit_definition(features):
    assert simhash(features) == simhash_bit_by_bit(features)


def test_the_memo_keeps_the_most_recently_used_features_up_to_its_limit():
    first, second, third = [(f"Headline {n}", f"<p>Body number {n} here.</p>") for n in "123"]
    size = len(report_features(*first))  # 4 shingles each
    memo = FeatureMemo(limit=2 * size)
    kept = memo(*first)
    assert kept == report_features(*first)
    dropped = memo(*second)
    assert memo(*first) is kept  # used again: now the most recent
    memo(*third)  # over the limit: the least recently used (the second) makes way
    assert memo(*first) is kept
    again = memo(*second)
    assert again is not dropped and again == dropped  # worked out again, the same


@pytest.mark.django_db
def test_the_database_counts_differing_bits_as_python_does():
    if connection.vendor != "postgresql":
        pytest.skip("Only PostgreSQL measures the distance in the database")
    fingerprints = [simhash(f) for f in FEATURE_SETS[1:]] + [-1, 2**63 - 1, -(2**63)]
    for value in fingerprints:
        ArticleFactory(draft=True, fingerprint=value)
    for probe in fingerprints:
        measured = Article.objects.annotate(d=HammingDistance("fingerprint", probe))
        for stored, distance in measured.values_list("fingerprint", "d"):
            assert distance == _distance(stored, probe)


EDGE_PRINTS = [0, 1, -1, 5, 2**62, 2**63 - 1, -(2**63), -(2**63) + 1, -(2**63) + 6, -7]


@pytest.mark.parametrize("probe", EDGE_PRINTS)
def test_the_batch_shortlist_counts_differing_bits_as_python_does(probe):
    """Fingerprints apart in the sign bit XOR to a negative number: every bit still counts."""
    near = sorted(
        (_distance(probe, other), n)
        for n, other in enumerate(EDGE_PRINTS)
        if _distance(probe, other) <= MAX_DISTANCE
    )
    shortlist = _nearest(numpy.array([probe]), numpy.array(EDGE_PRINTS, dtype=numpy.int64))
    assert shortlist == [[n for _, n in near]]

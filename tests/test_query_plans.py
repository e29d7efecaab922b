"""On PostgreSQL the key queries are served by indexes: no sequential scan over the
reports or the coverage index, and lists come out of an index already in order.

The planner is told to avoid sequential scans (`enable_seqscan = off`) so that these
tests prove an index *can* serve each query; at a million reports it also *does*
(see docs/benchmarks.md).
"""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, Coverage
from events.models import Event
from places.models import Country

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans"),
]

BIG_TABLES = ("articles_article", "articles_coverage")


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """One small archive for the module, built once and rolled back after its tests."""
    if connection.vendor != "postgresql":
        yield
        return
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("generate_corpus", articles=400, organizations=120, people=150, series=4,
                     verbosity=0)  # fmt: skip
        yield
        transaction.set_rollback(True)


@pytest.fixture
def archive(corpus, db):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


def plan(queryset, *, ordered: bool = False) -> str:
    """Return the plan; for a list, with sorting priced out, so an ordered index must serve."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL enable_sort = {'off' if ordered else 'on'}")
    return queryset.explain()


def assert_indexed(text: str, ordered: bool = False) -> None:
    for table in BIG_TABLES:
        assert f"Seq Scan on {table}" not in text, text
    if ordered:
        assert "Sort" not in text, text


def listing(**about):
    reports = Article.objects.published().current()
    return (reports.about(**about) if about else reports).newest_first()


def test_the_latest_reports_come_off_an_index_in_order(archive):
    assert_indexed(plan(listing()[:21], ordered=True), ordered=True)


@pytest.mark.parametrize("kind", ["country", "event", "organization", "person"])
def test_an_entity_list_comes_off_its_coverage_index_in_order(archive, kind):
    entity = (
        Coverage.objects.filter(**{f"{kind}__isnull": False})
        .values_list(f"{kind}_id", flat=True)
        .first()
    )
    assert_indexed(plan(listing(**{kind: entity})[:21], ordered=True), ordered=True)


def test_a_deep_page_starts_from_its_cursor_on_the_index(archive):
    at = timezone.now()
    deep = listing(country="AZ").filter(listed_at__lte=at).filter(listed_id__lt=10**9)
    text = plan(deep[:21], ordered=True)
    assert_indexed(text, ordered=True)
    assert "Index Cond" in text and "visible_from <=" in text


def test_counts_read_only_index_ranges(archive):
    assert_indexed(plan(Country.objects.with_published_article_count()))
    assert_indexed(plan(Event.objects.with_published_article_count()[:20]))


def test_the_admin_list_filtered_by_country_is_in_id_order_off_an_index(archive):
    admin_list = Article.objects.about(country="AZ").order_by("-pk")[:100]
    assert_indexed(plan(admin_list, ordered=True), ordered=True)


def test_the_admin_search_uses_the_trigram_index(archive):
    # The match alone, unordered: the admin's order would let a small table's planner walk
    # the publish-time index instead, which says nothing about the match.
    text = plan(Article.objects.filter(headline__icontains="agreement").order_by())
    assert "article_headline_trgm" in text, text

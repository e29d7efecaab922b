"""generate_corpus builds a small archive of the real shape, index and counts included."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles import search
from articles.models import Article, ArticleStatus
from events.models import Event
from organizations.models import Organization, Person
from tests.articles.test_coverage import assert_index_matches_a_rebuild
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
# PostgreSQL's own machinery (parallel workers, index builds): these run in the PostgreSQL
# half of `make test`.
on_postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's parallel workers and index builds"
)


def test_the_archive_has_the_shape_of_a_regional_desk():
    call_command(
        "generate_corpus", articles=600, organizations=300, people=400, series=6, verbosity=0
    )
    assert Article.objects.count() == 600
    assert Organization.objects.count() == 300 and Organization.objects.agencies().exists()
    assert Person.objects.count() == 400
    assert Event.objects.filter(series__isnull=False).count() >= 6 * 10
    assert set(Article.objects.values_list("status", flat=True)) == set(ArticleStatus.values)
    assert Article.objects.exclude(superseded_at=None).exists()  # update chains
    share = Article.objects.about(country="AZ").count() / 600
    assert 0.25 < share < 0.5  # one country on about a third
    assert_index_matches_a_rebuild()
    assert ArticleFactory().pk > 600  # new reports are numbered after the archive


def test_it_refuses_a_database_with_reports_unless_appending():
    ArticleFactory()
    with pytest.raises(CommandError):
        call_command("generate_corpus", articles=10, verbosity=0)
    call_command(
        "generate_corpus", articles=10, organizations=30, people=30, series=2,
        append=True, verbosity=0,
    )  # fmt: skip
    assert Article.objects.count() == 11


def test_every_report_is_found_by_its_tags_as_the_site_indexes_them():
    call_command("generate_corpus", articles=300, organizations=60, people=80, series=3,
                 verbosity=0)  # fmt: skip
    # A person tagged on a report whose text never names them: found by the tag alone.
    tagged, person = next(
        (article, person)
        for article in Article.objects.prefetch_related("people").order_by("pk")
        for person in article.people.all()
        if person.name.split()[-1] not in f"{article.headline} {article.summary} {article.body}"
    )
    assert tagged in search.matching(Article.objects.all(), f'"{person.name}"')
    if connection.vendor != "postgresql":
        return
    # Each stored vector has the words and weights the site's own trigger would give it.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE a.search_vector IS NULL OR ("
            "  SELECT string_agg(lexeme || ':' || array_to_string(weights, ''), ' ' "
            "         ORDER BY lexeme) FROM unnest(a.search_vector)"
            ") IS DISTINCT FROM ("
            "  SELECT string_agg(lexeme || ':' || array_to_string(weights, ''), ' ' "
            "         ORDER BY lexeme) FROM unnest(articles_article_search_vector("
            "           a.id, a.language, a.headline, a.summary, a.body))"
            ")) FROM articles_article a"
        )
        assert cursor.fetchone() == (300, 0)


@on_postgresql_only
def test_the_load_leaves_the_sessions_planner_settings_as_they_were():
    with connection.cursor() as cursor:
        cursor.execute("SET parallel_tuple_cost = 0.5")
        call_command("generate_corpus", articles=20, organizations=20, people=20, series=1,
                     verbosity=0)  # fmt: skip
        cursor.execute("SELECT current_setting('parallel_tuple_cost')")
        assert cursor.fetchone() == ("0.5",)


@on_postgresql_only
def test_the_reports_indexes_serve_the_transaction_that_loaded_them():
    """A report rewritten in the loading transaction before its table's indexes were built
    (the successor times of update chains) left those indexes unusable to that transaction
    (broken HOT chains): in a test, every list read the reports table from end to end."""
    with connection.cursor() as cursor:
        # Room on every page, so a rewritten row stays on its page (a HOT update), as it
        # does now and then in a real table.
        cursor.execute("ALTER TABLE articles_article SET (fillfactor = 50)")
        call_command("generate_corpus", articles=300, organizations=40, people=40, series=2,
                     verbosity=0)  # fmt: skip
        assert Article.objects.exclude(superseded_at=None).exists()
        cursor.execute(
            "SELECT indexrelid::regclass::text FROM pg_index "
            "WHERE indrelid = 'articles_article'::regclass AND indcheckxmin"
        )
        assert cursor.fetchall() == []

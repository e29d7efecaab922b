"""Importing many reports at once ends each report as importing it alone would, in far
fewer queries: new items in bulk, re-sends, repeats and re-files one by one after them."""

import random

import pytest
from django.db import DataError, connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from simple_history.signals import pre_create_historical_record

from articles.models import Article, ArticleStatus, Coverage
from ingest import batch
from ingest.batch import import_reports
from ingest.importer import CREATED, DUPLICATE, UPDATED, import_report
from ingest.models import WireItem
from ingest.reading import read_reports
from ingest.registry import get_registry
from newsroom.models import _slugs_starting, unique_slugs
from newsroom.sql import insert_new
from tests.factories import ArticleFactory, OrganizationFactory, PersonFactory, country

pytestmark = pytest.mark.django_db

FEED_URL = "https://regional-wire.test/rss"
PEOPLE = ["Anar Mammadov", "Leyla Karimova", "Rustam Nurlanov", "Dilnoza Yusupova"]
BODIES = ["Caspian Freight Union", "Steppe Rail Council", "Aral Water Institute"]
DETAILS = [
    "fuel", "tariffs", "wagons", "quays", "cranes", "visas", "permits", "loans", "grain",
    "cotton", "pipes", "cables", "ferries", "tankers", "bridges", "tunnels", "depots",
    "scanners", "pilots", "buoys", "silos", "meters", "pumps", "levees",
]  # fmt: skip
TOPICS = [
    "freight tariffs on the Caspian crossing",
    "a grain corridor through the steppe",
    "water quotas along the Amu Darya",
    "a new rail spur to the port of Aktau",
    "training for young reporters in Shusha",
    "customs rules at the Kazakh border",
    "a joint weather service for the Caspian",
    "ferry timetables between Baku and Turkmenbashi",
]


def item(guid: str, headline: str, text: str) -> str:
    return (
        f"<item><title>{headline}</title><guid>{guid}</guid>"
        f"<description>BAKU, Azerbaijan, Sept. 19. {text}</description></item>"
    )


def feed(*items: str) -> list:
    xml = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Regional Wire</title>{"".join(items)}</channel></rss>'
    return read_reports(xml.encode())


def story(n: int) -> tuple[str, str, str]:
    """A distinct report: its own people, body, topic and details, so no two are re-files."""
    person, body, topic = PEOPLE[n % 4], BODIES[n % 3], TOPICS[n % len(TOPICS)]
    details = random.Random(n).sample(DETAILS, 12)
    text = (
        f"{person} of the {body} met delegates from Kazakhstan on Tuesday to discuss "
        f"{topic}. The talks also covered {', '.join(details)}."
    )
    return str(100 + n), f"Talks on {topic} ({n})", text


def import_one_by_one(reports):
    outcomes = []
    for report in reports:
        try:
            outcomes.append(import_report(report, origin=FEED_URL).action)
        except Exception as error:
            outcomes.append(f"error: {error}")
    return outcomes


def import_in_a_batch(reports):
    return [
        f"error: {r.error}" if r.error else r.outcome.action
        for r in import_reports(reports, origin=FEED_URL)
    ]


@pytest.fixture
def tagged_world(registry):
    country("KZ")
    for name in PEOPLE:
        PersonFactory(name=name)
    for name in BODIES:  # short names the reports never use: only the tags bring them
        OrganizationFactory(name=name, short_name="".join(w[0] for w in name.split()) + "X")


def saved_state() -> list[tuple]:
    """What an editor sees of the imported reports, in order of their headlines."""
    state = []
    for article in Article.objects.order_by("headline"):
        state.append(
            (
                article.headline,
                article.slug,
                article.status,
                article.dateline_country_id,
                article.agency_item_id,
                article.near_duplicate_of.headline if article.near_duplicate_of else None,
                sorted(article.countries.values_list("code", flat=True)),
                sorted(article.people.values_list("name", flat=True)),
                sorted(article.organizations.values_list("name", flat=True)),
                sorted(
                    map(
                        str,
                        Coverage.objects.filter(article=article).values_list(
                            "country", "event", "organization", "person", "visible_from"
                        ),
                    )
                ),
                sorted(
                    WireItem.objects.filter(article=article).values_list("source_key", "item_id")
                ),
                [
                    (
                        r.history_type,
                        sorted(r.countries.values_list("country_id", flat=True)),
                        sorted(r.people.values_list("person_id", flat=True)),
                    )
                    for r in article.history.order_by("history_id")
                ],
                search_vector(article),
            )
        )
    return state


def search_vector(article: Article) -> str | None:
    """PostgreSQL: the words of the report's search vector (headline, text and tag
    names), each with its weights. Not the positions: the tag names of one kind follow
    in whatever order their rows are read."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT string_agg(lexeme || ':' || array_to_string(weights, ''), ' ' "
            "ORDER BY lexeme) FROM articles_article, unnest(search_vector) WHERE id = %s",
            [article.pk],
        )
        return cursor.fetchone()[0]


def mixed_feed() -> list:
    """New items, a repeat inside the feed, a re-file of an earlier item, a bad item."""
    first, second = story(1), story(2)
    return feed(
        item(*first),
        item(*second),
        item(first[0], first[1], first[2]),  # the same item again in the same feed
        item("900", "Talks on freight tariffs resumed", first[2] + " Delegates agreed."),
        item("901", "", ""),  # no headline, no text
        item(*story(3)),
    )


@pytest.mark.parametrize("way", [import_one_by_one, import_in_a_batch])
def test_a_batch_ends_each_report_as_importing_it_alone_would(tagged_world, way):
    actions = way(mixed_feed())
    assert actions[:4] == [CREATED, CREATED, DUPLICATE, CREATED]
    assert actions[4].startswith("error: ")
    assert actions[5] == CREATED
    refile = Article.objects.get(agency_item_id="900")
    assert refile.near_duplicate_of.agency_item_id == "101"


def test_the_batch_and_the_one_by_one_way_save_the_same_records(tagged_world):
    import_one_by_one(mixed_feed())
    alone = saved_state()
    Article.objects.all().delete()
    WireItem.objects.all().delete()

    import_in_a_batch(mixed_feed())

    assert saved_state() == alone
    assert len(alone) == 4
    assert alone[0][6] == ["AZ", "KZ"] and alone[0][7]  # tagged, with a revision of its tags
    assert alone[0][11] == [("+", ["AZ", "KZ"], alone[0][11][0][2])]
    if connection.vendor == "postgresql":  # the vector carries the tags' names
        assert "srcx:D" in alone[0][12].split(), alone[0][12]


def test_a_resend_in_a_later_feed_updates_the_draft(tagged_world):
    guid, headline, text = story(1)
    [first] = import_reports(feed(item(guid, headline, text)), origin=FEED_URL)
    resent = feed(item(guid, headline + " in Baku", text), item(*story(2)))
    again, other = import_reports(resent, origin=FEED_URL)
    assert other.outcome.action == CREATED
    assert (first.outcome.action, again.outcome.action) == (CREATED, UPDATED)
    assert again.outcome.article.pk == first.outcome.article.pk
    assert Article.objects.count() == 2


def guidless(headline: str, text: str) -> str:
    return (
        f"<item><title>{headline}</title><description>BAKU, Sept. 19. {text}</description></item>"
    )


@pytest.mark.parametrize("way", [import_one_by_one, import_in_a_batch])
def test_an_item_without_a_guid_polled_again_is_a_duplicate_not_a_draft(tagged_world, way):
    _, headline, text = story(1)
    other = story(2)
    assert way(feed(guidless(headline, text))) == [CREATED]
    # The next poll: the same item, and a new one after it.
    again = way(feed(guidless(headline, text), guidless(*other[1:])))
    assert again == [DUPLICATE, CREATED]
    assert Article.objects.count() == 2


def test_a_bad_report_does_not_stop_the_others(tagged_world, monkeypatch):
    real = batch.prepare

    def breaks_on_the_second(report, **kwargs):
        if "(2)" in report.headline:
            raise RuntimeError("tagger fell over")
        return real(report, **kwargs)

    monkeypatch.setattr(batch, "prepare", breaks_on_the_second)
    results = list(import_reports(feed(*(item(*story(n)) for n in range(1, 4))), origin=FEED_URL))
    assert [r.error for r in results] == [
        "",
        "could not be saved (RuntimeError: tagger fell over)",
        "",
    ]
    assert Article.objects.count() == 2


def test_a_batch_that_loses_a_race_saves_its_items_one_by_one(tagged_world, monkeypatch):
    """Another import commits one of the items between the look-up and the bulk insert."""
    import_report(feed(item(*story(2)))[0], origin=FEED_URL)  # the other import
    monkeypatch.setattr(batch, "_known", lambda ready: set())  # looked before it committed

    reports = feed(*(item(*story(n)) for n in range(1, 4)))
    actions = [r.outcome.action for r in import_reports(reports, origin=FEED_URL)]

    assert actions == [CREATED, DUPLICATE, CREATED]
    assert Article.objects.count() == 3
    assert WireItem.objects.count() == 3


def test_a_database_error_in_the_bulk_save_leaves_each_report_to_itself(tagged_world, monkeypatch):
    real, calls = batch.tag_new_reports, []

    def fails_in_bulk(tagged, **options):
        calls.append(len(tagged))
        if len(tagged) > 1:
            raise DataError("value too long for type character varying(255)")
        return real(tagged, **options)

    monkeypatch.setattr(batch, "tag_new_reports", fails_in_bulk)
    results = list(import_reports(feed(*(item(*story(n)) for n in range(1, 4))), origin=FEED_URL))
    assert [r.outcome.action for r in results] == [CREATED] * 3
    assert Article.objects.count() == 3 and Coverage.objects.count() > 3


def chained_feed() -> list:
    """An item close to a saved report, then one closer to that item; one headline thrice."""
    text = story(5)[2]
    return feed(
        item("700", "Same head", text + " Ministers met again."),
        item("701", "Same head", text + " Ministers met again on Friday."),
        item("702", "Same head", story(6)[2]),
    )


@pytest.mark.parametrize("way", [import_one_by_one, import_in_a_batch])
def test_a_re_file_is_flagged_against_the_closest_report_and_slugs_come_in_order(tagged_world, way):
    guid, headline, text = story(5)
    import_report(feed(item(guid, headline, text))[0], origin=FEED_URL)  # saved before
    way(chained_feed())
    second = Article.objects.get(agency_item_id="701")
    assert second.near_duplicate_of.agency_item_id == "700"  # closer than the older report
    slugs = dict(Article.objects.filter(headline="Same head").values_list("agency_item_id", "slug"))
    assert slugs == {"700": "same-head", "701": "same-head-2", "702": "same-head-3"}


# PostgreSQL: look-up of item keys, of the recent fingerprints (and of the few recent
# reports near one, when any is), slugs, the drafts' keys, three tag kinds, the drafts,
# the index rows, the revisions and their three tag kinds, the item keys, and the
# savepoint around them.
BATCH_STATEMENTS = 17


@pytest.mark.skipif(connection.vendor != "postgresql", reason="see the SQLite test below")
def test_a_batch_takes_the_same_queries_whatever_its_size(tagged_world):
    """PostgreSQL: no more statements for 40 reports than for 10 (SQLite splits inserts)."""
    get_registry()  # built once per registry change, not per import
    counts = []
    for first, size in ((0, 10), (100, 40)):
        reports = feed(*(item(*story(n)) for n in range(first, first + size)))
        with CaptureQueriesContext(connection) as queries:
            results = list(import_reports(reports, origin=FEED_URL))
        assert [r.outcome.action for r in results] == [CREATED] * size
        counts.append(len(queries))
    assert max(counts) <= BATCH_STATEMENTS, counts
    assert Article.objects.filter(people__isnull=False).distinct().count() == 50
    assert all(a.history.count() == 1 for a in Article.objects.all())


@pytest.mark.parametrize("size", [10, 40])
def test_a_batch_takes_a_bounded_number_of_queries(
    tagged_world, django_assert_max_num_queries, size
):
    """Both databases: a few statements a batch, never one per report (SQLite splits its
    inserts at 999 parameters, so there the count grows slowly with the batch)."""
    reports = feed(*(item(*story(n)) for n in range(size)))
    get_registry()
    with django_assert_max_num_queries(20):
        results = list(import_reports(reports, origin=FEED_URL))
    assert [r.outcome.action for r in results] == [CREATED] * size


def test_revision_listeners_see_every_revision_of_a_batch(tagged_world):
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance.pk)

    pre_create_historical_record.connect(listener, sender=Article.history.model)
    try:
        list(import_reports(feed(*(item(*story(n)) for n in range(1, 4))), origin=FEED_URL))
    finally:
        pre_create_historical_record.disconnect(listener, sender=Article.history.model)
    assert sorted(seen) == sorted(Article.objects.values_list("pk", flat=True))


def test_slugs_handed_out_together_step_over_every_slug_taken(db):
    for slug in ["talks", "talks-2", "talks_on", "talksxon", "talks_on-2", "other"]:
        ArticleFactory(slug=slug)
    bases = ["talks", "talks_on", "talks-on"]
    by_orm = Q()
    for base in bases:
        by_orm |= Q(slug__startswith=base)
    taken = set(Article.objects.filter(by_orm).values_list("slug", flat=True))
    assert _slugs_starting(Article, bases) == taken
    headlines = ["Talks", "Talks", "Talks_on", "Talks on"]
    assert unique_slugs(Article, headlines, max_length=100) == [
        "talks-3", "talks-4", "talks_on-3", "talks-on"
    ]  # fmt: skip


def test_reports_inserted_in_bulk_come_back_as_bulk_create_leaves_them(tagged_world):
    def reports(prefix):
        made = [Article(headline=f"{prefix} {n}", slug=f"{prefix}-{n}") for n in range(3)]
        made[0].status, made[0].published_at = ArticleStatus.PUBLISHED, timezone.now()
        return made

    ours, theirs = reports("ours"), reports("theirs")
    insert_new(ours)
    Article.objects.bulk_create(theirs)
    for mine, reference in zip(ours, theirs, strict=True):
        saved = Article.objects.get(pk=mine.pk)
        assert (mine.visible_from, mine.changed_at) == (saved.visible_from, saved.changed_at)
        assert (mine.created_at, mine.updated_at) == (saved.created_at, saved.updated_at)
        assert (mine._state.adding, mine._state.db) == (False, reference._state.db)
        assert type(mine.changed_at) is type(reference.changed_at)
    assert ours[0].visible_from == ours[0].published_at and ours[1].visible_from is None

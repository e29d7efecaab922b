"""A synthetic newsroom archive of any size, to measure the site at real scale.

The shape follows a regional agency desk: event series with yearly editions and
participating countries, 20,000 organizations (about 50 of them agencies), 50,000
people, and reports over ten years whose tags are skewed the way coverage is (one
country on a third of all reports, a long tail of organizations and people), in every
workflow state, with update and correction chains. Texts are generated sentences.

On PostgreSQL reports and tags are written with COPY into tables whose indexes and
constraints are dropped for the load and rebuilt after it; other databases get
batched inserts. The coverage index and counts are rebuilt at the end.
"""

from __future__ import annotations

import datetime
import random
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, cast

from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.db.models import ManyToManyField
from django.utils.text import slugify

from articles.coverage import TAG_FIELDS, fill_coverage, recount, refresh_all_superseded
from articles.models import Article, ArticleStatus, Coverage
from demo import corpus_words as words
from events.models import Event, EventSeries, EventStatus, Participation, ParticipationRole
from ingest.agencies import load_agencies
from organizations.models import Organization, OrganizationKind, Person
from places.models import City, Country

REGION = ["AZ", "RU", "KZ", "IR", "TM", "UZ", "KG", "TJ", "GE", "AM", "TR", "CN"]
YEARS = 10
BATCH = 20_000


@dataclass
class Plan:
    """How big the archive is and how its reports are spread."""

    articles: int
    organizations: int = 20_000
    agencies: int = 50
    people: int = 50_000
    series: int = 300
    one_off_events: int = 1_000
    seed: int = 7
    end: datetime.datetime = field(
        default_factory=lambda: datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    )

    @property
    def start(self) -> datetime.datetime:
        return self.end - datetime.timedelta(days=365 * YEARS)


def zipf_weights(n: int, s: float = 1.0, offset: int = 0) -> list[float]:
    """Return cumulative weights for a Zipf-like choice among n items (the first commonest)."""
    return list(accumulate(1 / ((rank + offset) ** s) for rank in range(1, n + 1)))


class Picker:
    """Skewed random choices over a fixed list, fast enough for millions of picks."""

    def __init__(self, rng: random.Random, items: list, weights: list[float]) -> None:
        self.rng, self.items, self.cum = rng, items, weights

    def pick(self, k: int = 1) -> list:
        return self.rng.choices(self.items, cum_weights=self.cum, k=k)


def build_registry(plan: Plan, rng: random.Random, progress: Callable[[str], None]) -> None:
    """Create the organizations, people, series and events the archive needs (if missing)."""
    countries = list(Country.objects.values_list("code", flat=True))
    if Organization.objects.count() < plan.organizations:
        load_agencies()
        progress("organizations")
        _organizations(plan, rng, countries)
    if Person.objects.count() < plan.people:
        progress("people")
        _people(plan, rng, countries)
    if Event.objects.count() < plan.series:
        progress("events")
        _events(plan, rng, countries)


def _organizations(plan: Plan, rng: random.Random, countries: list[str]) -> None:
    taken = set(Organization.objects.values_list("slug", flat=True))
    agencies = Organization.objects.agencies().count()
    wanted = max(plan.organizations - len(taken), 10)  # a few bodies besides the agencies
    rows: list[Organization] = []
    for name, kind, code in words.organization_names(rng, countries, REGION):
        if len(rows) >= wanted:
            break
        if kind == OrganizationKind.NEWS_AGENCY and agencies >= plan.agencies:
            continue
        slug = slugify(name)[:70]
        if slug in taken:
            continue
        taken.add(slug)
        agencies += kind == OrganizationKind.NEWS_AGENCY
        rows.append(Organization(name=name, slug=slug, kind=kind, country_id=code))
    Organization.objects.bulk_create(rows, batch_size=2000)


def _people(plan: Plan, rng: random.Random, countries: list[str]) -> None:
    taken = set(Person.objects.values_list("slug", flat=True))
    rows = []
    while len(taken) < plan.people:
        name = words.person_name(rng)
        slug = slugify(name)[:70]
        if slug in taken:
            continue
        taken.add(slug)
        code = rng.choice(REGION) if rng.random() < 0.7 else rng.choice(countries)
        rows.append(Person(name=name, slug=slug, country_id=code))
    Person.objects.bulk_create(rows, batch_size=5000)


def _events(plan: Plan, rng: random.Random, countries: list[str]) -> None:
    cities = list(City.objects.filter(population__gte=300_000).values_list("pk", "country_id"))
    series = EventSeries.objects.bulk_create(
        EventSeries(name=name, slug=slugify(name)[:70])
        for name in words.series_names(rng, plan.series)
    )
    today = plan.end.date()
    events = []
    for s in series:
        month, day = rng.randint(1, 12), rng.randint(1, 25)
        for year in range(plan.start.year + 1, plan.end.year + 2):
            events.append(_event(rng, f"{s.name} {year}", datetime.date(year, month, day),
                                 cities, today, series=s, edition=year))  # fmt: skip
    for n in range(plan.one_off_events):
        start = plan.start.date() + datetime.timedelta(days=rng.randrange(365 * YEARS + 300))
        events.append(_event(rng, words.one_off_event_name(rng, n), start, cities, today))
    Event.objects.bulk_create(events, batch_size=2000)
    _participations(rng, countries)


def _event(rng, name, start, cities, today, **extra) -> Event:
    city, code = rng.choice(cities) if cities else (None, rng.choice(REGION))
    end = start + datetime.timedelta(days=rng.randint(0, 3))
    status = EventStatus.HELD if end < today else EventStatus.SCHEDULED
    return Event(name=name, slug=slugify(name)[:78], start_date=start, end_date=end,
                 city_id=city, country_id=code, status=status, **extra)  # fmt: skip


def _participations(rng: random.Random, countries: list[str]) -> None:
    weights = zipf_weights(len(countries))
    ordered = REGION + [c for c in countries if c not in REGION]
    picker = Picker(rng, ordered, weights)
    rows = []
    for event_id, host in Event.objects.values_list("pk", "country_id"):
        delegations = set(picker.pick(rng.randint(3, 9))) - {host}
        if rng.random() < 0.5:
            delegations.add("AZ")
        rows += [Participation(event_id=event_id, country_id=host, role=ParticipationRole.HOST)]
        rows += [
            Participation(event_id=event_id, country_id=code, role=ParticipationRole.DELEGATION)
            for code in sorted(delegations - {host})
        ]
    Participation.objects.bulk_create(rows, batch_size=5000)


class ReportMaker:
    """Makes report rows and their tags, one by one, from the registry."""

    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan, self.rng = plan, rng
        codes = list(Country.objects.values_list("code", flat=True))
        ordered = ["AZ"] + [c for c in REGION if c != "AZ"] + [c for c in codes if c not in REGION]
        self.countries = Picker(rng, ordered[1:], zipf_weights(len(ordered) - 1, 1.1, offset=2))
        self.country_names = dict(Country.objects.values_list("code", "name"))
        orgs = list(
            Organization.objects.exclude(kind=OrganizationKind.NEWS_AGENCY).values_list(
                "pk", "name", "short_name"
            )
        )
        self.organizations = Picker(rng, orgs, zipf_weights(len(orgs), 0.9))
        people = list(Person.objects.values_list("pk", "name"))
        self.people = Picker(rng, people, zipf_weights(len(people), 0.9))
        agencies = list(Organization.objects.agencies().values_list("pk", "short_name"))
        self.agencies = Picker(rng, agencies, zipf_weights(len(agencies), 1.2))
        events = sorted(Event.objects.values_list("start_date", "pk", "name"))
        self.event_starts = [e[0] for e in events]
        self.events = events
        self.cities: dict[str, list[tuple[int, str]]] = {}
        self.paragraphs = words.paragraph_pool(
            rng,
            5000,
            list(City.objects.order_by("-population").values_list("name", flat=True)[:500]),
            list(self.country_names.values()),
        )
        for pk, code, name in City.objects.order_by("-population").values_list(
            "pk", "country_id", "name"
        ):
            self.cities.setdefault(code, []).append((pk, name))

    def times(self) -> Iterator[datetime.datetime]:
        """Publish times over the years, oldest first, a little denser in recent years."""
        span = (self.plan.end - self.plan.start).total_seconds()
        moments = sorted(span * (self.rng.random() ** 0.8) for _ in range(self.plan.articles))
        for seconds in moments:
            yield self.plan.start + datetime.timedelta(seconds=seconds)

    def tags(self, at: datetime.datetime) -> dict[str, list]:
        rng = self.rng
        countries = set(self.countries.pick(rng.choice((1, 2, 2, 3, 3))))
        if rng.random() < 1 / 3:
            countries.add("AZ")
        day = at.date()
        lo = bisect_left(self.event_starts, day - datetime.timedelta(days=20))
        hi = bisect_right(self.event_starts, day + datetime.timedelta(days=5))
        n_events = 0 if hi == lo else rng.choices((0, 1, 2), (1, 8, 1))[0]
        events = {self.events[rng.randrange(lo, hi)][1:] for _ in range(n_events)}
        return {
            "countries": sorted(countries),
            "events": sorted(events),
            "organizations": sorted(set(self.organizations.pick(rng.choice((1, 2, 2, 3))))),
            "people": sorted(set(self.people.pick(rng.choice((1, 2, 2, 3))))),
        }

    def state(self, at: datetime.datetime) -> dict:
        """Return the workflow fields: mostly published, a few of every other state."""
        r, end = self.rng.random(), self.plan.end
        if r < 0.010:
            return {"status": ArticleStatus.DRAFT, "published_at": None}
        if r < 0.015:
            return {"status": ArticleStatus.IN_REVIEW, "published_at": None}
        if r < 0.020:
            return {"status": ArticleStatus.WITHDRAWN, "published_at": at,
                    "withdrawn_at": at + datetime.timedelta(hours=5),
                    "withdrawal_reason": "Withdrawn at the agency's request."}  # fmt: skip
        if r < 0.025:
            embargo = at + datetime.timedelta(hours=self.rng.randint(1, 48))
            return {"status": ArticleStatus.PUBLISHED, "published_at": at, "embargo_until": embargo}
        if r < 0.030:  # scheduled when written: out by now, but for a few still to come
            ahead = datetime.timedelta(minutes=self.rng.randint(10, 600))
            if self.rng.random() < 0.02:
                ahead += end - at + datetime.timedelta(days=self.rng.random() * 7)
            return {"status": ArticleStatus.PUBLISHED, "published_at": at + ahead}
        return {"status": ArticleStatus.PUBLISHED, "published_at": at}

    def tag_names(self, tags: dict) -> str:
        """The report's tag names as its search vector weighs them: events, countries,
        organizations (name and short name), people (articles/migrations/0012)."""
        kinds = [
            [name for _, name in tags["events"]],
            [self.country_names[code] for code in tags["countries"]],
            [f"{name} {short}" for _, name, short in tags["organizations"]],
            [name for _, name in tags["people"]],
        ]
        return " ".join(" ".join(names) for names in kinds if names)

    def text(self, tags: dict, city: str, country: str) -> tuple[str, str, str]:
        rng = self.rng
        person = tags["people"][0][1] if tags["people"] else "The minister"
        org = tags["organizations"][0][1] if tags["organizations"] else "The delegation"
        names = {"person": person, "org": org, "country": country, "city": city,
                 "domain": rng.choice(words.DOMAINS).lower()}  # fmt: skip
        title = words.headline(rng, person, org, city)
        lead = words.paragraph(rng, names)
        rest = "</p><p>".join(rng.choices(self.paragraphs, k=rng.randint(3, 6)))
        return title, lead, f"<p>{lead}</p><p>{rest}</p>"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(title: str) -> str:
    """Return a slug for a generated (ASCII) headline, faster than slugify."""
    return _NOT_SLUG.sub("-", title.lower()).strip("-")[:90]


ARTICLE_COLUMNS = [
    "id", "created_at", "updated_at", "headline", "slug", "summary", "body", "dateline_raw",
    "dateline_date", "agency_item_id", "byline", "language", "source_url", "status",
    "published_at", "embargo_until", "version", "agency_id", "correction_of_id",
    "dateline_city_id", "dateline_country_id", "update_of_id", "ingest_checksum",
    "correction_note", "withdrawal_reason", "withdrawn_at",
]  # fmt: skip


def report_rows(
    plan: Plan, maker: ReportMaker, first: int, *, names: bool = False
) -> Iterator[tuple[tuple, dict[str, list], str]]:
    """Yield (article row, tag keys, tag names if `names` else "") for every report of
    the archive, oldest first."""
    rng = maker.rng
    recent: list[tuple[int, dict]] = []
    for pk, at in enumerate(maker.times(), start=first):
        state = maker.state(at)
        tags, link = maker.tags(at), {}
        if recent and rng.random() < 0.02 and state["status"] == ArticleStatus.PUBLISHED:
            earlier, tags = recent[rng.randrange(len(recent))]
            link = {rng.choice(("update_of_id", "correction_of_id")): earlier}
        code = tags["countries"][0]
        cities: Sequence[tuple[int | None, str]]  # (None, its name) when none is known
        cities = maker.cities.get(code) or [(None, maker.country_names[code])]
        city_id, city = cities[min(int(rng.expovariate(0.5)), len(cities) - 1)]
        title, summary, body = maker.text(tags, city, maker.country_names[code])
        if link:
            title = ("UPDATE: " if "update_of_id" in link else "CORRECTED: ") + title
        agency_id, short = maker.agencies.pick()[0]
        created = state["published_at"] or at
        row = {
            "id": pk, "created_at": min(created, at), "updated_at": created,
            "headline": title, "slug": f"{_slug(title)}-{pk}", "summary": summary,
            "body": body, "dateline_raw": f"{city.upper()}, {at:%B} {at.day}.",
            "dateline_date": at.date(), "agency_item_id": f"{short or agency_id}-{pk}",
            "byline": "", "language": "en" if rng.random() < 0.9 else "ru", "source_url": "",
            "version": 1, "agency_id": agency_id, "dateline_city_id": city_id,
            "dateline_country_id": code, "ingest_checksum": "", "correction_note": "",
            "withdrawal_reason": "", "embargo_until": None, "withdrawn_at": None,
            "update_of_id": None, "correction_of_id": None, **state, **link,
        }  # fmt: skip
        if row["correction_of_id"]:
            row["correction_note"] = "Corrects a figure in the earlier report."
        if state["status"] == ArticleStatus.PUBLISHED and not link:
            recent = [*recent[-499:], (pk, tags)]
        keys = {field: [t[0] if isinstance(t, tuple) else t for t in tags[field]]
                for field in TAG_FIELDS.values()}  # fmt: skip
        yield tuple(row[c] for c in ARTICLE_COLUMNS), keys, maker.tag_names(tags) if names else ""


class TableWriter:
    """Stream rows into a table: COPY on PostgreSQL, batched inserts elsewhere."""

    def __init__(self, cursor, table: str, columns: list[str]) -> None:
        self.cursor, self.table, self.columns = cursor, table, columns
        self.rows: list[tuple] = []
        self.copy = None
        if connection.vendor == "postgresql":
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            raw = cursor.cursor  # psycopg's own cursor under Django's wrapper
            self.copy = raw.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN")
            self.stream = self.copy.__enter__()

    def write(self, row: tuple) -> None:
        if self.copy is not None:
            self.stream.write_row(row)
            return
        self.rows.append(tuple(_adapt(v) for v in row))
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            marks = ", ".join(["%s"] * len(self.columns))
            names = ", ".join(connection.ops.quote_name(c) for c in self.columns)
            sql = f"INSERT INTO {connection.ops.quote_name(self.table)} ({names}) VALUES ({marks})"
            self.cursor.executemany(sql, self.rows)
            self.rows = []

    def close(self) -> None:
        if self.copy is not None:
            self.copy.__exit__(None, None, None)
        else:
            self.flush()


def _adapt(value):
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return connection.ops.adapt_datefield_value(value)
    return value


class IndexesDropped:
    """On PostgreSQL, drop a table set's indexes and constraints (but primary keys) for a
    bulk load, and build them again, exactly as they were, afterwards."""

    def __init__(self, tables: list[str]) -> None:
        self.tables = tables
        self.constraints: list[tuple[str, str, str]] = []
        self.indexes: list[str] = []

    def __enter__(self) -> IndexesDropped:
        if connection.vendor != "postgresql":
            return self
        with connection.cursor() as cursor:
            # Rows written earlier in this transaction may have deferred checks pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) AND contype <> 'p' "
                "ORDER BY contype DESC",  # unique before foreign keys when rebuilt
                [self.tables],
            )
            self.constraints = cursor.fetchall()
            for table, name, _ in self.constraints:
                cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            cursor.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                "FROM pg_index i WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary",
                [self.tables],
            )
            found = cursor.fetchall()
            self.indexes = [definition for _, definition in found]
            for name, _ in found:
                cursor.execute(f"DROP INDEX {name}")
        return self

    def __exit__(self, *exc) -> None:
        if connection.vendor != "postgresql" or exc[0] is not None:
            return
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
            for definition in self.indexes:
                cursor.execute(definition)
            for table, name, definition in reversed(self.constraints):
                cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


class SearchTriggersOff:
    """On PostgreSQL, keep the search triggers (articles/migrations/0012) quiet while the
    archive is copied in: the reports come with their vectors (`ReportStaging`), and
    each tag row's trigger would rewrite its report. Besides costing a second write, a
    row rewritten in the loading transaction before its indexes are rebuilt makes those
    indexes unusable to that transaction (PostgreSQL's broken HOT chains)."""

    def __init__(self, tables: list[str]) -> None:
        self.tables = tables  # (the replication role quiets every table's triggers at once)
        self.quiet = False

    def __enter__(self) -> SearchTriggersOff:
        if connection.vendor != "postgresql":
            return self
        try:  # a superuser's setting (the bench's and the tests' servers); else triggers run
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
            self.quiet = True
        except DatabaseError:
            pass
        return self

    def __exit__(self, *exc) -> None:
        if self.quiet:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = origin")


class ReportStaging:
    """On PostgreSQL, reports go in with their search vectors already built.

    COPY fills a staging table with each report and its tag names; one statement then
    builds every vector from them (`articles_search_document`, the formula the site's
    own triggers use) on all the server's cores, and one INSERT moves the reports into
    the index-free report table. Building the vectors once the reports were in meant
    rewriting every report: over 13 minutes at 1M. Only while the search triggers are
    quiet (else the insert trigger would build each vector again, without its tags).
    The two staging tables are dropped at once, but their disk space only comes back
    when the load commits: about twice the reports' size more, for the load."""

    STAGED, READY = "corpus_reports", "corpus_reports_ready"  # unlogged: no WAL

    def __init__(self, cursor) -> None:
        self.cursor = cursor
        cursor.execute(
            f"CREATE UNLOGGED TABLE {self.STAGED} "
            f"(LIKE {Article._meta.db_table} INCLUDING DEFAULTS, tags text)"
        )
        self.writer = TableWriter(cursor, self.STAGED, [*ARTICLE_COLUMNS, "tags"])

    def write(self, row: tuple) -> None:
        """Stage a report's row followed by its tag names."""
        self.writer.write(row)

    def close(self) -> None:
        self.writer.close()
        columns = ", ".join(connection.ops.quote_name(c) for c in ARTICLE_COLUMNS)
        parallel = {  # a vector costs far more than passing its row between processes
            "max_parallel_workers_per_gather": "4",
            "parallel_setup_cost": "0",
            "parallel_tuple_cost": "0",
            "min_parallel_table_scan_size": "0",
        }
        # Set for this statement only: back to what they were (in this transaction).
        self.cursor.execute(
            "SELECT name, current_setting(name) FROM unnest(%s::text[]) name", [list(parallel)]
        )
        was = dict(self.cursor.fetchall())
        for name, value in parallel.items():
            self.cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
        self.cursor.execute(
            f"CREATE UNLOGGED TABLE {self.READY} AS SELECT {columns}, "
            f"articles_search_document(language, headline, summary, body, tags) "
            f"AS search_vector FROM {self.STAGED}"
        )
        for name, value in was.items():
            self.cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
        self.cursor.execute(f"DROP TABLE {self.STAGED}")
        self.cursor.execute(
            f"INSERT INTO {Article._meta.db_table} ({columns}, search_vector) "
            f"SELECT {columns}, search_vector FROM {self.READY}"
        )
        self.cursor.execute(f"DROP TABLE {self.READY}")


def generate(plan: Plan, progress: Callable[[str], None] = print, bar=None) -> int:
    """Build the archive on the configured database; return the number of reports written.

    `bar(total)` may return a tqdm-like progress bar for the reports.
    """
    rng = random.Random(plan.seed)
    build_registry(plan, rng, progress)
    through: dict[str, Any] = {  # the auto-created models of the tag fields
        f: cast(ManyToManyField, Article._meta.get_field(f)).remote_field.through
        for f in TAG_FIELDS.values()
    }
    reports = [Article._meta.db_table, *(m._meta.db_table for m in through.values())]
    index = [Coverage._meta.db_table]
    progress(f"reports: {plan.articles:,}")
    with (
        transaction.atomic(),
        connection.cursor() as cursor,
        SearchTriggersOff([*reports, *index]) as triggers,
        IndexesDropped(index),
    ):
        with IndexesDropped(reports):
            _load_reports(cursor, plan, rng, through, bar, staged=triggers.quiet)
            progress("indexes and constraints of the reports")
        # Their indexes are back before any report is rewritten (successor times below):
        # a row updated in the loading transaction before its table's indexes are built
        # would leave them unusable to that transaction (broken HOT chains).
        progress("coverage index")
        refresh_all_superseded()
        fill_coverage()
        progress("indexes and constraints of the coverage index")
    progress("counts")
    recount()
    with connection.cursor() as cursor:
        models = [Article, *through.values(), Coverage]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            # VACUUM also marks pages all-visible, so index-only scans skip the heap.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return plan.articles


def _load_reports(cursor, plan, rng, through, bar, *, staged: bool) -> None:
    maker = ReportMaker(plan, rng)  # reads the registry before COPY holds the connection
    first = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    articles: ReportStaging | TableWriter  # else the search triggers index rows as they go in
    if staged:
        articles = ReportStaging(cursor)
    else:
        articles = TableWriter(cursor, Article._meta.db_table, ARTICLE_COLUMNS)
    # COPY takes one table at a time per connection: keep the tags, write them after.
    pending: dict[str, list[tuple]] = {name: [] for name in TAG_FIELDS.values()}
    progress_bar = bar(plan.articles) if bar else None
    for row, keys, names in report_rows(plan, maker, first, names=staged):
        articles.write((*row, names) if staged else row)
        for name, values in keys.items():
            pending[name] += [(row[0], value) for value in values]
        if progress_bar:
            progress_bar.update(1)
    articles.close()
    if progress_bar:
        progress_bar.close()
    for kind, name in TAG_FIELDS.items():
        writer = TableWriter(cursor, through[name]._meta.db_table, ["article_id", f"{kind}_id"])
        for pair in pending.pop(name):
            writer.write(pair)
        writer.close()

"""Measure wire intake speed with a registry of newsroom size.

    python bench/ingest_throughput.py [--reports 2000] [--saved 300] [--batched 1000] [--rounds 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:54330 python bench/ingest_throughput.py

Loads the full city gazetteer, the agency registry, 10,000 organizations and
50,000 people (names generated here), then prints: the time to build the
tagging automaton, parse + tag throughput (reports per second, one process,
so one core), and parse + tag + save throughput two ways, with queries per
saved report: one by one through `import_report` (a transaction per report),
and in batches through `import_reports` (several rounds, and their median: the
machine's speed varies from one run to the next), the path of the import screen, the
`ingest` command, the feed poller and queued imports (duplicate checks, tags,
coverage index, one revision with its tags, as one by one). Each measure gives the
CPU time of this process per report (one core's share; a PostgreSQL server works on
another), of which the garbage collector's, counted from a full collection so that no
measure pays for collections the one before it left pending.

Runs with production settings (DEBUG off). Without DATABASE_URL it works in a
fresh SQLite file; with DATABASE_URL naming a PostgreSQL server it works in the
scratch database `newsroom_ingest_bench` on that server (whatever database the
URL names is left alone), created afresh and dropped at the end (--keep keeps it).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import random
import resource
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from _setup import django_with_scratch_database

SCRATCH_DATABASE = "newsroom_ingest_bench"
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "localhost")

SYLLABLES = [
    "ka", "ra", "mi", "so", "lu", "ve", "dan", "tor", "bel", "ish", "nur",
    "ay", "gul", "zan", "ver", "mak", "sel", "tin", "ro", "al", "ek",
]  # fmt: skip
ORG_WORDS = ["Agency", "Council", "Institute", "Union", "Foundation", "Ministry", "Group", "Bank"]
DATELINES = [
    "RUSSIA, {city}, September {day}.",
    "{CITY}, {country}, Sept. {day}.",
    "{CITY}, September {day}. /TASS/.",
    "{CITY} (Reuters) -",
    "{CITY}, Sept. {day} (Xinhua) --",
    "{CITY}. KAZINFORM -",
    "{city}. {day} September. UzA/",
]


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_registry(rng: random.Random, organizations: int, people: int) -> tuple[list, list]:
    """Bulk-create generated organizations and people; return their names."""
    from ingest.registry import bump_version
    from organizations.models import Organization, Person

    org_names = list(
        dict.fromkeys(
            f"{word(rng, 2)} {word(rng, 3)} {rng.choice(ORG_WORDS)}" for _ in range(organizations)
        )
    )
    Organization.objects.bulk_create(
        [
            Organization(name=n, slug=f"org-{i}", aliases=[n.upper()[:12]])
            for i, n in enumerate(org_names)
        ],
        batch_size=2000,
    )
    person_names = list(dict.fromkeys(f"{word(rng, 2)} {word(rng, 3)}ov" for _ in range(people)))
    Person.objects.bulk_create(
        [
            Person(name=n, slug=f"person-{i}", aliases=[n.replace("ov", "ev")])
            for i, n in enumerate(person_names)
        ],
        batch_size=2000,
    )
    bump_version()
    return org_names, person_names


def make_reports(
    rng: random.Random, count: int, orgs: list, people: list, cities: list
) -> list[str]:
    """Write `count` plausible raw reports mentioning registry entries and places."""
    reports = []
    for n in range(count):
        city, country = rng.choice(cities)
        dateline = rng.choice(DATELINES).format(
            city=city, CITY=city.upper(), country=country, day=rng.randint(1, 28)
        )
        person, org = rng.choice(people), rng.choice(orgs)
        paragraphs = [
            f"{dateline} {person}, head of the {org}, met delegates from Azerbaijan, "
            f"Kazakhstan and Iran on Tuesday to discuss transport and media cooperation, Trend reports.",
            f"Talks in {rng.choice(cities)[0]} focused on freight corridors across the Caspian Sea, "
            f"customs rules and training for young reporters. {person.split()[-1]} said the "
            f"{rng.choice(orgs)} would publish a joint plan before the end of the year.",
            f"Officials from the {rng.choice(orgs)} and the {rng.choice(orgs)} attended, together with "
            f"{rng.choice(people)} and {rng.choice(people)}. Turkish and Uzbek observers followed the "
            "meeting, which ended with a statement on shared ports and rail links.",
        ]
        reports.append(
            f"date 2023-09-{rng.randint(1, 28):02d}\nReport number {n} on regional talks\n\n"
            + "\n\n".join(paragraphs)
        )
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--saved", type=int, default=300, help="Reports saved one by one.")
    parser.add_argument("--batched", type=int, default=1000, help="Reports saved in batches.")
    parser.add_argument("--rounds", type=int, default=3, help="Rounds of --batched reports.")
    parser.add_argument("--keep", action="store_true", help="Keep the PostgreSQL scratch database.")
    args = parser.parse_args()
    with scratch_postgres(keep=args.keep):
        django_with_scratch_database("throughput")
        measure(args)


@contextmanager
def scratch_postgres(*, keep: bool) -> Iterator[None]:
    """Point DATABASE_URL at a fresh scratch database when it names a PostgreSQL server."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield
        return
    import psycopg

    parts = urlsplit(url.replace("postgres://", "postgresql://", 1))
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_DATABASE}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{SCRATCH_DATABASE}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{SCRATCH_DATABASE}"))
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        if not keep:
            with psycopg.connect(admin, autocommit=True) as server:
                server.execute(f'DROP DATABASE IF EXISTS "{SCRATCH_DATABASE}" WITH (FORCE)')


def measure(args: argparse.Namespace) -> None:
    from django.db import connection

    from ingest.importer import tag_report
    from ingest.reading import read_reports
    from ingest.registry import build_snapshot, get_registry
    from places.models import City

    print(f"database: {describe_database(connection)}")
    rng = random.Random(2023)
    orgs, people = make_registry(rng, args.organizations, args.people)
    cities = list(
        City.objects.filter(population__gte=200_000).values_list("name", "country__name")[:400]
    )

    started = time.perf_counter()
    snapshot = build_snapshot()
    build = time.perf_counter() - started
    registry = get_registry()
    patterns = len(snapshot.automaton)
    print(
        f"registry: {City.objects.count():,} cities, {len(orgs):,} organizations, {len(people):,} people"
    )
    print(f"automaton build: {build:.2f} s for {patterns:,} patterns (target < 10 s)")

    needed = args.saved + args.batched * args.rounds
    texts = make_reports(rng, max(args.reports, needed), orgs, people, cities)
    today = datetime.date(2023, 9, 30)
    for text in texts[:20]:  # warm up: the language model and the parser's caches load once
        for report in read_reports(text, import_date=today, lookup=registry):
            tag_report(report, registry=registry)
    suggested = 0
    with GarbageTimer() as collecting:
        started, cpu = time.perf_counter(), time.process_time()
        for text in texts[: args.reports]:
            for report in read_reports(text, import_date=today, lookup=registry):
                suggested += len(tag_report(report, registry=registry).all())
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"parse + tag: {args.reports:,} reports in {elapsed:.2f} s = {args.reports / elapsed:,.0f} "
        f"reports/s (target ≥ 200), {suggested / args.reports:.1f} tags per report, "
        f"{cpu * 1000 / args.reports:.1f} ms CPU per report "
        f"({collecting.seconds * 1000 / args.reports:.1f} of it collecting garbage)"
    )

    saved = texts[: args.saved]
    measure_saving("one by one (import_report)", saved, today, registry, batched=False)
    rates = []
    for round_ in range(args.rounds):  # a shared machine varies: the median of a few rounds
        start = args.saved + round_ * args.batched
        batch = texts[start : start + args.batched]
        label = f"in batches (import_reports), round {round_ + 1}"
        rates.append(measure_saving(label, batch, today, registry, batched=True))
    print(
        f"parse + tag + save in batches, median of {len(rates)} rounds: "
        f"{statistics.median(rates):,.0f} reports/s (target ≥ 200)"
    )
    tag_long_texts(texts, registry)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MB")


def measure_saving(label: str, texts: list[str], today, registry, *, batched: bool) -> float:
    """Parse, tag and save texts one by one or in batches; print reports/s and queries,
    and return the rate."""
    from django.db import connection

    from ingest.batch import import_reports
    from ingest.importer import import_report
    from ingest.reading import read_reports

    queries = QueryCounter()
    with GarbageTimer() as collecting, connection.execute_wrapper(queries):
        started, cpu = time.perf_counter(), time.process_time()
        reports = (
            r for text in texts for r in read_reports(text, import_date=today, lookup=registry)
        )
        if batched:
            failed = [r.error for r in import_reports(reports, registry=registry) if r.error]
            assert not failed, failed[:3]
        else:
            for report in reports:
                import_report(report, registry=registry)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"parse + tag + save {label}: {len(texts):,} reports saved in {elapsed:.2f} s = "
        f"{len(texts) / elapsed:,.0f} reports/s (target ≥ 200), "
        f"{queries.count / len(texts):.2f} queries per report, "
        f"{cpu * 1000 / len(texts):.1f} ms CPU per report "
        f"({collecting.seconds * 1000 / len(texts):.1f} of it collecting garbage)"
    )
    return len(texts) / elapsed


class GarbageTimer:
    """Time the garbage collector spends while the block runs (CPU seconds).

    The block starts from a full collection, so each measure carries the collections its
    own work causes, not those the measure before it left pending.
    """

    def __init__(self) -> None:
        self.seconds, self._started = 0.0, 0.0

    def __enter__(self) -> GarbageTimer:
        gc.collect()
        gc.callbacks.append(self._note)
        return self

    def __exit__(self, *exc_info) -> None:
        gc.callbacks.remove(self._note)

    def _note(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started


class QueryCounter:
    """Count the queries a connection runs (install with connection.execute_wrapper)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def describe_database(connection) -> str:
    """Return the database kind and version the bench writes to."""
    if connection.vendor == "postgresql":
        version = connection.cursor().connection.info.server_version
        name = connection.settings_dict["NAME"]
        return f"PostgreSQL {version // 10000}.{version % 10000} (scratch database {name})"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version} (scratch file)"


def tag_long_texts(texts: list[str], registry) -> None:
    """Time tagging of a long paste: time should grow in step with size."""
    from ingest.tagger import suggest_tags

    for size in (250, 1000, 4000):  # KB
        text = ("\n\n".join(texts) * 2)[: size * 1000]
        started = time.perf_counter()
        suggest_tags(text, registry=registry)
        elapsed = time.perf_counter() - started
        print(
            f"tagging one {size:,} KB text: {elapsed:.2f} s ({elapsed * 1e6 / (size * 1000):.2f} µs per byte)"
        )


if __name__ == "__main__":
    main()

"""Measure every public page, API list and admin screen against one database.

    DATABASE_URL=postgres://… python bench/pages.py [--repeat 30] [--json out.json] [--only admin]

Runs in-process with production settings (DEBUG off, cached templates): each page
is requested `--repeat` times after a warm-up through Django's test client, and the
server-side time (the whole request through middleware, views, queries and
templates) is recorded with its query count. Beside the pages it times the floor:
the same rows fetched by one hand-written SQL query through psycopg and turned into
JSON. For a page over its target it prints the plan of the page's slowest query.
Used by `bench/run.py`, which writes the table in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")  # server-side work, not the cache
os.environ.setdefault("API_ANONYMOUS_RATE", "100000000")  # measured, not rate-limited
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")


@dataclass
class Result:
    name: str
    url: str
    target_ms: float
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    queries: int = 0
    status: int = 0
    floor_ms: float | None = None
    floor_bound: bool = False  # the target includes "≤ 3× the floor"
    plan: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        within_floor = (
            not self.floor_bound
            or self.floor_ms is None
            or self.p50_ms <= 3 * max(self.floor_ms, 0.01)
        )
        return self.status == 200 and self.p50_ms <= self.target_ms and within_floor


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm caches and connections
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    parser.add_argument(
        "--only", default="", help="Measure only the pages whose name contains this text."
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    from bench.page_list import BOUND_BY_FLOOR, floors, pages

    call_command("collectstatic", interactive=False, verbosity=0)

    chosen = [page for page in pages() if args.only in page[0]]
    results = [measure(name, url, target, user, args.repeat) for name, url, target, user in chosen]
    names = {result.name for result in results}
    floor_times = {
        name: timed(fetch, args.repeat) for name, fetch in floors().items() if name in names
    }
    for result in results:
        if result.name in floor_times:
            result.floor_ms = statistics.median(floor_times[result.name])
            result.floor_bound = result.name in BOUND_BY_FLOOR
        if not result.ok:
            result.plan = slowest_plan(result)
    for r in results:
        floor = f"{r.floor_ms:7.2f}" if r.floor_ms is not None else "      -"
        flag = "ok" if r.ok else "OVER"
        print(f"{r.name:40} {r.p50_ms:8.1f} {r.p95_ms:8.1f} ms  floor {floor}  "
              f"q={r.queries:2} {r.status} {flag}")  # fmt: skip
    if args.json:
        rows = [{**asdict(r), "ok": r.ok} for r in results]
        args.json.write_text(json.dumps(rows, indent=1))


def measure(name: str, url: str, target: float, user, repeat: int) -> Result:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if user is not None:
        client.force_login(user)
    result = Result(name, url, target)
    with CaptureQueriesContext(connection) as captured:
        result.status = client.get(url).status_code
    result.queries = len(captured.captured_queries)
    times = timed(lambda: client.get(url), repeat)
    result.p50_ms, result.p95_ms = statistics.median(times), percentile(times, 0.95)
    return result


def slowest_plan(result: Result) -> str:
    """Return EXPLAIN ANALYZE of the page's slowest query (PostgreSQL)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if result.name.startswith("admin"):
        client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    with CaptureQueriesContext(connection) as captured:
        client.get(result.url)
    if connection.vendor != "postgresql" or not captured.captured_queries:
        return ""
    # The admin's estimated count is itself an EXPLAIN: plan the queries proper only.
    queries = [q for q in captured.captured_queries if not q["sql"].startswith("EXPLAIN")]
    if not queries:
        return ""
    slowest = max(queries, key=lambda q: float(q["time"]))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
        return "\n".join(row[0] for row in cursor.fetchall())


if __name__ == "__main__":
    main()

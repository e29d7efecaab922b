"""Measure the site at archive size on PostgreSQL and write the table to docs/benchmarks.md.

    python bench/run.py --articles 100000 1000000 [--repeat 30] [--no-write]

For each size it uses the database `newsroom_bench_<size>` on the server given by
BENCH_DATABASE_URL (a server URL without a database name, e.g.
postgres://postgres@127.0.0.1:5433), or else starts its own PostgreSQL in
`.bench/pg` (kept between runs, port 54330). A database that already holds a corpus of
that size is reused; otherwise it is created, migrated, given the gazetteer and a
corpus (`generate_corpus`, timed). Then `bench/pages.py` measures every page, and the
results go into the "Scale" section of docs/benchmarks.md with machine, date and
command.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OWN_SERVER = ROOT / ".bench" / "pg"
OWN_PORT = 54330
MARK_START, MARK_END = "<!-- scale:start -->", "<!-- scale:end -->"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args()
    server = os.environ.get("BENCH_DATABASE_URL") or start_own_server()
    sections = []
    for size in args.articles:
        url = f"{server.rstrip('/')}/newsroom_bench_{size}"
        generated = ensure_corpus(url, size)
        results = measure(url, args.repeat)
        sections.append(table(size, results, generated))
    text = report(sections, args)
    print(text)
    if not args.no_write:
        write(text)


def run(command: list[str], url: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)


def start_own_server() -> str:
    """Start (or reuse) a PostgreSQL server under .bench/pg; return its URL."""
    pg_bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = OWN_SERVER / "data"
    if not data.exists():
        OWN_SERVER.mkdir(parents=True, exist_ok=True)
        if as_pg:
            shutil.chown(OWN_SERVER, "postgres")
        subprocess.run([*as_pg, str(pg_bin / "initdb"), "-D", str(data), "-U", "postgres",
                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], check=True)  # fmt: skip
    status = subprocess.run([*as_pg, str(pg_bin / "pg_ctl"), "-D", str(data), "status"],
                            capture_output=True)  # fmt: skip
    if status.returncode != 0:
        options = (f"-c listen_addresses=127.0.0.1 -p {OWN_PORT} -k {OWN_SERVER} "
                   "-c shared_buffers=4GB -c work_mem=32MB -c maintenance_work_mem=1GB "
                   "-c effective_cache_size=16GB -c max_wal_size=8GB -c random_page_cost=1.1")  # fmt: skip
        subprocess.run([*as_pg, str(pg_bin / "pg_ctl"), "-D", str(data), "-l",
                        str(OWN_SERVER / "server.log"), "-w", "-o", options, "start"], check=True)  # fmt: skip
    return f"postgres://postgres@127.0.0.1:{OWN_PORT}"


def ensure_corpus(url: str, size: int) -> str:
    """Create and fill the database unless it already holds `size` reports."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres".replace("postgres://", "postgresql://", 1),
                         autocommit=True) as admin:  # fmt: skip
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as db:
                try:
                    count = db.execute("SELECT count(*) FROM articles_article").fetchone()[0]
                except psycopg.Error:
                    count = -1
            if count == size:
                # The schema may have moved on since the corpus was built.
                run([PYTHON, "manage.py", "migrate", "-v0"], url)
                return "reused"
            admin.execute(f'DROP DATABASE "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    manage = [PYTHON, "manage.py"]
    run([*manage, "migrate", "-v0"], url)
    run([*manage, "load_gazetteer", "-v0"], url, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    run([*manage, "generate_corpus", "--articles", str(size)], url)
    return f"generated in {time.perf_counter() - started:.0f} s"


def measure(url: str, repeat: int) -> list[dict]:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run([PYTHON, "bench/pages.py", "--repeat", str(repeat), "--json", out.name], url)
        return json.loads(Path(out.name).read_text())


def table(size: int, results: list[dict], generated: str) -> str:
    lines = [
        f"### {size:,} reports (corpus {generated})",
        "",
        "| page | target | p50 | p95 | floor | queries | status |",
        "|---|---|---|---|---|---|---|",
    ]
    plans = []
    for r in results:
        floor = f"{r['floor_ms']:.1f} ms" if r["floor_ms"] is not None else "–"
        ok = r["ok"]
        target = f"≤ {r['target_ms']:.0f} ms" + (" and ≤ 3× floor" if r["floor_bound"] else "")
        lines.append(f"| {r['name']} | {target} | {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | "
                     f"{floor} | {r['queries']} | {'ok' if ok else '**over**'} |")  # fmt: skip
        if r["plan"]:
            plans.append(f"<details><summary>{r['name']}: plan of the slowest query</summary>\n\n"
                         f"```\n{r['plan']}\n```\n</details>")  # fmt: skip
    return "\n".join([*lines, "", *plans])


def report(sections: list[str], args) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    command = "python bench/run.py --articles " + " ".join(str(n) for n in args.articles)
    return "\n".join([
        MARK_START,
        f"Measured {datetime.date.today():%Y-%m-%d} on {machine}, PostgreSQL "
        f"{server_version()}, with `{command}` (server-side time of the whole request, "
        f"in-process, production settings, warm cache, {args.repeat} requests per page).",
        "",
        *sections,
        MARK_END,
    ])  # fmt: skip


def server_version() -> str:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    if not found:
        return "?"
    printed = subprocess.run([str(found[-1]), "--version"], capture_output=True, text=True).stdout
    version = re.search(r"\(PostgreSQL\) (\S+)", printed)  # "postgres (PostgreSQL) 15.20 (…)"
    return version.group(1) if version else printed.strip()


def write(text: str) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    current = path.read_text()
    if MARK_START in current:
        head, rest = current.split(MARK_START, 1)
        current = head + text + rest.split(MARK_END, 1)[1]
    else:
        current += "\n## Scale (`bench/run.py`)\n\n" + text + "\n"
    path.write_text(current)


if __name__ == "__main__":
    main()

"""Drive the production setup on loopback and report throughput, latency and errors.

    DATABASE_URL=postgres://… python bench/load.py [--seconds 20] [--connections 8]

Starts gunicorn with the project's gunicorn.conf.py (2 workers, DEBUG off) and a
throwaway Redis on 127.0.0.1, then runs wrk (Debian's `wrk` package) against the
busiest event page and a country page: once with the page cache off (every request
rendered) and once with it on (PAGE_CACHE_SECONDS=60). Load is bounded: fixed
connections for a fixed time, loopback only. Prints req/s, p50/p95 latency and errors
per run as a markdown table.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


def start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    if not shutil.which("redis-server"):
        raise SystemExit("Install Redis first: apt-get install redis-server")
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no",
         "--dir", str(folder)], stdout=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(0.5)
    return process, f"redis://{HOST}:{port}/0"


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "newsroom.wsgi"]
    return subprocess.Popen(
        command, cwd=ROOT, env={**env, "BIND": f"{HOST}:{port}", "WEB_CONCURRENCY": "2"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip


PERCENTILES = """done = function(summary, latency, requests)
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("P%d %.1f\\n", p, latency:percentile(p) / 1000))
  end
end
"""


def wrk(url: str, seconds: int, connections: int, script: Path) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("Install wrk first: apt-get install wrk")
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
         url], capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^P(\d+) ([\d.]+)$", out, re.M))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {"rate": rate, "p50": latency["50"], "p95": latency["95"], "p99": latency["99"],
            "errors": errors}  # fmt: skip


def targets(env: dict) -> dict[str, str]:
    """Return the paths of the busiest event page and the busiest country's page."""
    script = (
        "import django; django.setup();"
        "from events.models import Event;"
        "print(Event.objects.order_by('-coverage_count').first().get_absolute_url())"
    )
    event = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    return {"event page": event, "country page": "/countries/az/"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("Set DATABASE_URL to the PostgreSQL database to load (see bench/run.py).")
    folder = Path(tempfile.mkdtemp(prefix="newsroom-load-"))
    redis, redis_url = start_redis(folder)
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "DEBUG": "0",
        "SECRET_KEY": "load-" + "k" * 60, "ALLOWED_HOSTS": HOST, "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0", "REDIS_URL": redis_url,
        "STATIC_ROOT": str(folder / "static"), "CONN_MAX_AGE": "60",
        "API_ANONYMOUS_RATE": "100000000",  # the load is one address: measured, not limited
    }  # fmt: skip
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT,
                   env=env, check=True)  # fmt: skip
    pages = targets(env)
    script = folder / "percentiles.lua"
    script.write_text(PERCENTILES)
    rows = []
    try:
        for mode, seconds in (("uncached", "0"), ("cached", "60")):
            port = free_port()
            server = start_gunicorn({**env, "PAGE_CACHE_SECONDS": seconds}, port)
            try:
                wait_for(f"http://{HOST}:{port}/healthz")
                for name, path in pages.items():
                    url = f"http://{HOST}:{port}{path}"
                    wrk(url, 2, args.connections, script)  # warm-up
                    rows.append((name, mode, wrk(url, args.seconds, args.connections, script)))
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
    finally:
        redis.terminate()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"2 gunicorn workers, wrk -t2 -c{args.connections} -d{args.seconds}s, loopback\n")
    print("| page | mode | req/s | p50 | p95 | p99 | errors |\n|---|---|---|---|---|---|---|")
    for name, mode, r in rows:
        print(f"| {name} | {mode} | {r['rate']:.0f} | {r['p50']} ms | {r['p95']} ms | "
              f"{r['p99']} ms | {r['errors']} |")  # fmt: skip


if __name__ == "__main__":
    main()

"""Gunicorn settings for the app servers (`make serve`; docs/deploy.md).

Read from environment variables: BIND, WEB_CONCURRENCY, FORWARDED_ALLOW_IPS.
"""

import os

MAX_DEFAULT_WORKERS = 12


def default_workers() -> int:
    """Return 2 × cores + 1, capped: each worker holds a PostgreSQL connection and a registry."""
    return min(2 * (os.cpu_count() or 1) + 1, MAX_DEFAULT_WORKERS)


bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or default_workers())
worker_class = "sync"

# Every page is a few indexed queries. Big wire imports are not meant to run inside web
# requests: bulk feeds go through `manage.py ingest` (the poller), whose time is unbounded;
# a request still running after 30 s is stuck, and its worker is killed and replaced.
timeout = 30
graceful_timeout = 30
# Sync workers close the connection after each response and ignore this; it applies if
# worker_class is changed to gthread. The proxy buffers requests and responses either way.
keepalive = 5

# Load the app once in the master: a recycled worker forks ready to serve, with no
# import or warm-up pause (database connections are opened in each worker, lazily).
preload_app = True

# Recycle workers now and then, so memory a worker grew on a large page is given back;
# jitter keeps them from all restarting at once. At a thousand requests a second a low
# limit would restart a worker every few seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10

# Access log on stdout (the journal, `docker logs`): client, forwarded-for, request,
# status, bytes, duration in milliseconds, referrer, user agent.
accesslog = "-"
access_log_format = '%(h)s %({x-forwarded-for}i)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
# Proxies whose X-Forwarded-Proto gunicorn trusts (comma-separated IPs, or * behind a
# private network only).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def on_starting(server) -> None:
    """Warn when the workers would not share a cache (REDIS_URL unset)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from newsroom.serving import shared_cache_warning

    warning = shared_cache_warning(server.cfg.workers)
    if warning:
        server.log.warning(warning)

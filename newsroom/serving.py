"""Checks for serving the site with several worker processes."""

from django.conf import settings

PER_PROCESS_CACHES = frozenset({"django.core.cache.backends.locmem.LocMemCache"})


def shared_cache_warning(workers: int) -> str | None:
    """Return a warning when several workers would each keep their own cache, else None."""
    backend = settings.CACHES["default"]["BACKEND"]
    if workers <= 1 or backend not in PER_PROCESS_CACHES:
        return None
    name = backend.rsplit(".", 1)[-1]
    return (
        f"{workers} workers share no cache: Django's default cache is {name}, one per "
        "process, so registry edits and page caches will not be shared between workers "
        "(a worker can keep tagging with an outdated registry). Set REDIS_URL to a Redis "
        "server all app processes use."
    )

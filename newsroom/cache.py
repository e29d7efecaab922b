"""The shared cache's backend: Django's Redis cache, with one client per connection pool.

Django's Redis client builds a new `redis.Redis` for every cache operation. With redis-py
5 and later that costs about 0.1 ms of Python each (the client fills in its table of
response callbacks), as much again as the round trip to Redis itself: an uncached public
page reads the cache about five times, a page from the page cache twice. A client is
only that table and its pool, and is safe to share between threads, so one per pool is
kept and reused (the pools themselves, as in Django, are made once per server).
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    """Django's client, reusing one `redis.Redis` per connection pool."""

    def __init__(self, servers, **options) -> None:
        super().__init__(servers, **options)
        self._clients: dict[int, Any] = {}

    def get_client(self, key=None, *, write: bool = False) -> Any:
        django: Any = self  # django-stubs leave out the client's private helpers
        index = django._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = django._get_connection_pool(write)
            client = self._clients.setdefault(index, django._client(connection_pool=pool))
        return client


class RedisCache(django_redis.RedisCache):
    """`django.core.cache.backends.redis.RedisCache` with `RedisCacheClient` above."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient

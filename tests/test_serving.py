"""Serving at scale: the health check, gunicorn settings, the shared-cache warning, replicas."""

import os
import runpy
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import OperationalError, connection, router, transaction
from django.test import override_settings
from gunicorn.config import Config

from articles.models import Article
from events.models import Event
from newsroom.routers import ReplicaRouter, use_primary
from newsroom.serving import shared_cache_warning
from places.models import Country

ROOT = Path(__file__).resolve().parent.parent
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "newsroom.cache.RedisCache",
        "LOCATION": "redis://cache.internal:6379/0",
    }
}
GUNICORN_VARIABLES = ("BIND", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS")


# /healthz


@pytest.mark.django_db
def test_healthz_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_runs_one_query_and_sets_no_cookie(client, django_assert_num_queries):
    with django_assert_num_queries(1) as captured:
        response = client.get("/healthz")
    assert captured.captured_queries[0]["sql"] == "SELECT 1"
    assert not response.cookies


@pytest.mark.django_db
def test_healthz_answers_503_naming_the_database_when_it_fails(client):
    failure = OperationalError("could not connect to server at db.internal, password=hunter2")
    with mock.patch.object(connection, "cursor", side_effect=failure):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
    assert b"hunter2" not in response.content
    assert b"Traceback" not in response.content


@pytest.mark.django_db
def test_healthz_answers_503_naming_the_cache_when_it_fails(client):
    with mock.patch.object(cache, "set", side_effect=ConnectionError("redis is down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_cache_forgets_what_it_stored(client):
    with mock.patch.object(cache, "get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


@pytest.mark.django_db
def test_healthz_leaves_nothing_in_the_cache(client):
    with mock.patch.object(cache, "delete", wraps=cache.delete) as delete:
        client.get("/healthz")
    (key,), _ = delete.call_args
    assert key.startswith("healthz:")
    assert cache.get(key) is None


@pytest.mark.django_db
def test_healthz_is_never_cached(client):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_refuses_posts(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    home = client.get("/")
    assert home.status_code == 301
    assert home["Location"].startswith("https://")


# The shared-cache warning


@override_settings(CACHES=LOCMEM)
def test_shared_cache_warning_warns_about_several_workers_with_a_per_process_cache():
    warning = shared_cache_warning(3)
    assert warning is not None
    assert "REDIS_URL" in warning
    assert "registry" in warning


@override_settings(CACHES=REDIS)
def test_shared_cache_warning_is_silent_with_a_redis_cache():
    assert shared_cache_warning(9) is None


@override_settings(CACHES=LOCMEM)
def test_shared_cache_warning_is_silent_with_one_worker():
    assert shared_cache_warning(1) is None


# gunicorn.conf.py


def gunicorn_settings(monkeypatch, **variables: str) -> dict:
    for name in GUNICORN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_config_reads_bind_workers_and_trusted_proxies_from_the_environment(monkeypatch):
    conf = gunicorn_settings(
        monkeypatch, BIND="0.0.0.0:9000", WEB_CONCURRENCY="3", FORWARDED_ALLOW_IPS="10.0.0.5"
    )
    assert conf["bind"] == "0.0.0.0:9000"
    assert conf["workers"] == 3
    assert conf["forwarded_allow_ips"] == "10.0.0.5"


def test_gunicorn_config_defaults_to_localhost_and_two_workers_per_core(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    conf = gunicorn_settings(monkeypatch)
    assert conf["bind"] == "127.0.0.1:8000"
    assert conf["workers"] == 5
    assert conf["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_gunicorn_config_caps_default_workers_on_big_machines(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert gunicorn_settings(monkeypatch)["workers"] == 12


def test_gunicorn_config_uses_sync_workers_with_timeouts_recycling_and_a_timed_access_log(
    monkeypatch,
):
    conf = gunicorn_settings(monkeypatch)
    assert conf["worker_class"] == "sync"
    assert conf["timeout"] == conf["graceful_timeout"] == 30
    assert conf["keepalive"] > 0
    assert conf["max_requests"] > 0 < conf["max_requests_jitter"]
    assert conf["accesslog"] == "-"
    assert "%(M)s" in conf["access_log_format"]


def test_gunicorn_accepts_every_setting_in_the_config(monkeypatch):
    conf = gunicorn_settings(monkeypatch, WEB_CONCURRENCY="4", BIND="127.0.0.1:8123")
    config = Config()
    for name, value in conf.items():
        if name in config.settings:
            config.set(name, value)  # validates the type, as gunicorn does on start
    assert config.workers == 4
    assert config.address == [("127.0.0.1", 8123)]


@override_settings(CACHES=LOCMEM)
def test_gunicorn_warns_on_starting_when_workers_share_no_cache(monkeypatch):
    conf = gunicorn_settings(monkeypatch)
    server = SimpleNamespace(cfg=SimpleNamespace(workers=3), log=mock.Mock())
    conf["on_starting"](server)
    (message,), _ = server.log.warning.call_args
    assert "REDIS_URL" in message


@override_settings(CACHES=REDIS)
def test_gunicorn_starts_quietly_with_a_shared_cache(monkeypatch):
    conf = gunicorn_settings(monkeypatch)
    server = SimpleNamespace(cfg=SimpleNamespace(workers=3), log=mock.Mock())
    conf["on_starting"](server)
    server.log.warning.assert_not_called()


# Read replicas


def settings_module(monkeypatch, **variables: str) -> dict:
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.delenv("DATABASE_REPLICA_URL", raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "newsroom" / "settings.py"))


def test_replica_url_adds_a_replica_database_and_the_router(monkeypatch):
    settings = settings_module(
        monkeypatch, DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/newsroom"
    )
    replica = settings["DATABASES"]["replica"]
    assert (replica["HOST"], replica["USER"], replica["NAME"]) == (
        "replica.internal",
        "reader",
        "newsroom",
    )
    assert replica["TEST"] == {"MIRROR": "default"}
    assert settings["DATABASE_ROUTERS"] == ["newsroom.routers.ReplicaRouter"]


def test_without_a_replica_url_there_is_one_database_and_no_router(monkeypatch):
    settings = settings_module(monkeypatch)
    assert set(settings["DATABASES"]) == {"default"}
    assert "DATABASE_ROUTERS" not in settings


@pytest.mark.parametrize("model", [Article, Event, Country])
def test_reads_outside_a_transaction_go_to_the_replica(model):
    assert not connection.in_atomic_block
    assert ReplicaRouter().db_for_read(model) == "replica"


@pytest.mark.django_db
def test_reads_inside_a_transaction_go_to_the_primary():
    with transaction.atomic():
        assert ReplicaRouter().db_for_read(Article) == "default"


@pytest.mark.parametrize("model", [User, Session, LogEntry, ContentType])
def test_reads_for_sign_in_and_admin_records_go_to_the_primary(model):
    assert ReplicaRouter().db_for_read(model) == "default"


def test_reads_inside_use_primary_go_to_the_primary_until_it_ends():
    with use_primary():
        assert ReplicaRouter().db_for_read(Article) == "default"
        with use_primary():
            pass
        assert ReplicaRouter().db_for_read(Article) == "default"
    assert ReplicaRouter().db_for_read(Article) == "replica"


def test_use_primary_works_as_a_decorator():
    @use_primary()
    def read() -> str:
        return ReplicaRouter().db_for_read(Article)

    assert read() == "default"
    assert ReplicaRouter().db_for_read(Article) == "replica"


@pytest.mark.parametrize("model", [Article, User])
def test_writes_always_go_to_the_primary(model):
    assert ReplicaRouter().db_for_write(model) == "default"


def test_router_allows_relations_and_migrates_only_the_primary():
    replica_router = ReplicaRouter()
    assert replica_router.allow_relation(Article(), Country())
    assert replica_router.allow_migrate("default", "articles", "article")
    assert not replica_router.allow_migrate("replica", "articles", "article")


@override_settings(DATABASE_ROUTERS=["newsroom.routers.ReplicaRouter"])
def test_django_routes_through_the_replica_router_when_configured():
    assert router.db_for_read(Article) == "replica"
    assert router.db_for_read(User) == "default"
    assert router.db_for_write(Article) == "default"
    assert not router.allow_migrate("replica", "articles", model_name="article")


def test_the_redis_cache_keeps_one_client_per_connection_pool():
    """Django's Redis cache made a client for every operation (about 0.1 ms each)."""
    from newsroom.cache import RedisCache

    backend = RedisCache("redis://cache.internal:6379/0", {})  # connects only when used
    client = backend._cache
    assert client.get_client("a") is client.get_client("b")
    assert client.get_client("a", write=True) is client.get_client("b", write=True)

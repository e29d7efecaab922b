"""Production settings: refuse unsafe configuration, pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-" + "x7Qp9Lm2Zr8Tn4Wv6Ys1Bd5Hf0Jg3Kc" * 2,
    "ALLOWED_HOSTS": "news.example.org",
    "DATABASE_URL": "sqlite:////tmp/newsroom-deploy-check.sqlite3",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in PRODUCTION} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True
    )


def test_deploy_checks_pass_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "override, message",
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"SECURE_SSL_REDIRECT": "ture"}, "SECURE_SSL_REDIRECT='ture' is not a yes/no value"),
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a yes/no value"),
    ],
)
def test_production_refuses_to_start_with_unsafe_settings(override, message):
    env = {**PRODUCTION, **override}
    env = {k: v for k, v in env.items() if v}
    result = manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("word", "value"),
    [("1", True), ("true", True), ("Yes", True), (" ON ", True), ("0", False),
     ("false", False), ("no", False), ("Off", False), ("", "default")],
)  # fmt: skip
def test_boolean_settings_accept_the_yes_no_words(monkeypatch, word, value):
    from newsroom.env import env_bool

    monkeypatch.setenv("SOME_SWITCH", word)
    assert env_bool("SOME_SWITCH", default="default") == value


@pytest.mark.parametrize(("value", "expected"), [(None, "False"), ("1", "True")])
def test_hsts_preload_is_an_explicit_opt_in(value, expected):
    env = {**PRODUCTION, **({"SECURE_HSTS_PRELOAD": value} if value else {})}
    code = "from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD)"
    result = manage("shell", "-c", code, **env)
    assert result.stdout.strip().splitlines()[-1] == expected, result.stderr

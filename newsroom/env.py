"""Typed helpers that read settings from environment variables."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    """Return the variable as a string, or the default when unset."""
    return os.environ.get(name, default)


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def env_bool(name: str, default: bool = False) -> bool:
    """Return the variable as a boolean: 1/true/yes/on or 0/false/no/off, any case.

    Anything else stops start-up: a typo (`ture`) must not silently turn a setting off.
    """
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value: use 1/true/yes/on or 0/false/no/off."
    )


def env_int(name: str, default: int) -> int:
    """Return the variable as an integer, or the default when unset."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    """Return a comma-separated variable as a list of non-empty strings."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]

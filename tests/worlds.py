"""Registry worlds built once per run: rows and tagging snapshot, restored per test.

The layout tests read hundreds of lines each against the same small registry (the
shipped agencies, a few cities). Building it with factories and then rebuilding the
tagging snapshot from it costs a quarter of a second a test. A fixture decorated with
`@registry_world` builds its rows the first time; every later test gets the same rows
back with their primary keys (bulk inserts, no signals) and the snapshot built from
them, as `get_registry()` would have built it.

A world is reused only where its snapshot is right: when nothing has touched the
registry in the test since it started or since the last world was restored (a
fixture that saved a city bumps the version); otherwise the world is built again, as
without this module. A test that changes the registry afterwards bumps the
version through the signals, so it reads its own rows; one that writes without signals
(`QuerySet.update`, `bulk_create`) calls `bump_version()`, as production code must.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.db.models import Model

from ingest import registry

Rows = list[list[Model]]

_worlds: dict[tuple[str, ...], tuple[Rows, registry.Snapshot]] = {}
# In the running test: the worlds restored so far, and the registry version after the last
# (None once something else changed the registry).
_restored: list[str] = []
_clean_version: list[int | None] = [None]


def start_test() -> None:
    """Note the registry version a test starts from (after its autouse fixtures' bump)."""
    _restored.clear()
    _clean_version[0] = registry.current_version()


def registry_world(build: Callable[..., None]) -> Callable[..., None]:
    """Make a fixture that writes registry rows (and returns nothing) reusable across tests."""

    @functools.wraps(build)
    def fixture(*args: Any, **kwargs: Any) -> None:
        key = (*_restored, f"{build.__module__}.{build.__qualname__}")
        clean = _clean_version[0] == registry.current_version()
        if key in _worlds and clean:
            rows, snapshot = _worlds[key]
            for batch in rows:
                type(batch[0])._base_manager.bulk_create(copy.copy(row) for row in batch)
            # What get_registry() would build from these rows, under today's version.
            registry._snapshot = dataclasses.replace(snapshot, version=registry.current_version())
        else:  # the first time, or after rows a fixture saved (their keys may be taken)
            before = _all_rows()
            build(*args, **kwargs)
            rows, only_added = _rows_added_since(before)
            snapshot = registry.get_registry()
            if clean and only_added:  # a world that changed existing rows is built every time
                _worlds[key] = rows, snapshot
        _restored.append(key[-1])
        stored = clean and key in _worlds  # a rebuilt world's rows have new keys
        _clean_version[0] = registry.current_version() if stored else None

    return fixture


def _models() -> list[type[Model]]:
    return [m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy]


def _all_rows() -> dict[type[Model], dict[Any, tuple]]:
    return {model: _values(model) for model in _models()}


def _values(model: type[Model]) -> dict[Any, tuple]:
    return {values[0]: values for values in model._base_manager.values_list("pk", *_columns(model))}


def _columns(model: type[Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def _rows_added_since(before: dict[type[Model], dict[Any, tuple]]) -> tuple[Rows, bool]:
    """Return the rows added since `before`, by model, and whether no other row changed."""
    rows, only_added = [], True
    for model in _models():
        now = _values(model)
        only_added &= all(now.get(pk) == values for pk, values in before[model].items())
        added = set(now) - set(before[model])
        if added:
            rows.append([row for row in model._base_manager.all() if row.pk in added])
    return rows, only_added

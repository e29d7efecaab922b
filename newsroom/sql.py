"""Raw SQL helpers for the few bulk statements the ORM cannot write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from django.db import connections, models, router
from django.db.models.sql import InsertQuery


def rows_table(connection, fields: list[models.Field], rows: list[tuple]) -> tuple[str, list]:
    """Return (sql, params) for a table of rows to select from, columns column1, column2, ….

    PostgreSQL gets one array per column (UNNEST): the statement stays short however many
    rows, where a VALUES list needs a placeholder per value to prepare and plan. Elsewhere
    it is a VALUES list. `fields` give the columns' types.
    """
    names = [f"column{n}" for n in range(1, len(fields) + 1)]
    if connection.vendor == "postgresql":
        types = [cast(str, field.db_type(connection)).split("(")[0] for field in fields]
        # Bound by the server, the arrays go in binary: no value is quoted and escaped as text
        binary = connection.settings_dict["OPTIONS"].get("server_side_binding") is True
        arrays = ", ".join(f"{'%b' if binary else '%s'}::{kind}[]" for kind in types)
        columns = [list(column) for column in zip(*rows, strict=True)] or [[] for _ in fields]
        return f"unnest({arrays}) AS v({', '.join(names)})", columns
    marks = f"({', '.join(['%s'] * len(fields))})"
    return f"(VALUES {', '.join([marks] * len(rows))}) v", [v for row in rows for v in row]


def reserve_keys(model: type[models.Model], count: int) -> list[int] | None:
    """Draw `count` keys for new records of `model` from its key sequence, before they
    are inserted; None where the database gives keys only on insert (SQLite).

    Rows that point at the records (deferred foreign keys) can then go in first.
    """
    using = router.db_for_write(model)
    connection, meta = connections[using], model._meta
    if connection.vendor != "postgresql" or meta.auto_field is None or count == 0:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.auto_field.column, count],
        )
        return [key for (key,) in cursor.fetchall()]


def insert_new(objs: Sequence[models.Model]) -> None:
    """Insert new records of one model as `bulk_create(objs)` does, from a table of rows:
    each gets the columns the database computes, and its key unless all have one
    (`reserve_keys`).

    For records of plain values (no expressions), of a model without parent tables, on a
    database that returns rows from an insert (PostgreSQL, SQLite 3.35+).
    Quicker for many rows: no query is compiled, and PostgreSQL reads binary arrays.
    """
    if not objs:
        return
    model, using = type(objs[0]), router.db_for_write(type(objs[0]))
    meta, connection = model._meta, connections[using]
    keyed = all(obj.pk is not None for obj in objs)
    assert keyed or all(obj.pk is None for obj in objs), "all records have a key, or none"
    fields = [
        f for f in meta.concrete_fields if not f.generated and (keyed or f is not meta.auto_field)
    ]
    rows = []
    for obj in objs:
        # What bulk_create checks (a related record not saved yet) and updates: untyped
        obj._prepare_related_fields_for_save(operation_name="bulk_create")  # type: ignore[attr-defined]
        rows.append(tuple(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields))
    qn, returning = connection.ops.quote_name, meta.db_returning_fields
    insert = (
        f"INSERT INTO {qn(meta.db_table)} ({', '.join(qn(cast(str, f.column)) for f in fields)}) "
        f"SELECT {', '.join(f'v.column{n}' for n in range(1, len(fields) + 1))} FROM "
    )
    back = f" RETURNING {', '.join(qn(cast(str, f.column)) for f in returning)}"
    compiler = InsertQuery(model).get_compiler(connection=connection)
    converters = compiler.get_converters([f.get_col(meta.db_table) for f in returning])
    size = max(connection.ops.bulk_batch_size(fields, objs), 1)  # as `bulk_create` splits
    for start in range(0, len(objs), size):
        table, params = rows_table(connection, fields, rows[start : start + size])
        with connection.cursor() as cursor:
            cursor.execute(insert + table + back, params)
            returned = cursor.fetchall()
        if converters:
            returned = list(compiler.apply_converters(returned, converters))
        for obj, values in zip(objs[start : start + size], returned, strict=True):
            for field, value in zip(returning, values, strict=True):
                setattr(obj, field.attname, value)
            obj._state.adding, obj._state.db = False, using

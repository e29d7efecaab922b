"""Raw SQL helpers for the few bulk statements the ORM cannot write."""

from __future__ import annotations

from typing import cast

from django.db import models


def rows_table(connection, fields: list[models.Field], rows: list[tuple]) -> tuple[str, list]:
    """Return (sql, params) for a table of rows to select from, columns column1, column2, ….

    PostgreSQL gets one array per column (UNNEST): the statement stays short however many
    rows, where a VALUES list needs a placeholder per value to prepare and plan. Elsewhere
    it is a VALUES list. `fields` give the columns' types.
    """
    names = [f"column{n}" for n in range(1, len(fields) + 1)]
    if connection.vendor == "postgresql":
        types = [cast(str, field.db_type(connection)).split("(")[0] for field in fields]
        arrays = ", ".join(f"%s::{kind}[]" for kind in types)
        columns = [list(column) for column in zip(*rows, strict=True)] or [[] for _ in fields]
        return f"unnest({arrays}) AS v({', '.join(names)})", columns
    marks = f"({', '.join(['%s'] * len(fields))})"
    return f"(VALUES {', '.join([marks] * len(rows))}) v", [v for row in rows for v in row]

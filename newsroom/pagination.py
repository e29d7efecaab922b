"""Pagination for pages and API lists.

Long lists of reports are keyset-paginated: a page is "the N reports just before (or
after) this one" in the list's (time, id) order, read straight off an index, so page
5,000 costs what the first does and nothing ever counts the whole table. Short lists
(registries) keep page numbers, capped.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import re
from collections import OrderedDict
from dataclasses import dataclass, field

from django.core.exceptions import BadRequest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.db.models import F, Q, QuerySet
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination, CursorPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

ORDER_MARK = "\x1f"  # between a registry cursor's order and its position
OLDER, NEWER = "o", "n"  # onward in the list's own order (older when newest first), back
_NUMBER = re.compile(r"[0-9]{1,18}")


def is_number(text: str) -> bool:
    """Return whether text is a plain ASCII whole number of sane length ('²' is not)."""
    return bool(_NUMBER.fullmatch(text))


def page_size_parameter(default: int, maximum: int) -> dict:
    """Describe `page_size` in the schema: every value it allows is answered."""
    return {
        "name": "page_size",
        "in": "query",
        "required": False,
        "description": f"Items a page (default {default}, at most {maximum}).",
        "schema": {"type": "integer", "minimum": 1, "maximum": maximum},
    }


def requested_page_size(request, default: int, maximum: int) -> int:
    """Return the `page_size` a request asks for (`default` without one), at most
    `maximum`; anything but a whole number from 1 up is a 400 naming the parameter."""
    size = request.query_params.get("page_size")
    if size is None:
        return default
    if not is_number(size.strip()) or not int(size):
        raise ValidationError({"page_size": [f"Ask for 1 to {maximum} items a page."]})
    return min(int(size), maximum)


ANOTHER_ORDER = "This cursor belongs to another order of the list: start again without it."


@dataclass(frozen=True)
class Cursor:
    """A position in a list: the (time, id) key of an item, which way to read on, and
    the order it is a position in (`order`; empty in cursors made before it was kept)."""

    direction: str
    at: datetime.datetime
    ident: int
    order: str = ""

    def encode(self) -> str:
        raw = f"{self.direction}|{self.at.isoformat()}|{self.ident}"
        if self.order:
            raw += f"|{self.order}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        """Read a cursor from a query parameter; raise ValueError if it is not one."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            direction, at, ident, *order = raw.split("|")
            moment = datetime.datetime.fromisoformat(at)
            if direction not in (OLDER, NEWER) or moment.tzinfo is None or not is_number(ident):
                raise ValueError
            if len(order) > 1:
                raise ValueError
            return cls(direction, moment.astimezone(datetime.UTC), int(ident), *order)
        except (binascii.Error, UnicodeDecodeError, ValueError, OverflowError):
            raise ValueError("Not a valid cursor.") from None


@dataclass
class KeysetPage:
    """One page of a keyset-paginated list, with cursors to its neighbours."""

    object_list: list
    next_cursor: str | None = None
    previous_cursor: str | None = None
    extra: dict = field(default_factory=dict)
    cards: list = field(default_factory=list)  # rendered items, where a page shows cards

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None


def keyset_page(
    queryset: QuerySet,
    key: tuple[str, str],
    token: str | None,
    per_page: int,
    *,
    ascending: bool = False,
    order: str = "",
) -> KeysetPage:
    """Return the page of `queryset` (newest first by `key`, or oldest first when
    `ascending`) that `token` points to; its cursors name `order`, the list's order.

    Raises ValueError for a token that is not a cursor, or one of another order.
    """
    at, ident = key
    cursor = Cursor.decode(token) if token else None
    if cursor is not None and cursor.order and cursor.order != order:
        raise ValueError(ANOTHER_ORDER)
    queryset = queryset.filter(**{f"{at}__isnull": False})  # lets the index skip keyless rows
    onward = cursor is None or cursor.direction == OLDER
    descending = ascending != onward  # read back towards the start: the other way
    if descending:
        rows = queryset.order_by(F(at).desc(), F(ident).desc())
        before, at_or_before = "lt", "lte"
    else:
        rows = queryset.order_by(F(at).asc(), F(ident).asc())
        before, at_or_before = "gt", "gte"
    if cursor:
        rows = rows.filter(**{f"{at}__{at_or_before}": cursor.at}).filter(
            Q(**{f"{at}__{before}": cursor.at}) | Q(**{f"{ident}__{before}": cursor.ident})
        )
    items = list(rows[: per_page + 1])
    more, items = len(items) > per_page, items[:per_page]
    if onward:
        return _page(items, key, order, older=more, newer=cursor is not None)
    return _page(items[::-1], key, order, older=True, newer=more)


def _page(items: list, key: tuple[str, str], order: str, *, older: bool, newer: bool) -> KeysetPage:
    def cursor(item, direction: str) -> str:
        at, ident = key
        return Cursor(direction, getattr(item, at), getattr(item, ident), order).encode()

    return KeysetPage(
        items,
        next_cursor=cursor(items[-1], OLDER) if older and items else None,
        previous_cursor=cursor(items[0], NEWER) if newer and items else None,
    )


def page_from_request(request, queryset: QuerySet, key: tuple[str, str], per_page: int):
    """Return the page the request's `cursor` parameter asks for (400 if it is garbled)."""
    try:
        return keyset_page(queryset, key, request.GET.get("cursor"), per_page)
    except ValueError as error:
        raise BadRequest(str(error)) from None


class RecordCursorPagination(CursorPagination):
    """Cursor pagination for registries (events, organizations, people, places): the
    view's `ordering` (or an allowed `?ordering=`), then its id; no count, any depth."""

    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("pk",)

    def get_page_size(self, request) -> int:
        return requested_page_size(request, self.page_size or 20, self.max_page_size)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        size = page_size_parameter(self.page_size or 20, self.max_page_size)
        return [size if p["name"] == "page_size" else p for p in parameters]

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, DjangoValidationError, DataError):
            # A well-formed cursor whose position is not a value of the list's key
            # (hand-made: `p=abc` on a numeric order, a NUL in a name).
            raise ValidationError({self.cursor_query_param: ["Not a valid cursor."]}) from None

    def encode_cursor(self, cursor):
        # The order a position belongs to travels with it (see decode_cursor).
        if cursor.position is not None:
            cursor = cursor._replace(position=f"{self._order()}{ORDER_MARK}{cursor.position}")
        return super().encode_cursor(cursor)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise ValidationError({self.cursor_query_param: ["Not a valid cursor."]}) from None
        if cursor is None or cursor.position is None or ORDER_MARK not in cursor.position:
            return cursor  # no position, or a cursor made before positions named their order
        order, position = cursor.position.split(ORDER_MARK, 1)
        if order != self._order():
            raise ValidationError({self.cursor_query_param: [ANOTHER_ORDER]})
        return cursor._replace(position=position)

    def _order(self) -> str:
        return ",".join(self.ordering)


class KeysetPagination(BasePagination):
    """Cursor pagination over a report list's (time, id) key: no count, any depth.

    Newest first unless `?ordering=published_at`; the sync stream (a queryset from
    `ArticleQuerySet.changes`) reads oldest change first and adds a `sync` link, where a
    client resumes later even when it has read everything.
    """

    page_size, max_page_size = 20, 100

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.size = requested_page_size(request, self.page_size, self.max_page_size)
        self.is_stream = queryset.is_change_stream()
        ascending = self.is_stream or request.query_params.get("ordering") == "published_at"
        self.token = request.query_params.get("cursor")
        # A position is a point in one order: the stream's (by change time), or newest or
        # oldest first (by publication time); a cursor from another would read another key.
        self.order = "stream" if self.is_stream else "oldest" if ascending else "newest"
        try:
            self.page = keyset_page(
                queryset,
                queryset.listing_key(),
                self.token,
                self.size,
                ascending=ascending,
                order=self.order,
            )
        except ValueError as error:
            raise ValidationError({"cursor": [str(error)]}) from None
        return self.page.object_list

    def _link(self, token: str | None) -> str | None:
        if token is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, "cursor", token)

    def get_paginated_response(self, data) -> Response:
        links = OrderedDict(
            next=self._link(self.page.next_cursor),
            previous=self._link(self.page.previous_cursor),
        )
        if self.is_stream:
            last = self.page.object_list[-1] if self.page.object_list else None
            resume = (
                Cursor(OLDER, last.changed_at, last.pk, self.order).encode() if last else self.token
            )
            links["sync"] = self._link(resume) if resume else self.request.build_absolute_uri()
        return Response(OrderedDict(**links, results=data))

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "sync": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "A position in the list, from a `next`, `previous` or `sync` link.",
                "schema": {"type": "string"},
            },
            page_size_parameter(self.page_size, self.max_page_size),
        ]

"""Full-text search over reports: matching, ranking and highlighting, in one place.

PostgreSQL reads the stored `search_vector` (headline A, summary B, body C, tag names D;
kept by triggers, GIN-indexed: migration 0012), built in each report's language
configuration (`russian` for ru*, `english` otherwise). A query is parsed by
`websearch_to_tsquery` ("quoted phrases", or, -exclusion). The English and Russian
configurations read ASCII words alike (both stem them with `english_stem`), so an ASCII
query is one index condition, exact for every report; a query with other letters also
matches either form on the index and is then held to the report's own configuration.

SQLite uses an FTS5 table kept by triggers, or, where FTS5 is missing (or its triggers
were dropped), a plain `icontains` match: chosen at query time.

Ranking is by relevance among the newest `RANK_WINDOW` matches (then recency): a rare
term ranks all its matches, a term in half the archive ranks its newest thousand instead
of a few hundred thousand — read newest first off the listing index, not sorted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from django.db import connections
from django.db.models import (
    BooleanField,
    Count,
    Expression,
    Field,
    FloatField,
    Q,
    QuerySet,
    TextField,
    Value,
    Window,
)
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from articles.models import Article, ArticleQuerySet

MAX_LENGTH = 200  # characters a search may have
RANK_WINDOW = 1000  # newest matches ranked by relevance
MAX_PAGES = 10  # result pages shown; past them, refine the search
FTS = "articles_article_fts"
FTS_TRIGGERS = 19  # see migration 0012: all must be there for FTS5 to be exact
FTS_WEIGHTS = "10.0, 4.0, 1.0, 0.5"  # headline, summary, body, tag names
MARK, UNMARK = "\x02", "\x03"  # highlight markers, escaped text in between

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>|^[^<]*?>|<[^>]*$")  # whole tags, and tags a snippet cut


@dataclass(frozen=True)
class Clause:
    """Words or phrases a match has (`include`) and must not have (`exclude`)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


def parse(text: str) -> list[Clause]:
    """Read a web-style query ("a phrase", or, -word) into clauses any of which matches.

    Punctuation is dropped; a clause with nothing to look for is left out.
    """
    clauses: list[Clause] = []
    include: list[str] = []
    exclude: list[str] = []
    for negated, phrase, bare in _TOKEN.findall(text):
        if bare.lower() == "or":
            clauses.append(Clause(tuple(include), tuple(exclude)))
            include, exclude = [], []
            continue
        if bare.startswith("-"):
            negated, bare = "-", bare[1:]
        words = _WORD.findall(phrase or bare)
        if words:
            (exclude if negated else include).append(" ".join(words))
    clauses.append(Clause(tuple(include), tuple(exclude)))
    return [clause for clause in clauses if clause.include]


def problem(text: str) -> str | None:
    """Return why a search cannot run (too long, nothing to look for), or None."""
    if len(text) > MAX_LENGTH:
        return _("Searches are limited to %(limit)d characters: shorten yours.") % {
            "limit": MAX_LENGTH
        }
    if text.strip() and not parse(text):
        return _("Type a word to search for: punctuation alone matches nothing.")
    return None


def engine(alias: str = "default") -> str:
    """Return how this database searches: "postgresql", "fts5" or "plain"."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        return "postgresql"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE (type = 'table' AND name = %s) "
                "OR (type = 'trigger' AND name GLOB 'search_fts_*')",
                [FTS],
            )
            if cursor.fetchone()[0] == FTS_TRIGGERS + 1:
                return "fts5"
    return "plain"


class ArticleSQL(Expression):
    """SQL over the report row of the query it is compiled in; `{t}` is that row's table."""

    def __init__(self, sql: str, params: list[str], output_field: Field) -> None:
        super().__init__(output_field=output_field)
        self.sql, self.params = sql, params

    def as_sql(self, compiler, connection) -> tuple[str, tuple[str, ...]]:
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return self.sql.replace("{t}", table), tuple(self.params)


def _pg_query(text: str) -> tuple[str, list[str]]:
    """Return the tsquery of a report, in its own configuration (ASCII: the same in both)."""
    if text.isascii():
        return "websearch_to_tsquery('pg_catalog.english', %s)", [text]
    return (
        "CASE WHEN articles_search_config({t}.language) = 'pg_catalog.russian'::regconfig "
        "THEN websearch_to_tsquery('pg_catalog.russian', %s) "
        "ELSE websearch_to_tsquery('pg_catalog.english', %s) END",
        [text, text],
    )


def _pg_match(text: str) -> ArticleSQL:
    own, params = _pg_query(text)
    sql = f"{{t}}.search_vector @@ {own}"
    if not text.isascii():  # the index reads either form; the report's own must match
        either = "(websearch_to_tsquery('pg_catalog.english', %s) || "
        either += "websearch_to_tsquery('pg_catalog.russian', %s))"
        sql, params = f"{{t}}.search_vector @@ {either} AND {sql}", [text, text, *params]
    return ArticleSQL(sql, params, BooleanField())


def _fts_match(text: str) -> ArticleSQL:
    sql = f"{{t}}.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)"
    return ArticleSQL(sql, [fts_query(parse(text))], BooleanField())


def fts_query(clauses: list[Clause]) -> str:
    """Return an FTS5 query for parsed clauses: every word quoted, so no syntax leaks."""

    def unit(words: str) -> str:
        return '"' + words.replace('"', '""') + '"'

    parts = []
    for clause in clauses:
        expression = " AND ".join(unit(words) for words in clause.include)
        for words in clause.exclude:
            expression = f"({expression}) NOT {unit(words)}"
        parts.append(f"({expression})")
    return " OR ".join(parts)


def _plain_match(text: str) -> Q:
    def has(words: str) -> Q:
        return Q(headline__icontains=words) | Q(summary__icontains=words) | Q(body__icontains=words)

    match = Q(pk__in=[])
    for clause in parse(text):
        wanted = Q()
        for words in clause.include:
            wanted &= has(words)
        for words in clause.exclude:
            wanted &= ~has(words)
        match |= wanted
    return match


def matching(queryset: QuerySet, text: str) -> QuerySet:
    """Keep the reports that match a search (any status: callers decide visibility)."""
    if not parse(text):
        return queryset.none()
    kind = engine(queryset.db)
    if kind == "postgresql":
        return queryset.filter(_pg_match(text))
    if kind == "fts5":
        return queryset.filter(_fts_match(text))
    return queryset.filter(_plain_match(text))


def _rank(text: str, kind: str) -> Expression:
    if kind == "postgresql":
        own, params = _pg_query(text)
        return ArticleSQL(f"ts_rank_cd({{t}}.search_vector, {own})", params, FloatField())
    if kind == "fts5":  # bm25 is lower for better matches
        sql = f"-(SELECT bm25({FTS}, {FTS_WEIGHTS}) FROM {FTS} WHERE {FTS} MATCH %s "
        sql += f"AND {FTS}.rowid = {{t}}.id)"
        return ArticleSQL(sql, [fts_query(parse(text))], FloatField())
    return Value(0.0, output_field=FloatField())


@dataclass(frozen=True)
class Hit:
    """A result: the report, its headline and a snippet with what matched `<mark>`ed."""

    article: Article
    headline: SafeString
    snippet: SafeString


@dataclass
class SearchPage:
    """One page of ranked results, and how many matches were ranked (at most the window)."""

    hits: list[Hit]
    number: int
    per_page: int
    found: int = 0
    more: bool = False  # results go on after this page

    @property
    def window(self) -> int:
        return RANK_WINDOW

    @property
    def last_page(self) -> int:
        return MAX_PAGES

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.more and self.number < MAX_PAGES

    @property
    def more_than_window(self) -> bool:
        """Whether more reports match than were ranked (shown as "more than N")."""
        return self.found >= RANK_WINDOW

    @property
    def at_cap(self) -> bool:
        """Whether results go on past the last page shown: time to refine the search."""
        return self.more and self.number >= MAX_PAGES


def page_number(value: str | None) -> int:
    """Return the result page asked for: 1 for anything but a number, at most MAX_PAGES."""
    text = (value or "").strip()
    number = int(text) if text.isdigit() and len(text) < 6 else 1
    return min(max(number, 1), MAX_PAGES)


def ranked(reports: ArticleQuerySet, text: str, *, page: int, per_page: int) -> SearchPage:
    """Return a page of `reports` (published, kept by `matching`) ranked by relevance.

    Only the newest RANK_WINDOW matches are ranked; one query counts them (up to the
    window) and returns the page, another highlights only the page's reports.
    """
    kind = engine(reports.db)
    newest = reports.newest_first().values("pk")[:RANK_WINDOW]  # off the listing index
    rows = (
        Article.objects.filter(pk__in=newest)
        .for_listing()
        .prefetch_related(None)
        .annotate(rank=_rank(text, kind), found=Window(Count("pk")))
        .order_by("-rank", "-visible_from", "-pk")
    )
    start = (page - 1) * per_page
    items = list(rows[start : start + per_page + 1])
    more, items = len(items) > per_page, items[:per_page]
    marks = highlights(items, text, kind, reports.db)
    empty = (marked(""), marked(""))
    hits = [Hit(item, *marks.get(item.pk, empty)) for item in items]
    found = cast(Any, items[0]).found if items else 0  # the window count, on every row
    return SearchPage(hits, page, per_page, found=found, more=more)


def highlights(
    items: list[Article], text: str, kind: str, alias: str = "default"
) -> dict[int, tuple[SafeString, SafeString]]:
    """Return each report's highlighted (headline, snippet), `<mark>`ing what matched."""
    if not items:
        return {}
    ids = [item.pk for item in items]
    if kind == "postgresql":
        rows = _pg_highlights(ids, text)
    elif kind == "fts5":
        rows = _fts_highlights(ids, text, alias)
    else:
        rows = _plain_highlights(ids, text, alias)
    return {pk: (marked(headline), marked(snippet)) for pk, headline, snippet in rows}


def _pg_highlights(ids: list[int], text: str) -> list[tuple[int, str, str]]:
    own, params = _pg_query(text)
    options = f"StartSel={MARK}, StopSel={UNMARK}"
    body = "regexp_replace(left({t}.summary || ' ' || {t}.body, 20000), '<[^>]*>', ' ', 'g')"
    config = "articles_search_config({t}.language)"
    headline = ArticleSQL(
        f"ts_headline({config}, {{t}}.headline, {own}, %s)",
        [*params, f"HighlightAll=true, {options}"],
        TextField(),
    )
    snippet = ArticleSQL(
        f"ts_headline({config}, {body}, {own}, %s)",
        [*params, f'MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … ", {options}'],
        TextField(),
    )
    found = Article.objects.filter(pk__in=ids).annotate(marked=headline, snippet=snippet)
    return list(found.values_list("pk", "marked", "snippet"))


def _fts_highlights(ids: list[int], text: str, alias: str) -> list[tuple[int, str, str]]:
    placeholders = ", ".join(["%s"] * len(ids))
    cut = "%s, %s, ' … ', 24"
    with connections[alias].cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, highlight({FTS}, 0, %s, %s), snippet({FTS}, 2, {cut}), "
            f"snippet({FTS}, 1, {cut}) FROM {FTS} "
            f"WHERE {FTS} MATCH %s AND rowid IN ({placeholders})",
            [MARK, UNMARK, MARK, UNMARK, MARK, UNMARK, fts_query(parse(text)), *ids],
        )
        rows = cursor.fetchall()
    # The body's best passage, else the summary's (which starts the summary if neither has it).
    return [
        (pk, headline, _TAG.sub(" ", body) if MARK in body else summary)
        for pk, headline, body, summary in rows
    ]


def _plain_highlights(ids: list[int], text: str, alias: str) -> list[tuple[int, str, str]]:
    words = [w for clause in parse(text) for unit in clause.include for w in unit.split()]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    texts = Article.objects.using(alias).filter(pk__in=ids)
    rows = []
    for pk, headline, summary, body in texts.values_list("pk", "headline", "summary", "body"):
        plain = " ".join(_TAG.sub(" ", f"{summary} {body}").split())
        found = pattern.search(plain)
        start = max(0, found.start() - 80) if found else 0
        snippet = ("… " if start else "") + plain[start : start + 240]
        rows.append((pk, pattern.sub(_wrap, headline), pattern.sub(_wrap, snippet)))
    return rows


def _wrap(found: re.Match[str]) -> str:
    return f"{MARK}{found.group(0)}{UNMARK}"


def marked(text: str | None) -> SafeString:
    """Escape text and turn the highlight markers into `<mark>` elements."""
    escaped = escape(text or "")
    return mark_safe(escaped.replace(MARK, "<mark>").replace(UNMARK, "</mark>"))

"""The pages `bench/pages.py` measures, their targets, and the hand-written floors."""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import psycopg

from articles.models import Article
from events.models import Event
from organizations.models import Organization, Person

TAGS = """
  (SELECT json_agg(json_build_object('name', e.name, 'slug', e.slug))
     FROM articles_article_events t JOIN events_event e ON e.id = t.event_id
    WHERE t.article_id = a.id) AS events,
  (SELECT json_agg(json_build_object('name', c.name, 'code', c.code))
     FROM articles_article_countries t JOIN places_country c ON c.code = t.country_id
    WHERE t.article_id = a.id) AS countries"""
COLUMNS = f"""a.id, a.headline, a.slug, a.summary, a.dateline_raw, a.published_at,
  ag.name AS agency, {TAGS}"""
CURRENT = "(a.superseded_at IS NULL OR a.superseded_at > now())"


def _busiest(model, **filters):
    return model.objects.filter(**filters).order_by("-coverage_count").first()


def _deep_cursor(depth: int, **about) -> str:
    """Return a cursor `depth` reports deep (or as deep as the list goes) into a list."""
    from newsroom.pagination import OLDER, Cursor

    reports = Article.objects.published().current()
    reports = reports.about(**about) if about else reports
    at, ident = reports.listing_key()
    depth = min(depth, reports.count() - 21)
    row = reports.newest_first().values_list(at, ident)[depth : depth + 1].get()
    return Cursor(OLDER, row[0], row[1]).encode()


def pages() -> list[tuple[str, str, float, object]]:
    """Return (name, URL, target ms, user or None) for every measured page."""
    from django.contrib.auth import get_user_model

    event = _busiest(Event)
    org = _busiest(Organization, kind="government")
    agency = _busiest(Organization, kind="news_agency")
    person = _busiest(Person)
    report = Article.objects.published().newest_first().first()
    admin = get_user_model().objects.filter(is_superuser=True).first()
    if admin is None:
        admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    deep = 5000 * 20
    deep_az = _deep_cursor(deep, country="AZ")
    return [
        ("home", "/", 30, None),
        ("articles", "/articles/", 30, None),
        ("articles ?country=az", "/articles/?country=az", 30, None),
        ("articles ?event", f"/articles/?event={event.slug}", 30, None),
        ("articles ?agency", f"/articles/?agency={agency.slug}", 30, None),
        ("articles ?person", f"/articles/?person={person.slug}", 30, None),
        ("articles ?published_before", "/articles/?published_before=2020-01-01", 30, None),
        ("articles ?country=az&event", f"/articles/?country=az&event={event.slug}", 30, None),
        ("articles page 5,000 (or last)", f"/articles/?cursor={_deep_cursor(deep)}", 30, None),
        ("event page", event.get_absolute_url(), 30, None),
        ("country page az", "/countries/az/", 30, None),
        ("country page az, page 5,000 (or last)", f"/countries/az/?cursor={deep_az}", 30, None),
        ("organization page", org.get_absolute_url(), 30, None),
        ("agency page", agency.get_absolute_url(), 30, None),
        ("person page", person.get_absolute_url(), 30, None),
        ("countries index", "/countries/", 50, None),
        ("events index", "/events/", 50, None),
        ("report page", report.get_absolute_url(), 15, None),
        # A place name in ~200 reports; a word in ~730,000 (the newest 1,000 are ranked).
        ("search rare", "/search/?q=vilnius", 100, None),
        ("search common", "/search/?q=talks", 300, None),
        ("api articles ?country=AZ", "/api/v1/articles/?country=AZ", 40, None),
        ("api articles ?event", f"/api/v1/articles/?event={event.slug}", 40, None),
        ("api articles", "/api/v1/articles/", 40, None),
        (
            "api articles page 5,000 (or last)",
            f"/api/v1/articles/?cursor={_deep_cursor(deep)}",
            40,
            None,
        ),
        (
            "api articles ?country=AZ page 5,000",
            f"/api/v1/articles/?country=AZ&cursor={deep_az}",
            40,
            None,
        ),
        ("api sync stream", "/api/v1/articles/?updated_since=2024-01-01", 40, None),
        ("api report", f"/api/v1/articles/{report.pk}/", 20, None),
        ("api report ninjs", f"/api/v1/articles/{report.pk}/ninjs/", 20, None),
        ("api articles ninjs ?country=AZ", "/api/v1/articles/?country=AZ&format=ninjs", 40, None),
        ("admin reports", "/admin/articles/article/", 300, admin),
        ("admin reports ?country=AZ", "/admin/articles/article/?country=AZ", 300, admin),
        ("admin reports ?q=", "/admin/articles/article/?q=agreement", 300, admin),
        ("admin report form", f"/admin/articles/article/{report.pk}/change/", 100, admin),
    ]


# Pages whose target also bounds them by their floor (≤ 3×); the other floors are shown
# for comparison only.
BOUND_BY_FLOOR = frozenset(
    {"home", "articles", "articles ?country=az", "country page az", "event page", "person page"}
)


def floors() -> dict[str, Callable[[], str]]:
    """Return, per page name, a function fetching the same rows by one SQL query as JSON."""
    connection = psycopg.connect(_dsn(), autocommit=True)
    event = _busiest(Event)
    person = _busiest(Person)
    report = Article.objects.published().newest_first().first()

    def run(sql: str, params: list) -> Callable[[], str]:
        def fetch() -> str:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return json.dumps(cursor.fetchall(), default=str)

        return fetch

    latest = (
        f"SELECT {COLUMNS} FROM articles_article a "
        f"LEFT JOIN organizations_organization ag ON ag.id = a.agency_id "
        f"WHERE a.visible_from <= now() AND {CURRENT} "
        f"ORDER BY a.visible_from DESC, a.id DESC LIMIT %s"
    )

    def about(kind: str) -> str:
        return (
            f"SELECT {COLUMNS} FROM articles_coverage c "
            f"JOIN articles_article a ON a.id = c.article_id "
            f"LEFT JOIN organizations_organization ag ON ag.id = a.agency_id "
            f"WHERE c.{kind}_id = %s AND c.visible_from <= now() AND {CURRENT} "
            f"ORDER BY c.visible_from DESC, c.article_id DESC LIMIT 20"
        )

    detail = (
        f"SELECT {COLUMNS}, a.body FROM articles_article a "
        f"LEFT JOIN organizations_organization ag ON ag.id = a.agency_id "
        f"WHERE a.slug = %s AND a.visible_from <= now()"
    )
    countries = (
        "SELECT c.code, c.name, c.coverage_count + COALESCE((SELECT SUM(CASE WHEN v.visible_from"
        " > now() THEN -1 ELSE 1 END) FROM articles_coverage v WHERE v.country_id = c.code AND"
        " ((v.visible_from > now() AND v.superseded_at IS NULL) OR (v.visible_from <= now()"
        " AND v.superseded_at > now()))), 0) FROM places_country c ORDER BY c.name"
    )
    return {
        "home": run(latest, [12]),
        "articles": run(latest, [20]),
        "articles ?country=az": run(about("country"), ["AZ"]),
        "country page az": run(about("country"), ["AZ"]),
        "event page": run(about("event"), [event.pk]),
        "person page": run(about("person"), [person.pk]),
        "api articles ?country=AZ": run(about("country"), ["AZ"]),
        "report page": run(detail, [report.slug]),
        "countries index": run(countries, []),
    }


def _dsn() -> str:
    url = os.environ["DATABASE_URL"]
    return url.replace("postgres://", "postgresql://", 1)

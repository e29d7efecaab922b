"""Which reports are pushed to which webhooks: only once the public may see them.

A report is pushed as `published` the first time webhooks hear of it while it is public,
as `updated` when a later version is saved while it is public, and as `withdrawn` once
withdrawn after having been public. `scan` runs every minute (Celery beat, or
`manage.py send_webhooks`): it looks at reports whose `visible_from` (the moment
`Article.objects.published()` starts including them: publish time or embargo end)
passed, or that got a revision, since the last scan. So a scheduled or embargoed report
is pushed by the first scan after its time, never before. Workflow steps (publish,
withdraw, lift embargo, restore) also push at once, when they commit (`receivers`),
unless a scan is running: then the next scan pushes the report, and no request waits.

`PushedArticle` remembers what was pushed of each report, so every change is pushed once
however often it is seen; both paths take the `PushCursor` row's lock, so they never
race. This module only creates `Delivery` rows; `integrations.delivery` sends them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any, cast

from django.contrib.sites.models import Site
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.serializers import ArticleDetailSerializer, WithdrawnArticleSerializer
from articles.tag_rows import attach_tag_rows
from integrations.models import Delivery, PushCursor, PushedArticle, PushEvent, Webhook

CURSOR = "articles"
# Scans look this far behind the last one, so a transaction that committed after a
# scan (with times stamped before it) is still seen; PushedArticle keeps it pushed once.
OVERLAP = datetime.timedelta(minutes=5)
CHUNK = 500


def scan(now: datetime.datetime | None = None) -> int:
    """Create deliveries for what became public, changed or was withdrawn since the last scan.

    Return how many deliveries were created, and move the high-water mark to `now`.
    """
    now = now or timezone.now()
    with transaction.atomic():
        cursor = cast(PushCursor, _locked_cursor(now))  # waits for the lock
        since = min(cursor.scanned_until, now) - OVERLAP
        hooks = active_webhooks()
        created = 0
        if hooks:
            ids = sorted(_changed_since(since, now))
            for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
                created += _push(chunk, hooks, now)
        cursor.scanned_until = now
        cursor.save(update_fields=["scanned_until"])
    return created


def push_article(pk: int, now: datetime.datetime | None = None) -> int:
    """Create deliveries for one report if it is public or withdrawn now; return how many."""
    now = now or timezone.now()
    if not Webhook.objects.filter(active=True).exists():
        return 0  # one cheap query for a newsroom without webhooks
    with transaction.atomic():
        if _locked_cursor(now, wait=False) is None:
            return 0  # a scan is running: the next one pushes it, and no request waits
        return _push([pk], active_webhooks(), now)


def active_webhooks() -> list[Webhook]:
    """Return the webhooks that want pushes, with what their filters need."""
    return list(Webhook.objects.filter(active=True).select_related("event"))


def _locked_cursor(now: datetime.datetime, wait: bool = True) -> PushCursor | None:
    """Return the high-water mark row, locked until the transaction ends (made if missing);
    None if another transaction holds it and `wait` is false."""
    PushCursor.objects.get_or_create(name=CURSOR, defaults={"scanned_until": now})
    return PushCursor.objects.select_for_update(skip_locked=not wait).filter(name=CURSOR).first()


def _changed_since(since: datetime.datetime, now: datetime.datetime) -> set[int]:
    """Return the ids of reports that became visible, or got a revision, in (since, now].

    Every save of a report writes a revision (editorial.revisions), whose time is
    indexed: edits and withdrawals are found without reading the reports' table.
    """
    shown = Article.objects.filter(visible_from__gt=since, visible_from__lte=now)
    revised = Article.history.filter(history_date__gt=since)  # type: ignore[attr-defined]
    return {*shown.values_list("pk", flat=True), *revised.values_list("id", flat=True)}


def _push(ids: Sequence[int], hooks: list[Webhook], now: datetime.datetime) -> int:
    """Create the deliveries due for these reports (those public or withdrawn now)."""
    public = list(Article.objects.published(now).filter(pk__in=ids).for_detail())
    gone = list(Article.objects.withdrawn().filter(pk__in=ids))
    attach_tag_rows([*public, *gone])
    states = PushedArticle.objects.in_bulk([a.pk for a in [*public, *gone]])
    news = list(_news(public, gone, states))
    _remember(news, states, now)
    deliveries = [
        Delivery(webhook=hook, article=article, kind=kind, version=article.version, payload=body)
        for article, kind, body in _with_payloads(news, hooks)
        for hook in hooks
        if hook.wants(kind, **_tags(article))
    ]
    return len(Delivery.objects.bulk_create(deliveries, ignore_conflicts=True))


def _news(
    public: list[Article], gone: list[Article], states: dict[Any, PushedArticle]
) -> Iterable[tuple[Article, str]]:
    """Yield (report, kind) for each report with something not pushed yet."""
    for article in public:
        state = states.get(article.pk)
        if state is None:
            yield article, PushEvent.PUBLISHED
        elif not state.withdrawn and state.version < article.version:
            yield article, PushEvent.UPDATED
    for article in gone:
        state = states.get(article.pk)
        if state is None or not state.withdrawn:
            yield article, PushEvent.WITHDRAWN


def _remember(
    news: list[tuple[Article, str]], states: dict[Any, PushedArticle], now: datetime.datetime
) -> None:
    """Record the pushed version of each report (and whether it is gone)."""
    new: list[PushedArticle] = []
    changed: list[PushedArticle] = []
    for article, kind in news:
        state = states.get(article.pk) or PushedArticle(article_id=article.pk)
        state.version, state.pushed_at = article.version, now
        state.withdrawn = kind == PushEvent.WITHDRAWN
        (changed if article.pk in states else new).append(state)
    PushedArticle.objects.bulk_create(new, ignore_conflicts=True)
    PushedArticle.objects.bulk_update(changed, ["version", "withdrawn", "pushed_at"])


def _with_payloads(
    news: list[tuple[Article, str]], hooks: list[Webhook]
) -> Iterable[tuple[Article, str, dict[str, Any]]]:
    """Add each push's payload, built only if some webhook wants it."""
    for article, kind in news:
        if any(hook.wants(kind, **_tags(article)) for hook in hooks):
            yield article, kind, payload(article, kind)


def _tags(article: Article) -> dict[str, set[str]]:
    """Return what webhook filters match on: countries (tagged or datelined) and events."""
    countries = {row["code"] for row in article.tag_rows["countries"]}
    if article.dateline_country_id:
        countries.add(article.dateline_country_id)
    return {"countries": countries, "event_slugs": {r["slug"] for r in article.tag_rows["events"]}}


class SiteRequest:
    """Stands in for a request where serializers build absolute URLs: the site's own."""

    def __init__(self) -> None:
        self.domain = Site.objects.get_current().domain

    def build_absolute_uri(self, location: str) -> str:
        return f"https://{self.domain}{location}"


def payload(article: Article, kind: str) -> dict[str, Any]:
    """Return what a delivery says: the event and the report as the API shows it."""
    context = {"request": SiteRequest()}
    if kind == PushEvent.WITHDRAWN:
        data = WithdrawnArticleSerializer(article, context=context).data
    else:
        data = ArticleDetailSerializer(article, context=context).data
    return {"event": kind, "article": dict(data)}

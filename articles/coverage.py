"""Keep the coverage index and the maintained counts in step with the reports.

`Coverage` lists each report under every entity it is about (tags, dateline country,
agency) with a copy of its `visible_from` and `superseded_at`; each entity's
`coverage_count` counts its published, current reports. Every write path keeps both
exact: saves and tag changes through the signals below, an imported report's tags
through `tag_new_reports()`, bulk loads through `rebuild_coverage()`, merges through
`sync_entity()`. Public counts add the few rows whose visibility is still to change
(`public_count`), so scheduling and embargoes hold at query time with no job.

An update or correction is also listed wherever its published predecessors were (their
rows, however far back: a report's rows are its own and those of each published report
it updates or corrects). The chain thus keeps its place on every entity page: the
latest public report of it is shown there, from its own time, and its predecessors
leave as `superseded_at` says; a change to a report's rows carries on down its chain.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Trunc
from django.utils import timezone, translation

from articles.models import COVERAGE_KINDS, TAG_FIELDS, Article, Coverage, current_at, visible_at
from newsroom.page_cache import current_generation
from newsroom.sql import rows_table
from places.models import Country

Row = tuple[str, object]  # (kind, entity key)
_Kept = TypeVar("_Kept")

OWN_FIELDS = {"country": "dateline_country_id", "organization": "agency_id"}
LINKS = ("update_of_id", "correction_of_id")
# What a report's rows are made of: its visibility, own fields and predecessors.
NODE_COLUMNS = ("visible_from", "superseded_at", *OWN_FIELDS.values(), *LINKS)
BATCH = 1000


def public_count(kind: str, now: datetime.datetime | None = None) -> models.Expression:
    """Return an expression for an entity's published, current reports at `now`.

    The maintained count, less reports counted but not public yet, plus reports public
    until a scheduled successor replaces them: both read off small index ranges.
    """
    now = now or timezone.now()
    rows = Coverage.objects.filter(**{kind: OuterRef("pk")}).order_by()

    def how_many(queryset) -> Coalesce:
        counted = queryset.values(kind).annotate(n=models.Count("pk")).values("n")
        return Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)

    later, until = how_many(rows.shown_later(now)), how_many(rows.replaced_later(now))
    return models.ExpressionWrapper(F("coverage_count") - later + until, models.IntegerField())


def _wanted(
    article_ids: list[int], kinds: Iterable[str], own: dict[int, dict[str, object]]
) -> dict[int, set[Row]]:
    """Return the rows of these kinds each report should have: its own and its published
    predecessors' (see the module docstring)."""
    nodes = dict(own)
    lineage = _lineage(own, nodes)
    sources = set(article_ids).union(*lineage.values())
    fields = {pk: nodes[pk] for pk in sources if nodes.get(pk)}  # a deleted report has none
    rows = _own_rows_of(sorted(sources), kinds, fields)
    return {pk: rows[pk].union(*(rows[p] for p in lineage.get(pk, ()))) for pk in article_ids}


def _links(row: dict[str, Any] | None) -> set[int]:
    return {row[field] for field in LINKS} - {None} if row else set()


def _lineage(own: dict[int, dict[str, Any]], nodes: dict[int, Any]) -> dict[int, set[int]]:
    """Return each report's published predecessors, however far back, adding their
    columns to `nodes`. One query a generation; a report that is not published (or
    gone) ends its line: it replaced nothing, so nothing before it hands its rows on."""
    todo = set().union(*map(_links, own.values())) - nodes.keys()
    while todo:
        found = Article.objects.filter(pk__in=todo, visible_from__isnull=False).order_by()
        fetched = {row.pop("id"): row for row in found.values("id", *NODE_COLUMNS)}
        nodes.update({pk: fetched.get(pk) for pk in todo})
        todo = set().union(*map(_links, fetched.values())) - nodes.keys()
    lineage = {}
    for pk in own:
        seen: set[int] = set()
        stack = list(_links(own[pk]))
        while stack:
            node = stack.pop()
            if node not in seen and nodes.get(node) and nodes[node]["visible_from"] is not None:
                seen.add(node)
                stack.extend(_links(nodes[node]))
        lineage[pk] = seen - {pk}
    return lineage


def _own_rows_of(
    article_ids: list[int], kinds: Iterable[str], own: dict[int, dict[str, Any]]
) -> dict[int, set[Row]]:
    """Return the rows of these kinds each report has of its own (tags, dateline, agency)."""
    wanted: dict[int, set[Row]] = {pk: set() for pk in article_ids}
    for kind in kinds:
        m2m = cast(models.ManyToManyField, Article._meta.get_field(TAG_FIELDS[kind]))
        through: Any = m2m.remote_field.through  # auto-created: its manager is `objects`
        pairs = through.objects.filter(article_id__in=article_ids)
        for article_id, key in pairs.values_list("article_id", f"{kind}_id"):
            wanted[article_id].add((kind, key))
        if kind in OWN_FIELDS:
            for pk, fields in own.items():
                if fields[OWN_FIELDS[kind]] is not None:
                    wanted[pk].add((kind, fields[OWN_FIELDS[kind]]))
    return wanted


def successors(article_ids: Iterable[int]) -> set[int]:
    """Return the reports that update or correct these directly."""
    ids, found = sorted(article_ids), set()
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        linked = Article.objects.filter(Q(update_of__in=batch) | Q(correction_of__in=batch))
        found |= set(linked.order_by().values_list("pk", flat=True))
    return found


def _counted(visible_from, superseded_at) -> bool:
    return visible_from is not None and superseded_at is None


def sync_coverage(article_ids: Iterable[int], kinds: Iterable[str] = COVERAGE_KINDS) -> None:
    """Bring the coverage rows (of these kinds) and entity counts of these reports up to date.

    Rows of other kinds keep their entity but follow the reports' visibility. Reports
    whose rows their successors inherit changed hand the change on down the chain.
    """
    ids, kinds = sorted(set(article_ids) - {None}), tuple(kinds)
    done: set[int] = set()
    while ids:
        changed: set[int] = set()
        for start in range(0, len(ids), BATCH):
            changed |= _sync_batch(ids[start : start + BATCH], kinds)
        done.update(ids)
        ids, kinds = sorted(successors(changed) - done), COVERAGE_KINDS


@transaction.atomic(savepoint=False)
def _sync_batch(ids: list[int], kinds: tuple[str, ...]) -> set[int]:
    """Sync a batch; return the reports whose rows, as their successors inherit them, moved:
    rows added or dropped while published, or publication itself begun or ended."""
    found = Article.objects.filter(pk__in=ids).order_by().values("id", *NODE_COLUMNS)
    own = {row.pop("id"): row for row in found}
    state = {pk: (row["visible_from"], row["superseded_at"]) for pk, row in own.items()}
    wanted = _wanted(ids, kinds, own) if kinds else {pk: set() for pk in ids}
    delta: Counter[Row] = Counter()
    stale, moved, reshaped = [], set(), set()
    was_published: dict[int, bool] = {}
    fields = ["pk", "article_id", *(f"{k}_id" for k in COVERAGE_KINDS)]
    for pk, article_id, *keys, vf, ss in Coverage.objects.filter(article_id__in=ids).values_list(
        *fields, "visible_from", "superseded_at"
    ):
        row = next((k, v) for k, v in zip(COVERAGE_KINDS, keys, strict=True) if v is not None)
        delta[row] -= _counted(vf, ss)
        was_published[article_id] = vf is not None
        keep = row in wanted[article_id] if row[0] in kinds else True
        if keep and article_id in state:
            wanted[article_id].discard(row)
            delta[row] += _counted(*state[article_id])
            if (vf, ss) != state[article_id]:
                moved.add(article_id)
        else:
            stale.append(pk)
            reshaped.add(article_id)
    Coverage.objects.filter(pk__in=stale).delete()
    for article_id in moved:
        vf, ss = state[article_id]
        Coverage.objects.filter(article_id=article_id).update(visible_from=vf, superseded_at=ss)
    new = []
    for article_id, rows in wanted.items():
        if article_id not in state:
            continue
        vf, ss = state[article_id]
        if rows:
            reshaped.add(article_id)
        for kind, key in rows:
            new.append(Coverage(article_id=article_id, visible_from=vf, superseded_at=ss,
                                **{f"{kind}_id": key}))  # fmt: skip
            delta[(kind, key)] += _counted(vf, ss)
    Coverage.objects.bulk_create(new)
    _apply_counts(delta)
    published = {pk for pk, (vf, _) in state.items() if vf is not None}
    flipped = {pk for pk, was in was_published.items() if pk in state and was != (pk in published)}
    return (reshaped & published) | flipped


def _apply_counts(delta: Counter[Row]) -> None:
    by_change: dict[tuple[str, int], list] = {}
    for (kind, key), change in delta.items():
        if change:
            by_change.setdefault((kind, change), []).append(key)
    for (kind, change), keys in by_change.items():
        Coverage.entity_model(kind).objects.filter(pk__in=keys).update(
            coverage_count=F("coverage_count") + change
        )


def tag_new_report(article: Article, tags: dict[str, list]) -> list[str]:
    """Tag and index a report just inserted; return the tag fields that got rows.

    `tags` maps a tag field to keys; keys no longer in the registry are left out. The
    report was saved with `skip_coverage_when_saving` set, so it has no index rows yet.
    """
    return tag_new_reports([(article, tags)])[0]


def tag_new_reports(
    tagged: list[tuple[Article, dict[str, list]]], *, insert: Callable[[], None] | None = None
) -> list[list[str]]:
    """Tag and index reports just inserted (see `tag_new_report`), in a few statements.

    One statement per tag field checks the keys and writes the rows of every report, and
    one writes their index rows, instead of a read-and-sync per field through the
    signals. (It needs INSERT … RETURNING: PostgreSQL, SQLite 3.35+.)

    With `insert`, the reports have their keys (`newsroom.sql.reserve_keys`) but are not
    inserted yet: their tag rows go in first (the foreign keys are deferred), then
    `insert()` inserts them, then their index rows, which copy columns the database
    computes. PostgreSQL then builds each report's search vector once, with its tags.
    """
    reports = [(article.pk, article, tags) for article, tags in tagged]
    linked: dict[int, set[Row]] = {pk: set() for pk, _, _ in reports}
    for kind, field in TAG_FIELDS.items():
        pairs = [(pk, key) for pk, _, tags in reports for key in dict.fromkeys(tags.get(field, []))]
        for article_id, key in _link(field, pairs):
            linked[article_id].add((kind, key))
    if insert is not None:
        insert()
    _index_new([(article, linked[pk] | _own_rows(article)) for pk, article, _ in reports])
    kinds = [{kind for kind, _ in linked[pk]} for pk, _, _ in reports]
    return [[f for kind, f in TAG_FIELDS.items() if kind in found] for found in kinds]


def _link(field: str, pairs: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """Insert the (report, key) tag rows whose key exists; return the rows written."""
    if not pairs:
        return []
    db = transaction.get_connection()  # itself, not the proxy: it is read once per key
    m2m = cast(models.ManyToManyField, Article._meta.get_field(field))
    assert m2m.remote_field.through is not None  # resolved once the models are loaded
    through, target = m2m.remote_field.through._meta, m2m.related_model._meta
    own, other = m2m.m2m_column_name(), m2m.m2m_reverse_name()
    qn, pk = db.ops.quote_name, target.pk
    assert pk.column is not None  # a concrete field has a column
    fields = [Article._meta.pk, pk]
    written = []
    for start in range(0, len(pairs), BATCH):
        batch = [(a, pk.get_db_prep_value(key, db)) for a, key in pairs[start : start + BATCH]]
        table, params = rows_table(db, fields, batch)
        with db.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {qn(through.db_table)} ({qn(own)}, {qn(other)}) "
                f"SELECT v.column1, t.{qn(pk.column)} FROM {qn(target.db_table)} t "
                f"JOIN {table} ON t.{qn(pk.column)} = v.column2 RETURNING {qn(own)}, {qn(other)}",
                params,
            )
            written += cursor.fetchall()
    return written


def _own_rows(article: Article) -> set[Row]:
    values = ((kind, getattr(article, attname)) for kind, attname in OWN_FIELDS.items())
    return {(kind, key) for kind, key in values if key is not None}


def _index_new(indexed: list[tuple[Article, set[Row]]]) -> None:
    """Add index rows new reports lack (none of them there yet) and count them.

    A plain INSERT from arrays: model instances would cost more than the write.
    """
    db = transaction.get_connection()  # itself, not the proxy: it is read once per report
    names = ["article", *COVERAGE_KINDS, "visible_from", "superseded_at"]
    fields = [cast(models.Field, Coverage._meta.get_field(name)) for name in names]
    slots = {kind: n for n, kind in enumerate(COVERAGE_KINDS)}
    counted: Counter[Row]
    rows, counted = [], Counter()
    for article, keys in indexed:
        pk, times = article.pk, (article.visible_from, article.superseded_at)
        when = [f.get_db_prep_save(v, db) for f, v in zip(fields[-2:], times, strict=True)]
        for kind, key in keys:
            entities: list[object] = [None] * len(COVERAGE_KINDS)
            entities[slots[kind]] = key
            rows.append((pk, *entities, *when))
        if _counted(*times):
            counted.update(keys)
    qn = db.ops.quote_name
    columns = ", ".join(qn(cast(str, field.column)) for field in fields)
    insert = f"INSERT INTO {qn(Coverage._meta.db_table)} ({columns}) SELECT "
    insert += ", ".join(f"v.column{n}" for n in range(1, len(fields) + 1))
    for start in range(0, len(rows), BATCH):
        table, params = rows_table(db, fields, rows[start : start + BATCH])
        with db.cursor() as cursor:
            cursor.execute(f"{insert} FROM {table}", params)
    _apply_counts(counted)


def refresh_superseded(article_ids: Iterable[int | None]) -> list[int]:
    """Recompute when published successors replace these reports; return those that moved."""
    ids = [pk for pk in set(article_ids) if pk is not None]
    if not ids:
        return []
    successors = Article.objects.filter(visible_from__isnull=False).filter(
        Q(update_of=OuterRef("pk")) | Q(correction_of=OuterRef("pk"))
    )
    earliest = successors.order_by("visible_from").values("visible_from")[:1]
    rows = Article.objects.filter(pk__in=ids).annotate(due=Subquery(earliest))
    changed = [pk for pk, old, due in rows.values_list("pk", "superseded_at", "due") if old != due]
    for pk, due in rows.filter(pk__in=changed).values_list("pk", "due"):
        Article.objects.filter(pk=pk).update(superseded_at=due)
    return changed


def sync_entity(instance: models.Model) -> None:
    """Re-index every report about one entity (after a merge moved references onto it)."""
    kind = next((k for k in COVERAGE_KINDS if isinstance(instance, Coverage.entity_model(k))), None)
    if kind is None:
        return
    field = TAG_FIELDS[kind]
    ids = set(Article.objects.filter(**{field: instance}).values_list("pk", flat=True))
    ids |= set(Coverage.objects.filter(**{kind: instance}).values_list("article_id", flat=True))
    own = OWN_FIELDS.get(kind)
    if own:
        ids |= set(Article.objects.filter(**{own: instance.pk}).values_list("pk", flat=True))
    sync_coverage(ids, kinds=[kind])


def rebuild_coverage(registry=None) -> None:
    """Rebuild the whole index, successor times and counts from the reports (bulk loads).

    `registry` is an app registry (a migration's `apps`); the live one by default.
    """
    registry = registry or global_apps
    with transaction.atomic():
        refresh_all_superseded(registry)
        fill_coverage(registry)
        recount(registry=registry)


def refresh_all_superseded(registry=None) -> None:
    """Recompute every report's `superseded_at` in one pass."""
    table = connection.ops.quote_name(
        (registry or global_apps).get_model("articles", "Article")._meta.db_table
    )
    successors = (
        f"SELECT update_of_id AS pred, visible_from FROM {table} WHERE update_of_id IS NOT NULL "
        f"UNION ALL SELECT correction_of_id, visible_from FROM {table} "
        f"WHERE correction_of_id IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(  # reports no longer anyone's predecessor are replaced by nothing
            f"UPDATE {table} SET superseded_at = NULL WHERE superseded_at IS NOT NULL "
            f"AND id NOT IN (SELECT pred FROM ({successors}) p WHERE pred IS NOT NULL)"
        )
        cursor.execute(
            f"UPDATE {table} SET superseded_at = s.due FROM (SELECT pred, MIN(visible_from) AS due "
            f"FROM ({successors}) x GROUP BY pred) s WHERE {table}.id = s.pred "
            f"AND {table}.superseded_at IS DISTINCT FROM s.due"
            if connection.vendor == "postgresql"
            else f"UPDATE {table} SET superseded_at = (SELECT MIN(s.visible_from) FROM {table} s "
            f"WHERE s.update_of_id = {table}.id OR s.correction_of_id = {table}.id) "
            f"WHERE id IN (SELECT pred FROM ({successors}))"
        )


def fill_coverage(registry=None) -> None:
    """Replace every coverage row with rows made from the reports' tags, datelines, agencies
    and those of their published predecessors."""
    # The live models or a migration's historical ones: typed loosely
    article_model: type[Any] = (registry or global_apps).get_model("articles", "Article")
    coverage_model: type[Any] = (registry or global_apps).get_model("articles", "Coverage")
    qn = connection.ops.quote_name
    article, coverage = qn(article_model._meta.db_table), qn(coverage_model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {coverage}")
        for kind, field in TAG_FIELDS.items():
            through = qn(article_model._meta.get_field(field).remote_field.through._meta.db_table)
            sources = [f"SELECT article_id, {kind}_id AS entity FROM {through}"]
            own = OWN_FIELDS.get(kind)
            if own:
                sources.append(f"SELECT id, {own} FROM {article} WHERE {own} IS NOT NULL")
            cursor.execute(
                f"WITH RECURSIVE {_lineage_sql(article)}, own AS ({' UNION ALL '.join(sources)}) "
                f"INSERT INTO {coverage} (article_id, {kind}_id, visible_from, superseded_at) "
                f"SELECT a.id, t.entity, a.visible_from, a.superseded_at FROM ("
                f"SELECT article_id, entity FROM own UNION SELECT l.heir, o.entity "
                f"FROM lineage l JOIN own o ON o.article_id = l.source"
                f") t JOIN {article} a ON a.id = t.article_id"
            )


def _lineage_sql(article: str) -> str:
    """`links(heir, source)` and `lineage(heir, source)` CTEs: each report's published
    predecessors, however far back (the set-based twin of `_lineage`)."""
    links = [
        f"SELECT a.id, p.id FROM {article} a JOIN {article} p ON p.id = a.{link} "
        f"WHERE a.{link} IS NOT NULL AND p.visible_from IS NOT NULL"
        for link in LINKS
    ]
    return (
        f"links(heir, source) AS ({' UNION '.join(links)}), "
        f"lineage(heir, source) AS (SELECT heir, source FROM links "
        f"UNION SELECT l.heir, k.source FROM lineage l JOIN links k ON k.heir = l.source)"
    )


def recount(kinds: Iterable[str] = COVERAGE_KINDS, registry=None) -> None:
    """Recount `coverage_count` of every entity of these kinds from the index."""
    # The live model or a migration's historical one: typed loosely
    coverage_model: type[Any] = (registry or global_apps).get_model("articles", "Coverage")
    for kind in kinds:
        counted = (
            coverage_model.objects.filter(**{kind: OuterRef("pk")})
            .filter(visible_from__isnull=False, superseded_at__isnull=True)
            .values(kind)
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        entity = coverage_model._meta.get_field(kind).related_model
        entity._base_manager.update(
            coverage_count=Coalesce(Subquery(counted, output_field=models.IntegerField()), 0)
        )


def register_signals() -> None:
    """Connect the receivers that keep the index in step (called from AppConfig.ready)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    from editorial.merge import records_merged

    post_save.connect(_article_saved, sender=Article, dispatch_uid="coverage-save")
    pre_delete.connect(_article_deleting, sender=Article, dispatch_uid="coverage-deleting")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid="coverage-deleted")
    records_merged.connect(_merged, dispatch_uid="coverage-merged")
    for field in TAG_FIELDS.values():
        through = cast(models.ManyToManyField, Article._meta.get_field(field)).remote_field.through
        m2m_changed.connect(_tags_changed, sender=through, dispatch_uid=f"coverage-{field}")


def _merged(sender, keep: models.Model, **kwargs) -> None:
    sync_entity(keep)


def _article_saved(
    sender, instance: Article, created: bool = False, raw: bool = False, **kwargs
) -> None:
    if raw:
        return
    # A link moved away from a report must release it too: remember what was loaded.
    links = {instance.update_of_id, instance.correction_of_id} - {None}
    loaded: set[int | None] = getattr(instance, "_loaded_predecessors", set())
    predecessors, instance._loaded_predecessors = links | loaded, links
    indexed_later = hasattr(instance, "skip_coverage_when_saving")
    if links != loaded and not indexed_later:
        sync_coverage([instance.pk])  # relinked: the rows it inherits change too
    elif not created or not connection.features.can_return_columns_from_insert:
        sync_coverage([instance.pk], kinds=OWN_FIELDS)  # tags have their own signal
    elif not indexed_later:  # else tag_new_report() does
        _index_new([(instance, _own_rows(instance))])  # visible_from came back from the insert
    sync_coverage(refresh_superseded(predecessors), kinds=())


def _article_deleting(sender, instance: Article, **kwargs) -> None:
    rows = Coverage.objects.filter(article=instance)
    delta: Counter[Row] = Counter(
        (row.entity_kind, row.entity_id)
        for row in rows
        if _counted(row.visible_from, row.superseded_at)
    )
    _apply_counts(Counter({row: -n for row, n in delta.items()}))
    rows.delete()
    instance._successors = successors([instance.pk])  # their links are cleared next


def _article_deleted(sender, instance: Article, **kwargs) -> None:
    predecessors = {instance.update_of_id, instance.correction_of_id}
    sync_coverage(refresh_superseded(predecessors), kinds=())
    sync_coverage(getattr(instance, "_successors", ()))  # they inherit its rows no more


def _tags_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    ids: Iterable[int]  # a query of them, or a list
    if reverse and action == "pre_clear":  # the rows are gone after: note whose they were
        field = next(f for f, m in _through_models().items() if m is sender)
        ids = Article.objects.filter(**{field: instance}).values_list("pk", flat=True)
        instance._cleared_articles = list(ids)
    elif action in {"post_add", "post_remove"}:
        sync_coverage(pk_set if reverse else [instance.pk], kinds=[_kind_of(sender)])
    elif action == "post_clear":
        ids = getattr(instance, "_cleared_articles", []) if reverse else [instance.pk]
        sync_coverage(ids, kinds=[_kind_of(sender)])


def _through_models() -> dict[str, type[models.Model] | None]:
    return {
        f: cast(models.ManyToManyField, Article._meta.get_field(f)).remote_field.through
        for f in TAG_FIELDS.values()
    }


def _kind_of(through: type[models.Model]) -> str:
    field = next(f for f, m in _through_models().items() if m is through)
    return next(kind for kind, f in TAG_FIELDS.items() if f == field)


# Pictures: an entity's coverage over time, countries' coverage lately. Counted off the
# index like the lists (only rows public and current at `now`), and kept in the cache
# while the count is exact: for the page-cache generation, and never past the moment one
# of the rows counted from becomes public or is replaced.

DAYS_PER_TIMELINE = 62  # a longer span is counted per month


@dataclass(frozen=True)
class Timeline:
    """Reports per period (`day` or `month`), oldest first, each named by its first day."""

    period: str
    points: list[tuple[datetime.date, int]]

    @property
    def total(self) -> int:
        """Return how many reports the timeline counts."""
        return sum(n for _start, n in self.points)


def coverage_timeline(
    kind: str, key: object, first: datetime.date, last: datetime.date
) -> Timeline:
    """Return an entity's published, current reports per day from `first` to `last`
    (both included), or per month when that is over two months."""
    period = "day" if (last - first).days < DAYS_PER_TIMELINE else "month"
    rows = Coverage.objects.filter(**{kind: key})
    points = kept_while_exact(
        f"timeline:{kind}:{key}:{first}:{last}",
        rows,
        lambda now: counts_per_period(rows, first, last, period, now),
    )
    return Timeline(period, points)


def counts_per_period(
    rows: models.QuerySet, first: datetime.date, last: datetime.date, period: str,
    now: datetime.datetime,
) -> list[tuple[datetime.date, int]]:  # fmt: skip
    """Count the rows public and current at `now` per day or month, zeros included.

    One range of the entity's index (kind, visible_from): its rows carry the times.
    """
    starts = period_starts(first, last, period)
    since, until = midnight(starts[0]), midnight(period_starts(last, last, period, after=1)[-1])
    counted = (
        rows.filter(visible_at(now), current_at(now))
        .filter(visible_from__gte=since, visible_from__lt=until)
        .annotate(start=Trunc("visible_from", period, output_field=models.DateField()))
        .order_by()
        .values("start")
        .annotate(n=models.Count("*"))
    )
    found = {row["start"]: row["n"] for row in counted}
    return [(start, found.get(start, 0)) for start in starts]


def recent_country_coverage(days: int = 30, limit: int = 10) -> list[tuple[str, str, int]]:
    """Return the countries with most published, current reports in the last `days`
    days, today included, as (name, address, reports), most first."""
    since = midnight(timezone.localdate() - datetime.timedelta(days=days - 1))

    def compute(now: datetime.datetime) -> list[tuple[str, str, int]]:
        shown = Country.objects.only("code", "name", "slug")
        countries: list[Any] = list(shown.most_covered_since(since, now=now, limit=limit))
        return [(c.name, c.get_absolute_url(), c.recent_count) for c in countries if c.recent_count]

    # Any report becoming public may change it: the reports' own indexes say when.
    name = f"countries-since:{since:%Y-%m-%d}:{limit}"
    return kept_while_exact(name, None, compute)


def kept_while_exact(
    name: str, rows: models.QuerySet | None, compute: Callable[[datetime.datetime], _Kept]
) -> _Kept:
    """Return `compute(now)`, kept for the page-cache generation (any change to a report
    or the registry starts a new one) until the next of `rows` (None: of all reports)
    becomes public or is replaced: until then, computing again would give the same answer."""
    now, seconds = timezone.now(), settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return compute(now)
    key = f"coverage-picture:{current_generation()}:{name}"
    kept = cache.get(key)
    if kept is None:
        kept = compute(now)
        change = next_public_change(now) if rows is None else next_visibility_change(rows, now)
        if change is not None:
            seconds = min(seconds, int((change - now).total_seconds()))
        if seconds >= 1:
            cache.set(key, kept, seconds)
    return kept


def kept_for_readers(name: str, compute: Callable[[], _Kept]) -> _Kept:
    """Return `compute()` for a public page, kept as `kept_while_exact` keeps it and per
    language and day (what a page shows may say "upcoming" or "current", which turn at
    midnight)."""
    name = f"{name}:{translation.get_language()}:{timezone.localdate()}"
    return kept_while_exact(name, None, lambda now: compute())


def next_public_change(now: datetime.datetime) -> datetime.datetime | None:
    """Return when the next report becomes public or is replaced, if any will.

    Remembered for the page-cache generation while it is still ahead: only a change to a
    report, which starts a new generation, can bring it nearer.
    """
    key = f"next-public-change:{current_generation()}"
    kept = cache.get(key)
    if kept is False or (kept is not None and kept > now):
        return kept or None
    moment = next_visibility_change(Article.objects.all(), now)
    cache.set(key, moment or False, settings.FRAGMENT_CACHE_SECONDS)
    return moment


def next_visibility_change(
    rows: models.QuerySet, now: datetime.datetime
) -> datetime.datetime | None:
    """Return when the next of these rows (reports or index rows) becomes public or is
    replaced, if any will: one query, each time the first of an index range."""

    def first_after(field: str) -> Subquery:
        return Subquery(rows.filter(**{f"{field}__gt": now}).order_by(field).values(field)[:1])

    found = (
        rows.order_by()
        .annotate(shown=first_after("visible_from"), replaced=first_after("superseded_at"))
        .values_list("shown", "replaced")[:1]
    )
    return min((moment for pair in found for moment in pair if moment), default=None)


def period_starts(
    first: datetime.date, last: datetime.date, period: str, *, after: int = 0
) -> list[datetime.date]:
    """Return the first day of each day or month from `first` to `last`, and of the
    `after` periods that follow."""
    if period == "day":
        days = (last - first).days + 1 + after
        return [first + datetime.timedelta(days=n) for n in range(days)]
    first = first.replace(day=1)
    months = (last.year - first.year) * 12 + last.month - first.month + 1 + after
    return [add_months(first, n) for n in range(months)]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return the first day of the month `months` after (or before) `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def midnight(day: datetime.date) -> datetime.datetime:
    """Return the moment a day starts in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

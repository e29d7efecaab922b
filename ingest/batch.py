"""Import many wire reports at once: the path of feeds, folders and queued imports.

A batch is one transaction. Its new items are saved together in a fixed number of
statements (drafts, tags, index rows, first revisions, item keys); the rest — re-sent
items, an item repeated in the batch, a re-file of a report earlier in the batch, and
everything when another import raced this one — go through `import_prepared` one by
one after it, so each report ends exactly as `import_report` would leave it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db import IntegrityError, transaction
from django.db.models import Q

from articles.coverage import tag_new_reports
from articles.models import Article
from ingest.dedupe import find_near_duplicates
from ingest.importer import (
    CREATED,
    ImportOutcome,
    Prepared,
    created_messages,
    import_prepared,
    mark_new,
    new_draft,
    note_near_duplicate,
    prepare,
    wanted_keys,
)
from ingest.models import WireItem
from ingest.registry import Snapshot, get_registry
from ingest.types import ParsedReport, WireError
from newsroom.models import unique_slugs
from newsroom.page_cache import bump_generation
from organizations.models import Organization

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


@dataclass(eq=False)
class Imported:
    """One report's result: its outcome, or why it could not be imported."""

    report: ParsedReport
    outcome: ImportOutcome | None = None
    error: str = ""


def import_reports(
    reports: Iterable[ParsedReport],
    *,
    by=None,
    accepted: dict[str, list] | None = None,
    source: str = "",
    origin: str = "",
    agency: Organization | None = None,
    registry: Snapshot | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Imported]:
    """Import reports in order, a batch per transaction; yield each one's result.

    The arguments mean what they mean for `import_report`. A report that cannot be
    imported gives its reason and the others go on.
    """
    registry = registry or get_registry()
    reports = iter(reports)
    while batch := list(islice(reports, batch_size)):
        yield from _import_batch(
            batch, registry, by=by, accepted=accepted, source=source, origin=origin, agency=agency
        )


def _import_batch(
    reports: list[ParsedReport], registry: Snapshot, *, by, accepted, source, origin, agency
) -> list[Imported]:
    results = [Imported(report) for report in reports]
    ready: list[tuple[Imported, Prepared]] = []
    for result in results:
        try:
            ready.append(
                (result, prepare(result.report, registry=registry, origin=origin, agency=agency))
            )
        except Exception as error:
            result.error = _reason(error, result.report)
    try:
        with transaction.atomic():
            created, later = _create_new(ready, by=by, accepted=accepted)
    except IntegrityError:  # another import saved one of these items meanwhile
        created, later = {}, ready
    for result, outcome in created.items():
        result.outcome = outcome
    for result, item in later:
        try:
            with transaction.atomic():
                result.outcome = import_prepared(item, by=by, accepted=accepted, source=source)
        except Exception as error:
            result.error = _reason(error, result.report)
    return results


def _reason(error: Exception, report: ParsedReport) -> str:
    if isinstance(error, WireError):
        return str(error)
    logger.exception("Importing “%s” failed", report.headline[:80] or "a report")
    return f"could not be saved ({type(error).__name__}: {error})"


def _create_new(
    ready: list[tuple[Imported, Prepared]], *, by, accepted
) -> tuple[dict[Imported, ImportOutcome], list[tuple[Imported, Prepared]]]:
    """Save the batch's new items in bulk; return their outcomes and the items left over."""
    new, later = _new_items(ready)
    drafts = [new_draft(item.report, item.agency, by=by) for _, item in new]
    matches = find_near_duplicates([(draft.headline, draft.body) for draft in drafts])
    saving, notes = [], {}
    for (result, item), draft, match in zip(new, drafts, matches, strict=True):
        if match.earlier is not None:  # compared with that report once it is saved
            later.append((result, item))
            continue
        notes[result] = note_near_duplicate(draft, match.fingerprint, match.near)
        saving.append((result, item, draft))
    if not saving:
        return {}, later
    drafts = [draft for _, _, draft in saving]
    slugs = unique_slugs(Article, [draft.headline for draft in drafts], max_length=100)
    for draft, slug in zip(drafts, slugs, strict=True):
        mark_new(draft, slug)
    Article.objects.bulk_create(drafts)
    tagged = tag_new_reports([(d, wanted_keys(i.tags, accepted)) for _, i, d in saving])
    Article._revisions.record_new(drafts, tagged)
    WireItem.objects.bulk_create(
        WireItem(source_key=key, item_id=item.item_id, article=draft)
        for _, item, draft in saving
        if item.item_id
        for key in item.keys
    )
    bump_generation()  # as the save signal would: lists of drafts in the admin change
    outcomes = {
        result: ImportOutcome(
            CREATED,
            draft,
            item.tags,
            notes[result] + created_messages(item.report, item.agency),
        )
        for result, item, draft in saving
    }
    order = {id(result): n for n, (result, _) in enumerate(ready)}
    later.sort(key=lambda pair: order[id(pair[0])])
    return outcomes, later


def _new_items(
    ready: list[tuple[Imported, Prepared]],
) -> tuple[list[tuple[Imported, Prepared]], list[tuple[Imported, Prepared]]]:
    """Split items into those never seen and those a report already has (or the batch
    repeats), in one query per kind of key."""
    ids = {item.item_id for _, item in ready if item.item_id}
    taken: set[tuple] = set()
    if ids:
        recorded = WireItem.objects.filter(item_id__in=ids)
        taken |= {("key", *row) for row in recorded.values_list("source_key", "item_id")}
        agencies = {item.agency.pk for _, item in ready if item.agency and item.item_id}
        filed = Article.objects.filter(
            Q(agency_id__in=agencies) & Q(agency_item_id__in=ids)
        ).values_list("agency_id", "agency_item_id")
        taken |= {("agency", *row) for row in filed}
    new, later = [], []
    for result, item in ready:
        claims = {("key", key, item.item_id) for key in item.keys} if item.item_id else set()
        if item.item_id and item.agency is not None:
            claims.add(("agency", item.agency.pk, item.item_id))
        (later if claims & taken else new).append((result, item))
        taken |= claims
    return new, later

"""Import many wire reports at once: the path of feeds, folders and queued imports.

Reports are read 200 at a time. Runs of new items are saved together, each run in one
transaction and a fixed number of statements (drafts, tags, index rows, first
revisions, item keys). The rest go through `import_prepared` one by one, in their
place in the order: re-sent items, an item repeated in the batch, a report that
re-files one earlier in its run (once that one is saved), and every item of a run
whose save failed (another import raced it, say). So each report ends exactly as
importing the reports one by one would leave it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db import transaction
from django.db.models import Q

from articles.coverage import tag_new_reports
from articles.models import Article
from ingest.dedupe import FeatureMemo, find_near_duplicates
from ingest.importer import (
    CREATED,
    ImportOutcome,
    Prepared,
    created_messages,
    decided_one_by_one,
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
from newsroom.sql import insert_new, reserve_keys
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
    memo: FeatureMemo | None = None,
    may_change: bool = True,
) -> Iterator[Imported]:
    """Import reports in order, a batch per transaction; yield each one's result.

    The arguments mean what they mean for `import_report`. A report that cannot be
    imported gives its reason and the others go on. `memo` keeps the shingles of the
    reports compared for near-duplicates; by default, for this import only (a process
    that imports again and again passes `ingest.dedupe.shared_memo`).
    """
    reports, memo = iter(reports), memo if memo is not None else FeatureMemo()
    while batch := list(islice(reports, batch_size)):
        yield from _import_batch(
            batch,
            registry or get_registry(),  # a long poll sees registry edits between batches
            memo,
            by=by,
            accepted=accepted,
            source=source,
            origin=origin,
            agency=agency,
            may_change=may_change,
        )


def label_reports(
    name: str, reports: list[ParsedReport], labels: dict[int, str]
) -> Iterator[ParsedReport]:
    """Yield a file's reports, noting in `labels` how failure lines name each one: the
    file, and the item's number when it holds several (see `Imported.report`)."""
    for index, report in enumerate(reports, start=1):
        labels[id(report)] = name if len(reports) == 1 else f"{name} (item {index})"
        yield report


def _import_batch(
    reports: list[ParsedReport],
    registry: Snapshot,
    memo: FeatureMemo,
    *,
    by,
    accepted,
    source,
    origin,
    agency,
    may_change: bool = True,
) -> list[Imported]:
    """Import one batch in order: runs of new items in bulk, the rest one by one between.

    A run is saved in bulk up to its first report that repeats the wording of an earlier
    one in the run; that report goes one by one once they are saved, so it is compared
    with them exactly as one by one (and slugs are handed out in the same order).
    """
    results = [Imported(report) for report in reports]
    ready: list[tuple[Imported, Prepared]] = []
    for result in results:
        try:
            ready.append(
                (result, prepare(result.report, registry=registry, origin=origin, agency=agency))
            )
        except Exception as error:
            result.error = _reason(error, result.report)
    known = _known(ready)
    one_by_one = {"by": by, "accepted": accepted, "source": source, "may_change": may_change}
    position = 0
    while position < len(ready):
        end = position
        while end < len(ready) and id(ready[end][0]) not in known:
            end += 1
        position += _save_new_run(ready[position:end], memo, **one_by_one)
        if position < len(ready):  # a re-send, a repeat, or a re-file of the run
            _import_one(*ready[position], **one_by_one)
            position += 1
    return results


def _import_one(result: Imported, item: Prepared, **options) -> None:
    try:
        with transaction.atomic():
            result.outcome = import_prepared(item, **options)
    except Exception as error:
        result.error = _reason(error, result.report)


def _reason(error: Exception, report: ParsedReport) -> str:
    if isinstance(error, WireError):
        return str(error)
    logger.exception("Importing “%s” failed", report.headline[:80] or "a report")
    return f"could not be saved ({type(error).__name__}: {error})"


def _save_new_run(
    run: list[tuple[Imported, Prepared]], memo: FeatureMemo, *, by, accepted, source, may_change
) -> int:
    """Save new items in bulk up to the first that re-files an earlier one of the run;
    return how many were handled (saved, or failed over to one by one)."""
    if not run:
        return 0
    drafts = [new_draft(item.report, item.agency, by=by) for _, item in run]
    matches = find_near_duplicates([(d.headline, d.body) for d in drafts], memo=memo)
    # Up to the first that repeats an earlier one of the run, or that the one-by-one rules
    # decide (a kill notice; a saved report's very copy again, without an item id).
    cut = next(
        (
            n
            for n, ((_, item), match) in enumerate(zip(run, matches, strict=True))
            if match.earlier is not None or decided_one_by_one(item.report, match.near)
        ),
        len(run),
    )
    if cut == 0:
        return 0
    try:
        with transaction.atomic():
            _create(run[:cut], drafts[:cut], matches[:cut], accepted=accepted)
    except Exception:  # a race on an item key, or anything else: each report by itself
        logger.warning(
            "Saving %d reports together failed; saving them one by one", cut, exc_info=True
        )
        for result, item in run[:cut]:
            result.outcome = None
            _import_one(result, item, by=by, accepted=accepted, source="", may_change=may_change)
    return cut


def _create(run, drafts: list[Article], matches, *, accepted) -> None:
    """Insert new drafts with their tags, index rows, first revisions and item keys."""
    notes = [
        note_near_duplicate(d, m.fingerprint, m.near) for d, m in zip(drafts, matches, strict=True)
    ]
    slugs = unique_slugs(Article, [draft.headline for draft in drafts], max_length=100)
    for draft, slug in zip(drafts, slugs, strict=True):
        mark_new(draft, slug)
    wanted = [(d, wanted_keys(i.tags, accepted)) for (_, i), d in zip(run, drafts, strict=True)]
    if keys := reserve_keys(Article, len(drafts)):
        # Tags first: each draft's search vector is then built once, as it is inserted,
        # not again for every tag statement after it
        for draft, key in zip(drafts, keys, strict=True):
            draft.pk = key
        tagged = tag_new_reports(wanted, insert=lambda: insert_new(drafts))
    else:
        insert_new(drafts)
        tagged = tag_new_reports(wanted)
    Article._revisions.record_new(drafts, tagged)
    WireItem.objects.bulk_create(
        WireItem(source_key=key, item_id=item.item_id, article=draft)
        for (_, item), draft in zip(run, drafts, strict=True)
        if item.item_id
        for key in item.keys
    )
    bump_generation()  # as the save signal would: lists of drafts in the admin change
    for (result, item), draft, note in zip(run, drafts, notes, strict=True):
        messages = note + created_messages(item.report, item.agency)
        result.outcome = ImportOutcome(CREATED, draft, item.tags, messages)


def _known(ready: list[tuple[Imported, Prepared]]) -> set[int]:
    """Return (ids of the results of) the items a report already has or the batch repeats,
    in one query per kind of key."""
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
    known = set()
    claims: set[tuple]  # (kind, key, item id)
    for result, item in ready:
        claims = {("key", key, item.item_id) for key in item.keys} if item.item_id else set()
        if item.item_id and item.agency is not None:
            claims.add(("agency", item.agency.pk, item.item_id))
        if claims & taken:
            known.add(id(result))
        taken |= claims
    return known

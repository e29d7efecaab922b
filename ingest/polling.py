"""Poll registered wire sources: fetch or read, parse, import, and record how it went."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import timezone

from ingest.batch import import_reports, label_reports
from ingest.dedupe import shared_memo
from ingest.importer import CREATED, HELD, UPDATED
from ingest.models import WireSource
from ingest.reading import read_reports
from ingest.sources import Source, folder_sources
from ingest.types import ParsedReport, WireError

logger = logging.getLogger(__name__)


@dataclass
class PollResult:
    """What one run of a source saw and did."""

    seen: int = 0
    created: int = 0
    updated: int = 0
    held: int = 0
    failed: int = 0
    error: str = ""  # the source itself could not be read
    item_errors: list[str] = field(default_factory=list)

    def count(self, action: str) -> None:
        """Count one imported item by what became of it."""
        self.seen += 1
        if action in (CREATED, UPDATED, HELD):
            field_name = {CREATED: "created", UPDATED: "updated", HELD: "held"}[action]
            setattr(self, field_name, getattr(self, field_name) + 1)

    def fail(self, label: str, reason: str) -> None:
        """Count one item that could not be imported, and say why."""
        self.seen += 1
        self.failed += 1
        self.item_errors.append(f"{label}: {reason}")

    def item_errors_summary(self) -> str:
        """Return the items' errors in a few lines ('' when every item went in)."""
        if not self.item_errors:
            return ""
        more = len(self.item_errors) - 5
        lines = self.item_errors[:5] + ([f"… and {more} more."] if more > 0 else [])
        return f"{self.failed} item(s) failed:\n" + "\n".join(lines)

    def __str__(self) -> str:
        counts = (
            f"{self.seen} seen, {self.created} created, {self.updated} updated, "
            f"{self.held} held, {self.failed} failed"
        )
        return f"{counts}; error: {self.error}" if self.error else counts


def poll_source(source: WireSource) -> PollResult:
    """Poll one source the caller has claimed; record the run and release the claim."""
    started = timezone.now()
    result = PollResult()
    try:
        labels: dict[int, str] = {}
        imported = import_reports(  # every new file of a folder in one stream: batches
            _labelled(_read(source), labels),
            source=source.address,
            origin=source.address,
            agency=source.agency,
            memo=shared_memo,  # the next poll compares with what this one read
        )
        for item in imported:
            if item.error:
                result.fail(labels[id(item.report)], item.error)
            else:
                assert item.outcome is not None  # set unless there is an error
                result.count(item.outcome.action)
    except WireError as error:
        result.error = str(error)
    except Exception as error:  # record it on the source, where editors look, and go on
        logger.exception("Polling wire source %s failed", source.pk)
        result.error = f"Unexpected error ({type(error).__name__}: {error})."
    source.record_run(result, started=started)
    return result


def _read(source: WireSource) -> Iterator[tuple[str, list[ParsedReport]]]:
    """Yield (label, reports) per feed or per new file of the source's folder."""
    try:
        folder = source.check_address()
    except ValueError as error:
        raise WireError(str(error)) from None
    if folder is None:
        yield source.address, read_reports(Source(source.address, url=source.address).read())
        return
    if not folder.is_dir():
        raise WireError(f"The folder {folder} does not exist.")
    for file in folder_sources(folder, modified_after=_files_after(source)):
        try:
            yield file.name, read_reports(file.read(), filename=file.name)
        except WireError as error:
            yield file.name, [ParsedReport(error=str(error))]


def _files_after(source: WireSource) -> float | None:
    """Return when the folder was last read in full: files changed since then are new."""
    return source.last_success_at.timestamp() if source.last_success_at else None


def _labelled(
    read: Iterator[tuple[str, list[ParsedReport]]], labels: dict[int, str]
) -> Iterator[ParsedReport]:
    """Yield every report read, noting its label."""
    for name, reports in read:
        yield from label_reports(name, reports, labels)


def poll_due(*, now: datetime.datetime | None = None) -> Iterator[tuple[WireSource, PollResult]]:
    """Claim and poll every due source in turn, skipping any another worker has claimed."""
    now = now or timezone.now()
    for pk in list(
        WireSource.objects.due(now).order_by("next_run_at").values_list("pk", flat=True)
    ):
        source = WireSource.objects.due(now).claim(pk, now=now)
        if source is not None:
            yield source, poll_source(source)

"""Poll the registered wire sources that are due, once, without a worker."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ingest.models import WireSource
from ingest.polling import PollResult, poll_due, poll_source


class Command(BaseCommand):
    help = (
        "Poll the wire sources that are due (enabled, interval passed) once, as a worker's "
        "schedule would. Sources another worker is polling are skipped. Exits 1 if a source "
        "could not be read or an item failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="Poll every enabled source, due or not."
        )
        parser.add_argument(
            "--source",
            type=int,
            action="append",
            default=[],
            metavar="ID",
            help="Poll this source now, due or not (repeatable).",
        )

    def handle(self, *args, all: bool, source: list[int], **options) -> None:
        if source:
            missing = set(source) - set(
                WireSource.objects.filter(pk__in=source).values_list("pk", flat=True)
            )
            if missing:
                raise CommandError(f"No wire source with id {', '.join(map(str, missing))}.")
        results = list(self._poll(all, source))
        if not results:
            self.stdout.write("Nothing was polled." if all or source else "No source is due.")
        for polled, result in results:
            style = self.style.ERROR if result.error or result.failed else self.style.SUCCESS
            self.stdout.write(style(f"{polled} ({polled.address}): {result}"))
            for line in result.item_errors:
                self.stdout.write(f"  failed: {line}")
        if any(result.error or result.failed for _, result in results):
            sys.exit(1)

    def _poll(self, every: bool, chosen: list[int]) -> Iterator[tuple[WireSource, PollResult]]:
        if not every and not chosen:
            yield from poll_due()
            return
        enabled = WireSource.objects.filter(enabled=True).values_list("pk", flat=True)
        for pk in chosen or list(enabled):
            claimed = WireSource.objects.claim(pk)  # due or not, but never one a worker holds
            if claimed is None:
                self.stdout.write(f"Source {pk} is being polled by a worker; skipped.")
                continue
            yield claimed, poll_source(claimed)

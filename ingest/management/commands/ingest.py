"""Import wire reports from files, folders and feed URLs."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from ingest.batch import import_reports, label_reports
from ingest.reading import FORMATS, read_reports
from ingest.sources import expand
from ingest.types import ParsedReport, WireError

ACTIONS = ("created", "updated", "duplicate", "held for review")


class Command(BaseCommand):
    help = (
        "Import wire reports (text, NewsML-G2, ninjs, RSS/Atom) from files, folders "
        "(recursively) and feed URLs as tagged drafts. Exits non-zero if anything failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--format", choices=FORMATS, default="", help="Skip format detection.")
        parser.add_argument("--user", default="", help="Record imports as made by this username.")

    def handle(self, *args, targets: list[str], format: str, user: str, verbosity: int, **options):
        by = self._user(user)
        counts: Counter[str] = Counter()
        failures: list[tuple[str, str]] = []
        sources = list(expand(targets))
        progress = tqdm(total=len(sources), unit="file", disable=verbosity == 0, file=self.stderr)
        # The files of one folder or feed are imported as one stream of reports, so a
        # folder of one-report files is saved in batches too (ingest/batch.py).
        for origin, group in groupby(sources, key=lambda s: getattr(s, "origin", "")):
            labels: dict[int, str] = {}
            reports = self._read(group, format, labels, failures, progress)
            for item in import_reports(reports, by=by, origin=origin):
                if item.error:
                    failures.append((labels[id(item.report)], item.error))
                else:
                    assert item.outcome is not None  # set unless there is an error
                    counts[item.outcome.action] += 1
        progress.close()
        self._summarize(counts, failures)
        if failures:
            sys.exit(1)

    def _read(
        self, sources, format: str, labels: dict[int, str], failures: list, progress
    ) -> Iterator[ParsedReport]:
        """Yield the reports of each source in turn, noting each one's label."""
        for source in sources:
            progress.update()
            if isinstance(source, tuple):  # a target that could not be expanded
                failures.append(source)
                continue
            try:
                reports = read_reports(source.read(), filename=source.name, format=format)
            except WireError as error:
                failures.append((source.name, str(error)))
                continue
            yield from label_reports(source.name, reports, labels)

    def _user(self, username: str):
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None

    def _summarize(self, counts: Counter, failures: list[tuple[str, str]]) -> None:
        parts = [f"{counts[action]} {action}" for action in ACTIONS]
        parts.append(f"{len(failures)} failed")
        style = self.style.ERROR if failures else self.style.SUCCESS
        self.stdout.write(style(", ".join(parts).capitalize() + "."))
        for name, reason in failures:
            self.stdout.write(f"  failed: {name}: {reason}")

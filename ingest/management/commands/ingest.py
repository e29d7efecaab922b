"""Import wire reports from files, folders and feed URLs."""

from __future__ import annotations

import sys
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from ingest.batch import import_reports
from ingest.reading import FORMATS, read_reports
from ingest.sources import Source, expand
from ingest.types import WireError

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
        for source in tqdm(sources, unit="file", disable=verbosity == 0, file=self.stderr):
            if isinstance(source, tuple):
                failures.append(source)
                continue
            self._import_source(source, format, by, counts, failures)
        self._summarize(counts, failures)
        if failures:
            sys.exit(1)

    def _user(self, username: str):
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {username!r}.") from None

    def _import_source(
        self, source: Source, format: str, by, counts: Counter, failures: list
    ) -> None:
        try:
            reports = read_reports(source.read(), filename=source.name, format=format)
        except WireError as error:
            failures.append((source.name, str(error)))
            return
        imported = import_reports(reports, by=by, source=source.name, origin=source.origin)
        for index, item in enumerate(imported, start=1):
            if item.error:
                label = source.name if len(reports) == 1 else f"{source.name} (item {index})"
                failures.append((label, item.error))
            else:
                counts[item.outcome.action] += 1

    def _summarize(self, counts: Counter, failures: list[tuple[str, str]]) -> None:
        parts = [f"{counts[action]} {action}" for action in ACTIONS]
        parts.append(f"{len(failures)} failed")
        style = self.style.ERROR if failures else self.style.SUCCESS
        self.stdout.write(style(", ".join(parts).capitalize() + "."))
        for name, reason in failures:
            self.stdout.write(f"  failed: {name}: {reason}")

"""Print, as JSON, what the parser and tagger make of one input; writes nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ingest.importer import tag_report
from ingest.reading import FORMATS, read_reports
from ingest.sources import read_file
from ingest.types import ParsedReport, WireError


def describe(report: ParsedReport) -> dict:
    """Return the JSON description of a parsed and tagged report."""
    tags = tag_report(report)
    dateline = report.dateline
    return {
        "headline": report.headline,
        "dateline": {
            "raw": dateline.raw or None,
            "city": dateline.city or None,
            "country": dateline.country or None,
            "date": dateline.date.isoformat() if dateline.date else None,
        },
        "agency": report.agency or None,
        "agency_item_id": report.agency_item_id or None,
        "language": report.language or None,
        "format": report.format,
        "tags": {
            "countries": [s.key for s in tags.countries],
            "organizations": [s.name for s in tags.organizations],
            "people": [s.name for s in tags.people],
            "events": [s.name for s in tags.events],
        },
        "candidates": [c.text for c in tags.candidates],
        "warnings": report.warnings,
    }


class Command(BaseCommand):
    help = "Show what the wire parser and tagger make of FILE (or - for stdin), as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--format", choices=FORMATS, default="")

    def handle(self, *args, file: str, format: str, **options) -> None:
        try:
            data = sys.stdin.buffer.read() if file == "-" else read_file(Path(file))
            reports = read_reports(data, filename="" if file == "-" else file, format=format)
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except WireError as error:
            raise CommandError(str(error)) from None
        described = [describe(report) for report in reports]
        output = described[0] if len(described) == 1 else described
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))

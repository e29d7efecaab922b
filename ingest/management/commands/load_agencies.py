"""Add the registry of well-known news agencies."""

from django.core.management.base import BaseCommand

from ingest.agencies import AGENCIES, load_agencies


class Command(BaseCommand):
    help = f"Add the {len(AGENCIES)} best-known news agencies to the registry (idempotent)."

    def handle(self, *args, **options) -> None:
        created, updated = load_agencies()
        self.stdout.write(
            self.style.SUCCESS(f"News agencies: {created} added, {updated} given new aliases.")
        )

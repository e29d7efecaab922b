"""Load the shipped registry: news agencies, international bodies and people."""

from django.core.management.base import BaseCommand, CommandParser

from organizations.models import RegistrySeed
from organizations.registry_data import AGENCIES, BODIES, PEOPLE, load_registry


class Command(BaseCommand):
    help = (
        f"Add the {len(AGENCIES)} news agencies, {len(BODIES)} international bodies and "
        f"{len(PEOPLE)} people of organizations/data/ that are missing. Safe to run again: "
        "editors' changes and deletions are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--restore",
            nargs="+",
            default=[],
            metavar="KEY",
            help="Add these deleted entries again, e.g. person:ilham-aliyev agency:trend.",
        )

    def handle(self, *args, restore: list[str], **options) -> None:
        deleted = RegistrySeed.objects.filter(organization=None, person=None)
        deleted.filter(key__in=restore).delete()
        result = load_registry()
        self.stdout.write(self.style.SUCCESS(result.summary()))

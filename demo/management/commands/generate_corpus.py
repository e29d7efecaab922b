"""Build a synthetic archive of N reports (and the registry they need) for benchmarks."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article
from demo.corpus import Plan, generate


class Command(BaseCommand):
    help = "Generate a realistic synthetic archive of reports on the configured database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, required=True, help="How many reports.")
        parser.add_argument("--organizations", type=int, default=20_000)
        parser.add_argument("--people", type=int, default=50_000)
        parser.add_argument(
            "--series", type=int, default=300, help="Event series (10+ editions each)."
        )
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--append", action="store_true", help="Add to reports already there (else refuse)."
        )

    def handle(self, *args, **options) -> None:
        if options["articles"] < 1:
            raise CommandError("--articles must be at least 1.")
        if Article.objects.exists() and not options["append"]:
            raise CommandError("There are reports already: use an empty database, or --append.")
        plan = Plan(
            articles=options["articles"],
            organizations=options["organizations"],
            people=options["people"],
            series=options["series"],
            seed=options["seed"],
        )
        quiet = options["verbosity"] == 0

        def bar(total: int):
            return tqdm(total=total, unit=" reports", unit_scale=True, disable=quiet)

        started = time.monotonic()

        def elapsed() -> str:
            minutes, seconds = divmod(round(time.monotonic() - started), 60)
            return f"{minutes}:{seconds:02d}"

        def say(step: str) -> None:
            if not quiet:
                self.stdout.write(f"· {elapsed()} {step}")

        written = generate(plan, progress=say, bar=bar)
        self.stdout.write(self.style.SUCCESS(f"Generated {written:,} reports in {elapsed()}."))

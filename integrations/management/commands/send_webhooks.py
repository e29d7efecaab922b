"""Push reports to webhooks once, in this process: for cron, or where no queue runs."""

from django.core.management.base import BaseCommand, CommandParser

from integrations import delivery, push


class Command(BaseCommand):
    help = (
        "Create deliveries for reports that became public, changed or were withdrawn since "
        "the last scan, then send every delivery that is due (retries included)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-scan", action="store_true", help="Only send deliveries already waiting."
        )

    def handle(self, *args, no_scan: bool, **options) -> None:
        if not no_scan:
            self.stdout.write(f"{push.scan()} new deliveries.")
        outcomes = delivery.send_due()
        summary = ", ".join(f"{n} {status}" for status, n in sorted(outcomes.items()))
        self.stdout.write(f"Sent: {summary or 'nothing was due'}.")

"""Load the demo newsroom content (see demo.loading)."""

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from demo.loading import DemoResult, load_demo
from events.models import Event
from organizations.models import Organization, Person
from places.models import City


class Command(BaseCommand):
    help = "Load the demo reports, events, organizations and people. Safe to run again."

    def handle(self, *args, **options) -> None:
        try:
            result = load_demo()
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(self.summary(result)))

    def summary(self, result: DemoResult) -> str:
        """Describe the run and what the database now holds, in one line."""
        return (
            f"Demo content: created {result.total_created} records, "
            f"{result.total_present} already present. Now: "
            f"{Article.objects.count()} reports ({Article.objects.published().count()} public), "
            f"{Event.objects.count()} events ({Event.objects.upcoming().count()} upcoming), "
            f"{Organization.objects.count()} organizations "
            f"({Organization.objects.agencies().count()} agencies), "
            f"{Person.objects.count()} people, {City.objects.count()} cities."
        )

"""Create the documented demo superuser for local development."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "newsroom-demo"


class Command(BaseCommand):
    help = f"Create the demo superuser '{USERNAME}' (password '{PASSWORD}'). Refused when DEBUG=0."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a demo superuser with a known password when DEBUG=0."
            )
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Demo superuser '{USERNAME}' already exists.")
            return
        User.objects.create_superuser(USERNAME, "admin@example.com", PASSWORD)
        self.stdout.write(self.style.SUCCESS(f"Created superuser '{USERNAME}' / '{PASSWORD}'."))

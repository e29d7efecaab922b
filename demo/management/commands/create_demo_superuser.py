"""Create the documented demo superuser for local development."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "newsroom-demo"
ROLE_ACCOUNTS = {"reporter": "Reporters", "editor": "Editors", "registrar": "Registry editors"}


class Command(BaseCommand):
    help = (
        f"Create the demo superuser '{USERNAME}' and one account per role (reporter, editor, "
        f"registrar), all with password '{PASSWORD}'. Refused when DEBUG=0."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a demo superuser with a known password when DEBUG=0."
            )
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            User.objects.create_superuser(USERNAME, "admin@example.com", PASSWORD)
        for username, group in ROLE_ACCOUNTS.items():
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": True}
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=group))
        accounts = ", ".join([USERNAME, *ROLE_ACCOUNTS])
        self.stdout.write(self.style.SUCCESS(f"Demo accounts {accounts} (password '{PASSWORD}')."))

"""Give an integrator account a new API token and print its key, once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from integrations.models import ApiToken, issue_token


class Command(BaseCommand):
    help = (
        "Create an API token for a user (replacing the one they had) and print its key. "
        "The key is not stored: copy it now."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="A note: who uses it, for what.")

    def handle(self, *args, username: str, name: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        if not user.is_active:
            raise CommandError(f"The account {username!r} is inactive: its token would not work.")
        replaced = ApiToken.objects.filter(user=user).exists()
        token, key = issue_token(user, name=name)
        if replaced:
            self.stderr.write(f"The earlier token of {username} was replaced and no longer works.")
        self.stderr.write(f"Token {token.key_prefix}… for {username}; the key (shown once):")
        self.stdout.write(key)

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_demo_accounts_cover_every_role(settings, django_user_model):
    settings.DEBUG = True
    call_command("create_demo_superuser", verbosity=0)
    call_command("create_demo_superuser", verbosity=0)  # idempotent
    groups = {u.username: [g.name for g in u.groups.all()] for u in django_user_model.objects.all()}
    assert groups == {
        "admin": [],
        "reporter": ["Reporters"],
        "editor": ["Editors"],
        "registrar": ["Registry editors"],
    }


def test_demo_accounts_are_refused_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("create_demo_superuser")

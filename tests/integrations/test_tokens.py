"""API tokens: only a hash is kept, Bearer/Token sign-in, revocation, last use, admin, command."""

import datetime
import hashlib
import re
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from integrations.authentication import TokenAuthentication
from integrations.models import ApiToken, issue_token
from tests.factories import utc

pytestmark = pytest.mark.django_db


class WhoAmI(APIView):
    """Answers with who the request is signed in as (the default authentication classes)."""

    permission_classes = [IsAuthenticated]
    throttle_classes: list = []

    def get(self, request):
        return Response({"user": request.user.username, "token": request.auth.key_prefix})


def call(header: str | None):
    request = APIRequestFactory().get(
        "/whoami", **({"HTTP_AUTHORIZATION": header} if header else {})
    )
    return WhoAmI.as_view()(request)


def test_the_key_is_never_stored_only_its_hash(integrator):
    token, key = issue_token(integrator)
    assert len(key) >= 40
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert key not in {str(value) for value in row.values()}
    assert row["key_hash"] == hashlib.sha256(key.encode()).hexdigest()
    assert row["key_prefix"] == key[:8]


def test_a_new_token_replaces_the_old_one(integrator):
    _, old_key = issue_token(integrator)
    _, new_key = issue_token(integrator, name="second")
    assert ApiToken.objects.filter(user=integrator).count() == 1
    assert call(f"Bearer {old_key}").status_code == 401
    assert call(f"Bearer {new_key}").status_code == 200


def test_token_authentication_comes_before_sessions_in_the_settings():
    classes = settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"]
    assert classes.index("integrations.authentication.TokenAuthentication") < classes.index(
        "rest_framework.authentication.SessionAuthentication"
    )


@pytest.mark.parametrize("scheme", ["Bearer", "Token", "bearer"])
def test_a_valid_key_signs_in_as_its_user(integrator, scheme):
    token, key = issue_token(integrator)
    response = call(f"{scheme} {key}")
    assert response.status_code == 200
    assert response.data == {"user": "ines", "token": token.key_prefix}


def test_no_header_leaves_the_request_anonymous():
    assert TokenAuthentication().authenticate(APIRequestFactory().get("/")) is None
    response = call(None)
    assert response.status_code == 401  # IsAuthenticated: the class still names its scheme
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    ["Bearer not-a-real-key-at-all-000000000000000000", "Bearer", "Bearer two words", "Token x"],
)
def test_a_wrong_or_malformed_key_is_refused_with_401(integrator, header):
    issue_token(integrator)
    response = call(header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_refused_with_401_on_the_api(integrator, api_client):
    token, key = issue_token(integrator)
    ApiToken.objects.filter(pk=token.pk).revoke()
    response = api_client.get("/api/v1/articles/", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "revoked" in str(response.content)


def test_an_inactive_users_token_is_refused(integrator):
    _, key = issue_token(integrator)
    integrator.is_active = False
    integrator.save()
    assert call(f"Bearer {key}").status_code == 401


def test_a_token_signs_in_on_the_real_api_and_its_use_is_recorded(integrator, api_client):
    token, key = issue_token(integrator)
    response = api_client.get("/api/v1/articles/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(integrator):
    token, key = issue_token(integrator)
    with time_machine.travel(utc(2024, 5, 1, 12), tick=False):
        call(f"Bearer {key}")
        with CaptureQueriesContext(connection) as queries:
            call(f"Bearer {key}")
        assert not [q for q in queries if q["sql"].startswith("UPDATE")]
    with time_machine.travel(utc(2024, 5, 1, 12, 0, 30), tick=False):
        call(f"Bearer {key}")
    token.refresh_from_db()
    assert token.last_used_at == utc(2024, 5, 1, 12)
    with time_machine.travel(utc(2024, 5, 1, 12, 1, 1), tick=False):
        call(f"Bearer {key}")
    token.refresh_from_db()
    assert token.last_used_at == utc(2024, 5, 1, 12, 1, 1)


def test_the_last_use_update_only_writes_over_an_old_value(integrator):
    token, _ = issue_token(integrator)
    now = utc(2024, 5, 1, 12)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    stale_copy = ApiToken.objects.get(pk=token.pk)
    stale_copy.last_used_at = now - datetime.timedelta(hours=1)  # read before another write
    stale_copy.note_use(now + datetime.timedelta(seconds=10))
    token.refresh_from_db()
    assert token.last_used_at == now  # the WHERE on the old value kept the newer write


# The admin -------------------------------------------------------------------------


def test_the_admin_shows_the_new_key_once(admin_client, integrator):
    response = admin_client.post(
        reverse("admin:integrations_apitoken_add"),
        {"user": integrator.pk, "name": "Agency mirror"},
        follow=True,
    )
    assert response.status_code == 200
    token = ApiToken.objects.get(user=integrator)
    page = response.content.decode()
    key = re.search(rf"({re.escape(token.key_prefix)}[A-Za-z0-9_-]{{30,}})", page).group(1)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.created_by.is_superuser
    assert (
        key
        not in admin_client.get(reverse("admin:integrations_apitoken_changelist")).content.decode()
    )
    change = admin_client.get(reverse("admin:integrations_apitoken_change", args=[token.pk]))
    assert key not in change.content.decode()
    assert token.key_prefix in change.content.decode()
    assert call(f"Bearer {key}").status_code == 200


def test_making_a_token_in_the_admin_replaces_the_users_old_one(admin_client, integrator):
    _, old_key = issue_token(integrator)
    response = admin_client.post(
        reverse("admin:integrations_apitoken_add"), {"user": integrator.pk, "name": ""}
    )
    assert response.status_code == 302
    assert ApiToken.objects.filter(user=integrator).count() == 1
    assert call(f"Bearer {old_key}").status_code == 401


def test_the_admin_revokes_tokens_and_lists_them(admin_client, integrator):
    token, key = issue_token(integrator)
    url = reverse("admin:integrations_apitoken_changelist")
    admin_client.post(url, {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert call(f"Bearer {key}").status_code == 401
    listing = admin_client.get(url).content.decode()
    assert "ines" in listing and token.key_prefix in listing
    assert "Last used" in listing and "Revoked at" in listing


# The command ------------------------------------------------------------------------


def test_the_command_prints_a_working_key_once(integrator):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", "ines", "--name", "mirror", stdout=out, stderr=err)
    key = out.getvalue().strip()
    assert call(f"Bearer {key}").status_code == 200
    token = ApiToken.objects.get(user=integrator)
    assert token.name == "mirror" and key not in token.key_hash
    assert "shown once" in err.getvalue()


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        call_command("create_api_token", "nobody", stdout=StringIO(), stderr=StringIO())

"""Staff sign-in: failed attempts limited per account and per address; two-factor codes."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "pw-emil-2023"  # conftest's _member


@pytest.fixture
def password_checks(monkeypatch) -> list[str]:
    """Record every password hash check (the costly step an attacker makes us repeat)."""
    User = get_user_model()
    checked: list[str] = []
    original = User.check_password

    def spy(self, raw_password):
        checked.append(self.username)
        return original(self, raw_password)

    monkeypatch.setattr(User, "check_password", spy)
    return checked


def sign_in(username: str, password: str, *, address: str = "203.0.113.7", code: str = ""):
    client = Client(REMOTE_ADDR=address)
    data = {"username": username, "password": password, "otp_token": code}
    return client, client.post(LOGIN, data)


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def later(seconds: int = 60):
    """A minute on: past django-otp's pause after a wrong code, and a new code."""
    return time_machine.travel(
        datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=seconds)
    )


def test_a_right_password_signs_in(editor):
    client, response = sign_in("emil", PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_21st_wrong_password_is_refused_without_checking_the_hash(editor, password_checks):
    for _ in range(19):
        _, response = sign_in("emil", "wrong")
        assert response.status_code == 200  # the form again, with its error
    _, twentieth = sign_in("emil", "wrong")
    assert twentieth.status_code == 429  # checked, wrong, and the limit is reached
    assert password_checks == ["emil"] * 20
    _, response = sign_in("emil", "wrong")
    assert response.status_code == 429
    assert password_checks == ["emil"] * 20  # no 21st hash check
    assert "Too many failed sign-ins" in response.content.decode()
    assert response["Retry-After"] == "900"
    _, right = sign_in("emil", PASSWORD)  # even the right password waits
    assert right.status_code == 429


def test_the_limit_holds_per_account_from_many_addresses(editor):
    for n in range(20):
        sign_in("emil", "wrong", address=f"198.51.100.{n}")
    _, response = sign_in("emil", PASSWORD, address="192.0.2.200")
    assert response.status_code == 429


def test_the_limit_holds_per_address_across_accounts(editor, reporter):
    for n in range(20):
        sign_in(f"guess{n}", "wrong", address="203.0.113.9")
    _, response = sign_in("emil", PASSWORD, address="203.0.113.9")
    assert response.status_code == 429
    _, elsewhere = sign_in("rita", "pw-rita-2023", address="203.0.113.10")
    assert elsewhere.status_code == 302  # other addresses and accounts are unaffected


def test_sign_in_opens_again_after_the_pause(editor):
    for _ in range(20):
        sign_in("emil", "wrong")
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=16)):
        _, response = sign_in("emil", PASSWORD)
    assert response.status_code == 302


def test_behind_the_proxy_the_forwarded_address_counts_not_the_proxys(editor, reporter):
    for n in range(20):
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.4, 198.51.100.{n}")
        client.post(LOGIN, {"username": f"guess{n}", "password": "wrong"})
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 192.0.2.50")
    response = client.post(LOGIN, {"username": "rita", "password": "pw-rita-2023"})
    assert response.status_code == 302  # a client-sent first entry is not trusted


@pytest.fixture
def device(editor) -> TOTPDevice:
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def test_with_an_authenticator_the_code_is_asked_and_checked(device):
    _, missing = sign_in("emil", PASSWORD)
    assert missing.status_code == 200
    assert "Enter the code from your authenticator app" in missing.content.decode()
    _, wrong = sign_in("emil", PASSWORD, code="000000" if code_for(device) != "000000" else "1")
    assert "wrong or has expired" in wrong.content.decode()
    with later():
        client, right = sign_in("emil", PASSWORD, code=code_for(device))
    assert right.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_wrong_codes_count_as_failed_sign_ins(device, password_checks):
    for _ in range(20):
        sign_in("emil", PASSWORD, code="not-it")
    _, response = sign_in("emil", PASSWORD, code=code_for(device))
    assert response.status_code == 429


def test_with_require_2fa_an_editor_sets_up_an_authenticator_before_the_admin(
    settings, editor, reporter
):
    settings.REQUIRE_2FA = True
    client, _ = sign_in("emil", PASSWORD)
    page = client.get("/admin/")
    assert page.status_code == 302 and page["Location"] == "/admin/two-factor/"
    assert client.get("/admin/articles/article/")["Location"] == "/admin/two-factor/"
    setup = client.get("/admin/two-factor/")
    assert "Your role requires two-factor sign-in" in setup.content.decode()
    assert "<svg" in setup.content.decode()
    assert "no-store" in setup["Cache-Control"]
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = client.post("/admin/two-factor/", {"otp_token": "12"})
    assert "wrong or has expired" in wrong.content.decode()
    with later():
        done = client.post("/admin/two-factor/", {"otp_token": code_for(pending)})
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    reporter_client, _ = sign_in("rita", "pw-rita-2023")
    assert reporter_client.get("/admin/").status_code == 200  # optional for reporters


def test_two_factor_is_optional_without_require_2fa_and_can_be_turned_off(reporter):
    client, _ = sign_in("rita", "pw-rita-2023")
    assert client.get("/admin/").status_code == 200
    client.get("/admin/two-factor/")
    pending = TOTPDevice.objects.get(user=reporter)
    client.post("/admin/two-factor/", {"otp_token": code_for(pending)})
    device = TOTPDevice.objects.get(user=reporter)
    assert device.confirmed
    _, without_code = sign_in("rita", "pw-rita-2023", address="192.0.2.1")
    assert without_code.status_code == 200  # the code is asked from now on
    with later():
        off = client.post("/admin/two-factor/", {"otp_token": code_for(device)})
    assert off["Location"] == "/admin/"
    assert not TOTPDevice.objects.filter(user=reporter).exists()


def test_every_admin_page_links_to_two_factor_sign_in(client_for, reporter):
    page = client_for(reporter).get("/admin/").content.decode()
    assert 'href="/admin/two-factor/">Two-factor sign-in</a>' in page
    assert "Log out" in page

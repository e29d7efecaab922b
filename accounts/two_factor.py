"""Two-factor sign-in for staff: TOTP authenticator apps, through django-otp."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django_otp.plugins.otp_totp.models import TOTPDevice

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser, AnonymousUser

# Groups whose members must use two-factor sign-in when REQUIRE_2FA is on (superusers too).
REQUIRED_FOR_GROUPS = ("Editors",)


def is_required(user: AbstractUser | AnonymousUser) -> bool:
    """Return whether this user may use the admin only after two-factor sign-in."""
    if not settings.REQUIRE_2FA or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_FOR_GROUPS).exists()


def confirmed_device(user: AbstractBaseUser) -> TOTPDevice | None:
    """Return the user's authenticator, once set up and confirmed with a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: AbstractBaseUser) -> TOTPDevice:
    """Return the authenticator being set up (a new secret the first time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret(device: TOTPDevice) -> str:
    """Return the device's key as the base32 text authenticator apps accept by hand."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")

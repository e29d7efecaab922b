"""The admin sign-in form: password, then an authenticator code for those who set one up."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django_otp import match_token

from accounts.two_factor import confirmed_device

CODE = forms.CharField(
    label="Authenticator code",
    required=False,
    max_length=8,
    strip=True,
    widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    help_text="The 6 digits your authenticator app shows, if you set up two-factor sign-in.",
)


class StaffLoginForm(AdminAuthenticationForm):
    otp_token = CODE

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "code_missing": "Enter the code from your authenticator app as well.",
        "code_wrong": "That authenticator code is wrong or has expired.",
    }

    def clean(self):
        cleaned = super().clean()  # password first: only then is there a user to ask
        user = self.get_user()
        if user is None or confirmed_device(user) is None:
            return cleaned
        token = cleaned.get("otp_token", "")
        device = match_token(user, token) if token else None
        if device is None:
            # A wrong code counts as a failed sign-in, so codes cannot be guessed freely.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned.get("username", "")},
                request=self.request,
            )
            raise forms.ValidationError(
                self.error_messages["code_wrong" if token else "code_missing"],
                code="two_factor",
            )
        user.otp_device = device  # django-otp records it in the session at sign-in
        return cleaned

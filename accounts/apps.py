from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Staff sign-in"


class StaffAdminConfig(admin_apps.AdminConfig):
    """The admin, on a site that limits sign-in attempts and knows two-factor sign-in."""

    default = False
    default_site = "accounts.admin_site.StaffAdminSite"

"""`{% nav_app_list %}`, `{% admin_fieldsets adminform %}` and `{% admin_result_list cl %}`:
the sidebar's list of models, a change form's fieldsets and a change list's table, built
in Python (`accounts.admin_html`)."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.admin.helpers import AdminForm
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.template.base import Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString

from accounts import admin_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_app_list(context: Context) -> SafeString:
    """The sidebar's apps and models: `admin/app_list.html` without change links."""
    return admin_html.app_list(context.get("available_apps") or [], context.get("request"))


@register.simple_tag
def admin_fieldsets(adminform: AdminForm) -> SafeString:
    """The form's fieldsets, each as `admin/includes/fieldset.html` renders it."""
    return admin_html.fieldsets(adminform)


@register.tag(name="admin_result_list")
def admin_result_list(parser: Parser, token: Token) -> InclusionAdminNode:
    """`{% result_list cl %}` with the rows built once a page (`admin_html.result_list`)."""
    return InclusionAdminNode(  # type: ignore[call-arg]  # the stubs add a `name` 5.2 lacks
        parser,  # type: ignore[arg-type]
        token,  # type: ignore[arg-type]
        func=admin_html.result_list,
        template_name="change_list_results.html",
        takes_context=False,
    )


@register.simple_tag
def filter_choices(choices: list[dict[str, Any]]) -> SafeString:
    """A list filter's choices (the loop of `admin/filter.html`), for filters with many."""
    return admin_html.filter_choices(choices)

"""The admin's most repeated HTML, built in Python instead of by the template engine.

Each piece gives exactly what Django's own template gives (tests/test_admin_html.py
renders both and compares them), at a fraction of the cost: on the report form the
templates of its fields, labels and fieldsets and the sidebar's list of models were
more than half the page's time.

* `FastFormRenderer`: Django's form renderer, with the templates of the common widgets
  (text inputs, text areas, selects, labels, the related-object links around a foreign
  key) built here; any other template renders as before.
* `app_list`: the sidebar's apps and models (`admin/app_list.html` without change
  links) — the `{% nav_app_list %}` tag.
* `fieldsets`: a change form's fieldsets (`admin/includes/fieldset.html`) — the
  `{% admin_fieldsets %}` tag.
* `filter_choices`: the choices of a list filter with many (`admin/filter.html`'s loop),
  for `admin/filter_many_choices.html`.
* `result_list`: a change list's table (`{% result_list %}`), its rows built once a
  page where Django works out each cell's kind, and its change links' filters, per row
  — the `{% admin_result_list %}` tag.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast
from urllib.parse import quote

from django.conf import settings
from django.contrib.admin.helpers import AdminField, AdminForm, AdminReadonlyField, Fieldset
from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_field, display_for_value, lookup_field
from django.contrib.admin.utils import quote as admin_quote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import ObjectDoesNotExist
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.forms.renderers import DjangoTemplates
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.encoding import iri_to_uri
from django.utils.html import conditional_escape, escape, format_html, strip_spaces_between_tags
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

# -- widgets -------------------------------------------------------------------------

WIDGETS = "django/forms/widgets/"
# Widget templates that are nothing but `{% include "django/forms/widgets/input.html" %}`.
INPUTS = (
    "text", "hidden", "number", "email", "url", "password", "search", "tel", "date", "time",
    "datetime", "color", "checkbox",
)  # fmt: skip


def _value(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: the value as text, escaped unless marked safe."""
    text = str(value)
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs: dict[str, Any] | None) -> str:
    """`django/forms/attrs.html` (and the widgets' `attrs.html`)."""
    return "".join(
        f" {conditional_escape(name)}" + ("" if value is True else f'="{_value(value)}"')
        for name, value in (attrs or {}).items()
        if value is not False
    )


def _input(widget: dict[str, Any]) -> str:
    value = "" if widget["value"] is None else f' value="{_value(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'
    )


def _textarea(widget: dict[str, Any]) -> str:
    text = conditional_escape(widget["value"]) if widget["value"] else ""
    name = conditional_escape(widget["name"])
    return f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{text}</textarea>'


def _select(widget: dict[str, Any]) -> str | None:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            if option["template_name"] != WIDGETS + "select_option.html":
                return None  # a custom option: the template renders it
            parts.append(
                f'\n  <option value="{_value(option["value"])}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _label(context: dict[str, Any]) -> str:
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"


@lru_cache(maxsize=8)
def _icon(name: str) -> str:
    """A related-object link's icon (its address is fixed until the static files change)."""
    return escape(static(f"admin/img/icon-{name}.svg"))


@lru_cache(maxsize=256)
def _admin_url(name: str, args: tuple[str, ...], site: str | None, *where: Any) -> str:
    """`reverse` for an admin URL, kept: `where` (script prefix, URL conf) keys it."""
    return reverse(name, args=args, current_app=site)


def admin_url(name: str, *args: str, site: str | None = None) -> str:
    """An admin URL with fixed arguments, reversed once (the form's widgets ask dozens)."""
    return _admin_url(name, args, site, get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)


@receiver(setting_changed)
def _forget_addresses(*, setting: str, **kwargs: Any) -> None:
    if setting in {"STATIC_URL", "STORAGES", "ROOT_URLCONF"}:
        _icon.cache_clear()
        _admin_url.cache_clear()


class RelatedLinksWrapper(RelatedFieldWidgetWrapper):
    """Django's wrapper of a related field (its add, change, view links), its links'
    addresses reversed once per process rather than three times a field a page."""

    def get_related_url(self, info: tuple[str, str], action: str, *args: Any) -> str:
        name = "admin:{}_{}_{}".format(*info, action)
        return admin_url(name, *map(str, args), site=self.admin_site.name)

    @classmethod
    def around(cls, wrapper: RelatedFieldWidgetWrapper) -> RelatedLinksWrapper:
        """The same wrapper, with its links' addresses kept."""
        return cls(
            wrapper.widget,
            wrapper.rel,
            wrapper.admin_site,
            can_add_related=wrapper.can_add_related,
            can_change_related=wrapper.can_change_related,
            can_delete_related=wrapper.can_delete_related,
            can_view_related=wrapper.can_view_related,
        )


def _related_links(c: dict[str, Any]) -> str:
    """The links beside a related field (the `links` block of the wrapper's template)."""
    if c["is_hidden"]:
        return ""
    name, params = conditional_escape(c["name"]), conditional_escape(c["url_params"])
    model = {"model": conditional_escape(c["model"])}
    pad = "\n            "
    links = []
    if c["can_change_related"]:
        url = conditional_escape(c["change_related_template_url"])
        title = gettext("Change selected %(model)s") % model
        attributes = f'{pad}data-href-template="{url}?{params}"{pad}data-popup="yes"{pad}'
        links.append(_related_link("change", name, attributes, title))
    if c["can_add_related"]:
        url = conditional_escape(c["add_related_url"])
        title = gettext("Add another %(model)s") % model
        attributes = f'{pad}data-popup="yes"{pad}href="{url}?{params}"{pad}'
        links.append(_related_link("add", name, attributes, title))
    if c["can_delete_related"]:
        url = conditional_escape(c["delete_related_template_url"])
        title = gettext("Delete selected %(model)s") % model
        attributes = f'{pad}data-href-template="{url}?{params}"{pad}data-popup="yes"{pad}'
        links.append(_related_link("delete", name, attributes, title))
    if c["can_view_related"]:
        url = conditional_escape(c["change_related_template_url"])
        view_params = conditional_escape(c["view_related_url_params"])
        title = gettext("View selected %(model)s") % model
        attributes = f'{pad} data-href-template="{url}?{view_params}"{pad} '
        links.append(_related_link("view", name, attributes, title))
    return strip_spaces_between_tags("".join(links))


def _related_link(kind: str, name: str, attributes: str, title: str) -> str:
    """One link of `_related_links`: its kind names its class, id and icon."""
    return (
        f'<a class="related-widget-wrapper-link {kind}-related" id="{kind}_id_{name}"'
        f'{attributes}title="{title}">'
        f'<img src="{_icon(kind + "link")}" alt="" width="24" height="24"></a>'
    )


def _related_widget_wrapper(c: dict[str, Any]) -> str:
    """`admin/widgets/related_widget_wrapper.html`."""
    ref = "" if c["model_has_limit_choices_to"] else f'data-model-ref="{escape(c["model_name"])}"'
    widget = conditional_escape(c["rendered_widget"])
    return (
        f'<div class="related-widget-wrapper" {ref}>\n    {widget}'
        f"\n    \n        {_related_links(c)}\n    \n</div>"
    )


BUILT: dict[str, Callable[[dict[str, Any]], str | None]] = {
    **{f"{WIDGETS}{name}.html": lambda c: _input(c["widget"]) for name in INPUTS},
    WIDGETS + "textarea.html": lambda c: _textarea(c["widget"]),
    WIDGETS + "select.html": lambda c: _select(c["widget"]),
    "django/forms/label.html": _label,
    "admin/widgets/related_widget_wrapper.html": _related_widget_wrapper,
}


class FastFormRenderer(DjangoTemplates):
    """Django's default form renderer, with the common widgets' templates built in Python."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        build = BUILT.get(template_name)
        html = build(context) if build is not None else None
        if html is None:
            return super().render(template_name, context, request)
        return html.strip()  # as the template renderer strips its output


FAST_RENDERER = FastFormRenderer()

# -- the sidebar ---------------------------------------------------------------------


def app_list(apps: list[dict[str, Any]], request: Any) -> SafeString:
    """The sidebar's apps and their models, with add links (no change links)."""
    if not apps:
        none = gettext("You don’t have permission to view or edit anything.")
        return format_html("<p>{}</p>", none)
    path = quote(request.path, safe="/") if request is not None else ""
    headings = format_html(
        '<thead class="visually-hidden">\n<tr>\n<th scope="col">{}</th>\n'
        '<th scope="col">{}</th>\n<th scope="col">{}</th>\n</tr>\n</thead>',
        gettext("Model name"),
        gettext("Add link"),
        gettext("Change or view list link"),
    )
    return mark_safe("\n".join(_app(app, path, headings) for app in apps))


def _app(app: dict[str, Any], path: str, headings: str) -> str:
    title = gettext("Models in the %(name)s application") % {"name": escape(app["name"])}
    return format_html(
        '<div class="app-{} module{}">\n<table>\n<caption>\n'
        '<a href="{}" class="section" title="{}">{}</a>\n</caption>\n{}\n{}\n</table>\n</div>',
        app["app_label"],
        " current-app" if _within(app["app_url"], path) else "",
        app["app_url"],
        mark_safe(title),
        app["name"],
        headings,
        mark_safe("\n".join(_model(app["app_label"], model, path) for model in app["models"])),
    )


def _model(app_label: str, model: dict[str, Any], path: str) -> str:
    name = model["object_name"].lower()
    current = _within(model["admin_url"], path)
    if model["admin_url"]:
        link = format_html(
            '<a href="{}"{}>{}</a>',
            model["admin_url"],
            mark_safe(' aria-current="page"') if current else "",
            model["name"],
        )
    else:
        link = conditional_escape(model["name"])
    add = (
        format_html(
            '<td><a href="{}" class="addlink" aria-describedby="{}-{}">{}</a></td>',
            model["add_url"],
            app_label,
            name,
            gettext("Add"),
        )
        if model["add_url"]
        else mark_safe("<td></td>")
    )
    return format_html(
        '<tr class="model-{}{}">\n<th scope="row" id="{}-{}">\n{}\n</th>\n{}\n</tr>',
        name,
        " current-model" if current else "",
        app_label,
        name,
        link,
        add,
    )


def _within(url: str | None, path: str) -> bool:
    """Whether a URL is part of the address, as the template's `in` test reads it."""
    if not url:
        return False
    return url in path


# -- fieldsets -----------------------------------------------------------------------


def fieldsets(adminform: AdminForm) -> SafeString:
    """A change form's fieldsets, as the change form includes them (headings h2)."""
    return mark_safe("\n".join(_fieldset(fieldset, n) for n, fieldset in enumerate(adminform)))


def _fieldset(fieldset: Fieldset, number: int) -> str:
    heading = f"fieldset-0-{number}-heading"
    title = cast(Any, fieldset).name  # set by Fieldset.__init__ (missing from the stubs)
    named = bool(title)
    collapsible = named and fieldset.is_collapsible
    parts = [
        format_html('<fieldset class="module aligned {}"', fieldset.classes),
        format_html(' aria-labelledby="{}"', heading) if named else "",
        ">\n",
    ]
    if named:
        parts += [
            "<details><summary>" if collapsible else "",
            format_html('\n<h2 id="{}" class="fieldset-heading">{}</h2>\n', heading, title),
            "</summary>\n" if collapsible else "",
        ]
    if fieldset.description:
        text = mark_safe(fieldset.description)
        parts.append(format_html('\n<div class="description">{}</div>\n', text))
    parts += [_line(line) for line in fieldset]
    parts.append("\n</details>\n</fieldset>" if collapsible else "\n</fieldset>")
    return "".join(parts)


def _line(line: Any) -> str:
    fields = list(line)  # built once (the template builds them on each loop over the line)
    single = len(line.fields) == 1
    errors = _errors(fields[0]) if single else ""
    classes = "".join(f" field-{_field(f, 'name')}" for f in fields if _field(f, "name"))
    parts = [
        format_html(
            '\n<div class="form-row{}{}{}">\n',
            " errors" if errors else "",
            "" if line.has_visible_field else " hidden",
            classes,
        ),
        errors if single else '<div class="flex-container form-multiline">',
    ]
    parts += [_cell(f, single) for f in fields]
    parts.append("\n</div>\n" if single else "\n</div>\n</div>\n")
    return "".join(parts)


def _cell(f: Any, single: bool) -> str:
    """One field of a line: an AdminField or an AdminReadonlyField."""
    errors = _errors(f)
    name, hidden = _field(f, "name"), _field(f, "is_hidden")
    box = ""
    if not single:
        box = " fieldBox" + (f" field-{name}" if name else "")
        box += (" errors" if errors else "") + (" hidden" if hidden else "")
    box += " checkbox-row" if f.is_checkbox else ""
    if f.is_checkbox:
        shown = format_html("{}{}", f.field, f.label_tag())
    elif f.is_readonly:
        shown = format_html('{}\n<div class="readonly">{}</div>', f.label_tag(), f.contents())
    else:
        shown = format_html("{}\n{}", f.label_tag(), f.field)
    parts = [
        "\n<div>\n",
        "" if single else errors,
        format_html('\n<div class="flex-container{}">\n{}\n</div>\n', box, shown),
    ]
    help_text = _field(f, "help_text")
    if help_text:
        label_id = "" if f.is_readonly else f.field.id_for_label
        parts.append(
            format_html(
                '<div class="help{}"{}>\n<div>{}</div>\n</div>\n',
                " hidden" if hidden else "",
                format_html(' id="{}_helptext"', label_id) if label_id else "",
                mark_safe(help_text),
            )
        )
    parts.append("</div>")
    return "".join(parts)


def _field(f: AdminField | AdminReadonlyField, key: str) -> Any:
    """What the template reads as `field.field.<key>` (a BoundField's, or a dict's)."""
    return f.field.get(key, "") if isinstance(f, AdminReadonlyField) else getattr(f.field, key)


def _errors(f: AdminField | AdminReadonlyField) -> str:
    """The field's error list, asked only of a field that has errors."""
    if not isinstance(f, AdminField):
        return ""
    return str(f.field.errors.as_ul()) if f.field.errors else ""


# -- change lists ----------------------------------------------------------------------

PK_MARK = "__pk__"


def result_list(cl: ChangeList) -> dict[str, Any]:
    """The context of `admin/change_list_results.html`, as `{% result_list %}` gives it;
    each row is one item, its cells already joined."""
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": list(results(cl)) if cl.formset else _rows(cl),
    }


def _rows(cl: ChangeList) -> list[ResultList]:
    """Django's `items_for_result` (without list_editable), what does not change from
    row to row worked out once a page."""
    model_admin = cl.model_admin
    empty = model_admin.get_empty_value_display()
    columns, first = [], True
    for index, name in enumerate(cl.list_display):
        link = _link_in_col(first, name, cl)
        columns.append((name, _class_name(name, index), link, link and first))
        first = first and not link
    link_to = _change_link(cl)
    rows = []
    for obj in cl.result_list:
        cells = [_result_cell(cl, obj, column, empty, link_to) for column in columns]
        rows.append(ResultList(None, [SafeString("".join(cells))]))
    return rows


def _link_in_col(is_first: bool, name: Any, cl: ChangeList) -> bool:
    if cl.list_display_links is None:
        return False
    if is_first and not cl.list_display_links:
        return True
    return name in cl.list_display_links


def _class_name(name: Any, index: int) -> str:
    if not callable(name):
        return str(name)
    return f"lambda{index}" if name.__name__ == "<lambda>" else name.__name__


def _result_cell(
    cl: ChangeList,
    obj: models.Model,
    column: tuple[Any, str, bool, bool],
    empty: str,
    link_to: Callable[[models.Model], str | None],
) -> str:
    name, class_name, link, th = column
    classes = [f"field-{class_name}"]
    try:
        f, attr, value = lookup_field(name, obj, cl.model_admin)
    except ObjectDoesNotExist:
        shown: Any = empty
    else:
        blank = getattr(attr, "empty_value_display", empty)
        if isinstance(value, str) and value.strip() == "":
            value = ""
        if f is None or f.auto_created:
            if name == "action_checkbox":
                classes = ["action-checkbox"]
            boolean = getattr(attr, "boolean", False)
            if isinstance(attr, property) and hasattr(attr, "fget"):
                boolean = getattr(attr.fget, "boolean", False)
            shown = display_for_value(value, blank, boolean)
            if isinstance(value, datetime.date | datetime.time):
                classes.append("nowrap")
        else:
            if isinstance(f.remote_field, models.ManyToOneRel):
                related = getattr(obj, f.name)
                shown = blank if related is None else related
            else:
                shown = display_for_field(value, f, blank, avoid_link=link)
            if isinstance(f, models.DateField | models.TimeField | models.ForeignKey):
                classes.append("nowrap")
    row_class = f' class="{" ".join(classes)}"'
    if not link:
        return f"<td{row_class}>{_escape(shown)}</td>"
    tag = "th" if th else "td"
    url = link_to(obj)
    if url is None:
        return f"<{tag}{row_class}>{_escape(shown)}</{tag}>"
    opener = ""
    if cl.is_popup:
        key = obj.serializable_value(str(cl.to_field) if cl.to_field else cl.lookup_opts.pk.attname)
        opener = f' data-popup-opener="{_escape(key)}"'
    return f'<{tag}{row_class}><a href="{_escape(url)}"{opener}>{_escape(shown)}</a></{tag}>'


def _change_link(cl: ChangeList) -> Callable[[models.Model], str | None]:
    """A row's change link with the list's filters kept, built once a page (Django
    reverses the URL, and resolves it again to keep the filters, for every row)."""
    context: dict[str, Any] = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}

    def each_row(obj: models.Model) -> str | None:  # a list that links rows its own way
        try:
            return add_preserved_filters(context, cl.url_for_result(obj))
        except NoReverseMatch:
            return None

    if type(cl).url_for_result is not ChangeList.url_for_result:
        return each_row
    name = f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change"
    try:
        url = reverse(name, args=[PK_MARK], current_app=cl.model_admin.admin_site.name)
    except NoReverseMatch:
        return lambda obj: None
    url = add_preserved_filters(context, url)
    return lambda obj: url.replace(PK_MARK, str(admin_quote(obj.pk)), 1)


def filter_choices(choices: list[dict[str, Any]]) -> SafeString:
    """The choices of a list filter, as the loop of `admin/filter.html` gives them."""
    selected = ' class="selected"'
    return SafeString(
        "".join(
            f"\n    <li{selected if choice['selected'] else ''}>\n    "
            f'<a href="{_escape(iri_to_uri(choice["query_string"]))}">'
            f"{_escape(choice['display'])}</a></li>\n  "
            for choice in choices
        )
    )


def _escape(value: Any) -> str:
    """`conditional_escape`, without its lazy-text check (it runs a thousand times)."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))

"""Admin pieces shared by every app."""

import json
from functools import partial, update_wrapper
from typing import TYPE_CHECKING, ClassVar, cast

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections, models
from django.db.models import QuerySet
from django.utils.functional import cached_property

from editorial.revisions import one_revision

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldOpts


class TrackedAdmin(admin.ModelAdmin):
    """Record who created and who last changed a record."""

    readonly_fields: ClassVar[list[str] | tuple[str, ...]] = (
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    )
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def view_on_site(self, obj):
        """Link to the public page on this site (not through the sites framework's domain)."""
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None

    def save_model(self, request, obj, form, change) -> None:
        """Stamp who made the change. The record is saved by `save_related`, which the
        admin always calls next, so that it and its tags make one revision."""
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user

    def save_formset(self, request, form, formset, change) -> None:
        """Inline rows (participations, affiliations) record who made them too."""
        instances = formset.save(commit=False)
        for instance in instances:
            if hasattr(instance, "updated_by"):
                if instance.pk is None:
                    instance.created_by = request.user
                instance.updated_by = request.user
            instance.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change) -> None:
        """Save the record, its tags and its inline rows as one revision."""
        with one_revision(form.instance, by=request.user, created=not change):
            super().save_model(request, form.instance, form, change)
            super().save_related(request, form, formsets, change)


def bound_to(model_admin: admin.ModelAdmin, view):
    """Return a plain admin screen `view(request, model_admin, …)` bound to this admin,
    ready for `admin_site.admin_view` in `get_urls`."""
    return update_wrapper(partial(view, model_admin=model_admin), view)


AUDIT_FIELDSET: "tuple[str, _FieldOpts]" = (
    "Record",
    {"classes": ["collapse"], "fields": ["created_at", "created_by", "updated_at", "updated_by"]},
)


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option is labelled from an already-loaded object.

    Django's widget looks its selected object up with one query per widget, so an
    inline of N rows costs N queries per foreign key; rows loaded with
    select_related already hold those objects.
    """

    preloaded: dict[str, str]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.preloaded = {}

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not selected or not all(v in self.preloaded for v in selected):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for v in selected:
            options.append(self.create_option(name, v, self.preloaded[v], True, len(options)))
        return [(None, options, 0)]


class PreloadedLabelsForm(forms.ModelForm):
    """Hand each autocomplete the label of the related object the row already holds."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, PreloadedAutocompleteSelect) or not self.instance.pk:
                continue
            related = getattr(self.instance, name, None)
            if related is not None:
                widget.preloaded = {str(related.pk): str(related)}


class AutocompleteInline(admin.TabularInline):
    """A tabular inline whose autocomplete columns cost no query per row (set fk_name)."""

    form = PreloadedLabelsForm

    def get_queryset(self, request):
        # The parent (fk_name) too: each row's __str__, shown by the template, may use it.
        return super().get_queryset(request).select_related(self.fk_name, *self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = PreloadedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class EstimatedCountPaginator(Paginator):
    """A paginator that asks PostgreSQL's planner for the size of a large list.

    Counting a million rows exactly for every admin page costs seconds; the planner's
    estimate costs a millisecond. Below `exact_below` the count is exact.
    """

    exact_below = 10_000
    # Count at most this many rows of a short list (None: all of them), so that an
    # estimate far too low never turns into counting the archive.
    counted_up_to: int | None = None

    @cached_property
    def count(self) -> int:
        queryset = cast(QuerySet, self.object_list)
        if connections[queryset.db].vendor != "postgresql":
            return super().count
        try:
            estimate = planner_estimate(queryset)
        except EmptyResultSet:  # a filter that can match nothing (an unknown choice)
            return 0
        if estimate >= self.exact_below:
            return estimate
        if self.counted_up_to is None:
            return super().count
        counted = queryset.order_by()[: self.counted_up_to].count()
        return counted if counted < self.counted_up_to else max(estimate, counted)


def planner_estimate(queryset: QuerySet) -> int:
    """Return PostgreSQL's estimate of how many rows a queryset returns."""
    sql, params = queryset.order_by().query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])

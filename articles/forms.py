"""The report admin's form: the report read with what the form shows of its links and
tags, and autocompletes labelled from them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, cast

from django import forms
from django.contrib.admin.widgets import (
    AutocompleteMixin,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
)
from django.db import connections
from django.db.models import ForeignKey, ManyToManyField, Model, QuerySet

from accounts.admin_html import FAST_RENDERER, admin_url
from articles.models import Article
from editorial.versioning import StaleVersion, ensure_current

# A report's links, with what the change form shows of each (autocomplete labels, the
# record's people, the workflow box). Those most reports have are joined into the
# report's own read; the others are looked up afterwards, one query a model, if set
# (a join of them all costs more to plan than to run).
JOINED = {
    "agency": ["name", "kind"],  # kind: the field's choices are news agencies
    "dateline_city": ["name", "country"],
    "dateline_country": ["name"],
}
LOOKED_UP = {
    "update_of": "headline",
    "correction_of": "headline",
    "near_duplicate_of": "headline",
    "created_by": "username",
    "updated_by": "username",
    "published_by": "username",
    "withdrawn_by": "username",
}
TAGS = ("events", "countries", "organizations", "people")


def read_for_form(queryset: QuerySet[Article], **lookup: Any) -> Article:
    """Return the report the change form edits, with what the page shows of its links
    and tags: its autocompletes, workflow box and suggestion panel ask nothing more."""
    own = [field.name for field in Article._meta.concrete_fields]
    shown = [f"{link}__{column}" for link, columns in JOINED.items() for column in columns]
    article = queryset.select_related(*JOINED).only(*own, *shown).get(**lookup)
    _look_up_links(article)
    _read_tags(article)
    return article


def _look_up_links(article: Article) -> None:
    """Load the report's other links that are set (`LOOKED_UP`), one query a model."""
    wanted: dict[type[Model], dict[ForeignKey, object]] = defaultdict(dict)
    for name in LOOKED_UP:
        field = cast(ForeignKey, Article._meta.get_field(name))
        if getattr(article, field.attname) is not None:
            wanted[cast(type[Model], field.related_model)][field] = getattr(article, field.attname)
    for model, links in wanted.items():
        columns = {LOOKED_UP[field.name] for field in links}
        found = model._default_manager.only(*columns).in_bulk(set(links.values()))
        for field, key in links.items():
            if key in found:  # else left to Django, which says what is wrong
                field.set_cached_value(article, found[key])


def _read_tags(article: Article) -> None:
    """Read the report's tags of all four kinds in one query (key and name, in each
    model's order) and leave them where `prefetch_related` would: `article.events.all()`
    and the rest answer from them, for one query instead of four."""
    connection = connections[article._state.db or "default"]
    found: dict[str, list[Model]] = {name: [] for name in TAGS}
    with connection.cursor() as cursor:
        cursor.execute(_tags_statement(connection.alias), [article.pk] * len(TAGS))
        for kind, key, name in cursor.fetchall():
            model = cast(type[Model], Article._meta.get_field(TAGS[kind]).related_model)
            pk = cast(Any, model._meta.pk)  # every tag model has one
            row = {pk.attname: pk.to_python(key), "name": name}
            loaded = [f.attname for f in model._meta.concrete_fields if f.attname in row]
            tag = model.from_db(connection.alias, loaded, [row[column] for column in loaded])
            found[TAGS[kind]].append(tag)
    cache = article.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, tags in found.items():
        queryset = getattr(article, name).get_queryset()  # as prefetch_related leaves it
        queryset._result_cache, queryset._prefetch_done = tags, True
        cache[name] = queryset


@lru_cache(maxsize=4)
def _tags_statement(alias: str) -> str:
    """A UNION of one SELECT per tag kind, rows numbered in the kind's model order."""
    quote = connections[alias].ops.quote_name
    parts = []
    for kind, field_name in enumerate(TAGS):
        m2m = cast(ManyToManyField, Article._meta.get_field(field_name))
        through: Any = cast(type[Model], m2m.remote_field.through)._meta
        target: Any = cast(type[Model], m2m.related_model)._meta
        order = ", ".join(
            f"x.{quote(target.get_field(name.lstrip('-')).column)}"
            + (" DESC" if name.startswith("-") else " ASC")
            for name in [*target.ordering, target.pk.name]
        )
        key, name = quote(target.pk.column), quote(target.get_field("name").column)
        report = quote(through.get_field(m2m.m2m_field_name()).column)
        tag = quote(through.get_field(m2m.m2m_reverse_field_name()).column)
        parts.append(
            f"SELECT {kind} AS kind, CAST(x.{key} AS VARCHAR(255)) AS k, x.{name} AS n, "
            f"ROW_NUMBER() OVER (ORDER BY {order}) AS pos "
            f"FROM {quote(through.db_table)} t "
            f"JOIN {quote(target.db_table)} x ON x.{key} = t.{tag} WHERE t.{report} = %s"
        )
    return f"SELECT kind, k, n FROM ({' UNION ALL '.join(parts)}) tags ORDER BY kind, pos"


class LabelledAutocompleteMixin(AutocompleteMixin):
    """An autocomplete whose selected options are labelled from objects already loaded.

    Django's widget looks its selected objects up with one query per field; the change
    form's report has them loaded already (its links joined, its tags prefetched).
    `labels` ({value: label}, in the related model's order) is set by the form; a value
    it does not hold (a form sent back with other choices) falls back to the query.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.labels: dict[str, str] = {}

    def get_url(self) -> str:
        return admin_url(self.url_name % self.admin_site.name)  # reversed once

    def _render(self, template_name: str, context: dict[str, Any], renderer: Any = None) -> Any:
        # Rendered by the related-object wrapper, which passes no renderer on.
        return cast(Any, super())._render(template_name, context, renderer or FAST_RENDERER)

    def optgroups(
        self, name: str, value: Sequence[str], attr: Any = None
    ) -> list[tuple[str | None, list[dict[str, Any]], int | None]]:
        widget = cast(Any, self)  # a ChoiceWidget: choices, is_required, create_option
        empty = widget.choices.field.empty_values
        chosen = {str(v) for v in value if str(v) not in empty}
        if not chosen <= self.labels.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not widget.is_required and not widget.allow_multiple_selected:
            options.append(widget.create_option(name, "", "", False, 0))
        for key, label in self.labels.items():
            if key in chosen:
                options.append(widget.create_option(name, key, label, True, len(options)))
        return [(None, options, 0)]


class LabelledAutocompleteSelect(LabelledAutocompleteMixin, AutocompleteSelect):
    pass


class LabelledAutocompleteSelectMultiple(LabelledAutocompleteMixin, AutocompleteSelectMultiple):
    pass


def _qualifies(field: ForeignKey, obj: Model) -> bool:
    """Whether obj is among the field's choices, judged on the object alone."""
    limit = field.get_limit_choices_to()
    if not isinstance(limit, dict):  # a Q or a callable's Q: leave it to the query
        return not limit
    return all("__" not in key and getattr(obj, key, None) == v for key, v in limit.items())


def loaded_labels(instance: Model, name: str) -> dict[str, str] | None:
    """Return {value: label} of what a link or tag field of instance holds, if it is
    loaded already (joined or prefetched), else None."""
    field = instance._meta.get_field(name)
    if field.many_to_many:
        cached = getattr(instance, "_prefetched_objects_cache", {}).get(name)
        return None if cached is None else {str(obj.pk): str(obj) for obj in cached}
    fk = cast(ForeignKey, field)
    if not fk.is_cached(instance):
        return None
    related = fk.get_cached_value(instance)
    if related is None:
        return {}
    return {str(related.pk): str(related)} if _qualifies(fk, related) else None


class ArticleAdminForm(forms.ModelForm):
    """The report form, refusing a save based on a version someone else has since changed."""

    default_renderer = FAST_RENDERER  # its widgets and labels built in Python
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = ["headline"]  # the admin supplies the full list from its fieldsets

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_version"].initial = self.instance.version
            self._label_autocompletes()

    def _label_autocompletes(self) -> None:
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
            if isinstance(widget, LabelledAutocompleteMixin):
                labels = loaded_labels(self.instance, name)
                if labels is not None:
                    widget.labels = labels

    def clean(self) -> dict:
        data = cast(dict[str, Any], super().clean())  # a ModelForm's is cleaned_data
        expected = data.get("based_on_version")
        if self.instance.pk and expected is None:
            raise forms.ValidationError("Not saved: reload the page and make your changes again.")
        if self.instance.pk:
            try:
                ensure_current(Article, self.instance.pk, cast(int, expected))  # not None
            except StaleVersion as stale:
                raise forms.ValidationError(
                    f"Not saved: {stale} Your text is still in the form below — copy what you "
                    "need, then reload the page to see their version and apply your changes again."
                ) from None
            times = {
                f: data[f] for f in ("published_at", "embargo_until") if f in self.changed_data
            }
            for field, why in self.instance.refused_time_changes(times).items():
                self.add_error(field, why)
        return data

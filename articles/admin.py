import datetime
import re

from django.contrib import admin, messages
from django.contrib.admin import ModelAdmin, helpers
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.admin_html import RelatedLinksWrapper
from articles import search
from articles.forms import (
    ArticleAdminForm,
    LabelledAutocompleteSelect,
    LabelledAutocompleteSelectMultiple,
    read_for_form,
)
from articles.models import Article, Coverage
from articles.tag_rows import attach_tag_rows
from articles.workflow import (
    FOLLOW_UPS,
    LIFT_EMBARGO,
    PUBLISH,
    RESTORE,
    ArticleStatus,
    InvalidTransition,
    available_steps,
    issue_follow_up,
    locked_fields,
    may_edit,
    may_issue_follow_up,
)
from articles.workflow_views import (
    lift_embargo_selected,
    publish_selected,
    submit_selected,
    workflow_view,
)
from editorial import presence
from editorial.history import HistoryAdmin
from events.models import Event
from ingest import desk
from newsroom.admin import (
    AUDIT_FIELDSET,
    EstimatedCountPaginator,
    TrackedAdmin,
    bound_to,
)
from newsroom.pagination import is_number
from organizations.models import Organization
from places.models import Country


class ChosenFilter(admin.SimpleListFilter):
    """A list filter that filters whenever a value is chosen, listed among its choices or not."""

    template = "admin/filter_many_choices.html"  # admin/filter.html, its list built in Python

    def has_output(self) -> bool:
        # The admin applies only the filters it shows: a chosen entity outside the
        # choices (tagged on drafts alone, say) must still filter, never show everything.
        return bool(self.value()) or super().has_output()


class EntityListFilter(ChosenFilter):
    """Filter by an entity the report is about, read off the coverage index.

    Choices come from the registry alone (never from a join over the reports), and any
    entity can be chosen by its key in the address, e.g. from its own admin page.
    """

    kind = ""  # subclasses name the kind and define choices_queryset()

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in self.choices_queryset().values_list("pk", "name")]

    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        if not (re.fullmatch("[A-Za-z]{2}", value) if self.kind == "country" else is_number(value)):
            return queryset.none()
        model = Coverage.entity_model(self.kind)
        entity = model.objects.filter(pk=value.upper() if self.kind == "country" else value).first()
        return queryset.about(**{self.kind: entity}) if entity else queryset.none()


class CountryTagFilter(EntityListFilter):
    title, parameter_name, kind = "country", "country", "country"

    def choices_queryset(self):
        return Country.objects.filter(coverage_count__gt=0)


class EventTagFilter(EntityListFilter):
    title, parameter_name, kind = "event (latest 30 with reports)", "event", "event"

    def choices_queryset(self):
        covered = Event.objects.filter(coverage_count__gt=0).order_by("-start_date", "-pk")
        return covered[:30]


class AgencyFilter(ChosenFilter):
    title, parameter_name = "agency", "agency"

    def lookups(self, request, model_admin):
        return [
            (str(pk), name)
            for pk, name in Organization.objects.agencies().values_list("pk", "name")
        ]

    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        return queryset.filter(agency_id=value) if is_number(value) else queryset.none()


# What a row of the report list shows (its columns, `state`, the checkbox's label): the
# list reads these columns alone, not the text of a hundred reports.
LISTED = [
    "headline", "status", "published_at", "embargo_until", "withdrawn_at", "dateline_raw",
    "agency", "agency__name",
]  # fmt: skip
SEARCH_COUNTED_UP_TO = 1_000  # a searched list is counted exactly up to this many


class ArticleChangeList(ChangeList):
    """The report list, reading what it shows only: its columns, and the page's tags in
    one query (`articles.tag_rows`). Its rows are built by `{% admin_result_list %}`."""

    def get_results(self, request: HttpRequest) -> None:
        self.queryset = self.queryset.only(*LISTED)
        super().get_results(request)
        attach_tag_rows(list(self.result_list))


class ArticlePaginator(EstimatedCountPaginator):
    """The planner's estimate for a long list. A short one is counted, but at most
    `counted_up_to` rows of it: an estimate far too low never turns into counting the
    archive (nor, for a search, into rechecking thousands of matches)."""

    counted_up_to = EstimatedCountPaginator.exact_below


SEEN_BY_THE_PUBLIC = "the public has seen it: withdraw it instead"


@admin.register(Article)
class ArticleAdmin(HistoryAdmin, TrackedAdmin):
    """Reports in the admin: the list, the change form, and the screens it routes to —
    the wire desk (`ingest.desk`), the workflow steps (`articles.workflow_views`) and the
    history (`editorial.history`, from `HistoryAdmin`)."""

    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"
    actions = [submit_selected, publish_selected, lift_embargo_selected]
    list_display = [
        "headline",
        "state",
        "published_at",
        "agency",
        "dateline_raw",
        "event_tags",
        "country_tags",
    ]
    list_filter = [
        "status",
        AgencyFilter,
        EventTagFilter,
        CountryTagFilter,
        "published_at",
        ("near_duplicate_of", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["agency"]
    # Each searched column has an index on PostgreSQL (trigram; exact for the item id).
    search_fields = ["headline", "dateline_raw", "byline", "=agency_item_id"]
    search_help_text = (
        "Headline, dateline, byline or item id; and the full text (summary, body, tag names), "
        'with "quoted phrases", or, and -exclusion.'
    )
    ordering = ["-pk"]  # newest arrivals first, straight off an index even when filtered
    paginator = ArticlePaginator
    show_full_result_count = False
    autocomplete_fields = [
        "agency",
        "dateline_city",
        "dateline_country",
        "events",
        "countries",
        "organizations",
        "people",
        "update_of",
        "correction_of",
        "near_duplicate_of",
    ]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = [*TrackedAdmin.readonly_fields, "version"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "summary", "body"]}),
        (
            "Dateline and source",
            {
                "fields": [
                    "dateline_raw",
                    ("dateline_city", "dateline_country", "dateline_date"),
                    ("agency", "agency_item_id"),
                    "byline",
                    "language",
                    "source_url",
                ]
            },
        ),
        ("Tags", {"fields": ["events", "countries", "organizations", "people"]}),
        ("Publishing", {"fields": ["state", "published_at", "embargo_until", "version"]}),
        (
            "Related reports",
            {
                "classes": ["collapse"],
                "fields": ["update_of", "correction_of", "correction_note", "near_duplicate_of"],
            },
        ),
        AUDIT_FIELDSET,
    ]

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        paginator = ArticlePaginator(queryset, per_page, orphans, allow_empty_first_page)
        if request.GET.get(SEARCH_VAR, "").strip():  # counting rechecks each match's text
            paginator.counted_up_to = SEARCH_COUNTED_UP_TO
        return paginator

    def get_search_results(self, request, queryset, search_term):
        """Also match the full text, on the search index (`articles.search`)."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip() and not search.problem(search_term):
            found = found | search.matching(queryset, search_term)
        return found, duplicates

    def get_object(self, request, object_id, from_field=None):
        """The report being edited, with what the page shows of its links and tags
        (`articles.forms.read_for_form`)."""
        field = self.opts.pk if from_field is None else self.opts.get_field(from_field)
        try:
            key = field.to_python(object_id)
            return read_for_form(self.get_queryset(request), **{field.name: key})
        except (Article.DoesNotExist, ValidationError, ValueError):
            return None

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget = RelatedLinksWrapper.around(formfield.widget)
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:  # labelled from the loaded report
            widget = LabelledAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
            kwargs.setdefault("widget", widget)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            widget = LabelledAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
            kwargs.setdefault("widget", widget)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # -- screens ---------------------------------------------------------------

    def get_urls(self):
        def route(view, *, post_only: bool = True):
            bound = bound_to(self, view)
            return self.admin_site.admin_view(require_POST(bound) if post_only else bound)

        return [
            path(
                "import/", route(desk.import_view, post_only=False), name="articles_article_import"
            ),
            path("<int:pk>/add-tag/", route(desk.add_tag_view), name="articles_article_add_tag"),
            path(
                "create-from-candidate/",
                route(desk.create_candidate_view),
                name="articles_article_create_candidate",
            ),
            path(
                "incoming/<int:pk>/<str:decision>/",
                route(desk.incoming_view),
                name="articles_article_incoming",
            ),
            path(
                "<int:pk>/workflow/<str:step>/",
                route(workflow_view),
                name="articles_article_workflow",
            ),
            path(
                "<int:pk>/follow-up/<str:kind>/",
                route(follow_up_view),
                name="articles_article_follow_up",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            presence.mark_editing(obj, request.user)
            context["others_editing"] = presence.others_editing(obj, request.user)
            context["workflow_steps"] = available_steps(request.user, obj)
            context["may_issue_follow_up"] = may_issue_follow_up(request.user, obj)
            context.update(desk.suggestion_context(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    # -- who may do what (the workflow's table decides the steps themselves) ---

    def get_fieldsets(self, request, obj=None):
        zone = timezone.get_current_timezone_name()
        return [
            (name, {**options, "description": f"Times are in {zone}; they are stored in UTC."})
            if name == "Publishing"
            else (name, options)
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "state"]
        return fields + locked_fields(request.user, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or may_edit(request.user, obj)

    def has_restore_permission(self, request, obj) -> bool:
        """Restoring an earlier revision is an editor's call, on top of editing the report."""
        return request.user.has_perm(RESTORE) and self.has_change_permission(request, obj)

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(PUBLISH)

    def get_deleted_objects(self, objs, request):
        """Keep reports the public has seen from deletion (the one report's or the
        selection's): they are withdrawn, so that readers, feeds, the sync stream and
        webhooks learn they are gone; a deleted report would vanish without a word."""
        to_delete, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        ids = [obj.pk for obj in objs]
        seen = Article.objects.filter(pk__in=ids)
        seen = (seen.published() | seen.withdrawn()).order_by("pk")
        protected = [*protected, *(f"{a} — {SEEN_BY_THE_PUBLIC}" for a in seen)]
        return to_delete, counts, perms_needed, protected

    def has_lift_embargo_permission(self, request) -> bool:
        return request.user.has_perm(LIFT_EMBARGO)

    # -- columns -----------------------------------------------------------------

    def action_checkbox(self, obj: Article) -> SafeString:
        """The row's checkbox exactly as Django's, built without a template (100 a page)."""
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )

    @admin.display(description="status")
    def state(self, article: Article) -> str:
        """Status as an editor needs it: scheduled and embargoed spelled out, with time zone."""
        label = article.get_status_display()
        if article.is_scheduled:
            label = f"Scheduled for {_when(article.published_at)}"
        if article.is_embargoed:
            label += f" · EMBARGOED until {_when(article.embargo_until)}"
        if article.status == ArticleStatus.WITHDRAWN and article.withdrawn_at:
            label += f" on {_when(article.withdrawn_at)}"
        return format_html('<span class="status status-{}">{}</span>', article.status, label)

    @admin.display(description="events")
    def event_tags(self, obj: Article) -> str:
        return ", ".join(row["name"] for row in obj.tag_rows["events"])

    @admin.display(description="countries")
    def country_tags(self, obj: Article) -> str:
        return ", ".join(row["name"] for row in obj.tag_rows["countries"])


def follow_up_view(
    request: HttpRequest, model_admin: ModelAdmin, pk: int, kind: str
) -> HttpResponse:
    """Issue a correction or an update of a published report (a button on its change
    page) and open the draft; open the one in the works if there is one already."""
    original = get_object_or_404(Article, pk=pk)
    if kind not in FOLLOW_UPS:
        return HttpResponse("Unknown kind of follow-up.", status=400)
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    try:
        draft, created = issue_follow_up(original, kind=kind, by=request.user)
    except InvalidTransition as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[pk]))
    if created:
        model_admin.log_addition(request, draft, [{"added": {}}])
        messages.success(
            request,
            f"Started a {kind} of “{original}”: edit the text, say what changed in the "
            "correction note, then submit it for review.",
        )
    else:
        what = "a correction" if draft.correction_of_id == original.pk else "an update"
        messages.warning(
            request,
            f"“{original}” already has {what} in the works (not published yet): here it is.",
        )
    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[draft.pk]))


def _when(moment: datetime.datetime | None) -> str:
    """Return a time in the site's format (DATETIME_FORMAT), in the editor's time zone."""
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else ""

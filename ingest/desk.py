"""The wire desk in the admin: import screen, suggested-tags panel, candidates, wire versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.models import Article
from editorial.versioning import StaleVersion, ensure_current
from ingest.batch import import_reports
from ingest.candidates.register import register_candidate
from ingest.forms import WireImportForm
from ingest.highlight import highlight
from ingest.importer import TAG_MODELS, ImportOutcome, tag_article, tag_report, tagging_text
from ingest.models import IncomingVersion
from ingest.tagger import FIELD_FOR_KIND, TAG_KINDS
from ingest.tasks import QueueUnavailable, enqueue, import_feed, queue_configured
from ingest.types import WireError
from organizations.models import Organization, Person

if TYPE_CHECKING:
    from django.contrib import admin

    _AdminBase = admin.ModelAdmin  # the mixin relies on ModelAdmin's attributes
else:
    _AdminBase = object

NO_QUEUE_HELP = (
    "Import it with `manage.py ingest FILE`, or register its address as a wire source "
    "(Ingest → Wire sources) to have it polled in the background."
)
NO_QUEUE = (
    f"No task queue is configured to take it (set REDIS_URL and start a worker). {NO_QUEUE_HELP}"
)


class WireDeskMixin(_AdminBase):
    """Adds the wire desk's screens to the Article admin."""

    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="articles_article_import"),
            path(
                "<int:pk>/add-tag/",
                view(require_POST(self.add_tag_view)),
                name="articles_article_add_tag",
            ),
            path(
                "create-from-candidate/",
                view(require_POST(self.create_candidate_view)),
                name="articles_article_create_candidate",
            ),
            path(
                "incoming/<int:pk>/<str:decision>/",
                view(require_POST(self.incoming_view)),
                name="articles_article_incoming",
            ),
            *super().get_urls(),
        ]

    # -- import screen -------------------------------------------------------

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Paste or upload, preview the parse and the suggested tags, then create drafts."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if candidate := request.POST.get("candidate"):  # 'organization:publication|Hummat'
            kind, _, name = candidate.partition("|")
            kind, _, organization_kind = kind.partition(":")
            # Before parsing, so the preview then matches it.
            self._create_candidate(request, kind, name, organization_kind=organization_kind)
        form = WireImportForm(request.POST or None, request.FILES or None)
        if form.is_bound and form.is_valid() and len(form.reports) > settings.WIRE_INLINE_ITEMS:
            return self._large_feed(request, form)
        if form.is_bound and form.is_valid() and "create" in request.POST:
            return self._create_drafts(request, form)
        return self._import_page(request, form)

    def _import_page(
        self, request: HttpRequest, form: WireImportForm, *, queue_items: int = 0
    ) -> HttpResponse:
        previewed = form.is_bound and not form.errors and not queue_items
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import wire report",
            "form": form,
            "previews": self._previews(form) if previewed else [],
            "queue_items": queue_items,
        }
        return TemplateResponse(request, "admin/articles/article/import.html", context)

    def _large_feed(self, request: HttpRequest, form: WireImportForm) -> HttpResponse:
        """Hand a feed too big for one request to the queue, or refuse it and say why."""
        count, limit = len(form.reports), settings.WIRE_INLINE_ITEMS
        too_many = f"This input has {count:,} items; the import screen takes at most {limit:,}."
        if not queue_configured():
            form.add_error(None, f"{too_many} {NO_QUEUE}")
            return self._import_page(request, form)
        if "create" not in request.POST:
            return self._import_page(request, form, queue_items=count)
        data = form.cleaned_data
        try:
            enqueue(import_feed, data["payload"], data["filename"], data["format"], request.user.pk)
        except QueueUnavailable as error:
            form.add_error(None, f"{too_many} {error} {NO_QUEUE_HELP}")
            return self._import_page(request, form)
        messages.success(
            request,
            f"{count:,} items were handed to the background queue: they appear among the "
            "drafts as a worker imports them.",
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_changelist") + "?status__exact=draft"
        )

    def _previews(self, form: WireImportForm) -> list[dict]:
        previews = []
        for report in form.reports:
            tags = tag_report(report)
            text = tagging_text(report.headline, report.summary, report.body)
            rows = [{"suggestion": s, "field": FIELD_FOR_KIND[s.kind]} for s in tags.all()]
            previews.append(
                {"report": report, "tags": tags, "rows": rows, "highlighted": highlight(text, tags)}
            )
        return previews

    def _create_drafts(self, request: HttpRequest, form: WireImportForm) -> HttpResponse:
        reports = [r for r in form.reports if not r.error]
        for skipped in (r for r in form.reports if r.error):
            messages.warning(request, f"Skipped “{skipped.headline or 'an item'}”: {skipped.error}")
        accepted = _accepted_tags(request) if len(form.reports) == 1 else None
        source = form.cleaned_data["filename"] or "import form"
        try:
            with transaction.atomic():  # all or nothing: the editor imports them again
                imported = list(
                    import_reports(reports, by=request.user, accepted=accepted, source=source)
                )
                failed = next((item for item in imported if item.error), None)
                if failed:
                    raise WireError(f"“{failed.report.headline[:80]}”: {failed.error}")
                outcomes = [cast(ImportOutcome, item.outcome) for item in imported]  # no error
        except WireError as error:
            form.add_error(None, str(error))
            return self._import_page(request, form)
        for outcome in outcomes:
            level = messages.WARNING if outcome.action == "held for review" else messages.SUCCESS
            messages.add_message(request, level, f"{outcome.article}: {outcome.action}.")
            for note in outcome.messages:
                messages.warning(request, note)
        if len(outcomes) == 1 and len(form.reports) == 1:
            return _to_change_page(outcomes[0].article.pk)
        return HttpResponseRedirect(
            reverse("admin:articles_article_changelist") + "?status__exact=draft"
        )

    # -- suggested tags and candidates on the change page -------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(self._suggestion_context(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _suggestion_context(self, article: Article) -> dict:
        tags = tag_article(article)
        applied = {k: {tag.pk for tag in getattr(article, k).all()} for k in TAG_KINDS}
        rows = [
            {
                "suggestion": s,
                "field": FIELD_FOR_KIND[s.kind],
                "applied": s.key in applied[FIELD_FOR_KIND[s.kind]],
            }
            for s in tags.all()
        ]
        return {
            "tag_suggestions": rows,
            "tag_candidates": tags.candidates,
            "incoming_versions": IncomingVersion.objects.pending().filter(article=article),
        }

    def add_tag_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Apply one suggested tag (the no-JavaScript path of the panel's buttons)."""
        article = get_object_or_404(Article, pk=pk)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        field = request.POST.get("field", "")
        if field not in TAG_MODELS:
            return HttpResponse("Unknown tag kind.", status=400)
        target = TAG_MODELS[field].objects.filter(pk=request.POST.get("key")).first()
        if target is None:
            return HttpResponse("Unknown tag.", status=400)
        article.add_tag(field, target, by=request.user)
        messages.success(request, f"Tagged with {target}.")
        return _to_change_page(pk)

    def create_candidate_view(self, request: HttpRequest) -> HttpResponse:
        """Create an organization or person from a candidate; tag the article with it."""
        kind, name = request.POST.get("kind", ""), request.POST.get("name", "")
        organization_kind = request.POST.get("organization_kind", "")
        entity = self._create_candidate(request, kind, name, organization_kind=organization_kind)
        article = Article.objects.filter(
            pk=request.POST.get("article") or None  # type: ignore[misc]  # None matches nothing
        ).first()
        if article and entity is not None and self.has_change_permission(request, article):
            field = "organizations" if isinstance(entity, Organization) else "people"
            article.add_tag(field, entity, by=request.user)
            return _to_change_page(article.pk)
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    def _create_candidate(
        self, request: HttpRequest, kind: str, name: str, *, organization_kind: str = ""
    ) -> Organization | Person | None:
        """Register the candidate (see `register_candidate`) and say what happened."""
        try:
            entity, created = register_candidate(
                kind, name, by=request.user, organization_kind=organization_kind
            )
        except ValueError as error:
            messages.error(request, str(error))
            return None
        verb = "Created" if created else "Found existing"
        messages.success(request, f"{verb} {entity._meta.verbose_name} “{entity}”.")
        return entity

    # -- wire versions held back for review ---------------------------------

    def incoming_view(self, request: HttpRequest, pk: int, decision: str) -> HttpResponse:
        """Apply or dismiss a wire version that arrived after local edits."""
        pending = IncomingVersion.objects.pending().select_related("article")
        incoming = get_object_or_404(pending, pk=pk)
        if decision not in {"apply", "dismiss"}:
            return HttpResponse("Unknown decision.", status=400)
        if not self.has_change_permission(request, incoming.article):
            raise PermissionDenied
        try:
            with transaction.atomic():
                ensure_current(Article, incoming.article_id, int(request.POST.get("version", -1)))
                getattr(incoming, decision)(by=request.user)
        except (StaleVersion, ValueError) as error:
            messages.error(request, f"Nothing done: {error} Look again, then decide.")
            return _to_change_page(incoming.article_id)
        done = "Applied the wire version." if decision == "apply" else "Kept your text."
        messages.success(request, done)
        return _to_change_page(incoming.article_id)


def _accepted_tags(request: HttpRequest) -> dict[str, list[str]]:
    """Read the ticked suggestion boxes (named tag-<kind>) of the preview."""
    return {kind: request.POST.getlist(f"tag-{kind}") for kind in TAG_KINDS}


def _to_change_page(pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[pk]))

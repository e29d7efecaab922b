"""The wire desk's admin screens, as plain views the report admin routes to.

The import screen (paste or upload, preview, create drafts), the suggested-tags panel's
actions (apply a tag, register a candidate) and the held wire versions (apply or
dismiss). Each view takes the report admin (`model_admin`) for its permissions and
its site's context.
"""

from __future__ import annotations

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

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

NO_QUEUE_HELP = (
    "Import it with `manage.py ingest FILE`, or register its address as a wire source "
    "(Ingest → Wire sources) to have it polled in the background."
)
NO_QUEUE = (
    f"No task queue is configured to take it (set REDIS_URL and start a worker). {NO_QUEUE_HELP}"
)


# -- the import screen -----------------------------------------------------


def import_view(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    """Paste or upload, preview the parse and the suggested tags, then create drafts."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if candidate := request.POST.get("candidate"):  # 'organization:publication|Hummat'
        kind, _, name = candidate.partition("|")
        kind, _, organization_kind = kind.partition(":")
        # Before parsing, so the preview then matches it.
        _create_candidate(request, kind, name, organization_kind=organization_kind)
    form = WireImportForm(request.POST or None, request.FILES or None)
    if form.is_bound and form.is_valid() and len(form.reports) > settings.WIRE_INLINE_ITEMS:
        return _large_feed(request, model_admin, form)
    if form.is_bound and form.is_valid() and "create" in request.POST:
        return _create_drafts(request, model_admin, form)
    return _import_page(request, model_admin, form)


def _import_page(
    request: HttpRequest, model_admin: ModelAdmin, form: WireImportForm, *, queue_items: int = 0
) -> HttpResponse:
    previewed = form.is_bound and not form.errors and not queue_items
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Import wire report",
        "form": form,
        "previews": _previews(form) if previewed else [],
        "queue_items": queue_items,
    }
    return TemplateResponse(request, "admin/articles/article/import.html", context)


def _large_feed(
    request: HttpRequest, model_admin: ModelAdmin, form: WireImportForm
) -> HttpResponse:
    """Hand a feed too big for one request to the queue, or refuse it and say why."""
    count, limit = len(form.reports), settings.WIRE_INLINE_ITEMS
    too_many = f"This input has {count:,} items; the import screen takes at most {limit:,}."
    if not queue_configured():
        form.add_error(None, f"{too_many} {NO_QUEUE}")
        return _import_page(request, model_admin, form)
    if "create" not in request.POST:
        return _import_page(request, model_admin, form, queue_items=count)
    data = form.cleaned_data
    try:
        enqueue(import_feed, data["payload"], data["filename"], data["format"], request.user.pk)
    except QueueUnavailable as error:
        form.add_error(None, f"{too_many} {error} {NO_QUEUE_HELP}")
        return _import_page(request, model_admin, form)
    messages.success(
        request,
        f"{count:,} items were handed to the background queue: they appear among the "
        "drafts as a worker imports them.",
    )
    return HttpResponseRedirect(
        reverse("admin:articles_article_changelist") + "?status__exact=draft"
    )


def _previews(form: WireImportForm) -> list[dict]:
    previews = []
    for report in form.reports:
        tags = tag_report(report)
        text = tagging_text(report.headline, report.summary, report.body)
        rows = [{"suggestion": s, "field": FIELD_FOR_KIND[s.kind]} for s in tags.all()]
        previews.append(
            {"report": report, "tags": tags, "rows": rows, "highlighted": highlight(text, tags)}
        )
    return previews


def _create_drafts(
    request: HttpRequest, model_admin: ModelAdmin, form: WireImportForm
) -> HttpResponse:
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
        return _import_page(request, model_admin, form)
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


def suggestion_context(article: Article) -> dict:
    """What the change page's suggestion panel shows: tags, candidates, held versions."""
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


def add_tag_view(request: HttpRequest, model_admin: ModelAdmin, pk: int) -> HttpResponse:
    """Apply one suggested tag (the no-JavaScript path of the panel's buttons)."""
    article = get_object_or_404(Article, pk=pk)
    if not model_admin.has_change_permission(request, article):
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


def create_candidate_view(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    """Create an organization or person from a candidate; tag the article with it."""
    kind, name = request.POST.get("kind", ""), request.POST.get("name", "")
    organization_kind = request.POST.get("organization_kind", "")
    entity = _create_candidate(request, kind, name, organization_kind=organization_kind)
    article = Article.objects.filter(
        pk=request.POST.get("article") or None  # type: ignore[misc]  # None matches nothing
    ).first()
    if article and entity is not None and model_admin.has_change_permission(request, article):
        field = "organizations" if isinstance(entity, Organization) else "people"
        article.add_tag(field, entity, by=request.user)
        return _to_change_page(article.pk)
    return HttpResponseRedirect(reverse("admin:articles_article_changelist"))


def _create_candidate(
    request: HttpRequest, kind: str, name: str, *, organization_kind: str = ""
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


def incoming_view(
    request: HttpRequest, model_admin: ModelAdmin, pk: int, decision: str
) -> HttpResponse:
    """Apply or dismiss a wire version that arrived after local edits."""
    pending = IncomingVersion.objects.pending().select_related("article")
    incoming = get_object_or_404(pending, pk=pk)
    if decision not in {"apply", "dismiss"}:
        return HttpResponse("Unknown decision.", status=400)
    if not model_admin.has_change_permission(request, incoming.article):
        raise PermissionDenied
    try:
        with transaction.atomic():
            ensure_current(Article, incoming.article_id, int(request.POST.get("version", -1)))
            getattr(incoming, decision)(by=request.user)
    except (StaleVersion, ValueError) as error:
        messages.error(request, f"Nothing done: {error} Look again, then decide.")
        return _to_change_page(incoming.article_id)
    if incoming.notice:
        done = "Withdrew the report." if decision == "apply" else "Set the notice aside."
    else:
        done = "Applied the wire version." if decision == "apply" else "Kept your text."
    messages.success(request, done)
    return _to_change_page(incoming.article_id)


def _accepted_tags(request: HttpRequest) -> dict[str, list[str]]:
    """Read the ticked suggestion boxes (named tag-<kind>) of the preview."""
    return {kind: request.POST.getlist(f"tag-{kind}") for kind in TAG_KINDS}


def _to_change_page(pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("admin:articles_article_change", args=[pk]))

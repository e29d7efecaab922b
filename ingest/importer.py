"""Turn a parsed wire report into a tagged draft, or update the report it is a version of."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from articles.html import sanitize_body
from articles.models import Article, ArticleStatus, text_checksum
from events.models import Event
from ingest.dateline import find_dateline
from ingest.dedupe import find_near_duplicate
from ingest.models import IncomingVersion
from ingest.registry import Snapshot, get_registry
from ingest.tagger import TAG_KINDS, TagResult, suggest_tags
from ingest.types import ParsedReport, WireError
from organizations.models import Organization, Person
from places.models import Country

CREATED, UPDATED, DUPLICATE, HELD = "created", "updated", "duplicate", "held for review"
TAG_MODELS = {
    "countries": Country,
    "organizations": Organization,
    "people": Person,
    "events": Event,
}


@dataclass
class ImportOutcome:
    action: str  # created, updated, duplicate, held for review
    article: Article
    tags: TagResult
    messages: list[str] = field(default_factory=list)


def tagging_text(headline: str, summary: str, body: str) -> str:
    """Return the text tags are suggested from (and highlighted in): headline, summary, body."""
    return f"{headline}\n\n{strip_tags(summary)}\n\n{strip_tags(body)}"


def tag_report(report: ParsedReport, *, registry: Snapshot | None = None) -> TagResult:
    """Suggest tags for a parsed report (its agency is the source, not a subject)."""
    registry = registry or get_registry()
    agency_id = registry.agency_id(report.agency) if report.agency else None
    return suggest_tags(
        tagging_text(report.headline, report.summary, report.body),
        report_date=report.report_date,
        dateline_country=report.dateline.country,
        exclude_organizations=[agency_id] if agency_id else [],
        registry=registry,
    )


def tag_article(article: Article) -> TagResult:
    """Suggest tags for an article's current text."""
    return suggest_tags(
        tagging_text(article.headline, article.summary, article.body),
        report_date=article.dateline_date
        or (article.published_at or article.created_at or timezone.now()).date(),
        dateline_country=article.dateline_country_id or "",
        exclude_organizations=[article.agency_id] if article.agency_id else [],
    )


@transaction.atomic
def import_report(
    report: ParsedReport,
    *,
    by=None,
    accepted: dict[str, list] | None = None,
    source: str = "",
    registry: Snapshot | None = None,
) -> ImportOutcome:
    """Create a draft from a wire report, or update (or hold back) the report it re-sends.

    `accepted` limits the tags to those an editor ticked ({"countries": [...], …});
    without it every suggestion is applied.
    """
    registry = registry or get_registry()
    _validate(report)
    tags = tag_report(report, registry=registry)
    agency = _agency(report, registry)
    existing = _existing(agency, report.agency_item_id)
    if existing is not None:
        return _update(existing, report, tags, by=by, accepted=accepted, source=source)
    article = Article(status=ArticleStatus.DRAFT, created_by=by, updated_by=by, agency=agency)
    article._history_user = by
    _fill(article, report)
    messages = _check_near_duplicate(article)
    _save_with_tags(article, tags, accepted, created=True)
    messages += _agency_messages(report, agency)
    return ImportOutcome(CREATED, article, tags, messages + report.warnings)


def _validate(report: ParsedReport) -> None:
    if report.error:
        raise WireError(report.error)
    if not report.headline.strip():
        raise WireError("The report has no headline.")
    if not strip_tags(report.body).strip():
        raise WireError("The report has no text.")


def _agency(report: ParsedReport, registry: Snapshot) -> Organization | None:
    agency_id = registry.agency_id(report.agency) if report.agency else None
    return Organization.objects.filter(pk=agency_id).first() if agency_id else None


def _agency_messages(report: ParsedReport, agency: Organization | None) -> list[str]:
    if report.agency and agency is None:
        return [f"The agency {report.agency!r} is not in the registry; add it to link the report."]
    if not report.agency:
        return ["No agency was found in the report; set it by hand."]
    return []


def _existing(agency: Organization | None, item_id: str) -> Article | None:
    if not agency or not item_id:
        return None
    return Article.objects.select_for_update().filter(agency=agency, agency_item_id=item_id).first()


def _fill(article: Article, report: ParsedReport) -> None:
    """Copy the wire's fields onto the article (text, dateline, source, times)."""
    article.headline = report.headline[:500]
    article.summary = report.summary
    article.body = sanitize_body(report.body)
    article.dateline_raw = report.dateline.raw[:255]
    article.dateline_city_id = report.dateline.city_id
    article.dateline_country_id = report.dateline.country or None
    article.dateline_date = report.dateline.date
    article.agency_item_id = report.agency_item_id[:255]
    article.byline = report.byline[:255]
    article.language = report.language or "en"
    article.source_url = report.source_url[:500] if report.source_url.startswith("http") else ""
    article.embargo_until = report.embargo_until or article.embargo_until


def _check_near_duplicate(article: Article) -> list[str]:
    fingerprint, near = find_near_duplicate(article.headline, article.body, exclude_pk=article.pk)
    article.fingerprint = fingerprint
    if near is None:
        return []
    article.near_duplicate_of, article.similarity = near.article, round(near.similarity, 3)
    return [
        f"This looks like a re-file of “{near.article.headline}” "
        f"({near.similarity:.0%} of its wording is shared)."
    ]


def _save_with_tags(
    article: Article, tags: TagResult, accepted: dict[str, list] | None, *, created: bool
) -> None:
    """Save the article and its tags as one revision (not one per tag field)."""
    article.skip_history_when_saving = True
    article.mark_imported()
    article.save()
    _set_tags(article, tags, accepted, add=not created)
    del article.skip_history_when_saving
    article._revisions.record(article, created=created)


def _set_tags(
    article: Article, tags: TagResult, accepted: dict[str, list] | None, *, add: bool = False
) -> None:
    """Tag the article with the suggestions (or the accepted subset); add keeps existing tags."""
    for kind in TAG_KINDS:
        keys = tags.keys(kind) if accepted is None else accepted.get(kind, [])
        valid = list(TAG_MODELS[kind].objects.filter(pk__in=keys).values_list("pk", flat=True))
        manager = getattr(article, kind)
        if add:
            manager.add(*valid)
        else:
            manager.set(valid)


def _update(
    article: Article, report: ParsedReport, tags: TagResult, *, by, accepted, source: str
) -> ImportOutcome:
    """Apply a re-sent version, unless the text is unchanged or an editor has edited it."""
    incoming = text_checksum(
        report.headline[:500], report.summary, sanitize_body(report.body), report.dateline.raw[:255]
    )
    if incoming == article.ingest_checksum:
        return ImportOutcome(DUPLICATE, article, tags, ["Already imported; nothing changed."])
    held = _hold_reason(article)
    if held:
        IncomingVersion.objects.create(
            article=article,
            agency_version=report.agency_version[:64],
            headline=report.headline[:500],
            summary=report.summary,
            body=sanitize_body(report.body),
            dateline_raw=report.dateline.raw[:255],
            source=source[:255],
        )
        message = f"{held}: the new wire version is kept for review on its page, not applied."
        return ImportOutcome(HELD, article, tags, [message])
    _fill(article, report)
    _check_near_duplicate(article)
    article.updated_by = by
    article._history_user = by
    _save_with_tags(article, tags, accepted, created=False)
    return ImportOutcome(UPDATED, article, tags, ["Updated to the agency's new version."])


def _hold_reason(article: Article) -> str:
    """Say why a re-sent version must wait for an editor ('' when it may be applied)."""
    if article.status not in (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW):
        return f"The report is already {article.get_status_display().lower()}"
    if article.is_locally_edited:
        return "An editor has changed this report since it was imported"
    return ""


def resolve_dateline(article: Article) -> None:
    """Resolve the article's printed dateline to city, country and date again."""
    reference = article.dateline_date or timezone.localdate()
    match = find_dateline(
        article.dateline_raw.rstrip(" .") + ".", lookup=get_registry(), reference=reference
    )
    article.dateline_city_id = match.city_id
    article.dateline_country_id = match.country or None
    article.dateline_date = match.date or article.dateline_date

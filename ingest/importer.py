"""Turn a parsed wire report into a tagged draft, or update the report it is a version of."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

from articles.coverage import tag_new_report
from articles.html import sanitize_body
from articles.models import Article, ArticleStatus, text_checksum
from editorial.revisions import one_revision
from events.models import Event
from ingest.dateline import find_dateline
from ingest.dedupe import NearDuplicate, find_near_duplicate, item_keys
from ingest.markup import plain_text
from ingest.models import IncomingStatus, IncomingVersion, WireItem
from ingest.registry import Snapshot, get_registry
from ingest.tagger import TAG_KINDS, Suggestion, TagResult, suggest_tags
from ingest.types import CANCELED, WITHHELD, NotYours, ParsedReport, WireError
from organizations.models import Organization, Person
from places.models import City, Country

CREATED, UPDATED, DUPLICATE, HELD = "created", "updated", "duplicate", "held for review"
RACED = (
    "Another import saved this item a moment ago, at the same time as this one: "
    "it is one report, not two."
)
TAG_MODELS: dict[str, type[Country | Organization | Person | Event]] = {
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
    return f"{headline}\n\n{plain_text(summary)}\n\n{plain_text(body)}"


def tag_report(
    report: ParsedReport, *, registry: Snapshot | None = None, candidates: bool = True
) -> TagResult:
    """Suggest tags for a parsed report (its agency is the source, not a subject), and
    the names it introduces that the registry lacks unless `candidates` is false."""
    registry = registry or get_registry()
    agency_id = registry.agency_id(report.agency) if report.agency else None
    tags = suggest_tags(
        tagging_text(report.headline, report.summary, report.body),
        report_date=report.report_date,
        dateline_country=report.dateline.country,
        exclude_organizations=[agency_id] if agency_id else [],
        registry=registry,
        byline=report.byline,
        credits=report.credits,
        captions=report.captions,
        candidates=candidates,
    )
    if report.declared:
        add_declared_tags(tags, report.declared)
    return tags


SINGULAR = {"countries": "country", "organizations": "organization", "people": "person",
            "events": "event"}  # fmt: skip


def add_declared_tags(tags: TagResult, declared: dict[str, list[str]]) -> None:
    """Add the tags a structured report declares (by slug, countries by ISO code) that
    the registry knows, after those found in its text: what another system tagged,
    ours keeps (an export read back gets its own tags)."""
    for kind, identifiers in declared.items():
        model = TAG_MODELS[kind]
        lookup = "code" if kind == "countries" else "slug"
        found = model.objects.filter(**{f"{lookup}__in": identifiers})
        have = set(tags.keys(kind))
        suggestions = getattr(tags, kind)
        for record in sorted(found, key=lambda r: identifiers.index(getattr(r, lookup))):
            if record.pk not in have:
                suggestion = Suggestion(SINGULAR[kind], record.pk, str(record))
                suggestion.add(None, "tagged so by the source")
                suggestions.append(suggestion)


def tag_article(article: Article) -> TagResult:
    """Suggest tags for an article's current text."""
    return suggest_tags(
        tagging_text(article.headline, article.summary, article.body),
        report_date=article.dateline_date
        or (article.published_at or article.created_at or timezone.now()).date(),
        dateline_country=article.dateline_country_id or "",
        exclude_organizations=[article.agency_id] if article.agency_id else [],
        byline=article.byline,
    )


@transaction.atomic
def import_report(
    report: ParsedReport,
    *,
    by=None,
    accepted: dict[str, list] | None = None,
    source: str = "",
    origin: str = "",
    agency: Organization | None = None,
    registry: Snapshot | None = None,
    may_change: bool = True,
) -> ImportOutcome:
    """Create a draft from a wire report, or update (or hold back) the report it re-sends.

    `accepted` limits the tags to those an editor ticked ({"countries": [...], …});
    without it every suggestion is applied. `origin` is the feed or folder address the
    report was read from, and `agency` the agency to file it under when the report
    names no registered one: with them an item id is recognised without an agency.
    Many reports at once go faster through `ingest.batch.import_reports`. Without
    `may_change`, a report `by` did not import is never updated nor given a notice
    (`NotYours`): an account that may only add reports files its own copy, no one else's.
    """
    item = prepare(report, registry=registry or get_registry(), origin=origin, agency=agency)
    return import_prepared(item, by=by, accepted=accepted, source=source, may_change=may_change)


@dataclass
class Prepared:
    """A checked and tagged report, with the agency and item keys it is filed under."""

    report: ParsedReport
    tags: TagResult
    agency: Organization | None
    item_id: str
    keys: list[str]


def prepare(
    report: ParsedReport, *, registry: Snapshot, origin: str = "", agency: Organization | None
) -> Prepared:
    """Check a report can be imported (WireError says why not) and suggest its tags."""
    _validate(report)
    # Saving needs the tags; the change page looks for candidates when it is opened
    tags = tag_report(report, registry=registry, candidates=False)
    agency = _agency(report, registry) or agency
    keys = item_keys(
        agency_id=agency.pk if agency else None,
        origin=origin,
        provider=report.agency or report.feed_title,  # a feed of an unregistered agency
        item_id=report.agency_item_id,
    )
    return Prepared(report, tags, agency, report.agency_item_id[:255], keys)


def import_prepared(
    item: Prepared,
    *,
    by=None,
    accepted: dict[str, list] | None = None,
    source: str = "",
    may_change: bool = True,
) -> ImportOutcome:
    """Import one prepared report (in the caller's transaction): see `import_report`.

    `source` labels a version held for review; by default, the file the report came from.
    """
    source = source or item.report.received_from
    report, tags, agency, item_id, keys = (
        item.report, item.tags, item.agency, item.item_id, item.keys
    )  # fmt: skip
    for attempt in (1, 2):
        existing = _existing(agency, item_id, keys)
        if existing is not None:
            if not may_change and existing.created_by_id != getattr(by, "pk", None):
                raise NotYours(
                    "A report of this agency item is already here, imported by another "
                    "account: sending a new version or a notice for it needs the "
                    "permission to change reports."
                )
            outcome = _update(existing, report, tags, by=by, accepted=accepted, source=source)
            _remember(existing, item_id, keys, strict=False)
            outcome.messages[:0] = [RACED] if attempt == 2 else []
            return outcome
        try:
            with transaction.atomic():  # a savepoint: an import of the same item may race us
                return _create(report, tags, agency, keys, by=by, accepted=accepted)
        except IntegrityError:
            if attempt == 2:  # no report of this item, yet a conflict: say so, never a 500
                raise WireError(
                    "The report could not be saved: another import wrote the same records "
                    "at the same moment. Import it again."
                ) from None
    raise AssertionError("unreachable")


def new_draft(report: ParsedReport, agency: Organization | None, *, by) -> Article:
    """Return an unsaved draft holding the wire's text, dateline and source."""
    article = Article(status=ArticleStatus.DRAFT, created_by=by, updated_by=by, agency=agency)
    article._history_user = by
    _fill(article, report)
    return article


def mark_new(article: Article, slug: str) -> None:
    """Ready a new draft for a bulk insert: set what `Article.save()` and `mark_imported` would."""
    article.slug = slug
    if article.dateline_city_id and not article.dateline_country_id:
        article.dateline_country_id = cast(City, article.dateline_city).country_id
    article.mark_imported()
    article._loaded_headline = article.headline


def _create(
    report: ParsedReport,
    tags: TagResult,
    agency: Organization | None,
    keys: list[str],
    *,
    by,
    accepted: dict[str, list] | None,
) -> ImportOutcome:
    if report.pub_status == CANCELED:
        raise WireError(
            "The agency canceled this item (it must not be used), and no report of it is "
            "here to withdraw: nothing was imported."
        )
    article = new_draft(report, agency, by=by)
    messages = _check_near_duplicate(article)
    if (same := _same_copy(article, report)) is not None:
        # The very copy again, with no item id to tell it by (a client retrying, a paste
        # sent twice): the report it already made, not a second draft.
        return ImportOutcome(DUPLICATE, same, tags, ["Already imported; nothing changed."])
    _save_new(article, tags, accepted)
    _remember(article, article.agency_item_id, keys, strict=True)
    if report.pub_status == WITHHELD:  # shown on the draft's page until it is released
        _held_version(article, report, "", notice=WITHHELD)
    return ImportOutcome(CREATED, article, tags, messages + created_messages(report, agency))


def decided_one_by_one(report: ParsedReport, near: NearDuplicate | None) -> bool:
    """Whether a new item needs the one-by-one rules rather than a bulk insert: a kill
    notice (refused) or a withheld item (held), or a report without an item id having all
    the wording of a saved one, which may be the very same copy again (`_same_copy`)."""
    if report.pub_status:
        return True
    return not report.agency_item_id and near is not None and round(near.similarity, 3) >= 1


def _same_copy(article: Article, report: ParsedReport) -> Article | None:
    """The report imported from exactly this copy (text, dateline, agency), when the copy
    has no item id; None otherwise."""
    near = article.near_duplicate_of
    if report.agency_item_id or near is None or (article.similarity or 0) < 1:
        return None
    if near.status == ArticleStatus.WITHDRAWN:
        return None  # sent again after a withdrawal: a new draft, flagged as a re-file
    same = near.agency_id == article.agency_id and near.ingest_checksum == article.text_checksum()
    return near if same else None


def _checksum(report: ParsedReport) -> str:
    """The checksum of a report's text as imported (`Article.ingest_checksum`)."""
    return text_checksum(
        report.headline[:500], report.summary, sanitize_body(report.body), report.dateline.raw[:255]
    )


def _validate(report: ParsedReport) -> None:
    if report.error:
        raise WireError(report.error)
    if not report.headline.strip():
        raise WireError("The report has no headline.")
    if not plain_text(report.body).strip():
        raise WireError("The report has no text.")


def _agency(report: ParsedReport, registry: Snapshot) -> Organization | None:
    """Return the registered agency the report names, read once per registry snapshot."""
    agency_id = registry.agency_id(report.agency) if report.agency else None
    if not agency_id:
        return None
    global _agency_rows
    snapshot, known = _agency_rows
    if snapshot() is not registry:
        known = {}
        _agency_rows = (weakref.ref(registry), known)
    if agency_id not in known:
        known[agency_id] = Organization.objects.filter(pk=agency_id).first()
    return known[agency_id]


# A feed sends hundreds of reports from one agency: its row is read once per registry
# snapshot (any registry change makes a new snapshot) and forgotten with it.
_agency_rows: tuple[Callable[[], Snapshot | None], dict[int, Organization | None]] = (
    lambda: None,
    {},
)


def created_messages(report: ParsedReport, agency: Organization | None) -> list[str]:
    """Return what an editor should know of a draft just created (agency, parse warnings)."""
    if agency is not None:
        notes = []
    elif report.agency:
        notes = [f"The agency {report.agency!r} is not in the registry; add it to link the report."]
    else:
        notes = ["No agency was found in the report; set it by hand."]
    if report.pub_status == WITHHELD:
        notes.append("The agency withholds this item: do not publish it until it is released.")
    return notes + report.warnings


def _existing(agency: Organization | None, item_id: str, keys: list[str]) -> Article | None:
    """Return (locked) the report this item id already is, from any of its sources.

    One query finds every candidate; the agency's own report wins, then the surest key.
    """
    if not item_id:
        return None
    recorded = WireItem.objects.filter(item_id=item_id, source_key__in=keys)
    match = Q(pk__in=recorded.values("article_id"))
    if agency is not None:  # also finds a report written by hand with the agency's item id
        match |= Q(agency=agency, agency_item_id=item_id)
    found = list(Article.objects.select_for_update().filter(match))
    if len(found) < 2:
        return found[0] if found else None
    own = (agency.pk, item_id) if agency is not None else None
    filed = [a for a in found if (a.agency_id, a.agency_item_id) == own]
    if filed:
        return filed[0]
    known = dict(recorded.values_list("source_key", "article_id"))
    by_pk = {a.pk: a for a in found}
    return next(by_pk[known[key]] for key in keys if key in known)


def _remember(article: Article, item_id: str, keys: list[str], *, strict: bool) -> None:
    """Record the item's keys; strict raises IntegrityError if another report holds one."""
    if item_id and keys:
        rows = [WireItem(source_key=key, item_id=item_id, article=article) for key in keys]
        WireItem.objects.bulk_create(rows, ignore_conflicts=not strict)


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
    article.ingest_sent_at = report.version_created or article.ingest_sent_at


def _check_near_duplicate(article: Article) -> list[str]:
    fingerprint, near = find_near_duplicate(article.headline, article.body, exclude_pk=article.pk)
    return note_near_duplicate(article, fingerprint, near)


def note_near_duplicate(
    article: Article, fingerprint: int, near: NearDuplicate | None
) -> list[str]:
    """Set the article's fingerprint and near duplicate; return the editor's warning."""
    article.fingerprint = fingerprint
    if near is None:
        return []
    article.near_duplicate_of, article.similarity = near.article, round(near.similarity, 3)
    return [
        f"This looks like a re-file of “{near.article.headline}” "
        f"({near.similarity:.0%} of its wording is shared)."
    ]


def _save_new(article: Article, tags: TagResult, accepted: dict[str, list] | None) -> None:
    """Insert the article, its tags, their index rows and its first revision, in bulk.

    The same few statements whatever the number of tags: one per tag kind checks and
    writes its tags, one writes the index rows, and the revision copies the tags inside
    the database (see tests/ingest/test_import_queries.py).
    """
    with one_revision(article, created=True) as revision:
        article.skip_coverage_when_saving = True
        article.mark_imported()
        article.save()
        del article.skip_coverage_when_saving
        revision.m2m_fields = tag_new_report(article, wanted_keys(tags, accepted))


def _save_with_tags(article: Article, tags: TagResult, accepted: dict[str, list] | None) -> None:
    """Save a re-sent version and add its tags, as one revision (not one per tag field)."""
    with one_revision(article):
        article.mark_imported()
        article.save()
        for kind, keys in _registered(_wanted(tags, accepted)).items():
            getattr(article, kind).add(*keys)


def wanted_keys(tags: TagResult, accepted: dict[str, list] | None) -> dict[str, list]:
    """Return the keys to tag a new report with, per tag field (see `_wanted`)."""
    return _keys(_wanted(tags, accepted))


def _wanted(tags: TagResult, accepted: dict[str, list] | None) -> dict[str, list]:
    """Return the tags to apply: every suggestion, or only those an editor ticked."""
    if accepted is None:
        return {kind: tags.keys(kind) for kind in TAG_KINDS}
    return {kind: list(accepted.get(kind, [])) for kind in TAG_KINDS}


def _keys(wanted: dict[str, list]) -> dict[str, list]:
    """Return each kind's keys as its model's key type, once each."""
    return {kind: _typed(TAG_MODELS[kind], keys) for kind, keys in wanted.items()}


def _typed(model: type[models.Model], keys: list) -> list:
    """Return keys as the model's key type ('12' from a form is 12), without repeats.

    A key that cannot be one (a tampered form) names nothing in the registry: dropped.
    """
    typed = []
    for key in keys:
        try:
            typed.append(model._meta.pk.to_python(key))
        except ValidationError:
            continue
    return list(dict.fromkeys(typed))


def _registered(wanted: dict[str, list]) -> dict[str, list]:
    """Keep the keys still in the registry."""
    return {
        kind: list(TAG_MODELS[kind].objects.filter(pk__in=keys).values_list("pk", flat=True))
        for kind, keys in _keys(wanted).items()
    }


def _update(
    article: Article, report: ParsedReport, tags: TagResult, *, by, accepted, source: str
) -> ImportOutcome:
    """Apply a re-sent version, unless the text is unchanged or an editor has edited it."""
    if report.pub_status:
        return _hold_notice(article, report, tags, source=source)
    released = _release_withheld(article)
    outcome = _apply_version(article, report, tags, by=by, accepted=accepted, source=source)
    outcome.messages[:0] = released
    return outcome


def _apply_version(
    article: Article, report: ParsedReport, tags: TagResult, *, by, accepted, source: str
) -> ImportOutcome:
    incoming = _checksum(report)
    if incoming == article.ingest_checksum:
        return ImportOutcome(DUPLICATE, article, tags, ["Already imported; nothing changed."])
    if _already_held(article, incoming):
        return ImportOutcome(DUPLICATE, article, tags, ["This version already waits for review."])
    held = _hold_reason(article, report)
    if held:
        _held_version(article, report, source)
        message = f"{held}: the new wire version is kept for review on its page, not applied."
        return ImportOutcome(HELD, article, tags, [message])
    _fill(article, report)
    _check_near_duplicate(article)
    article.updated_by = by
    article._history_user = by
    _save_with_tags(article, tags, accepted)
    return ImportOutcome(UPDATED, article, tags, ["Updated to the agency's new version."])


def _hold_notice(
    article: Article, report: ParsedReport, tags: TagResult, *, source: str
) -> ImportOutcome:
    """Keep the agency's word that a report must not be used (canceled, or withheld until
    further notice) on the report's page, for an editor to act on; once."""
    if article.status == ArticleStatus.WITHDRAWN:
        return ImportOutcome(DUPLICATE, article, tags, ["The report is withdrawn already."])
    # Waiting, or decided on by an editor: a feed re-sends its items for hours. (One the
    # agency's release set aside does not count: it may withhold the item again.)
    notices = article.incoming_versions.filter(notice=report.pub_status)
    if notices.exclude(status=IncomingStatus.DISMISSED, decided_by=None).exists():
        return ImportOutcome(DUPLICATE, article, tags, ["This notice was received already."])
    _held_version(article, report, source, notice=report.pub_status)
    said = {
        CANCELED: "The agency canceled this item: it must not be used.",
        WITHHELD: "The agency withholds this item: it must not be used until it is released.",
    }[report.pub_status]
    todo = "Withdraw" if article.status == ArticleStatus.PUBLISHED else "Do not publish"
    return ImportOutcome(
        HELD, article, tags, [f"{said} {todo} the report; the notice waits on its page."]
    )


def _release_withheld(article: Article) -> list[str]:
    """Set aside the agency's withheld notices on the report: a usable version released
    it. Return what to tell the editor."""
    settled = article.incoming_versions.pending().filter(notice=WITHHELD)
    if not settled.update(status=IncomingStatus.DISMISSED, decided_at=timezone.now()):
        return []
    return ["The agency released the item it had withheld; its notice is set aside."]


def _held_version(article: Article, report: ParsedReport, source: str, *, notice: str = "") -> None:
    IncomingVersion.objects.create(
        article=article,
        notice=notice,
        agency_version=report.agency_version[:64],
        headline=report.headline[:500],
        summary=report.summary,
        body=sanitize_body(report.body),
        dateline_raw=report.dateline.raw[:255],
        source=source[:255],
    )


def _hold_reason(article: Article, report: ParsedReport) -> str:
    """Say why a re-sent version must wait for an editor ('' when it may be applied)."""
    if article.status not in (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW):
        return f"The report is already {article.get_status_display().lower()}"
    sent, last = report.version_created, article.ingest_sent_at
    if sent and last and sent < last:
        # Wires do not always deliver in order: a `1stLd` after the `2ndLd` is older.
        return "The agency sent this version before the one already imported"
    if not article.ingest_checksum:
        return "This report was written here, not imported from the wire"
    if article.is_locally_edited:
        return "An editor has changed this report since it was imported"
    return ""


def _already_held(article: Article, checksum: str) -> bool:
    """Return whether a version with this text already waits for review on the report."""
    pending = IncomingVersion.objects.filter(article=article, status=IncomingStatus.PENDING)
    return any(
        text_checksum(*fields) == checksum
        for fields in pending.values_list("headline", "summary", "body", "dateline_raw")
    )


def resolve_dateline(article: Article) -> None:
    """Resolve the article's printed dateline to city, country and date again."""
    reference = article.dateline_date or timezone.localdate()
    match = find_dateline(
        article.dateline_raw.rstrip(" .") + ".", lookup=get_registry(), reference=reference
    )
    article.dateline_city_id = match.city_id
    article.dateline_country_id = match.country or None
    article.dateline_date = match.date or article.dateline_date

"""Wire reports and the single definition of what the public may see."""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, cast

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection, models, transaction
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from articles.html import sanitize_body
from articles.workflow import ArticleStatus, EditorialWorkflow
from editorial.revisions import Revisions, one_revision
from events.models import Event
from newsroom.languages import text_direction, validate_language_tag
from newsroom.models import Tracked, slug_base, slug_url, unique_slug
from organizations.models import Organization, OrganizationKind, Person
from places.models import City, Country


def visible_at(now: datetime.datetime, prefix: str = "") -> Q:
    """What the public may see at `now`: published, publish time and embargo both past.

    The one definition of visibility, over `visible_from` (kept by the database as the
    later of publish time and embargo, for published reports only). `prefix` applies it
    to a copy of those columns, such as a `Coverage` row's.
    """
    return Q(**{f"{prefix}visible_from__lte": now})


def current_at(now: datetime.datetime, prefix: str = "") -> Q:
    """Not yet superseded at `now` by a published update or correction."""
    return Q(**{f"{prefix}superseded_at__isnull": True}) | Q(**{f"{prefix}superseded_at__gt": now})


# Marks the sync stream (ArticleQuerySet.changes), which pages by `changed_at`.
IN_STREAM = "in_change_stream"


def tagged_with(kind: str, value) -> Q:
    """Reports tagged with a record, read off the tag tables (and the dateline or filing
    agency): what `about` means for reports that have no coverage rows, withdrawn ones."""
    through = getattr(Article, TAG_FIELDS[kind]).through
    tagged = Q(Exists(through.objects.filter(article=OuterRef("pk"), **{kind: value})))
    if kind == "country":
        return tagged | Q(dateline_country=value)
    if kind == "organization":
        return tagged | Q(agency=value)
    return tagged


TAG_FIELDS = {"country": "countries", "event": "events", "organization": "organizations",
              "person": "people"}  # fmt: skip

# When a report becomes public (published reports only; the database keeps it).
VISIBLE_FROM = Case(
    When(
        status=ArticleStatus.PUBLISHED,
        then=Greatest(F("published_at"), Coalesce(F("embargo_until"), F("published_at"))),
    ),
    default=Value(None),
)

# Listing key of a queryset that walks an entity's coverage (see ArticleQuerySet.about).
LISTED_AT, LISTED_ID = "listed_at", "listed_id"


# What a report card shows (and how lists page): fewer columns, less to decode per row.
LISTING_FIELDS = (
    "id", "slug", "headline", "summary", "dateline_raw", "language", "status",
    "published_at", "embargo_until", "created_at", "updated_at", "visible_from", "superseded_at",
    "version",
    "update_of", "correction_of", "agency__id", "agency__name", "agency__slug",
)  # fmt: skip


# What a page of cards reads per report when its cards come from the cache: the card's
# key, the list's key, and the address and headline the page's structured data names.
# `articles.cards.render_cards` reads the rest for the cards it has to render.
CARD_KEY_FIELDS = (
    "id", "slug", "headline", "published_at", "created_at", "updated_at", "visible_from",
    "agency",
)  # fmt: skip


# A full dateline: the API's lists and every report page show it.
DATELINE_FIELDS = (
    "dateline_date", "dateline_city", "dateline_city__name", "dateline_city__country_id",
    "dateline_country", "dateline_country__name", "dateline_country__slug",
)  # fmt: skip

# What a report page and the API's report show besides those.
DETAIL_FIELDS = (
    "body", "byline", "agency_item_id", "source_url", "version", "correction_note",
    "withdrawn_at",
)  # fmt: skip

# What a report page lists of other reports (its chain, related reports): a linked line.
LINK_FIELDS = (
    "id", "slug", "headline", "published_at", "created_at", "visible_from", "correction_note",
    "update_of", "correction_of",
)  # fmt: skip

# A report's chain: up from it to the first report (through what each one follows, as
# `Article.predecessor`), then down every update and correction link from there.
CHAIN_SQL = (
    "WITH RECURSIVE up(id) AS (SELECT id FROM {t} WHERE id = %s "
    "UNION SELECT COALESCE(a.correction_of_id, a.update_of_id) FROM up JOIN {t} a ON a.id = up.id "
    "WHERE COALESCE(a.correction_of_id, a.update_of_id) IS NOT NULL), "
    "down(id) AS (SELECT id FROM up UNION SELECT a.id FROM down "
    "JOIN {t} a ON down.id IN (a.update_of_id, a.correction_of_id)) SELECT id FROM down"
)


DUPLICATE_ITEM_ID = "This agency already has a report with that item id."


class ArticleQuerySet(models.QuerySet):
    def published(self, now: datetime.datetime | None = None) -> ArticleQuerySet:
        """Keep what the public may see: published, publish time and embargo both past."""
        return self.filter(visible_at(now or timezone.now()))

    def withdrawn(self) -> ArticleQuerySet:
        """Keep withdrawn reports the public saw first (their pages answer 410 Gone).

        One withdrawn while still scheduled or embargoed was never public: it stays unknown.
        """
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=F("withdrawn_at")),
            status=ArticleStatus.WITHDRAWN,
            published_at__lte=F("withdrawn_at"),
        )

    def changes(self, now: datetime.datetime | None = None) -> ArticleQuerySet:
        """Keep what a mirror must know about: public reports, and withdrawn ones (which
        a mirror deletes), in the order they last changed for the public (`changed_at`).
        """
        now = now or timezone.now()
        stream = self.published(now) | self.withdrawn()
        return stream.annotate(**{IN_STREAM: Value(True)}).order_by("changed_at", "pk")

    def last_public_change(self) -> datetime.datetime | None:
        """When the public last saw a report change: appear, change, or leave (withdrawn);
        the sync stream's newest time (one step back along its index)."""
        latest = self.changes().order_by("-changed_at").values_list("changed_at", flat=True)
        return latest.first()

    def is_change_stream(self) -> bool:
        """Return whether this is the sync stream (`changes`) rather than a list."""
        return IN_STREAM in self.query.annotations

    def current(self, now: datetime.datetime | None = None) -> ArticleQuerySet:
        """Drop reports a published update or correction has superseded: lists show the latest."""
        return self.filter(current_at(now or timezone.now()))

    def following(self, ids: Iterable[int]) -> ArticleQuerySet:
        """Keep the updates and corrections of the reports with these ids."""
        ids = list(ids)
        return self.filter(Q(update_of__in=ids) | Q(correction_of__in=ids))

    def about(self, **entity) -> ArticleQuerySet:
        """Keep reports about one entity: `about(country="AZ")`, `about(event=event)`, ….

        A country covers reports tagged with it or datelined in it; an organization, reports
        tagged with it or filed by it (agencies). The first entity decides the listing key:
        lists then walk that entity's own index, newest first, however deep they page.
        """
        ((kind, value),) = entity.items()
        if kind not in COVERAGE_KINDS:
            raise TypeError(f"Not an entity kind: {kind}")
        if self.is_change_stream():  # withdrawn reports have no coverage rows: read tags
            return self.filter(tagged_with(kind, value))
        if self.is_listing_coverage():
            return self.filter(Exists(Coverage.objects.filter(article=OuterRef("pk"), **entity)))
        return self.filter(**{f"coverage__{kind}": value}).annotate(
            **{LISTED_AT: F("coverage__visible_from"), LISTED_ID: F("coverage__article_id")}
        )

    def is_listing_coverage(self) -> bool:
        """Return whether the list walks an entity's coverage rather than all reports."""
        return LISTED_AT in self.query.annotations

    def listing_key(self) -> tuple[str, str]:
        """Return the (time, id) field names lists are ordered and paged by."""
        if self.is_change_stream():
            return ("changed_at", "pk")
        return (LISTED_AT, LISTED_ID) if self.is_listing_coverage() else ("visible_from", "pk")

    def listed_between(
        self, after: datetime.datetime | None = None, before: datetime.datetime | None = None
    ) -> ArticleQuerySet:
        """Keep reports that became public between two times (either bound optional)."""
        at, _ = self.listing_key()
        bounds = {f"{at}__gte": after, f"{at}__lte": before}
        return self.filter(**{k: v for k, v in bounds.items() if v is not None})

    def newest_first(self) -> ArticleQuerySet:
        """Order by the time reports became public, newest first, with a stable tie-break.

        Reports never public have no such time and are left out.
        """
        at, ident = self.listing_key()
        return self.filter(**{f"{at}__isnull": False}).order_by(F(at).desc(), F(ident).desc())

    def for_listing(self) -> ArticleQuerySet:
        """Fetch what a list of reports shows: agency, dateline, events and countries."""
        return self._with_tags().only(*LISTING_FIELDS)

    def for_cards(self) -> ArticleQuerySet:
        """Fetch what finds a list's cards (`articles.cards.render_cards`): a few columns,
        no joins, no tags; the cards not kept are rendered from `for_listing` rows."""
        return self.select_related(None).prefetch_related(None).only(*CARD_KEY_FIELDS)

    def for_rows(self, *extra: str) -> ArticleQuerySet:
        """Fetch what a list of reports with their full datelines needs (the API's), and
        any `extra` fields; tags are left to `articles.tag_rows.attach_tag_rows`."""
        related = self.select_related("agency", "dateline_city", "dateline_country")
        return related.only(*LISTING_FIELDS, *DATELINE_FIELDS, *extra)

    def _with_tags(self) -> ArticleQuerySet:
        return self.select_related("agency").prefetch_related(
            Prefetch("events", queryset=Event.objects.only("pk", "name", "slug")),
            Prefetch("countries", queryset=Country.objects.only("pk", "name", "slug")),
        )

    def chain_of(self, article: Article) -> ArticleQuerySet:
        """Keep the reports of `article`'s update chain: those it updates or corrects,
        however far back, and every update or correction of any of them (one subquery)."""
        table = connection.ops.quote_name(Article._meta.db_table)
        chain = CHAIN_SQL.format(t=table)
        # PostgreSQL: an array of the few ids, so the reports are read by key, never hashed.
        if connection.vendor == "postgresql":
            test = f"{table}.id = ANY(ARRAY({chain}))"
        else:
            test = f"{table}.id IN ({chain})"
        return self.filter(RawSQL(test, [article.pk], output_field=models.BooleanField()))

    def related_to(
        self, article: Article, *, event: str | None = None, chain: Sequence[Article] = ()
    ) -> ArticleQuerySet:
        """Keep reports about the event with slug `event`, else about the report's dateline
        country (none if it has neither), other than it and its `chain`; newest first, off
        the entity's index."""
        if event is not None:
            event_pk = Subquery(Event.objects.filter(slug=event).order_by().values("pk"))
            about: dict[str, Any] = {"event": event_pk}
        elif article.dateline_country_id:
            about = {"country": article.dateline_country_id}
        else:
            return self.none()
        others = self.about(**about).exclude(pk__in={article.pk, *(r.pk for r in chain)})
        return others.newest_first()

    def for_detail(self, *extra: str) -> ArticleQuerySet:
        """Fetch what a report page shows, tags left to `articles.tag_rows.attach_tag_rows`.

        The predecessor is loaded only for the few reports that have one: every joined
        table multiplies the planner's work on the common case.
        """
        return self.for_rows().only(*LISTING_FIELDS, *DATELINE_FIELDS, *DETAIL_FIELDS, *extra)


class Article(EditorialWorkflow, Tracked):
    headline = models.CharField(max_length=500)
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="HTML; unsafe markup is removed on save.")
    dateline_raw = models.CharField(
        "dateline as printed",
        max_length=255,
        blank=True,
        help_text="E.g. RUSSIA, Astrakhan, September 19.",
    )
    dateline_city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.SET_NULL, related_name="datelined_articles"
    )
    dateline_country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="datelined_articles",
    )
    dateline_date = models.DateField(null=True, blank=True)
    agency = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filed_articles",
        limit_choices_to={"kind": OrganizationKind.NEWS_AGENCY},
    )
    agency_item_id = models.CharField(
        "agency's item id",
        max_length=255,
        blank=True,
        help_text="The agency's own id for the report.",
    )
    byline = models.CharField(max_length=255, blank=True)
    language = models.CharField(
        max_length=16,
        default="en",
        validators=[validate_language_tag],
        help_text="BCP 47 code, e.g. en, ru.",
    )
    source_url = models.URLField("source URL", max_length=500, blank=True)
    correction_note = models.TextField(
        blank=True,
        help_text="For an update or correction: what changed, in a sentence readers will see.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    visible_from = models.GeneratedField(
        expression=VISIBLE_FROM,
        output_field=models.DateTimeField(null=True),
        db_persist=True,
        help_text="When the public may first see it: the later of publish time and embargo.",
    )
    changed_at = models.GeneratedField(
        # A mirror's sync stream (`ArticleQuerySet.changes`) walks this: a report whose
        # embargo lifts or whose scheduled time comes "changes" then, not when last saved.
        expression=Greatest(F("updated_at"), Coalesce(VISIBLE_FROM, F("updated_at"))),
        output_field=models.DateTimeField(),
        db_persist=True,
        help_text="When the public last saw it change: the later of last save and going public.",
    )
    superseded_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When a published update or correction replaces it in lists.",
    )
    events = models.ManyToManyField(Event, blank=True, related_name="articles")
    countries = models.ManyToManyField(Country, blank=True, related_name="articles")
    organizations = models.ManyToManyField(Organization, blank=True, related_name="articles")
    people = models.ManyToManyField(Person, blank=True, related_name="articles")
    update_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    correction_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    near_duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="near_duplicates",
        help_text="An earlier report this one closely resembles (set on import).",
    )
    similarity = models.FloatField(null=True, blank=True, editable=False)
    fingerprint = models.BigIntegerField(null=True, blank=True, editable=False, db_index=True)
    ingest_checksum = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Checksum of the text as last imported.",
    )
    ingest_version = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="The version the wire last wrote."
    )
    ingest_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the agency sent the version last imported, by its own clock.",
    )

    objects = ArticleQuerySet.as_manager()
    history = Revisions(
        m2m_fields=[events, countries, organizations, people],
        excluded_fields=[
            "fingerprint",
            "ingest_checksum",
            "ingest_version",
            "ingest_sent_at",
            "similarity",
            "visible_from",
            "changed_at",
            "superseded_at",
        ],
    )

    # Set outside the fields, per instance (or on the class by `Revisions`):
    _revisions: ClassVar[Revisions]
    _history_user: Any  # django-simple-history: who the next revision is by
    skip_history_when_saving: bool  # django-simple-history: no revision for this save
    skip_coverage_when_saving: bool  # `articles.coverage`: the importer indexes it
    _loaded_predecessors: set[int | None]  # see from_db (None is taken out)
    _successors: set[int]  # `articles.coverage`: noted before a delete clears their links
    _loaded_headline: str | None  # see from_db
    tag_rows: dict[str, list[dict[str, Any]]]  # see `articles.tag_rows.attach_tag_rows`
    successor: Article | None  # see `articles.successors.attach_successors`

    class Meta:
        ordering = ["-published_at", "-pk"]
        permissions = [
            ("publish_article", "Can publish and schedule reports"),
            ("withdraw_article", "Can withdraw published reports"),
            ("lift_embargo", "Can lift embargoes"),
            ("restore_article", "Can restore earlier revisions of reports"),
        ]
        indexes = [
            # Lists walk these newest first (drafts, with no visible_from, are left out).
            models.Index(
                F("visible_from").desc(),
                F("id").desc(),
                condition=Q(visible_from__isnull=False),
                name="article_visible_idx",
            ),
            models.Index(
                F("agency"),
                F("visible_from").desc(),
                F("id").desc(),
                condition=Q(visible_from__isnull=False),
                name="article_agency_visible_idx",
            ),
            models.Index(
                F("dateline_country"),
                F("visible_from").desc(),
                F("id").desc(),
                condition=Q(visible_from__isnull=False),
                name="article_dateline_visible_idx",
            ),
            # The sync stream (`changes`) reads forward from a client's last position.
            models.Index(fields=["changed_at", "id"], name="article_changed_idx"),
            models.Index(
                fields=["superseded_at"],
                condition=Q(superseded_at__isnull=False),
                name="article_superseded_idx",
            ),
            models.Index(fields=["-published_at"], name="article_published_idx"),
            # The near-duplicate check reads the last two weeks' fingerprints off this alone.
            models.Index(
                fields=["created_at"],
                include=["fingerprint"],
                condition=Q(fingerprint__isnull=False),
                name="article_recent_fingerprint_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "agency_item_id"],
                condition=~Q(agency_item_id=""),
                name="article_unique_agency_item_id",
                violation_error_message=DUPLICATE_ITEM_ID,
            ),
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message="A published report needs a publish time.",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    # The stubs add Django 6's `fetch_mode` keyword, which Django 5.2 does not have.
    @classmethod
    def from_db(cls, db, field_names, values) -> Article:  # type: ignore[override]
        instance = super().from_db(db, field_names, values)
        links = {instance.__dict__.get("update_of_id"), instance.__dict__.get("correction_of_id")}
        instance._loaded_predecessors = links - {None}  # to release them if the links move
        instance._loaded_headline = instance.__dict__.get("headline")  # the slug follows it
        return instance

    def clean(self) -> None:
        if self.status == ArticleStatus.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        if self.agency_id and cast(Organization, self.agency).kind != OrganizationKind.NEWS_AGENCY:
            raise ValidationError({"agency": "Choose an organization of kind news agency."})
        for field in ("update_of", "correction_of"):
            if self.pk and getattr(self, f"{field}_id") == self.pk:
                raise ValidationError({field: "A report cannot point to itself."})
        if self.pk and self._chain_returns_here():
            raise ValidationError("This update or correction would make a loop of reports.")

    def validate_constraints(self, exclude=None) -> None:
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            # A duplicate item id is the item id's fault (the agency is only its scope):
            # name that field, as forms and the API name fields.
            errors = error.update_error_dict({})
            general = errors.pop(NON_FIELD_ERRORS, [])
            duplicate = [e for e in general if getattr(e, "message", None) == DUPLICATE_ITEM_ID]
            if duplicate:
                errors.setdefault("agency_item_id", []).extend(duplicate)
            rest = [e for e in general if e not in duplicate]
            raise ValidationError(
                {**errors, **({NON_FIELD_ERRORS: rest} if rest else {})}
            ) from None

    def save(self, *args, **kwargs) -> None:
        self.body = sanitize_body(self.body)
        if not self.slug or self._slug_follows_headline():
            self.slug = unique_slug(self, self.headline, max_length=100)
        if self.dateline_city_id and not self.dateline_country_id:
            self.dateline_country_id = cast(City, self.dateline_city).country_id
        if self.status == ArticleStatus.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        if self.pk:
            self.version += 1
        super().save(*args, **kwargs)
        self._loaded_headline = self.headline

    def _slug_follows_headline(self) -> bool:
        """Whether a never-published report's new headline should give it a new slug.

        Until it is published no reader has its address; a slug an editor chose by hand
        (not the one the old headline gave) is kept.
        """
        old = getattr(self, "_loaded_headline", None)
        if self.status not in (ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW):
            return False
        if old is None or old == self.headline:
            return False
        base = re.escape(slug_base(old, max_length=100))
        return re.fullmatch(rf"{base}(-\d+)?", self.slug) is not None

    def _chain_returns_here(self, limit: int = 100) -> bool:
        """Whether following update/correction links from here comes back to this report."""
        node = self.correction_of or self.update_of
        for _ in range(limit):
            if node is None:
                return False
            if node.pk == self.pk:
                return True
            node = node.correction_of or node.update_of
        return True

    def add_tag(self, field: str, target: models.Model, *, by) -> None:
        """Tag the report with one more record, as a saved change and one revision: the
        version grows, so a form opened before cannot silently undo it."""
        with transaction.atomic(), one_revision(self, by=by):
            getattr(self, field).add(target)
            self.updated_by = by
            self.save()

    def get_absolute_url(self) -> str:
        day = timezone.localtime(self.published_at or self.created_at or timezone.now()).date()
        return slug_url("articles:article_detail", self.slug, date=f"{day:%Y/%m/%d}")

    @property
    def text_direction(self) -> str:
        """Return "rtl" or "ltr": which way the report's language is written (`dir`)."""
        return text_direction(self.language)

    def text_checksum(self) -> str:
        """Return a checksum of the editable text, to tell local edits from the wire's."""
        return text_checksum(self.headline, self.summary, self.body, self.dateline_raw)

    @property
    def is_locally_edited(self) -> bool:
        """Return whether anyone changed the report since the wire last wrote it.

        Any save moves the version on (text, byline, a tag added by a click, a workflow
        step); the text checksum also catches changes that bypassed save().
        """
        if not self.ingest_checksum:
            return False
        moved_on = self.ingest_version is not None and self.version != self.ingest_version
        return moved_on or self.ingest_checksum != self.text_checksum()

    def mark_imported(self) -> None:
        """Note that the wire wrote this text; call just before the save that stores it."""
        self.ingest_checksum = self.text_checksum()
        self.ingest_version = self.version + 1 if self.pk else self.version

    @property
    def predecessor(self) -> Article | None:
        """Return the report this one updates or corrects, if any."""
        return self.correction_of or self.update_of

    def public_chain(self) -> list[Article]:
        """Return the public reports of this report's chain, oldest first, in one query;
        none asked when it follows no report and nothing published replaces it."""
        if not (self.update_of_id or self.correction_of_id or self.superseded_at):
            return []
        chain = Article.objects.published().chain_of(self).only(*LINK_FIELDS).order_by()
        return sorted(chain, key=lambda report: (report.visible_from, report.pk))

    @property
    def is_superseded(self) -> bool:
        """Return whether a published update or correction replaces it now (the reverse
        of `current()`)."""
        return self.superseded_at is not None and self.superseded_at <= timezone.now()


def text_checksum(*parts: str) -> str:
    """Return a SHA-256 over text parts, ignoring differences in whitespace."""
    joined = "\x1f".join(" ".join((part or "").split()) for part in parts)
    return hashlib.sha256(joined.encode()).hexdigest()


COVERAGE_KINDS = ("country", "event", "organization", "person")


class CoverageQuerySet(models.QuerySet):
    def shown_later(self, now: datetime.datetime) -> CoverageQuerySet:
        """Keep rows counted already but not public yet (scheduled or embargoed reports)."""
        return self.filter(visible_from__gt=now, superseded_at__isnull=True)

    def replaced_later(self, now: datetime.datetime) -> CoverageQuerySet:
        """Keep rows public now but not counted (their successor is still to come)."""
        return self.filter(visible_from__lte=now, superseded_at__gt=now)


class Coverage(models.Model):
    """One report listed under one entity: a tag, its dateline country or its agency, its
    own or one of its published predecessors' (`articles.coverage`: a chain keeps its place).

    A denormalized index kept in step with the reports (`articles.coverage`): it carries
    the report's `visible_from` and `superseded_at`, so that an entity's reports are read
    newest first straight off one index, at any depth, for any entity size.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="coverage")
    country = models.ForeignKey(
        Country, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    event = models.ForeignKey(
        Event, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    organization = models.ForeignKey(
        Organization, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    person = models.ForeignKey(
        Person, null=True, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    visible_from = models.DateTimeField(null=True)
    superseded_at = models.DateTimeField(null=True)

    objects = CoverageQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "coverage"
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, event=None, organization=None, person=None)
                | Q(country=None, event__isnull=False, organization=None, person=None)
                | Q(country=None, event=None, organization__isnull=False, person=None)
                | Q(country=None, event=None, organization=None, person__isnull=False),
                name="coverage_one_entity",
            ),
            *(
                models.UniqueConstraint(
                    fields=[kind, "article"],
                    condition=Q(**{f"{kind}__isnull": False}),
                    name=f"coverage_unique_{kind}",
                )
                for kind in COVERAGE_KINDS
            ),
        ]
        indexes = [
            *(
                models.Index(
                    F(kind),
                    F("visible_from").desc(),
                    F("article").desc(),
                    condition=Q(**{f"{kind}__isnull": False, "visible_from__isnull": False}),
                    include=["superseded_at"],  # counts read it off the index (PostgreSQL)
                    name=f"coverage_{kind[:3]}_listing_idx",
                )
                for kind in COVERAGE_KINDS
            ),
            *(
                models.Index(
                    fields=[kind, "superseded_at"],
                    condition=Q(**{f"{kind}__isnull": False, "superseded_at__isnull": False}),
                    include=["visible_from"],
                    name=f"coverage_{kind[:3]}_replaced_idx",
                )
                for kind in COVERAGE_KINDS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} under {self.entity_kind} {self.entity_id}"

    @staticmethod
    def entity_model(kind: str) -> type[Country | Event | Organization | Person]:
        """Return the model an entity kind stands for (country → Country, …)."""
        model = Coverage._meta.get_field(kind).related_model
        return cast("type[Country | Event | Organization | Person]", model)

    @property
    def entity_kind(self) -> str:
        """Return which kind of entity the row lists the report under."""
        return next(k for k in COVERAGE_KINDS if getattr(self, f"{k}_id") is not None)

    @property
    def entity_id(self):
        """Return the key of the entity the row lists the report under."""
        return getattr(self, f"{self.entity_kind}_id")

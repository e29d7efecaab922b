"""Abstract models shared by the apps."""

import datetime
from functools import lru_cache
from typing import Any, Self, cast

from anyascii import anyascii
from django.conf import settings
from django.db import connections, models, router
from django.db.models import Exists, OuterRef, Q
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.text import slugify

from newsroom.fields import AliasesField
from newsroom.safe_text import safe_text


class Tracked(models.Model):
    """Who created and last changed a record, and when."""

    created_at = models.DateTimeField(auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save without the characters no stored text keeps (newsroom.safe_text), from
        whichever form, API or command the text came."""
        for field in self._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, safe_text(value))
        super().save(*args, **kwargs)


class NamedEntity(Tracked):
    """A registry record known by a name, other names (aliases) and the slug of its URL.

    Events, event series, organizations and people. The slug is made from the name
    (`slug_source`) when first saved and then kept, so addresses do not move.
    """

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=80, unique=True, blank=True)
    aliases = AliasesField()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source())
        if hasattr(self, "coverage_count"):  # kept by the database: never written back
            kwargs = without_maintained_count(self, kwargs)
        super().save(*args, **kwargs)

    def slug_source(self) -> str:
        """Return the text a new record's slug is made from."""
        return self.name

    @property
    def all_names(self) -> list[str]:
        """Return the name and aliases, without repeats."""
        return list(dict.fromkeys(n for n in [self.name, *self.aliases] if n))


def slug_base(text: str, *, max_length: int = 80) -> str:
    """Return the slug text gives before any "-2" is added (transliterated: 'Москва' → 'moskva')."""
    return slugify(anyascii(text))[: max_length - 6].strip("-") or "item"


def unique_slug(instance: models.Model, text: str, *, max_length: int = 80) -> str:
    """Return a slug for text (transliterated: 'Москва' → 'moskva') no other row uses."""
    base = slug_base(text, max_length=max_length)
    manager = type(instance)._default_manager
    others = manager.exclude(pk=instance.pk) if instance.pk else manager.all()
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    return _free_slug(base, taken)


def unique_slugs(model: type[models.Model], texts: list[str], *, max_length: int = 80) -> list[str]:
    """Return slugs for new rows of model, one per text, unused by any row or each other.

    One query for up to 200 of them (what `unique_slug` does for one).
    """
    bases = [slug_base(text, max_length=max_length) for text in texts]
    distinct, taken = list(dict.fromkeys(bases)), set()
    for start in range(0, len(distinct), 200):  # SQLite caps the depth of an expression
        taken |= _slugs_starting(model, distinct[start : start + 200])
    slugs = []
    for base in bases:
        slugs.append(_free_slug(base, taken))
        taken.add(slugs[-1])
    return slugs


def _slugs_starting(model: type[models.Model], bases: list[str]) -> set[str]:
    """Return the slugs of model's rows that start with any of bases.

    The query `filter(Q(slug__startswith=…) | …)` runs, written out directly: compiling
    the lookups cost more than running them.
    """
    connection: Any = connections[router.db_for_read(model)]  # its `operators` are untyped
    slug = cast(models.Field, model._meta.get_field("slug"))
    column = connection.ops.quote_name(cast(str, slug.column))
    lhs = connection.ops.lookup_cast("startswith", slug.get_internal_type()) % column
    test = f"{lhs} {connection.operators['startswith']}"
    where = " OR ".join([test] * len(bases))
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM {table} WHERE {where}",
            [f"{connection.ops.prep_for_like_query(base)}%" for base in bases],
        )
        return {found for (found,) in cursor.fetchall()}


def _free_slug(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def slug_url(viewname: str, slug: str, *, date: str | None = None, mark: str = "zz-slug") -> str:
    """Return reverse(viewname, args=[slug]) (or [yyyy, mm, dd, slug] with `date`) quickly.

    Lists link hundreds of objects per page; resolving the URL pattern once per view name
    and filling in the slug saves most of reverse()'s cost. `mark` is any value the
    pattern accepts in place of the slug.
    """
    url = _url_pattern(viewname, get_script_prefix(), mark, date is not None)
    if date is not None:
        url = url.replace("/0000/00/00/", f"/{date}/", 1)
    return url.replace(f"/{mark}/", f"/{slug}/", 1)


@lru_cache(maxsize=64)
def _url_pattern(viewname: str, prefix: str, mark: str, dated: bool) -> str:
    return reverse(viewname, args=["0000", "00", "00", mark] if dated else [mark])


def without_maintained_count(instance: models.Model, kwargs: dict) -> dict:
    """Return save() arguments that leave `coverage_count` to the database.

    The count moves by ±1 in SQL as reports change; writing back the value an object
    held when it was loaded (an admin form open meanwhile) would undo those moves.
    """
    if instance._state.adding or kwargs.get("update_fields") is not None:
        return kwargs
    if kwargs.get("force_insert"):
        return kwargs
    fields = [
        f.name
        for f in instance._meta.concrete_fields
        if not f.primary_key and f.name != "coverage_count" and not f.generated
    ]
    return {**kwargs, "update_fields": fields}


class PublicEntityQuerySet(models.QuerySet):
    """Visibility of a registry record (event, organization, person) on the public site.

    A record is public once a report the public may see names it (tag, dateline or
    filing agency, through the coverage index), or when an editor marked it public ahead
    of any report (`always_public`: an event announced ahead, an agency). Until then a
    story still unpublished cannot leak who it is about. Evaluated at query time, like
    `ArticleQuerySet.published()`.
    """

    coverage_kind: str  # the Coverage column naming this kind of record

    def public(self, now: datetime.datetime | None = None) -> Self:
        """Keep records the public may see at `now`."""
        return self.filter(public_at(self.coverage_kind, now))


def public_at(kind: str, now: datetime.datetime | None = None, prefix: str = "") -> Q:
    """The condition `PublicEntityQuerySet.public()` applies, for a record of `kind` found
    through `prefix` (e.g. `public_at("organization", prefix="organization__")`)."""
    from articles.models import Coverage, visible_at

    key = f"{prefix.removesuffix('__')}_id" if prefix else "pk"
    named = Coverage.objects.filter(visible_at(now or timezone.now())).filter(
        **{kind: OuterRef(key)}
    )
    return Q(**{f"{prefix}always_public": True}) | Q(Exists(named))


def always_public_field() -> models.BooleanField:
    """The editor's mark that makes a registry record public before any report names it."""
    return models.BooleanField(
        "public before any report",
        default=False,
        help_text="Show it on the public site before a published report names it (an event "
        "announced ahead, an agency). Otherwise it appears once one does.",
    )

from typing import cast

from django.db import transaction
from django.urls import reverse
from drf_spectacular.extensions import (
    OpenApiSerializerExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article
from articles.successors import public_successor, successor_kind
from articles.workflow import ArticleStatus
from editorial.revisions import one_revision
from events.models import Event
from events.serializers import EventTagSerializer
from newsroom.languages import normalized_language_tag, validate_language_tag
from newsroom.serializers import CountryCodeField, PublicURLField, RecordSlugsField
from organizations.models import Organization, Person
from organizations.serializers import OrganizationTagSerializer, PersonTagSerializer
from places.models import City, Country
from places.serializers import CityTagSerializer, CountryTagSerializer


class DatelineSerializer(serializers.ModelSerializer):
    raw = serializers.CharField(source="dateline_raw")
    city = CityTagSerializer(source="dateline_city", allow_null=True)
    country = CountryTagSerializer(source="dateline_country", allow_null=True)
    date = serializers.DateField(source="dateline_date", allow_null=True)

    class Meta:
        model = Article
        fields = ["raw", "city", "country", "date"]


class TagsField(serializers.Field):
    """A report's tags of one kind: its `tag_rows` when a list attached them (see
    articles/tag_rows.py), else its prefetched tags through the tag serializer."""

    def __init__(self, serializer: type[serializers.ModelSerializer], **kwargs) -> None:
        self.serializer = serializer
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, article: Article) -> list[dict]:
        rows = getattr(article, "tag_rows", None)
        if rows is not None:
            shown = self.serializer.Meta.fields
            return [{name: row[name] for name in shown} for row in rows[self.field_name]]
        tags = getattr(article, cast(str, self.field_name)).all()  # bound: it has a name
        return cast(list[dict], self.serializer(tags, many=True).data)  # many: a ReturnList


class TagsFieldSchema(OpenApiSerializerFieldExtension):
    """Describe a `TagsField` in the OpenAPI schema as a list of its tag serializer."""

    target_class = TagsField

    def map_serializer_field(self, auto_schema, direction):
        component = auto_schema.resolve_serializer(self.target.serializer, direction)
        return {"type": "array", "items": component.ref}


class ArticleListSerializer(serializers.ModelSerializer):
    dateline = DatelineSerializer(source="*", read_only=True)
    agency = OrganizationTagSerializer(read_only=True, allow_null=True)
    events = TagsField(EventTagSerializer)
    countries = TagsField(CountryTagSerializer)
    organizations = TagsField(OrganizationTagSerializer)
    people = TagsField(PersonTagSerializer)
    url = PublicURLField()
    # When the public could first read it (the later of publish time and embargo): what
    # lists are ordered and `published_after` / `published_before` filter by.
    public_since = serializers.DateTimeField(source="visible_from", read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "headline",
            "summary",
            "dateline",
            "agency",
            "language",
            "published_at",
            "public_since",
            "updated_at",
            "version",
            "events",
            "countries",
            "organizations",
            "people",
            "url",
        ]


@extend_schema_field({"type": "integer", "nullable": True})
class PublicPredecessorField(serializers.Field):
    """The id of the report this one updates or corrects, if that report is public."""

    def to_representation(self, value: Article | None) -> int | None:
        return value.pk if value is not None and value.is_public else None


SUCCESSOR_KINDS = ["correction", "update"]


class SupersededBySerializer(serializers.Serializer):
    """The public update or correction that replaces a report."""

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=SUCCESSOR_KINDS)
    headline = serializers.CharField()
    api_url = serializers.URLField()
    url = serializers.URLField()


class SupersededByField(serializers.Field):
    """A replaced report's newest public update or correction (null while none is public)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, allow_null=True, **kwargs)

    def to_representation(self, article: Article) -> dict | None:
        successor = public_successor(article)
        if successor is None:
            return None
        request = self.context.get("request")
        api_url = reverse("article-detail", args=[successor.pk])
        url = successor.get_absolute_url()
        if request is not None:
            api_url, url = request.build_absolute_uri(api_url), request.build_absolute_uri(url)
        kind = successor_kind(article, successor)
        return {"id": successor.pk, "kind": kind, "headline": successor.headline,
                "api_url": api_url, "url": url}  # fmt: skip


class SupersededByFieldSchema(OpenApiSerializerFieldExtension):
    """Describe a `SupersededByField` as a nullable `SupersededBy` object."""

    target_class = SupersededByField

    def map_serializer_field(self, auto_schema, direction):
        component = auto_schema.resolve_serializer(SupersededBySerializer, direction)
        return {"oneOf": [component.ref], "nullable": True}


@extend_schema_field({"type": "string", "format": "date-time", "nullable": True})
class SupersededAtField(serializers.Field):
    """When the report was first replaced by a public update or correction (else null)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)
        self.stamp = serializers.DateTimeField()

    def to_representation(self, article: Article) -> str | None:
        if public_successor(article) is None or article.superseded_at is None:
            return None
        return self.stamp.to_representation(article.superseded_at)


class ArticleDetailSerializer(ArticleListSerializer):
    update_of = PublicPredecessorField(read_only=True)
    correction_of = PublicPredecessorField(read_only=True)
    superseded_by = SupersededByField()
    superseded_at = SupersededAtField()

    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields,
            "body",
            "byline",
            "agency_item_id",
            "source_url",
            "version",
            "correction_note",
            "update_of",
            "correction_of",
            "superseded_by",
            "superseded_at",
            # What a token that reads drafts needs to tell them from public reports.
            "status",
            "embargo_until",
            "withdrawn_at",
        ]


class WithdrawnArticleSerializer(serializers.ModelSerializer):
    """What the API still says about a withdrawn report."""

    withdrawn = serializers.SerializerMethodField(help_text="Always true here.")

    class Meta:
        model = Article
        fields = ["id", "headline", "withdrawn", "withdrawn_at", "withdrawal_reason", "version"]

    def get_withdrawn(self, article: Article) -> bool:
        return True


class PublicChangeSerializer(ArticleDetailSerializer):
    """A public report in the sync stream: as its detail shows it, with `withdrawn: false`
    and when it changed for the public (`changed_at`, the stream's order)."""

    withdrawn = serializers.SerializerMethodField(help_text="Always false here.")
    changed_at = serializers.DateTimeField(read_only=True)

    class Meta(ArticleDetailSerializer.Meta):
        fields = [*ArticleDetailSerializer.Meta.fields, "withdrawn", "changed_at"]

    def get_withdrawn(self, article: Article) -> bool:
        return False


class WithdrawalChangeSerializer(WithdrawnArticleSerializer):
    """A withdrawn report in the sync stream (a tombstone): its notice, and `changed_at`."""

    changed_at = serializers.DateTimeField(read_only=True)

    class Meta(WithdrawnArticleSerializer.Meta):
        fields = [*WithdrawnArticleSerializer.Meta.fields, "changed_at"]


class ArticleChangeSerializer(serializers.BaseSerializer):
    """An item of the sync stream: a public report as its detail shows it, or a withdrawn
    one's notice (`"withdrawn": true`), each with the time it changed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Built once for the whole page: a serializer's fields are costly to set up.
        self.public = PublicChangeSerializer(context=self.context)
        self.gone = WithdrawalChangeSerializer(context=self.context)

    def to_representation(self, article: Article) -> dict:
        shown = self.gone if article.status == ArticleStatus.WITHDRAWN else self.public
        return dict(shown.to_representation(article))


class ArticleChangeSchema(OpenApiSerializerExtension):
    """Describe a sync stream item as one of a public report and a withdrawal notice."""

    target_class = ArticleChangeSerializer

    def map_serializer(self, auto_schema, direction):
        kinds = (PublicChangeSerializer, WithdrawalChangeSerializer)
        refs = [auto_schema.resolve_serializer(kind, direction).ref for kind in kinds]
        return {"oneOf": refs, "description": "A public report or a withdrawal notice."}


class ArticleListItemSerializer(serializers.BaseSerializer):
    """An item of `/api/v1/articles/` (for the schema only): a list's report, or in the
    sync stream (`updated_since`, `ordering=updated_at`) a change."""


class ArticleListItemSchema(OpenApiSerializerExtension):
    """Describe a report list's item: `anyOf`, as a stream's public item is also a list's."""

    target_class = ArticleListItemSerializer

    def map_serializer(self, auto_schema, direction):
        kinds = (ArticleListSerializer, ArticleChangeSerializer)
        refs = [auto_schema.resolve_serializer(kind, direction).ref for kind in kinds]
        return {
            "anyOf": refs,
            "description": "A report (`ArticleList`); in the sync stream (`updated_since`, "
            "`ordering=updated_at`) a change (`ArticleChange`).",
        }


class LanguageTagField(serializers.CharField):
    """A language tag, written as BCP 47 writes it (`EN` is `en`, `en_us` is `en-US`);
    anything no tag can be made of is a field error."""

    def __init__(self, **kwargs) -> None:
        super().__init__(max_length=16, validators=[validate_language_tag], **kwargs)

    def to_internal_value(self, data) -> str:
        value = super().to_internal_value(data)
        return normalized_language_tag(value) or value


class ArticleWriteSerializer(serializers.ModelSerializer):
    """What an integrator writes on a report: text, dateline, source and tags by slug
    (countries by ISO code). Status is not a field: workflow steps change it."""

    dateline_city = serializers.PrimaryKeyRelatedField(
        queryset=City.objects.all(), required=False, allow_null=True
    )
    dateline_country = CountryCodeField(required=False, allow_null=True)
    agency = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organization.objects.agencies(), required=False, allow_null=True
    )
    update_of = serializers.PrimaryKeyRelatedField(
        queryset=Article.objects.all(), required=False, allow_null=True
    )
    correction_of = serializers.PrimaryKeyRelatedField(
        queryset=Article.objects.all(), required=False, allow_null=True
    )
    language = LanguageTagField(required=False)
    events = RecordSlugsField(Event.objects.all(), required=False)
    countries = RecordSlugsField(Country.objects.all(), lookup="code", required=False)
    organizations = RecordSlugsField(Organization.objects.all(), required=False)
    people = RecordSlugsField(Person.objects.all(), required=False)

    class Meta:
        model = Article
        fields = [
            "headline", "summary", "body", "byline", "dateline_raw", "dateline_city",
            "dateline_country", "dateline_date", "agency", "agency_item_id", "language",
            "source_url", "published_at", "embargo_until", "correction_note", "update_of",
            "correction_of", "events", "countries", "organizations", "people",
        ]  # fmt: skip
        extra_kwargs = {"headline": {"required": True}}
        validators: list = []  # the model's own checks run in `save_with_tags` (full_clean)

    def save_with_tags(self, *, by) -> Article:
        """Save the report and its tags as one revision by `by` (the admin's path)."""
        data = dict(self.validated_data)
        tags = {field: data.pop(field) for field in TAG_FIELDS if field in data}
        if self.instance is not None and not self._changes(data, tags):
            return self.instance  # nothing new: no new version, no revision, no webhook
        article = self.instance or Article(created_by=by)
        for name, value in data.items():
            setattr(article, name, value)
        article.updated_by = by
        # A field the write leaves alone is not checked: an old report's language from
        # before tags were validated must not refuse an edit of its headline.
        unwritten = [] if "language" in data else ["language"]
        article.full_clean(exclude=["slug", "status", *TAG_FIELDS, *unwritten])
        with transaction.atomic(), one_revision(article, by=by, created=article.pk is None):
            article.save()
            for field, records in tags.items():
                getattr(article, field).set(records)
        self.instance = article
        return article

    def _changes(self, data: dict, tags: dict) -> bool:
        """Whether the write changes any field or tag of the report."""
        article = self.instance
        if any(getattr(article, name) != value for name, value in data.items()):
            return True
        return any(
            {record.pk for record in getattr(article, field).all()}
            != {record.pk for record in records}
            for field, records in tags.items()
        )


TAG_FIELDS = ("events", "countries", "organizations", "people")


class WorkflowStepSerializer(serializers.Serializer):
    """A workflow step's input: `at` to schedule a publication, `reason` to withdraw."""

    at = serializers.DateTimeField(required=False)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)

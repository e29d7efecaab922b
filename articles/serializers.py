from typing import cast

from rest_framework import serializers

from articles.models import Article
from events.serializers import EventTagSerializer
from newsroom.serializers import PublicURLField
from organizations.serializers import OrganizationTagSerializer, PersonTagSerializer
from places.serializers import CityTagSerializer, CountryTagSerializer


class DatelineSerializer(serializers.ModelSerializer):
    raw = serializers.CharField(source="dateline_raw")
    city = CityTagSerializer(source="dateline_city")
    country = CountryTagSerializer(source="dateline_country")
    date = serializers.DateField(source="dateline_date")

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


class ArticleListSerializer(serializers.ModelSerializer):
    dateline = DatelineSerializer(source="*", read_only=True)
    agency = OrganizationTagSerializer(read_only=True)
    events = TagsField(EventTagSerializer)
    countries = TagsField(CountryTagSerializer)
    organizations = TagsField(OrganizationTagSerializer)
    people = TagsField(PersonTagSerializer)
    url = PublicURLField()

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
            "events",
            "countries",
            "organizations",
            "people",
            "url",
        ]


class PublicPredecessorField(serializers.Field):
    """The id of the report this one updates or corrects, if that report is public."""

    def to_representation(self, value: Article | None) -> int | None:
        return value.pk if value is not None and value.is_public else None


class ArticleDetailSerializer(ArticleListSerializer):
    update_of = PublicPredecessorField(read_only=True)
    correction_of = PublicPredecessorField(read_only=True)

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
        ]


class WithdrawnArticleSerializer(serializers.ModelSerializer):
    """What the API still says about a withdrawn report."""

    withdrawn = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = ["id", "headline", "withdrawn", "withdrawn_at", "withdrawal_reason"]

    def get_withdrawn(self, article: Article) -> bool:
        return True
